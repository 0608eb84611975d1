// SPDX-License-Identifier: MIT
#include "edit/editjournal.h"

#include <algorithm>
#include <charconv>
#include <optional>

namespace meshlane {

namespace {

constexpr std::string_view kMagic = "meshlane-journal 1\n";

// A missing file reads as empty: the text an edit that creates it started from.
const std::string &textOf(const SourceFile *file)
{
    static const std::string missing;
    return file ? file->text : missing;
}

void appendField(std::string &out, std::string_view keyword, const std::vector<size_t> &numbers)
{
    out += keyword;
    for (size_t number : numbers) {
        out += ' ';
        out += std::to_string(number);
    }
    out += '\n';
}

// Reads what writeJournal wrote; every length is checked against what is
// left, so a damaged file costs an error, never a huge allocation.
class JournalCursor
{
public:
    explicit JournalCursor(std::string_view text) : m_text(text) {}

    bool atEnd() const { return m_position == m_text.size(); }
    bool skip(std::string_view expected)
    {
        if (m_text.substr(m_position, expected.size()) != expected)
            return false;
        m_position += expected.size();
        return true;
    }
    // "keyword N N ...\n": the numbers, or nullopt when the line is not that.
    std::optional<std::vector<size_t>> line(std::string_view keyword, size_t count)
    {
        const size_t end = m_text.find('\n', m_position);
        if (end == std::string_view::npos)
            return std::nullopt;
        std::string_view rest = m_text.substr(m_position, end - m_position);
        if (rest.substr(0, keyword.size()) != keyword)
            return std::nullopt;
        rest.remove_prefix(keyword.size());
        std::vector<size_t> numbers;
        while (!rest.empty()) {
            if (rest.front() != ' ')
                return std::nullopt;
            rest.remove_prefix(1);
            size_t number = 0;
            const auto [next, error] = std::from_chars(rest.data(), rest.data() + rest.size(), number);
            if (error != std::errc() || next == rest.data())
                return std::nullopt;
            rest.remove_prefix(size_t(next - rest.data()));
            numbers.push_back(number);
        }
        if (numbers.size() != count)
            return std::nullopt;
        m_position = end + 1;
        return numbers;
    }
    std::optional<std::string> bytes(size_t length)
    {
        if (length > m_text.size() - m_position)
            return std::nullopt;
        std::string value(m_text.substr(m_position, length));
        m_position += length;
        return value;
    }

private:
    std::string_view m_text;
    size_t m_position = 0;
};

Result<EditJournal> damaged(const std::string &what)
{
    return Result<EditJournal>::failure("not a complete Meshlane edit journal (" + what + ")");
}

// Where `hunk` applies in `text`, or why it does not.
Result<size_t> locateHunk(const std::string &text, const JournalHunk &hunk)
{
    const std::string needle = hunk.before + hunk.removed + hunk.after;
    // Context shorter than kept means the span touched the file's start or end: it must still.
    const bool atStart = hunk.before.size() < kJournalContext;
    const bool atEnd = hunk.after.size() < kJournalContext;
    if (needle.empty())
        return text.empty() ? Result<size_t>(0) : Result<size_t>::failure("the file is no longer empty");
    if (hunk.offset >= hunk.before.size() && text.compare(hunk.offset - hunk.before.size(), needle.size(), needle) == 0
        && (!atStart || hunk.offset == hunk.before.size())
        && (!atEnd || hunk.offset + hunk.removed.size() + hunk.after.size() == text.size()))
        return hunk.offset;
    std::optional<size_t> found;
    for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
        if ((atStart && at != 0) || (atEnd && at + needle.size() != text.size()))
            continue;
        if (found)
            return Result<size_t>::failure("the text it changed now occurs more than once");
        found = at + hunk.before.size();
    }
    if (!found)
        return Result<size_t>::failure("the text it changed is no longer there");
    return *found;
}

} // namespace

