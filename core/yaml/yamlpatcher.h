// SPDX-License-Identifier: MIT
#pragma once

#include "yaml/textedit.h"
#include "yaml/yamltext.h"
#include "yaml/yamlwriter.h"

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

namespace meshlane {

// Turns structural changes to a parsed YAML document into the smallest text
// edits of its file: a changed scalar replaces just its bytes, an inserted key
// or list item becomes new lines indented like their neighbours, a removed one
// takes its own lines (and the comment lines directly above it) with it.
// Everything else (comments, key order, quoting, blank lines, other documents)
// stays byte-identical. Block and flow style (so JSON too) are both handled.
//
// Nodes passed in must come from parsing this very text (ResourceMeta::raw of
// a resource of this file). A node reached through an alias (*name), or an
// anchor another place aliases, is refused rather than edited for everybody.
// Every edit is computed against the original text; the first failure stops
// the patcher and error() says why.
class YamlPatcher
{
public:
    // `document` (the resource's node) decides the indentation of inserted text.
    YamlPatcher(std::string file, const std::string &text, const YAML::Node &document);

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }
    // The edits so far, sorted; an overlap becomes an error.
    std::vector<TextEdit> edits();
    const YamlLayout &layout() const { return m_layout; }
    const YamlText &text() const { return m_text; }
    bool isJson() const { return m_json; }

    // The value of `key` in `map` (or item `index` of `sequence`) if it may be
    // edited in place; an undefined node (and an error) otherwise.
    YAML::Node enter(const YAML::Node &map, const std::string &key);
    YAML::Node enter(const YAML::Node &sequence, size_t index);

    // Makes map[key] equal `value`: a scalar is replaced in place, a mapping is
    // merged key by key (keys `value` lacks are removed), anything else is
    // replaced whole; an absent key is added at the end of the mapping, or just
    // before key `before` when the mapping has it (`match` goes before `route`).
    void setValue(const YAML::Node &map, const std::string &key, const YAML::Node &value,
                  const std::string &before = {});
    void removeKey(const YAML::Node &map, const std::string &key);

    // `index` == size() appends.
    void insertItem(const YAML::Node &sequence, size_t index, const YAML::Node &item);
    void removeItem(const YAML::Node &sequence, size_t index);
    // Item `from` ends up at index `to` (of the list after the move).
    void moveItem(const YAML::Node &sequence, size_t from, size_t to);

    // Adds a document at the end of the file, after a "---" when the file
    // already holds something.
    void appendDocument(const std::string &document);

private:
    struct Entry;
    struct Items;

    void fail(const std::string &message, size_t offset = std::string::npos);
    void add(size_t offset, size_t length, std::string replacement);
    bool isFlow(const YAML::Node &node) const;
    bool findEntry(const YAML::Node &map, const std::string &key, Entry *entry);
    bool findItems(const YAML::Node &sequence, Items *items);
    bool checkAnchor(const std::string &anchor, size_t offset, const std::string &what);
    void replaceValue(const Entry &entry, const YAML::Node &value);
    void insertKey(const YAML::Node &map, const std::string &key, const YAML::Node &value, const std::string &before);
    std::string renderBlock(const YAML::Node &node, int column) const;
    std::string renderItem(const YAML::Node &item, int dashColumn) const;
    std::string renderFlow(const YAML::Node &node) const;
    std::string lineBreakBefore(size_t offset) const;
    std::string where(size_t offset) const;

    std::string m_file;
    YamlText m_text;
    YamlLayout m_layout;
    bool m_json = false;
    std::vector<TextEdit> m_edits;
    std::string m_error;
};

} // namespace meshlane
