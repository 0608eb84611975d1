#include "meshedit.h"

#include "manifestloader.h"
#include "relativepath.h"

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

EditResult failure(std::string message)
{
    EditResult result;
    result.error = std::move(message);
    return result;
}

} // namespace

EditResult applyEdits(const MeshPtr &mesh, std::vector<TextEdit> edits, std::string description)
{
    if (!mesh)
        return failure("no mesh to edit");
    if (edits.empty()) { // already as asked: the same snapshot, so undo has nothing to do
        EditResult unchanged;
        unchanged.mesh = mesh;
        unchanged.description = std::move(description);
        return unchanged;
    }
    if (!sortTextEdits(edits))
        return failure("the changes overlap each other in the text");
    std::map<std::string, std::string> originals;
    std::map<std::string, std::optional<std::string>> before;
    for (const TextEdit &edit : edits) {
        if (originals.count(edit.file))
            continue;
        std::string why;
        if (!isSafeRelativePath(edit.file, &why))
            return failure(why);
        const SourceFile *file = mesh->findFile(edit.file);
        if (file && !file->parsed)
            return failure(edit.file + " could not be parsed when it was loaded; fix it by hand first");
        originals[edit.file] = file ? file->text : std::string();
        if (file)
            before[edit.file] = file->text;
    }
    std::map<std::string, std::optional<std::string>> after;
    for (const auto &[path, text] : originals) {
        for (const TextEdit &edit : edits) {
            if (edit.file == path && edit.offset + edit.length > text.size())
                return failure("an edit reaches past the end of " + path);
        }
        std::string changed = applyTextEdits(text, edits, path);
        after[path] = changed.empty() ? std::nullopt : std::optional<std::string>(std::move(changed));
    }

    const ManifestLoader loader;
    LoadResult reloaded = loader.reloadFiles(*mesh, after);
    const LoadResult previous = loader.reloadFiles(*mesh, before);
    const auto was = findingsByCode(previous.diagnostics);
    for (const auto &[code, count] : findingsByCode(reloaded.diagnostics)) {
        const auto old = was.find(code);
        if (old == was.end() || old->second < count) {
            for (const Diagnostic &diagnostic : reloaded.diagnostics) {
                if (diagnostic.code == code)
                    return failure("the change would make the file invalid (" + diagnostic.toString()
                                   + "); nothing was changed");
            }
        }
    }

    EditResult result;
    result.inverse = invertTextEdits(edits, originals);
    result.edits = std::move(edits);
    result.mesh = std::move(reloaded.mesh);
    result.diagnostics = std::move(reloaded.diagnostics);
    result.description = std::move(description);
    return result;
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
