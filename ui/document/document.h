// SPDX-License-Identifier: MIT
#pragma once

#include "base/backgroundjob.h"
#include "document/mesheditcommand.h"
#include "edit/editjournal.h"
#include "edit/meshedit.h"
#include "edit/rolloutplanedits.h"
#include "export/exporter.h"
#include "load/loadcontrol.h"
#include "model/diagnostic.h"
#include "model/mesh.h"
#include "routing/routercache.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

class QTimer;
class QUndoCommand;
class QUndoStack;

namespace meshlane::ui {

class DiskWatcher;

// The open folder: the current immutable Mesh snapshot, the loader's findings
// and the undo history. Views read from it and refresh on changed(); they never
// modify the mesh.
//
// Every edit goes one way: a widget calls one of the edit methods below, which
// runs the operation of core/meshedit.h on the current snapshot and pushes one
// MeshEditCommand (ui/document/mesheditcommand.h) holding the snapshot before and after;
// its redo() swaps the new one in with setMesh(). An operation that is refused
// changes nothing and reports why with editFailed().
class Document : public QObject
{
    Q_OBJECT

public:
    explicit Document(QObject *parent = nullptr);
    ~Document() override;

    MeshPtr mesh() const { return m_mesh; } // never null: empty before the first load
    // The files as they are on disk: as loaded, or as last exported in place.
    MeshPtr diskMesh() const { return m_diskMesh; }
    const Diagnostics &loadDiagnostics() const { return m_loadDiagnostics; } // the loader's own
    // What the user sees: the loader's findings and the analyzer's, sorted by
    // file and line. Re-analysed off the GUI thread after every snapshot
    // change; during a burst of changes (a slider drag) once it has settled.
    const Diagnostics &diagnostics() const { return m_diagnostics; }
    bool isAnalyzing() const; // running, or waiting for a burst of changes to settle
    QString folder() const { return m_folder; }
    QUndoStack *undoStack() const { return m_undoStack; }
    // One Router per snapshot for every view that routes (the graph's labels,
    // the simulation, the request tester), each derived from the last.
    const RouterCachePtr &routers() const { return m_routers; }
    DiskWatcher *diskWatcher() const { return m_diskWatcher; }
    bool isLoading() const { return m_loads.latest() != m_finishedLoad; }
    // While loading: the folder being read, and how far it got.
    QString loadingFolder() const { return m_loadingFolder; }
    size_t loadingFilesFound() const { return m_loadControl ? m_loadControl->filesFound() : 0; }
    size_t loadingFilesRead() const { return m_loadControl ? m_loadControl->filesRead() : 0; }
    // Some file's text differs from what is on disk (an edit back to the
    // original numbers counts as no change).
    bool isModified() const;

    // Reads the folder on a worker thread; loadingStarted() now, loaded() and
    // changed() when done. Opening again before that drops the older result.
    // The loader's findings come with loaded(); the analyzer's follow with a
    // second diagnosticsChanged() (isAnalyzing() until then), so the graph
    // of a large folder need not wait for them.
    void openFolder(const QString &folder);
    // Stops the load in progress: the worker ends within a file, its result
    // is dropped, and the folder that was open (if any) stays as it was, edits
    // included. loadingCancelled() says so.
    void cancelLoading();
    // Re-reads the current folder (drops the undo history).
    void reload();
    // Re-reads the current folder and redoes the unsaved edits on the new
    // files, each as an undo step of its own; editsReapplied() says which no
    // longer apply. For "keep mine" when another program changed the files.
    void reloadKeepingEdits();

    // The unsaved edits as journal operations (core/edit/editjournal.h): the
    // undo steps since the files were read or exported, or, when undo went
    // back past an export, one operation from the files on disk.
    std::vector<JournalOperation> unsavedOperations() const;
    // Redoes each operation on the current snapshot as its own undo step.
    // Returns one line per operation that no longer applies: what and why.
    QStringList reapply(const std::vector<JournalOperation> &operations);

    // For undo commands: makes `mesh` the current snapshot and emits changed().
    void setMesh(MeshPtr mesh);

    // Edits. Each pushes one undo step and returns true, or changes nothing,
    // emits editFailed() and returns false. An edit that changes no byte
    // pushes nothing and returns true.
    //
    // `dragId`: the steps of one slider drag pass the same id (newDragId());
    // consecutive steps with that id on the same route merge into one undo
    // step. 0 never merges.
    bool setRouteWeights(const RouteRef &route, const std::vector<int> &weights, int dragId = 0);
    bool addDestination(const RouteRef &route, const Destination &destination, int weight = 0);
    // Kiali's canary start: creates subset `version` (selecting version=<version>)
    // in the host's DestinationRule, then adds it to the route; one undo step.
    bool addVersionDestination(const RouteRef &route, const std::string &hostFqdn, const std::string &version,
                               int weight = 0);
    bool removeDestination(const RouteRef &route, size_t index);
    bool createSubset(const std::string &hostFqdn, const std::string &subsetName, const Labels &labels);
    bool setMirror(const RouteRef &route, const std::optional<Destination> &mirror,
                   std::optional<double> percentage = std::nullopt, int dragId = 0);
    bool addMatchRoute(const RouteRef &at, const MatchRule &rule);
    bool removeRoute(const RouteRef &route);
    bool moveRoute(const RouteRef &from, size_t to);
    // Gateway API rules (HTTPRoute, GRPCRoute): their backendRefs' weights
    // (steps of one drag merge by `dragId` as for setRouteWeights), a new
    // backend Service of the route's namespace (its first port, `weight`),
    // and removing one. One undo step each.
    bool setBackendWeights(const GatewayRuleRef &rule, const std::vector<int> &weights, int dragId = 0);
    bool addBackendRef(const GatewayRuleRef &rule, const std::string &service, int weight = 0);
    bool removeBackendRef(const GatewayRuleRef &rule, size_t index);
    // The steps of a RolloutPlan of the folder (edit/rolloutplanedits.h).
    bool addRolloutStep(const RolloutPlanRef &plan, size_t at, const RolloutStep &step);
    bool removeRolloutStep(const RolloutPlanRef &plan, size_t index);
    bool moveRolloutStep(const RolloutPlanRef &plan, size_t from, size_t to);
    bool setRolloutStep(const RolloutPlanRef &plan, size_t index, const RolloutStep &step);
    // One undoable edit that makes every file of `target` read as there (a
    // rehearsed step's mesh); files only here are left as they are.
    bool stageFiles(const Mesh &target, const QString &description);

