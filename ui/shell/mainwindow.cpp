// SPDX-License-Identifier: MIT
#include "shell/mainwindow.h"

#include "diagnostics/diagnosticsmodel.h"
#include "diagnostics/diagnosticspanel.h"
#include "document/document.h"
#include "document/journalkeeper.h"
#include "graph/graphpanel.h"
#include "routing/routeresource.h"
#include "shell/editingdocks.h"
#include "shell/helpmenu.h"
#include "shell/languagemanager.h"
#include "shell/recentfolders.h"
#include "shell/simulationdocks.h"

#include <QAction>
#include <QActionGroup>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProgressBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QStyle>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <string>
#include <utility>

namespace meshlane::ui {

namespace {

// Work that ends sooner than this (each step of a slider drag routes and
// updates the graph off the GUI thread) shows no busy indicator: one that
// blinks on every step is noise, and repainting it costs the step time.
constexpr int kBusyIndicatorDelayMs = 300;
// Often enough to see a load move, rarely enough to cost the load nothing.
constexpr int kLoadProgressIntervalMs = 100;
constexpr int kStoppedMessageMs = 8000;

// A dropped or chosen path: a manifest file as its folder, anything else as
// is. A path that does not exist stays itself, so the loader reports it,
// rather than becoming its parent (`meshlane /typo` would read all of /).
QString folderOf(const QString &path)
{
    const QFileInfo info(path);
    return info.isFile() ? info.absolutePath() : info.absoluteFilePath();
}

} // namespace

MainWindow::MainWindow(Options options, QWidget *parent)
    : QMainWindow(parent)
    , m_options(options)
    , m_document(new Document(this))
    , m_graphPanel(new GraphPanel(this))
    , m_diagnosticsPanel(new DiagnosticsPanel(this))
    , m_diagnosticsDock(new QDockWidget(this))
{
    setObjectName(QStringLiteral("MainWindow"));
    setAcceptDrops(true);
    setCentralWidget(m_graphPanel);
    m_graphPanel->setRouterCache(m_document->routers());
    m_diagnosticsDock->setObjectName(QStringLiteral("DiagnosticsDock"));
    m_diagnosticsDock->setWidget(m_diagnosticsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_diagnosticsDock);
    m_editingDocks = new EditingDocks(this, m_document, m_graphPanel);
    m_simulationDocks = new SimulationDocks(this, m_document, m_diagnosticsDock,
                                            {.seed = options.simulationSeed, .startPaused = options.simulationPaused});
    connect(this, &MainWindow::virtualServiceSelected, m_editingDocks, &EditingDocks::showVirtualService);
    connect(this, &MainWindow::virtualServiceSelected, m_simulationDocks, &SimulationDocks::showVirtualService);

    createActions();
    createMenus();
    createStatusBar();
    retranslate();

    connect(m_document, &Document::loadingStarted, this, &MainWindow::updateBusy);
    connect(m_document, &Document::loadingCancelled, this, &MainWindow::onLoadingCancelled);
    connect(m_document, &Document::loaded, this, &MainWindow::onLoaded);
    if (!options.journalFolder.isEmpty()) {
        // Made before the next connection: it reads the leftover journal on loaded() first.
        m_journal = new JournalKeeper(m_document, options.journalFolder, this);
        connect(m_document, &Document::loaded, this, [this] {
            // Queued: the dialog must not run inside the load's signals, before the views have the mesh.
            QTimer::singleShot(0, this, &MainWindow::offerLeftoverEdits);
        });
    }
    connect(m_document, &Document::changed, this, [this] { m_graphPanel->setMesh(m_document->mesh()); });
    connect(m_document, &Document::diagnosticsChanged, this, [this] {
        m_diagnosticsPanel->setDiagnostics(m_document->diagnostics());
        updateCounts();
        updateBusy();
    });
    connect(m_simulationDocks, &SimulationDocks::busyChanged, this, &MainWindow::updateBusy);
    connect(m_document, &Document::modifiedChanged, this, &QWidget::setWindowModified);
    connect(m_graphPanel, &GraphPanel::busyChanged, this, &MainWindow::updateBusy);
    connect(m_graphPanel, &GraphPanel::layoutStarted, this, &MainWindow::updateBusy);
    connect(m_graphPanel, &GraphPanel::failed, this, [this](const QString &message) {
        m_statusLabel->setText(tr("Layout failed: %1").arg(message));
    });
    connect(m_graphPanel, &GraphPanel::virtualServiceSelected, this, &MainWindow::onVirtualServiceSelected);
    connect(m_diagnosticsPanel, &DiagnosticsPanel::diagnosticActivated, this, &MainWindow::showDiagnostic);
    connect(m_diagnosticsPanel, &DiagnosticsPanel::witnessRequested, m_simulationDocks, &SimulationDocks::replayWitness);

    connect(m_graphPanel, &GraphPanel::graphShown, this, &MainWindow::selectFeaturedRoute);

    if (m_options.persistent) {
        QSettings settings;
        if (!restoreGeometry(settings.value(QStringLiteral("mainWindow/geometry")).toByteArray()))
            fitToScreen(); // first start
        m_restoredLayout = restoreState(settings.value(QStringLiteral("mainWindow/state")).toByteArray());
        m_simulationDocks->setLayoutRestored(m_restoredLayout);
    }
}

MainWindow::~MainWindow()
{
    // The children die after this destructor, and some still talk while they
    // go (the Document's QUndoStack clears itself and says so): nothing may
    // reach this window's slots once it is only half a window.
    for (QObject *child : findChildren<QObject *>())
        child->disconnect(this);
}

void MainWindow::onVirtualServiceSelected(const QString &nsName)
{
    m_selectedVirtualService = nsName;
    Q_EMIT virtualServiceSelected(nsName);
}

void MainWindow::createActions()
{
    m_openAction = new QAction(this);
    m_openAction->setShortcut(QKeySequence::Open);
    connect(m_openAction, &QAction::triggered, this, &MainWindow::chooseFolder);
    m_reloadAction = new QAction(this);
    m_reloadAction->setShortcut(QKeySequence::Refresh);
    connect(m_reloadAction, &QAction::triggered, m_document, &Document::reload);
    m_stopLoadingAction = new QAction(this);
    m_stopLoadingAction->setShortcut(QKeySequence::Cancel); // only while loading: Esc is free otherwise
    m_stopLoadingAction->setEnabled(false);
    connect(m_stopLoadingAction, &QAction::triggered, m_document, &Document::cancelLoading);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    // Our own actions rather than QUndoStack's, whose texts only Qt's catalogue translates.
    QUndoStack *undoStack = m_document->undoStack();
    m_undoAction = new QAction(this);
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setEnabled(false);
    connect(m_undoAction, &QAction::triggered, undoStack, &QUndoStack::undo);
    connect(undoStack, &QUndoStack::canUndoChanged, m_undoAction, &QAction::setEnabled);
    connect(undoStack, &QUndoStack::undoTextChanged, this, &MainWindow::retranslate);
    m_redoAction = new QAction(this);
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence::Redo});
    m_redoAction->setEnabled(false);
    connect(m_redoAction, &QAction::triggered, undoStack, &QUndoStack::redo);
    connect(undoStack, &QUndoStack::canRedoChanged, m_redoAction, &QAction::setEnabled);
    connect(undoStack, &QUndoStack::redoTextChanged, this, &MainWindow::retranslate);
    m_fitAction = new QAction(this);
    m_fitAction->setShortcut(Qt::CTRL | Qt::Key_0);
    connect(m_fitAction, &QAction::triggered, m_graphPanel, &GraphPanel::fit);
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_openAction);
    m_recentMenu = m_fileMenu->addMenu(QString());
    m_recentFolders = new RecentFolders(m_recentMenu, m_options.persistent, this);
    connect(m_recentFolders, &RecentFolders::folderChosen, this, &MainWindow::openFolder);
    m_fileMenu->addAction(m_reloadAction);
    m_fileMenu->addAction(m_stopLoadingAction);
    m_fileMenu->addAction(m_editingDocks->exportAction());
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_editMenu = menuBar()->addMenu(QString());
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addMenu(m_graphPanel->namespacesMenu());
    m_viewMenu->addAction(m_diagnosticsDock->toggleViewAction());
    m_viewMenu->addActions(m_editingDocks->viewActions());
    m_viewMenu->addActions(m_simulationDocks->viewActions());
    if (m_options.languages) {
        m_viewMenu->addSeparator();
        m_languageMenu = m_viewMenu->addMenu(QString());
        m_languageGroup = new QActionGroup(this);
        const QString current = m_options.languages->language();
        const auto addLanguage = [this, &current](const QString &code) {
            QAction *action = m_languageMenu->addAction(QString());
            action->setCheckable(true);
            action->setChecked(code == current);
            action->setData(code);
            m_languageGroup->addAction(action);
            connect(action, &QAction::triggered, this, [this, code] { chooseLanguage(code); });
        };
        addLanguage(QString());
        m_languageMenu->addSeparator();
        for (const QString &code : LanguageManager::availableLanguages())
            addLanguage(code);
    }
    menuBar()->addMenu(m_simulationDocks->menu());
    m_helpMenu = new HelpMenu(this);
}

