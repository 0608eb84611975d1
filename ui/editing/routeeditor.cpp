// SPDX-License-Identifier: MIT
#include "editing/routeeditor.h"

#include "document/document.h"
#include "edit/weightbalancer.h"
#include "editing/adddestinationmenu.h"
#include "editing/destinationrow.h"
#include "editing/editoricons.h"
#include "editing/matchdescription.h"
#include "editing/mirroreditor.h"
#include "widgets/subsetpalette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

bool isWeighted(const HttpRoute &route)
{
    return !route.route.empty() && !route.redirect && !route.directResponse && !route.delegate;
}

// A Gateway API match as the editor describes it (MatchDescription reads
// http match blocks). PathPrefix "/" is what a rule without matches gets:
// every request, so no condition.
HttpMatchRequest matchBlock(const RouteMatch &match)
{
    HttpMatchRequest block;
    if (match.path && !(match.path->kind == StringMatch::Kind::PathPrefix && match.path->value == "/"))
        block.uri = match.path;
    if (!match.grpcService.empty() || !match.grpcMethod.empty()) {
        StringMatch grpc;
        grpc.kind = match.grpcRegex ? StringMatch::Kind::Regex : StringMatch::Kind::Exact;
        grpc.value = '/' + (match.grpcService.empty() ? std::string("*") : match.grpcService) + '/'
            + (match.grpcMethod.empty() ? std::string("*") : match.grpcMethod);
        block.uri = grpc;
    }
    if (!match.method.empty())
        block.method = StringMatch{StringMatch::Kind::Exact, match.method, {}};
    block.headers = match.headers;
    block.queryParams = match.queryParams;
    return block;
}

} // namespace

RouteEditor::RouteEditor(Document *document, QHash<QString, bool> *locks, QWidget *parent)
    : QFrame(parent)
    , m_document(document)
    , m_locks(locks)
    , m_title(new QLabel(this))
    , m_moveUp(new QToolButton(this))
    , m_moveDown(new QToolButton(this))
    , m_removeRoute(new QToolButton(this))
    , m_match(new QLabel(this))
    , m_rowsLayout(new QVBoxLayout)
    , m_noWeights(new QLabel(this))
    , m_distribute(new QPushButton(this))
    , m_add(new QToolButton(this))
    , m_addMenu(new AddDestinationMenu(document, this))
    , m_mirror(new MirrorEditor(document, this))
{
    setFrameShape(QFrame::StyledPanel);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_match->setWordWrap(true);
    m_match->setTextFormat(Qt::PlainText);
    m_match->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_noWeights->setWordWrap(true);
    for (QToolButton *button : {m_moveUp, m_moveDown, m_removeRoute})
        button->setAutoRaise(true);
    m_moveUp->setIcon(EditorIcons::moveUp());
    m_moveDown->setIcon(EditorIcons::moveDown());
    m_removeRoute->setIcon(EditorIcons::remove());
    m_add->setIcon(EditorIcons::add());
    m_add->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_add->setPopupMode(QToolButton::InstantPopup);
    m_add->setMenu(m_addMenu);

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_moveUp);
    header->addWidget(m_moveDown);
    header->addWidget(m_removeRoute);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_distribute);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_match);
    layout->addLayout(m_rowsLayout);
    layout->addWidget(m_noWeights);
    layout->addLayout(buttons);
    layout->addWidget(m_mirror);

    connect(m_moveUp, &QToolButton::clicked, this, [this] { m_document->moveRoute(m_ref, m_ref.index - 1); });
    connect(m_moveDown, &QToolButton::clicked, this, [this] { m_document->moveRoute(m_ref, m_ref.index + 1); });
    connect(m_removeRoute, &QToolButton::clicked, this, [this] { m_document->removeRoute(m_ref); });
    connect(m_distribute, &QPushButton::clicked, this, &RouteEditor::distributeEvenly);
    connect(m_mirror, &MirrorEditor::edited, this, [this] { update(); });
    retranslate();
}

void RouteEditor::retranslate()
{
    m_moveUp->setToolTip(tr("Move this route up: routes are tried in order"));
    m_moveDown->setToolTip(tr("Move this route down"));
    m_removeRoute->setToolTip(tr("Remove this route"));
    m_distribute->setText(tr("Distribute Evenly"));
    m_distribute->setToolTip(tr("Share what the locked destinations leave evenly among the others"));
    m_mirror->retranslate();
    if (m_built) {
        m_structure.clear(); // texts built into the rows: build them again
        update();
    }
    for (DestinationRow *row : m_rows)
        row->retranslate();
}

