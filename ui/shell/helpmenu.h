// SPDX-License-Identifier: MIT
#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace meshlane::ui {

// Help › Getting Started (the Bookinfo canary in five steps), Keyboard
// Shortcuts (read from the window's own actions, so the list cannot drift) and
// About (the versions of Meshlane and of the libraries it was built with).
class HelpMenu : public QObject
{
    Q_OBJECT

public:
    explicit HelpMenu(QMainWindow *window);

    QMenu *menu() const { return m_menu; }
    void retranslate();

    QString gettingStartedText() const;
    QString shortcutsText() const; // every action of the window that has a shortcut
    QString aboutText() const;

private:
    void showText(const QString &title, const QString &html);

    QMainWindow *m_window;
    QMenu *m_menu;
    QAction *m_gettingStartedAction;
    QAction *m_shortcutsAction;
    QAction *m_aboutAction;
};

} // namespace meshlane::ui
