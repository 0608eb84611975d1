// SPDX-License-Identifier: MIT
#include "base/linediff.h"

#include "base/lineeditscript.h"

#include <algorithm>

namespace meshlane {

int LineDiff::Result::changedCount() const
{
    return int(std::count(changed.begin(), changed.end(), true));
}

LineDiff::Result LineDiff::compare(const QStringList &before, const QStringList &after)
{
    Result result;
    result.changed.assign(size_t(after.size()), false);
    result.removedBefore.assign(size_t(after.size()) + 1, false);

    // New lines between two kept ones are changed (added or rewritten); a
    // stretch with only removed lines is marked where it happened.
    const std::vector<LineEdit> script =
        lineEditScript<QString>(std::span(before.cbegin(), before.cend()), std::span(after.cbegin(), after.cend()));
    size_t j = 0;
    qsizetype removed = 0;
    const auto closeGap = [&] {
        if (removed > 0 && (j == 0 || !result.changed[j - 1]))
            result.removedBefore[j] = true;
        removed = 0;
    };
    for (const LineEdit edit : script) {
        if (edit == LineEdit::Keep) {
            closeGap();
            ++j;
        } else if (edit == LineEdit::Add) {
            result.changed[j++] = true;
        } else {
            ++removed;
        }
    }
    closeGap();
    return result;
}

} // namespace meshlane
