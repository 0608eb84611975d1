// SPDX-License-Identifier: MIT
#include "base/relativepath.h"
#include "edit/editcontext.h"
#include "model/hostname.h"

#include <filesystem>
#include <map>

namespace meshlane {

namespace {

// New resources speak the API version the user's other Istio resources speak,
// so a mesh written for an older Istio stays applicable to it.
std::string preferredIstioApiVersion(const Mesh &mesh)
{
    std::map<std::string, int> counts;
    const auto count = [&counts](const auto &resources) {
        for (const auto &resource : resources)
            ++counts[resource->meta.apiVersion];
    };
    count(mesh.virtualServices);
    count(mesh.destinationRules);
    count(mesh.gateways);
    count(mesh.serviceEntries);
    std::string best = "networking.istio.io/v1";
    int bestCount = 0;
    for (const auto &[version, n] : counts) {
        if (n > bestCount && version.rfind("networking.istio.io/", 0) == 0) {
            best = version;
            bestCount = n;
        }
    }
    return best;
}

YAML::Node subsetNode(const std::string &name, const Labels &labels)
{
    YAML::Node subset(YAML::NodeType::Map);
    subset["name"] = YamlWriter::stringNode(name);
    for (const auto &[key, value] : labels)
        subset["labels"][YamlWriter::stringNode(key)] = YamlWriter::stringNode(value);
    return subset;
}

bool fileExistsOnDisk(const Mesh &mesh, const std::string &relative)
{
    std::error_code error;
    return !mesh.rootPath.empty() && std::filesystem::exists(std::filesystem::path(mesh.rootPath) / relative, error);
}

// `<kind>-<name>.yaml`, or `-2`, `-3`... when a file the mesh does not know
// (unreadable, or not a manifest) already has that name on disk.
std::string newFileName(const Mesh &mesh, const std::string &stem)
{
    for (int n = 1;; ++n) {
        const std::string name = stem + (n == 1 ? std::string() : '-' + std::to_string(n)) + ".yaml";
        if (mesh.findFile(name) || !fileExistsOnDisk(mesh, name))
            return name;
    }
}

} // namespace

Result<MeshChange> createSubset(const MeshPtr &mesh, const std::string &hostFqdn, const std::string &subsetName,
                                const Labels &labels, const NewResourcePlacement &placement)
{
    EditContext context(mesh);
    const auto stop = [&context](std::string message) {
        context.fail(std::move(message));
        return context.finish({});
    };
    if (!isDns1123Label(subsetName))
        return stop("subset name '" + subsetName + "' is not a DNS-1123 label (lower-case letters, digits, '-')");
    if (labels.empty())
        return stop("a subset needs at least one label to select its pods");
    for (const DestinationRule *rule : mesh->destinationRulesFor(hostFqdn)) {
        if (rule->findSubset(subsetName))
            return stop("DestinationRule " + rule->meta.ns + '/' + rule->meta.name + " already defines subset "
                        + subsetName);
    }
    const std::string description = "Create subset " + subsetName + " of " + hostFqdn;

    const std::vector<const DestinationRule *> rules = mesh->destinationRulesFor(hostFqdn);
    if (!rules.empty()) {
        const DestinationRule &rule = *rules.front();
        if (!context.openResource(rule.meta))
            return context.finish({});
        YamlPatcher &patcher = context.patcher();
        const YAML::Node spec = context.spec();
        const YAML::Node subsets = context.ok() ? patcher.enter(spec, "subsets") : YAML::Node();
        if (context.ok() && subsets.IsSequence()) {
            patcher.insertItem(subsets, subsets.size(), subsetNode(subsetName, labels));
        } else if (context.ok()) {
            YAML::Node list(YAML::NodeType::Sequence);
            list.push_back(subsetNode(subsetName, labels));
            patcher.setValue(spec, "subsets", list);
        }
        return context.finish(description);
    }

    // No rule for the host yet: a new one named after the Service, in its namespace.
    std::string name;
    std::string ns;
    std::string host;
    if (splitServiceFqdn(hostFqdn, &name, &ns)) {
        host = name;
    } else {
        name = hostFqdn;
        ns = placement.ns.empty() ? mesh->defaultNamespace : placement.ns;
        host = hostFqdn;
    }
    if (!isDns1123Subdomain(name))
        return stop("cannot name a DestinationRule after '" + name + "': not a DNS-1123 name");
    if (!isDns1123Label(ns))
        return stop("namespace '" + ns + "' is not a DNS-1123 label");
    for (const auto &rule : mesh->destinationRules) {
        if (rule->meta.ns == ns && rule->meta.name == name)
            return stop("DestinationRule " + ns + '/' + name + " already exists (for host " + rule->host + ')');
    }
    const std::string file = placement.file.empty() ? newFileName(*mesh, "destinationrule-" + name) : placement.file;
    if (const Result<void> safe = checkSafeRelativePath(file); !safe)
        return stop(safe.error());
    if (file.size() < 5 || (file.compare(file.size() - 5, 5, ".yaml") != 0 && file.compare(file.size() - 4, 4, ".yml") != 0))
        return stop("new resources go into a .yaml or .yml file, not " + file);
    if (!context.openFile(file))
        return context.finish({});

    YAML::Node rule(YAML::NodeType::Map);
    rule["apiVersion"] = YamlWriter::stringNode(preferredIstioApiVersion(*mesh));
    rule["kind"] = YamlWriter::stringNode("DestinationRule");
    rule["metadata"]["name"] = YamlWriter::stringNode(name);
    rule["metadata"]["namespace"] = YamlWriter::stringNode(ns);
    rule["spec"]["host"] = YamlWriter::stringNode(host);
    rule["spec"]["subsets"].push_back(subsetNode(subsetName, labels));
    context.patcher().appendDocument(YamlWriter::block(rule, 0, context.patcher().layout()));
    return context.finish(description + " in a new DestinationRule " + ns + '/' + name);
}

Result<MeshChange> createVersionSubset(const MeshPtr &mesh, const std::string &serviceFqdn,
                                       const std::string &version, const std::string &labelKey,
                                       const NewResourcePlacement &placement)
{
    return createSubset(mesh, serviceFqdn, version, Labels{{labelKey, version}}, placement);
}

} // namespace meshlane
