// SPDX-License-Identifier: MIT
#include "shell/recentfolders.h"

#include <QDir>
#include <QMenu>
#include <QSettings>

namespace meshlane::ui {

namespace {

QString settingsKey() { return QStringLiteral("recentFolders"); }

} // namespace

RecentFolders::RecentFolders(QMenu *menu, bool persistent, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_persistent(persistent)
{
    if (m_persistent)
        m_folders = QSettings().value(settingsKey()).toStringList();
    rebuildMenu();
}

void RecentFolders::add(const QString &folder)
{
    const QString path = QDir::cleanPath(QDir(folder).absolutePath());
    m_folders.removeAll(path);
    m_folders.prepend(path);
    while (m_folders.size() > kMaximum)
        m_folders.removeLast();
    save();
    rebuildMenu();
}

void RecentFolders::clear()
{
    m_folders.clear();
    save();
    rebuildMenu();
}

void RecentFolders::retranslate()
{
    rebuildMenu();
}

void RecentFolders::save()
{
    if (m_persistent)
        QSettings().setValue(settingsKey(), m_folders);
}

void RecentFolders::rebuildMenu()
{
    m_menu->clear();
    int number = 1;
    for (const QString &folder : m_folders) {
        // Mnemonics 1-8 make the list usable from the keyboard.
        const QString text = QStringLiteral("&%1 %2").arg(number++).arg(QDir::toNativeSeparators(folder));
        m_menu->addAction(text, this, [this, folder] { Q_EMIT folderChosen(folder); });
    }
    if (!m_folders.isEmpty())
        m_menu->addSeparator();
    QAction *clearAction = m_menu->addAction(tr("&Clear List"), this, &RecentFolders::clear);
    clearAction->setEnabled(!m_folders.isEmpty());
    m_menu->setEnabled(true);
}

} // namespace meshlane::ui
