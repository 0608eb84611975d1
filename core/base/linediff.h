// SPDX-License-Identifier: MIT
#pragma once

#include <QStringList>

#include <vector>

namespace meshlane {

// Which lines of a new text are not in the old one, for marking changes in
// a view (the YAML pane), read off the same edit script as the unified diff
// of an export (base/lineeditscript.h).
class LineDiff
{
public:
    struct Result
    {
        std::vector<bool> changed;        // per new line: added or rewritten
        std::vector<bool> removedBefore;  // per new line, plus one for the end: old lines were dropped here
        int changedCount() const;
    };

    static Result compare(const QStringList &before, const QStringList &after);
};

} // namespace meshlane