void MainWindow::createStatusBar()
{
    m_statusLabel = new QLabel(this);
    m_statusLabel->setObjectName(QStringLiteral("StatusLabel"));
    m_countsLabel = new QLabel(this);
    m_progress = new QProgressBar(this);
    m_progress->setRange(0, 0); // how long Graphviz takes is unknown: a busy indicator
    m_progress->setMaximumWidth(140);
    m_progress->setTextVisible(false);
    m_progress->hide();
    // A link, not a button: QStatusBar sizes itself to its tallest widget,
    // hidden ones too, and a button would make it taller for good.
    m_stopLoadingLink = new QLabel(this);
    m_stopLoadingLink->setObjectName(QStringLiteral("StopLoadingLink"));
    m_stopLoadingLink->setTextFormat(Qt::RichText);
    m_stopLoadingLink->hide();
    connect(m_stopLoadingLink, &QLabel::linkActivated, m_stopLoadingAction, &QAction::trigger);
    m_loadProgressTimer = new QTimer(this);
    m_loadProgressTimer->setInterval(kLoadProgressIntervalMs);
    connect(m_loadProgressTimer, &QTimer::timeout, this, &MainWindow::showLoadProgress);
    m_busyDelay = new QTimer(this);
    m_busyDelay->setSingleShot(true);
    m_busyDelay->setInterval(kBusyIndicatorDelayMs);
    connect(m_busyDelay, &QTimer::timeout, this, &MainWindow::showBusyState);
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_stopLoadingLink);
    statusBar()->addPermanentWidget(m_countsLabel);
}

