// SPDX-License-Identifier: MIT
#include "cli/cli.h"
#include "cli/clicommands.h"
#include "cli/clisupport.h"

#include <QTextStream>

namespace meshlane::cli {

namespace {

struct Row
{
    const ResourceMeta *meta;
};

std::vector<const ResourceMeta *> allResources(const Mesh &mesh)
{
    std::vector<const ResourceMeta *> list;
    const auto add = [&list](const auto &resources) {
        for (const auto &resource : resources)
            list.push_back(&resource->meta);
    };
    mesh.forEachList(add);
    for (const ResourceMeta &meta : mesh.otherResources)
        list.push_back(&meta);
    std::stable_sort(list.begin(), list.end(), [](const ResourceMeta *a, const ResourceMeta *b) {
        return std::tie(a->location.file, a->location.line) < std::tie(b->location.file, b->location.line);
    });
    return list;
}

} // namespace

int runInspect(const QStringList &args, QTextStream &out, QTextStream &err)
{
    CommandLine commandLine(QStringLiteral("inspect"),
                            QStringLiteral("List every resource in DIR with its kind, namespace, name, file and line."));
    int exitCode = ExitOk;
    if (!commandLine.parse(args, out, err, &exitCode))
        return exitCode;

    const LoadResult loaded = commandLine.load();
    const std::vector<const ResourceMeta *> resources = allResources(*loaded.mesh);
    exitCode = loaded.unparseableFiles > 0 ? ExitUnparseable : ExitOk;

    if (commandLine.json()) {
        QJsonArray list;
        for (const ResourceMeta *meta : resources) {
            QJsonObject object;
            object[QStringLiteral("kind")] = qs(meta->kind);
            object[QStringLiteral("apiVersion")] = qs(meta->apiVersion);
            object[QStringLiteral("namespace")] = qs(meta->ns);
            object[QStringLiteral("name")] = qs(meta->name);
            object[QStringLiteral("file")] = qs(meta->location.file);
            object[QStringLiteral("line")] = meta->location.line;
            list.append(object);
        }
        QJsonObject root;
        root[QStringLiteral("directory")] = qs(loaded.mesh->rootPath);
        root[QStringLiteral("files")] = loaded.filesRead;
        root[QStringLiteral("resources")] = list;
        root[QStringLiteral("diagnostics")] = toJson(loaded.diagnostics);
        writeJson(out, root);
        return exitCode;
    }

    QList<QStringList> rows{{QStringLiteral("KIND"), QStringLiteral("NAMESPACE"), QStringLiteral("NAME"), QStringLiteral("FILE:LINE")}};
    for (const ResourceMeta *meta : resources)
        rows.append({qs(meta->kind), qs(meta->ns), qs(meta->name), qs(meta->location.toString())});
    out << formatTable(rows);
    out << '\n' << resources.size() << " resources in " << loaded.filesRead << " files";
    const Mesh &mesh = *loaded.mesh;
    out << " (" << mesh.services.size() << " services, " << mesh.workloads.size() << " workloads, "
        << mesh.virtualServices.size() << " virtual services, " << mesh.destinationRules.size()
        << " destination rules, " << mesh.gateways.size() << " gateways, " << mesh.serviceEntries.size()
        << " service entries";
    // Only when present, so output on meshes without them stays as it was.
    if (!mesh.k8sGateways.empty() || !mesh.gatewayApiRoutes.empty())
        out << ", " << mesh.k8sGateways.size() << " Gateway API gateways, " << mesh.gatewayApiRoutes.size()
            << " Gateway API routes";
    out << ")\n";
    if (!loaded.diagnostics.empty()) {
        out.flush();
        printDiagnostics(loaded.diagnostics, err);
    }
    return exitCode;
}

} // namespace meshlane::cli
