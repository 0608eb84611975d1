// SPDX-License-Identifier: MIT
#include "load/manifestloader.h"

#include "load/allocationbudget.h"
#include "load/compactyaml.h"
#include "load/documenttree.h"
#include "load/inplacereload.h"
#include "load/resourceparsers.h"
#include "load/resultmerger.h"
#include "load/textchecks.h"

#include <QSemaphore>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>
#include <optional>
#include <string_view>
#include <unordered_map>

namespace fs = std::filesystem;

namespace meshlane {

namespace {

bool isManifestName(const fs::path &path)
{
    const std::string extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

Diagnostic fileDiagnostic(const char *code, Severity severity, const std::string &file, int line,
                          std::string message, int column = 0)
{
    Diagnostic diagnostic;
    diagnostic.code = code;
    diagnostic.severity = severity;
    diagnostic.location = {file, line, column};
    diagnostic.message = std::move(message);
    return diagnostic;
}

// A manifest found in the folder, and its name relative to the folder.
struct CollectedFile
{
    fs::path path;
    std::string relative;
};

} // namespace

// One load: collects files, parses documents, assembles the mesh.
class ManifestLoader::Run
{
public:
    Run(const LoadOptions &options, LoadResult &result)
        : m_options(options)
        , m_result(result)
        , m_mesh(std::make_shared<Mesh>())
    {
        m_result.mesh = m_mesh;
        m_mesh->defaultNamespace = m_options.defaultNamespace;
    }

    void collect(const fs::path &root)
    {
        std::error_code error;
        const fs::path canonicalRoot = fs::canonical(root, error);
        if (error) {
            m_result.diagnostics.push_back(fileDiagnostic(codes::UnreadablePath, Severity::Error, root.string(), 0,
                                                          "cannot open folder: " + error.message()));
            ++m_result.unparseableFiles;
            return;
        }
        m_root = canonicalRoot;
        m_mesh->rootPath = canonicalRoot.string();
        if (fs::is_regular_file(canonicalRoot)) {
            m_root = canonicalRoot.parent_path();
            m_mesh->rootPath = m_root.string();
            m_files.push_back({canonicalRoot, canonicalRoot.filename().generic_string()});
        } else {
            walk(canonicalRoot, 0);
        }
        std::sort(m_files.begin(), m_files.end(),
                  [](const CollectedFile &a, const CollectedFile &b) { return a.path < b.path; });
    }

    bool cancelled() const { return m_options.control && m_options.control->isCancelled(); }
    const std::vector<CollectedFile> &collectedFiles() const { return m_files; }
    const fs::path &root() const { return m_root; }

    void loadFile(const fs::path &root, const CollectedFile &collected)
    {
        m_root = root;
        m_mesh->rootPath = root.string();
        std::string text;
        if (readFile(collected.path, collected.relative, &text))
            loadText(collected.relative, collected.path.string(), text);
    }

    void loadText(const std::string &relative, const std::string &absolute, const std::string &text)
    {
        ++m_result.filesRead;
        auto file = std::make_shared<SourceFile>();
        file->path = relative;
        file->absolutePath = absolute;
        file->text = text;
        parseFile(*file);
        m_mesh->files.push_back(std::move(file));
    }

    void finish() { m_mesh->buildIndex(); }

