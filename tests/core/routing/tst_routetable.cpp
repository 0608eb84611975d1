// SPDX-License-Identifier: MIT
// The prefix index must give exactly the linear first-match answer. Checked
// on hand-made cases and differentially on thousands of random tables.

#include "routing/routetable.h"
#include "simulation/seededrandom.h"

#include <QTest>

using namespace meshlane;

namespace {

ProxyContext noProxy()
{
    static const Labels labels;
    return ProxyContext{&labels, "default", 80};
}

HttpMatchRequest uriBlock(StringMatch::Kind kind, const std::string &value, bool ignoreCase = false)
{
    HttpMatchRequest block;
    block.uri = StringMatch{kind, value, {}};
    block.ignoreUriCase = ignoreCase;
    return block;
}

// One route per entry: the entry number is the route number.
RouteTable tableOf(const std::vector<std::optional<HttpMatchRequest>> &blocks, size_t minIndexed = 0)
{
    std::vector<CompiledRoute> routes(blocks.size());
    std::vector<RouteTable::Entry> entries;
    for (size_t i = 0; i < blocks.size(); ++i) {
        RouteTable::Entry entry{uint32_t(i), blocks[i] ? 0 : -1, std::nullopt};
        if (blocks[i])
            entry.match.emplace(*blocks[i], true);
        entries.push_back(std::move(entry));
    }
    return RouteTable(std::move(routes), std::move(entries), RouteTable::Options{minIndexed});
}

HttpRequest requestFor(const std::string &path)
{
    HttpRequest request;
    request.authority = "svc";
    request.setPath(path);
    return request;
}

std::string randomText(SeededRandom &random, const char *alphabet, size_t maxLength)
{
    const size_t size = std::char_traits<char>::length(alphabet);
    std::string text;
    const size_t length = random.below(maxLength + 1);
    for (size_t i = 0; i < length; ++i)
        text += alphabet[random.below(size)];
    return text;
}

} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void smallTablesAreNotIndexed()
    {
        const RouteTable table = tableOf({uriBlock(StringMatch::Kind::Prefix, "/a")}, 16);
        QVERIFY(!table.isIndexed());
        QCOMPARE(table.find(requestFor("/a"), noProxy()), 0);
    }

    void overlappingPrefixesKeepFirstMatch()
    {
        const RouteTable table = tableOf({
            uriBlock(StringMatch::Kind::Exact, "/a/b"),             // 0
            uriBlock(StringMatch::Kind::Regex, "/a/[0-9]+"),        // 1 (not indexable)
            uriBlock(StringMatch::Kind::Prefix, "/a/b/"),           // 2
            uriBlock(StringMatch::Kind::Prefix, "/A/", true),       // 3 (any case)
            uriBlock(StringMatch::Kind::Prefix, "/a"),              // 4
            std::nullopt,                                           // 5 catch-all
        });
        QVERIFY(table.isIndexed());
        QCOMPARE(table.indexedEntryCount(), size_t(4));
        const ProxyContext proxy = noProxy();
        QCOMPARE(table.find(requestFor("/a/b"), proxy), 0);
        QCOMPARE(table.find(requestFor("/a/b?x=1"), proxy), 0); // exact ignores the query
        QCOMPARE(table.find(requestFor("/a/7"), proxy), 1);
        QCOMPARE(table.find(requestFor("/a/b/c"), proxy), 2);
        QCOMPARE(table.find(requestFor("/a/c"), proxy), 3);
        QCOMPARE(table.find(requestFor("/a"), proxy), 4);
        QCOMPARE(table.find(requestFor("/b"), proxy), 5);
    }

    void thousandPrefixRoutesFindTheLastOne()
    {
        std::vector<std::optional<HttpMatchRequest>> blocks;
        for (int i = 0; i < 1000; ++i)
            blocks.push_back(uriBlock(StringMatch::Kind::Prefix, "/api/r" + std::to_string(1000 + i) + '/'));
        const RouteTable table = tableOf(blocks, 16);
        QVERIFY(table.isIndexed());
        QCOMPARE(table.indexedEntryCount(), size_t(1000));
        const HttpRequest request = requestFor("/api/r1999/items?page=2");
        QCOMPARE(table.find(request, noProxy()), 999);
        QCOMPARE(table.findLinear(request, noProxy()), 999);
        QCOMPARE(table.find(requestFor("/api/r2000/"), noProxy()), -1);
    }

    // Random tables over a tiny alphabet, so prefixes collide often, mixing
    // indexable and unindexable blocks, case-insensitive keys, query strings
    // and non-URI conditions. Every answer must equal the linear scan.
    void indexAgreesWithLinearScanOnRandomTables()
    {
        SeededRandom random(20240611);
        const char *pathAlphabet = "/abA?=";
        int indexedTables = 0;
        for (int round = 0; round < 400; ++round) {
            std::vector<std::optional<HttpMatchRequest>> blocks;
            const size_t count = 1 + random.below(60);
            for (size_t i = 0; i < count; ++i) {
                const uint64_t shape = random.below(100);
                if (shape < 3) {
                    blocks.push_back(std::nullopt);
                    continue;
                }
                HttpMatchRequest block;
                const std::string key = '/' + randomText(random, pathAlphabet, 4);
                if (shape < 45)
                    block = uriBlock(StringMatch::Kind::Prefix, key, random.below(4) == 0);
                else if (shape < 80)
                    block = uriBlock(StringMatch::Kind::Exact, key, random.below(4) == 0);
                else if (shape < 90)
                    block = uriBlock(StringMatch::Kind::Regex, "/[ab]*", random.below(2) == 0);
                // else: no URI condition at all
                if (random.below(3) == 0)
                    block.headers.push_back({"x-h", {StringMatch::Kind::Exact, random.below(2) ? "a" : "b", {}}});
                if (random.below(10) == 0)
                    block.method = StringMatch{StringMatch::Kind::Exact, "POST", {}};
                blocks.push_back(block);
            }
            const RouteTable table = tableOf(blocks);
            indexedTables += table.isIndexed() ? 1 : 0;
            for (int probe = 0; probe < 200; ++probe) {
                HttpRequest request = requestFor('/' + randomText(random, pathAlphabet, 6));
                if (random.below(2))
                    request.addHeader("x-h", random.below(2) ? "a" : "b");
                if (random.below(4) == 0)
                    request.method = "POST";
                const int indexed = table.find(request, noProxy());
                const int linear = table.findLinear(request, noProxy());
                if (indexed != linear)
                    QFAIL(qPrintable(QStringLiteral("round %1, path %2: index %3, linear %4")
                                         .arg(round)
                                         .arg(QString::fromStdString(request.path))
                                         .arg(indexed)
                                         .arg(linear)));
            }
        }
        QVERIFY(indexedTables > 350); // the test really exercised the index
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
