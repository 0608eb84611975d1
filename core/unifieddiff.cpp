#include "unifieddiff.h"

#include <algorithm>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace meshlane {

namespace {

// Lines keep their terminator, so a last line without one differs from the
// same text with one, which is exactly what diff reports.
std::vector<std::string_view> splitLines(const std::string &text)
{
    std::vector<std::string_view> lines;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        const size_t stop = end == std::string::npos ? text.size() : end + 1;
        lines.emplace_back(text.data() + start, stop - start);
        start = stop;
    }
    return lines;
}

enum class Op { Keep, Remove, Add };

// Myers' O((N+M)D) greedy algorithm; the trace of each round is kept to walk
// the path back. Common head and tail are cut first: edits are local.
std::vector<Op> editScript(const std::vector<std::string_view> &a, const std::vector<std::string_view> &b)
{
    size_t head = 0;
    while (head < a.size() && head < b.size() && a[head] == b[head])
        ++head;
    size_t tail = 0;
    while (tail < a.size() - head && tail < b.size() - head && a[a.size() - 1 - tail] == b[b.size() - 1 - tail])
        ++tail;
    const long n = long(a.size() - head - tail);
    const long m = long(b.size() - head - tail);
    const auto A = [&](long i) { return a[head + size_t(i)]; };
    const auto B = [&](long j) { return b[head + size_t(j)]; };

    std::vector<Op> script(head, Op::Keep);
    // Past a few thousand differences (a file replaced wholesale) the trace
    // would cost D^2 memory; "remove all, add all" is a valid diff too.
    constexpr long maxDifferences = 4000;
    const auto wholesale = [&] {
        script.insert(script.end(), size_t(n), Op::Remove);
        script.insert(script.end(), size_t(m), Op::Add);
        script.insert(script.end(), tail, Op::Keep);
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

    std::vector<Op> middle;
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
            middle.push_back(Op::Keep);
            --x;
            --y;
        }
        middle.push_back(down ? Op::Add : Op::Remove);
        x = previousX;
        y = previousY;
    }
    while (x > 0 && y > 0) {
        middle.push_back(Op::Keep);
        --x;
        --y;
    }
    script.insert(script.end(), middle.rbegin(), middle.rend());
    script.insert(script.end(), tail, Op::Keep);
    return script;
}

std::string range(size_t start, size_t count)
{
    // GNU diff: "start,count", ",1" left out, an empty side starts one line earlier.
    if (count == 1)
        return std::to_string(start + 1);
    return std::to_string(count == 0 ? start : start + 1) + ',' + std::to_string(count);
}

void appendLine(std::string &out, char marker, std::string_view line)
{
    out += marker;
    out.append(line.data(), line.size());
    if (line.empty() || line.back() != '\n')
        out += "\n\\ No newline at end of file\n";
}

} // namespace

std::string unifiedDiff(const std::string &oldText, const std::string &newText, const std::string &oldLabel,
                        const std::string &newLabel, int context)
{
    if (oldText == newText)
        return {};
    const std::vector<std::string_view> a = splitLines(oldText);
    const std::vector<std::string_view> b = splitLines(newText);
    const std::vector<Op> script = editScript(a, b);

    // Positions of each step in both files, then hunks around the changes.
    struct Step
    {
        Op op;
        size_t i;
        size_t j;
    };
    std::vector<Step> steps;
    size_t i = 0;
    size_t j = 0;
    for (const Op op : script) {
        steps.push_back({op, i, j});
        if (op != Op::Add)
            ++i;
        if (op != Op::Remove)
            ++j;
    }
    std::string out = "--- " + oldLabel + "\n+++ " + newLabel + '\n';
    const size_t window = size_t(std::max(context, 0));
    size_t s = 0;
    while (s < steps.size()) {
        while (s < steps.size() && steps[s].op == Op::Keep)
            ++s;
        if (s == steps.size())
            break;
        size_t first = s >= window ? s - window : 0;
        size_t last = s; // one past the hunk's last step
        size_t keeps = 0;
        for (size_t t = s; t < steps.size(); ++t) {
            if (steps[t].op == Op::Keep) {
                if (++keeps > 2 * window)
                    break;
            } else {
                keeps = 0;
                last = t + 1;
            }
        }
        last = std::min(steps.size(), last + window);
        size_t oldCount = 0;
        size_t newCount = 0;
        for (size_t t = first; t < last; ++t) {
            oldCount += steps[t].op != Op::Add;
            newCount += steps[t].op != Op::Remove;
        }
        out += "@@ -" + range(steps[first].i, oldCount) + " +" + range(steps[first].j, newCount) + " @@\n";
        for (size_t t = first; t < last; ++t) {
            const Step &step = steps[t];
            if (step.op == Op::Keep)
                appendLine(out, ' ', a[step.i]);
            else if (step.op == Op::Remove)
                appendLine(out, '-', a[step.i]);
            else
                appendLine(out, '+', b[step.j]);
        }
        s = last;
    }
    return out;
}

std::string meshDiff(const Mesh &before, const Mesh &after)
{
    std::map<std::string, std::pair<const SourceFile *, const SourceFile *>> files;
    for (const auto &file : before.files)
        files[file->path].first = file.get();
    for (const auto &file : after.files)
        files[file->path].second = file.get();
    std::string out;
    for (const auto &[path, pair] : files) {
        const auto [old, now] = pair;
        out += unifiedDiff(old ? old->text : std::string(), now ? now->text : std::string(),
                           old ? "a/" + path : std::string("/dev/null"), now ? "b/" + path : std::string("/dev/null"));
    }
    return out;
}

} // namespace meshlane
