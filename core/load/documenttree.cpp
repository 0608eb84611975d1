// SPDX-License-Identifier: MIT
#include "load/documenttree.h"

#include "load/allocationbudget.h"
#include "load/fieldreader.h"
#include "yaml/yamltext.h"

#include <new>

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
        const YAML::Node items = childOf(document, "items");
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
    const YamlText yaml(text);
    DocumentLines lines;
    lines.endLine = yaml.lineCount();
    for (int at = 0; at < yaml.lineCount(); ++at) {
        if (!yaml.isDocumentMarker(at))
            continue;
        if (at <= line) {
            lines.firstLine = at;
        } else {
            lines.endLine = at;
            break;
        }
    }
    return lines;
}

YAML::Node DocumentTree::of(const SourceFile &file, const ResourceMeta &meta)
{
    if (!file.parsed || meta.location.file != file.path || meta.location.line <= 0)
        return {};
    // Its own document first: a file of a thousand documents is not parsed for one.
    const std::string alone = linesInPlace(file.text, documentAround(file.text, meta.location.line - 1));
    for (const YAML::Node &document : parseAll(alone)) {
        if (YAML::Node node = resourceIn(document, meta); node.IsMap())
            return node;
    }
    // Markers inside block scalars and the like: the whole file, as the loader read it.
    const std::vector<YAML::Node> documents = parseAll(file.text);
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