void MainWindow::retranslate()
{
    m_fileMenu->setTitle(tr("&File"));
    m_openAction->setText(tr("&Open Folder\u2026"));
    m_recentMenu->setTitle(tr("Open &Recent"));
    m_recentFolders->retranslate();
    m_reloadAction->setText(tr("Re&load"));
    m_stopLoadingAction->setText(tr("&Stop Loading"));
    m_stopLoadingLink->setText(QStringLiteral("<a href=\"stop\">%1</a>").arg(tr("Stop").toHtmlEscaped()));
    m_stopLoadingLink->setToolTip(tr("Stop loading and keep what is shown (Esc)"));
    m_quitAction->setText(tr("&Quit"));
    m_editMenu->setTitle(tr("&Edit"));
    const QString undoText = m_document->undoStack()->undoText();
    const QString redoText = m_document->undoStack()->redoText();
    m_undoAction->setText(undoText.isEmpty() ? tr("&Undo") : tr("&Undo %1").arg(undoText));
    m_redoAction->setText(redoText.isEmpty() ? tr("&Redo") : tr("&Redo %1").arg(redoText));
    m_viewMenu->setTitle(tr("&View"));
    m_fitAction->setText(tr("&Fit Graph"));
    m_diagnosticsDock->setWindowTitle(tr("Diagnostics"));
    m_editingDocks->retranslate();
    m_simulationDocks->retranslate();
    m_helpMenu->retranslate();
    if (m_languageMenu) {
        m_languageMenu->setTitle(tr("&Language"));
        for (QAction *action : m_languageGroup->actions()) {
            const QString code = action->data().toString();
            // Each language is named in itself, so it can be found whatever the current one.
            action->setText(code.isEmpty() ? tr("System Default") : LanguageManager::nativeName(code));
        }
    }
    const QString folder = m_document->folder();
    setWindowTitle(folder.isEmpty() ? QStringLiteral("Meshlane[*]")
                                    : tr("%1 \u2014 Meshlane[*]").arg(QFileInfo(folder).fileName()));
    updateCounts();
    updateBusy();
}

