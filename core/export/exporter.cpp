// SPDX-License-Identifier: MIT
#include "export/exporter.h"

#include "base/relativepath.h"
#include "export/unifieddiff.h"

#include <QByteArray>
#include <QFile>
#include <QTemporaryFile>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

#include <unistd.h>

namespace fs = std::filesystem;

namespace meshlane {

struct Exporter::Item
{
    std::string relative;
    std::string contents;
    fs::path target;
    bool exists = false;
    std::string current;
    std::optional<fs::perms> permissions;

    bool changes() const { return !exists || current != contents; }
};

namespace {

bool readAll(const fs::path &path, std::string *text)
{
    std::ifstream stream(path, std::ios::binary);
    if (!stream)
        return false;
    std::ostringstream buffer;
    buffer << stream.rdbuf();
    if (stream.bad())
        return false;
    *text = std::move(buffer).str();
    return true;
}

bool isInside(const fs::path &path, const fs::path &root)
{
    std::error_code error;
    const fs::path resolved = fs::weakly_canonical(path, error);
    if (error)
        return false;
    const auto [rootEnd, pathIt] = std::mismatch(root.begin(), root.end(), resolved.begin(), resolved.end());
    return rootEnd == root.end();
}

QString qtPath(const fs::path &path)
{
    return QFile::decodeName(QByteArray::fromStdString(path.string()));
}

// Writes `contents` to a new hidden file next to `target` and returns its
// path. The caller renames it over the target.
Result<fs::path> writeTemporary(const fs::path &target, const std::string &contents,
                                std::optional<fs::perms> permissions)
{
    QTemporaryFile file(qtPath(target.parent_path() / ('.' + target.filename().string() + ".meshlane-XXXXXX")));
    file.setAutoRemove(false);
    if (!file.open())
        return Result<fs::path>::failure("cannot create a file in " + target.parent_path().string() + ": "
                                         + file.errorString().toStdString());
    const fs::path temporary = QFile::encodeName(file.fileName()).toStdString();
    const bool written = file.write(contents.data(), qint64(contents.size())) == qint64(contents.size())
        && file.flush() && ::fsync(file.handle()) == 0;
    if (!written) {
        const std::string why = "cannot write " + temporary.string() + ": " + file.errorString().toStdString();
        file.close();
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Result<fs::path>::failure(why);
    }
    file.close();
    std::error_code permissionError;
    fs::permissions(temporary, permissions.value_or(fs::perms::owner_read | fs::perms::owner_write
                                                    | fs::perms::group_read | fs::perms::others_read),
                    permissionError);
    if (permissionError) {
        std::error_code ignored;
        fs::remove(temporary, ignored);
        return Result<fs::path>::failure("cannot set permissions of " + temporary.string() + ": "
                                         + permissionError.message());
    }
    return temporary;
}

// Every "path: why" the checks found, one per line.
Result<ExportSummary> failure(const std::vector<std::string> &errors)
{
    std::string lines;
    for (const std::string &error : errors)
        lines += (lines.empty() ? "" : "\n") + error;
    return Result<ExportSummary>::failure(lines);
}

} // namespace

Exporter::Exporter(MeshPtr mesh, ExportOptions options)
    : m_mesh(std::move(mesh))
    , m_options(options)
{
}

std::vector<Exporter::Item> Exporter::plan(const std::string &outputDir, std::vector<std::string> *errors) const
{
    std::vector<Item> items;
    std::error_code error;
    const fs::path root = fs::weakly_canonical(outputDir, error);
    if (error) {
        errors->push_back(outputDir + ": " + error.message());
        return items;
    }
    const fs::path source = m_mesh->rootPath.empty() ? fs::path() : fs::weakly_canonical(m_mesh->rootPath, error);
    const bool inPlace = !source.empty() && source == root;

    std::set<std::string> known;
    for (const auto &file : m_mesh->files) {
        known.insert(file->path);
        items.push_back({file->path, file->text, {}, false, {}, {}});
    }
    if (m_options.copyOtherFiles && !inPlace && !source.empty() && fs::is_directory(source, error)) {
        // The rest of the tree, walked like the loader walks it (hidden entries
        // skipped); an output folder inside the source is not copied into itself.
        const bool outputInsideSource = isInside(root, source);
        fs::recursive_directory_iterator it(source, fs::directory_options::skip_permission_denied, error);
        for (const fs::recursive_directory_iterator end; !error && it != end; it.increment(error)) {
            const fs::path &path = it->path();
            if (path.filename().string().front() == '.' || (outputInsideSource && isInside(path, root))) {
                if (it->is_directory(error))
                    it.disable_recursion_pending();
                continue;
            }
            if (!it->is_regular_file(error))
                continue;
            const std::string relative = fs::relative(path, source, error).generic_string();
            if (error || known.count(relative))
                continue;
            Item item{relative, {}, {}, false, {}, {}};
            if (!readAll(path, &item.contents))
                errors->push_back(relative + ": cannot read it to copy it");
            items.push_back(std::move(item));
        }
        if (error)
            errors->push_back(source.string() + ": " + error.message());
    }

    for (Item &item : items) {
        if (const Result<void> safe = checkSafeRelativePath(item.relative); !safe) {
            errors->push_back(safe.error());
            continue;
        }
        item.target = root / item.relative;
        if (fs::is_symlink(item.target, error)) {
            const fs::path resolved = fs::canonical(item.target, error);
            if (error || !isInside(resolved, root)) {
                errors->push_back(item.relative + ": a symbolic link to outside " + root.string() + "; not written");
                continue;
            }
            item.target = resolved; // write the file the link names, keep the link
        }
        if (!isInside(item.target.parent_path(), root)) {
            errors->push_back(item.relative + ": resolves outside " + root.string() + "; not written");
            continue;
        }
        item.exists = fs::exists(item.target, error);
        if (item.exists && !fs::is_regular_file(item.target, error)) {
            errors->push_back(item.relative + ": exists and is not a regular file");
            continue;
        }
        if (item.exists) {
            if (!readAll(item.target, &item.current)) {
                errors->push_back(item.relative + ": cannot read the file already there");
                continue;
            }
            item.permissions = fs::status(item.target, error).permissions();
        } else if (!source.empty()) {
            const fs::file_status status = fs::status(source / item.relative, error);
            if (!error && fs::exists(status))
                item.permissions = status.permissions();
        }
        const SourceFile *loaded = m_options.loaded ? m_options.loaded->findFile(item.relative) : nullptr;
        if (inPlace && loaded && item.changes() && item.exists && item.current != loaded->text)
            errors->push_back(item.relative + ": changed on disk since it was loaded; reload before exporting");
    }
    return items;
}

std::string Exporter::outputFolder(const std::string &outputDir) const
{
    const std::string target = outputDir.empty() ? m_mesh->rootPath : outputDir;
    std::error_code error;
    if (target.empty() || !fs::is_directory(target, error))
        return {};
    return fs::weakly_canonical(target, error).string();
}

Result<ExportSummary> Exporter::exportTo(const std::string &outputDir) const
{
    const std::string target = outputDir.empty() ? m_mesh->rootPath : outputDir;
    if (target.empty())
        return Result<ExportSummary>::failure("no output folder");
    std::error_code error;
    fs::create_directories(target, error);
    if (error)
        return Result<ExportSummary>::failure(target + ": cannot create the folder: " + error.message());
    ExportSummary summary;
    summary.outputDir = outputFolder(target);
    std::vector<std::string> errors;
    const std::vector<Item> items = plan(target, &errors);
    if (!errors.empty())
        return failure(errors);

    // Phase 1: every new text in a temporary file beside its target.
    std::vector<std::pair<fs::path, const Item *>> staged;
    const auto discard = [&staged] {
        for (const auto &[temporary, item] : staged) {
            std::error_code ignored;
            fs::remove(temporary, ignored);
        }
    };
    for (const Item &item : items) {
        if (!item.changes()) {
            summary.unchanged.push_back(item.relative);
            continue;
        }
        fs::create_directories(item.target.parent_path(), error);
        if (error || !isInside(item.target.parent_path(), fs::path(summary.outputDir))) {
            discard();
            return Result<ExportSummary>::failure(item.relative + ": cannot create its folder"
                                                  + (error ? ": " + error.message() : std::string()));
        }
        const Result<fs::path> temporary = writeTemporary(item.target, item.contents, item.permissions);
        if (!temporary) {
            discard();
            return Result<ExportSummary>::failure(item.relative + ": " + temporary.error());
        }
        staged.emplace_back(*temporary, &item);
    }
    // Phase 2: keep each file about to be replaced under a second name (a
    // hard link: no copy), so a rename that fails half way can be undone.
    std::vector<std::optional<fs::path>> previous(staged.size());
    const auto dropPrevious = [&previous] {
        for (const std::optional<fs::path> &kept : previous) {
            std::error_code ignored;
            if (kept)
                fs::remove(*kept, ignored);
        }
    };
    for (size_t i = 0; i < staged.size(); ++i) {
        const auto &[temporary, item] = staged[i];
        if (!item->exists)
            continue;
        const fs::path kept = fs::path(temporary.string() + ".previous");
        fs::create_hard_link(item->target, kept, error);
        if (error) // a file system without hard links
            fs::copy_file(item->target, kept, fs::copy_options::overwrite_existing, error);
        if (error) {
            discard();
            dropPrevious();
            return Result<ExportSummary>::failure(item->relative + ": cannot keep the current file while "
                                                  "replacing it: " + error.message());
        }
        previous[i] = kept;
    }
    // Phase 3: atomic renames; a failure puts back what the earlier ones replaced.
    for (size_t i = 0; i < staged.size(); ++i) {
        const auto &[temporary, item] = staged[i];
        if (m_options.beforeReplacing)
            m_options.beforeReplacing(item->relative);
        fs::rename(temporary, item->target, error);
        if (error) {
            const std::string why = item->relative + ": cannot replace it: " + error.message();
            for (size_t j = 0; j < i; ++j) {
                std::error_code ignored;
                if (previous[j])
                    fs::rename(*previous[j], staged[j].second->target, ignored);
                else
                    fs::remove(staged[j].second->target, ignored);
            }
            for (size_t j = i; j < staged.size(); ++j) {
                std::error_code ignored;
                fs::remove(staged[j].first, ignored);
            }
            dropPrevious();
            return Result<ExportSummary>::failure(why);
        }
        summary.written.push_back(item->relative);
    }
    dropPrevious();
    return summary;
}

std::string Exporter::diff(const std::string &outputDir) const
{
    const std::string target = outputDir.empty() ? m_mesh->rootPath : outputDir;
    std::vector<std::string> errors;
    std::string out;
    for (const Item &item : plan(target, &errors)) {
        if (item.changes() && !item.target.empty())
            out += unifiedDiff(item.current, item.contents, item.exists ? "a/" + item.relative : "/dev/null",
                               "b/" + item.relative);
    }
    return out;
}

} // namespace meshlane
