// SPDX-License-Identifier: MIT
#include "load/textchecks.h"

#include "yaml/yamltext.h"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <vector>

namespace meshlane::textchecks {

namespace {

std::string controlCharacterReason(unsigned int codepoint)
{
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", codepoint);
    return std::string("control character ") + name + " (YAML allows none; kubectl refuses the file)";
}

} // namespace

std::string nonTextReason(const std::string &text, int *line)
{
    int currentLine = 1;
    const auto *bytes = reinterpret_cast<const unsigned char *>(text.data());
    const size_t size = text.size();
    for (size_t i = 0; i < size;) {
        const unsigned char c = bytes[i];
        if (c == '\n')
            ++currentLine;
        if (c == 0) {
            *line = currentLine;
            return "binary file (NUL byte)";
        }
        // YAML allows no C0 control but tab, line feed and carriage return, and go-yaml (so kubectl)
        // refuses them; yaml-cpp can loop on one (fuzz_loader: a tag holding a backspace).
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) {
            *line = currentLine;
            return controlCharacterReason(c);
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int extra = 0;
        unsigned int minimum = 0;
        unsigned int codepoint = 0;
        if ((c & 0xE0) == 0xC0) { extra = 1; codepoint = c & 0x1F; minimum = 0x80; }
        else if ((c & 0xF0) == 0xE0) { extra = 2; codepoint = c & 0x0F; minimum = 0x800; }
        else if ((c & 0xF8) == 0xF0) { extra = 3; codepoint = c & 0x07; minimum = 0x10000; }
        else {
            *line = currentLine;
            return "not UTF-8 text (invalid byte)";
        }
        for (int k = 1; k <= extra; ++k) {
            if (i + size_t(k) >= size || (bytes[i + size_t(k)] & 0xC0) != 0x80) {
                *line = currentLine;
                return "not UTF-8 text (invalid sequence)";
            }
            codepoint = (codepoint << 6) | (bytes[i + size_t(k)] & 0x3F);
        }
        if (codepoint < minimum || codepoint > 0x10FFFF || (codepoint >= 0xD800 && codepoint <= 0xDFFF)) {
            *line = currentLine;
            return "not UTF-8 text (invalid code point)";
        }
        if ((codepoint >= 0x80 && codepoint <= 0x9F && codepoint != 0x85) || codepoint == 0xFFFE
            || codepoint == 0xFFFF) { // not printable in YAML either
            *line = currentLine;
            return controlCharacterReason(codepoint);
        }
        i += size_t(extra) + 1;
    }
    return {};
}

bool isBlankOrComments(const std::string &text)
{
    bool lineStart = true;
    bool inComment = false;
    for (char c : text) {
        if (c == '\n') {
            lineStart = true;
            inComment = false;
            continue;
        }
        if (inComment || c == ' ' || c == '\t' || c == '\r')
            continue;
        if (c == '#') {
            inComment = true;
            continue;
        }
        // A bare document marker still means "no content".
        (void)lineStart;
        if (c == '-' || c == '.')
            continue;
        return false;
    }
    return true;
}

int nestingDepth(const std::string &text, int *deepestLine)
{
    std::vector<int> indents; // block indentation levels currently open
    int deepest = 0;
    int flow = 0;
    int line = 1;
    *deepestLine = 1;
    size_t i = 0;
    const size_t size = text.size();
    while (i < size) {
        // Measure indentation, then "- " sequence prefixes, on each new line.
        int indent = 0;
        while (i < size && text[i] == ' ') { ++indent; ++i; }
        int dashes = 0;
        while (i + 1 < size && text[i] == '-' && text[i + 1] == ' ') {
            ++dashes;
            i += 2;
            while (i < size && text[i] == ' ') ++i;
        }
        const bool blank = i >= size || text[i] == '\n' || text[i] == '#' || text[i] == '\r';
        if (!blank && flow == 0) {
            while (!indents.empty() && indents.back() >= indent)
                indents.pop_back();
            indents.push_back(indent);
        }
        char quote = 0;
        for (; i < size && text[i] != '\n'; ++i) {
            const char c = text[i];
            if (quote) {
                if (c == quote) quote = 0;
                continue;
            }
            if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || text[i - 1] == ' ')) {
                while (i < size && text[i] != '\n') ++i;
                break;
            } else if (c == '[' || c == '{') {
                ++flow;
            } else if ((c == ']' || c == '}') && flow > 0) {
                --flow;
            }
            const int depth = int(indents.size()) + dashes + flow;
            if (depth > deepest) {
                deepest = depth;
                *deepestLine = line;
            }
        }
        const int depth = int(indents.size()) + dashes + flow;
        if (depth > deepest) {
            deepest = depth;
            *deepestLine = line;
        }
        ++i; // past '\n'
        ++line;
    }
    return deepest;
}

