// SPDX-License-Identifier: MIT
#include "analysis/analyzer.h"
#include "edit/meshedit.h"
#include "edit/weightbalancer.h"
#include "export/exporter.h"
#include "export/unifieddiff.h"
#include "load/documenttree.h"
#include "load/manifestloader.h"
#include "support/editingsupport.h"
#include "yaml/yamlwriter.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <random>

using namespace meshlane;
using editingtest::readFile;

namespace {

std::map<std::string, std::string> texts(const Mesh &mesh)
{
    std::map<std::string, std::string> result;
    for (const auto &file : mesh.files)
        result[file->path] = file->text;
    return result;
}

std::vector<int> effectiveWeights(const Mesh &mesh, const RouteRef &ref)
{
    std::vector<int> weights;
    const VirtualService *vs = mesh.findVirtualService(ref.ns, ref.name);
    const std::vector<RouteDestination> *route = vs ? routeDestinations(*vs, ref.section, ref.index) : nullptr;
    if (!route)
        return weights;
    for (size_t j = 0; j < route->size(); ++j)
        weights.push_back(int(effectiveWeight(*route, j)));
    return weights;
}

std::vector<int64_t> asInt64(const std::vector<int> &weights)
{
    return {weights.begin(), weights.end()};
}

// The lines a diff adds or removes (without the +/- and headers).
std::vector<std::string> changedLines(const std::string &diff)
{
    std::vector<std::string> lines;
    size_t start = 0;
    while (start < diff.size()) {
        size_t end = diff.find('\n', start);
        if (end == std::string::npos)
            end = diff.size();
        const std::string line = diff.substr(start, end - start);
        if ((line[0] == '+' || line[0] == '-') && line.rfind("+++", 0) != 0 && line.rfind("---", 0) != 0)
            lines.push_back(line.substr(1));
        start = end + 1;
    }
    return lines;
}

std::multiset<std::string> findingCodes(const Diagnostics &diagnostics)
{
    std::multiset<std::string> codes;
    for (const Diagnostic &diagnostic : diagnostics)
        codes.insert(diagnostic.code + ' ' + diagnostic.resource.toString());
    return codes;
}

// True when every finding of `after` was already in `before`.
bool noNewFindings(const Diagnostics &before, const Diagnostics &after)
{
    std::multiset<std::string> old = findingCodes(before);
    for (const std::string &finding : findingCodes(after)) {
        const auto it = old.find(finding);
        if (it == old.end())
            return false;
        old.erase(it);
    }
    return true;
}

std::vector<std::string> editFolders()
{
    std::vector<std::string> folders = editingtest::sampleFolders();
    folders.push_back(editingtest::dataDir() + "/commented");
    folders.push_back(editingtest::dataDir() + "/hosts");
    return folders;
}

bool isAnchoredRoute(const RouteRef &ref)
{
    return ref.name == "shared-weights";
}

} // namespace

