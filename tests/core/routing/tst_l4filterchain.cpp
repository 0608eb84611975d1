// SPDX-License-Identifier: MIT
// Envoy's filter chain choice: destination prefix first, then server name.

#include "routing/l4filterchain.h"

#include <QTest>

using namespace meshlane;

namespace {

L4FilterChain chain(std::vector<std::string> subnets, std::vector<std::string> serverNames, int index)
{
    L4FilterChain result;
    for (const std::string &subnet : subnets) {
        result.prefixes.push_back(*IpPrefix::parse(subnet));
        result.subnets.push_back(subnet);
    }
    result.serverNames = std::move(serverNames);
    result.index = index;
    return result;
}

int picked(const std::vector<L4FilterChain> &chains, const std::string &ip, const std::string &sni)
{
    const L4FilterChain *selected = selectFilterChain(chains, ip, sni);
    return selected ? selected->index : -1;
}

} // namespace

class TestL4FilterChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serverNamesMatchFromTheLeft()
    {
        QVERIFY(serverNameMatches("a.example.com", "A.Example.com"));
        QVERIFY(serverNameMatches("*.example.com", "a.example.com"));
        QVERIFY(serverNameMatches("*.example.com", "a.b.example.com"));
        QVERIFY(serverNameMatches("*.com", "example.com"));
        QVERIFY(!serverNameMatches("*.example.com", "example.com"));
        QVERIFY(!serverNameMatches("a.example.com", ""));
    }

    void exactNamesBeatWildcardsBeatNoName()
    {
        const std::vector<L4FilterChain> chains{chain({}, {}, 0), chain({}, {"*.com"}, 1),
                                                chain({}, {"*.example.com"}, 2), chain({}, {"a.example.com"}, 3)};
        QCOMPARE(picked(chains, {}, "a.example.com"), 3);
        QCOMPARE(picked(chains, {}, "b.example.com"), 2);
        QCOMPARE(picked(chains, {}, "example.com"), 1);
        QCOMPARE(picked(chains, {}, "example.org"), 0);
        QCOMPARE(picked(chains, {}, {}), 0);
        // Without a chain free of server names, an unknown name matches nothing.
        QCOMPARE(picked({chain({}, {"a.example.com"}, 7)}, {}, "b.example.com"), -1);
    }

    void theLongestPrefixIsDecidedBeforeTheName()
    {
        const std::vector<L4FilterChain> chains{chain({"10.0.0.0/8"}, {"a.example.com"}, 0),
                                                chain({"10.1.0.0/16"}, {"b.example.com"}, 1), chain({}, {}, 2)};
        QCOMPARE(picked(chains, "10.2.0.1", "a.example.com"), 0);
        QCOMPARE(picked(chains, "10.9.0.1", "x.example.com"), -1); // Envoy does not go back to the prefix-less chain
        QCOMPARE(picked(chains, "10.1.0.1", "b.example.com"), 1);
        QCOMPARE(picked(chains, "10.1.0.1", "a.example.com"), -1);
        QCOMPARE(picked(chains, "192.168.0.1", "a.example.com"), 2);
        QCOMPARE(picked(chains, {}, "a.example.com"), 2);
    }

    void equalChainsKeepTheirOrder()
    {
        QCOMPARE(picked({chain({}, {"a.example.com"}, 4), chain({}, {"a.example.com"}, 5)}, {}, "a.example.com"), 4);
    }
};

QTEST_GUILESS_MAIN(TestL4FilterChain)
#include "tst_l4filterchain.moc"
