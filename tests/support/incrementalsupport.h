// SPDX-License-Identifier: MIT
#pragma once

// Helpers for the tests that prove incremental results (derived Routers,
// remembered shares, updated graphs, in-place re-reads) equal what a full
// rebuild gives: meshes to edit, a seeded random editor, and readable
// descriptions of decisions and graphs to compare.

#include "edit/meshedit.h"
#include "edit/weightbalancer.h"
#include "graph/meshgraph.h"
#include "load/manifestloader.h"
#include "routing/router.h"
#include "simulation/plainrequest.h"
#include "support/testdata.h"

#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <cctype>
#include <cstdint>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace meshlane::incremental {

inline std::string samplePath(const std::string &name)
{
    return test::samplePath(name);
}

inline std::string dataPath(const std::string &name)
{
    return test::testDataPath("incremental/" + name);
}

// Folders to edit: samples with weighted routes, mirrors, gateways, and our
// edge cases (delegation, merged gateway hosts, exportTo, a conflict).
inline std::vector<std::string> editFolders()
{
    return {samplePath("bookinfo"), samplePath("bookinfo-80-20"), samplePath("greeter"), samplePath("httpbin-mirror"),
            samplePath("catalog-dark-launch"), dataPath("edge-cases")};
}

// meshgen's mesh (one file per service, one ingress Gateway), written once per process.
inline std::string generatedMesh(int services)
{
    static QTemporaryDir scratch;
    static std::map<int, std::string> folders;
    if (const auto it = folders.find(services); it != folders.end())
        return it->second;
    const QString folder = scratch.filePath(QStringLiteral("mesh%1").arg(services));
    const int code = QProcess::execute(QStringLiteral(MESHGEN_PATH),
                                       {QStringLiteral("--services"), QString::number(services),
                                        QStringLiteral("--versions"), QStringLiteral("3"), QStringLiteral("--out"), folder});
    if (code != 0)
        qFatal("meshgen failed (%d)", code);
    return folders.emplace(services, folder.toStdString()).first->second;
}

inline std::string describe(const RouteDecision &decision)
{
    std::ostringstream out;
    out << decision.host << ' ' << decision.gateway << ' ' << decision.port << ' ' << int(decision.action) << ' '
        << decision.status << ' ' << decision.virtualService << ' ' << decision.httpRoute << ' ' << decision.routeName
        << ' ' << decision.matchBlock << ' ' << decision.redirectLocation << " fault " << decision.fault.delayPerMillion
        << '/' << decision.fault.abortPerMillion << '/' << decision.fault.abortStatus << '\n';
    for (const DestinationOutcome &destination : decision.destinations)
        out << "  -> " << destination.target.label() << ' ' << destination.weight << ' ' << destination.probability
            << ' ' << destination.target.status << ' ' << destination.target.podCount() << ' '
            << destination.target.problem.text() << destination.target.note.text() << '\n';
    for (const MirrorOutcome &mirror : decision.mirrors)
        out << "  ~> " << mirror.target.label() << ' ' << mirror.perMillion << '\n';
    for (const std::string &line : decision.explanation)
        out << "  | " << line << '\n';
    return out.str();
}

// Requests that exercise every VirtualService: the plain one per host, and
// variants that meet conditional routes, other namespaces and the gateways.
inline std::vector<HttpRequest> probeRequests(const Mesh &mesh)
{
    std::vector<HttpRequest> requests;
    for (const auto &vs : mesh.virtualServices) {
        for (size_t i = 0; i < vs->hostFqdns.size(); ++i) {
            const HttpRequest plain = plainRequest(*vs, i);
            requests.push_back(plain);
            HttpRequest canary = plain;
            canary.addHeader("x-canary", "true");
            canary.addHeader("end-user", "jason");
            canary.setPath("/api/v2/items?beta=1");
            requests.push_back(canary);
            HttpRequest elsewhere = plain;
            elsewhere.sourceNamespace = "elsewhere";
            elsewhere.setPath("/reviews/1");
            requests.push_back(elsewhere);
        }
    }
    for (const auto &gateway : mesh.gateways) {
        for (const GatewayServer &server : gateway->servers) {
            for (const std::string &host : server.hosts) {
                HttpRequest request;
                request.gateway = gateway->meta.ns + '/' + gateway->meta.name;
                request.authority = concreteHost(host.substr(host.find('/') + 1));
                request.setPath("/cart/1");
                requests.push_back(request);
                request.authority = "shop.example.com";
                requests.push_back(request);
            }
        }
    }
    return requests;
}

// Every field of every node and edge, shares to the last bit.
inline std::vector<std::string> describe(const MeshGraph &graph)
{
    std::vector<std::string> lines;
    for (const GraphNode &node : graph.nodes()) {
        std::ostringstream out;
        out << node.id << ' ' << int(node.kind) << ' ' << node.label << ' ' << node.ns << ' ' << node.parent << ' '
            << node.podCount << ' ' << node.resource.toString() << ' ' << node.virtualService << ' '
            << node.splitsTraffic << ' ' << node.problem;
        lines.push_back(out.str());
    }
    for (const GraphEdge &edge : graph.edges()) {
        std::ostringstream out;
        out.precision(17);
        out << edge.id << ' ' << edge.from << ' ' << edge.to << ' ' << int(edge.kind) << ' ' << edge.share << ' '
            << edge.conditional << ' ' << edge.condition << ' ' << edge.virtualService << ' ' << edge.route << ' '
            << edge.section << ' ' << edge.problem;
        lines.push_back(out.str());
    }
    return lines;
}

