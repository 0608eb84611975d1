// SPDX-License-Identifier: MIT
#include "yaml/textedit.h"

#include "base/commonends.h"

#include <algorithm>
#include <tuple>

namespace meshlane {

bool sortTextEdits(std::vector<TextEdit> &edits)
{
    std::stable_sort(edits.begin(), edits.end(), [](const TextEdit &a, const TextEdit &b) {
        return std::make_tuple(std::cref(a.file), a.offset, a.length > 0)
            < std::make_tuple(std::cref(b.file), b.offset, b.length > 0);
    });
    for (size_t i = 1; i < edits.size(); ++i) {
        const TextEdit &previous = edits[i - 1];
        if (previous.file == edits[i].file && previous.offset + previous.length > edits[i].offset)
            return false;
    }
    return true;
}

std::string applyTextEdits(const std::string &text, const std::vector<TextEdit> &edits, const std::string &file)
{
    std::string result;
    result.reserve(text.size());
    size_t copied = 0;
    for (const TextEdit &edit : edits) {
        if (edit.file != file || edit.offset < copied || edit.offset + edit.length > text.size())
            continue;
        result.append(text, copied, edit.offset - copied);
        result += edit.replacement;
        copied = edit.offset + edit.length;
    }
    result.append(text, copied, std::string::npos);
    return result;
}

std::vector<TextEdit> invertTextEdits(const std::vector<TextEdit> &edits,
                                      const std::map<std::string, std::string> &originalTexts)
{
    std::vector<TextEdit> inverse;
    std::string file;
    long long shift = 0;
    for (const TextEdit &edit : edits) {
        if (edit.file != file) {
            file = edit.file;
            shift = 0;
        }
        const auto original = originalTexts.find(edit.file);
        const std::string old = original == originalTexts.end() ? std::string()
                                                                : original->second.substr(edit.offset, edit.length);
        inverse.push_back({edit.file, size_t((long long)edit.offset + shift), edit.replacement.size(), old});
        shift += (long long)edit.replacement.size() - (long long)edit.length;
    }
    return inverse;
}

std::optional<TextEdit> textEditBetween(const std::string &file, const std::string &before, const std::string &after)
{
    if (before == after)
        return std::nullopt;
    const auto [prefix, suffix] = commonEnds(before, after);
    return TextEdit{file, prefix, before.size() - prefix - suffix, after.substr(prefix, after.size() - prefix - suffix)};
}

} // namespace meshlane
