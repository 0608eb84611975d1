// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QObject>

#include <cstdint>
#include <optional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;

namespace meshlane::ui {

class Document;
class LivePlotPanel;
class RequestTesterPanel;
class RolloutPanel;
class SimulationRunner;
class SplitChartPanel;

// The simulating half of the workbench, set up apart from MainWindow so the
// window stays wiring only: the SimulationRunner following the Document's
// snapshot and the graph's selection, the Live Plot, Split Chart and Request
// Tester docks, and the Simulation menu.
class SimulationDocks : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        std::optional<uint64_t> seed = std::nullopt; // fixed: reproducible tests and screenshots
        bool startPaused = false;
    };

    // Adds its docks to the bottom area, to the right of `besides` (the
    // diagnostics), which the Request Tester shares as a tab.
    // Docks into `window` beside `besides` and simulates `document`'s mesh.
    SimulationDocks(QMainWindow *window, Document *document, QDockWidget *besides, Options options);
    // The window restored the docks as the user left them: keep their sizes.
    void setLayoutRestored(bool restored) { m_layoutRestored = restored; }

    SimulationRunner *runner() const { return m_runner; }
    LivePlotPanel *livePlotPanel() const { return m_livePlotPanel; }
    SplitChartPanel *splitChartPanel() const { return m_splitChartPanel; }
    RequestTesterPanel *requestTesterPanel() const { return m_requestTesterPanel; }
    RolloutPanel *rolloutPanel() const { return m_rolloutPanel; }
    QMenu *menu() const { return m_menu; }
    QList<QAction *> viewActions() const; // show/hide the docks
    bool isBusy() const;
    void retranslate();
    // Simulates traffic to a route resource, "ns/name" for a VirtualService
    // or "Kind/ns/name" for a Gateway API route, and starts the request
    // tester from it (empty: nothing selected).
    void showVirtualService(const QString &routeResource);
    // Shows a finding's witness (`meshlane route` arguments) in the Request
    // Tester, routed; false when the arguments do not read.
    bool replayWitness(const QString &arguments);

Q_SIGNALS:
    void busyChanged();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:

    SimulationRunner *m_runner;
    LivePlotPanel *m_livePlotPanel;
    SplitChartPanel *m_splitChartPanel;
    RequestTesterPanel *m_requestTesterPanel;
    QDockWidget *m_livePlotDock;
    QDockWidget *m_splitChartDock;
    QDockWidget *m_requestTesterDock;
    // The Rollout dock: its rehearsals play in the Live Plot.
    RolloutPanel *m_rolloutPanel = nullptr;
    QDockWidget *m_rolloutDock = nullptr;
    QMenu *m_menu;
    QDockWidget *m_besides;
    bool m_sized = false;
    bool m_layoutRestored = false;
};

} // namespace meshlane::ui