JournalOperation journalOperation(const Mesh &before, const Mesh &after, std::string description)
{
    JournalOperation operation;
    operation.description = std::move(description);
    for (const auto &file : after.files) {
        const SourceFile *old = before.findFile(file->path);
        if (old == file.get())
            continue; // shared by both snapshots: untouched
        const std::string &oldText = textOf(old);
        const std::optional<TextEdit> edit = textEditBetween(file->path, oldText, file->text);
        if (!edit)
            continue;
        JournalHunk hunk;
        hunk.file = file->path;
        hunk.offset = edit->offset;
        hunk.removed = oldText.substr(edit->offset, edit->length);
        hunk.inserted = edit->replacement;
        const size_t contextStart = edit->offset > kJournalContext ? edit->offset - kJournalContext : 0;
        hunk.before = oldText.substr(contextStart, edit->offset - contextStart);
        hunk.after = oldText.substr(edit->offset + edit->length, kJournalContext);
        operation.hunks.push_back(std::move(hunk));
    }
    return operation;
}

std::string writeJournal(const EditJournal &journal)
{
    std::string out(kMagic);
    appendField(out, "folder", {journal.folder.size()});
    out += journal.folder;
    out += '\n';
    for (const JournalOperation &operation : journal.operations) {
        appendField(out, "operation", {operation.description.size(), operation.hunks.size()});
        out += operation.description;
        out += '\n';
        for (const JournalHunk &hunk : operation.hunks) {
            appendField(out, "hunk",
                        {hunk.offset, hunk.file.size(), hunk.removed.size(), hunk.inserted.size(), hunk.before.size(),
                         hunk.after.size()});
            out += hunk.file + hunk.removed + hunk.inserted + hunk.before + hunk.after;
            out += '\n';
        }
    }
    out += "end\n";
    return out;
}

Result<EditJournal> readJournal(const std::string &text)
{
    JournalCursor cursor(text);
    if (!cursor.skip(kMagic))
        return damaged("no header");
    EditJournal journal;
    const auto folder = cursor.line("folder", 1);
    std::optional<std::string> folderBytes = folder ? cursor.bytes((*folder)[0]) : std::nullopt;
    if (!folderBytes || !cursor.skip("\n"))
        return damaged("no folder");
    journal.folder = std::move(*folderBytes);
    while (!cursor.skip("end\n")) {
        const auto header = cursor.line("operation", 2);
        std::optional<std::string> description = header ? cursor.bytes((*header)[0]) : std::nullopt;
        if (!description || !cursor.skip("\n"))
            return damaged("operation " + std::to_string(journal.operations.size() + 1) + " is cut short");
        JournalOperation operation;
        operation.description = std::move(*description);
        for (size_t h = 0; h < (*header)[1]; ++h) {
            const auto sizes = cursor.line("hunk", 6);
            if (!sizes)
                return damaged("a hunk of \"" + operation.description + "\" is cut short");
            JournalHunk hunk;
            hunk.offset = (*sizes)[0];
            std::string *fields[] = {&hunk.file, &hunk.removed, &hunk.inserted, &hunk.before, &hunk.after};
            for (size_t f = 0; f < 5; ++f) {
                std::optional<std::string> value = cursor.bytes((*sizes)[f + 1]);
                if (!value)
                    return damaged("a hunk of \"" + operation.description + "\" is cut short");
                *fields[f] = std::move(*value);
            }
            if (!cursor.skip("\n") || hunk.file.empty())
                return damaged("a hunk of \"" + operation.description + "\" is damaged");
            operation.hunks.push_back(std::move(hunk));
        }
        journal.operations.push_back(std::move(operation));
    }
    if (!cursor.atEnd())
        return damaged("bytes after the end");
    return journal;
}

Result<std::vector<TextEdit>> locateOperation(const Mesh &mesh, const JournalOperation &operation)
{
    std::vector<TextEdit> edits;
    for (const JournalHunk &hunk : operation.hunks) {
        const Result<size_t> at = locateHunk(textOf(mesh.findFile(hunk.file)), hunk);
        if (!at)
            return Result<std::vector<TextEdit>>::failure(hunk.file + ": " + at.error());
        edits.push_back(TextEdit{hunk.file, *at, hunk.removed.size(), hunk.inserted});
    }
    return edits;
}

} // namespace meshlane
