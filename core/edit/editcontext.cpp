// SPDX-License-Identifier: MIT
#include "edit/editcontext.h"

#include "load/documenttree.h"
#include "yaml/yamlwriter.h"

namespace meshlane {

EditContext::EditContext(MeshPtr mesh)
    : m_mesh(std::move(mesh))
{
}

YAML::Node EditContext::destinationNode(const Destination &destination)
{
    YAML::Node node(YAML::NodeType::Map);
    node["host"] = YamlWriter::stringNode(destination.host);
    if (!destination.subset.empty())
        node["subset"] = YamlWriter::stringNode(destination.subset);
    if (destination.port)
        node["port"]["number"] = YamlWriter::integerNode(*destination.port);
    return node;
}

const GatewayApiRoute *EditContext::findGatewayRoute(const Mesh &mesh, const GatewayRuleRef &ref)
{
    for (const auto &route : mesh.gatewayApiRoutes) {
        if (route->meta.kind == ref.kind && route->meta.ns == ref.ns && route->meta.name == ref.name)
            return route.get();
    }
    return nullptr;
}

std::string EditContext::error() const
{
    if (!m_error.empty())
        return m_error;
    return m_patcher ? m_patcher->error() : std::string();
}

void EditContext::fail(std::string message)
{
    if (m_error.empty())
        m_error = std::move(message);
}

bool EditContext::openVirtualService(const std::string &ns, const std::string &name)
{
    m_virtualService = m_mesh->findVirtualService(ns, name);
    if (!m_virtualService) {
        fail("no VirtualService " + ns + '/' + name);
        return false;
    }
    return openResource(m_virtualService->meta);
}

bool EditContext::openResource(const ResourceMeta &meta)
{
    m_resource = &meta;
    const SourceFile *file = m_mesh->findFile(meta.location.file);
    if (!file || !file->parsed) {
        fail(meta.kind + ' ' + meta.ns + '/' + meta.name + " has no editable source file");
        return false;
    }
    m_document = DocumentTree::of(*file, meta);
    if (!m_document.IsMap()) {
        fail(meta.kind + ' ' + meta.ns + '/' + meta.name + " is no longer where it was read from in " + file->path);
        return false;
    }
    m_patcher = std::make_unique<YamlPatcher>(file->path, file->text, m_document);
    return true;
}

bool EditContext::openFile(const std::string &path)
{
    const SourceFile *file = m_mesh->findFile(path);
    if (file && !file->parsed) {
        fail(path + " could not be parsed when it was loaded; fix it by hand first");
        return false;
    }
    // Inserted text follows the file's first resource, if it has one.
    const ResourceMeta *layoutSource = nullptr;
    const auto take = [&](const auto &resources) {
        for (const auto &resource : resources) {
            if (!layoutSource && resource->meta.location.file == path)
                layoutSource = &resource->meta;
        }
    };
    take(m_mesh->destinationRules);
    take(m_mesh->virtualServices);
    take(m_mesh->services);
    m_patcher = std::make_unique<YamlPatcher>(path, file ? file->text : std::string(),
                                              file && layoutSource ? DocumentTree::of(*file, *layoutSource) : YAML::Node());
    return true;
}

YAML::Node EditContext::spec()
{
    if (!ok())
        return {};
    const YAML::Node node = m_patcher->enter(m_document, "spec");
    if (ok() && !node.IsMap())
        fail(m_resource->kind + ' ' + m_resource->ns + '/' + m_resource->name + " has no spec mapping");
    return node;
}

YAML::Node EditContext::httpList()
{
    const YAML::Node specNode = spec();
    if (!ok())
        return {};
    const YAML::Node list = m_patcher->enter(specNode, "http");
    if (ok() && !list.IsSequence())
        fail("VirtualService " + m_resource->ns + '/' + m_resource->name + " has no http routes");
    return list;
}

size_t EditContext::rawIndex(const YAML::Node &sequence, size_t index) const
{
    size_t maps = 0;
    for (size_t i = 0; i < sequence.size(); ++i) {
        if (!sequence[i].IsMap())
            continue;
        if (maps++ == index)
            return i;
    }
    return sequence.size();
}

const HttpRoute *EditContext::typedRoute(size_t index)
{
    if (!m_virtualService || index >= m_virtualService->http.size()) {
        fail("VirtualService " + (m_resource ? m_resource->ns + '/' + m_resource->name : std::string())
             + " has no http route " + std::to_string(index));
        return nullptr;
    }
    return &m_virtualService->http[index];
}

YAML::Node EditContext::httpRoute(size_t index)
{
    if (!typedRoute(index))
        return {};
    const YAML::Node list = httpList();
    if (!ok())
        return {};
    return m_patcher->enter(list, rawIndex(list, index));
}

const std::vector<RouteDestination> *EditContext::destinationsOf(const RouteRef &ref)
{
    const std::vector<RouteDestination> *found =
        m_virtualService ? routeDestinations(*m_virtualService, ref.section, ref.index) : nullptr;
    if (!found)
        fail("VirtualService " + (m_resource ? m_resource->ns + '/' + m_resource->name : std::string()) + " has no "
             + ref.section + " route " + std::to_string(ref.index));
    return found;
}

YAML::Node EditContext::routeNode(const RouteRef &ref)
{
    if (ref.section == "http")
        return httpRoute(ref.index);
    if (!destinationsOf(ref))
        return {};
    const YAML::Node specNode = spec();
    if (!ok())
        return {};
    const YAML::Node list = m_patcher->enter(specNode, ref.section.c_str());
    if (!ok())
        return {};
    return m_patcher->enter(list, rawIndex(list, ref.index));
}

void EditContext::writeWeights(const YAML::Node &routeNode, const std::vector<RouteDestination> &route,
                               const std::vector<int> &weights, size_t destinationsAfter)
{
    const YAML::Node list = m_patcher->enter(routeNode, "route");
    if (!ok())
        return;
    for (size_t j = 0; j < route.size() && j < weights.size(); ++j) {
        if (weights[j] < 0)
            continue;
        const RouteDestination &destination = route[j];
        const bool write = destination.weight || destinationsAfter > 1 || weights[j] != 100;
        if (!write || (destination.weight && *destination.weight == weights[j]))
            continue;
        const YAML::Node entry = m_patcher->enter(list, rawIndex(list, j));
        m_patcher->setValue(entry, "weight", YamlWriter::integerNode(weights[j]));
    }
}

std::string EditContext::checkWeights(const Mesh &mesh, const RouteRef &ref, const std::vector<int> &weights)
{
    const VirtualService *vs = mesh.findVirtualService(ref.ns, ref.name);
    const std::vector<RouteDestination> *route = vs ? routeDestinations(*vs, ref.section, ref.index) : nullptr;
    if (!route || route->size() != weights.size())
        return "the edited text does not read back as intended (route " + std::to_string(ref.index) + ')';
    for (size_t j = 0; j < weights.size(); ++j) {
        const int64_t weight = effectiveWeight(*route, j);
        if (weight != weights[j])
            return "the edited text does not read back as intended (destination " + std::to_string(j) + " weight "
                + std::to_string(weight) + " instead of " + std::to_string(weights[j]) + ')';
    }
    return {};
}

Result<MeshChange> EditContext::refuse(std::string message)
{
    fail(std::move(message));
    return finish({});
}

Result<MeshChange> EditContext::finish(const std::string &description)
{
    if (!ok())
        return Result<MeshChange>::failure(error());
    std::vector<TextEdit> edits = m_patcher ? m_patcher->edits() : std::vector<TextEdit>{};
    if (m_patcher && !m_patcher->ok())
        return Result<MeshChange>::failure(m_patcher->error());
    return applyEdits(m_mesh, std::move(edits), description);
}

} // namespace meshlane
