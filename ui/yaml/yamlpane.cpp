// SPDX-License-Identifier: MIT
#include "yaml/yamlpane.h"

#include "base/linediff.h"
#include "document/document.h"
#include "editing/editoricons.h"
#include "load/documenttree.h"
#include "routing/routeresource.h"
#include "widgets/appearance.h"
#include "yaml/markedtextview.h"
#include "yaml/yamlfieldlocator.h"
#include "yaml/yamlhighlighter.h"
#include "yaml/yamlwriter.h"

#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace meshlane::ui {

namespace {

void addHost(std::vector<std::string> &hosts, const std::string &fqdn)
{
    if (!fqdn.empty() && std::find(hosts.begin(), hosts.end(), fqdn) == hosts.end())
        hosts.push_back(fqdn);
}

const ResourceMeta *findOnDisk(const Mesh &disk, const ResourceMeta &meta)
{
    if (meta.kind == "VirtualService") {
        const VirtualService *vs = disk.findVirtualService(meta.ns, meta.name);
        return vs ? &vs->meta : nullptr;
    }
    if (const GatewayApiRoute *route = RouteResource{meta.kind, meta.ns, meta.name}.findGatewayApiRoute(disk))
        return &route->meta;
    for (const auto &rule : disk.destinationRules) {
        if (rule->meta.ns == meta.ns && rule->meta.name == meta.name)
            return &rule->meta;
    }
    return nullptr;
}

} // namespace

YamlPane::YamlPane(Document *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_title(new QLabel(this))
    , m_copy(new QToolButton(this))
    , m_view(new MarkedTextView(this))
    , m_highlighter(new YamlHighlighter(m_view->document()))
{
    m_view->setFont(monospaceFont());
    m_title->setTextFormat(Qt::PlainText);
    m_copy->setIcon(EditorIcons::copy());
    m_copy->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_copy->setAutoRaise(true);
    auto *top = new QHBoxLayout;
    top->addWidget(m_title, 1);
    top->addWidget(m_copy);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(2);
    layout->addLayout(top);
    layout->addWidget(m_view, 1);
    retranslate();

    connect(m_copy, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_view->text()); });
    connect(m_document, &Document::changed, this, &YamlPane::refresh);
    connect(m_document, &Document::diskMeshChanged, this, &YamlPane::refresh);
    connect(m_document, &Document::loaded, this, [this] { setVirtualService(QString()); });
}

QString YamlPane::text() const
{
    return m_view->text();
}

void YamlPane::setVirtualService(const QString &nsName)
{
    if (nsName == m_virtualService)
        return;
    m_virtualService = nsName;
    refresh();
}

std::vector<const ResourceMeta *> YamlPane::shownResources(const Mesh &mesh, const std::string &ns,
                                                           const std::string &name)
{
    std::vector<const ResourceMeta *> shown;
    const VirtualService *vs = mesh.findVirtualService(ns, name);
    if (!vs)
        return shown;
    std::vector<std::string> hosts;
    for (const HttpRoute &route : vs->http) {
        for (const RouteDestination &destination : route.route)
            addHost(hosts, destination.destination.fqdn);
        if (route.mirror)
            addHost(hosts, route.mirror->fqdn);
        for (const MirrorPolicy &mirror : route.mirrors)
            addHost(hosts, mirror.destination.fqdn);
    }
    for (const auto *routes : {&vs->tcp, &vs->tls}) {
        for (const L4Route &route : *routes) {
            for (const RouteDestination &destination : route.route)
                addHost(hosts, destination.destination.fqdn);
        }
    }
    for (const std::string &host : hosts) {
        for (const DestinationRule *rule : mesh.destinationRulesFor(host))
            shown.push_back(&rule->meta);
    }
    shown.push_back(&vs->meta);
    return shown;
}

QString YamlPane::virtualServiceShowing(const Mesh &mesh, const ResourceId &resource, const QString &preferred)
{
    if (resource.kind == "VirtualService")
        return mesh.findVirtualService(resource.ns, resource.name) ? QString::fromStdString(resource.ns + '/' + resource.name)
                                                                    : QString();
    const RouteResource route{resource.kind, resource.ns, resource.name};
    if (route.findGatewayApiRoute(mesh))
        return QString::fromStdString(route.ref());
    if (resource.kind != "DestinationRule")
        return {};
    const auto shows = [&](const std::string &ns, const std::string &name) {
        const std::vector<const ResourceMeta *> shown = shownResources(mesh, ns, name);
        return std::any_of(shown.begin(), shown.end(), [&](const ResourceMeta *meta) { return meta->id() == resource; });
    };
    if (!preferred.isEmpty() && shows(preferred.section(u'/', 0, 0).toStdString(), preferred.section(u'/', 1).toStdString()))
        return preferred;
    for (const auto &vs : mesh.virtualServices) {
        if (shows(vs->meta.ns, vs->meta.name))
            return QString::fromStdString(vs->meta.ns + '/' + vs->meta.name);
    }
    return {};
}

