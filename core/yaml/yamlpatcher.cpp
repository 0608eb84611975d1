// SPDX-License-Identifier: MIT
#include "yaml/yamlpatcher.h"

#include <algorithm>

namespace meshlane {

// One key of a mapping as it is written.
struct YamlPatcher::Entry
{
    YAML::Node key;
    YAML::Node value;
    bool flow = false;          // the mapping is in flow style
    size_t keyStart = 0;
    size_t colon = 0;           // just after the ':'
    size_t valueStart = 0;      // the value's first character, after its anchor or tag
    size_t valueEnd = 0;        // end of an inline value; of the last line of a block one
    bool blockValue = false;    // a block collection on the lines below
    bool nullValue = false;     // nothing written after the ':'
    bool alias = false;         // *name
    std::string anchor;
    int keyColumn = 0;
    int keyLine = 0;
    bool keyStartsLine = true;  // false for the first key of a "- key: ..." item
    size_t removeStart = 0;     // what removing the entry deletes
    size_t removeEnd = 0;
};

// The items of a list as they are written.
struct YamlPatcher::Items
{
    bool flow = false;
    size_t open = 0;            // flow: the '['
    int dashColumn = 0;         // block
    std::vector<size_t> starts; // block: the '-'; flow: the element
    std::vector<size_t> ends;   // block: after the item's last content line; flow: the element's end
    std::vector<size_t> leads;  // block: where the item's leading comment lines start
};

namespace {

bool endsWith(const std::string &text, const std::string &suffix)
{
    return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool sameScalar(const YAML::Node &a, const YAML::Node &b)
{
    if (a.Scalar() != b.Scalar())
        return false;
    // "10" and 10 differ to Kubernetes; "v1" and v1 do not.
    return !YamlWriter::looksLikeNonString(a.Scalar()) || (a.Tag() == "!") == (b.Tag() == "!");
}

// Equal as Kubernetes reads them (mapping order aside).
bool sameNode(const YAML::Node &a, const YAML::Node &b)
{
    if (a.Type() != b.Type())
        return false;
    if (a.IsScalar())
        return sameScalar(a, b);
    if (a.size() != b.size())
        return false;
    if (a.IsSequence()) {
        for (size_t i = 0; i < a.size(); ++i) {
            if (!sameNode(a[i], b[i]))
                return false;
        }
        return true;
    }
    if (a.IsMap()) {
        for (const auto &entry : a) {
            if (!entry.first.IsScalar())
                return false;
            const YAML::Node other = b[entry.first.Scalar()];
            if (!other.IsDefined() || !sameNode(entry.second, other))
                return false;
        }
    }
    return true;
}

} // namespace

YamlPatcher::YamlPatcher(std::string file, const std::string &text, const YAML::Node &document)
    : m_file(std::move(file))
    , m_text(text)
    , m_json(endsWith(m_file, ".json"))
{
    m_layout.newline = m_text.newline();
    // Learn the indentation from the document itself: the first nested mapping
    // gives the indent step, the first list under a key gives the list style.
    bool indentFound = false;
    bool listFound = false;
    std::vector<YAML::Node> pending{document};
    while (!pending.empty() && !(indentFound && listFound)) {
        const YAML::Node node = pending.back();
        pending.pop_back();
        if (isFlow(node))
            continue;
        if (node.IsSequence()) {
            for (const auto &item : node)
                pending.push_back(item);
            continue;
        }
        if (!node.IsMap())
            continue;
        for (const auto &entry : node) {
            const YAML::Node &value = entry.second;
            if (isFlow(value) || value.size() == 0 || !(value.IsMap() || value.IsSequence()))
                continue;
            const size_t keyOffset = m_text.offsetOf(entry.first);
            const size_t childOffset = value.IsMap() ? m_text.offsetOf(value.begin()->first)
                                                     : m_text.skipWhitespace(m_text.skipProperties(m_text.offsetOf(value)));
            if (keyOffset == std::string::npos || childOffset == std::string::npos || childOffset <= keyOffset)
                continue; // an alias: its text is elsewhere
            const int step = m_text.columnOf(childOffset) - m_text.columnOf(keyOffset);
            if (value.IsMap() && !indentFound && step > 0) {
                m_layout.indent = step;
                indentFound = true;
            } else if (value.IsSequence() && !listFound && step >= 0) {
                m_layout.sequenceIndent = step;
                listFound = true;
            }
            pending.push_back(value);
        }
    }
}

std::vector<TextEdit> YamlPatcher::edits()
{
    std::vector<TextEdit> sorted = m_edits;
    if (!sortTextEdits(sorted))
        fail("the changes overlap each other in the text; nothing was changed");
    return ok() ? sorted : std::vector<TextEdit>{};
}

void YamlPatcher::fail(const std::string &message, size_t offset)
{
    if (m_error.empty())
        m_error = offset == std::string::npos ? message : where(offset) + ": " + message;
}

std::string YamlPatcher::where(size_t offset) const
{
    return m_file + ':' + std::to_string(m_text.lineOf(offset) + 1);
}

void YamlPatcher::add(size_t offset, size_t length, std::string replacement)
{
    if (!ok())
        return;
    if (length == 0 && replacement.empty())
        return;
    m_edits.push_back({m_file, offset, length, std::move(replacement)});
}

bool YamlPatcher::isFlow(const YAML::Node &node) const
{
    return (node.IsMap() || node.IsSequence()) && node.Style() == YAML::EmitterStyle::Flow;
}

bool YamlPatcher::checkAnchor(const std::string &anchor, size_t offset, const std::string &what)
{
    if (!anchor.empty() && m_text.isAliasUsed(anchor)) {
        fail(what + " carries the anchor &" + anchor
                 + ", which is aliased elsewhere: editing it would change every alias too; not edited",
             offset);
        return false;
    }
    return true;
}

bool YamlPatcher::findEntry(const YAML::Node &map, const std::string &key, Entry *entry)
{
    if (!ok() || !map.IsMap())
        return false;
    std::vector<std::pair<YAML::Node, YAML::Node>> entries;
    for (const auto &item : map)
        entries.emplace_back(item.first, item.second);
    const auto found = std::find_if(entries.begin(), entries.end(),
                                    [&key](const auto &item) { return item.first.IsScalar() && item.first.Scalar() == key; });
    if (found == entries.end())
        return false;
    const YamlText &t = m_text;
    const std::string &text = t.text();
    Entry &e = *entry;
    e.key = found->first;
    e.value = found->second;
    e.flow = isFlow(map);
    e.keyStart = t.skipProperties(t.offsetOf(e.key));
    if (e.keyStart >= text.size()) {
        fail("cannot find the key '" + key + "' in the text");
        return false;
    }
    const size_t keyEnd = t.scalarEnd(e.keyStart, e.flow);
    const size_t colon = t.skipWhitespace(keyEnd);
    if (colon >= text.size() || text[colon] != ':') {
        fail("unexpected layout after the key '" + key + "'", e.keyStart);
        return false;
    }
    e.colon = colon + 1;
    e.keyColumn = t.columnOf(e.keyStart);
    e.keyLine = t.lineOf(e.keyStart);
    e.keyStartsLine = e.flow || t.indentOf(e.keyLine) == e.keyColumn;

    const size_t afterColon = e.flow ? t.skipWhitespace(e.colon) : t.skipBlanks(e.colon);
    const char first = afterColon < text.size() ? text[afterColon] : '\n';
    const bool nothingInline = first == '\n' || first == '\r' || first == '#'
        || (e.flow && (first == ',' || first == '}'));
    e.alias = first == '*';
    if (e.alias) {
        e.valueStart = afterColon;
        e.valueEnd = t.scalarEnd(afterColon, e.flow);
    } else {
        e.valueStart = t.skipProperties(afterColon, &e.anchor);
        if (e.value.IsNull() && (nothingInline || e.valueStart != afterColon)) {
            e.nullValue = true;
            e.valueStart = e.valueEnd = e.colon;
        } else if (!e.flow && (e.value.IsMap() || e.value.IsSequence()) && !isFlow(e.value)) {
            e.blockValue = true;
            e.valueStart = t.skipWhitespace(e.valueStart); // the first key or '-' below
            e.valueEnd = t.blockEnd(e.keyLine, e.keyColumn, YamlText::Continue::DeeperOrDash);
        } else {
            e.valueEnd = t.inlineValueEnd(e.valueStart, e.flow, e.keyColumn);
        }
    }

    if (e.flow) {
        const size_t open = t.skipProperties(t.offsetOf(map));
        const auto elements = t.flowElements(open);
        const auto own = std::find_if(elements.begin(), elements.end(),
                                      [&e](const auto &range) { return range.first == e.keyStart; });
        if (own == elements.end()) {
            fail("cannot find the key '" + key + "' in its flow mapping", e.keyStart);
            return false;
        }
        const size_t index = size_t(own - elements.begin());
        if (index + 1 < elements.size()) {
            e.removeStart = own->first;
            e.removeEnd = elements[index + 1].first;
        } else {
            e.removeStart = index > 0 ? elements[index - 1].second : own->first;
            e.removeEnd = own->second;
        }
    } else if (e.keyStartsLine) {
        e.removeStart = t.lineStart(t.leadingCommentsLine(e.keyLine, e.keyColumn));
        e.removeEnd = t.blockEnd(e.keyLine, e.keyColumn, YamlText::Continue::DeeperOrDash);
    } else {
        // "- key: ..." : the next key moves up onto the dash line.
        const size_t index = size_t(found - entries.begin());
        e.removeStart = e.keyStart;
        e.removeEnd = index + 1 < entries.size() ? t.skipProperties(t.offsetOf(entries[index + 1].first))
                                                 : std::string::npos;
    }
    return true;
}

bool YamlPatcher::findItems(const YAML::Node &sequence, Items *items)
{
    if (!ok() || !sequence.IsSequence())
        return false;
    const YamlText &t = m_text;
    const std::string &text = t.text();
    Items &it = *items;
    it.flow = isFlow(sequence);
    const size_t start = t.skipWhitespace(t.skipProperties(t.offsetOf(sequence)));
    if (it.flow) {
        it.open = start;
        if (start >= text.size() || text[start] != '[') {
            fail("cannot find the start of a list", start);
            return false;
        }
        for (const auto &[from, to] : t.flowElements(start)) {
            it.starts.push_back(from);
            it.ends.push_back(to);
        }
    } else {
        const int firstLine = t.lineOf(start);
        if (start >= text.size() || text[start] != '-' || !t.isDashLine(firstLine)
            || t.indentOf(firstLine) != t.columnOf(start)) {
            fail("unsupported list layout (a list nested on the same line as another)", start);
            return false;
        }
        it.dashColumn = t.columnOf(start);
        for (int line = firstLine; line < t.lineCount(); ++line) {
            const int indent = t.indentOf(line);
            if (indent < 0)
                continue;
            if (t.isDocumentMarker(line) || indent < it.dashColumn)
                break;
            if (indent == it.dashColumn) {
                if (!t.isDashLine(line))
                    break;
                it.starts.push_back(t.lineStart(line) + size_t(indent));
                it.leads.push_back(t.lineStart(t.leadingCommentsLine(line, indent)));
                it.ends.push_back(t.nextLineStart(line));
            } else {
                it.ends.back() = t.nextLineStart(line);
            }
        }
    }
    if (it.starts.size() != sequence.size()) {
        fail("the list's text does not match its " + std::to_string(sequence.size()) + " items", start);
        return false;
    }
    return true;
}

YAML::Node YamlPatcher::enter(const YAML::Node &map, const std::string &key)
{
    Entry e;
    if (!findEntry(map, key, &e))
        return YAML::Node(YAML::NodeType::Undefined);
    if (e.alias) {
        fail("'" + key + "' is an alias (*name) of a value written elsewhere; edit that value instead", e.valueStart);
        return YAML::Node(YAML::NodeType::Undefined);
    }
    if (!checkAnchor(e.anchor, e.valueStart, "'" + key + "'"))
        return YAML::Node(YAML::NodeType::Undefined);
    return e.value;
}

YAML::Node YamlPatcher::enter(const YAML::Node &sequence, size_t index)
{
    Items items;
    if (!findItems(sequence, &items) || index >= items.starts.size())
        return YAML::Node(YAML::NodeType::Undefined);
    const std::string &text = m_text.text();
    size_t at = items.starts[index];
    if (!items.flow)
        at = m_text.skipWhitespace(at + 1);
    if (at < text.size() && text[at] == '*') {
        fail("list item " + std::to_string(index) + " is an alias (*name) of a value written elsewhere", at);
        return YAML::Node(YAML::NodeType::Undefined);
    }
    std::string anchor;
    m_text.skipProperties(at, &anchor);
    if (!checkAnchor(anchor, at, "list item " + std::to_string(index)))
        return YAML::Node(YAML::NodeType::Undefined);
    return sequence[index];
}

std::string YamlPatcher::renderBlock(const YAML::Node &node, int column) const
{
    return YamlWriter::block(node, column, m_layout);
}

std::string YamlPatcher::renderItem(const YAML::Node &item, int dashColumn) const
{
    YAML::Node list(YAML::NodeType::Sequence);
    list.push_back(item);
    return YamlWriter::block(list, dashColumn, m_layout);
}

std::string YamlPatcher::renderFlow(const YAML::Node &node) const
{
    return YamlWriter::flow(node, m_json);
}

std::string YamlPatcher::lineBreakBefore(size_t offset) const
{
    return offset == m_text.text().size() && !m_text.text().empty() && !m_text.endsWithNewline() ? m_layout.newline
                                                                                              : std::string();
}

void YamlPatcher::setValue(const YAML::Node &map, const std::string &key, const YAML::Node &value,
                           const std::string &before)
{
    Entry e;
    if (!findEntry(map, key, &e)) {
        insertKey(map, key, value, before);
        return;
    }
    if (sameNode(e.value, value))
        return; // nothing to write, so nothing to refuse either (aliases included)
    if (e.alias) {
        // `key: *name` becomes `key: <value>`: this place changes, the anchor and its other aliases do not.
        if (value.IsScalar() && e.value.IsScalar())
            add(e.valueStart, e.valueEnd - e.valueStart, YamlWriter::scalar(value, e.flow, m_json));
        else
            fail("'" + key + "' is an alias (*name) of a value written elsewhere; edit that value instead",
                 e.valueStart);
        return;
    }
    if (!checkAnchor(e.anchor, e.valueStart, "'" + key + "'"))
        return;
    const YAML::Node &existing = e.value;
    if (existing.IsMap() && value.IsMap() && existing.size() && value.size() && !isFlow(existing)) {
        bool shared = false;
        for (const auto &item : value)
            shared = shared || existing[item.first.Scalar()].IsDefined();
        if (shared) {
            for (const auto &item : value)
                setValue(existing, item.first.Scalar(), item.second);
            for (const auto &item : existing) {
                if (!value[item.first.Scalar()].IsDefined())
                    removeKey(existing, item.first.Scalar());
            }
            return;
        }
    }
    replaceValue(e, value);
}

void YamlPatcher::replaceValue(const Entry &e, const YAML::Node &value)
{
    if (e.flow) {
        std::string text = renderFlow(value);
        if (e.nullValue)
            text.insert(text.begin(), ' ');
        add(e.valueStart, e.valueEnd - e.valueStart, std::move(text));
        return;
    }
    const bool blockCollection = (value.IsMap() || value.IsSequence()) && value.size() > 0;
    if (!blockCollection) {
        const std::string scalar = value.IsMap() ? "{}" : value.IsSequence() ? "[]" : YamlWriter::scalar(value);
        if (e.blockValue)
            add(e.colon, e.valueEnd - e.colon, ' ' + scalar + m_layout.newline);
        else if (e.nullValue)
            add(e.colon, 0, ' ' + scalar);
        else
            add(e.valueStart, e.valueEnd - e.valueStart, scalar);
        return;
    }
    int column = e.keyColumn + (value.IsMap() ? m_layout.indent : m_layout.sequenceIndent);
    if (e.blockValue) {
        if (e.value.IsMap() == value.IsMap())
            column = m_text.columnOf(e.valueStart); // keep the user's indentation
        const size_t from = m_text.nextLineStart(e.keyLine);
        add(from, e.valueEnd - from, renderBlock(value, column));
        return;
    }
    std::string block = renderBlock(value, column);
    block.resize(block.size() - m_layout.newline.size());
    const size_t from = e.anchor.empty() ? e.colon : e.valueStart;
    add(from, e.valueEnd - from, m_layout.newline + block);
}

void YamlPatcher::insertKey(const YAML::Node &map, const std::string &key, const YAML::Node &value,
                            const std::string &before)
{
    if (!ok())
        return;
    if (!map.IsMap()) {
        fail("cannot add '" + key + "': the parent is not a mapping");
        return;
    }
    YAML::Node single(YAML::NodeType::Map);
    single[YamlWriter::stringNode(key)] = value;
    if (isFlow(map) || map.size() == 0) {
        const size_t open = m_text.skipProperties(m_text.offsetOf(map));
        if (open >= m_text.text().size() || m_text.text()[open] != '{') {
            fail("cannot find the mapping to add '" + key + "' to", open);
            return;
        }
        std::string entry = renderFlow(single);
        entry = entry.substr(1, entry.size() - 2); // without the braces
        const auto elements = m_text.flowElements(open);
        if (elements.empty())
            add(open + 1, 0, entry);
        else
            add(elements.back().second, 0, ", " + entry);
        return;
    }
    const size_t firstKey = m_text.offsetOf(map.begin()->first);
    const int column = m_text.columnOf(firstKey);
    Entry next;
    if (!before.empty() && findEntry(map, before, &next)) {
        if (next.keyStartsLine) {
            add(next.removeStart, 0, renderBlock(single, column));
        } else {
            // "- before:" : the new key takes the dash line and `before` moves below it.
            const std::string block = renderBlock(single, column);
            add(next.keyStart, 0, block.substr(size_t(column)) + std::string(size_t(column), ' '));
        }
        return;
    }
    const size_t end = m_text.blockEnd(m_text.lineOf(firstKey), column, YamlText::Continue::DeeperOrSame);
    add(end, 0, lineBreakBefore(end) + renderBlock(single, column));
}

void YamlPatcher::removeKey(const YAML::Node &map, const std::string &key)
{
    Entry e;
    if (!findEntry(map, key, &e))
        return;
    if (map.size() == 1) {
        fail("cannot remove '" + key + "': it is the only key of its mapping", e.keyStart);
        return;
    }
    if (e.removeEnd == std::string::npos) {
        fail("cannot remove '" + key + "' from this layout", e.keyStart);
        return;
    }
    add(e.removeStart, e.removeEnd - e.removeStart, {});
}

void YamlPatcher::insertItem(const YAML::Node &sequence, size_t index, const YAML::Node &item)
{
    Items it;
    if (!findItems(sequence, &it))
        return;
    const size_t count = it.starts.size();
    index = std::min(index, count);
    if (it.flow) {
        const std::string text = renderFlow(item);
        if (count == 0)
            add(it.open + 1, 0, text);
        else if (index < count)
            add(it.starts[index], 0, text + ", ");
        else
            add(it.ends.back(), 0, ", " + text);
        return;
    }
    const std::string text = renderItem(item, it.dashColumn);
    if (index < count) {
        add(it.leads[index], 0, text);
    } else {
        const size_t end = it.ends.back();
        add(end, 0, lineBreakBefore(end) + text);
    }
}

void YamlPatcher::removeItem(const YAML::Node &sequence, size_t index)
{
    Items it;
    if (!findItems(sequence, &it) || index >= it.starts.size())
        return;
    const size_t count = it.starts.size();
    if (count == 1) {
        fail("cannot remove the only item of a list", it.starts[0]);
        return;
    }
    size_t from = 0;
    size_t to = 0;
    if (it.flow) {
        from = index + 1 < count ? it.starts[index] : it.ends[index - 1];
        to = index + 1 < count ? it.starts[index + 1] : it.ends[index];
    } else {
        from = it.leads[index];
        to = index + 1 < count ? it.leads[index + 1] : it.ends[index];
    }
    add(from, to - from, {});
}

void YamlPatcher::moveItem(const YAML::Node &sequence, size_t from, size_t to)
{
    Items it;
    if (!findItems(sequence, &it))
        return;
    const size_t count = it.starts.size();
    if (from >= count || to >= count) {
        fail("list position out of range");
        return;
    }
    if (from == to)
        return;
    const std::string &text = m_text.text();
    if (it.flow) {
        const std::string moved = text.substr(it.starts[from], it.ends[from] - it.starts[from]);
        removeItem(sequence, from);
        if (to < from)
            add(it.starts[to], 0, moved + ", ");
        else
            add(it.ends[to], 0, ", " + moved);
        return;
    }
    const size_t start = it.leads[from];
    const size_t end = from + 1 < count ? it.leads[from + 1] : it.ends[from];
    std::string moved = text.substr(start, end - start);
    if (moved.empty() || moved.back() != '\n')
        moved += m_layout.newline;
    add(start, end - start, {});
    if (to < from) {
        add(it.leads[to], 0, moved);
    } else {
        const size_t at = to + 1 < count ? it.leads[to + 1] : it.ends[to];
        add(at, 0, lineBreakBefore(at) + moved);
    }
}

void YamlPatcher::appendDocument(const std::string &document)
{
    const std::string &text = m_text.text();
    std::string prefix = lineBreakBefore(text.size());
    if (text.find_first_not_of(" \t\r\n") != std::string::npos)
        prefix += "---" + m_layout.newline;
    add(text.size(), 0, prefix + document);
}

} // namespace meshlane
