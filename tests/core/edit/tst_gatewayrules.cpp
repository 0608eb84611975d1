// SPDX-License-Identifier: MIT
// HTTPRoute rules and RequestMirror filters a rollout adds (core/edit/
// gatewayrules.cpp): only the added or changed bytes differ, the inverse gives
// the original bytes back, the header rule wins by Gateway API precedence
// wherever it stands in the list, and what Gateway API cannot say is refused.

#include "edit/meshedit.h"
#include "load/manifestloader.h"
#include "routing/router.h"
#include "support/editingsupport.h"

#include <QTest>

using namespace meshlane;

namespace {

const char *kServices = "apiVersion: v1\nkind: Service\nmetadata: {name: shop, namespace: shop}\n"
                        "spec:\n  ports:\n  - port: 8080\n---\n"
                        "apiVersion: v1\nkind: Service\nmetadata: {name: shop-v1, namespace: shop}\n"
                        "spec:\n  ports:\n  - port: 8080\n---\n"
                        "apiVersion: v1\nkind: Service\nmetadata: {name: shop-v2, namespace: shop}\n"
                        "spec:\n  ports:\n  - port: 8080\n---\n";

// Rule 0 narrows by path and a header and rewrites a header; rule 1 takes the rest.
const char *kRoute = "# the shop's mesh route\n"
                     "apiVersion: gateway.networking.k8s.io/v1\n"
                     "kind: HTTPRoute\n"
                     "metadata:\n"
                     "  name: shop\n"
                     "  namespace: shop\n"
                     "spec:\n"
                     "  parentRefs:\n"
                     "  - group: \"\"\n"
                     "    kind: Service\n"
                     "    name: shop\n"
                     "    port: 8080\n"
                     "  rules:\n"
                     "  - matches:\n"
                     "    - path:\n"
                     "        type: PathPrefix\n"
                     "        value: /api\n"
                     "      headers:\n"
                     "      - name: x-region\n"
                     "        value: eu\n"
                     "    - path:\n"
                     "        type: Exact\n"
                     "        value: /login\n"
                     "    filters:\n"
                     "    - type: RequestHeaderModifier\n"
                     "      requestHeaderModifier:\n"
                     "        set:\n"
                     "        - name: x-via\n"
                     "          value: shop\n"
                     "    backendRefs:\n"
                     "    - name: shop-v1\n"
                     "      port: 8080\n"
                     "  - backendRefs: # everything else\n"
                     "    - name: shop-v1\n"
                     "      port: 8080\n";

const std::string kFile = "shop.yaml";

MeshPtr shop() { return ManifestLoader().loadText(kFile, std::string(kServices) + kRoute).mesh; }

std::string textOf(const Mesh &mesh, const std::string &file)
{
    const SourceFile *source = mesh.findFile(file);
    return source ? source->text : std::string();
}

MatchCondition header(const std::string &name, const std::string &value,
                      StringMatch::Kind kind = StringMatch::Kind::Exact)
{
    MatchCondition condition;
    condition.name = name;
    condition.value = value;
    condition.kind = kind;
    return condition;
}

// The backend Service a request to the shop reaches ("" when none).
std::string backendOf(const Mesh &mesh, const std::string &path,
                      std::vector<std::pair<std::string, std::string>> headers)
{
    const auto router = std::make_shared<const Router>(std::make_shared<const Mesh>(mesh));
    HttpRequest request;
    request.authority = "shop.shop";
    request.sourceNamespace = "shop";
    request.setPath(path);
    for (const auto &[name, value] : headers)
        request.addHeader(name, value);
    const RouteDecision decision = router->route(request, Router::Explain::No);
    if (decision.destinations.size() != 1)
        return {};
    const std::string &host = decision.destinations.front().target.host;
    return host.substr(0, host.find('.'));
}

// The bytes a change inserts, when it is one pure insertion (nothing of the
// old text replaced or removed); a marker otherwise.
std::string insertedBytes(const MeshChange &change)
{
    if (change.edits.size() != 1 || change.edits.front().length != 0)
        return "<not a pure insertion>";
    return change.edits.front().replacement;
}

void checkUndo(const MeshChange &change, const MeshPtr &before, const std::string &file)
{
    const Result<MeshChange> undone = revertEdits(change.mesh, change.inverse);
    QVERIFY2(undone.ok(), undone.error().c_str());
    QCOMPARE(textOf(*undone->mesh, file), textOf(*before, file));
}

} // namespace

class TestGatewayRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void addsAHeaderRuleThatCopiesTheMatches()
    {
        const MeshPtr mesh = shop();
        QVERIFY(mesh->findFile(kFile));
        const Result<MeshChange> added =
            addGatewayMatchRule(mesh, {"HTTPRoute", "shop", "shop", 0}, {0, {header("X-Canary", "yes")}}, "shop-v2",
                                std::nullopt, "testers");
        QVERIFY2(added.ok(), added.error().c_str());
        // Argo's shape: the rule's matches, each with the header added; its
        // filters; one backendRef to the canary on the rule's port.
        QCOMPARE(insertedBytes(*added),
                 std::string("  - name: testers\n"
                             "    matches:\n"
                             "    - path:\n"
                             "        type: PathPrefix\n"
                             "        value: /api\n"
                             "      headers:\n"
                             "      - name: x-region\n"
                             "        value: eu\n"
                             "      - name: x-canary\n"
                             "        type: Exact\n"
                             "        value: \"yes\"\n"
                             "    - path:\n"
                             "        type: Exact\n"
                             "        value: /login\n"
                             "      headers:\n"
                             "      - name: x-canary\n"
                             "        type: Exact\n"
                             "        value: \"yes\"\n"
                             "    filters:\n"
                             "    - type: RequestHeaderModifier\n"
                             "      requestHeaderModifier:\n"
                             "        set:\n"
                             "        - name: x-via\n"
                             "          value: shop\n"
                             "    backendRefs:\n"
                             "    - name: shop-v2\n"
                             "      port: 8080\n"));
        checkUndo(*added, mesh, kFile);

        // Replacing the matches rewrites only the header values.
        const Result<MeshChange> changed =
            setGatewayRuleMatches(added->mesh, {"HTTPRoute", "shop", "shop", 0},
                                  {1, {header("x-canary", "beta", StringMatch::Kind::Prefix)}});
        QVERIFY2(changed.ok(), changed.error().c_str());
        const std::string after = textOf(*changed->mesh, kFile);
        QVERIFY(after.find("type: RegularExpression\n        value: beta.*\n") != std::string::npos);
        QCOMPARE(backendOf(*changed->mesh, "/api/cart", {{"x-region", "eu"}, {"x-canary", "beta-2"}}),
                 std::string("shop-v2"));
        checkUndo(*changed, added->mesh, kFile);

        // Removing the rule gives the original bytes back.
        const Result<MeshChange> removed = removeGatewayRule(added->mesh, {"HTTPRoute", "shop", "shop", 0});
        QVERIFY2(removed.ok(), removed.error().c_str());
        QCOMPARE(textOf(*removed->mesh, kFile), textOf(*mesh, kFile));
        checkUndo(*removed, added->mesh, kFile);
    }

    void theHeaderRuleWinsWhereverItStands()
    {
        const MeshPtr mesh = shop();
        QCOMPARE(backendOf(*mesh, "/api/cart", {{"x-region", "eu"}, {"x-canary", "yes"}}), std::string("shop-v1"));
        // Gateway API is not first-match: appended after every rule, the more
        // specific match (one header more, same path) still takes the request.
        for (const size_t at : {size_t(0), size_t(2)}) {
            const Result<MeshChange> added = addGatewayMatchRule(mesh, {"HTTPRoute", "shop", "shop", at},
                                                                 {0, {header("x-canary", "yes")}}, "shop-v2");
            QVERIFY2(added.ok(), added.error().c_str());
            const Mesh &after = *added->mesh;
            QCOMPARE(backendOf(after, "/api/cart", {{"x-region", "eu"}, {"x-canary", "yes"}}), std::string("shop-v2"));
            QCOMPARE(backendOf(after, "/login", {{"x-canary", "yes"}}), std::string("shop-v2"));
            // Without the header, or outside the rule's paths, nothing changes.
            QCOMPARE(backendOf(after, "/api/cart", {{"x-region", "eu"}}), std::string("shop-v1"));
            QCOMPARE(backendOf(after, "/api/cart", {{"x-region", "eu"}, {"x-canary", "no"}}), std::string("shop-v1"));
            QCOMPARE(backendOf(after, "/home", {{"x-canary", "yes"}}), std::string("shop-v1"));
        }
        // A rule without matches is every path: the copy is headers alone.
        const Result<MeshChange> all =
            addGatewayMatchRule(mesh, {"HTTPRoute", "shop", "shop", 1}, {1, {header("x-canary", "yes")}}, "shop-v2");
        QVERIFY2(all.ok(), all.error().c_str());
        QCOMPARE(backendOf(*all->mesh, "/home", {{"x-canary", "yes"}}), std::string("shop-v2"));
        QCOMPARE(backendOf(*all->mesh, "/home", {}), std::string("shop-v1"));
        QVERIFY(insertedBytes(*all).starts_with("  - matches:\n    - headers:\n      - name: x-canary\n"));
    }

    void refusesWhatGatewayApiCannotSay()
    {
        const MeshPtr mesh = shop();
        const GatewayRuleRef at{"HTTPRoute", "shop", "shop", 0};
        const auto refused = [&](const Result<MeshChange> &result, const char *words) {
            QVERIFY(!result.ok());
            QVERIFY2(result.error().find(words) != std::string::npos, result.error().c_str());
        };
        MatchCondition path;
        path.field = MatchCondition::Field::Uri;
        path.value = "/beta";
        refused(addGatewayMatchRule(mesh, at, {0, {path}}, "shop-v2"), "a path condition cannot be added");
        refused(addGatewayMatchRule(mesh, at, {0, {header("x", "", StringMatch::Kind::Present)}}, "shop-v2"),
                "presence match");
        refused(addGatewayMatchRule(mesh, at, {0, {header("x", "(", StringMatch::Kind::Regex)}}, "shop-v2"),
                "invalid regex");
        refused(addGatewayMatchRule(mesh, at, {0, {header("X-Region", "us")}}, "shop-v2"),
                "already matches header x-region");
        refused(addGatewayMatchRule(mesh, at, {0, {}}, "shop-v2"), "at least one condition");
        refused(addGatewayMatchRule(mesh, at, {0, {header("x", "y")}}, "shop-v2", std::nullopt, "Bad_Name"),
                "DNS-1123");
        refused(addGatewayMatchRule(mesh, at, {0, {header("x", "y")}}, "nothing"), "no Service shop/nothing");
        refused(addGatewayMatchRule(mesh, at, {5, {header("x", "y")}}, "shop-v2"), "no rule 5");
        refused(addGatewayMatchRule(mesh, {"HTTPRoute", "shop", "shop", 3}, {0, {header("x", "y")}}, "shop-v2"),
                "has 2 rules");
        refused(setGatewayRuleMatches(mesh, at, {0, {header("x", "y")}}), "not another rule");
        const Result<MeshChange> named =
            addGatewayMatchRule(mesh, at, {0, {header("x", "y")}}, "shop-v2", std::nullopt, "testers");
        QVERIFY(named.ok());
        refused(addGatewayMatchRule(named->mesh, at, {1, {header("x", "z")}}, "shop-v2", std::nullopt, "testers"),
                "already has a rule named testers");
        const Result<MeshChange> one = removeGatewayRule(mesh, {"HTTPRoute", "shop", "shop", 1});
        QVERIFY(one.ok());
        refused(removeGatewayRule(one->mesh, at), "the last rule");
        refused(setGatewayMirror(mesh, at, "shop-v2", std::nullopt, 150.0), "between 0 and 100");
        refused(setGatewayMirror(mesh, at, "nothing", std::nullopt, 10.0), "no Service");
        // Refused edits change nothing: the snapshot is untouched.
        QCOMPARE(textOf(*mesh, kFile), std::string(kServices) + kRoute);
    }

    void mirrorsWithoutTouchingOtherFilters()
    {
        const MeshPtr mesh = shop();
        const GatewayRuleRef rule{"HTTPRoute", "shop", "shop", 0};
        const Result<MeshChange> mirrored = setGatewayMirror(mesh, rule, "shop-v2", std::nullopt, 20.0);
        QVERIFY2(mirrored.ok(), mirrored.error().c_str());
        QCOMPARE(insertedBytes(*mirrored),
                 std::string("    - type: RequestMirror\n"
                             "      requestMirror:\n"
                             "        backendRef:\n"
                             "          name: shop-v2\n"
                             "          port: 8080\n"
                             "        percent: 20\n"));
        const auto router = std::make_shared<const Router>(mirrored->mesh);
        HttpRequest request;
        request.authority = "shop.shop";
        request.sourceNamespace = "shop";
        request.setPath("/login");
        const RouteDecision decision = router->route(request, Router::Explain::No);
        QCOMPARE(decision.mirrors.size(), size_t(1));
        QCOMPARE(decision.mirrors.front().perMillion, 200000u);
        checkUndo(*mirrored, mesh, kFile);

        // A fraction of a percent is written as Gateway API v1.2's fraction.
        const Result<MeshChange> fraction = setGatewayMirror(mirrored->mesh, rule, "shop-v2", std::nullopt, 12.5);
        QVERIFY2(fraction.ok(), fraction.error().c_str());
        QVERIFY(textOf(*fraction->mesh, kFile)
                    .find("        fraction:\n          numerator: 1250\n"
                          "          denominator: 10000\n")
                != std::string::npos);
        QVERIFY(textOf(*fraction->mesh, kFile).find("percent: 20") == std::string::npos);
        // The same percent again writes nothing.
        QVERIFY(setGatewayMirror(mirrored->mesh, rule, "shop-v2", std::nullopt, 20.0)->edits.empty());

        // Removing it leaves the header modifier, byte for byte.
        const Result<MeshChange> removed = removeGatewayMirror(fraction->mesh, rule, "shop-v2");
        QVERIFY2(removed.ok(), removed.error().c_str());
        QCOMPARE(textOf(*removed->mesh, kFile), textOf(*mesh, kFile));
        checkUndo(*removed, fraction->mesh, kFile);
        QVERIFY(removeGatewayMirror(mesh, rule, "shop-v2")->edits.empty());
    }

    void changesOnlyThePercentOfAnExistingMirror()
    {
        // samples/mesh-httproute: rule 1 mirrors to checkout-v2 at percent 100.
        const MeshPtr mesh = ManifestLoader().loadFolder(editingtest::samplesDir() + "/mesh-httproute").mesh;
        const GatewayRuleRef rule{"HTTPRoute", "shop", "checkout", 1};
        const Result<MeshChange> changed = setGatewayMirror(mesh, rule, "checkout-v2", std::nullopt, 5.0);
        QVERIFY2(changed.ok(), changed.error().c_str());
        const std::optional<TextEdit> edit =
            textEditBetween("routes.yaml", textOf(*mesh, "routes.yaml"), textOf(*changed->mesh, "routes.yaml"));
        QVERIFY(edit);
        // Only the number moves: "100" becomes "5".
        QCOMPARE(edit->offset, textOf(*mesh, "routes.yaml").find("percent: 100") + 9);
        QCOMPARE(edit->length, size_t(3));
        QCOMPARE(edit->replacement, std::string("5"));
        const Result<MeshChange> removed = removeGatewayMirror(mesh, rule, "checkout-v2");
        QVERIFY2(removed.ok(), removed.error().c_str());
        QVERIFY(textOf(*removed->mesh, "routes.yaml").find("RequestMirror") == std::string::npos);
        QVERIFY(textOf(*removed->mesh, "routes.yaml").find("timeouts:\n      request: 2s") != std::string::npos);
        checkUndo(*removed, mesh, "routes.yaml");
    }
};

QTEST_GUILESS_MAIN(TestGatewayRules)
#include "tst_gatewayrules.moc"
