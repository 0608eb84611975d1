// SPDX-License-Identifier: MIT
#include "yaml/yamltext.h"

#include <algorithm>
#include <cstring>

namespace meshlane {

namespace {

bool isBlank(char c)
{
    return c == ' ' || c == '\t';
}

bool isBreak(char c)
{
    return c == '\n' || c == '\r';
}

bool isFlowIndicator(char c)
{
    return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

bool isAnchorChar(char c)
{
    return !isBlank(c) && !isBreak(c) && !isFlowIndicator(c);
}

} // namespace

YamlText::YamlText(const std::string &text)
    : m_text(text)
{
    if (m_text.rfind("\xEF\xBB\xBF", 0) == 0)
        m_bom = 3;
    m_lineStarts.push_back(0);
    for (size_t i = 0; i < m_text.size(); ++i) {
        if (m_text[i] == '\n') {
            m_lineStarts.push_back(i + 1);
            if (i > 0 && m_text[i - 1] == '\r')
                m_crlf = true;
        }
    }
}

size_t YamlText::offsetOf(const YAML::Node &node) const
{
    // Line and column, not Mark::pos: a document parsed on its own (padded
    // with line breaks to its place in the file) has the right lines and
    // columns but not the right byte positions. yaml-cpp counts lines at '\n'
    // and columns in bytes, not counting a byte order mark.
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0 || mark.line >= lineCount())
        return std::string::npos;
    const size_t offset = lineStart(mark.line) + size_t(mark.column) + (mark.line == 0 ? m_bom : 0);
    return std::min(offset, m_text.size());
}

int YamlText::lineOf(size_t offset) const
{
    const auto it = std::upper_bound(m_lineStarts.begin(), m_lineStarts.end(), offset);
    return int(it - m_lineStarts.begin()) - 1;
}

size_t YamlText::lineEnd(int line) const
{
    size_t end = nextLineStart(line);
    if (end > lineStart(line) && m_text[end - 1] == '\n')
        --end;
    if (end > lineStart(line) && m_text[end - 1] == '\r')
        --end;
    return end;
}

size_t YamlText::nextLineStart(int line) const
{
    return size_t(line + 1) < m_lineStarts.size() ? m_lineStarts[size_t(line) + 1] : m_text.size();
}

int YamlText::indentOf(int line) const
{
    const size_t start = lineStart(line);
    const size_t end = lineEnd(line);
    size_t i = start;
    while (i < end && m_text[i] == ' ')
        ++i;
    if (i == end || m_text[i] == '#')
        return -1;
    if (m_text[i] == '\t') { // tabs may pad blank lines and comments, never indent content
        const size_t next = skipBlanks(i);
        if (next == end || m_text[next] == '#')
            return -1;
    }
    return int(i - start);
}

int YamlText::commentColumn(int line) const
{
    const size_t start = lineStart(line);
    const size_t i = skipBlanks(start);
    return i < lineEnd(line) && m_text[i] == '#' ? int(i - start) : -1;
}

bool YamlText::isDashLine(int line) const
{
    const int indent = indentOf(line);
    if (indent < 0)
        return false;
    const size_t i = lineStart(line) + size_t(indent);
    if (m_text[i] != '-')
        return false;
    return i + 1 >= lineEnd(line) || isBlank(m_text[i + 1]);
}

bool YamlText::isDocumentMarker(int line) const
{
    return isDocumentMarkerLine(std::string_view(m_text).substr(lineStart(line), lineEnd(line) - lineStart(line)));
}

bool YamlText::isDocumentMarkerLine(std::string_view line)
{
    while (!line.empty() && isBreak(line.back()))
        line.remove_suffix(1);
    if (line.size() < 3 || (line.substr(0, 3) != "---" && line.substr(0, 3) != "..."))
        return false;
    return line.size() == 3 || isBlank(line[3]);
}

size_t YamlText::skipBlanks(size_t offset) const
{
    while (offset < m_text.size() && isBlank(m_text[offset]))
        ++offset;
    return offset;
}

size_t YamlText::skipWhitespace(size_t offset) const
{
    while (offset < m_text.size()) {
        const char c = m_text[offset];
        if (isBlank(c) || isBreak(c)) {
            ++offset;
        } else if (c == '#' && (offset == 0 || isBlank(m_text[offset - 1]) || isBreak(m_text[offset - 1]))) {
            while (offset < m_text.size() && m_text[offset] != '\n')
                ++offset;
        } else {
            break;
        }
    }
    return offset;
}

size_t YamlText::skipProperties(size_t offset, std::string *anchor) const
{
    while (offset < m_text.size() && (m_text[offset] == '&' || m_text[offset] == '!')) {
        const size_t start = offset;
        while (offset < m_text.size() && isAnchorChar(m_text[offset]))
            ++offset;
        if (m_text[start] == '&' && anchor)
            *anchor = m_text.substr(start + 1, offset - start - 1);
        offset = skipWhitespace(offset);
    }
    return offset;
}

size_t YamlText::scalarEnd(size_t offset, bool flowContext, int parentColumn) const
{
    if (offset >= m_text.size())
        return offset;
    const char first = m_text[offset];
    if (first == '"') {
        for (size_t i = offset + 1; i < m_text.size(); ++i) {
            if (m_text[i] == '\\')
                ++i;
            else if (m_text[i] == '"')
                return i + 1;
        }
        return m_text.size();
    }
    if (first == '\'') {
        for (size_t i = offset + 1; i < m_text.size(); ++i) {
            if (m_text[i] == '\'') {
                if (i + 1 < m_text.size() && m_text[i + 1] == '\'')
                    ++i;
                else
                    return i + 1;
            }
        }
        return m_text.size();
    }
    if ((first == '|' || first == '>') && !flowContext) {
        const int line = lineOf(offset);
        const size_t end = blockEnd(line, std::max(parentColumn, 0), Continue::Deeper);
        // Up to the last content character, so what follows keeps its line break.
        size_t trimmed = end;
        while (trimmed > offset && isBreak(m_text[trimmed - 1]))
            --trimmed;
        return trimmed;
    }
    if (first == '*') {
        size_t i = offset + 1;
        while (i < m_text.size() && isAnchorChar(m_text[i]))
            ++i;
        return i;
    }
    size_t i = offset;
    size_t lastContent = offset;
    while (i < m_text.size() && !isBreak(m_text[i])) {
        const char c = m_text[i];
        if (c == '#' && i > offset && isBlank(m_text[i - 1]))
            break;
        if (c == ':' && (i + 1 >= m_text.size() || isBlank(m_text[i + 1]) || isBreak(m_text[i + 1])
                         || (flowContext && isFlowIndicator(m_text[i + 1]))))
            break;
        if (flowContext && isFlowIndicator(c))
            break;
        if (!isBlank(c))
            lastContent = i + 1;
        ++i;
    }
    return lastContent;
}

size_t YamlText::flowEnd(size_t offset) const
{
    int depth = 0;
    size_t i = offset;
    while (i < m_text.size()) {
        const char c = m_text[i];
        if (c == '"' || c == '\'') {
            i = scalarEnd(i, true);
            continue;
        }
        if (c == '#' && i > 0 && (isBlank(m_text[i - 1]) || isBreak(m_text[i - 1]))) {
            while (i < m_text.size() && m_text[i] != '\n')
                ++i;
            continue;
        }
        if (c == '[' || c == '{')
            ++depth;
        else if ((c == ']' || c == '}') && --depth == 0)
            return i + 1;
        ++i;
    }
    return m_text.size();
}

size_t YamlText::inlineValueEnd(size_t offset, bool flowContext, int parentColumn) const
{
    if (offset < m_text.size() && (m_text[offset] == '[' || m_text[offset] == '{'))
        return flowEnd(offset);
    return scalarEnd(offset, flowContext, parentColumn);
}

std::vector<std::pair<size_t, size_t>> YamlText::flowElements(size_t offset) const
{
    std::vector<std::pair<size_t, size_t>> elements;
    const size_t close = flowEnd(offset) - 1;
    size_t i = skipWhitespace(offset + 1);
    while (i < close) {
        const size_t start = i;
        size_t end = start;
        // One element: scalars and nested collections up to the next ',' at this level.
        while (i < close && m_text[i] != ',') {
            const char c = m_text[i];
            if (c == '[' || c == '{' || c == '"' || c == '\'' || c == '*') {
                i = c == '[' || c == '{' ? flowEnd(i) : scalarEnd(i, true);
                end = i;
            } else if (c == '#' && isBlank(m_text[i - 1])) {
                i = skipWhitespace(i);
            } else {
                if (!isBlank(c) && !isBreak(c))
                    end = i + 1;
                ++i;
            }
        }
        if (end > start)
            elements.emplace_back(start, end);
        if (i < close)
            i = skipWhitespace(i + 1);
    }
    return elements;
}

size_t YamlText::blockEnd(int line, int column, Continue rule) const
{
    size_t end = nextLineStart(line);
    for (int next = line + 1; next < lineCount(); ++next) {
        const int indent = indentOf(next);
        if (indent < 0)
            continue;
        if (isDocumentMarker(next))
            break;
        const bool belongs = indent > column
            || (indent == column
                && (rule == Continue::DeeperOrSame || (rule == Continue::DeeperOrDash && isDashLine(next))));
        if (!belongs)
            break;
        end = nextLineStart(next);
    }
    return end;
}

int YamlText::leadingCommentsLine(int line, int column) const
{
    int first = line;
    while (first > 0 && commentColumn(first - 1) == column)
        --first;
    return first;
}

bool YamlText::isAliasUsed(const std::string &anchor) const
{
    const std::string alias = '*' + anchor;
    for (size_t at = m_text.find(alias); at != std::string::npos; at = m_text.find(alias, at + 1)) {
        const size_t after = at + alias.size();
        if (after >= m_text.size() || !isAnchorChar(m_text[after]))
            return true;
    }
    return false;
}

} // namespace meshlane
