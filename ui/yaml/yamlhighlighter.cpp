// SPDX-License-Identifier: MIT
#include "yaml/yamlhighlighter.h"

#include <QRegularExpression>

namespace meshlane::ui {

namespace {

const QRegularExpression &keyPattern()
{
    // Indent, any "- " list markers, then a plain or quoted key and its colon.
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(\s*(?:-\s+)*)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"\-{}\[\]][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$))"));
    return pattern;
}

const QRegularExpression &numberPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^[-+]?(?:\d[\d_]*(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$|^0x[0-9a-fA-F]+$|^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$)"));
    return pattern;
}

const QRegularExpression &keywordPattern()
{
    static const QRegularExpression pattern(
        QStringLiteral(R"(^(?:true|false|True|False|TRUE|FALSE|null|Null|NULL|~|yes|no|on|off)$)"));
    return pattern;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *parent)
    : QSyntaxHighlighter(parent)
{
    // Colours readable on white and distinct for the common forms of colour blindness.
    m_key.setForeground(QColor(0x00, 0x4b, 0x95));
    m_key.setFontWeight(QFont::Bold);
    m_string.setForeground(QColor(0x3e, 0x6b, 0x1c));
    m_number.setForeground(QColor(0xa3, 0x4a, 0x00));
    m_keyword.setForeground(QColor(0x6b, 0x35, 0xa6));
    m_comment.setForeground(QColor(0x6a, 0x6e, 0x73));
    m_comment.setFontItalic(true);
    m_punctuation.setForeground(QColor(0x6a, 0x6e, 0x73));
}

int YamlHighlighter::commentStart(const QString &line)
{
    QChar quote;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (!quote.isNull()) {
            if (c == u'\\' && quote == u'"')
                ++i;
            else if (c == quote)
                quote = QChar();
        } else if (c == u'"' || c == u'\'') {
            // A quote opens a scalar only where one can start, not inside "it's".
            const bool starts = i == 0 || line[i - 1].isSpace() || line[i - 1] == u'[' || line[i - 1] == u'{'
                || line[i - 1] == u',' || line[i - 1] == u':';
            if (starts)
                quote = c;
        } else if (c == u'#' && (i == 0 || line[i - 1].isSpace())) {
            return int(i);
        }
    }
    return -1;
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    if (text.startsWith(QStringLiteral("---")) || text.startsWith(QStringLiteral("..."))) {
        setFormat(0, 3, m_punctuation);
        return;
    }
    const int comment = commentStart(text);
    const int end = comment < 0 ? int(text.size()) : comment;
    if (comment >= 0)
        setFormat(comment, int(text.size()) - comment, m_comment);
    const QString content = text.left(end);
    const QRegularExpressionMatch key = keyPattern().match(content);
    int valueStart = 0;
    if (key.hasMatch()) {
        setFormat(int(key.capturedStart(2)), int(key.capturedLength(2)), m_key);
        valueStart = int(key.capturedEnd(0));
        setFormat(valueStart - 1, 1, m_punctuation); // the colon
    } else {
        while (valueStart < end && content[valueStart].isSpace())
            ++valueStart;
        while (valueStart + 1 < end && content[valueStart] == u'-' && content[valueStart + 1].isSpace()) {
            setFormat(valueStart, 1, m_punctuation);
            valueStart += 2;
        }
    }
    highlightValue(content, valueStart, end);
}

void YamlHighlighter::highlightValue(const QString &text, int start, int end)
{
    while (start < end && text[start].isSpace())
        ++start;
    while (end > start && text[end - 1].isSpace())
        --end;
    if (start >= end)
        return;
    const QString value = text.mid(start, end - start);
    if (value.startsWith(u'"') || value.startsWith(u'\''))
        setFormat(start, end - start, m_string);
    else if (numberPattern().match(value).hasMatch())
        setFormat(start, end - start, m_number);
    else if (keywordPattern().match(value).hasMatch())
        setFormat(start, end - start, m_keyword);
    else if (value == u'|' || value == u'>' || value == QStringLiteral("|-") || value == QStringLiteral(">-")
             || value == u'{' || value == QStringLiteral("[]") || value == QStringLiteral("{}"))
        setFormat(start, end - start, m_punctuation);
    else
        setFormat(start, end - start, m_string); // a plain scalar is a string too
}

} // namespace meshlane::ui
