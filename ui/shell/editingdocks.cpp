// SPDX-License-Identifier: MIT
#include "shell/editingdocks.h"

#include "document/document.h"
#include "editing/weighteditor.h"
#include "export/exportdialog.h"
#include "graph/graphpanel.h"
#include "yaml/yamlpane.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>

namespace meshlane::ui {

EditingDocks::EditingDocks(QMainWindow *window, Document *document, GraphPanel *graphPanel)
    : QObject(window)
    , m_window(window)
    , m_graphPanel(graphPanel)
    , m_document(document)
    , m_weightEditor(new WeightEditor(m_document))
    , m_yamlPane(new YamlPane(m_document))
    , m_weightDock(new QDockWidget(window))
    , m_yamlDock(new QDockWidget(window))
    , m_exportAction(new QAction(this))
{
    m_chooseExport = [this](const QString &folder, const QString &diff) { return chooseWithDialog(folder, diff); };
    m_askReload = [this] { return askReloadWithDialog(); };
    m_reportError = [this](const QString &title, const QString &message) { reportErrorWithDialog(title, message); };
    m_askClose = [this] { return askCloseWithDialog(); };
    m_askRestore = [this](int count) { return askRestoreWithDialog(count); };
    window->installEventFilter(this);

    m_weightDock->setObjectName(QStringLiteral("WeightEditorDock"));
    m_weightDock->setWidget(m_weightEditor);
    m_yamlDock->setObjectName(QStringLiteral("YamlDock"));
    m_yamlDock->setWidget(m_yamlPane);
    window->addDockWidget(Qt::RightDockWidgetArea, m_weightDock);
    window->addDockWidget(Qt::RightDockWidgetArea, m_yamlDock);
    window->splitDockWidget(m_weightDock, m_yamlDock, Qt::Vertical);
    window->resizeDocks({m_weightDock}, {420}, Qt::Horizontal);
    window->resizeDocks({m_weightDock, m_yamlDock}, {260, 270}, Qt::Vertical);

    m_exportAction->setShortcut(QKeySequence::Save);
    m_exportAction->setEnabled(false);
    connect(m_exportAction, &QAction::triggered, this, &EditingDocks::exportFiles);
    connect(m_document, &Document::loaded, this, [this] { m_exportAction->setEnabled(true); });

    connect(m_weightEditor, &WeightEditor::virtualServiceChosen, this, [this](const QString &nsName) {
        m_yamlPane->setVirtualService(nsName);
        m_graphPanel->selectVirtualService(nsName);
    });
    connect(m_document, &Document::editFailed, this, &EditingDocks::showMessage);
    connect(m_document, &Document::changedOnDiskWhileModified, this, &EditingDocks::onChangedOnDiskWhileModified);
    connect(m_document, &Document::editsReapplied, this, [this](const QStringList &notApplied) {
        if (notApplied.isEmpty())
            showMessage(tr("Read the changed files and re-applied your edits."));
        else
            m_reportError(tr("Some Edits No Longer Apply"),
                          tr("These edits were not re-applied to the changed files:\n%1").arg(notApplied.join(u'\n')));
    });
    retranslate();
}

QList<QAction *> EditingDocks::viewActions() const
{
    return {m_weightDock->toggleViewAction(), m_yamlDock->toggleViewAction()};
}

void EditingDocks::retranslate()
{
    m_weightDock->setWindowTitle(tr("Routes and Weights"));
    m_yamlDock->setWindowTitle(tr("YAML"));
    m_exportAction->setText(tr("&Export\u2026"));
    m_exportAction->setToolTip(tr("Write the edited manifests, after showing what changes"));
}

void EditingDocks::showVirtualService(const QString &nsName)
{
    if (nsName.isEmpty())
        return;
    m_weightEditor->setVirtualService(nsName);
    m_yamlPane->setVirtualService(nsName);
}

bool EditingDocks::showFinding(const Diagnostic &finding)
{
    const QString nsName =
        YamlPane::virtualServiceShowing(*m_document->mesh(), finding.resource, m_yamlPane->virtualService());
    if (nsName.isEmpty())
        return false;
    showVirtualService(nsName);
    m_yamlDock->show();
    m_yamlDock->raise();
    return m_yamlPane->revealField(finding.resource, finding.location) >= 0;
}

void EditingDocks::showMessage(const QString &message)
{
    m_window->statusBar()->showMessage(message, 8000);
}

bool EditingDocks::exportFiles()
{
    if (m_document->folder().isEmpty() || m_document->isLoading())
        return false;
    const QString folder = m_document->folder();
    const ExportChoice choice = m_chooseExport(folder, m_document->exportDiff());
    QString target;
    switch (choice.action) {
    case ExportChoice::Action::Cancel:
        return false;
    case ExportChoice::Action::InPlace:
        break;
    case ExportChoice::Action::ToFolder:
        if (choice.folder.isEmpty())
            return false;
        target = QDir(choice.folder).absolutePath();
        if (target.startsWith(QDir(folder).absolutePath() + u'/')) {
            // The next load of the folder would read every resource twice.
            m_reportError(tr("Export Failed"), tr("Choose a folder outside %1.").arg(QDir::toNativeSeparators(folder)));
            return false;
        }
        break;
    }
    const Result<ExportSummary> exported = m_document->exportTo(target);
    if (!exported) {
        // One "path: why" per line already, as the dialog lists them.
        m_reportError(tr("Export Failed"),
                      tr("Nothing was written:\n%1").arg(QString::fromStdString(exported.error())));
        return false;
    }
    showMessage(tr("Wrote %n file(s) to %1", nullptr, int(exported->written.size()))
                    .arg(QDir::toNativeSeparators(QString::fromStdString(exported->outputDir))));
    return !exported->written.empty();
}

EditingDocks::ExportChoice EditingDocks::chooseWithDialog(const QString &folder, const QString &diff)
{
    ExportDialog dialog(folder, diff, m_window);
    ExportChoice choice;
    if (dialog.exec() != QDialog::Accepted)
        return choice;
    if (dialog.choice() == ExportDialog::Choice::InPlace) {
        choice.action = ExportChoice::Action::InPlace;
    } else if (dialog.choice() == ExportDialog::Choice::ToFolder) {
        choice.folder = QFileDialog::getExistingDirectory(m_window, tr("Export to Folder"), folder);
        choice.action = choice.folder.isEmpty() ? ExportChoice::Action::Cancel : ExportChoice::Action::ToFolder;
    }
    return choice;
}

void EditingDocks::onChangedOnDiskWhileModified()
{
    switch (m_askReload()) {
    case ReloadChoice::KeepMine:
        m_document->reloadKeepingEdits();
        break;
    case ReloadChoice::TakeTheirs:
        m_document->reload();
        break;
    case ReloadChoice::Cancel:
        showMessage(tr("Kept your edits. Files changed on disk since will not be overwritten by an export."));
        break;
    }
}

EditingDocks::ReloadChoice EditingDocks::askReloadWithDialog()
{
    QMessageBox box(QMessageBox::Question, tr("Files Changed on Disk"),
                    tr("Files in %1 were changed by another program, and you have edits that are not exported.")
                        .arg(QDir::toNativeSeparators(m_document->folder())),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Read their files and re-apply your edits where they still apply, take their files "
                              "and drop your edits, or leave both as they are for now?"));
    QPushButton *keepMine = box.addButton(tr("&Keep Mine"), QMessageBox::AcceptRole);
    QPushButton *takeTheirs = box.addButton(tr("&Take Theirs"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(keepMine);
    box.exec();
    if (box.clickedButton() == keepMine)
        return ReloadChoice::KeepMine;
    return box.clickedButton() == takeTheirs ? ReloadChoice::TakeTheirs : ReloadChoice::Cancel;
}

bool EditingDocks::askRestoreWithDialog(int count)
{
    QMessageBox box(QMessageBox::Question, tr("Restore Unsaved Edits"),
                    tr("Meshlane stopped with %n unsaved edit(s) to %1.", nullptr, count)
                        .arg(QDir::toNativeSeparators(m_document->folder())),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Restored edits are undo steps again, as before."));
    QPushButton *restore = box.addButton(tr("&Restore"), QMessageBox::AcceptRole);
    box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.setDefaultButton(restore);
    box.exec();
    return box.clickedButton() == restore;
}

bool EditingDocks::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window || event->type() != QEvent::Close || !m_document->isModified())
        return QObject::eventFilter(watched, event);
    switch (m_askClose()) {
    case CloseChoice::Discard:
        return false;
    case CloseChoice::Export:
        if (exportFiles() && !m_document->isModified())
            return false;
        break; // cancelled, failed, or written elsewhere: the edits are still only here
    case CloseChoice::Cancel:
        break;
    }
    event->ignore();
    return true;
}

EditingDocks::CloseChoice EditingDocks::askCloseWithDialog()
{
    QMessageBox box(QMessageBox::Warning, tr("Unsaved Edits"),
                    tr("Your edits to %1 are not exported yet.").arg(QDir::toNativeSeparators(m_document->folder())),
                    QMessageBox::NoButton, m_window);
    box.setInformativeText(tr("Export them before closing?"));
    QPushButton *exportButton = box.addButton(tr("&Export…"), QMessageBox::AcceptRole);
    QPushButton *discard = box.addButton(tr("&Discard"), QMessageBox::DestructiveRole);
    box.addButton(tr("Cancel"), QMessageBox::RejectRole);
    box.setDefaultButton(exportButton);
    box.exec();
    if (box.clickedButton() == exportButton)
        return CloseChoice::Export;
    return box.clickedButton() == discard ? CloseChoice::Discard : CloseChoice::Cancel;
}

void EditingDocks::reportErrorWithDialog(const QString &title, const QString &message)
{
    QMessageBox::warning(m_window, title, message);
}

} // namespace meshlane::ui
