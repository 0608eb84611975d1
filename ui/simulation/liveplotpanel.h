// SPDX-License-Identifier: MIT
#pragma once

#include "simulation/plotrecording.h"
#include "simulation/simulationsample.h"

#include <QWidget>

#include <optional>
#include <vector>

class QCPAbstractItem;
class QCPGraph;
class QCPItemText;
class QCPTextElement;
class QCustomPlot;
class QLabel;

namespace meshlane::ui {

class SimulationRunner;
class SimulationToolBar;

// The Live Plot dock: the simulated share of requests per subset (%) over the
// last minute of simulated time, one line per subset in its subsetColor(),
// and mirrored requests per second as dashed lines on the right axis. Each
// point averages the second of simulated time before it.
class LivePlotPanel : public QWidget
{
    Q_OBJECT

public:
    explicit LivePlotPanel(SimulationRunner *runner, QWidget *parent = nullptr);

    SimulationToolBar *toolBar() const { return m_toolBar; }
    QCustomPlot *plot() const { return m_plot; }
    // "GET / to reviews · 100 req/s · t = 3.0 s · paused": what is sent, how fast.
    QString statusText() const;
    // One per destination / mirror target of the run, in the run's target order.
    const std::vector<QCPGraph *> &shareGraphs() const { return m_shareGraphs; }
    const std::vector<QCPGraph *> &mirrorGraphs() const { return m_mirrorGraphs; }

    // Shows a finished run (a rollout rehearsal) in place of the live one;
    // live samples are set aside until the runner starts its next run.
    void showRecording(const PlotRecording &recording);
    bool isShowingRecording() const { return m_recording.has_value(); }
    const std::vector<QCPGraph *> &recordingGraphs() const { return m_recordingGraphs; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void reset();
    void showLegend(bool show);
    void addSample(const SimulationSample &sample);
    void ensureGraphs(const SimulationCounts &counts);
    QString colorKeyOf(const SimulationCounts::Target &target) const; // subsetColor() key
    void updateNames();
    void updateAxes();
    void updateStatus();
    void clearRecording();

    SimulationRunner *m_runner;
    SimulationToolBar *m_toolBar;
    QLabel *m_status;
    QCustomPlot *m_plot;
    QCPTextElement *m_title;
    QCPItemText *m_placeholder;
    std::vector<QCPGraph *> m_shareGraphs;
    std::vector<QCPGraph *> m_mirrorGraphs;
    SimulationCounts m_targets; // the run's targets (names only)
    std::optional<PlotRecording> m_recording;
    std::vector<QCPGraph *> m_recordingGraphs;
    std::vector<QCPAbstractItem *> m_recordingItems;
};

} // namespace meshlane::ui
