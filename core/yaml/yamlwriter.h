// SPDX-License-Identifier: MIT
#pragma once

#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <string>

namespace meshlane {

// How a file lays out block YAML, so inserted text looks like its neighbours.
struct YamlLayout
{
    int indent = 2;         // a nested mapping's keys, relative to its parent key
    int sequenceIndent = 0; // a list's "- ", relative to its key: 0 is `key:\n- a` (kubectl), 2 is `key:\n  - a`
    std::string newline = "\n";
};

// Writes YAML text from yaml-cpp nodes. Our own emitter rather than
// YAML::Emitter because the text must follow Kubernetes' reading of scalars:
// a string that YAML would read as a number or boolean ("10", "true") is
// quoted, a value written plain stays plain, and quoting follows the source
// (yaml-cpp tags scalars that were quoted with "!").
class YamlWriter
{
public:
    enum class KeyOrder {
        AsGiven, // the node's own order (yaml-cpp keeps insertion order)
        Kubectl, // what `kubectl get -o yaml` prints: keys sorted, digits by value
    };

    // One resource the way `kubectl get -o yaml` prints it, minus what the API
    // server adds (status, uid, resourceVersion, generation, creationTimestamp,
    // managedFields, selfLink, the last-applied-configuration annotation).
    // apiVersion and every field stay as written, unknown ones included;
    // 2-space indent, lists not indented under their key, like kubectl.
    static std::string canonical(const YAML::Node &resource);

    // `node` in block style, every line indented by `column` spaces and ended
    // by layout.newline. A scalar gives one line.
    static std::string block(const YAML::Node &node, int column, const YamlLayout &layout = {},
                             KeyOrder order = KeyOrder::AsGiven);

    // `node` on one line in flow style ({a: 1, b: [x, y]}); with `json`, as JSON.
    static std::string flow(const YAML::Node &node, bool json = false);

    // One scalar as it should be written in block (or flow) context.
    static std::string scalar(const YAML::Node &node, bool flowContext = false, bool json = false);

    // Nodes for building what edits insert: a string is always written so it
    // reads back as a string; numbers are written plain.
    static YAML::Node stringNode(const std::string &text);
    static YAML::Node integerNode(int64_t value);
    static YAML::Node numberNode(double value);

    // go-yaml's key order, which kubectl's output inherits: like strcmp, but
    // runs of digits compare by value and a non-letter sorts before a letter.
    static bool kubectlKeyLess(const std::string &a, const std::string &b);

    // True when a plain scalar with this text would be read as something other
    // than a string (null, a boolean, a number) by YAML 1.1 or 1.2 readers.
    static bool looksLikeNonString(const std::string &text);
};

} // namespace meshlane