    // Parses lines [firstLine, endLine) of `file` as its document `lines.index`.
    // Line breaks stand in for the lines before, so every position read is the
    // position in the whole file. False when the lines are not exactly one
    // document that parses: the caller then reads the whole file.
    bool loadDocumentLines(const SourceFile &file, const DocumentLines &lines)
    {
        const std::string padded = DocumentTree::linesInPlace(file.text, lines);
        if (padded.empty())
            return false;
        int deepestLine = 0;
        if (textchecks::nestingDepth(padded, &deepestLine) > m_options.maxNestingDepth)
            return false;
        if (const textchecks::SyntaxTraps traps = textchecks::findSyntaxTraps(padded);
            traps.strayCommaLine || traps.unterminatedQuoteLine)
            return false;
        std::unique_ptr<const CompactYaml::Documents> parsed;
        try {
            const AllocationBudget guard(AllocationBudget::forYamlParse(padded.size()));
            parsed = CompactYaml::loadAll(padded);
        } catch (const std::exception &) { // bad_alloc included: the whole-file read will report it
            return false;
        }
        std::optional<size_t> document;
        for (size_t i = 0; i < parsed->roots.size(); ++i) {
            if (parsed->roots[i].IsDefined() && !parsed->roots[i].IsNull()) {
                if (document)
                    return false;
                document = i;
            }
        }
        if (!document)
            return false;
        try {
            loadDocument(file, parsed->roots[*document], parsed->duplicates[*document], lines.index);
        } catch (const std::exception &) {
            return false;
        }
        return true;
    }

private:
    void walk(const fs::path &directory, int depth)
    {
        if (cancelled())
            return;
        std::error_code error;
        const fs::path canonical = fs::canonical(directory, error);
        if (error || !m_visitedDirectories.insert(canonical.string()).second) {
            m_result.diagnostics.push_back(fileDiagnostic(
                codes::UnreadablePath, Severity::Warning, relativeName(directory), 0,
                error ? "cannot open folder: " + error.message()
                      : std::string("symbolic link loop: this folder was already read, skipped")));
            return;
        }
        if (depth > 64)
            return;
        std::vector<fs::directory_entry> entries;
        for (fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, error), end;
             !error && it != end; it.increment(error))
            entries.push_back(*it);
        if (error) {
            m_result.diagnostics.push_back(fileDiagnostic(codes::UnreadablePath, Severity::Error,
                                                          relativeName(directory), 0,
                                                          "cannot list folder: " + error.message()));
            ++m_result.unparseableFiles;
            return;
        }
        for (const fs::directory_entry &entry : entries) {
            const std::string name = entry.path().filename().string();
            if (!name.empty() && name[0] == '.')
                continue; // .git, editor swap files, ...
            std::error_code statError;
            const fs::file_status status = entry.status(statError);
            if (statError) {
                if (isManifestName(entry.path()))
                    m_result.diagnostics.push_back(fileDiagnostic(
                        codes::UnreadablePath, Severity::Error, relativeName(entry.path()), 0,
                        "cannot read: " + statError.message()));
                continue;
            }
            if (fs::is_directory(status))
                walk(entry.path(), depth + 1);
            else if (fs::is_regular_file(status) && isManifestName(entry.path()))
                m_files.push_back({entry.path(), relativeFileName(entry, canonical)});
        }
    }

    // relativeName() of a file in `directory` (whose canonical path is
    // `canonicalDirectory`) without resolving its path again: a file that is
    // no symbolic link resolves to the canonical folder plus its name.
    std::string relativeFileName(const fs::directory_entry &entry, const fs::path &canonicalDirectory) const
    {
        std::error_code error;
        if (entry.is_symlink(error) || error)
            return relativeName(entry.path());
        return (canonicalDirectory / entry.path().filename()).lexically_relative(m_root).generic_string();
    }

    std::string relativeName(const fs::path &path) const
    {
        std::error_code error;
        const fs::path relative = fs::relative(path, m_root, error);
        return error || relative.empty() ? path.string() : relative.generic_string();
    }

    bool readFile(const fs::path &path, const std::string &relative, std::string *text)
    {
        std::error_code error;
        const auto size = fs::file_size(path, error);
        if (!error && size > m_options.maxFileBytes) {
            refuse(relative, 0, codes::UnreadablePath,
                   "file is too large (" + std::to_string(size >> 20) + " MiB); the limit is "
                       + std::to_string(m_options.maxFileBytes >> 20) + " MiB");
            return false;
        }
        std::ifstream stream(path, std::ios::binary);
        if (!stream) {
            refuse(relative, 0, codes::UnreadablePath, "cannot read file (permission denied or removed)");
            return false;
        }
        std::ostringstream buffer;
        buffer << stream.rdbuf();
        if (stream.bad()) {
            refuse(relative, 0, codes::UnreadablePath, "read error");
            return false;
        }
        *text = std::move(buffer).str();
        return true;
    }

    void refuse(const std::string &file, int line, const char *code, std::string message, int column = 0)
    {
        m_result.diagnostics.push_back(fileDiagnostic(code, Severity::Error, file, line, std::move(message), column));
        ++m_result.unparseableFiles;
    }

