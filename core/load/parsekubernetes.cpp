// SPDX-License-Identifier: MIT
#include "load/resourceparsers.h"

namespace meshlane {

bool isWorkloadKind(const std::string &kind)
{
    return kind == "Deployment" || kind == "StatefulSet" || kind == "DaemonSet" || kind == "ReplicaSet"
        || kind == "Pod";
}

std::shared_ptr<Service> parseService(FieldReader &document, ResourceMeta meta)
{
    auto service = std::make_shared<Service>();
    service->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (!spec)
        return service;
    service->hasSelector = spec->has("selector");
    service->selector = spec->stringMap("selector");
    service->type = spec->string("type").value_or("ClusterIP");
    for (FieldReader &port : itemsFor(*spec, "ports", service->ports)) {
        ServicePort parsed;
        parsed.name = port.string("name").value_or("");
        parsed.port = uint32_t(port.integer("port").value_or(0));
        const CompactNode target = port.value("targetPort");
        if (target.IsScalar())
            parsed.targetPort = target.Scalar();
        parsed.protocol = port.string("protocol").value_or("TCP");
        parsed.appProtocol = port.string("appProtocol").value_or("");
        port.ignore("nodePort");
        port.finish();
        service->ports.push_back(std::move(parsed));
    }
    // The rest of a Service spec does not affect routing; it is kept as written.
    return service;
}

namespace {

void parseContainers(FieldReader &podSpec, Workload &workload)
{
    for (FieldReader &entry : itemsFor(podSpec, "containers", workload.containers)) {
        Container container;
        container.name = entry.string("name").value_or("");
        container.image = entry.string("image").value_or("");
        for (FieldReader &port : itemsFor(entry, "ports", container.ports)) {
            ContainerPort parsed;
            parsed.name = port.string("name").value_or("");
            parsed.containerPort = uint32_t(port.integer("containerPort").value_or(0));
            parsed.protocol = port.string("protocol").value_or("TCP");
            container.ports.push_back(std::move(parsed));
        }
        for (FieldReader &variable : itemsFor(entry, "env", container.env)) {
            const std::string name = variable.string("name").value_or("");
            const CompactNode value = variable.value("value");
            container.env.emplace_back(name, value.IsScalar() ? value.Scalar() : std::string());
        }
        workload.containers.push_back(std::move(container));
    }
}

} // namespace

std::shared_ptr<Workload> parseWorkload(FieldReader &document, ResourceMeta meta)
{
    auto workload = std::make_shared<Workload>();
    workload->meta = std::move(meta);
    std::optional<FieldReader> spec = document.map("spec");
    if (workload->meta.kind == "Pod") {
        workload->podLabels = workload->meta.labels;
        if (spec) {
            parseContainers(*spec, *workload);
            workload->nodeName = spec->string("nodeName").value_or("");
        }
        return workload;
    }
    if (!spec)
        return workload;
    workload->replicas = int(spec->integer("replicas").value_or(1));
    if (std::optional<FieldReader> selector = spec->map("selector"))
        workload->selector = selector->stringMap("matchLabels");
    if (std::optional<FieldReader> pod = spec->map("template")) {
        if (std::optional<FieldReader> podMeta = pod->map("metadata"))
            workload->podLabels = podMeta->stringMap("labels");
        if (std::optional<FieldReader> podSpec = pod->map("spec")) {
            parseContainers(*podSpec, *workload);
            workload->nodeName = podSpec->string("nodeName").value_or("");
        }
    }
    return workload;
}

} // namespace meshlane
