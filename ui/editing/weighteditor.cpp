// SPDX-License-Identifier: MIT
#include "editing/weighteditor.h"

#include "document/document.h"
#include "editing/addmatchroutedialog.h"
#include "editing/editoricons.h"
#include "editing/routeeditor.h"
#include "routing/routeresource.h"

#include <QComboBox>
#include <QCompleter>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace meshlane::ui {

WeightEditor::WeightEditor(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_choiceLabel(new QLabel(this))
    , m_choice(new QComboBox(this))
    , m_addRoute(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_placeholder(new QLabel(this))
    , m_scroll(new QScrollArea(this))
    , m_routesLayout(new QVBoxLayout)
{
    // Typing part of a name finds it among a thousand.
    m_choice->setEditable(true);
    m_choice->setInsertPolicy(QComboBox::NoInsert);
    m_choice->completer()->setFilterMode(Qt::MatchContains);
    m_choice->completer()->setCompletionMode(QCompleter::PopupCompletion);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_choice->setMinimumContentsLength(16);
    m_choiceLabel->setBuddy(m_choice);
    m_addRoute->setIcon(EditorIcons::add());
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setStyleSheet(QStringLiteral("color: #a30000; background: #fee8e6; padding: 4px; border-radius: 3px;"));
    m_error->hide();
    m_placeholder->setWordWrap(true);
    m_placeholder->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_placeholder->setContentsMargins(4, 8, 4, 4);

    auto *routes = new QWidget;
    auto *routesOuter = new QVBoxLayout(routes);
    routesOuter->setContentsMargins(0, 0, 0, 0);
    routesOuter->addLayout(m_routesLayout);
    routesOuter->addStretch(1);
    m_routesLayout->setSpacing(6);
    m_scroll->setWidget(routes);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);

    auto *top = new QHBoxLayout;
    top->addWidget(m_choiceLabel);
    top->addWidget(m_choice, 1);
    top->addWidget(m_addRoute);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_error);
    layout->addWidget(m_placeholder);
    layout->addWidget(m_scroll, 1);
    retranslate();

    connect(m_choice, &QComboBox::activated, this, [this](int index) {
        const QString chosen = m_choices.value(index);
        if (chosen == m_virtualService)
            return;
        setVirtualService(chosen);
        Q_EMIT virtualServiceChosen(chosen);
    });
    connect(m_addRoute, &QPushButton::clicked, this, &WeightEditor::addMatchRoute);
    connect(m_document, &Document::changed, this, [this] {
        m_error->hide();
        refresh();
    });
    connect(m_document, &Document::loaded, this, [this] { setVirtualService(QString()); });
    connect(m_document, &Document::editsSettled, this, &WeightEditor::refresh);
    connect(m_document, &Document::editFailed, this, &WeightEditor::showError);
    refresh();
}

void WeightEditor::setVirtualService(const QString &key)
{
    if (key == m_virtualService)
        return;
    m_virtualService = key;
    refresh();
}

void WeightEditor::refreshChoices()
{
    const MeshPtr current = m_document->mesh();
    const Mesh &mesh = *current;
    // Against the snapshot the list was read from: a resource an edit did not
    // touch is the same object, and most of the list the very same chunks, so
    // a drag step compares a few pointers, not ten thousand names.
    const auto sameList = [](const auto &now, const auto &before) {
        return now.equals(before, [](const auto &a, const auto &b) {
            return a == b || (a->meta.ns == b->meta.ns && a->meta.name == b->meta.name && a->meta.kind == b->meta.kind);
        });
    };
    const bool same = m_choicesMesh && sameList(mesh.virtualServices, m_choicesMesh->virtualServices)
        && sameList(mesh.gatewayApiRoutes, m_choicesMesh->gatewayApiRoutes);
    m_choicesMesh = current;
    if (!same) {
        m_choices.clear();
        const QSignalBlocker block(m_choice);
        m_choice->clear();
        QStringList labels; // in m_choices' order
        const auto add = [this, &labels](const ResourceMeta &meta) {
            const RouteResource resource{meta.kind, meta.ns, meta.name};
            m_choices << QString::fromStdString(resource.ref());
            labels << QString::fromStdString(resource.label());
        };
        for (const auto &vs : mesh.virtualServices)
            add(vs->meta);
        for (const auto &route : mesh.gatewayApiRoutes)
            add(route->meta);
        // At once: 10,000 items added one by one held the GUI thread ~35 ms.
        m_choice->addItems(labels);
        updateChoiceLabel();
    }
    const QSignalBlocker block(m_choice);
    m_choice->setCurrentIndex(int(m_choices.indexOf(m_virtualService)));
    if (m_choice->currentIndex() < 0)
        m_choice->setEditText(QString());
}

