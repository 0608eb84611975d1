// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace meshlane {

// Byte-level reading of a YAML file's text: where nodes start and end, how
// lines are indented. yaml-cpp gives a node's start (its Mark) but never its
// end; the ends are found here by YAML's own rules (quotes, flow brackets,
// block indentation).
class YamlText
{
public:
    explicit YamlText(const std::string &text);

    const std::string &text() const { return m_text; }
    std::string newline() const { return m_crlf ? "\r\n" : "\n"; }

    // Where yaml-cpp says `node` starts: its anchor or tag when it has one.
    size_t offsetOf(const YAML::Node &node) const;

    int lineCount() const { return int(m_lineStarts.size()); }
    int lineOf(size_t offset) const;
    int columnOf(size_t offset) const { return int(offset - lineStart(lineOf(offset))); }
    size_t lineStart(int line) const { return m_lineStarts[size_t(line)]; }
    size_t lineEnd(int line) const;       // where its line break starts (or the end of the text)
    size_t nextLineStart(int line) const; // after its line break (or the end of the text)
    bool endsWithNewline() const { return !m_text.empty() && m_text.back() == '\n'; }

    // Spaces before the first character; -1 for blank and comment-only lines.
    int indentOf(int line) const;
    // Column of the '#' of a comment-only line, -1 otherwise.
    int commentColumn(int line) const;
    // A "- item" line (not "---").
    bool isDashLine(int line) const;
    // "---" or "..." at column 0.
    bool isDocumentMarker(int line) const;
    // The same for one line's text (its line break, if any, included or not).
    static bool isDocumentMarkerLine(std::string_view line);

    size_t skipBlanks(size_t offset) const; // spaces and tabs
    // Skips whitespace, line breaks and comments.
    size_t skipWhitespace(size_t offset) const;
    // Skips `&anchor` and `!tag` and the whitespace after them; `anchor` gets the name.
    size_t skipProperties(size_t offset, std::string *anchor = nullptr) const;

    // End of the scalar or alias starting at `offset` (a quote, `*`, or the
    // first character of a plain scalar). Plain scalars end before " #", a line
    // break or ": " (and, in flow context, before , [ ] { }). Block scalars
    // (| and >) need `parentColumn`: their text is what is indented deeper.
    size_t scalarEnd(size_t offset, bool flowContext, int parentColumn = -1) const;
    // After the bracket that closes the flow collection opened at `offset`.
    size_t flowEnd(size_t offset) const;
    // End of any value starting at `offset` that is not a block collection.
    size_t inlineValueEnd(size_t offset, bool flowContext, int parentColumn) const;

    // The elements of the flow collection opened at `offset`, as [start, end)
    // ranges (for a mapping, each range is a whole `key: value`).
    std::vector<std::pair<size_t, size_t>> flowElements(size_t offset) const;

    enum class Continue {
        Deeper,        // lines indented more than `column` (a list item's content)
        DeeperOrDash,  // ... or "- " lines at `column` (a list; a key's value)
        DeeperOrSame,  // ... or any line at `column` (a mapping's keys)
    };
    // After the line break of the last content line that belongs to a block
    // starting on `line`; comment and blank lines after it are not included.
    size_t blockEnd(int line, int column, Continue rule) const;
    // The first of the comment lines at exactly `column` directly above `line`
    // (no blank line between): they describe what follows, so they move with it.
    int leadingCommentsLine(int line, int column) const;

    // True when `*name` occurs anywhere in the text.
    bool isAliasUsed(const std::string &anchor) const;

private:
    std::string m_text;
    std::vector<size_t> m_lineStarts;
    size_t m_bom = 0;
    bool m_crlf = false;
};

} // namespace meshlane
