// SPDX-License-Identifier: MIT
#include "edit/meshedit.h"

#include "base/relativepath.h"
#include "load/manifestloader.h"
#include "yaml/yamltext.h"

#include <algorithm>
#include <charconv>
#include <map>

namespace meshlane {

namespace {

// Loader findings per code: an edit must not add any. Codes, not messages,
// because messages name list positions that an inserted route shifts.
std::map<std::string, int> findingsByCode(const Diagnostics &diagnostics)
{
    std::map<std::string, int> counts;
    for (const Diagnostic &diagnostic : diagnostics) {
        if (diagnostic.severity != Severity::Info)
            ++counts[diagnostic.code];
    }
    return counts;
}

// A finding (warning or error) of `now` whose code appears more often than
// when the same documents are read as they were before; null when the change
// adds none. Usually there are no findings after, and nothing to compare.
const Diagnostic *addedFinding(const ManifestLoader &loader, const Mesh &mesh,
                               const std::map<std::string, FileReload> &before, const Diagnostics &now)
{
    const auto counts = findingsByCode(now);
    if (counts.empty())
        return nullptr;
    const auto was = findingsByCode(loader.reloadFiles(mesh, before).diagnostics);
    for (const auto &[code, count] : counts) {
        const auto old = was.find(code);
        if (old != was.end() && old->second >= count)
            continue;
        for (const Diagnostic &diagnostic : now) {
            if (diagnostic.code == code)
                return &diagnostic;
        }
    }
    return nullptr;
}

// The documents of `file` that `edits` change, when that is all they change:
// no line break added or removed, every edit inside one resource's document,
// no document marker touched. Then only those documents need reading again
// (everything else keeps its lines and columns). Empty: read the whole file.
std::vector<DocumentLines> touchedDocuments(const Mesh &mesh, const SourceFile &file,
                                            const std::vector<TextEdit> &edits)
{
    const YamlText text(file.text);
    std::vector<int> markers;
    for (int line = 0; line < text.lineCount(); ++line) {
        if (text.isDocumentMarker(line))
            markers.push_back(line);
    }
    // Each resource's document: from the marker before its first line to the next one.
    std::vector<DocumentLines> documents;
    const auto add = [&](const ResourceMeta &meta) {
        if (meta.location.file != file.path || meta.location.line <= 0)
            return;
        const int line = meta.location.line - 1; // the document's first key, as its tree's mark
        const auto next = std::upper_bound(markers.begin(), markers.end(), line);
        DocumentLines lines;
        lines.firstLine = next == markers.begin() ? 0 : *(next - 1);
        lines.endLine = next == markers.end() ? text.lineCount() : *next;
        lines.index = meta.documentIndex;
        documents.push_back(lines);
    };
    for (const Mesh::ResourcePlace &place : mesh.resourcesIn(file.path))
        add(mesh.metaAt(place));

    std::vector<DocumentLines> touched;
    for (const TextEdit &edit : edits) {
        if (edit.file != file.path)
            continue;
        const std::string old = file.text.substr(edit.offset, edit.length);
        if (std::count(old.begin(), old.end(), '\n') != std::count(edit.replacement.begin(), edit.replacement.end(), '\n'))
            return {};
        const int first = text.lineOf(edit.offset);
        const int last = text.lineOf(edit.offset + edit.length);
        const auto inside = std::find_if(documents.begin(), documents.end(), [&](const DocumentLines &lines) {
            return first >= lines.firstLine && last < lines.endLine;
        });
        if (inside == documents.end() || std::binary_search(markers.begin(), markers.end(), first)
            || std::binary_search(markers.begin(), markers.end(), last))
            return {};
        if (std::none_of(touched.begin(), touched.end(), [&](const DocumentLines &lines) { return lines.index == inside->index; }))
            touched.push_back(*inside);
    }
    return touched;
}

Result<MeshChange> failure(std::string message)
{
    return Result<MeshChange>::failure(std::move(message));
}

} // namespace

namespace {

enum class NewFindings { Refuse, Accept };

Result<MeshChange> applyTextChanges(const MeshPtr &mesh, std::vector<TextEdit> edits, std::string description,
                                    NewFindings newFindings)
{
    if (!mesh)
        return failure("no mesh to edit");
    if (edits.empty()) { // already as asked: the same snapshot, so undo has nothing to do
        MeshChange unchanged;
        unchanged.mesh = mesh;
        unchanged.description = std::move(description);
        return unchanged;
    }
    if (!sortTextEdits(edits))
        return failure("the changes overlap each other in the text");
    std::map<std::string, std::string> originals;
    for (const TextEdit &edit : edits) {
        if (originals.count(edit.file))
            continue;
        if (const Result<void> safe = checkSafeRelativePath(edit.file); !safe)
            return failure(safe.error());
        const SourceFile *file = mesh->findFile(edit.file);
        if (file && !file->parsed)
            return failure(edit.file + " could not be parsed when it was loaded; fix it by hand first");
        originals[edit.file] = file ? file->text : std::string();
    }
    std::map<std::string, FileReload> after;
    std::map<std::string, FileReload> previousTexts;
    for (const auto &[path, text] : originals) {
        for (const TextEdit &edit : edits) {
            if (edit.file == path && edit.offset + edit.length > text.size())
                return failure("an edit reaches past the end of " + path);
        }
        std::string changed = applyTextEdits(text, edits, path);
        FileReload &reload = after[path];
        reload.text = changed.empty() ? std::nullopt : std::optional<std::string>(std::move(changed));
        if (const SourceFile *file = mesh->findFile(path)) {
            reload.documents = touchedDocuments(*mesh, *file, edits);
            previousTexts[path] = FileReload{file->text, reload.documents};
        }
    }

    const ManifestLoader loader;
    LoadResult reloaded = loader.reloadFiles(*mesh, after);
    if (newFindings == NewFindings::Refuse) {
        if (const Diagnostic *added = addedFinding(loader, *mesh, previousTexts, reloaded.diagnostics))
            return failure("the change would make the file invalid (" + added->toString() + "); nothing was changed");
    }

    MeshChange result;
    result.inverse = invertTextEdits(edits, originals);
    result.edits = std::move(edits);
    result.mesh = std::move(reloaded.mesh);
    result.diagnostics = std::move(reloaded.diagnostics);
    result.description = std::move(description);
    return result;
}

} // namespace

Result<MeshChange> applyEdits(const MeshPtr &mesh, std::vector<TextEdit> edits, std::string description)
{
    return applyTextChanges(mesh, std::move(edits), std::move(description), NewFindings::Refuse);
}

Result<MeshChange> revertEdits(const MeshPtr &after, std::vector<TextEdit> inverse, std::string description)
{
    return applyTextChanges(after, std::move(inverse), std::move(description), NewFindings::Accept);
}

int findHttpRoute(const VirtualService &vs, const std::string &indexOrName)
{
    if (indexOrName.empty())
        return -1;
    size_t index = 0;
    const auto [end, error] = std::from_chars(indexOrName.data(), indexOrName.data() + indexOrName.size(), index);
    if (error == std::errc() && end == indexOrName.data() + indexOrName.size())
        return index < vs.http.size() ? int(index) : -1;
    for (size_t i = 0; i < vs.http.size(); ++i) {
        if (vs.http[i].name == indexOrName)
            return int(i);
    }
    return -1;
}

bool findRoute(const VirtualService &vs, const std::string &text, std::string *section, size_t *index)
{
    for (const char *list : {"http", "tcp", "tls"}) {
        const std::string prefix = std::string(list) + '[';
        if (text.rfind(prefix, 0) != 0 || text.size() < prefix.size() + 2 || text.back() != ']')
            continue;
        const char *first = text.data() + prefix.size();
        const char *last = text.data() + text.size() - 1;
        size_t number = 0;
        const auto [end, error] = std::from_chars(first, last, number);
        if (error != std::errc() || end != last || !routeDestinations(vs, list, number))
            return false;
        *section = list;
        *index = number;
        return true;
    }
    const int found = findHttpRoute(vs, text);
    if (found < 0)
        return false;
    *section = "http";
    *index = size_t(found);
    return true;
}

const std::vector<RouteDestination> *routeDestinations(const VirtualService &vs, const std::string &section,
                                                       size_t index)
{
    if (section == "http")
        return index < vs.http.size() ? &vs.http[index].route : nullptr;
    const std::vector<L4Route> *routes = section == "tcp" ? &vs.tcp : section == "tls" ? &vs.tls : nullptr;
    return routes && index < routes->size() ? &(*routes)[index].route : nullptr;
}

RouteRef defaultWeightedRouteRef(const VirtualService &vs)
{
    RouteRef ref{vs.meta.ns, vs.meta.name, 0};
    const auto several = [&](const char *section, size_t count) {
        for (size_t i = 0; i < count; ++i) {
            if (routeDestinations(vs, section, i)->size() > 1) {
                ref.section = section;
                ref.index = i;
                return true;
            }
        }
        return false;
    };
    if (several("http", vs.http.size()) || several("tcp", vs.tcp.size()) || several("tls", vs.tls.size()))
        return ref;
    ref.section = !vs.http.empty() || (vs.tcp.empty() && vs.tls.empty()) ? "http" : !vs.tcp.empty() ? "tcp" : "tls";
    return ref;
}

size_t defaultWeightedRoute(const VirtualService &vs)
{
    for (size_t i = 0; i < vs.http.size(); ++i) {
        if (vs.http[i].route.size() > 1)
            return i;
    }
    return 0;
}

size_t defaultMatchRoutePosition(const VirtualService &vs)
{
    for (size_t i = 0; i < vs.http.size(); ++i) {
        if (vs.http[i].matchesEverything())
            return i;
    }
    return vs.http.size();
}

} // namespace meshlane
