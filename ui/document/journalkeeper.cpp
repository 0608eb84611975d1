// SPDX-License-Identifier: MIT
#include "document/journalkeeper.h"

#include "document/document.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTimer>
#include <QUndoStack>

namespace meshlane::ui {

JournalKeeper::JournalKeeper(Document *document, QString stateFolder, QObject *parent)
    : QObject(parent)
    , m_document(document)
    , m_stateFolder(std::move(stateFolder))
    , m_delay(new QTimer(this))
{
    m_delay->setSingleShot(true);
    m_delay->setInterval(kDelayMs);
    connect(m_delay, &QTimer::timeout, this, &JournalKeeper::write);
    connect(document, &Document::loaded, this, &JournalKeeper::onLoaded);
    // Every edit, undo, redo and export moves the index or the clean state.
    connect(document->undoStack(), &QUndoStack::indexChanged, this, &JournalKeeper::scheduleWrite);
    connect(document->undoStack(), &QUndoStack::cleanChanged, this, &JournalKeeper::scheduleWrite);
}

JournalKeeper::~JournalKeeper()
{
    // Not a clean exit by itself (the window may be torn down by a crash
    // handler or a test): what is unsaved stays journaled.
    if (m_delay->isActive())
        write();
    release();
}

QString JournalKeeper::defaultStateFolder()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/journals");
}

QString JournalKeeper::journalPath(const QString &folder) const
{
    const QByteArray key = QDir(folder).absolutePath().toUtf8();
    const QString name = QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha1).toHex().left(20));
    return m_stateFolder + u'/' + name + QStringLiteral(".journal");
}

void JournalKeeper::onLoaded()
{
    const QString folder = m_document->folder();
    if (folder == m_folder)
        return; // a reload: the journal is ours and the undo stack says what to write
    release();
    m_leftover.reset();
    if (!QDir().mkpath(m_stateFolder))
        return;
    auto lock = std::make_unique<QLockFile>(journalPath(folder) + QStringLiteral(".lock"));
    // A live Meshlane holds its lock for hours: only a dead holder makes it stale.
    lock->setStaleLockTime(0);
    if (!lock->tryLock(0))
        return; // another Meshlane edits this folder: its journal is its own
    m_lock = std::move(lock);
    m_folder = folder;
    QFile file(journalPath(folder));
    if (!file.open(QIODevice::ReadOnly))
        return;
    Result<EditJournal> journal = readJournal(file.readAll().toStdString());
    file.close();
    if (!journal || journal->folder != folder.toStdString()) {
        // Kept aside rather than deleted: it may still be read by hand.
        QFile::remove(file.fileName() + QStringLiteral(".unreadable"));
        file.rename(file.fileName() + QStringLiteral(".unreadable"));
        return;
    }
    if (!journal->operations.empty())
        m_leftover = std::move(journal.value());
}

QStringList JournalKeeper::restore()
{
    if (!m_leftover)
        return {};
    const std::vector<JournalOperation> operations = std::move(m_leftover->operations);
    m_leftover.reset();
    const QStringList notApplied = m_document->reapply(operations);
    scheduleWrite();
    return notApplied;
}

void JournalKeeper::discardLeftover()
{
    m_leftover.reset();
    scheduleWrite();
}

void JournalKeeper::discard()
{
    m_delay->stop();
    if (!m_folder.isEmpty() && !m_leftover) // an undecided leftover is still the user's
        QFile::remove(journalPath(m_folder));
    release();
}

void JournalKeeper::scheduleWrite()
{
    // Not restarted by later edits: a long drag is journaled every kDelayMs.
    if (!m_folder.isEmpty() && !m_delay->isActive())
        m_delay->start();
}

void JournalKeeper::write()
{
    if (m_folder.isEmpty() || m_leftover)
        return;
    const QString path = journalPath(m_folder);
    EditJournal journal;
    journal.folder = m_folder.toStdString();
    journal.operations = m_document->unsavedOperations();
    if (journal.operations.empty()) {
        QFile::remove(path);
    } else {
        // Written whole and renamed into place: a kill mid-write leaves the previous journal.
        QSaveFile file(path);
        const std::string text = writeJournal(journal);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.data(), qint64(text.size())) != qint64(text.size())
            || !file.commit())
            return;
    }
    Q_EMIT written();
}

void JournalKeeper::release()
{
    m_lock.reset(); // unlocks
    m_folder.clear();
}

} // namespace meshlane::ui