namespace {

// Scans YAML lines in block context just far enough to tell whether a ','
// stands outside any scalar. Only plain scalars and flow collections may hold
// a ',' in block context; anywhere else it is a syntax error, and yaml-cpp 0.7
// turns some of those errors (at document level) into unbounded allocation.
class StrayCommaScanner
{
public:
    // Returns false when `content` (one line, no newline) has a stray ','.
    bool scanLine(std::string_view content)
    {
        ++m_lineNumber;
        m_line = content;
        m_pos = 0;
        const size_t first = content.find_first_not_of(" \t");
        const int indent = first == std::string_view::npos ? -1 : int(first);
        if (m_blockScalarParent >= 0) {
            if (indent < 0 || indent > m_blockScalarParent)
                return true;
            m_blockScalarParent = -1;
        }
        if (m_quote) {
            if (!finishQuoted())
                return true;
            return afterNode();
        }
        if (m_flow > 0)
            return inFlow();
        if (indent < 0)
            return true;
        if (content[first] == '#') {
            m_plainOpen = false; // a comment line ends a multi-line plain scalar
            return true;
        }
        if (YamlText::isDocumentMarkerLine(m_line)) {
            m_plainOpen = false;
            m_owner = -1;
            m_pos = 3;
            return tokenStart(0);
        }
        if (content[0] == '%') {
            // yaml-cpp reads a directive at column 0 anywhere, and it ends
            // the node before it: a ',' on the next line is not inside it.
            m_plainOpen = false;
            m_owner = -1;
            return true;
        }
        // A deeper line after an open plain scalar continues it (`a: b` / `  ,c`).
        if (m_plainOpen && indent > m_plainParent) {
            // Unless it holds a `: `, which ends the scalar (yaml-cpp then reads
            // a key and can fall back to document level).
            m_pos = first;
            return plainScalar(indent, true);
        }
        m_plainOpen = false;
        m_owner = -1;
        m_pos = first;
        return tokenStart(indent);
    }

    // The quote of a quoted scalar still open after the lines scanned so far
    // (0 when none), and the 1-based line where it opened.
    char openQuote() const { return m_quote; }
    int quoteOpenedAt() const { return m_quoteOpenedAt; }

private:
    bool atEnd() const { return m_pos >= m_line.size(); }
    char peek(size_t ahead = 0) const { return m_pos + ahead < m_line.size() ? m_line[m_pos + ahead] : '\0'; }
    static bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\0'; }
    void skipBlanks()
    {
        while (!atEnd() && (m_line[m_pos] == ' ' || m_line[m_pos] == '\t'))
            ++m_pos;
    }

    bool tokenStart(int indent)
    {
        for (;;) {
            skipBlanks();
            if (atEnd() || peek() == '#')
                return true;
            const char c = peek();
            if ((c == '-' || c == '?' || c == ':') && isBlank(peek(1))) {
                m_owner = c == ':' ? m_tokenColumn : int(m_pos);
                m_pos += 1;
                indent = int(m_pos);
                continue;
            }
            if (c == '!' || c == '&' || c == '*') {
                while (!atEnd() && !isBlank(peek()) && peek() != ',')
                    ++m_pos;
                if (c == '*')
                    return afterNode();
                continue;
            }
            if (c == ',')
                return false;
            m_tokenColumn = int(m_pos);
            if (c == '"' || c == '\'') {
                m_quote = c;
                m_quoteOpenedAt = m_lineNumber;
                ++m_pos;
                if (!finishQuoted())
                    return true;
                return afterNode();
            }
            if (c == '[' || c == '{')
                return inFlow();
            if (c == '|' || c == '>') {
                m_blockScalarParent = std::max(0, indent - 1);
                return true;
            }
            return plainScalar(indent, false);
        }
    }

