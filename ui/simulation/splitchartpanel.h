// SPDX-License-Identifier: MIT
#pragma once

#include "simulation/expectedsplit.h"

#include <QWidget>

class QBarCategoryAxis;
class QBarSeries;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QTimer;
class QValueAxis;

namespace meshlane::ui {

class SimulationRunner;

// The Split Chart dock: per subset, the exact expected share of requests next
// to the simulated one (grouped bars), counted since the router or the
// traffic mix last changed. Until samples drawn from the current router
// arrive (paused, or just after an edit), the expected bars come from the
// router itself and nothing counts as simulated yet. When faults or failures
// give statuses other than 200, a second chart compares the status codes the
// same way.
class SplitChartPanel : public QWidget
{
    Q_OBJECT

public:
    explicit SplitChartPanel(SimulationRunner *runner, QWidget *parent = nullptr);

    QChartView *splitView() const { return m_splitView; }
    QChartView *statusView() const { return m_statusView; }
    QBarSet *expectedSplit() const { return m_expected; }
    QBarSet *simulatedSplit() const { return m_simulated; }
    QBarSet *expectedStatuses() const { return m_expectedStatuses; }
    QBarSet *simulatedStatuses() const { return m_simulatedStatuses; }
    QLabel *caption() const { return m_caption; } // "3000 requests since the last change"
    QStringList categories() const;       // subsets, in bar order
    QStringList statusCategories() const; // "HTTP 200", "HTTP 503"..., in bar order

    // Redraws from the runner's history now (otherwise at most a few times a second).
    void refresh();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Chart
    {
        QChart *chart;
        QBarSeries *series;
        QBarCategoryAxis *categories;
        QValueAxis *values;
    };
    Chart makeChart(QChartView *view, QBarSet *expected, QBarSet *simulated);
    void retranslate();
    void scheduleRefresh();
    void onRouterChanged();

    SimulationRunner *m_runner;
    QLabel *m_caption;
    QLabel *m_legend;
    QChartView *m_splitView;
    QChartView *m_statusView;
    QBarSet *m_expected;
    QBarSet *m_simulated;
    QBarSet *m_expectedStatuses;
    QBarSet *m_simulatedStatuses;
    Chart m_split;
    Chart m_status;
    QTimer *m_throttle;
    // The router changed and no sample drawn from it has arrived: its split,
    // computed here, is the one to show.
    bool m_routerAhead = false;
    ExpectedSplit m_routerExpected;
};

} // namespace meshlane::ui
