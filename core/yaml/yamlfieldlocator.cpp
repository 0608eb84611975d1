// SPDX-License-Identifier: MIT
#include "yaml/yamlfieldlocator.h"

#include <algorithm>

namespace meshlane {

namespace {

// Deeper than any Kubernetes object; the loader refuses such files anyway.
constexpr size_t kMaxDepth = 64;

struct Field
{
    YamlFieldLocator::Path path;
    int line = 0; // 0-based, as yaml-cpp counts
    int column = 0;
};

// Every key and list item with a position, parents before their children.
void collect(const YAML::Node &node, YamlFieldLocator::Path &path, std::vector<Field> &fields)
{
    if (path.size() >= kMaxDepth)
        return;
    const auto add = [&](const YAML::Node &positioned, const YAML::Node &value) {
        const YAML::Mark mark = positioned.Mark();
        if (!mark.is_null())
            fields.push_back({path, mark.line, mark.column});
        collect(value, path, fields);
        path.pop_back();
    };
    if (node.IsMap()) {
        for (auto it = node.begin(); it != node.end(); ++it) {
            if (!it->first.IsScalar())
                continue; // Kubernetes has no complex keys: nothing a finding names
            path.push_back({it->first.Scalar(), -1});
            add(it->first, it->second);
        }
    } else if (node.IsSequence()) {
        int index = 0;
        for (auto it = node.begin(); it != node.end(); ++it, ++index) {
            path.push_back({std::string(), index});
            add(*it, *it);
        }
    }
}

std::vector<Field> fieldsOf(const YAML::Node &root)
{
    std::vector<Field> fields;
    YamlFieldLocator::Path path;
    collect(root, path, fields);
    return fields;
}

} // namespace

YamlFieldLocator::Path YamlFieldLocator::pathAt(const YAML::Node &resource, int line, int column)
{
    if (line <= 0)
        return {};
    const std::vector<Field> fields = fieldsOf(resource);
    const int wantedLine = line - 1;
    const int wantedColumn = column - 1;
    const Field *onLine = nullptr;
    const Field *before = nullptr;
    for (const Field &field : fields) {
        if (field.line == wantedLine) {
            if (column > 0 && field.column == wantedColumn)
                return field.path; // the first is the outermost: a list item before its first key
            if (!onLine)
                onLine = &field;
        } else if (field.line < wantedLine && (!before || field.line >= before->line)) {
            before = &field;
        }
    }
    if (onLine)
        return onLine->path;
    return before ? before->path : Path();
}

int YamlFieldLocator::lineOf(const std::string &yamlText, const Path &path)
{
    std::vector<Field> fields;
    try {
        fields = fieldsOf(YAML::Load(yamlText));
    } catch (const std::exception &) {
        return 0;
    }
    for (size_t length = path.size(); length > 0; --length) {
        const auto found = std::find_if(fields.begin(), fields.end(), [&](const Field &field) {
            return field.path.size() == length && std::equal(field.path.begin(), field.path.end(), path.begin());
        });
        if (found != fields.end())
            return found->line;
    }
    return 0;
}

std::string YamlFieldLocator::toString(const Path &path)
{
    std::string text;
    for (const Step &step : path) {
        if (step.index >= 0) {
            text += '[' + std::to_string(step.index) + ']';
        } else {
            if (!text.empty())
                text += '.';
            text += step.key;
        }
    }
    return text;
}

} // namespace meshlane
