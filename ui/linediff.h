#pragma once

#include <QStringList>

#include <vector>

namespace meshlane::ui {

// Which lines of a new text are not in the old one, for marking changes in
// a view (the YAML pane). A longest common subsequence of lines, after
// trimming the common head and tail (a weight edit changes one line of a
// hundred, so the quadratic part is usually empty).
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

} // namespace meshlane::ui
