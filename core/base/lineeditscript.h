// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace meshlane {

// The one line-diff algorithm of the project: the unified diff of an export
// and the changed-line marks of the YAML pane both read its script.
enum class LineEdit { Keep, Remove, Add };

// Myers' O((N+M)D) greedy shortest edit script turning `a` into `b`, one step
// per line. The common head and tail are cut first (edits are local); past
// `maxDifferences` (a text replaced wholesale) the D^2 trace is not worth it
// and "remove all, add all" is returned, which is a valid script too.
template <typename Line>
std::vector<LineEdit> lineEditScript(std::span<const Line> a, std::span<const Line> b, long maxDifferences = 4000)
{
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const long n = long(a.size() - head - tail);
    const long m = long(b.size() - head - tail);
    const auto A = [&](long i) -> const Line & { return a[head + size_t(i)]; };
    const auto B = [&](long j) -> const Line & { return b[head + size_t(j)]; };

    std::vector<LineEdit> script(head, LineEdit::Keep);
    const auto wholesale = [&] {
        script.insert(script.end(), size_t(n), LineEdit::Remove);
        script.insert(script.end(), size_t(m), LineEdit::Add);
        script.insert(script.end(), tail, LineEdit::Keep);
        return script;
    };
    if (n == 0 || m == 0)
        return wholesale();

    const long max = n + m;
    const long offset = max + 1;
    std::vector<long> v(size_t(2 * max + 3), 0);
    std::vector<std::vector<long>> trace; // trace[d] = v[offset - d .. offset + d] before round d
    long finalD = 0;
    for (long d = 0; d <= max; ++d) {
        if (d > maxDifferences)
            return wholesale();
        trace.emplace_back(v.begin() + (offset - d), v.begin() + (offset + d + 1));
        bool done = false;
        for (long k = -d; k <= d; k += 2) {
            long x = (k == -d || (k != d && v[size_t(offset + k - 1)] < v[size_t(offset + k + 1)]))
                ? v[size_t(offset + k + 1)]
                : v[size_t(offset + k - 1)] + 1;
            long y = x - k;
            while (x < n && y < m && A(x) == B(y)) {
                ++x;
                ++y;
            }
            v[size_t(offset + k)] = x;
            if (x >= n && y >= m) {
                done = true;
                break;
            }
        }
        if (done) {
            finalD = d;
            break;
        }
    }

    std::vector<LineEdit> middle;
    long x = n;
    long y = m;
    for (long d = finalD; d > 0; --d) {
        const std::vector<long> &slice = trace[size_t(d)];
        const auto previous = [&slice, d](long k) { return slice[size_t(k + d)]; };
        const long k = x - y;
        const bool down = k == -d || (k != d && previous(k - 1) < previous(k + 1));
        const long previousK = down ? k + 1 : k - 1;
        const long previousX = previous(previousK);
        const long previousY = previousX - previousK;
        while (x > previousX && y > previousY) {
            middle.push_back(LineEdit::Keep);
            --x;
            --y;
        }
        middle.push_back(down ? LineEdit::Add : LineEdit::Remove);
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        middle.push_back(LineEdit::Keep);
        --x;
        --y;
    }
    script.insert(script.end(), middle.rbegin(), middle.rend());
    script.insert(script.end(), tail, LineEdit::Keep);
    return script;
}

} // namespace meshlane