class TestMeshEdit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Every http route of every VirtualService in every sample (and the test
    // meshes): a weight edit changes only weight lines, reads back as asked,
    // loads from disk with the same findings, shares untouched files, and
    // its inverse restores every byte.
    void weightEditsRoundTripEverywhere()
    {
        int routes = 0;
        for (const std::string &folder : editFolders()) {
            const LoadResult loaded = ManifestLoader().loadFolder(folder);
            const MeshPtr mesh = loaded.mesh;
            for (const auto &vs : mesh->virtualServices) {
                for (size_t index = 0; index < vs->http.size(); ++index) {
                    const RouteRef ref{vs->meta.ns, vs->meta.name, index};
                    const std::vector<int> before = effectiveWeights(*mesh, ref);
                    if (before.empty())
                        continue;
                    const std::vector<int> weights = WeightBalancer::drag(asInt64(before), {}, 0, (before[0] + 37) % 101);
                    const QString context = QString::fromStdString(folder + ' ' + vs->meta.name + " route "
                                                                   + std::to_string(index));
                    const Result<MeshChange> result = setRouteWeights(mesh, ref, weights);
                    if (isAnchoredRoute(ref)) {
                        QVERIFY2(!result.ok() && result.error().find("anchor &half") != std::string::npos,
                                 qPrintable(context + QString::fromStdString(result.error())));
                        continue;
                    }
                    QVERIFY2(result.ok(), qPrintable(context + u' ' + QString::fromStdString(result.error())));
                    QCOMPARE(effectiveWeights(*result->mesh, ref), weights);
                    QVERIFY(result->diagnostics.empty());
                    QVERIFY2(noNewFindings(analyze(*mesh), analyze(*result->mesh)), qPrintable(context));
                    for (const std::string &line : changedLines(meshDiff(*mesh, *result->mesh)))
                        QVERIFY2(line.find("weight") != std::string::npos, qPrintable(context + u' ' + QString::fromStdString(line)));
                    for (const auto &file : result->mesh->files) {
                        const bool touched =
                            std::any_of(result->edits.begin(), result->edits.end(),
                                        [&](const TextEdit &edit) { return edit.file == file->path; });
                        if (!touched)
                            QVERIFY(file.get() == mesh->findFile(file->path));
                    }

                    const Result<MeshChange> undone = revertEdits(result->mesh, result->inverse);
                    QVERIFY(undone.ok());
                    QVERIFY(texts(*undone->mesh) == texts(*mesh));
                    QCOMPARE(effectiveWeights(*undone->mesh, ref), before);

                    QTemporaryDir out;
                    ExportOptions options;
                    QVERIFY(Exporter(result->mesh, options).exportTo(out.path().toStdString()).ok());
                    const LoadResult reread = ManifestLoader().loadFolder(out.path().toStdString());
                    QCOMPARE(effectiveWeights(*reread.mesh, ref), weights);
                    QVERIFY2(findingCodes(reread.diagnostics) == findingCodes(loaded.diagnostics), qPrintable(context));
                    ++routes;
                }
            }
        }
        QVERIFY(routes >= 20);
    }

    // The property: random weight edits (slider drags with random
    // locks), applied one after the other to the files, always read back
    // summing to 100, never negative, with locks respected; undoing them all
    // gives the original bytes.
    void randomWeightEditsProperty()
    {
        std::mt19937 random(5);
        for (const std::string &folder : editFolders()) {
            const MeshPtr original = ManifestLoader().loadFolder(folder).mesh;
            for (const auto &vs : original->virtualServices) {
                for (size_t index = 0; index < vs->http.size(); ++index) {
                    const RouteRef ref{vs->meta.ns, vs->meta.name, index};
                    if (isAnchoredRoute(ref) || vs->http[index].route.size() < 2)
                        continue;
                    MeshPtr mesh = original;
                    std::vector<std::vector<TextEdit>> inverses;
                    for (int step = 0; step < 25; ++step) {
                        const std::vector<int> current = effectiveWeights(*mesh, ref);
                        std::vector<bool> locked(current.size());
                        for (size_t j = 0; j < locked.size(); ++j)
                            locked[j] = random() % 4 == 0;
                        const size_t dragged = random() % current.size();
                        std::vector<int> weights = WeightBalancer::drag(asInt64(current), locked, dragged,
                                                                        int(random() % 121) - 10);
                        if (std::accumulate(weights.begin(), weights.end(), 0) == 0)
                            continue;
                        const Result<MeshChange> result = setRouteWeights(mesh, ref, weights);
                        QVERIFY2(result.ok(), result.error().c_str());
                        const std::vector<int> written = effectiveWeights(*result->mesh, ref);
                        QCOMPARE(written, weights);
                        QCOMPARE(std::accumulate(written.begin(), written.end(), 0), 100);
                        for (size_t j = 0; j < written.size(); ++j) {
                            QVERIFY(written[j] >= 0);
                            if (locked[j] && j != dragged && std::accumulate(current.begin(), current.end(), 0) == 100)
                                QCOMPARE(written[j], current[j]);
                        }
                        inverses.push_back(result->inverse);
                        mesh = result->mesh;
                    }
                    for (auto it = inverses.rbegin(); it != inverses.rend(); ++it) {
                        const Result<MeshChange> undone = revertEdits(mesh, *it);
                        QVERIFY(undone.ok());
                        mesh = undone->mesh;
                    }
                    QVERIFY(texts(*mesh) == texts(*original));
                }
            }
        }
    }

    // A weight edit re-reads only its own document; the result must be what
    // reading the whole edited folder from scratch gives, resource by
    // resource, position by position.
    void partialReReadMatchesAFullRead()
    {
        int compared = 0;
        for (const std::string &folder : editFolders()) {
            const MeshPtr mesh = ManifestLoader().loadFolder(folder).mesh;
            for (const auto &vs : mesh->virtualServices) {
                const size_t index = defaultWeightedRoute(*vs);
                if (vs->http.empty() || vs->http[index].route.size() < 2 || vs->meta.name == "shared-weights")
                    continue;
                const RouteRef ref{vs->meta.ns, vs->meta.name, index};
                const Result<MeshChange> result =
                    setRouteWeights(mesh, ref, WeightBalancer::drag(asInt64(effectiveWeights(*mesh, ref)), {}, 0, 3));
                QVERIFY2(result.ok(), result.error().c_str());
                // Same file, other documents: the very same objects (so only one document was read).
                for (const auto &other : result->mesh->virtualServices) {
                    if (other->meta.location.file == vs->meta.location.file && other->meta.name != vs->meta.name)
                        QVERIFY(std::find(mesh->virtualServices.begin(), mesh->virtualServices.end(), other)
                                != mesh->virtualServices.end());
                }
                std::map<std::string, std::optional<std::string>> everything;
                for (const auto &file : result->mesh->files)
                    everything[file->path] = file->text;
                const MeshPtr full = ManifestLoader().reloadFiles(*mesh, everything).mesh;
                const auto describe = [](const Mesh &m) {
                    std::vector<std::string> lines;
                    const auto add = [&lines, &m](const auto &resources) {
                        for (const auto &resource : resources) {
                            const ResourceMeta &meta = resource->meta;
                            const YAML::Node tree = DocumentTree::of(m, meta);
                            lines.push_back(meta.id().toString() + ' ' + meta.location.toString() + ':'
                                            + std::to_string(meta.location.column) + " doc "
                                            + std::to_string(meta.documentIndex) + '/' + std::to_string(meta.listIndex)
                                            + ' ' + std::to_string(tree.Mark().line) + ':'
                                            + std::to_string(tree.Mark().column) + '\n' + YamlWriter::canonical(tree));
                        }
                    };
                    add(m.services);
                    add(m.workloads);
                    add(m.virtualServices);
                    add(m.destinationRules);
                    add(m.gateways);
                    add(m.serviceEntries);
                    for (const auto &v : m.virtualServices) {
                        for (const HttpRoute &route : v->http) {
                            for (const RouteDestination &d : route.route)
                                lines.push_back(d.weightLocation.toString() + ':' + std::to_string(d.weightLocation.column)
                                                + ' ' + d.destination.location.toString());
                        }
                    }
                    return lines;
                };
                QCOMPARE(describe(*result->mesh), describe(*full));
                ++compared;
            }
        }
        QVERIFY(compared >= 5);
    }

    // Byte order mark and CRLF line ends with several documents: the
    // partial re-read must still place every node right.
    void partialReReadWithByteOrderMarkAndCrlf()
    {
        std::string text = "\xEF\xBB\xBF" + readFile(editingtest::samplesDir() + "/bookinfo-80-20/virtual-services.yaml");
        std::string crlf;
        for (const char c : text)
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        const MeshPtr mesh = ManifestLoader().loadText("vs.yaml", crlf).mesh;
        MeshPtr current = mesh;
        for (const int share : {30, 55, 100, 0}) {
            const Result<MeshChange> result =
                setRouteWeights(current, RouteRef{"default", "reviews", 0}, {share, 100 - share});
            QVERIFY2(result.ok(), result.error().c_str());
            QCOMPARE(effectiveWeights(*result->mesh, RouteRef{"default", "reviews", 0}),
                     (std::vector<int>{share, 100 - share}));
            QVERIFY(result->mesh->findVirtualService("default", "productpage")
                    == mesh->findVirtualService("default", "productpage")); // not re-read
            const std::string &out = result->mesh->findFile("vs.yaml")->text;
            QVERIFY(out.rfind("\xEF\xBB\xBF# In-mesh routing", 0) == 0);
            QCOMPARE(std::count(out.begin(), out.end(), '\n'), std::count(out.begin(), out.end(), '\r'));
            const MeshPtr full = ManifestLoader().loadText("vs.yaml", out).mesh;
            const VirtualService &partial = *result->mesh->findVirtualService("default", "reviews");
            const VirtualService &reread = *full->findVirtualService("default", "reviews");
            QCOMPARE(partial.meta.location.line, reread.meta.location.line);
            QCOMPARE(partial.http[0].route[1].weightLocation.line, reread.http[0].route[1].weightLocation.line);
            QCOMPARE(partial.http[0].route[1].weightLocation.column, reread.http[0].route[1].weightLocation.column);
            current = result->mesh;
        }
        const Result<MeshChange> first = setRouteWeights(mesh, RouteRef{"default", "productpage", 0}, {100});
        QVERIFY(first.ok());
    }

    void commentedFileKeepsEverythingElse()
    {
        const std::string folder = editingtest::dataDir() + "/commented";
        const MeshPtr mesh = ManifestLoader().loadFolder(folder).mesh;
        const RouteRef canary{"shop", "reviews", 1};
        const Result<MeshChange> result = setRouteWeights(mesh, canary, {60, 40});
        QVERIFY2(result.ok(), result.error().c_str());
        std::string expected = readFile(folder + "/mesh.yaml");
        expected.replace(expected.find("weight: 75 # most traffic"), 25, "weight: 60 # most traffic");
        expected.replace(expected.find("weight: 25\n"), 10, "weight: 40");
        QCOMPARE(result->mesh->findFile("mesh.yaml")->text, expected);
        QCOMPARE(result->edits.size(), size_t(2));
        QCOMPARE(result->edits[0].length, size_t(2));

        const Result<MeshChange> flow = setRouteWeights(mesh, RouteRef{"shop", "ratings", 0}, {25, 75});
        QVERIFY2(flow.ok(), flow.error().c_str());
        QVERIFY(flow->mesh->findFile("mesh.yaml")->text.find(
                    "  - route: [{destination: {host: ratings, subset: v1}, weight: 25}, "
                    "{destination: {host: ratings, subset: v2}, weight: 75}]\n...\n# trailing comment")
                != std::string::npos);

        const Result<MeshChange> listed = setRouteWeights(mesh, RouteRef{"shop", "productpage", 0}, {50, 50});
        QVERIFY2(listed.ok(), listed.error().c_str());
        QCOMPARE(effectiveWeights(*listed->mesh, RouteRef{"shop", "productpage", 0}), (std::vector<int>{50, 50}));
    }

    void jsonStaysJson()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::dataDir() + "/commented").mesh;
        const RouteRef details{"shop", "details", 0};
        Destination v2;
        v2.subset = "v2";
        const Result<MeshChange> result = addDestination(mesh, details, v2, 20);
        QVERIFY2(result.ok(), result.error().c_str());
        const std::string text = result->mesh->findFile("details.json")->text;
        QJsonParseError error;
        QJsonDocument::fromJson(QByteArray::fromStdString(text), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(text.find("{\"destination\": {\"host\": \"details\", \"subset\": \"v1\"}, \"weight\": 80}") != std::string::npos);
        QVERIFY(text.find("{\"destination\": {\"host\": \"details\", \"subset\": \"v2\"}, \"weight\": 20}") != std::string::npos);
        QCOMPARE(effectiveWeights(*result->mesh, details), (std::vector<int>{80, 20}));
    }

    void namespaceOptionSurvivesTheReRead()
    {
        LoadOptions options;
        options.defaultNamespace = "prod";
        std::string text = readFile(editingtest::samplesDir() + "/fleetman/routing.yaml");
        for (size_t at = text.find("  namespace: default"); at != std::string::npos; at = text.find("  namespace: default"))
            text.erase(at, text.find('\n', at) - at + 1);
        const MeshPtr mesh = ManifestLoader(options).loadText("routing.yaml", text).mesh;
        QCOMPARE(mesh->defaultNamespace, std::string("prod"));
        const Result<MeshChange> result =
            setRouteWeights(mesh, RouteRef{"prod", "fleetman-staff-service", 0}, {50, 50});
        QVERIFY2(result.ok(), result.error().c_str());
        QVERIFY(result->mesh->findVirtualService("prod", "fleetman-staff-service"));
        QCOMPARE(result->mesh->destinationRules.front()->meta.ns, std::string("prod"));
    }

    void windowsLineEndingsStay()
    {
        std::string text = readFile(editingtest::samplesDir() + "/bookinfo/virtual-services.yaml");
        std::string crlf;
        for (const char c : text)
            crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
        const MeshPtr mesh = ManifestLoader().loadText("vs.yaml", crlf).mesh;
        Destination v3;
        v3.subset = "v3";
        const Result<MeshChange> result = addDestination(mesh, RouteRef{"default", "reviews", 1}, v3, 30);
        QVERIFY2(result.ok(), result.error().c_str());
        const std::string &out = result->mesh->findFile("vs.yaml")->text;
        for (size_t at = out.find('\n'); at != std::string::npos; at = out.find('\n', at + 1))
            QVERIFY(at > 0 && out[at - 1] == '\r');
        QCOMPARE(effectiveWeights(*result->mesh, RouteRef{"default", "reviews", 1}), (std::vector<int>{70, 30}));
    }

    void duplicatesStillLoseAfterAnEdit()
    {
        QTemporaryDir dir;
        const std::string vs = readFile(editingtest::samplesDir() + "/fleetman/routing.yaml");
        editingtest::writeFile(dir.path().toStdString() + "/a.yaml", vs);
        editingtest::writeFile(dir.path().toStdString() + "/b.yaml", vs);
        const LoadResult loaded = ManifestLoader().loadFolder(dir.path().toStdString());
        const MeshPtr mesh = loaded.mesh;
        QCOMPARE(mesh->virtualServices.size(), size_t(1));
        QCOMPARE(mesh->virtualServices.front()->meta.location.file, std::string("a.yaml"));
        // Re-reading b.yaml must not let its duplicate in.
        const Result<MeshChange> touchedB = applyEdits(mesh, {TextEdit{"b.yaml", 0, 0, "# edited\n"}});
        QVERIFY2(touchedB.ok(), touchedB.error().c_str());
        QCOMPARE(touchedB->mesh->virtualServices.size(), size_t(1));
        QCOMPARE(touchedB->mesh->virtualServices.front()->meta.location.file, std::string("a.yaml"));
        const Result<MeshChange> edited =
            setRouteWeights(mesh, RouteRef{"default", "fleetman-staff-service", 0}, {0, 100});
        QVERIFY2(edited.ok(), edited.error().c_str());
        QCOMPARE(edited->mesh->virtualServices.size(), size_t(1));
        QVERIFY(edited->edits.front().file == "a.yaml");
        QCOMPARE(edited->mesh->files.size(), size_t(2));
        QCOMPARE(edited->mesh->files[0]->path, std::string("a.yaml"));
    }

    // tcp and tls routes are weighted like http ones: only the weight lines
    // change, the inverse restores every byte, the other lists stay as they are.
    void connectionRouteWeights()
    {
        const MeshPtr echo = ManifestLoader().loadFolder(editingtest::samplesDir() + "/tcp-echo-shift").mesh;
        const VirtualService &tcpEcho = *echo->findVirtualService("echo", "tcp-echo");
        std::string section;
        size_t index = 7;
        QVERIFY(findRoute(tcpEcho, "tcp[0]", &section, &index));
        QCOMPARE(section, std::string("tcp"));
        QCOMPARE(index, size_t(0));
        QVERIFY(!findRoute(tcpEcho, "tcp[1]", &section, &index));
        QVERIFY(!findRoute(tcpEcho, "tls[0]", &section, &index));
        QVERIFY(!findRoute(tcpEcho, "0", &section, &index)); // a bare index is an http route: there is none
        QVERIFY(!findRoute(tcpEcho, "tcp[x]", &section, &index));
        const RouteRef byDefault = defaultWeightedRouteRef(tcpEcho);
        QCOMPARE(byDefault.section, std::string("tcp"));
        QCOMPARE(byDefault.index, size_t(0));

        const RouteRef ref{"echo", "tcp-echo", 0, "tcp"};
        const Result<MeshChange> result = setRouteWeights(echo, ref, {50, 50});
        QVERIFY2(result.ok(), result.error().c_str());
        QCOMPARE(effectiveWeights(*result->mesh, ref), (std::vector<int>{50, 50}));
        QCOMPARE(result->description, std::string("Set weights of echo/tcp-echo tcp[0]: v1 50, v2 50"));
        for (const std::string &line : changedLines(meshDiff(*echo, *result->mesh)))
            QVERIFY2(line.find("weight") != std::string::npos, line.c_str());
        const Result<MeshChange> undone = revertEdits(result->mesh, result->inverse);
        QVERIFY(undone.ok());
        QVERIFY(texts(*undone->mesh) == texts(*echo));
        QTemporaryDir out;
        QVERIFY(Exporter(result->mesh, ExportOptions()).exportTo(out.path().toStdString()).ok());
        const MeshPtr reread = ManifestLoader().loadFolder(out.path().toStdString()).mesh;
        QCOMPARE(effectiveWeights(*reread, ref), (std::vector<int>{50, 50}));
        QVERIFY(!setRouteWeights(echo, RouteRef{"echo", "tcp-echo", 0, "tls"}, {50, 50}).ok());
        QVERIFY(!setRouteWeights(echo, RouteRef{"echo", "tcp-echo", 0}, {50, 50}).ok()); // no http route 0

        const MeshPtr edge = ManifestLoader().loadFolder(editingtest::samplesDir() + "/tls-passthrough").mesh;
        const RouteRef payments{"edge", "edge-tls", 1, "tls"};
        Destination canary;
        canary.host = "payments";
        canary.subset = "v2";
        const Result<MeshChange> added = addDestination(edge, payments, canary, 25);
        QVERIFY2(added.ok(), added.error().c_str());
        QCOMPARE(effectiveWeights(*added->mesh, payments), (std::vector<int>{75, 25}));
        const RouteDestination &written = added->mesh->findVirtualService("edge", "edge-tls")->tls[1].route.back();
        QCOMPARE(*written.destination.port, 8443u); // copied from the route's other payments destination
        const Result<MeshChange> removed = removeDestination(added->mesh, payments, 1);
        QVERIFY2(removed.ok(), removed.error().c_str());
        QCOMPARE(effectiveWeights(*removed->mesh, payments), (std::vector<int>{100}));
        // The other tls rule is untouched.
        QCOMPARE(effectiveWeights(*removed->mesh, RouteRef{"edge", "edge-tls", 0, "tls"}),
                 (std::vector<int>{90, 10}));
    }

    void refusals()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::samplesDir() + "/bookinfo-80-20").mesh;
        const RouteRef reviews{"default", "reviews", 0};
        QVERIFY(!setRouteWeights(mesh, reviews, {50}).ok());
        QVERIFY(!setRouteWeights(mesh, reviews, {-1, 101}).ok());
        QVERIFY(!setRouteWeights(mesh, reviews, {0, 0}).ok());
        QVERIFY(!setRouteWeights(mesh, RouteRef{"default", "reviews", 4}, {50, 50}).ok());
        QVERIFY(!setRouteWeights(mesh, RouteRef{"default", "nope", 0}, {50, 50}).ok());
        QVERIFY(applyEdits(mesh, {TextEdit{"../outside.yaml", 0, 0, "x: 1\n"}}).error().find("unsafe path")
                != std::string::npos);
        QVERIFY(!applyEdits(mesh, {TextEdit{"/etc/x.yaml", 0, 0, "x: 1\n"}}).ok());
        QVERIFY(!applyEdits(mesh, {TextEdit{"services.yaml", 100000, 0, "x"}}).ok());
        // A change that would break the file is refused, not written.
        const std::string &text = mesh->findFile("virtual-services.yaml")->text;
        const size_t at = text.find("weight: 80");
        const Result<MeshChange> broken =
            applyEdits(mesh, {TextEdit{"virtual-services.yaml", at, 10, "weight: [80"}});
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().find("invalid") != std::string::npos);
        const Result<MeshChange> wrongType =
            applyEdits(mesh, {TextEdit{"virtual-services.yaml", at, 10, "weight: \"80\""}});
        QVERIFY(!wrongType.ok());
        // Same weights: nothing to do, the same snapshot comes back.
        const Result<MeshChange> same = setRouteWeights(mesh, reviews, {80, 20});
        QVERIFY(same.ok());
        QVERIFY(same->edits.empty());
        QVERIFY(same->mesh == mesh);
    }

    // The inverse contract: an edit that repaired a broken value is undone to
    // exactly the broken bytes, although applying them as a new edit is refused.
    void theInverseOfARepairRestoresTheBrokenBytes()
    {
        const MeshPtr good = ManifestLoader().loadFolder(editingtest::samplesDir() + "/bookinfo-80-20").mesh;
        const std::string &text = good->findFile("virtual-services.yaml")->text;
        const size_t at = text.find("weight: 80");
        std::string brokenText = text;
        brokenText.replace(at, 10, "weight: x");
        const MeshPtr broken = ManifestLoader().loadText("virtual-services.yaml", brokenText).mesh;
        const RouteRef reviews{"default", "reviews", 0};
        const Result<MeshChange> repaired = setRouteWeights(broken, reviews, {70, 30});
        QVERIFY2(repaired.ok(), repaired.error().c_str());
        QVERIFY(repaired->mesh->findFile("virtual-services.yaml")->text.find("weight: 70") != std::string::npos);

        QVERIFY(!applyEdits(repaired->mesh, repaired->inverse).ok()); // as a new change: it breaks the file
        const Result<MeshChange> undone = revertEdits(repaired->mesh, repaired->inverse);
        QVERIFY2(undone.ok(), undone.error().c_str());
        QCOMPARE(undone->mesh->findFile("virtual-services.yaml")->text, brokenText);
        QVERIFY(!undone->diagnostics.empty()); // the finding comes back with the bytes
    }
};

QTEST_GUILESS_MAIN(TestMeshEdit)
#include "tst_meshedit.moc"