    void parseFile(SourceFile &file)
    {
        int line = 0;
        const std::string reason = textchecks::nonTextReason(file.text, &line);
        if (!reason.empty()) {
            refuse(file.path, line, codes::NotText, reason + "; not loaded");
            return;
        }
        if (textchecks::isBlankOrComments(file.text)) {
            m_result.diagnostics.push_back(fileDiagnostic(codes::EmptyFile, Severity::Info, file.path, 1,
                                                          "file has no documents"));
            file.parsed = true;
            return;
        }
        int deepestLine = 0;
        if (textchecks::nestingDepth(file.text, &deepestLine) > m_options.maxNestingDepth) {
            refuse(file.path, deepestLine, codes::NestingTooDeep,
                   "nesting too deep (more than " + std::to_string(m_options.maxNestingDepth)
                       + " levels); not loaded");
            return;
        }
        const textchecks::SyntaxTraps traps = textchecks::findSyntaxTraps(file.text);
        if (const int commaLine = traps.strayCommaLine) {
            refuse(file.path, commaLine, codes::YamlSyntax,
                   "YAML syntax error at " + file.path + ':' + std::to_string(commaLine)
                       + ": a ',' outside a flow collection or a plain scalar; file not loaded");
            return;
        }
        if (const int quoteLine = traps.unterminatedQuoteLine) {
            refuse(file.path, quoteLine, codes::YamlSyntax,
                   "YAML syntax error at " + file.path + ':' + std::to_string(quoteLine)
                       + ": the quoted scalar that opens here is never closed; file not loaded");
            return;
        }
        std::unique_ptr<const CompactYaml::Documents> parsed;
        try {
            const AllocationBudget guard(AllocationBudget::forYamlParse(file.text.size()));
            parsed = CompactYaml::loadAll(file.text);
        } catch (const YAML::Exception &exception) {
            const int errorLine = exception.mark.is_null() ? 0 : exception.mark.line + 1;
            const int errorColumn = exception.mark.is_null() ? 0 : exception.mark.column + 1;
            refuse(file.path, errorLine, codes::YamlSyntax,
                   "YAML syntax error at " + file.path + ':' + std::to_string(errorLine) + ':'
                       + std::to_string(errorColumn) + ": " + exception.msg + "; file not loaded",
                   errorColumn);
            return;
        } catch (const std::bad_alloc &) {
            refuse(file.path, 0, codes::YamlSyntax,
                   "the YAML parser ran out of its memory budget on this file (a malformed document can make "
                   "it loop); file not loaded");
            return;
        } catch (const std::exception &exception) {
            refuse(file.path, 0, codes::YamlSyntax, std::string("cannot parse: ") + exception.what());
            return;
        }
        const std::vector<CompactNode> &documents = parsed->roots;
        file.parsed = true;
        file.documentCount = int(documents.size());
        for (size_t index = 0; index < documents.size(); ++index) {
            // Belt and braces: no input may crash the load. yaml-cpp reports
            // misuse by exceptions; one bad document must not cost the others.
            try {
                loadDocument(file, documents[index], parsed->duplicates[index], int(index));
            } catch (const std::exception &exception) {
                refuse(file.path, ParseContext{file.path, {}, nullptr}.locationOf(documents[index]).line,
                       codes::YamlSyntax,
                       "document " + std::to_string(index + 1) + " could not be read: " + exception.what());
            }
        }
    }

    void loadDocument(const SourceFile &file, const CompactNode &document,
                      const std::optional<CompactYaml::DuplicateKey> &duplicate, int index)
    {
        if (!document.IsDefined() || document.IsNull())
            return;
        ParseContext context{file.path, {}, &m_result.diagnostics};
        if (document.expandedSize() > m_options.maxNodeVisits) {
            const SourceLocation at = context.locationOf(document);
            refuse(file.path, at.line, codes::AliasExpansion,
                   "document " + std::to_string(index + 1)
                       + " expands to too many nodes (an alias bomb?); not loaded");
            return;
        }
        if (duplicate) {
            refuse(file.path, duplicate->secondLine, codes::YamlSyntax,
                   "key \"" + duplicate->key + "\" is written twice in one mapping (lines "
                       + std::to_string(duplicate->firstLine) + " and " + std::to_string(duplicate->secondLine)
                       + "); Kubernetes refuses the document, so it is not loaded");
            return;
        }
        if (!document.IsMap()) {
            context.report(Severity::Info, codes::NotKubernetes, document,
                           "document " + std::to_string(index + 1) + " is not a Kubernetes object; ignored");
            return;
        }
        const CompactNode kind = childOf(document, "kind");
        const CompactNode items = childOf(document, "items");
        if (kind.IsScalar() && kind.Scalar() == "List" && items.IsSequence()) {
            for (size_t i = 0; i < items.size(); ++i)
                loadObject(file, items[i], index, int(i));
            return;
        }
        loadObject(file, document, index, -1);
    }

