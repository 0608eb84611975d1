// SPDX-License-Identifier: MIT
#pragma once

#include "edit/editjournal.h"

#include <QObject>
#include <QString>

#include <memory>
#include <optional>

class QLockFile;
class QTimer;

namespace meshlane::ui {

class Document;

// Keeps the Document's unsaved edits in a journal file of the user's state
// folder, so a crash or a kill loses nothing: written at most kDelayMs after
// an edit (a drag is written while it goes on, not once per mouse move),
// removed when nothing is unsaved (an export, undoing every edit, a reload)
// and on a clean exit (discard()).
//
// One journal per opened folder, named by a hash of its path and guarded by a
// lock file, so a second Meshlane on the same folder neither writes it nor
// offers to restore what the first one is still editing. After a load the
// journal a dead process left is offered once (leftover()); nothing is
// written over it until restore() or discardLeftover() decides.
class JournalKeeper : public QObject
{
    Q_OBJECT

public:
    static constexpr int kDelayMs = 500;

    JournalKeeper(Document *document, QString stateFolder, QObject *parent = nullptr);
    ~JournalKeeper() override;

    // Where the app keeps journals: <AppLocalDataLocation>/journals.
    static QString defaultStateFolder();
    QString journalPath(const QString &folder) const;

    // What a previous run left for the folder just loaded, if anything.
    const std::optional<EditJournal> &leftover() const { return m_leftover; }
    // Redoes the leftover edits (Document::reapply); the lines say which did not apply.
    QStringList restore();
    void discardLeftover();
    // A clean exit: the edits were exported or the user let them go.
    void discard();

Q_SIGNALS:
    void written(); // the journal file now holds the unsaved edits (or is gone when there are none)

private:
    void onLoaded();
    void scheduleWrite();
    void write();
    void release();

    Document *m_document;
    QString m_stateFolder;
    QString m_folder; // the folder whose journal this process holds the lock of
    std::unique_ptr<QLockFile> m_lock;
    std::optional<EditJournal> m_leftover;
    QTimer *m_delay;
};

} // namespace meshlane::ui
