// SPDX-License-Identifier: MIT
#pragma once

#include "edit/meshedit.h"
#include "yaml/yamlpatcher.h"

#include <memory>
#include <string>
#include <vector>

namespace meshlane {

// What every edit operation does before and after its own part: find the
// resource, open its file in a YamlPatcher, walk the parsed document with
// alias checks, and finally apply the edits and re-read the file. Internal to
// the operations in meshedit.h.
class EditContext
{
public:
    explicit EditContext(MeshPtr mesh);

    // A Destination as Istio writes it: host, then subset and port.number
    // when set. Every edit that writes a destination or a mirror uses it.
    static YAML::Node destinationNode(const Destination &destination);
    // The Gateway API route `ref` names (kind, namespace, name), or null.
    static const GatewayApiRoute *findGatewayRoute(const Mesh &mesh, const GatewayRuleRef &ref);

    const Mesh &mesh() const { return *m_mesh; }
    bool ok() const { return m_error.empty() && (!m_patcher || m_patcher->ok()); }
    std::string error() const;
    void fail(std::string message);

    // Opens ns/name and its file; false (with an error) when missing or its
    // file is not editable.
    bool openVirtualService(const std::string &ns, const std::string &name);
    bool openResource(const ResourceMeta &meta);
    // Opens `file` (may be new) for edits that add a document.
    bool openFile(const std::string &file);

    const VirtualService &virtualService() const { return *m_virtualService; }
    YamlPatcher &patcher() { return *m_patcher; }
    const ResourceMeta &resource() const { return *m_resource; }

    YAML::Node spec();
    YAML::Node httpList();
    // The typed vs.http[index] as a node; checks the index.
    YAML::Node httpRoute(size_t index);
    const HttpRoute *typedRoute(size_t index);
    // Any section's route (ref.section: "http", "tcp", "tls"): its destinations
    // (null, with an error, when there is no such route) and its node.
    const std::vector<RouteDestination> *destinationsOf(const RouteRef &ref);
    YAML::Node routeNode(const RouteRef &ref);
    // The raw position of typed element `index`: typed lists skip non-mapping items.
    size_t rawIndex(const YAML::Node &sequence, size_t index) const;

    // Writes weights[j] to destination j of `route` (its node: `routeNode`)
    // where it differs from what is written. A weight is written when one was
    // before, when the route will have several destinations (`destinationsAfter`),
    // or when a lone destination should get anything but 100. A negative
    // weight means "leave this one alone".
    void writeWeights(const YAML::Node &routeNode, const std::vector<RouteDestination> &route,
                      const std::vector<int> &weights, size_t destinationsAfter);
    // Fails unless vs ns/name's route `index` in `mesh` has these effective weights:
    // a cheap proof that the text and the intent agree.
    static std::string checkWeights(const Mesh &mesh, const RouteRef &ref, const std::vector<int> &weights);

    Result<MeshChange> finish(const std::string &description);
    // fail(message), then finish(): the operation changes nothing and says why.
    Result<MeshChange> refuse(std::string message);

private:
    MeshPtr m_mesh;
    const VirtualService *m_virtualService = nullptr;
    const ResourceMeta *m_resource = nullptr;
    YAML::Node m_document; // m_resource's, parsed from its file when opened
    std::unique_ptr<YamlPatcher> m_patcher;
    std::string m_error;
};

} // namespace meshlane