    void loadObject(const SourceFile &file, const CompactNode &object, int documentIndex, int listIndex)
    {
        ParseContext context{file.path, {}, &m_result.diagnostics, &file.text};
        const CompactNode apiVersion = childOf(object, "apiVersion");
        const CompactNode kind = childOf(object, "kind");
        if (!object.IsMap() || !apiVersion.IsScalar() || !kind.IsScalar()) {
            context.report(Severity::Info, codes::NotKubernetes, object,
                           "not a Kubernetes object (no apiVersion and kind); ignored");
            return;
        }
        ResourceMeta meta;
        meta.apiVersion = apiVersion.Scalar();
        meta.kind = kind.Scalar();
        meta.documentIndex = documentIndex;
        meta.listIndex = listIndex;
        meta.location = context.locationOf(object);

        FieldReader document(context, object, {});
        document.ignore("apiVersion");
        document.ignore("kind");
        std::optional<FieldReader> metadata = document.map("metadata");
        if (metadata) {
            meta.name = metadata->string("name").value_or("");
            if (auto ns = metadata->string("namespace")) {
                meta.ns = *ns;
                meta.namespaceWritten = true;
            }
            meta.labels = metadata->stringMap("labels");
            meta.annotations = scalarAnnotations(childOf(childOf(object, "metadata"), "annotations"));
            const CompactNode created = childOf(childOf(object, "metadata"), "creationTimestamp");
            if (created.IsScalar())
                meta.creationTimestamp = created.Scalar();
        }
        if (meta.ns.empty())
            meta.ns = m_options.defaultNamespace;
        context.resource = meta.id();
        if (meta.name.empty()) {
            context.report(Severity::Error, codes::SchemaError, object,
                           meta.kind + " has no metadata.name; ignored");
            return;
        }
        // Recreate the reader with the resource named, so findings say which one.
        FieldReader named(context, object, {});
        dispatch(named, std::move(meta), context);
    }

    void dispatch(FieldReader &document, ResourceMeta meta, const ParseContext &context)
    {
        const std::string &kind = meta.kind;
        const bool istio = meta.apiVersion.rfind("networking.istio.io/", 0) == 0;
        if (istio && !isIstioNetworkingApi(meta.apiVersion))
            context.report(Severity::Warning, codes::SchemaError, document.node(),
                           "unknown apiVersion " + meta.apiVersion + "; read as networking.istio.io/v1");
        if (istio && kind == "VirtualService")
            m_mesh->virtualServices.push_back(parseVirtualService(document, std::move(meta)));
        else if (istio && kind == "DestinationRule")
            m_mesh->destinationRules.push_back(parseDestinationRule(document, std::move(meta)));
        else if (istio && kind == "Gateway")
            m_mesh->gateways.push_back(parseGateway(document, std::move(meta)));
        else if (istio && kind == "ServiceEntry")
            m_mesh->serviceEntries.push_back(parseServiceEntry(document, std::move(meta)));
        else if (isGatewayApi(meta.apiVersion) && isGatewayApiKind(kind))
            dispatchGatewayApi(document, std::move(meta));
        else if (kind == "Service" && meta.apiVersion == "v1")
            m_mesh->services.push_back(parseService(document, std::move(meta)));
        else if (isWorkloadKind(kind))
            m_mesh->workloads.push_back(parseWorkload(document, std::move(meta)));
        else if (isMeshlaneApi(meta.apiVersion) && kind == "RolloutPlan")
            m_mesh->rolloutPlans.push_back(parseRolloutPlan(document, std::move(meta)));
        else if (!dispatchAnalyzerInput(document, meta))
            m_mesh->otherResources.push_back(std::move(meta)); // kept, listed, not modelled
    }

