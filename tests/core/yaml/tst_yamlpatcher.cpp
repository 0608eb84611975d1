// SPDX-License-Identifier: MIT
#include "yaml/yamlpatcher.h"
#include "yaml/yamlwriter.h"

#include <QTest>

#include <functional>

using namespace meshlane;

namespace {

using Change = std::function<void(YamlPatcher &, const YAML::Node &)>;

// Parses `text`, lets `change` work on the first document, applies the edits.
// Returns the new text, or "ERROR: why".
std::string patched(const std::string &text, const Change &change, const std::string &file = "f.yaml")
{
    const YAML::Node document = YAML::Load(text);
    YamlPatcher patcher(file, text, document);
    change(patcher, document);
    std::vector<TextEdit> edits = patcher.edits();
    if (!patcher.ok())
        return "ERROR: " + patcher.error();
    const std::string result = applyTextEdits(text, edits, file);
    // Whatever we write must still be YAML.
    YAML::Load(result);
    return result;
}

YAML::Node integer(int value)
{
    return YamlWriter::integerNode(value);
}

YAML::Node text(const std::string &value)
{
    return YamlWriter::stringNode(value);
}

YAML::Node map(std::initializer_list<std::pair<const char *, YAML::Node>> entries)
{
    YAML::Node node(YAML::NodeType::Map);
    for (const auto &[key, value] : entries)
        node[key] = value;
    return node;
}

} // namespace