void WeightEditor::updateChoiceLabel()
{
    // Istio-only folders keep the precise word; with Gateway API routes the list holds both.
    const bool gatewayApi = m_choicesMesh && !m_choicesMesh->gatewayApiRoutes.empty();
    m_choiceLabel->setText(gatewayApi ? tr("&Route:") : tr("&VirtualService:"));
    m_choice->setToolTip(gatewayApi ? tr("The VirtualService or Gateway API route whose routes are edited (type to search)")
                                    : tr("The VirtualService whose routes are edited (type to search)"));
}

void WeightEditor::refresh()
{
    refreshChoices();
    const MeshPtr mesh = m_document->mesh();
    const RouteResource resource = RouteResource::fromRef(m_virtualService.toStdString());
    const VirtualService *vs = resource.findVirtualService(*mesh);
    const GatewayApiRoute *gatewayRoute = resource.findGatewayApiRoute(*mesh);
    // Every route of the VirtualService, http first (the order the editor has
    // always shown), or every rule of the Gateway API route.
    std::vector<RouteRef> routes;
    if (vs) {
        for (const auto &[section, count] : {std::pair<const char *, size_t>{"http", vs->http.size()},
                                             {"tcp", vs->tcp.size()}, {"tls", vs->tls.size()}}) {
            for (size_t i = 0; i < count; ++i)
                routes.push_back(RouteRef{vs->meta.ns, vs->meta.name, i, section});
        }
    }
    const size_t count = gatewayRoute ? gatewayRoute->rules.size() : routes.size();
    while (m_editors.size() > count) {
        RouteEditor *editor = m_editors.back();
        m_editors.pop_back();
        m_routesLayout->removeWidget(editor);
        editor->hide();
        editor->deleteLater(); // its own button may have asked for this
    }
    while (m_editors.size() < count) {
        auto *editor = new RouteEditor(m_document, &m_locks, m_scroll->widget());
        m_routesLayout->addWidget(editor);
        m_editors.push_back(editor);
    }
    for (size_t i = 0; i < count; ++i) {
        if (gatewayRoute)
            m_editors[i]->setRule(mesh, *gatewayRoute, i);
        else
            m_editors[i]->setRoute(mesh, *vs, routes[i]);
    }
    // Match routes are http routes of a VirtualService; a VirtualService of
    // tcp or tls routes only has nowhere to put one.
    const bool matchRoutes = vs && (!vs->http.empty() || (vs->tcp.empty() && vs->tls.empty()));
    m_addRoute->setVisible(!gatewayRoute && (matchRoutes || !vs));
    m_addRoute->setEnabled(matchRoutes);
    m_scroll->setVisible(count > 0);
    m_placeholder->setVisible(count == 0);
    const QString label = QString::fromStdString(resource.label());
    if (!vs && !gatewayRoute)
        m_placeholder->setText(m_document->folder().isEmpty()
                                   ? tr("Open a folder to edit its traffic routing.")
                                   : tr("Select a VirtualService in the graph, or choose one above, to edit its "
                                        "routes and weights."));
    else if (count == 0)
        m_placeholder->setText(vs ? tr("%1 has no routes.").arg(label) : tr("%1 has no rules.").arg(label));
}

void WeightEditor::showError(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

void WeightEditor::addMatchRoute()
{
    const MeshPtr mesh = m_document->mesh();
    const VirtualService *vs = RouteResource::fromRef(m_virtualService.toStdString()).findVirtualService(*mesh);
    if (!vs)
        return;
    AddMatchRouteDialog dialog(*mesh, *vs, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_document->addMatchRoute(RouteRef{vs->meta.ns, vs->meta.name, defaultMatchRoutePosition(*vs)}, dialog.rule());
}

void WeightEditor::retranslate()
{
    updateChoiceLabel();
    m_addRoute->setText(tr("Add Match Route\u2026"));
    m_addRoute->setToolTip(tr("Send requests that match a header, path or query parameter to one subset"));
    for (RouteEditor *editor : m_editors)
        editor->retranslate();
    refresh();
}

void WeightEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
