// SPDX-License-Identifier: MIT
#pragma once

#include "base/result.h"
#include "model/mesh.h"
#include "yaml/textedit.h"

#include <cstddef>
#include <string>
#include <vector>

namespace meshlane {

// Unsaved work kept as the edits that made it, so that it survives a crash
// and can be re-applied to files that changed on disk meanwhile.
//
// Each operation is one undo step: per file it touched, the one span that
// changed, with the bytes around it as they were. Re-applying finds the span
// where it was when those bytes still read the same there, else at the one
// place they occur; an operation applies whole or not at all. Context makes
// the journal small (a drag is a few hundred bytes, not the files) and lets
// an edit land after another program inserted lines above it.
struct JournalHunk
{
    std::string file;     // relative to Mesh::rootPath
    size_t offset = 0;    // of `removed`, in the text the operation applied to
    std::string removed;  // the bytes the operation replaced
    std::string inserted; // what it wrote instead
    std::string before;   // the bytes just before `removed` (up to kJournalContext)
    std::string after;    // the bytes just after it
};

struct JournalOperation
{
    std::string description; // the undo step's text, to name an edit that no longer applies
    std::vector<JournalHunk> hunks;
};

struct EditJournal
{
    std::string folder; // the absolute folder the edits were made to
    std::vector<JournalOperation> operations;
};

// Bytes of context kept on each side of a hunk: a few lines of YAML.
constexpr size_t kJournalContext = 96;

// The operation that turns the files of `before` into those of `after`
// (files only in `after` are created; a file `after` lacks is left alone).
JournalOperation journalOperation(const Mesh &before, const Mesh &after, std::string description);

// A length-prefixed text format: any bytes survive, and a torn or foreign
// file is refused rather than half read.
std::string writeJournal(const EditJournal &journal);
Result<EditJournal> readJournal(const std::string &text);

// The text edits that redo `operation` on `mesh`, or why it no longer applies
// (a hunk's bytes and surroundings are gone, or occur more than once).
Result<std::vector<TextEdit>> locateOperation(const Mesh &mesh, const JournalOperation &operation);

} // namespace meshlane