    static int newDragId();

    // setRouteWeights() for the steps of a slider drag, without holding up
    // the GUI thread: when edits take long (a large mesh), the edit is
    // computed on a worker thread and pushed when done (the same command,
    // merged by drag id). Steps that arrive while one is computed replace each
    // other, so a fast drag costs one edit per edit time, not one per mouse
    // move. A step computed against a snapshot that changed meanwhile (an
    // undo) is computed again against the new one. Quick edits run at once.
    void requestRouteWeights(const RouteRef &route, const std::vector<int> &weights, int dragId);
    // The same for the drag of a Gateway API rule's backendRef weight.
    void requestBackendWeights(const GatewayRuleRef &rule, const std::vector<int> &weights, int dragId);
    bool isEditPending() const { return m_weightJobRunning || m_pendingWeights.has_value(); }
    // Drag steps whose edit took less than this run on the GUI thread: the
    // hand-over to a worker would cost more than it saves (0: always a worker).
    void setSynchronousDragLimit(qint64 nanoseconds) { m_synchronousDragLimit = nanoseconds; }

    // What exportTo() would change, as a unified diff; `outputDir` empty
    // means the folder itself.
    QString exportDiff(const QString &outputDir = {}) const;
    // Writes the edited files (all or nothing). In place, success makes the
    // written texts the new baseline: isModified() turns false.
    Result<ExportSummary> exportTo(const QString &outputDir = {});

    // True when both snapshots hold the same files with the same texts.
    static bool sameFiles(const Mesh &a, const Mesh &b);

Q_SIGNALS:
    void loadingStarted(const QString &folder);
    void loadingCancelled(const QString &folder);
    void loaded(); // a folder was (re)loaded: views should reset their selection
    void changed(); // the snapshot changed: after a load, an edit, an undo or a redo
    void modifiedChanged(bool modified);
    void diskMeshChanged(); // the baseline moved (a load or an in-place export)
    void editFailed(const QString &message);
    void editsSettled(); // the last requested drag step is in the snapshot
    // The files on disk changed while there are unsaved edits: ask whether to
    // reload() (without edits the document reloads by itself).
    void changedOnDiskWhileModified();
    void diagnosticsChanged(); // the loader's findings after a load, then the analysis of the snapshot
    // reloadKeepingEdits() is done: the edits that did not apply (empty: all did).
    void editsReapplied(const QStringList &notApplied);

private:
    enum class Outcome { Refused, Unchanged, Changed };
    Outcome check(const Result<MeshChange> &change, const QString &refusal);
    // Pushes the one undo command of a changed snapshot; says why when refused.
    bool apply(const MeshPtr &before, const Result<MeshChange> &change, const QString &refusal, MergeKey key = {});
    void updateModified();
    void onChangedOnDisk();
    void startWeightJob();

    // A drag step: of a VirtualService route, or of a Gateway API rule when `rule` is set.
    struct WeightRequest
    {
        RouteRef route;
        std::vector<int> weights;
        int dragId = 0;
        std::optional<GatewayRuleRef> rule;
    };
    static Result<MeshChange> computeWeights(const MeshPtr &base, const WeightRequest &request);
    bool applyWeights(const MeshPtr &before, const Result<MeshChange> &change, const WeightRequest &request);
    void requestWeights(WeightRequest request);
    void scheduleAnalysis();
    void analyzeCurrentMesh();

    MeshPtr m_mesh;
    MeshPtr m_diskMesh;
    Diagnostics m_loadDiagnostics;
    Diagnostics m_diagnostics;
    QString m_folder;
    QUndoStack *m_undoStack;
    DiskWatcher *m_diskWatcher;
    RouterCachePtr m_routers;
    JobTicket m_loads;     // the latest openFolder()
    int m_finishedLoad = 0; // the ticket of the load now shown
    QString m_loadingFolder;
    std::shared_ptr<LoadControl> m_loadControl; // of the latest openFolder()
    int m_reapplyTicket = 0; // the load after which m_reapply is redone
    std::vector<JournalOperation> m_reapply;
    bool m_modified = false;
    std::optional<WeightRequest> m_pendingWeights;
    bool m_weightJobRunning = false;
    qint64 m_weightEditNanoseconds = 0; // how long the last drag step's edit took
    qint64 m_synchronousDragLimit = 3'000'000;
    bool m_analysisRunning = false;
    bool m_analysisPending = false; // the snapshot changed while an analysis ran
    QTimer *m_analysisDelay;        // a burst of changes: analyse when it settles
    QElapsedTimer m_sinceChange;    // since the last snapshot change
};

} // namespace meshlane::ui
