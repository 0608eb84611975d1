// SPDX-License-Identifier: MIT
#include "shell/simulationdocks.h"

#include "document/document.h"
#include "rollout/rolloutpanel.h"
#include "routing/requestarguments.h"
#include "simulation/liveplotpanel.h"
#include "simulation/requesttesterpanel.h"
#include "simulation/simulationrunner.h"
#include "simulation/simulationtoolbar.h"
#include "simulation/splitchartpanel.h"

#include <QAction>
#include <QDockWidget>
#include <QEvent>
#include <QMainWindow>
#include <QMenu>

#include <algorithm>

namespace meshlane::ui {

SimulationDocks::SimulationDocks(QMainWindow *window, Document *document, QDockWidget *besides, Options options)
    : QObject(window)
    , m_runner(new SimulationRunner({.seed = options.seed, .startPaused = options.startPaused}, this))
    , m_livePlotPanel(new LivePlotPanel(m_runner))
    , m_splitChartPanel(new SplitChartPanel(m_runner))
    , m_requestTesterPanel(new RequestTesterPanel)
    , m_livePlotDock(new QDockWidget(window))
    , m_splitChartDock(new QDockWidget(window))
    , m_requestTesterDock(new QDockWidget(window))
    , m_menu(new QMenu(window))
    , m_besides(besides)
{
    const auto setUp = [](QDockWidget *dock, const char *name, QWidget *panel) {
        dock->setObjectName(QLatin1String(name));
        dock->setWidget(panel);
    };
    setUp(m_livePlotDock, "LivePlotDock", m_livePlotPanel);
    setUp(m_splitChartDock, "SplitChartDock", m_splitChartPanel);
    setUp(m_requestTesterDock, "RequestTesterDock", m_requestTesterPanel);
    // The bottom row, under the graph and the editors: findings (or the
    // request tester), the plot over time, the split.
    window->addDockWidget(Qt::BottomDockWidgetArea, m_livePlotDock);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_splitChartDock);
    window->splitDockWidget(besides, m_livePlotDock, Qt::Horizontal);
    window->splitDockWidget(m_livePlotDock, m_splitChartDock, Qt::Horizontal);
    window->tabifyDockWidget(besides, m_requestTesterDock);
    besides->raise();
    window->installEventFilter(this); // sizes are set when it is first shown

    m_menu->addActions(m_livePlotPanel->toolBar()->menuActions());

    m_runner->setRouterCache(document->routers());
    connect(document, &Document::changed, this, [this, document] { m_runner->setMesh(document->mesh()); });
    // A new folder: nothing selected, nothing simulated.
    connect(document, &Document::loaded, this, [this] { m_runner->setVirtualService(QString()); });
    connect(m_runner, &SimulationRunner::routerChanged, m_requestTesterPanel, &RequestTesterPanel::setRouter);
    connect(m_runner, &SimulationRunner::busyChanged, this, &SimulationDocks::busyChanged);

    m_rolloutPanel = new RolloutPanel(document);
    m_rolloutDock = new QDockWidget(window);
    setUp(m_rolloutDock, "RolloutDock", m_rolloutPanel);
    window->addDockWidget(Qt::BottomDockWidgetArea, m_rolloutDock);
    window->tabifyDockWidget(besides, m_rolloutDock);
    besides->raise();
    // Only folders with a plan need it; the View menu shows it anywhere.
    m_rolloutDock->hide();
    connect(document, &Document::loaded, this, [this, document] {
        if (!document->mesh()->rolloutPlans.empty())
            m_rolloutDock->show();
    });
    connect(m_rolloutPanel, &RolloutPanel::rehearsed, this, [this](const PlotRecording &recording) {
        m_livePlotPanel->showRecording(recording);
        m_livePlotDock->raise();
    });
    retranslate();
}

bool SimulationDocks::eventFilter(QObject *watched, QEvent *event)
{
    // resizeDocks() before the window has its size is forgotten; a restored
    // layout (restoreState) comes before the show and is kept.
    if (event->type() == QEvent::Show && !m_sized) {
        m_sized = true;
        auto *window = static_cast<QMainWindow *>(watched);
        if (!m_layoutRestored) {
            const int width = window->width();
            window->resizeDocks({m_besides, m_livePlotDock, m_splitChartDock},
                                {width * 37 / 100, width * 37 / 100, width * 26 / 100}, Qt::Horizontal);
            window->resizeDocks({m_livePlotDock}, {std::max(230, window->height() * 32 / 100)}, Qt::Vertical);
        }
    }
    return QObject::eventFilter(watched, event);
}

QList<QAction *> SimulationDocks::viewActions() const
{
    return {m_livePlotDock->toggleViewAction(), m_splitChartDock->toggleViewAction(),
            m_requestTesterDock->toggleViewAction(), m_rolloutDock->toggleViewAction()};
}

bool SimulationDocks::isBusy() const
{
    return m_runner->isBusy();
}

void SimulationDocks::retranslate()
{
    m_requestTesterDock->setWindowTitle(tr("Request Tester"));
    m_livePlotDock->setWindowTitle(tr("Live Plot"));
    m_splitChartDock->setWindowTitle(tr("Split Chart"));
    if (m_rolloutDock)
        m_rolloutDock->setWindowTitle(tr("Rollout"));
    m_menu->setTitle(tr("&Simulation"));
}

bool SimulationDocks::replayWitness(const QString &arguments)
{
    HttpRequest request;
    const Result<RequestArguments> split = splitRequestArguments(arguments.toStdString());
    if (!split || !applyRequestArguments(*split, request))
        return false; // not one the analyzer writes
    m_requestTesterDock->show();
    m_requestTesterDock->raise();
    m_requestTesterPanel->showRequest(request);
    return true;
}

void SimulationDocks::showVirtualService(const QString &routeResource)
{
    if (routeResource.isEmpty())
        return; // a click on the background keeps the last rule simulated
    m_runner->setVirtualService(routeResource);
    m_requestTesterPanel->setVirtualService(routeResource);
}

} // namespace meshlane::ui