QString RouteEditor::structureOf(const Mesh &mesh, const HttpRoute &route)
{
    QString key = isWeighted(route) ? QStringLiteral("w") : QStringLiteral("x");
    for (const RouteDestination &destination : route.route)
        key += u'|' + qs(destination.destination.fqdn) + u':' + qs(destination.destination.subset);
    key += QStringLiteral("|mirror:");
    if (route.mirror)
        key += qs(route.mirror->fqdn) + u':' + qs(route.mirror->subset);
    for (const auto &host : AddDestinationMenu::hostsOf(route)) {
        for (const DestinationRule *rule : mesh.destinationRulesFor(host.first)) {
            for (const Subset &subset : rule->subsets)
                key += u'|' + qs(host.first) + u':' + qs(subset.name);
        }
    }
    return key;
}

void RouteEditor::setRoute(const MeshPtr &mesh, const VirtualService &vs, const RouteRef &ref)
{
    m_mesh = mesh;
    m_ref = ref;
    m_rule = {};
    m_ruleName.clear();
    if (ref.section == "http") {
        m_source = Source::Http;
        m_route = vs.http.at(ref.index);
        m_routeCount = vs.http.size();
        m_connectionMatch.clear();
    } else {
        const std::vector<L4Route> &routes = ref.section == "tls" ? vs.tls : vs.tcp;
        m_source = Source::Connection;
        m_route = HttpRoute();
        m_route.route = routes.at(ref.index).route;
        m_connectionMatch = routes[ref.index].match;
        m_routeCount = routes.size();
    }
    m_addMenu->setRoute(mesh, m_route, m_ref);
    m_built = true;
    update();
}

void RouteEditor::setRule(const MeshPtr &mesh, const GatewayApiRoute &route, size_t index)
{
    m_mesh = mesh;
    m_source = Source::GatewayRule;
    m_rule = GatewayRuleRef{route.meta.kind, route.meta.ns, route.meta.name, index};
    // The rule's place for titles and lock keys; every edit takes m_rule.
    m_ref = RouteRef{route.meta.ns, route.meta.name, index, "rules"};
    m_route = backendWeightsRoute(*mesh, m_rule).value_or(HttpRoute());
    const RouteRule &rule = route.rules.at(index);
    m_ruleName = rule.name;
    for (const RouteMatch &match : rule.matches) {
        m_route.match.push_back(matchBlock(match));
        if (m_route.match.back().isCatchAll()) { // one block that takes everything: so does the rule
            m_route.match.clear();
            break;
        }
    }
    // A TLSRoute's rules all match its hostnames by SNI; a TCPRoute's take every connection.
    m_connectionMatch.clear();
    if (!route.isHttpLike() && !route.hostnames.empty()) {
        L4Match byServerName;
        byServerName.sniHosts = route.hostnames;
        m_connectionMatch.push_back(std::move(byServerName));
    }
    m_routeCount = route.rules.size();
    m_addMenu->setRule(mesh, m_route, m_rule);
    m_built = true;
    update();
}

QMenu *RouteEditor::addMenu() const
{
    return m_addMenu;
}

QComboBox *RouteEditor::mirrorTarget() const
{
    return m_mirror->target();
}

QDoubleSpinBox *RouteEditor::mirrorPercentage() const
{
    return m_mirror->percentage();
}

QString RouteEditor::title() const
{
    const int number = int(m_ref.index) + 1;
    switch (m_source) {
    case Source::Http:
        return m_route.name.empty() ? tr("Route %1").arg(number)
                                    : tr("Route %1 \u00b7 %2").arg(number).arg(qs(m_route.name));
    case Source::Connection: {
        // What tells this route's connections apart: the port (tcp) or the server names (tls).
        QStringList detail;
        for (const L4Match &match : m_connectionMatch) {
            if (m_ref.section == "tls") {
                for (const std::string &host : match.sniHosts)
                    detail << qs(host);
            } else if (match.port && detail.isEmpty()) {
                detail << QString::number(*match.port);
            }
        }
        if (m_ref.section == "tls")
            return detail.isEmpty() ? tr("TLS route %1").arg(number)
                                    : tr("TLS route %1 \u00b7 SNI %2").arg(number).arg(detail.join(QStringLiteral(", ")));
        return detail.isEmpty() ? tr("TCP route %1").arg(number)
                                : tr("TCP route %1 \u00b7 port %2").arg(number).arg(detail.front());
    }
    case Source::GatewayRule:
        return m_ruleName.empty() ? tr("Rule %1").arg(number)
                                  : tr("Rule %1 \u00b7 %2").arg(number).arg(qs(m_ruleName));
    }
    return {};
}

