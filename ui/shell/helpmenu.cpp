// SPDX-License-Identifier: MIT
#include "shell/helpmenu.h"

#include "base/buildinfo.h"
#include "simulation/qcustomplotinclude.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace meshlane::ui {

HelpMenu::HelpMenu(QMainWindow *window)
    : QObject(window)
    , m_window(window)
    , m_menu(window->menuBar()->addMenu(QString()))
    , m_gettingStartedAction(m_menu->addAction(QString()))
    , m_shortcutsAction(m_menu->addAction(QString()))
    , m_aboutAction(nullptr)
{
    m_gettingStartedAction->setShortcut(QKeySequence::HelpContents);
    m_menu->addSeparator();
    m_aboutAction = m_menu->addAction(QString());
    m_aboutAction->setMenuRole(QAction::AboutRole);
    connect(m_gettingStartedAction, &QAction::triggered, this,
            [this] { showText(tr("Getting Started"), gettingStartedText()); });
    connect(m_shortcutsAction, &QAction::triggered, this,
            [this] { showText(tr("Keyboard Shortcuts"), shortcutsText()); });
    connect(m_aboutAction, &QAction::triggered, this, [this] { showText(tr("About Meshlane"), aboutText()); });
    retranslate();
}

void HelpMenu::retranslate()
{
    m_menu->setTitle(tr("&Help"));
    m_gettingStartedAction->setText(tr("&Getting Started"));
    m_shortcutsAction->setText(tr("&Keyboard Shortcuts"));
    m_aboutAction->setText(tr("&About Meshlane"));
}

QString HelpMenu::gettingStartedText() const
{
    return tr("<h3>A canary for Bookinfo's reviews, in five steps</h3>"
              "<ol>"
              "<li><b>Open a folder.</b> File \u203a Open Folder (or start Meshlane with no folder: it opens the "
              "bundled Bookinfo sample). The graph shows gateways, services and each app's versions.</li>"
              "<li><b>Pick the route.</b> Click the <i>reviews</i> service (or choose default/reviews in the "
              "Weights dock). Its routes appear with one slider per destination.</li>"
              "<li><b>Stage the canary.</b> Drag v2's slider to 10: the others re-balance so the route totals "
              "100, the YAML pane marks the changed lines, and the graph's edge labels follow.</li>"
              "<li><b>Watch the traffic.</b> Press Space to play the simulation: the live plot moves to a 90/10 "
              "split and the split chart compares it with what the rules say. Drag on to 50 and 100.</li>"
              "<li><b>Check and export.</b> Fix what the Diagnostics dock flags (double-click opens the line), "
              "then File \u203a Export: the preview is a diff of exactly the lines you changed.</li>"
              "</ol>"
              "<p>Every step is undoable (Ctrl+Z). The same engine runs headless: "
              "<tt>meshlane route</tt>, <tt>simulate</tt>, <tt>analyze</tt>, <tt>set-weights</tt>.</p>");
}

QString HelpMenu::shortcutsText() const
{
    struct Row
    {
        QString keys;
        QString action;
    };
    std::vector<Row> rows;
    for (const QAction *action : m_window->findChildren<QAction *>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty())
            continue;
        rows.push_back({action->shortcut().toString(QKeySequence::NativeText),
                        QString(action->text()).remove(u'&').remove(QStringLiteral("\u2026"))});
    }
    std::sort(rows.begin(), rows.end(), [](const Row &a, const Row &b) { return a.action < b.action; });
    rows.erase(std::unique(rows.begin(), rows.end(),
                           [](const Row &a, const Row &b) { return a.keys == b.keys && a.action == b.action; }),
               rows.end());
    QString html = QStringLiteral("<table cellspacing=\"6\">");
    for (const Row &row : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(row.keys.toHtmlEscaped(),
                                                                             row.action.toHtmlEscaped());
    html += QStringLiteral("</table><p>%1</p>").arg(tr("In the graph: the mouse wheel zooms, dragging pans, "
                                                       "a click selects a service's VirtualService."));
    return html;
}

QString HelpMenu::aboutText() const
{
    QString libraries;
    for (const auto &[name, version] : engineLibraryVersions())
        libraries += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>")
                         .arg(QString::fromStdString(name), QString::fromStdString(version));
    libraries += QStringLiteral("<tr><td>QCustomPlot</td><td>%1</td></tr>").arg(QLatin1String(QCUSTOMPLOT_VERSION_STR));
    return tr("<h3>Meshlane %1</h3><p>Design, simulate and check Istio traffic routing from a folder of "
              "manifests. No cluster needed.</p><p>Built with:</p>")
               .arg(QCoreApplication::applicationVersion())
        + QStringLiteral("<table cellspacing=\"4\">") + libraries + QStringLiteral("</table>")
        + tr("<p>MIT licence. Bundled fonts: DejaVu (Bitstream Vera licence) and Nanum Gothic (SIL Open Font "
             "Licence).</p>");
}

void HelpMenu::showText(const QString &title, const QString &html)
{
    QDialog dialog(m_window);
    dialog.setWindowTitle(title);
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QTextBrowser(&dialog);
    text->setOpenLinks(false);
    text->setHtml(html);
    layout->addWidget(text);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(560, 420);
    dialog.exec();
}

} // namespace meshlane::ui