// Seeded random edits of the kinds the workbench makes. Weight drags are the
// most frequent, as in use; the others change what the graph draws, what
// destinations resolve against (a new subset) or where a host goes.
class RandomEditor
{
public:
    explicit RandomEditor(uint64_t seed) : m_random(seed) {}

    int below(int n) { return int(m_random() % uint64_t(n)); }

    // A successful edit of `mesh` (tries until one is accepted); `kind` says which.
    Result<MeshChange> edit(const MeshPtr &mesh, std::string *kind, bool weightsOnly = false)
    {
        for (int attempt = 0; attempt < 200; ++attempt) {
            const auto &vs = mesh->virtualServices[size_t(below(int(mesh->virtualServices.size())))];
            if (vs->http.empty())
                continue;
            const RouteRef ref{vs->meta.ns, vs->meta.name, size_t(below(int(vs->http.size())))};
            const HttpRoute &route = vs->http[ref.index];
            Result<MeshChange> result = Result<MeshChange>::failure("no edit was tried");
            const int choice = weightsOnly ? 0 : below(11);
            if (choice == 10) {
                *kind = "replicas";
                result = scaleWorkload(mesh);
                if (result.ok() && !result->edits.empty())
                    return result;
                continue;
            }
            if (choice <= 4) {
                *kind = "weights";
                if (route.route.size() < 2) // a lone destination gets everything whatever its weight
                    continue;
                std::vector<int> weights;
                for (size_t d = 0; d < route.route.size(); ++d)
                    weights.push_back(below(4) == 0 ? 0 : below(100));
                weights[size_t(below(int(weights.size())))] += 1; // never all zero
                result = setRouteWeights(mesh, ref, weights);
            } else if (choice == 5) {
                *kind = "mirror";
                if (!route.mirrors.empty() || route.route.empty())
                    continue;
                std::optional<Destination> mirror;
                if (below(3) != 0) {
                    mirror = Destination{};
                    mirror->host = route.route.front().destination.host;
                    mirror->subset = route.route[size_t(below(int(route.route.size())))].destination.subset;
                }
                result = setMirror(mesh, ref, mirror, mirror ? std::optional<double>(below(101)) : std::nullopt);
            } else if (choice == 6) {
                *kind = "add destination";
                if (route.route.empty() || route.delegate)
                    continue;
                const Destination &first = route.route.front().destination;
                const DestinationRule *rule = nullptr;
                if (!mesh->findSubset(first.fqdn, first.subset, &rule) || !rule)
                    continue;
                Destination added;
                added.host = first.host;
                added.subset = rule->subsets[size_t(below(int(rule->subsets.size())))].name;
                result = addDestination(mesh, ref, added, below(50));
            } else if (choice == 7) {
                *kind = "move route";
                if (vs->http.size() < 2)
                    continue;
                result = moveRoute(mesh, ref, size_t(below(int(vs->http.size()))));
            } else if (choice == 8) {
                *kind = "new subset";
                if (route.route.empty())
                    continue;
                const std::string &fqdn = route.route.front().destination.fqdn;
                result = createSubset(mesh, fqdn, "canary" + std::to_string(m_created++),
                                      {{"version", "v" + std::to_string(1 + below(3))}});
            } else {
                *kind = "remove destination";
                if (route.route.size() < 2)
                    continue;
                result = removeDestination(mesh, ref, size_t(below(int(route.route.size()))));
            }
            if (result.ok() && !result->edits.empty())
                return result;
        }
        qFatal("no edit could be made");
    }

private:
    // A text edit of a Deployment's replicas: what destinations resolve to
    // changes under VirtualServices that did not change.
    Result<MeshChange> scaleWorkload(const MeshPtr &mesh)
    {
        if (mesh->workloads.empty())
            return Result<MeshChange>::failure("no replicas to scale");
        const ResourceMeta &meta = mesh->workloads[size_t(below(int(mesh->workloads.size())))]->meta;
        const SourceFile *file = mesh->findFile(meta.location.file);
        if (!file)
            return Result<MeshChange>::failure("no replicas to scale");
        size_t at = 0;
        for (int line = 1; line < meta.location.line && at != std::string::npos; ++line)
            at = file->text.find('\n', at) + 1;
        at = file->text.find("replicas: ", at);
        if (at == std::string::npos)
            return Result<MeshChange>::failure("no replicas to scale");
        at += 10;
        size_t digits = 0;
        while (at + digits < file->text.size() && std::isdigit(static_cast<unsigned char>(file->text[at + digits])))
            ++digits;
        if (digits == 0)
            return Result<MeshChange>::failure("no replicas to scale");
        return applyEdits(mesh, {TextEdit{file->path, at, digits, std::to_string(below(5))}});
    }

    std::mt19937_64 m_random;
    int m_created = 0;
};

} // namespace meshlane::incremental
