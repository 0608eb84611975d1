// SPDX-License-Identifier: MIT
// A Service port's protocol as Istio reads it from the name and appProtocol.

#include "model/portprotocol.h"
#include "model/service.h"

#include <QTest>

using namespace meshlane;

namespace {

PortProtocol of(const char *name, uint32_t number = 1234, const char *appProtocol = "", const char *protocol = "TCP")
{
    ServicePort port;
    port.name = name;
    port.port = number;
    port.appProtocol = appProtocol;
    port.protocol = protocol;
    return portProtocolOf(port);
}

} // namespace

class TestPortProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void thePrefixOfTheNameNamesTheProtocol()
    {
        QCOMPARE(of("tcp"), PortProtocol::Tcp);
        QCOMPARE(of("tcp-other"), PortProtocol::Tcp);
        QCOMPARE(of("MONGO-db"), PortProtocol::Tcp);
        QCOMPARE(of("redis"), PortProtocol::Tcp);
        QCOMPARE(of("tls-x"), PortProtocol::Tls);
        QCOMPARE(of("https"), PortProtocol::Tls);
        QCOMPARE(of("http2-x"), PortProtocol::Http);
        QCOMPARE(of("grpc-web-x"), PortProtocol::Http);
        QCOMPARE(of("foo"), PortProtocol::Auto);
        QCOMPARE(of(""), PortProtocol::Auto);
        QCOMPARE(of("tcpx"), PortProtocol::Auto); // the prefix ends at '-'
    }

    void appProtocolReplacesTheName()
    {
        QCOMPARE(of("http", 80, "tcp"), PortProtocol::Tcp);
        QCOMPARE(of("tcp", 80, "kubernetes.io/h2c"), PortProtocol::Http);
        QCOMPARE(of("", 443, "kubernetes.io/wss"), PortProtocol::Tls);
    }

    void wellKnownPortsAreTcpWhenUnnamed()
    {
        QCOMPARE(of("", 3306), PortProtocol::Tcp);
        QCOMPARE(of("db", 27017), PortProtocol::Tcp);
        QCOMPARE(of("", 443), PortProtocol::Auto); // unnamed 443 is sniffed, not TLS
        QCOMPARE(of("http", 3306), PortProtocol::Http);
    }

    void udpHasNoListener()
    {
        QCOMPARE(of("dns", 53, "", "UDP"), PortProtocol::Udp);
        QCOMPARE(portProtocolFromName("UDP"), PortProtocol::Udp);
        QCOMPARE(portProtocolFromName("HTTPS"), PortProtocol::Tls);
    }
};

QTEST_GUILESS_MAIN(TestPortProtocol)
#include "tst_portprotocol.moc"
