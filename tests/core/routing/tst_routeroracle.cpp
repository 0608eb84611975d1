// SPDX-License-Identifier: MIT
// Property: on random route tables and random requests, the router picks the
// route and match block a naive in-order scan picks (see randomroutetable.h).

#include "load/manifestloader.h"
#include "support/randomroutetable.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

class TestRouterOracle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void routerAgreesWithANaiveScan()
    {
        int decided = 0;
        int matched = 0;
        for (uint64_t seed = 1; seed <= 400; ++seed) {
            RandomRouteTables tables(seed);
            const std::string yaml = std::string(kOracleBase) + tables.virtualService();
            const LoadResult loaded = ManifestLoader().loadText("oracle.yaml", yaml);
            const VirtualService *vs = loaded.mesh->findVirtualService("default", "shop");
            if (!vs || !loaded.diagnostics.empty()) {
                std::string why = "seed " + std::to_string(seed) + ": the table does not load cleanly:\n";
                for (const Diagnostic &diagnostic : loaded.diagnostics)
                    why += diagnostic.toString() + '\n';
                QFAIL((why + yaml.substr(std::string(kOracleBase).size())).c_str());
            }
            const Router router(loaded.mesh);
            for (int i = 0; i < 150; ++i) {
                const HttpRequest request = tables.request();
                const RequestWitness::Taking naive = RequestWitness::firstMatchTaking(*vs, request);
                const RouteDecision decision = router.route(request, Router::Explain::No);
                const bool byRoute = decision.rule && decision.rule->kind == "VirtualService";
                const int route = byRoute ? decision.rule->index : -1;
                const int match = byRoute ? decision.rule->match : -1;
                if (route != naive.route || match != naive.match) {
                    const std::string what = "seed " + std::to_string(seed) + " request " + std::to_string(i) + ": "
                        + request.method + ' ' + request.authority + ':' + std::to_string(request.port) + request.path
                        + " -> router " + std::to_string(route) + '/' + std::to_string(match) + ", naive "
                        + std::to_string(naive.route) + '/' + std::to_string(naive.match) + "\n" + yaml;
                    QFAIL(what.c_str());
                }
                ++decided;
                matched += naive.route >= 0;
            }
        }
        // The alphabets are small on purpose: most requests meet a route.
        QVERIFY2(matched > decided / 2, qPrintable(QString::number(matched) + u'/' + QString::number(decided)));
    }
};

QTEST_GUILESS_MAIN(TestRouterOracle)
#include "tst_routeroracle.moc"
