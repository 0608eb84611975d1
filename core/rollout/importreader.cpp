// SPDX-License-Identifier: MIT
#include "rollout/importreader.h"

#include "rollout/rolloutplanparser.h"

#include <cmath>

namespace meshlane {

ImportReader::ImportReader(YAML::Node node, std::string path, std::vector<RolloutImport::Note> *notes)
    : m_node(std::move(node))
    , m_path(std::move(path))
    , m_notes(notes)
{
    if (!m_node.IsMap())
        fail(m_node, (m_path.empty() ? std::string("the document") : m_path) + " must be a map");
}

bool ImportReader::has(const char *key) const
{
    const YAML::Node value = m_node[key];
    return value && !value.IsNull();
}

YAML::Node ImportReader::take(const char *key)
{
    m_read.insert(key);
    return m_node[key];
}

std::optional<ImportReader> ImportReader::map(const char *key)
{
    const YAML::Node value = take(key);
    if (!value || value.IsNull())
        return std::nullopt;
    if (!value.IsMap())
        fail(value, path(key) + " must be a map");
    return ImportReader(value, path(key), m_notes);
}

std::optional<std::string> ImportReader::string(const char *key)
{
    const YAML::Node value = take(key);
    if (!value || value.IsNull())
        return std::nullopt;
    if (!value.IsScalar())
        fail(value, path(key) + " must be a string");
    return value.Scalar();
}

std::optional<double> ImportReader::number(const char *key)
{
    const YAML::Node value = take(key);
    if (!value || value.IsNull())
        return std::nullopt;
    double result = 0;
    if (!value.IsScalar() || !YAML::convert<double>::decode(value, result) || !std::isfinite(result))
        fail(value, path(key) + " must be a number");
    return result;
}

void ImportReader::ignore(const char *key, const std::string &reason)
{
    m_read.insert(key);
    for (const auto &entry : m_node) {
        if (entry.first.Scalar() == key)
            note(entry.first, path(key), reason); // the key's line: where a reader looks for it
    }
}

void ImportReader::listRest(const std::string &reason)
{
    for (const auto &entry : m_node) {
        const std::string key = entry.first.Scalar();
        if (m_read.insert(key).second)
            note(entry.first, path(key), reason);
    }
}

void ImportReader::note(const YAML::Node &at, const std::string &field, const std::string &reason) const
{
    if (m_notes)
        m_notes->push_back({line(at), field, reason});
}

void ImportReader::fail(const YAML::Node &at, const std::string &message) { throw ImportError{line(at), message}; }

double ImportReader::duration(const YAML::Node &node, const std::string &field)
{
    const std::optional<double> seconds =
        node.IsScalar() ? RolloutPlanParser::parseDuration(node.Scalar()) : std::nullopt;
    if (!seconds || !(*seconds > 0))
        fail(node, field + " must be a duration above 0 such as 30s, 5m, 1h or a number of seconds");
    return *seconds;
}

} // namespace meshlane
