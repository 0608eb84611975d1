// SPDX-License-Identifier: MIT
#include "simulation/liveplotpanel.h"

#include "simulation/simulationrunner.h"
#include "simulation/simulationtoolbar.h"
#include "widgets/subsetpalette.h"

#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

#include "simulation/qcustomplotinclude.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace meshlane::ui {

namespace {

constexpr double kAverageSeconds = 1.0; // each point: the second before it

QString qs(const std::string &text) { return QString::fromStdString(text); }

// "reviews" for "reviews.default.svc.cluster.local", external names as they are.
QString shortHost(const std::string &host)
{
    const QString text = qs(host);
    return text.endsWith(QStringLiteral(".svc.cluster.local")) ? text.section(u'.', 0, 1) : text;
}

// "GET /productpage", "TCP connections", "TLS connections": how a class's
// traffic is sent, the words before its hosts.
QString sendingText(const HttpRequest &request)
{
    switch (request.protocol) {
    case ConnectionProtocol::Tcp: return LivePlotPanel::tr("TCP connections");
    case ConnectionProtocol::Tls: return LivePlotPanel::tr("TLS connections");
    case ConnectionProtocol::Http: break;
    }
    return qs(request.method + ' ' + request.path);
}

double niceCeiling(double value)
{
    if (value <= 1)
        return 1;
    const double magnitude = std::pow(10.0, std::floor(std::log10(value)));
    for (double step : {1.0, 2.0, 2.5, 5.0, 10.0}) {
        if (step * magnitude >= value)
            return step * magnitude;
    }
    return 10 * magnitude;
}

// "default/reviews" for a VirtualService, "HTTPRoute bookinfo/reviews" for a
// Gateway API route (its selection string is "HTTPRoute/bookinfo/reviews").
QString routeTitle(const QString &routeResource)
{
    if (routeResource.count(u'/') < 2)
        return routeResource;
    return routeResource.section(u'/', 0, 0) + u' ' + routeResource.section(u'/', 1);
}

} // namespace

LivePlotPanel::LivePlotPanel(SimulationRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_toolBar(new SimulationToolBar(runner, this))
    , m_status(new QLabel(this))
    , m_plot(new QCustomPlot(this))
{
    m_status->setContentsMargins(6, 2, 6, 2);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_status);
    layout->addWidget(m_plot, 1);

    m_plot->setMinimumSize(200, 100);
    m_plot->setAntialiasedElements(QCP::aePlottables);
    m_plot->setFont(font());
    m_title = new QCPTextElement(m_plot, QString(), font());
    m_plot->plotLayout()->insertRow(0);
    m_plot->plotLayout()->addElement(0, 0, m_title);
    // The legend goes under the plot, in a row: inside it would hide the lines at 100 %.
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(4);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->axisRect()->insetLayout()->simplify();
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    m_plot->plotLayout()->setRowSpacing(2);

    for (QCPAxis *axis : {m_plot->xAxis, m_plot->yAxis, m_plot->yAxis2}) {
        axis->setLabelFont(font());
        axis->setTickLabelFont(font());
    }
    auto shareTicker = QSharedPointer<QCPAxisTickerFixed>::create();
    shareTicker->setTickStep(25);
    m_plot->yAxis->setTicker(shareTicker);
    m_plot->yAxis->setRange(0, 105);
    m_plot->xAxis->setRange(0, 60);
    m_plot->yAxis2->setRange(0, 1);

    m_placeholder = new QCPItemText(m_plot);
    m_placeholder->setPositionAlignment(Qt::AlignCenter);
    m_placeholder->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_placeholder->position->setCoords(0.5, 0.5);
    m_placeholder->setFont(font());
    m_placeholder->setColor(palette().color(QPalette::PlaceholderText));

    connect(runner, &SimulationRunner::runReset, this, &LivePlotPanel::reset);
    connect(runner, &SimulationRunner::sampled, this, &LivePlotPanel::addSample);
    connect(runner, &SimulationRunner::stateChanged, this, &LivePlotPanel::updateStatus);
    connect(runner, &SimulationRunner::pausedChanged, this, &LivePlotPanel::updateStatus);
    retranslate();
    reset();
}

