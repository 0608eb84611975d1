// SPDX-License-Identifier: MIT
// destinationSubnets values: what parses (Istio's ValidateIPSubnet) and what a block holds.

#include "base/ipprefix.h"

#include <QTest>

using namespace meshlane;

class TestIpPrefix : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBlocksAndAddresses()
    {
        QCOMPARE(IpPrefix::parse("10.0.0.0/8")->length(), 8);
        QCOMPARE(IpPrefix::parse("10.1.2.3")->length(), 32);
        QCOMPARE(IpPrefix::parse("fd00::/64")->length(), 64);
        QVERIFY(IpPrefix::parse("fd00::/64")->isV6());
        QCOMPARE(IpPrefix::parse("::ffff:10.0.0.1")->length(), 128);
        QCOMPARE(IpPrefix::parse("0.0.0.0/0")->length(), 0);
    }

    void rejectsWhatIstioRejects()
    {
        for (const char *bad : {"", "10.0.0.0/33", "10.0.0/8", "1.2.3", "256.1.1.1", "01.2.3.4", "10.0.0.0/8/8",
                                "10.0.0.0/", "a::b::c", "fd00::/129", "example.com", "10.0.0.0/08"})
            QVERIFY2(!IpPrefix::parse(bad), bad);
    }

    void containsAddressesOfItsFamily()
    {
        const IpPrefix block = *IpPrefix::parse("10.1.0.0/16");
        QVERIFY(block.contains(*IpPrefix::address("10.1.255.7")));
        QVERIFY(!block.contains(*IpPrefix::address("10.2.0.1")));
        QVERIFY(!block.contains(*IpPrefix::address("::a01:1")));
        QVERIFY(IpPrefix::parse("0.0.0.0/0")->contains(*IpPrefix::address("203.0.113.9")));
        const IpPrefix v6 = *IpPrefix::parse("2001:db8::/32");
        QVERIFY(v6.contains(*IpPrefix::address("2001:db8:1::1")));
        QVERIFY(!v6.contains(*IpPrefix::address("2001:db9::1")));
        // A host block does not contain a wider one.
        QVERIFY(!IpPrefix::parse("10.1.2.3")->contains(block));
    }
};

QTEST_GUILESS_MAIN(TestIpPrefix)
#include "tst_ipprefix.moc"