void RouteEditor::update()
{
    // What the editor is for is part of its structure: a tcp route's rows are not an http route's.
    const QString structure = qs(m_rule.kind) + u'|' + qs(m_ref.section) + u'|' + structureOf(*m_mesh, m_route);
    if (structure != m_structure) {
        m_structure = structure;
        rebuild();
    }
    m_title->setText(title());
    m_add->setText(m_source == Source::GatewayRule ? tr("Add Backend") : tr("Add Destination"));
    m_title->setToolTip(m_source == Source::GatewayRule ? QStringLiteral("rules[%1]").arg(m_ref.index)
                                                        : QStringLiteral("%1[%2]").arg(qs(m_ref.section)).arg(m_ref.index));
    const bool connections = m_source == Source::Connection
        || (m_source == Source::GatewayRule && (m_rule.kind == "TCPRoute" || m_rule.kind == "TLSRoute"));
    if (connections) {
        L4Route connection;
        connection.match = m_connectionMatch;
        connection.route = m_route.route;
        m_match->setText(MatchDescription::connection(connection));
    } else {
        m_match->setText(MatchDescription::route(m_route));
    }
    // Moving and removing whole routes, and mirrors, are http route edits.
    const bool http = m_source == Source::Http;
    for (QWidget *widget : std::initializer_list<QWidget *>{m_moveUp, m_moveDown, m_removeRoute, m_mirror})
        widget->setVisible(http);
    m_moveUp->setEnabled(m_ref.index > 0);
    m_moveDown->setEnabled(m_ref.index + 1 < m_routeCount);
    m_removeRoute->setEnabled(m_routeCount > 1);

    const std::vector<int64_t> weights = currentWeights();
    for (size_t i = 0; i < m_rows.size(); ++i) {
        // The held slider stays under the hand: the document may be a step behind it.
        if (!m_rows[i]->isDragging())
            m_rows[i]->setWeight(int(weights[i]));
        m_rows[i]->setLocked(m_locks->value(lockKey(i)));
    }
    updateAdjustable();
    m_mirror->update(m_route, m_ref);
}

void RouteEditor::rebuild()
{
    for (DestinationRow *row : m_rows) {
        m_rowsLayout->removeWidget(row);
        row->hide();
        row->deleteLater(); // may be the sender of the signal that got us here
    }
    m_rows.clear();
    m_dragIndex = -1;
    const bool weighted = isWeighted(m_route);
    for (size_t i = 0; weighted && i < m_route.route.size(); ++i) {
        auto *row = new DestinationRow(MatchDescription::destination(m_route, i), this);
        row->setName(MatchDescription::destination(m_route, i), qs(m_route.route[i].destination.label()));
        const Destination &destination = m_route.route[i].destination;
        row->setColor(subsetColor(colorKey(destination)));
        m_rowsLayout->addWidget(row);
        m_rows.push_back(row);
        connect(row, &DestinationRow::dragStarted, this, [this, i] { startDrag(i); });
        connect(row, &DestinationRow::dragged, this, [this, i](int value) { drag(i, value); });
        connect(row, &DestinationRow::dragFinished, this, &RouteEditor::finishDrag);
        connect(row, &DestinationRow::weightEntered, this, [this, i](int value) { enter(i, value); });
        connect(row, &DestinationRow::lockToggled, this, [this, i](bool locked) {
            m_locks->insert(lockKey(i), locked);
            updateAdjustable();
        });
        connect(row, &DestinationRow::removeRequested, this, [this, i] { removeDestination(i); });
    }
    m_noWeights->setVisible(!weighted);
    m_noWeights->setText(weighted                                 ? QString()
                             : m_source == Source::GatewayRule ? tr("This rule has no backends: nothing to weigh.")
                                                               : tr("This route does not forward to destinations: nothing to weigh."));
    m_distribute->setVisible(weighted);
    m_add->setVisible(weighted);
    m_mirror->rebuild(*m_mesh, m_route, weighted);
}

