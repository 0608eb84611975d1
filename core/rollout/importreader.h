// SPDX-License-Identifier: MIT
#pragma once

#include "rollout/rolloutimport.h"

#include <yaml-cpp/yaml.h>

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace meshlane {

// A failure that stops an import: the source cannot be a plan at all.
struct ImportError
{
    int line = 0;
    std::string message;
};

// Reads one map of a foreign resource (Argo, Flagger) field by field and
// remembers which keys were used, so that listRest() can list every key the
// plan does not carry: nothing is dropped without a note.
class ImportReader
{
public:
    ImportReader(YAML::Node node, std::string path, std::vector<RolloutImport::Note> *notes);

    const YAML::Node &node() const { return m_node; }
    std::string path(const std::string &key) const { return m_path.empty() ? key : m_path + '.' + key; }
    bool has(const char *key) const;
    // The value (undefined when absent); marks the key as read.
    YAML::Node take(const char *key);
    // A reader on a map value; throws when the value is there but not a map.
    std::optional<ImportReader> map(const char *key);
    std::optional<std::string> string(const char *key);
    std::optional<double> number(const char *key);
    // Lists `key` (when present) as ignored for `reason`, and marks it read.
    void ignore(const char *key, const std::string &reason);
    // Lists every key not read yet for `reason`.
    void listRest(const std::string &reason);
    void note(const YAML::Node &at, const std::string &field, const std::string &reason) const;

    static int line(const YAML::Node &node) { return node.Mark().line >= 0 ? node.Mark().line + 1 : 0; }
    [[noreturn]] static void fail(const YAML::Node &at, const std::string &message);
    // Argo's and Go's durations: "30s", "5m", "1h30m", or a whole number of seconds.
    static double duration(const YAML::Node &node, const std::string &field);

private:
    YAML::Node m_node;
    std::string m_path;
    std::vector<RolloutImport::Note> *m_notes;
    std::set<std::string> m_read;
};

} // namespace meshlane
