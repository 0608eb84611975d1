// SPDX-License-Identifier: MIT
#include "document/diskwatcher.h"

#include <QFileSystemWatcher>
#include <QSet>
#include <QTimer>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string_view>

namespace fs = std::filesystem;

namespace meshlane::ui {

namespace {

// inotify watches are a per-user resource shared with every other program:
// past this many files only the folders are watched (renames, additions and
// removals are still seen; in-place writes to a file are not).
constexpr size_t kMaxWatchedFiles = 4000;

bool isManifestName(const fs::path &path)
{
    const std::string extension = path.extension().string();
    return extension == ".yaml" || extension == ".yml" || extension == ".json";
}

void readDirectory(const fs::path &root, const fs::path &directory, int depth, DiskWatcher::DiskState &state)
{
    std::error_code error;
    state.directories.push_back(directory.string());
    if (depth > 64)
        return;
    for (fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, error), end;
         !error && it != end; it.increment(error)) {
        const fs::path &path = it->path();
        const std::string name = path.filename().string();
        if (name.empty() || name[0] == '.')
            continue;
        std::error_code statError;
        if (it->is_directory(statError)) {
            readDirectory(root, path, depth + 1, state);
        } else if (isManifestName(path) && it->is_regular_file(statError)) {
            std::ifstream in(path, std::ios::binary);
            const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            state.files[path.lexically_relative(root).generic_string()] = DiskWatcher::hashText(text);
        }
    }
}

struct Started
{
    DiskWatcher::DiskState disk;
    DiskWatcher::Fingerprint expected;
};

} // namespace

DiskWatcher::DiskWatcher(QObject *parent)
    : QObject(parent)
    , m_quiet(new QTimer(this))
{
    m_quiet->setSingleShot(true);
    m_quiet->setInterval(300);
    connect(m_quiet, &QTimer::timeout, this, &DiskWatcher::check);
}

DiskWatcher::~DiskWatcher() = default;

size_t DiskWatcher::hashText(const std::string &text)
{
    return std::hash<std::string_view>()(text);
}

DiskWatcher::DiskState DiskWatcher::readDisk(const std::string &folder)
{
    DiskState state;
    std::error_code error;
    const fs::path root = fs::canonical(folder, error);
    if (!error)
        readDirectory(root, root, 0, state);
    return state;
}

void DiskWatcher::setQuietPeriod(int milliseconds)
{
    m_quiet->setInterval(milliseconds);
}

void DiskWatcher::stop()
{
    m_jobs.invalidate();
    m_quiet->stop();
    m_baseline.reset();
    m_expected.reset();
    delete m_watcher; // a fresh watcher is cheaper than removing thousands of paths
    m_watcher = nullptr;
}

void DiskWatcher::watch(MeshPtr baseline)
{
    stop();
    if (!baseline || baseline->rootPath.empty())
        return;
    m_baseline = baseline;
    m_reported.clear();
    m_watcher = new QFileSystemWatcher(this);
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &DiskWatcher::scheduleCheck);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, &DiskWatcher::scheduleCheck);
    // Files the loader skipped (too large, unreadable) count as they are now;
    // those it read count as it read them.
    const auto start = [baseline] {
        Started started;
        started.disk = readDisk(baseline->rootPath);
        for (const auto &[path, hash] : started.disk.files)
            started.expected[path] = hash;
        for (const auto &file : baseline->files)
            started.expected[file->path] = hashText(file->text);
        return started;
    };
    runInBackground(
        this, start,
        [this, ticket = m_jobs.latest()](Started started) {
            if (!m_jobs.isLatest(ticket))
                return;
            m_expected = std::make_shared<const Fingerprint>(std::move(started.expected));
            watchPaths(started.disk);
            if (started.disk.files != *m_expected) { // changed between the load and now
                m_reported = started.disk.files;
                Q_EMIT changedOnDisk();
            }
        },
        JobPriority::Background); // re-reads every file: after what the window waits for
}

void DiskWatcher::scheduleCheck()
{
    if (m_baseline)
        m_quiet->start();
}

void DiskWatcher::check()
{
    if (!m_expected)
        return; // still starting: its first comparison covers this
    if (m_checking) {
        m_checkAgain = true;
        return;
    }
    m_checking = true;
    const auto read = [root = m_baseline->rootPath] { return readDisk(root); };
    runInBackground(this, read, [this, ticket = m_jobs.latest()](const DiskState &disk) {
        m_checking = false;
        if (m_jobs.isLatest(ticket) && m_expected) {
            watchPaths(disk);
            if (disk.files != *m_expected && disk.files != m_reported) {
                m_reported = disk.files;
                Q_EMIT changedOnDisk();
            }
        }
        if (std::exchange(m_checkAgain, false))
            check();
    });
}

void DiskWatcher::watchPaths(const DiskState &disk)
{
    if (!m_watcher)
        return;
    // A file replaced by a rename is no longer watched: add what is missing.
    const QStringList watchedFiles = m_watcher->files();
    const QStringList watchedDirectories = m_watcher->directories();
    const QSet<QString> watched(watchedFiles.begin(), watchedFiles.end());
    const QSet<QString> watchedDirs(watchedDirectories.begin(), watchedDirectories.end());
    QStringList add;
    for (const std::string &directory : disk.directories) {
        const QString path = QString::fromStdString(directory);
        if (!watchedDirs.contains(path))
            add << path;
    }
    if (disk.files.size() <= kMaxWatchedFiles) {
        const QString root = disk.directories.empty() ? QString() : QString::fromStdString(disk.directories.front());
        for (const auto &entry : disk.files) {
            const QString path = root + u'/' + QString::fromStdString(entry.first);
            if (!watched.contains(path))
                add << path;
        }
    }
    if (!add.isEmpty())
        m_watcher->addPaths(add);
}

} // namespace meshlane::ui
