// SPDX-License-Identifier: MIT
#pragma once

#include "model/diagnostic.h"

#include <QMainWindow>

#include <cstdint>
#include <optional>

class QAction;
class QActionGroup;
class QDockWidget;
class QLabel;
class QMenu;
class QProgressBar;
class QTimer;

namespace meshlane::ui {

class DiagnosticsPanel;
class Document;
class EditingDocks;
class GraphPanel;
class HelpMenu;
class JournalKeeper;
class LanguageManager;
class RecentFolders;
class SimulationDocks;

// Wiring only: menus, docks and the status bar around the Document and the
// panels. Behaviour lives in the panels and the Document.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    struct Options
    {
        // false: no QSettings (window layout, recent folders, language) are
        // read or written, so tests and screenshots do not depend on them.
        bool persistent = true;
        LanguageManager *languages = nullptr; // the View › Language menu needs one
        // Reproducible simulations (tests, screenshots): a fixed seed, and a
        // clock that only runs when asked (SimulationRunner::runFor, Play).
        std::optional<uint64_t> simulationSeed = std::nullopt;
        bool simulationPaused = false;
        // A folder opens with a route selected (the first VirtualService that
        // splits traffic, else the first one), so the editor, the plot and the
        // chart show what the product does at once.
        bool selectOnOpen = true;
        // Where unsaved edits are journaled (JournalKeeper); empty: not at
        // all (tests, screenshots). restoreJournal restores a previous run's
        // leftover edits without asking (`--restore`).
        QString journalFolder = {};
        bool restoreJournal = false;
    };

    explicit MainWindow(Options options, QWidget *parent = nullptr);
    ~MainWindow() override;

    void openFolder(const QString &folder);
    // Loading or laying out: what is on screen is not the current state yet.
    bool isBusy() const;

    Document *document() const { return m_document; }
    GraphPanel *graphPanel() const { return m_graphPanel; }
    DiagnosticsPanel *diagnosticsPanel() const { return m_diagnosticsPanel; }
    EditingDocks *editingDocks() const { return m_editingDocks; }
    SimulationDocks *simulationDocks() const { return m_simulationDocks; }
    QString selectedVirtualService() const { return m_selectedVirtualService; }
    bool restoredLayout() const { return m_restoredLayout; } // the docks as the user left them

Q_SIGNALS:
    void idle(); // the last load or edit is fully on screen
    void virtualServiceSelected(const QString &nsName);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createStatusBar();
    void onVirtualServiceSelected(const QString &nsName);
    void retranslate();
    void chooseFolder();
    void onLoaded();
    void selectFeaturedRoute(); // once after a load, when Options::selectOnOpen
    void fitToScreen();
    void updateCounts();
    void updateBusy();
    void showBusyState();
    void showLoadProgress();
    void onLoadingCancelled(const QString &folder);
    void showDiagnostic(const Diagnostic &diagnostic);
    void chooseLanguage(const QString &code);
    void offerLeftoverEdits(); // after a load: what a killed or crashed run left unsaved

    Options m_options;
    Document *m_document;
    GraphPanel *m_graphPanel;
    DiagnosticsPanel *m_diagnosticsPanel;
    QDockWidget *m_diagnosticsDock;
    EditingDocks *m_editingDocks = nullptr;
    SimulationDocks *m_simulationDocks = nullptr;
    HelpMenu *m_helpMenu = nullptr;
    JournalKeeper *m_journal = nullptr;
    bool m_selectAfterLoad = false;
    RecentFolders *m_recentFolders = nullptr;
    QString m_selectedVirtualService;
    bool m_restoredLayout = false;

    QMenu *m_fileMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QAction *m_openAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_stopLoadingAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    QAction *m_fitAction = nullptr;
    QActionGroup *m_languageGroup = nullptr;
    QLabel *m_statusLabel = nullptr;
    QLabel *m_countsLabel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_stopLoadingLink = nullptr; // "Stop", while loading
    QTimer *m_loadProgressTimer = nullptr; // while loading: files read of files found
    QTimer *m_busyDelay = nullptr; // short busy spells (a drag step) show nothing
};

} // namespace meshlane::ui