    // Annotations as the analyzer has always read them: scalar values, no
    // findings of their own.
    static Labels scalarAnnotations(const CompactNode &annotations)
    {
        Labels result;
        if (annotations.IsMap()) {
            for (const auto &entry : annotations) {
                if (entry.first.IsScalar() && entry.second.IsScalar())
                    result.emplace(entry.first.Scalar(), entry.second.Scalar());
            }
        }
        return result;
    }

    // Kinds only the analyzer reads (istioctl's inputs); false for any other kind.
    bool dispatchAnalyzerInput(FieldReader &document, ResourceMeta &meta)
    {
        const std::string &kind = meta.kind;
        const std::string group = meta.apiVersion.substr(0, meta.apiVersion.find('/'));
        if (group == "networking.istio.io" && kind == "Sidecar")
            m_mesh->sidecars.push_back(parseSidecar(document, std::move(meta)));
        else if (group == "security.istio.io" && kind == "RequestAuthentication")
            m_mesh->requestAuthentications.push_back(parseRequestAuthentication(document, std::move(meta)));
        else if (group == "security.istio.io" && kind == "PeerAuthentication")
            m_mesh->peerAuthentications.push_back(parsePeerAuthentication(document, std::move(meta)));
        else if (meta.apiVersion == "v1" && kind == "Secret")
            m_mesh->secrets.push_back(parseSecret(document, std::move(meta)));
        else if (meta.apiVersion == "v1" && kind == "Node")
            m_mesh->nodes.push_back(std::make_shared<Node>(Node{std::move(meta)}));
        else if (meta.apiVersion == "v1" && kind == "Namespace")
            m_mesh->namespaces.push_back(std::make_shared<KubeNamespace>(KubeNamespace{std::move(meta)}));
        else
            return false;
        return true;
    }

    void dispatchGatewayApi(FieldReader &document, ResourceMeta meta)
    {
        const std::string kind = meta.kind;
        if (kind == "GatewayClass")
            m_mesh->gatewayClasses.push_back(parseGatewayClass(document, std::move(meta)));
        else if (kind == "Gateway")
            m_mesh->k8sGateways.push_back(parseK8sGateway(document, std::move(meta)));
        else if (kind == "ReferenceGrant")
            m_mesh->referenceGrants.push_back(parseReferenceGrant(document, std::move(meta)));
        else
            m_mesh->gatewayApiRoutes.push_back(parseGatewayApiRoute(document, std::move(meta)));
    }

