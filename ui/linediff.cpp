#include "linediff.h"

#include <algorithm>

namespace meshlane::ui {

namespace {

// Above this many cells the middle is simply marked changed: a view marker is
// not worth a second of CPU or hundreds of megabytes.
constexpr qsizetype kMaxCells = 4'000'000;

} // namespace

int LineDiff::Result::changedCount() const
{
    return int(std::count(changed.begin(), changed.end(), true));
}

LineDiff::Result LineDiff::compare(const QStringList &before, const QStringList &after)
{
    Result result;
    result.changed.assign(size_t(after.size()), false);
    result.removedBefore.assign(size_t(after.size()) + 1, false);

    qsizetype head = 0;
    while (head < before.size() && head < after.size() && before[head] == after[head])
        ++head;
    qsizetype tail = 0;
    while (tail < before.size() - head && tail < after.size() - head
           && before[before.size() - 1 - tail] == after[after.size() - 1 - tail])
        ++tail;
    const qsizetype n = before.size() - head - tail; // old middle
    const qsizetype m = after.size() - head - tail;  // new middle
    if (n == 0) {
        for (qsizetype j = 0; j < m; ++j)
            result.changed[size_t(head + j)] = true;
        return result;
    }
    if (m == 0 || n * m > kMaxCells) {
        for (qsizetype j = 0; j < m; ++j)
            result.changed[size_t(head + j)] = true;
        result.removedBefore[size_t(head + m)] = m == 0;
        return result;
    }

    // lcs[i][j]: longest common subsequence of old[i..] and new[j..].
    std::vector<int> lcs(size_t((n + 1) * (m + 1)), 0);
    const auto at = [m](qsizetype i, qsizetype j) { return size_t(i * (m + 1) + j); };
    for (qsizetype i = n - 1; i >= 0; --i) {
        for (qsizetype j = m - 1; j >= 0; --j) {
            lcs[at(i, j)] = before[head + i] == after[head + j] ? lcs[at(i + 1, j + 1)] + 1
                                                                 : std::max(lcs[at(i + 1, j)], lcs[at(i, j + 1)]);
        }
    }
    // Walk the matches; between two of them is a gap of old and new lines.
    // New lines in a gap are changed (added or rewritten); a gap with only
    // old lines is a removal, marked where it happened.
    qsizetype i = 0;
    qsizetype j = 0;
    qsizetype removed = 0;
    const auto closeGap = [&] {
        if (removed > 0 && (j == 0 || !result.changed[size_t(head + j - 1)]))
            result.removedBefore[size_t(head + j)] = true;
        removed = 0;
    };
    while (i < n || j < m) {
        if (i < n && j < m && before[head + i] == after[head + j]) {
            closeGap();
            ++i;
            ++j;
        } else if (j < m && (i == n || lcs[at(i, j + 1)] >= lcs[at(i + 1, j)])) {
            result.changed[size_t(head + j)] = true;
            ++j;
        } else {
            ++removed;
            ++i;
        }
    }
    closeGap();
    return result;
}

} // namespace meshlane::ui
