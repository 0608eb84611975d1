// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace meshlane::ui {

// File › Export: shows what will change on disk as a unified diff before
// anything is written. The user exports in place, picks another folder, or
// cancels; the dialog itself writes nothing.
class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    enum class Choice { Cancel, InPlace, ToFolder };

    ExportDialog(const QString &folder, const QString &diff, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }
    QPlainTextEdit *diffView() const { return m_diff; }
    QPushButton *exportButton() const { return m_export; }
    QPushButton *exportToFolderButton() const { return m_toFolder; }

    // How many files the diff changes ("+++ " headers).
    static int changedFiles(const QString &diff);

private:
    QLabel *m_summary;
    QPlainTextEdit *m_diff;
    QPushButton *m_export;
    QPushButton *m_toFolder;
    QPushButton *m_cancel;
    Choice m_choice = Choice::Cancel;
};

} // namespace meshlane::ui