class TestYamlPatcher : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The span between the common prefix and suffix: applying it gives the
    // new text back, and it covers no byte both texts share at the ends.
    void textEditBetweenMovesOnlyTheDifferingSpan_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<int>("offset");
        QTest::addColumn<int>("length");
        QTest::newRow("weight") << "weight: 90\nsubset: v1\n" << "weight: 40\nsubset: v1\n" << 8 << 1;
        QTest::newRow("insert") << "a\nc\n" << "a\nb\nc\n" << 2 << 0;
        QTest::newRow("remove") << "a\nb\nc\n" << "a\nc\n" << 2 << 2;
        QTest::newRow("repeated") << "aaaa" << "aa" << 2 << 2;
        QTest::newRow("from nothing") << "" << "kind: Service\n" << 0 << 0;
        QTest::newRow("to nothing") << "x: 1\n" << "" << 0 << 5;
    }

    void textEditBetweenMovesOnlyTheDifferingSpan()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(int, offset);
        QFETCH(int, length);
        const std::optional<TextEdit> edit = textEditBetween("f.yaml", before.toStdString(), after.toStdString());
        QVERIFY(edit.has_value());
        QCOMPARE(int(edit->offset), offset);
        QCOMPARE(int(edit->length), length);
        QCOMPARE(applyTextEdits(before.toStdString(), {*edit}, "f.yaml"), after.toStdString());
        QVERIFY(!textEditBetween("f.yaml", after.toStdString(), after.toStdString()).has_value());
    }

    void replacesOnlyTheScalar_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::newRow("plain") << "a: 1\nweight: 80\nb: 2\n" << "a: 1\nweight: 35\nb: 2\n";
        QTest::newRow("trailing comment") << "weight: 80   # most\n" << "weight: 35   # most\n";
        QTest::newRow("flow map") << "{weight: 80, d: x}\n" << "{weight: 35, d: x}\n";
        QTest::newRow("json") << "{\"weight\": 80, \"d\": 1}\n" << "{\"weight\": 35, \"d\": 1}\n";
        QTest::newRow("double quoted string") << "weight: \"80\"\n" << "weight: 35\n";
        QTest::newRow("single quoted string") << "weight: '8''0'\n" << "weight: 35\n";
        QTest::newRow("anchor kept") << "weight: &w 80\n" << "weight: &w 35\n";
        QTest::newRow("no final newline") << "weight: 80" << "weight: 35";
        QTest::newRow("crlf") << "a: 1\r\nweight: 80\r\n" << "a: 1\r\nweight: 35\r\n";
        QTest::newRow("byte order mark") << "\xEF\xBB\xBF" "a: 1\nweight: 80\n" << "\xEF\xBB\xBF" "a: 1\nweight: 35\n";
        QTest::newRow("unicode before") << "é: ü\nweight: 80\n" << "é: ü\nweight: 35\n";
        QTest::newRow("unchanged value") << "weight: 35 # same\n" << "weight: 35 # same\n";
    }

    void replacesOnlyTheScalar()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        const std::string input = before.toStdString();
        const std::string result = patched(input, [](YamlPatcher &p, const YAML::Node &doc) {
            p.setValue(doc, "weight", integer(35));
        }, before.startsWith(u'{') ? "f.json" : "f.yaml");
        QCOMPARE(QString::fromStdString(result), after);
    }

    void quotesStringsThatLookLikeNumbers()
    {
        QCOMPARE(patched("exact: v1\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "exact", text("10")); }),
                 std::string("exact: \"10\"\n"));
        QCOMPARE(patched("exact: v1\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "exact", text("true")); }),
                 std::string("exact: \"true\"\n"));
        QCOMPARE(patched("exact: v1\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "exact", text("a: b")); }),
                 std::string("exact: \"a: b\"\n"));
        // "v2" quoted and v2 plain are the same string: no edit.
        QCOMPARE(patched("exact: \"v2\"\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "exact", text("v2")); }),
                 std::string("exact: \"v2\"\n"));
    }

    void insertsAKeyWithTheMappingsIndentation()
    {
        const std::string compact = "route:\n- destination:\n    host: a\n  # about b\n- destination:\n    host: b\n";
        QCOMPARE(patched(compact, [](YamlPatcher &p, const YAML::Node &d) {
                     p.setValue(p.enter(d["route"], 0), "weight", integer(60));
                 }),
                 std::string("route:\n- destination:\n    host: a\n  weight: 60\n  # about b\n- destination:\n    host: b\n"));
        const std::string indented = "spec:\n    http:\n      - route:\n          - destination: {host: a}\n";
        QCOMPARE(patched(indented, [](YamlPatcher &p, const YAML::Node &d) {
                     const YAML::Node route = p.enter(p.enter(p.enter(p.enter(d, "spec"), "http"), 0), "route");
                     p.setValue(p.enter(route, 0), "weight", integer(100));
                 }),
                 std::string("spec:\n    http:\n      - route:\n          - destination: {host: a}\n            weight: 100\n"));
    }

    void insertsNestedBlocksFollowingTheFileStyle()
    {
        // 4-space indent and indented lists: the inserted block does the same.
        const std::string input = "http:\n    -   route:\n            -   destination:\n                    host: a\n";
        const std::string result = patched(input, [](YamlPatcher &p, const YAML::Node &d) {
            YAML::Node mirror = map({{"host", text("a")}, {"subset", text("v2")}});
            p.setValue(p.enter(d["http"], 0), "mirror", mirror);
        });
        QCOMPARE(result, input + "        mirror:\n            host: a\n            subset: v2\n");
    }

    void insertsBeforeAKey()
    {
        const std::string onDashLine = "- route:\n  - destination: {host: a}\n";
        QCOMPARE(patched(onDashLine, [](YamlPatcher &p, const YAML::Node &d) {
                     YAML::Node match(YAML::NodeType::Sequence);
                     match.push_back(map({{"uri", map({{"prefix", text("/api")}})}}));
                     p.setValue(p.enter(d, 0), "match", match, "route");
                 }),
                 std::string("- match:\n  - uri:\n      prefix: /api\n  route:\n  - destination: {host: a}\n"));
        const std::string ownLine = "- name: x\n  # the route\n  route: []\n";
        QCOMPARE(patched(ownLine, [](YamlPatcher &p, const YAML::Node &d) {
                     p.setValue(p.enter(d, 0), "timeout", text("5s"), "route");
                 }),
                 std::string("- name: x\n  timeout: 5s\n  # the route\n  route: []\n"));
    }

    void removesAKeyWithItsCommentsAndValue()
    {
        const std::string input = "a: 1\n# about mirror\nmirror:\n  host: x\n\nb: 2\n";
        QCOMPARE(patched(input, [](YamlPatcher &p, const YAML::Node &d) { p.removeKey(d, "mirror"); }),
                 std::string("a: 1\n\nb: 2\n"));
        const std::string firstOnDash = "- match:\n  - uri: {exact: /}\n  route: x\n";
        QCOMPARE(patched(firstOnDash, [](YamlPatcher &p, const YAML::Node &d) { p.removeKey(p.enter(d, 0), "match"); }),
                 std::string("- route: x\n"));
        QCOMPARE(patched("{a: 1, b: 2, c: 3}\n", [](YamlPatcher &p, const YAML::Node &d) { p.removeKey(d, "b"); }),
                 std::string("{a: 1, c: 3}\n"));
        QCOMPARE(patched("{a: 1, b: 2}\n", [](YamlPatcher &p, const YAML::Node &d) { p.removeKey(d, "b"); }),
                 std::string("{a: 1}\n"));
        QVERIFY(patched("a: 1\n", [](YamlPatcher &p, const YAML::Node &d) { p.removeKey(d, "a"); }).rfind("ERROR", 0) == 0);
    }

    void mergesMappingsKeyByKey()
    {
        const std::string input = "mirror:\n  host: a # keep me\n  subset: v1\n  port:\n    number: 80\n";
        QCOMPARE(patched(input, [](YamlPatcher &p, const YAML::Node &d) {
                     p.setValue(d, "mirror", map({{"host", text("a")}, {"subset", text("v2")}}));
                 }),
                 std::string("mirror:\n  host: a # keep me\n  subset: v2\n"));
    }

    void listItems()
    {
        const std::string list = "l:\n# one\n- a: 1\n  b: 2\n# two\n- a: 3\n- a: 5\nnext: x\n";
        YAML::Node item = map({{"a", integer(9)}, {"b", text("z")}});
        QCOMPARE(patched(list, [&](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 3, item); }),
                 std::string("l:\n# one\n- a: 1\n  b: 2\n# two\n- a: 3\n- a: 5\n- a: 9\n  b: z\nnext: x\n"));
        QCOMPARE(patched(list, [&](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 1, item); }),
                 std::string("l:\n# one\n- a: 1\n  b: 2\n- a: 9\n  b: z\n# two\n- a: 3\n- a: 5\nnext: x\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.removeItem(d["l"], 1); }),
                 std::string("l:\n# one\n- a: 1\n  b: 2\n- a: 5\nnext: x\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.removeItem(d["l"], 2); }),
                 std::string("l:\n# one\n- a: 1\n  b: 2\n# two\n- a: 3\nnext: x\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.moveItem(d["l"], 0, 2); }),
                 std::string("l:\n# two\n- a: 3\n- a: 5\n# one\n- a: 1\n  b: 2\nnext: x\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.moveItem(d["l"], 2, 0); }),
                 std::string("l:\n- a: 5\n# one\n- a: 1\n  b: 2\n# two\n- a: 3\nnext: x\n"));
        const std::string indented = "l:\n  - 1\n  - 2\n";
        QCOMPARE(patched(indented, [](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 2, integer(3)); }),
                 std::string("l:\n  - 1\n  - 2\n  - 3\n"));
        const std::string lastLine = "l:\n- 1\n- 2";
        QCOMPARE(patched(lastLine, [](YamlPatcher &p, const YAML::Node &d) { p.moveItem(d["l"], 1, 0); }),
                 std::string("l:\n- 2\n- 1\n"));
        QCOMPARE(patched(lastLine, [](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 2, integer(3)); }),
                 std::string("l:\n- 1\n- 2\n- 3\n"));
        QVERIFY(patched("l:\n- 1\n", [](YamlPatcher &p, const YAML::Node &d) { p.removeItem(d["l"], 0); })
                    .rfind("ERROR", 0) == 0);
    }

    void flowLists()
    {
        const std::string list = "l: [a, {b: 1}, c]\n";
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 3, text("d")); }),
                 std::string("l: [a, {b: 1}, c, d]\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 0, text("d")); }),
                 std::string("l: [d, a, {b: 1}, c]\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.removeItem(d["l"], 1); }),
                 std::string("l: [a, c]\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.removeItem(d["l"], 2); }),
                 std::string("l: [a, {b: 1}]\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.moveItem(d["l"], 2, 0); }),
                 std::string("l: [c, a, {b: 1}]\n"));
        QCOMPARE(patched(list, [](YamlPatcher &p, const YAML::Node &d) { p.moveItem(d["l"], 0, 2); }),
                 std::string("l: [{b: 1}, c, a]\n"));
        QCOMPARE(patched("l: []\n", [](YamlPatcher &p, const YAML::Node &d) { p.insertItem(d["l"], 0, integer(1)); }),
                 std::string("l: [1]\n"));
        const std::string json = "{\"l\": [{\"a\": 1}]}";
        QCOMPARE(patched(json, [](YamlPatcher &p, const YAML::Node &d) {
                     p.insertItem(d["l"], 1, map({{"a", integer(2)}, {"s", text("x")}}));
                     p.setValue(p.enter(d["l"], 0), "w", integer(5));
                 }, "f.json"),
                 std::string("{\"l\": [{\"a\": 1, \"w\": 5}, {\"a\": 2, \"s\": \"x\"}]}"));
    }

    void newLinesFollowTheFile()
    {
        const std::string input = "l:\r\n- a: 1\r\n";
        const std::string result = patched(input, [](YamlPatcher &p, const YAML::Node &d) {
            p.insertItem(d["l"], 1, map({{"a", integer(2)}, {"b", map({{"c", integer(3)}})}}));
        });
        QCOMPARE(result, std::string("l:\r\n- a: 1\r\n- a: 2\r\n  b:\r\n    c: 3\r\n"));
    }

    void refusesToEditThroughAliases()
    {
        const std::string aliasValue = "base: &w 50\nroute:\n  weight: *w\n";
        // An alias occurrence is replaced by the literal: only this place changes.
        QCOMPARE(patched(aliasValue, [](YamlPatcher &p, const YAML::Node &d) { p.setValue(p.enter(d, "route"), "weight", integer(10)); }),
                 std::string("base: &w 50\nroute:\n  weight: 10\n"));
        QCOMPARE(patched("a: &m {x: 1}\nb: *m\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "b", integer(1)); }),
                 std::string("ERROR: f.yaml:2: 'b' is an alias (*name) of a value written elsewhere; edit that value instead"));
        // The anchor itself, when aliased, is refused too: changing it would change both.
        QVERIFY(patched(aliasValue, [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "base", integer(10)); })
                    .find("anchor &w") != std::string::npos);
        const std::string aliasItem = "a: &entry {w: 1}\nl:\n- *entry\n";
        QVERIFY(patched(aliasItem, [](YamlPatcher &p, const YAML::Node &d) { p.enter(d["l"], 0); }).rfind("ERROR", 0) == 0);
        const std::string aliasMap = "a: &m {w: 1}\nb: *m\n";
        QVERIFY(patched(aliasMap, [](YamlPatcher &p, const YAML::Node &d) { p.enter(d, "b"); }).rfind("ERROR", 0) == 0);
        // An anchor nobody aliases is just a name: editing is fine.
        QCOMPARE(patched("a: &lonely 1\n", [](YamlPatcher &p, const YAML::Node &d) { p.setValue(d, "a", integer(2)); }),
                 std::string("a: &lonely 2\n"));
    }

    void learnsTheLayout()
    {
        const std::string text = "a:\n    b:\n        - x\n";
        YamlPatcher patcher("f.yaml", text, YAML::Load(text));
        QCOMPARE(patcher.layout().indent, 4);
        QCOMPARE(patcher.layout().sequenceIndent, 4);
        const std::string kubectl = "a:\n  b:\n  - x\n";
        YamlPatcher second("f.yaml", kubectl, YAML::Load(kubectl));
        QCOMPARE(second.layout().indent, 2);
        QCOMPARE(second.layout().sequenceIndent, 0);
    }

    void overlappingChangesAreRefused()
    {
        const std::string text = "l:\n- a: 1\n- a: 2\n";
        QVERIFY(patched(text, [](YamlPatcher &p, const YAML::Node &d) {
                    p.setValue(p.enter(d["l"], 0), "a", integer(5));
                    p.removeItem(d["l"], 0);
                }).rfind("ERROR", 0) == 0);
    }
};

QTEST_GUILESS_MAIN(TestYamlPatcher)
#include "tst_yamlpatcher.moc"
