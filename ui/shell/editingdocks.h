// SPDX-License-Identifier: MIT
#pragma once

#include "model/diagnostic.h"

#include <QObject>
#include <QString>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;

namespace meshlane::ui {

class Document;
class GraphPanel;
class WeightEditor;
class YamlPane;

// The editing half of the workbench, set up apart from MainWindow so the
// window stays wiring only: the weight editor and YAML docks (following the
// graph's selection), File › Export with its diff preview, and the question
// asked when the files change on disk under unsaved edits.
class EditingDocks : public QObject
{
    Q_OBJECT

public:
    // Docks into `window`; the graph follows a VirtualService chosen in the editor.
    EditingDocks(QMainWindow *window, Document *document, GraphPanel *graphPanel);

    QAction *exportAction() const { return m_exportAction; }
    QList<QAction *> viewActions() const; // show/hide the docks
    WeightEditor *weightEditor() const { return m_weightEditor; }
    YamlPane *yamlPane() const { return m_yamlPane; }
    QDockWidget *weightDock() const { return m_weightDock; }
    QDockWidget *yamlDock() const { return m_yamlDock; }
    void retranslate();

    // Shows the routes and YAML of "ns/name" (empty keeps what is shown: a
    // click on the graph's background should not empty the editor).
    void showVirtualService(const QString &nsName);
    // A finding opened from the diagnostics: the VirtualService whose YAML
    // holds its resource (the rule itself, or one routing to a
    // DestinationRule's host) in both docks, the finding's line flagged.
    // False when neither dock can show the resource.
    bool showFinding(const Diagnostic &finding);

    // The export flow asks these; tests replace them so no dialog blocks.
    struct ExportChoice
    {
        enum class Action { Cancel, InPlace, ToFolder } action = Action::Cancel;
        QString folder; // for ToFolder
    };
    using ExportChooser = std::function<ExportChoice(const QString &folder, const QString &diff)>;
    // Files changed on disk under unsaved edits: re-apply mine on the new
    // files, take theirs (drop mine), or leave both alone for now.
    enum class ReloadChoice { KeepMine, TakeTheirs, Cancel };
    using ReloadQuestion = std::function<ReloadChoice()>;
    // A previous run left `count` unsaved edits to the folder just opened: true restores them.
    using RestoreQuestion = std::function<bool(int count)>;
    using ErrorReporter = std::function<void(const QString &title, const QString &message)>;
    enum class CloseChoice { Export, Discard, Cancel };
    using CloseQuestion = std::function<CloseChoice()>; // asked when the window closes with edits
    void setExportChooser(ExportChooser chooser) { m_chooseExport = std::move(chooser); }
    void setReloadQuestion(ReloadQuestion question) { m_askReload = std::move(question); }
    void setErrorReporter(ErrorReporter reporter) { m_reportError = std::move(reporter); }
    void setCloseQuestion(CloseQuestion question) { m_askClose = std::move(question); }
    void setRestoreQuestion(RestoreQuestion question) { m_askRestore = std::move(question); }
    bool askRestore(int count) const { return m_askRestore(count); }
    void reportError(const QString &title, const QString &message) const { m_reportError(title, message); }

    // File › Export: preview, choose, write. True when something was written.
    bool exportFiles();

protected:
    // Closing the window with edits that are not exported asks first.
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    CloseChoice askCloseWithDialog();
    ExportChoice chooseWithDialog(const QString &folder, const QString &diff);
    ReloadChoice askReloadWithDialog();
    bool askRestoreWithDialog(int count);
    void onChangedOnDiskWhileModified();
    void reportErrorWithDialog(const QString &title, const QString &message);
    void showMessage(const QString &message);

    QMainWindow *m_window;
    GraphPanel *m_graphPanel;
    Document *m_document;
    WeightEditor *m_weightEditor;
    YamlPane *m_yamlPane;
    QDockWidget *m_weightDock;
    QDockWidget *m_yamlDock;
    QAction *m_exportAction;
    ExportChooser m_chooseExport;
    ReloadQuestion m_askReload;
    ErrorReporter m_reportError;
    CloseQuestion m_askClose;
    RestoreQuestion m_askRestore;
};

} // namespace meshlane::ui
