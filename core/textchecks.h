#pragma once

#include <string>

namespace meshlane {

// Cheap checks run on raw bytes before a YAML parser sees them.
namespace textchecks {

// Returns an empty string when `text` is valid UTF-8 with no NUL byte;
// otherwise a reason ("binary file (NUL byte at line 3)").
std::string nonTextReason(const std::string &text, int *line);

// True when the text holds nothing but whitespace and comments.
bool isBlankOrComments(const std::string &text);

// An upper estimate of YAML nesting depth (block indentation levels, "- "
// prefixes and flow brackets), with the line where it peaks. yaml-cpp recurses
// per level and fails with a misleading message (or worse) on deep input.
int nestingDepth(const std::string &text, int *deepestLine);

// yaml-cpp 0.7 allocates without bound when a document's first token is a
// ',' (e.g. a typo turning `apiVersion:` into `,piVersion:`). Returns the
// 1-based line of such a document start, or 0 when there is none.
int leadingCommaLine(const std::string &text);

} // namespace textchecks
} // namespace meshlane
