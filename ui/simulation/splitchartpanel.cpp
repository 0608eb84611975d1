// SPDX-License-Identifier: MIT
#include "simulation/splitchartpanel.h"

#include "simulation/simulationrunner.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QLabel>
#include <QTimer>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <set>

namespace meshlane::ui {

namespace {

constexpr int kRefreshMs = 250; // bars need not move at the tick rate

QString qs(const std::string &text) { return QString::fromStdString(text); }

double percent(double fraction) { return std::round(fraction * 1000.0) / 10.0; } // one decimal

void replaceValues(QBarSet *set, const QList<qreal> &values)
{
    if (set->count() == values.size()) {
        for (int i = 0; i < values.size(); ++i) {
            if (set->at(i) != values[i])
                set->replace(i, values[i]);
        }
        return;
    }
    set->remove(0, set->count());
    set->append(values);
}

// The same exact split (up to rounding), whatever the order of its targets.
bool sameSplit(const ExpectedSplit &a, const ExpectedSplit &b)
{
    constexpr double kEpsilon = 1e-9;
    if (a.destinations.size() != b.destinations.size() || a.mirrors.size() != b.mirrors.size()
        || a.statuses.size() != b.statuses.size() || std::abs(a.delayed - b.delayed) > kEpsilon)
        return false;
    for (const ExpectedSplit::Share &share : a.destinations) {
        if (std::abs(b.destinationProbability(share.host, share.subset) - share.probability) > kEpsilon)
            return false;
    }
    for (const ExpectedSplit::Share &share : a.mirrors) {
        if (std::abs(b.mirrorProbability(share.host, share.subset) - share.probability) > kEpsilon)
            return false;
    }
    for (const auto &[status, probability] : a.statuses) {
        const auto found = b.statuses.find(status);
        if (found == b.statuses.end() || std::abs(found->second - probability) > kEpsilon)
            return false;
    }
    return true;
}

void setCategories(QBarCategoryAxis *axis, const QStringList &categories)
{
    if (axis->categories() != categories) {
        axis->clear();
        axis->append(categories);
    }
}

// A TCP / TLS canary counts connections, not requests (as `simulate` does).
bool connectionsOnly(const TrafficMix &mix)
{
    return !mix.classes.empty() && std::all_of(mix.classes.begin(), mix.classes.end(), [](const RequestClass &requestClass) {
        return requestClass.request.protocol != ConnectionProtocol::Http;
    });
}

} // namespace

SplitChartPanel::SplitChartPanel(SimulationRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_caption(new QLabel(this))
    , m_legend(new QLabel(this))
    , m_splitView(new QChartView(this))
    , m_statusView(new QChartView(this))
    , m_expected(new QBarSet(QString(), this))
    , m_simulated(new QBarSet(QString(), this))
    , m_expectedStatuses(new QBarSet(QString(), this))
    , m_simulatedStatuses(new QBarSet(QString(), this))
    , m_throttle(new QTimer(this))
{
    for (QBarSet *set : {m_expected, m_expectedStatuses}) {
        set->setColor(QColor(0xb8, 0xbb, 0xbe));
        set->setBorderColor(QColor(0x8a, 0x8d, 0x90));
    }
    // Dark grey, not a colour: every colour of the palette names a subset
    // (widgets/subsetpalette.h), and these bars stand for every subset in turn.
    for (QBarSet *set : {m_simulated, m_simulatedStatuses}) {
        set->setColor(QColor(0x4a, 0x4d, 0x50));
        set->setBorderColor(QColor(0x2a, 0x2c, 0x2e));
    }
    // The labels sit above the bars, on the chart's background (white by default: invisible).
    for (QBarSet *set : {m_expected, m_simulated, m_expectedStatuses, m_simulatedStatuses})
        set->setLabelColor(palette().color(QPalette::WindowText));
    m_split = makeChart(m_splitView, m_expected, m_simulated);
    m_status = makeChart(m_statusView, m_expectedStatuses, m_simulatedStatuses);
    m_statusView->hide();

    // Short lines: the dock is narrow and often short, so the charts get the
    // room and share one legend; a wrapped label would not be given the height
    // it needs. The long explanation is the caption's tooltip.
    m_caption->setContentsMargins(6, 2, 6, 0);
    m_legend->setContentsMargins(6, 0, 6, 0);
    m_legend->setTextFormat(Qt::RichText);
    for (QLabel *label : {m_caption, m_legend}) // cut off rather than widen the window
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_caption);
    layout->addWidget(m_legend);
    layout->addWidget(m_splitView, 1);
    layout->addWidget(m_statusView, 1);

    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kRefreshMs);
    connect(m_throttle, &QTimer::timeout, this, &SplitChartPanel::refresh);
    connect(runner, &SimulationRunner::sampled, this, &SplitChartPanel::scheduleRefresh);
    connect(runner, &SimulationRunner::runReset, this, [this] {
        m_routerAhead = false;
        refresh();
    });
    connect(runner, &SimulationRunner::runFinished, this, &SplitChartPanel::refresh);
    connect(runner, &SimulationRunner::routerChanged, this, &SplitChartPanel::onRouterChanged);
    connect(runner, &SimulationRunner::stateChanged, this, &SplitChartPanel::refresh);
    retranslate();
    refresh();
}

