// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace meshlane::ui {

// Colours a unified diff: added lines green, removed lines red, hunk headers
// and file headers set apart.
class DiffHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit DiffHighlighter(QTextDocument *parent);

    static QColor addedBackground() { return {0xe6, 0xf4, 0xe1}; }
    static QColor removedBackground() { return {0xfd, 0xe6, 0xe4}; }

protected:
    void highlightBlock(const QString &text) override;

private:
    QTextCharFormat m_added;
    QTextCharFormat m_removed;
    QTextCharFormat m_hunk;
    QTextCharFormat m_file;
};

} // namespace meshlane::ui