    bool plainScalar(int indent, bool continuation)
    {
        for (; !atEnd(); ++m_pos) {
            const char c = peek();
            if (c == ':' && isBlank(peek(1))) {
                m_plainOpen = false;
                m_owner = m_tokenColumn;
                ++m_pos;
                return tokenStart(indent);
            }
            if (c == '#' && m_pos > 0 && (m_line[m_pos - 1] == ' ' || m_line[m_pos - 1] == '\t')) {
                m_plainOpen = false; // nor can it go on after a comment
                return true;
            }
        }
        // The scalar may go on below, indented deeper than the node that owns
        // it: its key or dash, or (a top-level scalar) anything at all.
        if (!continuation) {
            m_plainOpen = true;
            m_plainParent = m_owner >= 0 ? m_owner : m_tokenColumn - 1;
        }
        return true;
    }

    // Consumes the rest of a quoted scalar; false when it goes on next line.
    bool finishQuoted()
    {
        for (; !atEnd(); ++m_pos) {
            const char c = peek();
            if (m_quote == '"' && c == '\\') {
                ++m_pos;
            } else if (c == m_quote) {
                if (m_quote == '\'' && peek(1) == '\'') {
                    ++m_pos; // '' is an escaped quote
                    continue;
                }
                m_quote = 0;
                ++m_pos;
                return true;
            }
        }
        return false;
    }

    bool afterNode()
    {
        skipBlanks();
        if (atEnd() || peek() == '#')
            return true;
        if (peek() == ',')
            return false;
        if (peek() == ':' && isBlank(peek(1))) {
            m_owner = m_tokenColumn;
            ++m_pos;
        }
        // Anything else after a node is a syntax error yaml-cpp reports
        // itself; keep scanning for a ',' behind it.
        return tokenStart(int(m_pos));
    }

    bool inFlow()
    {
        for (; !atEnd(); ++m_pos) {
            const char c = peek();
            if (m_quote) {
                if (!finishQuoted())
                    return true;
                --m_pos;
                continue;
            }
            if (c == '"' || c == '\'') {
                m_quote = c;
                m_quoteOpenedAt = m_lineNumber;
            } else if (c == '#' && m_pos > 0 && isBlank(m_line[m_pos - 1])) {
                return true;
            } else if (c == '[' || c == '{') {
                ++m_flow;
            } else if (c == ']' || c == '}') {
                if (m_flow > 0 && --m_flow == 0) {
                    ++m_pos;
                    return afterNode();
                }
            }
        }
        return true;
    }

    std::string_view m_line;
    size_t m_pos = 0;
    int m_flow = 0;
    char m_quote = 0;
    int m_quoteOpenedAt = 0;
    int m_lineNumber = 0;
    int m_blockScalarParent = -1; // >= 0 inside a | or > block scalar
    bool m_plainOpen = false;     // a plain scalar may continue on the next line
    int m_plainParent = -1;       // ... on lines indented deeper than this
    int m_owner = -1;             // column of the key or dash owning the next value
    int m_tokenColumn = 0;        // column where the current token started
};

} // namespace

SyntaxTraps findSyntaxTraps(const std::string &text)
{
    // One scan for both: the scanner's state on a line is the same either way.
    SyntaxTraps traps;
    StrayCommaScanner scanner;
    int line = 0;
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start <= text.size()) {
        ++line;
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view content(text.data() + start, end - start);
        if (!content.empty() && content.back() == '\r')
            content.remove_suffix(1);
        // A document marker cannot stand inside a quoted scalar: the quote
        // was never closed (go-yaml stops there too).
        if (!traps.unterminatedQuoteLine && scanner.openQuote() && YamlText::isDocumentMarkerLine(content))
            traps.unterminatedQuoteLine = scanner.quoteOpenedAt();
        if (!scanner.scanLine(content)) {
            traps.strayCommaLine = line;
            return traps;
        }
        start = end + 1;
    }
    if (!traps.unterminatedQuoteLine && scanner.openQuote())
        traps.unterminatedQuoteLine = scanner.quoteOpenedAt();
    return traps;
}

} // namespace meshlane::textchecks