QString RouteEditor::colorKey(const Destination &destination) const
{
    if (!destination.subset.empty() || m_source != Source::GatewayRule)
        return qs(destination.subset.empty() ? destination.fqdn : destination.subset);
    // A Gateway API canary has one Service per version: the row takes the
    // colour of the version its pods carry, as the graph draws them.
    return qs(m_mesh->versionOf(destination.fqdn, destination.subset));
}

std::vector<int64_t> RouteEditor::currentWeights() const
{
    std::vector<int64_t> effective;
    for (size_t i = 0; i < m_route.route.size(); ++i)
        effective.push_back(m_route.effectiveWeight(i));
    const std::vector<int> normalized = WeightBalancer::normalized(effective);
    return {normalized.begin(), normalized.end()};
}

std::vector<bool> RouteEditor::lockedFlags() const
{
    std::vector<bool> locked;
    for (DestinationRow *row : m_rows)
        locked.push_back(row->isLocked());
    return locked;
}

QString RouteEditor::lockKey(size_t index) const
{
    // http routes keep their established keys; the others name their list (or their kind) too.
    const QString list = m_source == Source::Http ? QString() : qs(m_rule.kind.empty() ? m_ref.section : m_rule.kind) + u'#';
    return list + qs(m_ref.ns + '/' + m_ref.name) + u'#' + QString::number(m_ref.index) + u'#'
        + qs(m_route.route[index].destination.fqdn) + u':' + qs(m_route.route[index].destination.subset);
}

void RouteEditor::updateAdjustable()
{
    const std::vector<bool> locked = lockedFlags();
    const size_t unlocked = size_t(std::count(locked.begin(), locked.end(), false));
    for (size_t i = 0; i < m_rows.size(); ++i) {
        // A weight moves only when another unlocked one can take up the difference.
        m_rows[i]->setAdjustable(unlocked >= 2);
        m_rows[i]->lockButton()->setEnabled(m_rows.size() > 1);
        m_rows[i]->setRemovable(m_rows.size() > 1);
    }
    m_distribute->setEnabled(unlocked >= 2);
}

void RouteEditor::startDrag(size_t index)
{
    m_dragIndex = int(index);
    m_dragId = Document::newDragId();
    m_dragBasis = currentWeights();
}

void RouteEditor::drag(size_t index, int value)
{
    if (m_dragIndex != int(index))
        startDrag(index);
    const std::vector<int> weights = WeightBalancer::drag(m_dragBasis, lockedFlags(), index, value);
    // The other rows follow as soon as the document has the new snapshot;
    // until then they show the weights a moment ago (never an invalid sum).
    sendWeights(weights, m_dragId);
}

bool RouteEditor::sendWeights(const std::vector<int> &weights, int dragId)
{
    if (dragId != 0) {
        if (m_source == Source::GatewayRule)
            m_document->requestBackendWeights(m_rule, weights, dragId);
        else
            m_document->requestRouteWeights(m_ref, weights, dragId);
        return true;
    }
    return m_source == Source::GatewayRule ? m_document->setBackendWeights(m_rule, weights)
                                           : m_document->setRouteWeights(m_ref, weights);
}

void RouteEditor::removeDestination(size_t index)
{
    if (m_source == Source::GatewayRule)
        m_document->removeBackendRef(m_rule, index);
    else
        m_document->removeDestination(m_ref, index);
}

void RouteEditor::finishDrag()
{
    m_dragIndex = -1;
    m_dragId = 0;
    m_dragBasis.clear();
    if (!m_document->isEditPending())
        update(); // a step the balancer clamped shows where it really is (else editsSettled does)
}

void RouteEditor::enter(size_t index, int value)
{
    const std::vector<int64_t> current = currentWeights();
    const std::vector<int> weights = WeightBalancer::drag(current, lockedFlags(), index, value);
    const bool changes = !std::equal(weights.begin(), weights.end(), current.begin(), current.end());
    if (!sendWeights(weights) || !changes)
        update(); // nothing changed: show the weights as they are, not as typed
}

void RouteEditor::distributeEvenly()
{
    sendWeights(WeightBalancer::distributeEvenly(currentWeights(), lockedFlags()));
}

} // namespace meshlane::ui
