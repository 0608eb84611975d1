// SPDX-License-Identifier: MIT
#pragma once

#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace meshlane::ui {

// Colours block-style YAML as kubectl writes it: mapping keys, quoted and
// plain string values, numbers, booleans and null, comments, and the `---`
// between documents. Line by line: the canonical writer never spans a scalar
// over several lines in a way that would need more.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *parent);

    // Where a comment starts in `line` (-1: none): a '#' at the start or after
    // a space, outside quotes.
    static int commentStart(const QString &line);

protected:
    void highlightBlock(const QString &text) override;

private:
    void highlightValue(const QString &text, int start, int end);

    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_keyword;
    QTextCharFormat m_comment;
    QTextCharFormat m_punctuation;
};

} // namespace meshlane::ui