SplitChartPanel::Chart SplitChartPanel::makeChart(QChartView *view, QBarSet *expected, QBarSet *simulated)
{
    Chart chart;
    chart.chart = new QChart();
    chart.chart->setAnimationOptions(QChart::NoAnimation); // screenshots show the final state
    chart.chart->setBackgroundRoundness(0);
    chart.chart->setMargins(QMargins(2, 2, 2, 2));
    chart.chart->legend()->hide(); // one legend above both charts
    chart.chart->setTitleFont(font());
    chart.series = new QBarSeries(chart.chart);
    chart.series->append(expected);
    chart.series->append(simulated);
    // Wide bars leave each value label room beside its neighbour's ("70"
    // next to "69.9"); at Qt's default half width they run together.
    chart.series->setBarWidth(0.8);
    chart.series->setLabelsVisible(true);
    chart.series->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    chart.series->setLabelsFormat(QStringLiteral("@value"));
    chart.chart->addSeries(chart.series);
    chart.categories = new QBarCategoryAxis(chart.chart);
    chart.values = new QValueAxis(chart.chart);
    chart.values->setRange(0, 115); // room for the labels above a 100 % bar
    chart.values->setTickType(QValueAxis::TicksDynamic);
    chart.values->setTickAnchor(0);
    chart.values->setTickInterval(50);
    chart.values->setMinorTickCount(1);
    chart.values->setLabelFormat(QStringLiteral("%d %%")); // the caption has no room to say "share (%)"
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{chart.categories, chart.values}) {
        axis->setLabelsFont(font());
        axis->setTitleFont(font());
    }
    // Per-version Services ("reviews-v1", "reviews-v2") would both be cut to
    // "reviews-…": a name that tells the bars apart is worth an overlap.
    chart.categories->setTruncateLabels(false);
    chart.chart->addAxis(chart.categories, Qt::AlignBottom);
    chart.chart->addAxis(chart.values, Qt::AlignLeft);
    chart.series->attachAxis(chart.categories);
    chart.series->attachAxis(chart.values);
    view->setChart(chart.chart);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumHeight(80);
    return chart;
}

QStringList SplitChartPanel::categories() const
{
    return m_split.categories->categories();
}

QStringList SplitChartPanel::statusCategories() const
{
    return m_status.categories->categories();
}

void SplitChartPanel::scheduleRefresh()
{
    if (!m_throttle->isActive())
        m_throttle->start();
}

void SplitChartPanel::onRouterChanged()
{
    // An edit: the bars show its split at once, even paused, and nothing
    // simulated until samples drawn from it arrive.
    m_routerAhead = m_runner->isSimulating() && m_runner->router();
    if (m_routerAhead)
        m_routerExpected = ExpectedSplit::of(*m_runner->router(), m_runner->trafficMix());
    refresh();
}

