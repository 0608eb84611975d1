// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace meshlane::ui {

// Most recently opened folders, newest first, kept in QSettings, and the
// File › Open Recent menu that lists them.
class RecentFolders : public QObject
{
    Q_OBJECT

public:
    static constexpr int kMaximum = 8;

    // `persistent` false keeps the list in memory only (tests, screenshots).
    RecentFolders(QMenu *menu, bool persistent, QObject *parent = nullptr);

    void add(const QString &folder);
    void clear();
    QStringList folders() const { return m_folders; }
    void retranslate();

Q_SIGNALS:
    void folderChosen(const QString &folder);

private:
    void save();
    void rebuildMenu();

    QMenu *m_menu;
    bool m_persistent;
    QStringList m_folders;
};

} // namespace meshlane::ui
