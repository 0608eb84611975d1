// SPDX-License-Identifier: MIT
#include "yaml/diffhighlighter.h"

namespace meshlane::ui {

DiffHighlighter::DiffHighlighter(QTextDocument *parent)
    : QSyntaxHighlighter(parent)
{
    m_added.setForeground(QColor(0x1e, 0x4f, 0x18));
    m_added.setBackground(addedBackground());
    m_removed.setForeground(QColor(0x7d, 0x10, 0x07));
    m_removed.setBackground(removedBackground());
    m_hunk.setForeground(QColor(0x6b, 0x35, 0xa6));
    m_file.setFontWeight(QFont::Bold);
}

void DiffHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(QStringLiteral("+++ ")) || text.startsWith(QStringLiteral("--- "))
        || text.startsWith(QStringLiteral("diff ")))
        setFormat(0, int(text.size()), m_file);
    else if (text.startsWith(QStringLiteral("@@")))
        setFormat(0, int(text.size()), m_hunk);
    else if (text.startsWith(u'+'))
        setFormat(0, int(text.size()), m_added);
    else if (text.startsWith(u'-'))
        setFormat(0, int(text.size()), m_removed);
}

} // namespace meshlane::ui
