// SPDX-License-Identifier: MIT
#include "load/documenttree.h"

#include "load/allocationbudget.h"
#include "yaml/yamltext.h"

#include <new>
#include <string_view>

namespace meshlane {

namespace {

std::vector<YAML::Node> parseAll(const std::string &text)
{
    try {
        const AllocationBudget guard(AllocationBudget::forYamlParse(text.size()));
        return YAML::LoadAll(text);
    } catch (const std::exception &) { // bad_alloc included: the text changed under us
        return {};
    }
}

// The resource's node in document `document` if it starts where it was
// loaded from, else a null node (yaml-cpp's default Node is a defined null).
YAML::Node resourceIn(const YAML::Node &document, const ResourceMeta &meta)
{
    YAML::Node node = document;
    if (meta.listIndex >= 0) {
        // Const lookups only: a missing key must not be added, nor throw.
        const YAML::Node items = document.IsMap() ? document["items"] : YAML::Node();
        if (!items.IsSequence() || size_t(meta.listIndex) >= items.size())
            return {};
        node = items[size_t(meta.listIndex)];
    }
    if (!node.IsMap() || node.Mark().is_null() || node.Mark().line + 1 != meta.location.line)
        return {};
    return node;
}

} // namespace

std::string DocumentTree::linesInPlace(const std::string &text, const DocumentLines &lines)
{
    size_t start = 0;
    int line = 0;
    while (line < lines.firstLine && start != std::string::npos) {
        start = text.find('\n', start);
        if (start != std::string::npos)
            ++start;
        ++line;
    }
    if (start == std::string::npos)
        return {};
    size_t end = start;
    while (line < lines.endLine && end != std::string::npos) {
        end = text.find('\n', end);
        if (end != std::string::npos)
            ++end;
        ++line;
    }
    return std::string(size_t(lines.firstLine), '\n')
        + text.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

DocumentLines DocumentTree::documentAround(const std::string &text, int line)
{
    // One pass over the text without copying it: an edit asks this of a file
    // that may hold a thousand documents, on every step of a slider drag.
    DocumentLines lines;
    int at = 0;
    for (size_t start = 0; start < text.size(); ++at) {
        const size_t newline = text.find('\n', start);
        const size_t end = newline == std::string::npos ? text.size() : newline;
        if (YamlText::isDocumentMarkerLine(std::string_view(text).substr(start, end - start))) {
            if (at > line) {
                lines.endLine = at;
                return lines;
            }
            lines.firstLine = at;
        }
        start = end + 1;
    }
    lines.endLine = at;
    return lines;
}

YAML::Node DocumentTree::of(const SourceFile &file, const ResourceMeta &meta)
{
    if (!file.parsed || meta.location.file != file.path)
        return {};
    return ofText(file.text, meta);
}

YAML::Node DocumentTree::ofText(const std::string &text, const ResourceMeta &meta)
{
    if (meta.location.line <= 0)
        return {};
    // Its own document first: a file of a thousand documents is not parsed for one.
    const std::string alone = linesInPlace(text, documentAround(text, meta.location.line - 1));
    for (const YAML::Node &document : parseAll(alone)) {
        if (YAML::Node node = resourceIn(document, meta); node.IsMap())
            return node;
    }
    // Markers inside block scalars and the like: the whole file, as the loader read it.
    const std::vector<YAML::Node> documents = parseAll(text);
    if (meta.documentIndex < 0 || size_t(meta.documentIndex) >= documents.size())
        return {};
    return resourceIn(documents[size_t(meta.documentIndex)], meta);
}

YAML::Node DocumentTree::of(const Mesh &mesh, const ResourceMeta &meta)
{
    const SourceFile *file = mesh.findFile(meta.location.file);
    return file ? of(*file, meta) : YAML::Node();
}

} // namespace meshlane
