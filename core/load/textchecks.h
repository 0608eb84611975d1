// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace meshlane {

// Cheap checks run on raw bytes before a YAML parser sees them.
namespace textchecks {

// Returns an empty string when `text` is valid UTF-8 with no NUL byte and
// no control character YAML forbids (all C0 but tab, LF and CR; DEL; C1
// but NEL; U+FFFE, U+FFFF); otherwise a reason ("binary file (NUL byte)").
std::string nonTextReason(const std::string &text, int *line);

// True when the text holds nothing but whitespace and comments.
bool isBlankOrComments(const std::string &text);

// An upper estimate of YAML nesting depth (block indentation levels, "- "
// prefixes and flow brackets), with the line where it peaks. yaml-cpp recurses
// per level and fails with a misleading message (or worse) on deep input.
int nestingDepth(const std::string &text, int *deepestLine);

// Two shapes of text yaml-cpp 0.7 mishandles, found in one scan.
struct SyntaxTraps
{
    // yaml-cpp 0.7 allocates without bound on some misplaced ',' (a typo like
    // `,piVersion:` or `"a", b` at document level). In block context a ','
    // may only stand inside a plain scalar or a flow collection: the 1-based
    // line of the first ',' anywhere else, or 0. The scan stops there.
    int strayCommaLine = 0;
    // A quoted scalar whose closing quote never comes (before the end of the
    // text or a document marker): yaml-cpp 0.7 reads it to the end and loads
    // nonsense, Kubernetes' decoder refuses the file. The 1-based line where
    // the quote opened, or 0.
    int unterminatedQuoteLine = 0;
};
SyntaxTraps findSyntaxTraps(const std::string &text);

} // namespace textchecks
} // namespace meshlane
