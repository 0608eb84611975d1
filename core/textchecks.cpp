#include "textchecks.h"

#include <string_view>
#include <vector>

namespace meshlane::textchecks {

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

// Skips node properties (`!tag`, `&anchor`) and the blanks after them: yaml-cpp
// also loops on `!, x` at the top of a document.
size_t firstAfterProperties(std::string_view content, size_t at)
{
    while (at < content.size() && (content[at] == '!' || content[at] == '&')) {
        while (at < content.size() && content[at] != ' ' && content[at] != '\t' && content[at] != ',')
            ++at;
        while (at < content.size() && (content[at] == ' ' || content[at] == '\t'))
            ++at;
    }
    return at < content.size() ? at : content.size() - 1;
}

} // namespace

int leadingCommaLine(const std::string &text)
{
    // A line-leading ',' outside flow collections, block scalars and quoted
    // strings is never valid YAML, except as the continuation of a multi-line
    // plain scalar, which must be indented deeper than the line it continues.
    int previousIndent = -1; // indent of the last content line; -1 at a document start
    int blockScalarParent = -1; // >= 0 while inside a | or > block scalar
    int flow = 0;
    char quote = 0;
    int line = 0;
    size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    while (start <= text.size()) {
        ++line;
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string_view content(text.data() + start, end - start);
        start = end + 1;
        if (!content.empty() && content.back() == '\r')
            content.remove_suffix(1);
        const size_t firstChar = content.find_first_not_of(" \t");
        const int indent = firstChar == std::string_view::npos ? -1 : int(firstChar);
        if (blockScalarParent >= 0) {
            if (indent < 0 || indent > blockScalarParent)
                continue;
            blockScalarParent = -1;
        }
        if (quote == 0 && flow == 0) {
            if (indent < 0 || content[size_t(indent)] == '#')
                continue;
            const auto isMarker = [&content](const char *marker) {
                return content.substr(0, 3) == marker && (content.size() == 3 || content[3] == ' ' || content[3] == '\t');
            };
            if (isMarker("---") || isMarker("...")) {
                previousIndent = -1;
                const size_t next = content.find_first_not_of(" \t", 3);
                if (next == std::string_view::npos || content[next] == '#')
                    continue;
                if (content[next] == ',')
                    return line;
            } else if (content[0] == '%' && previousIndent < 0) {
                continue; // a directive
            } else if (content[firstAfterProperties(content, size_t(indent))] == ','
                       && (previousIndent < 0 || indent <= previousIndent)) {
                return line;
            }
            previousIndent = indent;
        }
        // Track quotes and flow brackets to the end of the line. A quote only
        // opens a string at the start of a token (`it's` is a plain scalar).
        bool lastSignificant = false; // inside a token
        for (size_t i = 0; i < content.size(); ++i) {
            const char c = content[i];
            if (quote == '"') {
                if (c == '\\')
                    ++i;
                else if (c == '"')
                    quote = 0;
                continue;
            }
            if (quote == '\'') {
                if (c == '\'')
                    quote = 0; // '' re-opens on the next character: same result
                continue;
            }
            if ((c == '"' || c == '\'') && !lastSignificant) {
                quote = c;
                continue;
            }
            if (c == '#' && (i == 0 || content[i - 1] == ' ' || content[i - 1] == '\t'))
                break;
            if (c == '[' || c == '{')
                ++flow;
            else if ((c == ']' || c == '}') && flow > 0)
                --flow;
            lastSignificant = !(c == ' ' || c == '\t' || c == '[' || c == '{' || c == ',' || c == ':' || c == '-');
        }
        if (quote == 0 && flow == 0) {
            // A block scalar header (`key: |`, `- >-`, `|2`) ends the line.
            std::string_view trimmed = content;
            const size_t comment = trimmed.find(" #");
            if (comment != std::string_view::npos)
                trimmed = trimmed.substr(0, comment);
            while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
                trimmed.remove_suffix(1);
            size_t k = trimmed.size();
            while (k > 0 && (trimmed[k - 1] == '+' || trimmed[k - 1] == '-' || (trimmed[k - 1] >= '0' && trimmed[k - 1] <= '9')))
                --k;
            if (k > 0 && (trimmed[k - 1] == '|' || trimmed[k - 1] == '>')
                && (k == 1 || trimmed[k - 2] == ' ' || trimmed[k - 2] == '\t'))
                blockScalarParent = indent;
        }
        if (end == text.size())
            break;
    }
    return 0;
}

} // namespace meshlane::textchecks