void MainWindow::openFolder(const QString &folder)
{
    m_document->openFolder(folderOf(folder));
}

bool MainWindow::isBusy() const
{
    return m_document->isLoading() || m_document->isAnalyzing() || m_graphPanel->isBusy() || m_simulationDocks->isBusy();
}

void MainWindow::chooseFolder()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Folder of Manifests"), m_document->folder());
    if (!folder.isEmpty())
        openFolder(folder);
}

void MainWindow::onLoaded()
{
    m_recentFolders->add(m_document->folder());
    m_selectedVirtualService.clear();
    m_selectAfterLoad = m_options.selectOnOpen;
    m_graphPanel->resetView(); // Document::changed() follows and brings the mesh
    retranslate(); // the title names the folder
}

void MainWindow::offerLeftoverEdits()
{
    if (!m_journal || !m_journal->leftover())
        return;
    const int count = int(m_journal->leftover()->operations.size());
    if (!m_options.restoreJournal && !m_editingDocks->askRestore(count)) {
        m_journal->discardLeftover();
        return;
    }
    const QStringList notApplied = m_journal->restore();
    if (!notApplied.isEmpty())
        m_editingDocks->reportError(tr("Some Edits Were Not Restored"),
                                    tr("The files changed since; these edits no longer apply:\n%1")
                                        .arg(notApplied.join(u'\n')));
}

void MainWindow::selectFeaturedRoute()
{
    if (!std::exchange(m_selectAfterLoad, false) || !m_selectedVirtualService.isEmpty())
        return;
    if (const std::optional<RouteResource> featured = featuredRouteResource(*m_document->mesh()))
        m_graphPanel->selectVirtualService(QString::fromStdString(featured->ref()));
}

void MainWindow::fitToScreen()
{
    // Most of the screen, centred: at the toolkit's default size the graph of
    // even a small mesh is drawn too small to read.
    const QScreen *screen = this->screen();
    if (!screen)
        return;
    const QRect available = screen->availableGeometry();
    const QSize size(available.width() * 9 / 10, available.height() * 9 / 10);
    setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, available));
}

void MainWindow::updateCounts()
{
    const auto &mesh = *m_document->mesh();
    m_countsLabel->setText(tr("Services: %1 \u00b7 VirtualServices: %2 \u00b7 DestinationRules: %3 \u00b7 Diagnostics: %4")
                               .arg(mesh.services.size())
                               .arg(mesh.virtualServices.size())
                               .arg(mesh.destinationRules.size())
                               .arg(m_diagnosticsPanel->model()->rowCount()));
}

void MainWindow::updateBusy()
{
    const bool busy = isBusy();
    if (busy && !m_document->isLoading() && !m_progress->isVisible()) {
        if (!m_busyDelay->isActive())
            m_busyDelay->start(); // shown if it lasts
        return;
    }
    m_busyDelay->stop();
    showBusyState();
}