    const LoadOptions &m_options;
    LoadResult &m_result;
    std::shared_ptr<Mesh> m_mesh;
    fs::path m_root;
    std::vector<CollectedFile> m_files;
    std::set<std::string> m_visitedDirectories;
};

ManifestLoader::ManifestLoader(LoadOptions options)
    : m_options(std::move(options))
{
}

LoadResult ManifestLoader::loadFolder(const std::string &folder) const
{
    LoadResult result;
    Run collector(m_options, result);
    collector.collect(folder);
    const std::vector<CollectedFile> &files = collector.collectedFiles();
    LoadControl *control = m_options.control.get();
    if (control)
        control->setFilesFound(files.size());

    // yaml-cpp parsing dominates the load and documents are independent, so
    // files are parsed on all cores; each file gets its own partial result.
    std::vector<LoadResult> parts(files.size());
    std::atomic<size_t> next{0};
    const auto work = [&]() {
        for (size_t i = next++; i < files.size() && !collector.cancelled(); i = next++) {
            try {
                Run run(m_options, parts[i]);
                run.loadFile(collector.root(), files[i]);
            } catch (const std::exception &exception) { // e.g. bad_alloc: lose the file, not the load
                parts[i] = LoadResult{};
                parts[i].mesh = std::make_shared<Mesh>();
                parts[i].unparseableFiles = 1;
                parts[i].diagnostics.push_back(fileDiagnostic(codes::UnreadablePath, Severity::Error, files[i].relative,
                                                              0, std::string("cannot load: ") + exception.what()));
            }
            if (control)
                control->fileRead();
        }
    };
    const unsigned cores = m_options.threads ? m_options.threads : std::max(1u, std::thread::hardware_concurrency());
    const size_t threadCount = std::min<size_t>(cores, files.size() / 8 + 1);
    // Helpers come from Qt's process-wide pool (the workbench runs its jobs,
    // this load among them, on a pool of its own), and only when a thread is
    // free now: a load must never wait for a helper that cannot start.
    QThreadPool *pool = QThreadPool::globalInstance();
    QSemaphore helpersDone;
    int helpers = 0;
    for (size_t t = 1; t < threadCount; ++t) {
        if (!pool->tryStart([&] {
                work();
                helpersDone.release();
            }))
            break;
        ++helpers;
    }
    work();
    helpersDone.acquire(helpers);
    if (collector.cancelled()) {
        result = LoadResult{}; // what was read is partial: nothing of it may pass for the folder
        result.mesh = std::make_shared<Mesh>();
        result.cancelled = true;
        return result;
    }

    ResultMerger merger(result);
    for (LoadResult &part : parts)
        merger.merge(std::move(part));
    collector.finish();
    sortDiagnostics(result.diagnostics);
    return result;
}

LoadResult ManifestLoader::reloadFiles(const Mesh &base,
                                       const std::map<std::string, std::optional<std::string>> &texts) const
{
    std::map<std::string, FileReload> changes;
    for (const auto &[path, text] : texts)
        changes[path].text = text;
    return reloadFiles(base, changes);
}

namespace {

// The resources of one file of `base`, as a partial load result; with
// `skipDocuments`, those of the listed documents are left out.
LoadResult resourcesOf(const Mesh &base, const std::string &file, const std::set<int> &skipDocuments = {})
{
    LoadResult part;
    part.mesh = std::make_shared<Mesh>();
    Mesh &mesh = *part.mesh;
    const auto wanted = [&](const ResourceMeta &meta) {
        return meta.location.file == file && !skipDocuments.count(meta.documentIndex);
    };
    const auto keep = [&](const auto &resources, auto &to) {
        for (const auto &resource : resources) {
            if (wanted(resource->meta))
                to.push_back(resource);
        }
    };
    MeshResources::forEachKind([&](auto list) { keep(base.*list, mesh.*list); });
    for (const ResourceMeta &meta : base.otherResources) {
        if (wanted(meta))
            mesh.otherResources.push_back(meta);
    }
    return part;
}

// resourcesOf() for every file at once, in one pass: with a thousand files,
// asking each file for its resources in turn costs files x resources.
std::unordered_map<std::string, ResultMerger::Kept> resourcesByFile(const Mesh &base)
{
    std::unordered_map<std::string, ResultMerger::Kept> kept;
    kept.reserve(base.files.size());
    MeshResources::forEachKind([&](auto list) {
        for (const auto &resource : base.*list)
            (kept[resource->meta.location.file].*list).push_back(resource);
    });
    for (const ResourceMeta &meta : base.otherResources)
        kept[meta.location.file].otherResources.push_back(&meta);
    return kept;
}

// Puts kept and re-read resources of one file back in document order.
void sortByDocument(Mesh &mesh)
{
    const auto order = [](const ResourceMeta &a, const ResourceMeta &b) {
        return std::tie(a.documentIndex, a.listIndex) < std::tie(b.documentIndex, b.listIndex);
    };
    const auto sortList = [](auto &list, const auto &before) {
        auto sorted = list.toVector();
        std::stable_sort(sorted.begin(), sorted.end(), before);
        list = std::decay_t<decltype(list)>(std::move(sorted));
    };
    MeshResources::forEachKind([&](auto list) {
        sortList(mesh.*list, [&order](const auto &a, const auto &b) { return order(a->meta, b->meta); });
    });
    sortList(mesh.otherResources, order);
}

// reloadFiles() when every changed file had only some documents re-read and
// they hold the same resources as before: std::nullopt otherwise.
template<typename Rereads>
std::optional<LoadResult> replaceInPlace(const Mesh &base, Rereads &rereads)
{
    LoadResult result;
    InPlaceReload reload(base);
    for (auto &[path, reread] : rereads) {
        // A re-read of a good document has no findings; with some, let the
        // merge treat them exactly as a whole-file read does.
        if (!reread.part.diagnostics.empty() || reread.part.unparseableFiles > 0)
            return std::nullopt;
        if (!reload.replace(reread.file, reread.documents, *reread.part.mesh))
            return std::nullopt;
    }
    result.mesh = reload.finish();
    return result;
}

} // namespace

LoadResult ManifestLoader::reloadFiles(const Mesh &base, const std::map<std::string, FileReload> &changes) const
{
    LoadOptions options = m_options;
    options.defaultNamespace = base.defaultNamespace;

    // Documents re-read on their own, per file; a file missing here is read whole.
    struct Reread
    {
        std::shared_ptr<SourceFile> file;
        std::set<int> documents;
        LoadResult part;
    };
    std::map<std::string, Reread> rereads;
    for (const auto &[path, change] : changes) {
        const SourceFile *original = base.findFile(path);
        if (change.documents.empty() || !change.text || !original || !original->parsed)
            continue;
        Reread reread;
        reread.file = std::make_shared<SourceFile>(*original);
        reread.file->text = *change.text;
        Run run(options, reread.part);
        bool parsed = true;
        for (const DocumentLines &lines : change.documents) {
            reread.documents.insert(lines.index);
            parsed = parsed && run.loadDocumentLines(*reread.file, lines);
        }
        if (parsed)
            rereads.emplace(path, std::move(reread));
    }
    if (rereads.size() == changes.size()) {
        if (std::optional<LoadResult> quick = replaceInPlace(base, rereads))
            return std::move(*quick);
    }

    std::map<std::string, std::shared_ptr<const SourceFile>> baseFiles;
    for (const auto &file : base.files)
        baseFiles.emplace(file->path, file);
    LoadResult result;
    result.mesh = std::make_shared<Mesh>();
    result.mesh->rootPath = base.rootPath;
    result.mesh->defaultNamespace = base.defaultNamespace;

    // The first load merged files in path order; keep that order, new files
    // included. Each name is kept as given: a path's generic form collapses
    // "a//b" to "a/b", which names no file of `base` nor any change.
    std::vector<std::pair<fs::path, std::string>> order;
    for (const auto &file : base.files) {
        if (!changes.count(file->path))
            order.emplace_back(file->path, file->path);
    }
    for (const auto &[path, change] : changes) {
        if (change.text)
            order.emplace_back(path, path);
    }
    std::stable_sort(order.begin(), order.end(), [](const auto &a, const auto &b) { return a.first < b.first; });

    // Each file becomes a partial result, merged in order exactly like a load:
    // unchanged files hold what they held (the same objects).
    ResultMerger merger(result);
    std::unordered_map<std::string, ResultMerger::Kept> unchanged = resourcesByFile(base);
    for (const auto &[path, relative] : order) {
        const auto change = changes.find(relative);
        const auto original = baseFiles.find(relative);
        if (change == changes.end()) {
            merger.merge(std::move(unchanged[relative]), original->second);
            continue;
        }
        if (const auto reread = rereads.find(relative); reread != rereads.end()) {
            LoadResult part = std::move(reread->second.part);
            LoadResult kept = resourcesOf(base, relative, reread->second.documents);
            ResultMerger(part).merge(std::move(kept));
            sortByDocument(*part.mesh);
            part.mesh->files.push_back(std::move(reread->second.file));
            merger.merge(std::move(part));
            continue;
        }
        const std::string absolute = original != baseFiles.end() ? original->second->absolutePath
                                                                 : (fs::path(base.rootPath) / path).string();
        LoadResult part;
        Run run(options, part);
        run.loadText(relative, absolute, *change->second.text);
        merger.merge(std::move(part));
    }
    result.mesh->buildIndex();
    sortDiagnostics(result.diagnostics);
    return result;
}

LoadResult ManifestLoader::loadText(const std::string &path, const std::string &text) const
{
    LoadResult part;
    Run run(m_options, part);
    run.loadText(path, path, text);
    LoadResult result;
    result.mesh = std::make_shared<Mesh>();
    result.mesh->defaultNamespace = m_options.defaultNamespace;
    ResultMerger(result).merge(std::move(part));
    result.mesh->buildIndex();
    sortDiagnostics(result.diagnostics);
    return result;
}

} // namespace meshlane
