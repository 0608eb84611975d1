// SPDX-License-Identifier: MIT
#pragma once

#include "base/backgroundjob.h"
#include "model/mesh.h"

#include <QObject>
#include <QString>

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

class QFileSystemWatcher;
class QTimer;

namespace meshlane::ui {

// Notices when the manifests of the open folder change on disk: a file
// edited, added, removed or replaced (editors often save by renaming).
//
// QFileSystemWatcher only says that *something* happened, and also fires for
// our own exports; so after a short quiet period the folder is read again on a
// worker thread and compared with what the Document believes is on disk (its
// baseline). Only a real difference is reported, and each different state of
// the disk only once (so "keep my edits" is not asked again for the same change).
class DiskWatcher : public QObject
{
    Q_OBJECT

public:
    explicit DiskWatcher(QObject *parent = nullptr);
    ~DiskWatcher() override;

    // Starts watching `baseline.rootPath`; `baseline`'s file texts are what
    // counts as unchanged. Call again after a reload or an in-place export.
    void watch(MeshPtr baseline);
    void stop();
    // How long the folder must be quiet before it is compared (editors write in bursts).
    void setQuietPeriod(int milliseconds);

    // path relative to the folder -> hash of its bytes
    using Fingerprint = std::map<std::string, size_t>;
    struct DiskState
    {
        Fingerprint files;
        std::vector<std::string> directories; // absolute, the folder first
    };
    // The manifests the loader would read in `folder` (same rules: .yaml, .yml,
    // .json; names starting with '.' skipped), hashed.
    static DiskState readDisk(const std::string &folder);
    static size_t hashText(const std::string &text);

Q_SIGNALS:
    void changedOnDisk();

private:
    void scheduleCheck();
    void check();
    void watchPaths(const DiskState &disk);

    QFileSystemWatcher *m_watcher = nullptr;
    QTimer *m_quiet;
    MeshPtr m_baseline;
    std::shared_ptr<const Fingerprint> m_expected; // the baseline's files, hashed
    Fingerprint m_reported;                        // last disk state reported
    JobTicket m_jobs; // stop() drops what running scans find
    bool m_checking = false;
    bool m_checkAgain = false;
};

} // namespace meshlane::ui
