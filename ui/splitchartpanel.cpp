#include "splitchartpanel.h"

#include "simulationrunner.h"

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

void setCategories(QBarCategoryAxis *axis, const QStringList &categories)
{
    if (axis->categories() != categories) {
        axis->clear();
        axis->append(categories);
    }
}

} // namespace

SplitChartPanel::SplitChartPanel(SimulationRunner *runner, QWidget *parent)
    : QWidget(parent)
    , m_runner(runner)
    , m_caption(new QLabel(this))
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
    for (QBarSet *set : {m_simulated, m_simulatedStatuses}) {
        set->setColor(QColor(0x00, 0x66, 0xcc));
        set->setBorderColor(QColor(0x00, 0x4b, 0x95));
    }
    m_split = makeChart(m_splitView, m_expected, m_simulated);
    m_status = makeChart(m_statusView, m_expectedStatuses, m_simulatedStatuses);
    m_statusView->hide();

    m_caption->setContentsMargins(6, 2, 6, 2);
    m_caption->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_caption);
    layout->addWidget(m_splitView, 3);
    layout->addWidget(m_statusView, 2);

    m_throttle->setSingleShot(true);
    m_throttle->setInterval(kRefreshMs);
    connect(m_throttle, &QTimer::timeout, this, &SplitChartPanel::refresh);
    connect(runner, &SimulationRunner::sampled, this, &SplitChartPanel::scheduleRefresh);
    connect(runner, &SimulationRunner::runReset, this, &SplitChartPanel::refresh);
    connect(runner, &SimulationRunner::runFinished, this, &SplitChartPanel::refresh);
    retranslate();
    refresh();
}

SplitChartPanel::Chart SplitChartPanel::makeChart(QChartView *view, QBarSet *expected, QBarSet *simulated)
{
    Chart chart;
    chart.chart = new QChart();
    chart.chart->setAnimationOptions(QChart::NoAnimation); // screenshots show the final state
    chart.chart->setBackgroundRoundness(0);
    chart.chart->setMargins(QMargins(4, 4, 4, 4));
    chart.chart->legend()->setAlignment(Qt::AlignBottom);
    chart.chart->legend()->setFont(font());
    chart.chart->setTitleFont(font());
    chart.series = new QBarSeries(chart.chart);
    chart.series->append(expected);
    chart.series->append(simulated);
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
    chart.values->setLabelFormat(QStringLiteral("%d"));
    for (QAbstractAxis *axis : std::initializer_list<QAbstractAxis *>{chart.categories, chart.values}) {
        axis->setLabelsFont(font());
        axis->setTitleFont(font());
    }
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

void SplitChartPanel::refresh()
{
    m_throttle->stop();
    const SimulationHistory &history = m_runner->history();
    const SimulationCounts &counts = history.sinceChange();
    const ExpectedSplit &expected = history.expected();

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
        statusNames << QString::number(code);
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
        m_caption->setText(tr("Select a VirtualService to compare its expected and simulated split"));
    else
        m_caption->setText(tr("Share of requests per subset (%), expected and simulated since the last change "
                              "(%n request(s))", nullptr, int(std::min<int64_t>(counts.requests, INT32_MAX))));
}

void SplitChartPanel::retranslate()
{
    m_expected->setLabel(tr("Expected"));
    m_simulated->setLabel(tr("Simulated"));
    m_expectedStatuses->setLabel(tr("Expected"));
    m_simulatedStatuses->setLabel(tr("Simulated"));
    m_status.chart->setTitle(tr("Status codes (% of requests)"));
    refresh();
}

void SplitChartPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace meshlane::ui