void MainWindow::showBusyState()
{
    const bool busy = isBusy();
    const bool loading = m_document->isLoading();
    m_progress->setVisible(busy);
    m_progress->setRange(0, 0); // a busy indicator, unless a load knows how far it got
    m_stopLoadingAction->setEnabled(loading);
    m_stopLoadingLink->setVisible(loading);
    if (loading && !m_loadProgressTimer->isActive())
        m_loadProgressTimer->start();
    else if (!loading)
        m_loadProgressTimer->stop();
    // The text changes only with what takes a while: a slider drag keeps the
    // graph and the simulation busy for a moment per step, and a label that
    // changed with each would lay the window out again twice a step.
    if (loading)
        showLoadProgress();
    else if (m_graphPanel->isLayingOut())
        m_statusLabel->setText(tr("Laying out the graph\u2026"));
    else if (m_document->isAnalyzing())
        m_statusLabel->setText(tr("Analysing\u2026"));
    else if (m_simulationDocks->isBusy())
        m_statusLabel->setText(tr("Preparing the simulation\u2026"));
    else if (busy)
        m_statusLabel->setText(tr("Updating the graph\u2026"));
    else if (m_document->folder().isEmpty())
        m_statusLabel->setText(tr("Open a folder of Kubernetes and Istio manifests"));
    else // the folder's name only: the full path is in the tooltip (and screenshots stay path-independent)
        m_statusLabel->setText(tr("%1: %n file(s)", nullptr, int(m_document->mesh()->files.size()))
                                   .arg(QFileInfo(m_document->folder()).fileName()));
    m_statusLabel->setToolTip(QDir::toNativeSeparators(m_document->folder()));
    if (!busy)
        Q_EMIT idle();
}

void MainWindow::showLoadProgress()
{
    const QString folder = QDir::toNativeSeparators(m_document->loadingFolder());
    const size_t found = m_document->loadingFilesFound();
    if (found == 0) { // still listing the folder
        m_statusLabel->setText(tr("Loading %1\u2026").arg(folder));
        return;
    }
    const size_t read = std::min(m_document->loadingFilesRead(), found);
    m_statusLabel->setText(tr("Loading %1\u2026 %2 of %n file(s)", nullptr, int(found)).arg(folder).arg(read));
    m_progress->setRange(0, int(found));
    m_progress->setValue(int(read));
}

void MainWindow::onLoadingCancelled(const QString &folder)
{
    updateBusy();
    const QString stopped = tr("Stopped loading %1.").arg(QDir::toNativeSeparators(folder));
    statusBar()->showMessage(m_document->folder().isEmpty()
                                 ? stopped
                                 : tr("%1 Still showing %2.").arg(stopped, QFileInfo(m_document->folder()).fileName()),
                             kStoppedMessageMs);
}

void MainWindow::showDiagnostic(const Diagnostic &diagnostic)
{
    if (!diagnostic.resource.kind.empty())
        m_graphPanel->selectResource(diagnostic.resource);
    m_editingDocks->showFinding(diagnostic);
    m_statusLabel->setText(QString::fromStdString(diagnostic.location.toString()));
}

void MainWindow::chooseLanguage(const QString &code)
{
    m_options.languages->setLanguage(code);
    if (m_options.persistent)
        QSettings().setValue(QStringLiteral("language"), code);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    if (m_options.persistent) {
        QSettings settings;
        settings.setValue(QStringLiteral("mainWindow/geometry"), saveGeometry());
        settings.setValue(QStringLiteral("mainWindow/state"), saveState());
    }
    if (m_journal)
        m_journal->discard(); // a clean exit: the edits were exported, or the user let them go
    event->accept();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.front().isLocalFile() && QFileInfo::exists(urls.front().toLocalFile()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QList<QUrl> urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.front().isLocalFile())
        return;
    openFolder(urls.front().toLocalFile());
    event->acceptProposedAction();
}

} // namespace meshlane::ui