void LivePlotPanel::showLegend(bool show)
{
    // In its own row under the plot, and only with entries: an empty legend
    // has no width, and QCustomPlot would squeeze the plot's column to it.
    QCPLayoutGrid *layout = m_plot->plotLayout();
    const bool shown = layout->rowCount() > 2 && layout->element(2, 0) == m_plot->legend;
    if (show && !shown) {
        layout->addElement(2, 0, m_plot->legend);
        layout->setRowStretchFactor(2, 0.001);
    } else if (!show && shown) {
        layout->take(m_plot->legend);
        layout->simplify();
    }
}

void LivePlotPanel::reset()
{
    clearRecording();
    m_plot->clearGraphs();
    showLegend(false);
    m_shareGraphs.clear();
    m_mirrorGraphs.clear();
    m_targets = {};
    m_plot->xAxis->setRange(0, m_runner->history().windowSeconds());
    m_plot->yAxis2->setRange(0, 1);
    m_plot->yAxis2->setVisible(false);
    m_placeholder->setVisible(!m_runner->isSimulating());
    updateStatus();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

QString LivePlotPanel::colorKeyOf(const SimulationCounts::Target &target) const
{
    // The version it stands for, as the graph and the editor colour it: a
    // Gateway API canary's per-version Services too.
    const RouterPtr router = m_runner->router();
    return qs(router ? router->mesh()->versionOf(target.host, target.subset)
                     : (target.subset.empty() ? target.host : target.subset));
}

void LivePlotPanel::ensureGraphs(const SimulationCounts &counts)
{
    bool added = false;
    while (m_shareGraphs.size() < counts.destinations.size()) {
        const SimulationCounts::Target &target = counts.destinations[m_shareGraphs.size()];
        QCPGraph *graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
        graph->setPen(QPen(subsetColor(colorKeyOf(target)), 2));
        m_shareGraphs.push_back(graph);
        m_targets.destinations.push_back(target);
        added = true;
    }
    while (m_mirrorGraphs.size() < counts.mirrors.size()) {
        const SimulationCounts::Target &target = counts.mirrors[m_mirrorGraphs.size()];
        QCPGraph *graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
        QPen pen(subsetColor(colorKeyOf(target)), 2, Qt::DashLine);
        graph->setPen(pen);
        m_mirrorGraphs.push_back(graph);
        m_targets.mirrors.push_back(target);
        m_plot->yAxis2->setVisible(true);
        added = true;
    }
    if (added) {
        showLegend(true);
        updateNames();
    }
}

void LivePlotPanel::updateNames()
{
    // Subset names alone, unless the run reaches more than one host.
    std::set<std::string> hosts;
    for (const auto *targets : {&m_targets.destinations, &m_targets.mirrors}) {
        for (const SimulationCounts::Target &target : *targets)
            hosts.insert(target.host);
    }
    const auto name = [&hosts](const SimulationCounts::Target &target) {
        if (target.subset.empty())
            return shortHost(target.host);
        return hosts.size() > 1 ? tr("%1 (%2)").arg(qs(target.subset), shortHost(target.host)) : qs(target.subset);
    };
    for (size_t i = 0; i < m_shareGraphs.size(); ++i)
        m_shareGraphs[i]->setName(name(m_targets.destinations[i]));
    for (size_t i = 0; i < m_mirrorGraphs.size(); ++i)
        m_mirrorGraphs[i]->setName(tr("%1 mirrored (req/s)").arg(name(m_targets.mirrors[i])));
}

void LivePlotPanel::addSample(const SimulationSample &sample)
{
    if (m_recording)
        return;
    const SimulationHistory &history = m_runner->history();
    if (history.isEmpty())
        return;
    const SimulationCounts window = history.trailing(history.samples().size() - 1, kAverageSeconds);
    ensureGraphs(window);
    const double time = sample.endSeconds();
    const double covered = std::min(kAverageSeconds, time);
    if (window.requests > 0) {
        for (size_t i = 0; i < window.destinations.size(); ++i)
            m_shareGraphs[i]->addData(time, 100.0 * window.fraction(window.destinations[i].count));
    }
    if (covered > 0) {
        for (size_t i = 0; i < window.mirrors.size(); ++i)
            m_mirrorGraphs[i]->addData(time, double(window.mirrors[i].count) / covered);
    }
    const double from = time - history.windowSeconds();
    for (QCPGraph *graph : m_shareGraphs)
        graph->data()->removeBefore(from);
    for (QCPGraph *graph : m_mirrorGraphs)
        graph->data()->removeBefore(from);
    m_placeholder->setVisible(false);
    updateAxes();
    updateStatus();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotPanel::updateAxes()
{
    const double window = m_runner->history().windowSeconds();
    // Sums of 0.1 s ticks drift (60.000000000001): a minute in must still start the axis at 0.
    const double now = std::round(m_runner->history().now() * 1000.0) / 1000.0;
    m_plot->xAxis->setRange(std::max(0.0, now - window), std::max(window, now));
    double mirrored = 0;
    for (QCPGraph *graph : m_mirrorGraphs) {
        bool found = false;
        const QCPRange range = graph->getValueRange(found);
        if (found)
            mirrored = std::max(mirrored, range.upper);
    }
    m_plot->yAxis2->setRange(0, niceCeiling(mirrored * 1.15));
}

QString LivePlotPanel::statusText() const
{
    return m_status->text();
}

void LivePlotPanel::updateStatus()
{
    if (m_recording) {
        m_status->setText(m_recording->status);
        m_title->setText(m_recording->title);
        return;
    }
    if (!m_runner->isSimulating()) {
        m_status->setText(tr("No simulation running"));
        m_title->setText(QString());
        return;
    }
    QString traffic;
    if (!m_runner->trafficMixFile().isEmpty()) {
        traffic = tr("traffic mix %1").arg(QFileInfo(m_runner->trafficMixFile()).fileName());
    } else {
        // Classes sent alike share their words: "GET / to reviews, ratings".
        std::vector<std::pair<QString, QStringList>> groups;
        for (const RequestClass &requestClass : m_runner->trafficMix().classes) {
            const HttpRequest &request = requestClass.request;
            const QString sending = sendingText(request);
            QString host = shortHost(request.authority);
            if (request.port && request.protocol != ConnectionProtocol::Http)
                host += u':' + QString::number(request.port); // a connection is routed by its port
            const auto group = std::find_if(groups.begin(), groups.end(),
                                            [&sending](const auto &entry) { return entry.first == sending; });
            if (group == groups.end())
                groups.emplace_back(sending, QStringList{host});
            else
                group->second << host;
        }
        QStringList parts;
        for (const auto &[sending, hosts] : groups)
            parts << tr("%1 to %2").arg(sending, hosts.join(QStringLiteral(", ")));
        traffic = parts.join(QStringLiteral("; "));
    }
    const auto &classes = m_runner->trafficMix().classes;
    const bool connections = std::all_of(classes.begin(), classes.end(), [](const RequestClass &requestClass) {
        return requestClass.request.protocol != ConnectionProtocol::Http;
    });
    if (!m_runner->trafficMixFile().isEmpty())
        m_title->setText(tr("Where the traffic mix goes"));
    else if (connections)
        m_title->setText(tr("Where connections to %1 go").arg(routeTitle(m_runner->virtualService())));
    else
        m_title->setText(tr("Where requests to %1 go").arg(routeTitle(m_runner->virtualService())));
    const QString clock = m_runner->isPaused() ? tr("paused") : tr("running");
    m_status->setText(tr("%1 \u00b7 %2 req/s \u00b7 t = %3 s \u00b7 %4")
                          .arg(traffic)
                          .arg(m_runner->requestsPerSecond())
                          .arg(m_runner->history().now(), 0, 'f', 1)
                          .arg(clock));
}

void LivePlotPanel::clearRecording()
{
    if (!m_recording)
        return;
    m_recording.reset();
    for (QCPAbstractItem *item : m_recordingItems)
        m_plot->removeItem(item);
    m_recordingItems.clear();
    m_recordingGraphs.clear(); // reset() clears the graphs
    m_plot->yAxis->setRange(0, 105);
    m_plot->yAxis2->setLabel(tr("Mirrored requests/s"));
}

void LivePlotPanel::showRecording(const PlotRecording &recording)
{
    reset();
    m_recording = recording;
    m_placeholder->setVisible(false);
    // Verdicts sit under the 0 % line, on the time axis; a margin after the
    // end keeps what happened last (a rollback's mark and label) in view.
    constexpr double kBelowZero = 6;
    m_plot->yAxis->setRange(-kBelowZero, 105);
    m_plot->xAxis->setRange(0, std::max(1.0, recording.endSeconds * 1.04));
    double rightMax = std::max(0.0, recording.rightLimit);
    for (const PlotRecording::Series &series : recording.series) {
        QCPGraph *graph = m_plot->addGraph(m_plot->xAxis, series.rightAxis ? m_plot->yAxis2 : m_plot->yAxis);
        graph->setPen(QPen(subsetColor(series.colorKey), 2, series.rightAxis ? Qt::DashLine : Qt::SolidLine));
        if (series.rightAxis)
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 5));
        graph->setName(series.name);
        for (const QPointF &point : series.points) {
            graph->addData(point.x(), point.y());
            if (series.rightAxis)
                rightMax = std::max(rightMax, point.y());
        }
        m_recordingGraphs.push_back(graph);
    }
    const bool right = recording.rightLimit >= 0
        || std::any_of(recording.series.begin(), recording.series.end(),
                       [](const PlotRecording::Series &series) { return series.rightAxis; });
    m_plot->yAxis2->setVisible(right);
    m_plot->yAxis2->setLabel(recording.rightAxisLabel);
    // The right axis' 0 level with the left one's.
    const double rightTop = niceCeiling(rightMax * 1.15);
    m_plot->yAxis2->setRange(-rightTop * kBelowZero / 105, rightTop);
    if (recording.rightLimit >= 0) {
        QCPGraph *limit = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
        limit->setPen(QPen(palette().color(QPalette::WindowText), 1, Qt::DotLine));
        limit->setName(recording.rightLimitName);
        limit->addData(0, recording.rightLimit);
        limit->addData(std::max(1.0, recording.endSeconds), recording.rightLimit);
        m_recordingGraphs.push_back(limit);
    }
    const QColor ink = palette().color(QPalette::WindowText);
    for (const PlotRecording::Boundary &boundary : recording.boundaries) {
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(boundary.at, 0);
        line->point2->setCoords(boundary.at, 1);
        line->setPen(QPen(ink, 1, Qt::DashDotLine));
        auto *label = new QCPItemText(m_plot);
        // Along the line, reading upwards, just right of it: labels of steps
        // a few seconds apart do not cover each other.
        label->position->setCoords(boundary.at, 100);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        label->setRotation(-90);
        label->setFont(font());
        label->setColor(ink);
        label->setText(boundary.label);
        m_recordingItems.push_back(line);
        m_recordingItems.push_back(label);
    }
    // One graph per verdict, so the legend says what the marks mean.
    const struct
    {
        PlotRecording::Verdict verdict;
        QCPScatterStyle::ScatterShape shape;
        QColor color;
        QString name;
    } kinds[] = {{PlotRecording::Verdict::Pass, QCPScatterStyle::ssTriangle, QColor(0x2e, 0x7d, 0x32), tr("gate passed")},
                 {PlotRecording::Verdict::Fail, QCPScatterStyle::ssCross, QColor(0xc6, 0x28, 0x28), tr("gate failed")},
                 {PlotRecording::Verdict::None, QCPScatterStyle::ssCircle, QColor(0x75, 0x75, 0x75),
                  tr("too few requests")}};
    for (const auto &kind : kinds) {
        QCPGraph *graph = nullptr;
        for (const PlotRecording::Mark &mark : recording.marks) {
            if (mark.verdict != kind.verdict)
                continue;
            if (!graph) {
                graph = m_plot->addGraph(m_plot->xAxis, m_plot->yAxis);
                graph->setLineStyle(QCPGraph::lsNone);
                graph->setScatterStyle(QCPScatterStyle(kind.shape, QPen(kind.color, 2), kind.color, 9));
                graph->setName(kind.name);
                m_recordingGraphs.push_back(graph);
            }
            graph->addData(mark.at, -3);
        }
    }
    showLegend(true);
    updateStatus();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotPanel::retranslate()
{
    m_plot->xAxis->setLabel(tr("Simulated time (s)"));
    m_plot->yAxis->setLabel(tr("Share of requests (%)"));
    m_plot->yAxis2->setLabel(m_recording ? m_recording->rightAxisLabel : tr("Mirrored requests/s"));
    m_placeholder->setText(tr("Select a VirtualService to simulate its traffic"));
    updateNames();
    updateStatus();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlotPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
