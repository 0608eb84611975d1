// SPDX-License-Identifier: MIT
#include "export/unifieddiff.h"

#include "base/lineeditscript.h"

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
    const std::vector<LineEdit> script = lineEditScript<std::string_view>(a, b);

    // Positions of each step in both files, then hunks around the changes.
    struct Step
    {
        LineEdit op;
        size_t i;
        size_t j;
    };
    std::vector<Step> steps;
    size_t i = 0;
    size_t j = 0;
    for (const LineEdit op : script) {
        steps.push_back({op, i, j});
        if (op != LineEdit::Add)
            ++i;
        if (op != LineEdit::Remove)
            ++j;
    }
    std::string out = "--- " + oldLabel + "\n+++ " + newLabel + '\n';
    const size_t window = size_t(std::max(context, 0));
    size_t s = 0;
    while (s < steps.size()) {
        while (s < steps.size() && steps[s].op == LineEdit::Keep)
            ++s;
        if (s == steps.size())
            break;
        size_t first = s >= window ? s - window : 0;
        size_t last = s; // one past the hunk's last step
        size_t keeps = 0;
        for (size_t t = s; t < steps.size(); ++t) {
            if (steps[t].op == LineEdit::Keep) {
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
            oldCount += steps[t].op != LineEdit::Add;
            newCount += steps[t].op != LineEdit::Remove;
        }
        out += "@@ -" + range(steps[first].i, oldCount) + " +" + range(steps[first].j, newCount) + " @@\n";
        for (size_t t = first; t < last; ++t) {
            const Step &step = steps[t];
            if (step.op == LineEdit::Keep)
                appendLine(out, ' ', a[step.i]);
            else if (step.op == LineEdit::Remove)
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
