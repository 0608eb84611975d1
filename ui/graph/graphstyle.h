// SPDX-License-Identifier: MIT
#pragma once

#include "graph/graphlayout.h"
#include "graph/meshgraph.h"

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QHash>
#include <QString>

#include <vector>

namespace meshlane::ui {

// How the graph looks: fonts, colours, node geometry and the texts drawn on
// it. Node sizes for the layout come from here so the layout leaves exactly
// the room the items paint into. One thread at a time uses an object (its
// text widths are remembered); a layout job measures with a copy.
class GraphStyle
{
    Q_DECLARE_TR_FUNCTIONS(GraphStyle)

public:
    GraphStyle();

    QFont labelFont;
    QFont smallFont;
    QFont titleFont;
    double shapeSize = 30;
    double labelGap = 3;
    // Below these levels of detail (zoom) node labels, and outlines, edge
    // labels and app titles, are not painted: unreadable there, and most of
    // the painting time of a large mesh. A small mesh paints them at any zoom,
    // so its fitted view always explains itself.
    double labelDetail = 0.6;
    double outlineDetail = 0.35;
    void adaptToGraphSize(size_t nodeCount);
    // Kiali's namespace boxes, drawn when the graph spans more than one namespace.
    bool boxNamespaces = true;

    // Indexed like graph.nodes(); an App gets the size of its title.
    std::vector<LayoutSize> layoutSizes(const MeshGraph &graph) const;
    // The sizes, and the options with the namespace boxes' titles.
    LayoutInput layoutInput(const MeshGraph &graph) const;

    QString subtitle(const GraphNode &node) const; // second line under the label
    QString appTitle(const GraphNode &app) const;
    QString namespaceTitle(const std::string &ns) const; // a namespace box's
    QSizeF namespaceTitleSize(const std::string &ns) const; // what the layout reserves and a click hits
    QString namespaceBoxToolTip(const std::string &ns) const;
    // The badge of a gateway whose routes are collapsed (GatewayFanOut).
    QString fanOutLabel(int routes, bool expanded) const;
    QString fanOutToolTip(int routes, bool expanded) const;
    QString edgeLabel(const GraphEdge &edge) const; // "90%", "mirror 50%", a condition, "3 routes"
    // "TCP" / "TLS" beside the label of an edge that carries connections
    // (a tcp or tls route, a TCPRoute, a TLSRoute); empty for HTTP.
    static QString edgeTag(const GraphEdge &edge);
    QString nodeToolTip(const GraphNode &node) const;
    QString edgeToolTip(const MeshGraph &graph, const GraphEdge &edge) const;

    static QString percent(double fraction);
    // The width of `text` in smallFont. Remembered: thousands of edge labels
    // are a few dozen texts ("50%"), and shaping text is most of the cost of
    // making a large graph's items.
    double smallTextWidth(const QString &text) const;

    // Colours (PatternFly's, as Kiali uses them).
    static QColor text() { return QColor(0x15, 0x15, 0x15); }
    static QColor mutedText() { return QColor(0x6a, 0x6e, 0x73); }
    static QColor nodeFill() { return Qt::white; }
    static QColor nodeBorder() { return QColor(0x4f, 0x52, 0x55); }
    static QColor selection() { return QColor(0x00, 0x66, 0xcc); }
    static QColor found() { return QColor(0xf0, 0xab, 0x00); } // the find bar's matches (Kiali marks them so too)
    static QColor selectionFill() { return QColor(0xe7, 0xf1, 0xfa); }
    static QColor broken() { return QColor(0xc9, 0x19, 0x0b); }
    static QColor brokenFill() { return QColor(0xfe, 0xe8, 0xe6); }
    static QColor traffic() { return QColor(0x3e, 0x86, 0x35); }
    static QColor idle() { return QColor(0x8a, 0x8d, 0x90); }
    static QColor mirror() { return QColor(0x6b, 0x56, 0xc9); }
    static QColor connection() { return QColor(0x00, 0x5f, 0x60); } // the TCP / TLS tag
    static QColor appFill() { return QColor(0xf2, 0xf3, 0xf4); }
    static QColor appBorder() { return QColor(0xb8, 0xbb, 0xbe); }
    static QColor namespaceBorder() { return QColor(0x8a, 0x8d, 0x90); }
    static QColor namespaceFill() { return QColor(0xfd, 0xfd, 0xfd); }
    static QColor background() { return QColor(0xfa, 0xfa, 0xfa); }

private:
    mutable QHash<QString, double> m_smallWidths;
    mutable QFont m_measuredFont; // what m_smallWidths were measured in
};

} // namespace meshlane::ui
