// SPDX-License-Identifier: MIT
#pragma once

#include "model/diagnostic.h"
#include "model/mesh.h"
#include "yaml/textedit.h"

#include <string>
#include <vector>

namespace meshlane {

// What an edit did: the next snapshot and the text edits that lead there.
//
// Edit operations return Result<MeshChange>, so an edit fails the way every
// other operation does (no value, one sentence saying why nothing changed)
// and a caller cannot read a snapshot that is not there. It is named for what
// it holds, not for the operation that made it: applyEdits, revertEdits and
// every operation of meshedit.h give the same thing, and undo keeps it.
struct MeshChange
{
    MeshPtr mesh;                  // the new snapshot (the old one when `edits` is empty)
    std::vector<TextEdit> edits;   // against the old texts, sorted by file and offset
    std::vector<TextEdit> inverse; // against the new texts; undoes `edits`
    Diagnostics diagnostics;       // loader findings of the re-read files (usually none)
    std::string description;       // for the undo menu: "Set weights of default/reviews route 0"
};

} // namespace meshlane
