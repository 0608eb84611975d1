// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace meshlane {

// A change to one source file: `length` bytes at `offset` become `replacement`.
// An edit to a file the mesh does not have creates it (offset 0, length 0).
struct TextEdit
{
    std::string file; // relative to Mesh::rootPath, '/' separated
    size_t offset = 0;
    size_t length = 0;
    std::string replacement;

    bool operator==(const TextEdit &) const = default;
};

// Sorts edits by file, then offset (insertions before a replacement that starts
// at the same offset; insertions at one offset keep their order). False when two
// edits of one file overlap: they would not mean the same thing in either order.
bool sortTextEdits(std::vector<TextEdit> &edits);

// Applies the edits of `file` (sorted, non-overlapping) to `text`.
std::string applyTextEdits(const std::string &text, const std::vector<TextEdit> &edits, const std::string &file);

// The edits that turn the result of applying `edits` (sorted) back into the
// original texts (by file; a missing file counts as empty): each replaced
// range, seen in the new text, gets its old bytes back.
std::vector<TextEdit> invertTextEdits(const std::vector<TextEdit> &edits,
                                      const std::map<std::string, std::string> &originalTexts);

// The one edit that turns `before` into `after` (the bytes between their
// common prefix and suffix), or nullopt when they are equal: for reaching a
// text known whole, such as a rehearsed step's, with the fewest bytes moved.
std::optional<TextEdit> textEditBetween(const std::string &file, const std::string &before, const std::string &after);

} // namespace meshlane
