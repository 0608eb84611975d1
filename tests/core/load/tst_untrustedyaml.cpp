// SPDX-License-Identifier: MIT
#include "load/untrustedyaml.h"
#include "rollout/behaviourprofile.h"
#include "rollout/rolloutplanloader.h"
#include "simulation/trafficmix.h"

#include <QTest>

#include <string>

using namespace meshlane;

namespace {

// Input on which yaml-cpp 0.7 loops, misreads or recurses without bound.
struct Hostile
{
    const char *name;
    std::string text;
    int line;
};

std::vector<Hostile> hostileInputs()
{
    std::string deep = "spec:\n  steps: ";
    deep += std::string(400, '[') + std::string(400, ']') + "\n";
    return {
        // Found by fuzz_rolloutplan: a ',' and NULs at the start of a line in an Argo Rollout hung the reader.
        {"stray comma", "apiVersion: argoproj.io/v1alpha1\nkind: Rollout\nspec:\n" + std::string(",\0\0\0  x: y\n", 11),
         4},
        // Found by fuzz_loader's 30-minute run: a ',' after a directive line, which ends the scalar before it.
        {"comma after a directive", "apiVersion: v1\nkind: Service\nmetadata: t\n%\n ,\n", 5},
        // Found by fuzz_loader's second 30-minute run: a tag holding a backspace made yaml-cpp loop.
        {"control character", "apiVersion: v1\nkind: Service\nmetadata: !\x08\nn\n,\n", 3},
        {"unclosed quote", "apiVersion: meshlane.io/v1alpha1\nkind: RolloutPlan\nmetadata: {name: \"a}\nspec: {}\n", 3},
        {"deep nesting", deep, 2},
    };
}

} // namespace

class TestUntrustedYaml : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void refusesAtTheLine()
    {
        for (const Hostile &input : hostileInputs()) {
            try {
                UntrustedYaml::loadAll(input.text);
                QFAIL(input.name);
            } catch (const YAML::ParserException &refused) {
                QCOMPARE(refused.mark.line + 1, input.line);
            }
        }
    }

    // Every reader of a file the user names refuses it with the line, promptly.
    void everyReaderRefuses()
    {
        for (const Hostile &input : hostileInputs()) {
            const Result<RolloutImport> plan = RolloutPlanLoader::load(input.text, "plan.yaml");
            QVERIFY2(!plan.ok(), input.name);
            QVERIFY2(plan.error().rfind("plan.yaml:" + std::to_string(input.line) + ": ", 0) == 0, plan.error().c_str());
            QVERIFY2(!TrafficMix::fromYaml(input.text, {}).ok(), input.name);
            QVERIFY2(!BehaviourProfile::listFromYaml(input.text).ok(), input.name);
        }
    }

    void acceptsOrdinaryYaml()
    {
        const std::vector<YAML::Node> documents = UntrustedYaml::loadAll("a: 1\n---\nb: [1, 2, \"x, y\"]\n");
        QCOMPARE(documents.size(), size_t(2));
        QCOMPARE(documents[1]["b"][2].as<std::string>(), std::string("x, y"));
    }
};

QTEST_GUILESS_MAIN(TestUntrustedYaml)
#include "tst_untrustedyaml.moc"
