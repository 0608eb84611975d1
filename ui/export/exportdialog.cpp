// SPDX-License-Identifier: MIT
#include "export/exportdialog.h"

#include "widgets/appearance.h"
#include "yaml/diffhighlighter.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace meshlane::ui {

int ExportDialog::changedFiles(const QString &diff)
{
    int files = 0;
    for (const QStringView line : QStringView(diff).split(u'\n')) {
        if (line.startsWith(u"+++ "))
            ++files;
    }
    return files;
}

ExportDialog::ExportDialog(const QString &folder, const QString &diff, QWidget *parent)
    : QDialog(parent)
    , m_summary(new QLabel(this))
    , m_diff(new QPlainTextEdit(this))
    , m_export(new QPushButton(this))
    , m_toFolder(new QPushButton(this))
    , m_cancel(new QPushButton(this))
{
    setWindowTitle(tr("Export"));
    resize(760, 520);
    const int files = changedFiles(diff);
    m_summary->setWordWrap(true);
    m_summary->setText(files == 0 ? tr("Nothing to write: the files in %1 already say this.")
                                        .arg(QDir::toNativeSeparators(folder))
                                  : tr("%n file(s) in %1 will change:", nullptr, files).arg(QDir::toNativeSeparators(folder)));
    m_diff->setReadOnly(true);
    m_diff->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_diff->setFont(monospaceFont());
    m_diff->setPlainText(diff);
    new DiffHighlighter(m_diff->document());
    m_export->setText(tr("&Export"));
    m_export->setToolTip(tr("Write the changes into the files they came from"));
    m_export->setDefault(true);
    m_export->setEnabled(files > 0);
    m_toFolder->setText(tr("Export to &Folder\u2026"));
    m_toFolder->setToolTip(tr("Write a copy of the whole folder, with the changes, somewhere else"));
    m_cancel->setText(tr("Cancel"));

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_toFolder, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_diff, 1);
    layout->addWidget(buttons);

    connect(m_export, &QPushButton::clicked, this, [this] {
        m_choice = Choice::InPlace;
        accept();
    });
    connect(m_toFolder, &QPushButton::clicked, this, [this] {
        m_choice = Choice::ToFolder;
        accept();
    });
    connect(m_cancel, &QPushButton::clicked, this, &QDialog::reject);
}

} // namespace meshlane::ui
