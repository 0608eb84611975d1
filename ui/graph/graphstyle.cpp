// SPDX-License-Identifier: MIT
#include "graph/graphstyle.h"

#include "graph/namespacecollapse.h"
#include "routing/routeresource.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>

namespace meshlane::ui {

namespace {

QString qs(const std::string &text) { return QString::fromStdString(text); }

QString elided(const QString &text, int maxChars)
{
    return text.size() <= maxChars ? text : text.left(maxChars - 1) + QChar(0x2026);
}

// "VirtualService default/reviews", "HTTPRoute bookinfo/reviews": a graph
// item's route resource (RouteResource::ref()) in words.
QString routeResourceText(const std::string &ref)
{
    const std::optional<RouteResource> resource = RouteResource::parse(ref);
    if (!resource)
        return qs(ref);
    return GraphStyle::tr("%1 %2").arg(qs(resource->kind), qs(resource->ns + '/' + resource->name));
}

} // namespace

GraphStyle::GraphStyle()
{
    // Pixel sizes: the scene is in points at 1:1, whatever the screen's DPI.
    labelFont = QFont();
    labelFont.setPixelSize(11);
    smallFont = labelFont;
    smallFont.setPixelSize(10);
    titleFont = labelFont;
    titleFont.setBold(true);
}

void GraphStyle::adaptToGraphSize(size_t nodeCount)
{
    // A few hundred items paint in a frame at any zoom.
    constexpr size_t kSmallGraph = 300;
    const bool small = nodeCount <= kSmallGraph;
    labelDetail = small ? 0.0 : 0.6;
    outlineDetail = small ? 0.0 : 0.35;
}

double GraphStyle::smallTextWidth(const QString &text) const
{
    constexpr qsizetype kRemembered = 4096; // labels, not names: a bound keeps odd graphs from growing it
    if (m_measuredFont != smallFont || m_smallWidths.size() > kRemembered) {
        m_smallWidths.clear();
        m_measuredFont = smallFont;
    }
    if (const auto it = m_smallWidths.constFind(text); it != m_smallWidths.constEnd())
        return *it;
    const double width = QFontMetricsF(smallFont).horizontalAdvance(text);
    m_smallWidths.insert(text, width);
    return width;
}

std::vector<LayoutSize> GraphStyle::layoutSizes(const MeshGraph &graph) const
{
    const QFontMetricsF label(labelFont);
    const QFontMetricsF small(smallFont);
    const QFontMetricsF title(titleFont);
    // Most nodes are versions, labelled v1, v2...: measuring text was most of
    // this on a large mesh, and the same label is measured once.
    QHash<QString, double> labelWidths;
    const auto labelWidth = [&](const std::string &text) {
        const QString key = qs(text);
        if (const auto it = labelWidths.constFind(key); it != labelWidths.constEnd())
            return *it;
        return *labelWidths.insert(key, label.horizontalAdvance(key));
    };
    std::vector<LayoutSize> sizes;
    sizes.reserve(graph.nodes().size());
    for (const GraphNode &node : graph.nodes()) {
        if (node.kind == GraphNodeKind::App) {
            sizes.push_back({std::ceil(title.horizontalAdvance(appTitle(node))) + 10, std::ceil(title.height()) + 4});
            continue;
        }
        const QString sub = subtitle(node);
        double width = std::max(shapeSize, labelWidth(node.label) + 8);
        double height = shapeSize + labelGap + label.height();
        if (!sub.isEmpty()) {
            width = std::max(width, smallTextWidth(sub) + 8);
            height += small.height();
        }
        sizes.push_back({std::ceil(width), std::ceil(height)});
    }
    return sizes;
}

LayoutInput GraphStyle::layoutInput(const MeshGraph &graph) const
{
    LayoutInput input{layoutSizes(graph), {}};
    const std::vector<std::string> namespaces = graphNamespaces(graph);
    if (!boxNamespaces || namespaces.size() < 2)
        return input; // one namespace needs no box to tell it apart
    for (const std::string &ns : namespaces) {
        const QSizeF title = namespaceTitleSize(ns);
        input.options.namespaceTitles[ns] = {title.width(), title.height()};
    }
    return input;
}

QString GraphStyle::subtitle(const GraphNode &node) const
{
    if (node.broken() && node.kind != GraphNodeKind::Namespace) // a namespace is there: something in it is broken
        return tr("missing");
    switch (node.kind) {
    case GraphNodeKind::Version: return tr("%n pod(s)", nullptr, node.podCount);
    case GraphNodeKind::Gateway: return tr("gateway");
    case GraphNodeKind::External: return tr("external");
    case GraphNodeKind::Namespace: return tr("%n service(s)", nullptr, node.foldedServices);
    case GraphNodeKind::Service:
    case GraphNodeKind::App: break;
    }
    return {};
}

QString GraphStyle::fanOutLabel(int routes, bool expanded) const
{
    return expanded ? tr("\u25c2 fold %Ln route(s)", nullptr, routes) : tr("%Ln route(s) \u25b8", nullptr, routes);
}

QString GraphStyle::fanOutToolTip(int routes, bool expanded) const
{
    return expanded ? tr("Click to fold this gateway's %Ln route(s) again.", nullptr, routes)
                    : tr("This gateway routes to %Ln destination(s): too many to draw over the graph. Its routes show "
                         "when it, or one of its destinations, is selected or found. Click to draw them all.",
                         nullptr, routes);
}

QString GraphStyle::appTitle(const GraphNode &app) const
{
    return qs(app.label);
}

QString GraphStyle::namespaceTitle(const std::string &ns) const
{
    return QStringLiteral("\u25be ") + qs(ns); // the triangle says a click folds it
}

QSizeF GraphStyle::namespaceTitleSize(const std::string &ns) const
{
    const QFontMetricsF title(titleFont);
    return {std::ceil(title.horizontalAdvance(namespaceTitle(ns))) + 16, std::ceil(title.height()) + 6};
}

QString GraphStyle::namespaceBoxToolTip(const std::string &ns) const
{
    return tr("Namespace %1\nClick its title to collapse it into one node.").arg(qs(ns));
}

QString GraphStyle::percent(double fraction)
{
    const double value = fraction * 100.0;
    const double rounded = std::round(value);
    if (std::abs(value - rounded) < 0.05)
        return QStringLiteral("%1%").arg(int(rounded));
    return QStringLiteral("%1%").arg(value, 0, 'f', 1);
}

QString GraphStyle::edgeLabel(const GraphEdge &edge) const
{
    if (edge.merged > 1) // into or out of a collapsed namespace: a share would add up unlike things
        return tr("%n route(s)", nullptr, edge.merged);
    if (edge.kind == GraphEdgeKind::Mirror)
        return tr("mirror %1").arg(percent(edge.share));
    if (edge.share <= 0 && edge.conditional)
        return elided(qs(edge.condition), 24);
    return percent(edge.share);
}

QString GraphStyle::edgeTag(const GraphEdge &edge)
{
    if (edge.section == "tcp")
        return QStringLiteral("TCP");
    if (edge.section == "tls")
        return QStringLiteral("TLS");
    return {};
}

QString GraphStyle::nodeToolTip(const GraphNode &node) const
{
    QStringList lines;
    switch (node.kind) {
    case GraphNodeKind::Gateway: lines << tr("Gateway %1").arg(qs(node.ns + '/' + node.label)); break;
    case GraphNodeKind::Service: lines << tr("Service %1").arg(qs(node.label)); break;
    case GraphNodeKind::App: lines << tr("App %1").arg(qs(node.label)); break;
    case GraphNodeKind::Version: lines << tr("Version %1").arg(qs(node.label)); break;
    case GraphNodeKind::External: lines << tr("External host %1").arg(qs(node.label)); break;
    case GraphNodeKind::Namespace:
        lines << tr("Namespace %1, collapsed").arg(qs(node.label)) << tr("%n service(s)", nullptr, node.foldedServices);
        break;
    }
    if (!node.resource.kind.empty())
        lines << qs(node.resource.toString());
    if (node.kind == GraphNodeKind::Version || node.kind == GraphNodeKind::App || node.kind == GraphNodeKind::Namespace)
        lines << tr("%n pod(s)", nullptr, node.podCount);
    if (!node.virtualService.empty())
        lines << routeResourceText(node.virtualService);
    if (node.broken())
        lines << qs(node.problem);
    if (node.kind == GraphNodeKind::Namespace)
        lines << tr("Double-click to expand it.");
    return lines.join(u'\n');
}

QString GraphStyle::edgeToolTip(const MeshGraph &graph, const GraphEdge &edge) const
{
    const GraphNode &from = graph.nodes()[size_t(edge.from)];
    const GraphNode &to = graph.nodes()[size_t(edge.to)];
    QStringList lines;
    lines << QStringLiteral("%1 \u2192 %2").arg(qs(from.label), qs(to.label));
    if (edge.merged > 1)
        lines << tr("%n route(s), drawn as one: a namespace is collapsed", nullptr, edge.merged);
    if (from.kind == GraphNodeKind::Namespace && edge.merged > 1) // shares of different sources' traffic: no sum means anything
        lines << (edge.kind == GraphEdgeKind::Mirror ? tr("Mirrors requests (responses are dropped)")
                                                     : tr("Routes from several of the namespace's services"));
    else if (edge.kind == GraphEdgeKind::Mirror)
        lines << tr("Mirrors %1 of the requests (responses are dropped)").arg(percent(edge.share));
    else if (edge.section == "tcp")
        lines << tr("%1 of the TCP connections (a tcp route: no HTTP is parsed)").arg(percent(edge.share));
    else if (edge.section == "tls")
        lines << tr("%1 of the TLS connections (a tls route: chosen by SNI, not decrypted)").arg(percent(edge.share));
    else
        lines << tr("%1 of the default traffic").arg(percent(edge.share));
    if (edge.conditional && !edge.condition.empty())
        lines << tr("When: %1").arg(qs(edge.condition));
    else if (edge.conditional)
        lines << tr("Only for requests that match its routes");
    if (!edge.virtualService.empty())
        lines << routeResourceText(edge.virtualService);
    else if (edge.kind == GraphEdgeKind::Route && edge.merged == 1)
        lines << tr("No VirtualService: split by pod count");
    if (edge.broken())
        lines << qs(edge.problem);
    return lines.join(u'\n');
}

} // namespace meshlane::ui