int YamlPane::revealField(const ResourceId &resource, const SourceLocation &at)
{
    const auto shown = std::find_if(m_shown.begin(), m_shown.end(),
                                    [&](const ResourceMeta *meta) { return meta->id() == resource; });
    if (shown == m_shown.end())
        return -1;
    const ResourceMeta &meta = **shown;
    int line = m_shownFirstLines[size_t(shown - m_shown.begin())];
    // A position in another file (a finding about a reference) says nothing about this text.
    if (at.file == meta.location.file) {
        const YamlFieldLocator::Path path = YamlFieldLocator::pathAt(DocumentTree::of(*m_shownMesh, meta), at.line, at.column);
        line += YamlFieldLocator::lineOf(canonicalCached(meta).toStdString(), path);
    }
    m_view->flagLine(line);
    return line;
}

QString YamlPane::canonicalCached(const ResourceMeta &resource)
{
    for (const auto &[meta, text] : m_cache) {
        if (meta == &resource)
            return text;
    }
    return QString::fromStdString(YamlWriter::canonical(DocumentTree::of(*m_shownMesh, resource)));
}

void YamlPane::refresh()
{
    const MeshPtr mesh = m_document->mesh();
    const MeshPtr disk = m_document->diskMesh();
    const RouteResource selected = RouteResource::fromRef(m_virtualService.toStdString());
    std::vector<const ResourceMeta *> shown;
    if (selected.isVirtualService())
        shown = shownResources(*mesh, selected.ns, selected.name);
    else if (const GatewayApiRoute *route = selected.findGatewayApiRoute(*mesh))
        shown = {&route->meta}; // its backends are Services: nothing else shapes its traffic
    const QString label = selected.isEmpty() ? m_virtualService : QString::fromStdString(selected.label());
    if (shown == m_shown && disk == m_shownDisk && !shown.empty())
        return; // the same resource objects: the same text and marks
    const bool sameDisk = disk == m_shownDisk;
    m_shown = shown;
    m_shownDisk = disk;
    m_shownMesh = mesh;
    m_shownFirstLines.clear();
    if (shown.empty()) {
        m_cache.clear();
        m_baselineIds.clear();
        m_view->setText(QString(), {}, {});
        m_title->setText(m_virtualService.isEmpty() ? tr("Select a VirtualService to see its YAML.")
                                                    : tr("%1 is not in the folder.").arg(label));
        m_copy->setEnabled(false);
        return;
    }

    // Snapshots keep the resources they share alive, so the cached pointers
    // stay valid as long as `mesh` holds them; entries for others are dropped.
    std::vector<std::pair<const ResourceMeta *, QString>> cache;
    std::vector<ResourceId> ids;
    QString text;
    for (const ResourceMeta *resource : shown) {
        const QString yaml = canonicalCached(*resource);
        cache.emplace_back(resource, yaml);
        ids.push_back(resource->id());
        if (!text.isEmpty())
            text += QStringLiteral("---\n");
        m_shownFirstLines.push_back(int(text.count(u'\n')));
        text += yaml;
    }
    m_cache = std::move(cache);
    if (!sameDisk || ids != m_baselineIds) {
        m_baseline.clear();
        for (const ResourceMeta *resource : shown) {
            if (const ResourceMeta *before = findOnDisk(*disk, *resource)) {
                if (!m_baseline.isEmpty())
                    m_baseline += QStringLiteral("---\n");
                m_baseline += QString::fromStdString(YamlWriter::canonical(DocumentTree::of(*disk, *before)));
            }
        }
        m_baselineIds = std::move(ids);
    }
    LineDiff::Result marks = LineDiff::compare(m_baseline.split(u'\n'), text.split(u'\n'));
    const int changed = marks.changedCount();
    m_view->setText(text, std::move(marks.changed), std::move(marks.removedBefore));
    m_title->setText(changed == 0 ? tr("%1 \u00b7 as on disk").arg(label)
                                  : tr("%1 \u00b7 %n line(s) changed", nullptr, changed).arg(label));
    m_copy->setEnabled(true);
}

void YamlPane::retranslate()
{
    m_copy->setText(tr("Copy"));
    m_copy->setToolTip(tr("Copy this YAML to the clipboard"));
    m_shown.clear(); // the title is translated text: build it again
    refresh();
}

void YamlPane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
