// SPDX-License-Identifier: MIT
#include "yaml/yamlfieldlocator.h"
#include "yaml/yamlwriter.h"

#include <QTest>

using namespace meshlane;

namespace {

// A DestinationRule as a person writes it: comments, `name` before `labels`,
// and other documents before it in the file (lines count from the file's start).
const char *const kFile = R"(apiVersion: v1
kind: Service
metadata:
  name: catalog
---
# subsets in the order they were rolled out
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: catalog
spec:
  host: catalog
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v3 # not deployed yet
    labels:
      version: v3
    trafficPolicy:
      loadBalancer:
        simple: ROUND_ROBIN
)";

YAML::Node ruleOf(const char *file)
{
    return YAML::LoadAll(file).at(1);
}

QString lineText(const std::string &text, int line)
{
    return QString::fromStdString(text).split(u'\n').value(line);
}

} // namespace

class TestYamlFieldLocator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pathAtAKey()
    {
        const YAML::Node rule = ruleOf(kFile);
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 12, 3)), std::string("spec.host"));
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 19, 0)), std::string("spec.subsets[1].labels.version"));
    }

    // "- name: v3" starts the list item and its first key at the same column:
    // the item is meant (findings about a subset point at it).
    void aListItemBeforeItsFirstKey()
    {
        const YAML::Node rule = ruleOf(kFile);
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 17, 5)), std::string("spec.subsets[1]"));
        // A column on the value: the key of the line.
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 17, 11)), std::string("spec.subsets[1]"));
    }

    // A comment line or a line past the node: the field just before it.
    void betweenFields()
    {
        const YAML::Node rule = ruleOf(kFile);
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 6, 1)), std::string());
        QCOMPARE(YamlFieldLocator::toString(YamlFieldLocator::pathAt(rule, 40, 1)),
                 std::string("spec.subsets[1].trafficPolicy.loadBalancer.simple"));
        QVERIFY(YamlFieldLocator::pathAt(rule, 0, 0).empty());
    }

    // Regenerated, keys are sorted and comments gone; the path finds the field anyway.
    void lineInTheRegeneratedText()
    {
        const YAML::Node rule = ruleOf(kFile);
        const std::string canonical = YamlWriter::canonical(rule);
        const int subset = YamlFieldLocator::lineOf(canonical, YamlFieldLocator::pathAt(rule, 17, 5));
        QCOMPARE(lineText(canonical, subset).trimmed(), QStringLiteral("- labels:"));
        QCOMPARE(lineText(canonical, subset + 1).trimmed(), QStringLiteral("version: v3"));
        const int name = YamlFieldLocator::lineOf(canonical, {{"spec", -1}, {"subsets", -1}, {"", 1}, {"name", -1}});
        QCOMPARE(lineText(canonical, name).trimmed(), QStringLiteral("name: v3"));
        const int simple = YamlFieldLocator::lineOf(canonical, YamlFieldLocator::pathAt(rule, 22, 9));
        QCOMPARE(lineText(canonical, simple).trimmed(), QStringLiteral("simple: ROUND_ROBIN"));
    }

    // A field the text does not have (an edit removed it): its nearest ancestor.
    void missingFieldFallsBackToItsParent()
    {
        const std::string text = "spec:\n  host: catalog\n  subsets:\n  - name: v1\n";
        const YamlFieldLocator::Path gone{{"spec", -1}, {"subsets", -1}, {"", 4}, {"labels", -1}};
        QCOMPARE(YamlFieldLocator::lineOf(text, gone), 2);
        QCOMPARE(YamlFieldLocator::lineOf(text, {{"nothing", -1}}), 0);
        QCOMPARE(YamlFieldLocator::lineOf("{ unclosed", {{"spec", -1}}), 0);
    }
};

QTEST_GUILESS_MAIN(TestYamlFieldLocator)
#include "tst_yamlfieldlocator.moc"
