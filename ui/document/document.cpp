// SPDX-License-Identifier: MIT
#include "document/document.h"

#include "analysis/analyzer.h"
#include "base/backgroundjob.h"
#include "document/diskwatcher.h"
#include "document/mesheditcommand.h"
#include "load/manifestloader.h"
#include "yaml/textedit.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTimer>
#include <QUndoStack>

#include <atomic>

namespace meshlane::ui {

namespace {

// Snapshots closer together than this are a burst (a drag): analysing each
// would keep a core busy with findings nobody reads before the next step.
constexpr int kAnalysisQuietMs = 150;

} // namespace

Document::Document(QObject *parent)
    : QObject(parent)
    , m_mesh(std::make_shared<const Mesh>())
    , m_diskMesh(m_mesh)
    , m_undoStack(new QUndoStack(this))
    , m_diskWatcher(new DiskWatcher(this))
    , m_routers(std::make_shared<RouterCache>())
    , m_analysisDelay(new QTimer(this))
{
    connect(m_diskWatcher, &DiskWatcher::changedOnDisk, this, &Document::onChangedOnDisk);
    m_analysisDelay->setSingleShot(true);
    m_analysisDelay->setInterval(kAnalysisQuietMs);
    connect(m_analysisDelay, &QTimer::timeout, this, &Document::analyzeCurrentMesh);
}

Document::~Document() = default;

bool Document::sameFiles(const Mesh &a, const Mesh &b)
{
    if (a.files.size() != b.files.size())
        return false;
    for (size_t i = 0; i < a.files.size(); ++i) {
        const SourceFile &x = *a.files[i];
        const SourceFile &y = *b.files[i];
        // An edit shares every file it does not touch: mostly a pointer comparison.
        if (&x != &y && (x.path != y.path || x.text != y.text))
            return false;
    }
    return true;
}

bool Document::isModified() const
{
    return m_modified;
}

void Document::updateModified()
{
    const bool modified = !sameFiles(*m_mesh, *m_diskMesh);
    if (modified != m_modified) {
        m_modified = modified;
        Q_EMIT modifiedChanged(modified);
    }
}

void Document::openFolder(const QString &folder)
{
    const QString absolute = QDir(folder).absolutePath();
    if (m_loadControl)
        m_loadControl->cancel(); // superseded: let its worker stop early
    const int ticket = m_loads.next();
    m_loadingFolder = absolute;
    m_loadControl = std::make_shared<LoadControl>();
    Q_EMIT loadingStarted(absolute);
    // Reading and parsing a large folder takes long enough to freeze the window.
    const auto load = [path = absolute.toStdString(), control = m_loadControl] {
        LoadResult result = ManifestLoader({.control = control}).loadFolder(path);
        if (!result.cancelled)
            sortDiagnostics(result.diagnostics);
        return result;
    };
    runInBackground(this, load, [this, ticket, absolute](LoadResult result) {
        if (!m_loads.isLatest(ticket) || result.cancelled)
            return; // a newer open superseded this one, or it was cancelled
        m_finishedLoad = ticket;
        m_loadControl.reset();
        m_loadingFolder.clear();
        m_folder = absolute;
        m_loadDiagnostics = std::move(result.diagnostics);
        m_diagnostics = m_loadDiagnostics; // the analyzer's join them when it is done
        m_analysisDelay->stop();
        m_mesh = std::move(result.mesh);
        m_diskMesh = m_mesh;
        m_undoStack->clear();
        updateModified();
        Q_EMIT diskMeshChanged();
        Q_EMIT loaded();
        Q_EMIT changed();
        Q_EMIT diagnosticsChanged();
        // Not part of the load: the graph is built meanwhile, on the other core.
        analyzeCurrentMesh();
        // Last: its scan of the folder queues behind the graph and the analysis.
        m_diskWatcher->watch(m_diskMesh);
        if (std::exchange(m_reapplyTicket, 0) == ticket)
            Q_EMIT editsReapplied(reapply(std::exchange(m_reapply, {})));
    });
}

void Document::cancelLoading()
{
    if (!isLoading())
        return;
    m_loadControl->cancel();
    m_loadControl.reset();
    m_loads.invalidate(); // its result, should it still arrive, is not shown
    m_finishedLoad = m_loads.latest();
    m_reapplyTicket = 0; // a cancelled "keep mine" reload: the edits are still in the snapshot
    m_reapply.clear();
    Q_EMIT loadingCancelled(std::exchange(m_loadingFolder, {}));
}

void Document::reload()
{
    if (!m_folder.isEmpty())
        openFolder(m_folder);
}

void Document::reloadKeepingEdits()
{
    if (m_folder.isEmpty())
        return;
    m_reapply = unsavedOperations();
    openFolder(m_folder);
    m_reapplyTicket = m_loads.latest();
}

std::vector<JournalOperation> Document::unsavedOperations() const
{
    if (!isModified())
        return {};
    const int clean = m_undoStack->cleanIndex();
    const int current = m_undoStack->index();
    if (clean < 0 || clean > current) // undo went back past an export: no step leads from the disk
        return {journalOperation(*m_diskMesh, *m_mesh, tr("Unsaved edits").toStdString())};
    std::vector<JournalOperation> operations;
    for (int i = clean; i < current; ++i) {
        const auto *command = static_cast<const MeshEditCommand *>(m_undoStack->command(i));
        JournalOperation operation =
            journalOperation(*command->before(), *command->after(), command->text().toStdString());
        if (!operation.hunks.empty())
            operations.push_back(std::move(operation));
    }
    return operations;
}

QStringList Document::reapply(const std::vector<JournalOperation> &operations)
{
    QStringList notApplied;
    for (const JournalOperation &operation : operations) {
        const Result<std::vector<TextEdit>> edits = locateOperation(*m_mesh, operation);
        const Result<MeshChange> change = edits ? applyEdits(m_mesh, *edits, operation.description)
                                                : Result<MeshChange>::failure(edits.error());
        const QString description = QString::fromStdString(operation.description);
        if (!change)
            notApplied << tr("%1: %2").arg(description, QString::fromStdString(change.error()));
        else if (!change->edits.empty())
            m_undoStack->push(new MeshEditCommand(this, m_mesh, change->mesh, description));
    }
    return notApplied;
}

void Document::setMesh(MeshPtr mesh)
{
    Q_ASSERT(mesh);
    m_mesh = std::move(mesh);
    updateModified();
    Q_EMIT changed();
    scheduleAnalysis();
}

bool Document::isAnalyzing() const
{
    return m_analysisRunning || m_analysisDelay->isActive();
}

void Document::scheduleAnalysis()
{
    const bool burst = m_sinceChange.isValid() && m_sinceChange.elapsed() < kAnalysisQuietMs;
    m_sinceChange.start();
    if (burst || m_analysisDelay->isActive())
        m_analysisDelay->start(); // (again): once the changes stop
    else
        analyzeCurrentMesh();
}

void Document::analyzeCurrentMesh()
{
    if (m_analysisRunning) {
        m_analysisPending = true; // one run per finished run, whatever the rate of edits
        return;
    }
    m_analysisRunning = true;
    const MeshPtr mesh = m_mesh;
    // The loader's findings are about the files as read; edits change the model, so only the analysis reruns.
    const auto analysis = [mesh, loader = m_loadDiagnostics] {
        Diagnostics diagnostics = loader;
        Diagnostics found = analyze(*mesh);
        diagnostics.insert(diagnostics.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
        sortDiagnostics(diagnostics);
        return diagnostics;
    };
    runInBackground(this, analysis, [this, mesh](Diagnostics diagnostics) {
        m_analysisRunning = false;
        if (std::exchange(m_analysisPending, false)) {
            analyzeCurrentMesh();
            return;
        }
        if (mesh != m_mesh)
            return; // superseded: the newer snapshot's analysis is under way
        m_diagnostics = std::move(diagnostics);
        Q_EMIT diagnosticsChanged();
    });
}

void Document::onChangedOnDisk()
{
    if (isLoading())
        return; // the load under way reads the new files anyway
    if (isModified())
        Q_EMIT changedOnDiskWhileModified();
    else
        reload();
}

int Document::newDragId()
{
    static std::atomic<int> last{0};
    return ++last;
}

Document::Outcome Document::check(const Result<MeshChange> &change, const QString &refusal)
{
    if (!change) {
        Q_EMIT editFailed(refusal.arg(QString::fromStdString(change.error())));
        return Outcome::Refused;
    }
    return change->edits.empty() ? Outcome::Unchanged : Outcome::Changed;
}

bool Document::apply(const MeshPtr &before, const Result<MeshChange> &change, const QString &refusal, MergeKey key)
{
    const Outcome outcome = check(change, refusal);
    if (outcome == Outcome::Changed)
        m_undoStack->push(new MeshEditCommand(this, before, change->mesh, QString::fromStdString(change->description),
                                              std::move(key)));
    return outcome != Outcome::Refused;
}

bool Document::setRouteWeights(const RouteRef &route, const std::vector<int> &weights, int dragId)
{
    const WeightRequest request{route, weights, dragId, std::nullopt};
    return applyWeights(m_mesh, computeWeights(m_mesh, request), request);
}

bool Document::setBackendWeights(const GatewayRuleRef &rule, const std::vector<int> &weights, int dragId)
{
    const WeightRequest request{{}, weights, dragId, rule};
    return applyWeights(m_mesh, computeWeights(m_mesh, request), request);
}

Result<MeshChange> Document::computeWeights(const MeshPtr &base, const WeightRequest &request)
{
    return request.rule ? meshlane::setBackendWeights(base, *request.rule, request.weights)
                        : meshlane::setRouteWeights(base, request.route, request.weights);
}

bool Document::applyWeights(const MeshPtr &before, const Result<MeshChange> &change, const WeightRequest &request)
{
    if (request.rule)
        return apply(before, change, tr("Cannot set the weights: %1"),
                     {MergeKey::Kind::BackendWeights, {}, request.dragId, *request.rule});
    return apply(before, change, tr("Cannot set the weights: %1"),
                 {MergeKey::Kind::RouteWeights, request.route, request.dragId, {}});
}

void Document::requestRouteWeights(const RouteRef &route, const std::vector<int> &weights, int dragId)
{
    requestWeights(WeightRequest{route, weights, dragId, std::nullopt});
}

void Document::requestBackendWeights(const GatewayRuleRef &rule, const std::vector<int> &weights, int dragId)
{
    requestWeights(WeightRequest{{}, weights, dragId, rule});
}

void Document::requestWeights(WeightRequest request)
{
    m_pendingWeights = std::move(request);
    if (m_weightJobRunning)
        return;
    if (m_weightEditNanoseconds < m_synchronousDragLimit) {
        // Small meshes: the edit takes less than the thread hop would add.
        const WeightRequest now = std::move(*m_pendingWeights);
        m_pendingWeights.reset();
        QElapsedTimer timer;
        timer.start();
        applyWeights(m_mesh, computeWeights(m_mesh, now), now);
        m_weightEditNanoseconds = timer.nsecsElapsed();
        Q_EMIT editsSettled();
        return;
    }
    startWeightJob();
}

void Document::startWeightJob()
{
    WeightRequest request = std::move(*m_pendingWeights);
    m_pendingWeights.reset();
    m_weightJobRunning = true;
    const MeshPtr base = m_mesh;
    const int ticket = m_loads.latest();
    using Timed = std::pair<Result<MeshChange>, qint64>;
    const auto edit = [base, request] {
        QElapsedTimer timer;
        timer.start();
        Result<MeshChange> change = computeWeights(base, request);
        return Timed(std::move(change), timer.nsecsElapsed());
    };
    runInBackground(this, edit, [this, base, ticket, request](Timed timed) {
        m_weightJobRunning = false;
        m_weightEditNanoseconds = timed.second;
        if (!m_loads.isLatest(ticket)) {
            m_pendingWeights.reset(); // another folder, or a reload: the drag is over
        } else if (base != m_mesh) {
            if (!m_pendingWeights)
                m_pendingWeights = request; // computed against a snapshot that is gone: again
        } else {
            applyWeights(base, timed.first, request);
        }
        if (m_pendingWeights)
            startWeightJob();
        else
            Q_EMIT editsSettled();
    });
}

bool Document::addDestination(const RouteRef &route, const Destination &destination, int weight)
{
    const Result<MeshChange> result = meshlane::addDestination(m_mesh, route, destination, weight);
    return apply(m_mesh, result, tr("Cannot add the destination: %1"));
}

bool Document::addVersionDestination(const RouteRef &route, const std::string &hostFqdn, const std::string &version,
                                     int weight)
{
    // Both steps are computed before anything is pushed: a refused second
    // step must not leave a half-done first one on the stack.
    const Result<MeshChange> subset = meshlane::createVersionSubset(m_mesh, hostFqdn, version);
    if (check(subset, tr("Cannot create subset %1: %2").arg(QString::fromStdString(version), QStringLiteral("%1")))
        == Outcome::Refused)
        return false;
    const VirtualService *vs = subset->mesh->findVirtualService(route.ns, route.name);
    const std::vector<RouteDestination> *routed = vs ? routeDestinations(*vs, route.section, route.index) : nullptr;
    Destination destination;
    if (routed) {
        for (const RouteDestination &existing : *routed) {
            if (existing.destination.fqdn == hostFqdn) {
                destination.host = existing.destination.host; // as the route writes it
                break;
            }
        }
    }
    if (destination.host.empty())
        destination.host = hostFqdn;
    destination.subset = version;
    const Result<MeshChange> added = meshlane::addDestination(subset->mesh, route, destination, weight);
    if (check(added, tr("Cannot add the destination: %1")) == Outcome::Refused)
        return false;
    m_undoStack->beginMacro(QString::fromStdString(added->description + " (new subset " + version + ')'));
    if (!subset->edits.empty())
        apply(m_mesh, subset, {});
    apply(subset->mesh, added, {});
    m_undoStack->endMacro();
    return true;
}

bool Document::removeDestination(const RouteRef &route, size_t index)
{
    const Result<MeshChange> result = meshlane::removeDestination(m_mesh, route, index);
    return apply(m_mesh, result, tr("Cannot remove the destination: %1"));
}

bool Document::createSubset(const std::string &hostFqdn, const std::string &subsetName, const Labels &labels)
{
    const Result<MeshChange> result = meshlane::createSubset(m_mesh, hostFqdn, subsetName, labels);
    return apply(m_mesh, result, tr("Cannot create the subset: %1"));
}

bool Document::setMirror(const RouteRef &route, const std::optional<Destination> &mirror,
                         std::optional<double> percentage, int dragId)
{
    const Result<MeshChange> result = meshlane::setMirror(m_mesh, route, mirror, percentage);
    return apply(m_mesh, result, tr("Cannot change the mirror: %1"), {MergeKey::Kind::Mirror, route, dragId, {}});
}

bool Document::addMatchRoute(const RouteRef &at, const MatchRule &rule)
{
    const Result<MeshChange> result = meshlane::addMatchRoute(m_mesh, at, rule);
    return apply(m_mesh, result, tr("Cannot add the route: %1"));
}

bool Document::removeRoute(const RouteRef &route)
{
    const Result<MeshChange> result = meshlane::removeRoute(m_mesh, route);
    return apply(m_mesh, result, tr("Cannot remove the route: %1"));
}

bool Document::moveRoute(const RouteRef &from, size_t to)
{
    const Result<MeshChange> result = meshlane::moveRoute(m_mesh, from, to);
    return apply(m_mesh, result, tr("Cannot move the route: %1"));
}

bool Document::addBackendRef(const GatewayRuleRef &rule, const std::string &service, int weight)
{
    const Result<MeshChange> result = meshlane::addBackendRef(m_mesh, rule, service, std::nullopt, weight);
    return apply(m_mesh, result, tr("Cannot add the backend: %1"));
}

bool Document::removeBackendRef(const GatewayRuleRef &rule, size_t index)
{
    const Result<MeshChange> result = meshlane::removeBackendRef(m_mesh, rule, index);
    return apply(m_mesh, result, tr("Cannot remove the backend: %1"));
}

bool Document::addRolloutStep(const RolloutPlanRef &plan, size_t at, const RolloutStep &step)
{
    return apply(m_mesh, meshlane::addRolloutStep(m_mesh, plan, at, step), tr("Cannot add the step: %1"));
}

bool Document::stageFiles(const Mesh &target, const QString &description)
{
    // Per file, the one span that differs: the bytes the step changed.
    std::vector<TextEdit> edits;
    for (const auto &file : target.files) {
        const SourceFile *current = m_mesh->findFile(file->path);
        if (const std::optional<TextEdit> edit =
                textEditBetween(file->path, current ? current->text : std::string(), file->text))
            edits.push_back(*edit);
    }
    return apply(m_mesh, applyEdits(m_mesh, std::move(edits), description.toStdString()),
                 tr("Cannot stage the step: %1"));
}

bool Document::removeRolloutStep(const RolloutPlanRef &plan, size_t index)
{
    return apply(m_mesh, meshlane::removeRolloutStep(m_mesh, plan, index), tr("Cannot remove the step: %1"));
}

bool Document::moveRolloutStep(const RolloutPlanRef &plan, size_t from, size_t to)
{
    return apply(m_mesh, meshlane::moveRolloutStep(m_mesh, plan, from, to), tr("Cannot move the step: %1"));
}

bool Document::setRolloutStep(const RolloutPlanRef &plan, size_t index, const RolloutStep &step)
{
    return apply(m_mesh, meshlane::setRolloutStep(m_mesh, plan, index, step), tr("Cannot change the step: %1"));
}

QString Document::exportDiff(const QString &outputDir) const
{
    ExportOptions options;
    options.loaded = m_diskMesh.get();
    return QString::fromStdString(Exporter(m_mesh, options).diff(outputDir.toStdString()));
}

Result<ExportSummary> Document::exportTo(const QString &outputDir)
{
    ExportOptions options;
    options.loaded = m_diskMesh.get();
    Result<ExportSummary> exported = Exporter(m_mesh, options).exportTo(outputDir.toStdString());
    const bool inPlace = outputDir.isEmpty()
        || QDir(outputDir).canonicalPath() == QDir(QString::fromStdString(m_mesh->rootPath)).canonicalPath();
    if (exported && inPlace) {
        m_diskMesh = m_mesh;
        m_undoStack->setClean();
        m_diskWatcher->watch(m_diskMesh);
        updateModified();
        Q_EMIT diskMeshChanged();
    }
    return exported;
}

} // namespace meshlane::ui