void SplitChartPanel::refresh()
{
    m_throttle->stop();
    const SimulationHistory &history = m_runner->history();
    if (m_routerAhead && !history.isEmpty() && sameSplit(history.expected(), m_routerExpected))
        m_routerAhead = false; // the samples caught up (or the edit did not touch this split)
    const bool simulating = m_runner->isSimulating() && m_runner->router();
    ExpectedSplit expected = history.expected();
    if (simulating && m_routerAhead)
        expected = m_routerExpected;
    else if (simulating && history.isEmpty())
        expected = ExpectedSplit::of(*m_runner->router(), m_runner->trafficMix());
    const SimulationCounts nothingYet;
    const SimulationCounts &counts = simulating && m_routerAhead ? nothingYet : history.sinceChange();

    // One group per target: the run's order, then anything only expected so far.
    std::vector<std::pair<std::string, std::string>> targets;
    for (const SimulationCounts::Target &target : counts.destinations)
        targets.emplace_back(target.host, target.subset);
    for (const ExpectedSplit::Share &share : expected.destinations) {
        if (!counts.destination(share.host, share.subset))
            targets.emplace_back(share.host, share.subset);
    }
    std::set<std::string> hosts;
    for (const auto &target : targets)
        hosts.insert(target.first);
    QStringList names;
    QList<qreal> expectedValues;
    QList<qreal> simulatedValues;
    for (const auto &[host, subset] : targets) {
        const QString hostName = qs(host).section(u'.', 0, 0);
        names << (subset.empty() ? hostName : hosts.size() > 1 ? tr("%1 (%2)").arg(qs(subset), hostName) : qs(subset));
        expectedValues << percent(expected.destinationProbability(host, subset));
        const SimulationCounts::Target *simulated = counts.destination(host, subset);
        simulatedValues << percent(simulated ? counts.fraction(simulated->count) : 0.0);
    }
    setCategories(m_split.categories, names);
    replaceValues(m_expected, expectedValues);
    replaceValues(m_simulated, simulatedValues);

    std::set<int> codes;
    for (const auto &[status, probability] : expected.statuses) {
        if (probability > 0)
            codes.insert(status);
    }
    for (const auto &[status, count] : counts.statuses) {
        if (count > 0)
            codes.insert(status);
    }
    const bool troubled = expected.delayed > 0 || std::any_of(codes.begin(), codes.end(), [](int code) { return code != 200; });
    QStringList statusNames;
    QList<qreal> expectedStatusValues;
    QList<qreal> simulatedStatusValues;
    for (int code : codes) {
        statusNames << tr("HTTP %1").arg(code); // says what the numbers are without an axis title
        const auto found = expected.statuses.find(code);
        expectedStatusValues << percent(found == expected.statuses.end() ? 0.0 : found->second);
        const auto simulated = counts.statuses.find(code);
        simulatedStatusValues << percent(simulated == counts.statuses.end() ? 0.0 : counts.fraction(simulated->second));
    }
    setCategories(m_status.categories, statusNames);
    replaceValues(m_expectedStatuses, expectedStatusValues);
    replaceValues(m_simulatedStatuses, simulatedStatusValues);
    m_statusView->setVisible(troubled);

    if (!m_runner->isSimulating())
        m_caption->setText(tr("Select a VirtualService to simulate"));
    else if (connectionsOnly(m_runner->trafficMix()))
        m_caption->setText(tr("%n connection(s) since the last change", nullptr,
                              int(std::min<int64_t>(counts.requests, INT32_MAX))));
    else
        m_caption->setText(tr("%n request(s) since the last change", nullptr,
                              int(std::min<int64_t>(counts.requests, INT32_MAX))));
}

void SplitChartPanel::retranslate()
{
    m_expected->setLabel(tr("Expected"));
    m_simulated->setLabel(tr("Simulated"));
    m_expectedStatuses->setLabel(tr("Expected"));
    m_simulatedStatuses->setLabel(tr("Simulated"));
    const auto swatch = [](QBarSet *set, const QString &label) {
        return QStringLiteral("<span style='color:%1'>\u25a0</span>&nbsp;%2").arg(set->color().name(), label.toHtmlEscaped());
    };
    m_legend->setText(swatch(m_expected, tr("Expected")) + QStringLiteral("&nbsp;&nbsp;&nbsp;")
                      + swatch(m_simulated, tr("Simulated")));
    m_caption->setToolTip(tr("The share of requests per subset: expected from the weights and faults, and "
                             "simulated, counted since the weights or the traffic mix last changed"));
    refresh();
}

void SplitChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
