// SPDX-License-Identifier: MIT
#include "routing/httprequest.h"

#include <QTest>

using namespace meshlane;

class TestHttpRequest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queryParametersComeFromThePath()
    {
        HttpRequest request;
        request.setPath("/items/12?color=red&size=&flag&x=a=b#frag");
        QCOMPARE(request.queryParams.size(), size_t(4));
        QCOMPARE(*request.queryParam("color"), std::string("red"));
        QCOMPARE(*request.queryParam("size"), std::string());
        QCOMPARE(*request.queryParam("flag"), std::string());
        QCOMPARE(*request.queryParam("x"), std::string("a=b"));
        QVERIFY(!request.queryParam("Color"));
        QCOMPARE(request.pathWithoutQuery(), std::string_view("/items/12"));
    }

    void firstOfRepeatedQueryParameters()
    {
        HttpRequest request;
        request.setPath("/?a=1&a=2");
        QCOMPARE(*request.queryParam("a"), std::string("1"));
    }

    void addQueryParamExtendsThePath()
    {
        HttpRequest request;
        request.setPath("/list");
        request.addQueryParam("page", "2");
        QCOMPARE(request.path, std::string("/list?page=2"));
        request.addQueryParam("sort", "asc");
        QCOMPARE(request.path, std::string("/list?page=2&sort=asc"));
        QCOMPARE(*request.queryParam("sort"), std::string("asc"));
    }

    void headerNamesAreLowerCasedAndRepeatsJoined()
    {
        HttpRequest request;
        request.addHeader("End-User", "jason");
        request.addHeader("X-Tag", "a");
        request.addHeader("x-tag", "b");
        QCOMPARE(*request.header("end-user"), std::string("jason"));
        QCOMPARE(*request.header("x-tag"), std::string("a,b"));
        QVERIFY(!request.header("missing"));
    }

    void pseudoHeadersAnswerFromFields()
    {
        HttpRequest request;
        request.authority = "reviews:9080";
        request.method = "POST";
        QCOMPARE(*request.header(":authority"), std::string("reviews:9080"));
        QCOMPARE(*request.header("host"), std::string("reviews:9080"));
        QCOMPARE(*request.header(":method"), std::string("POST"));
        QCOMPARE(*request.header(":scheme"), std::string("http"));
        QCOMPARE(*request.header(":path"), std::string("/"));
    }

    void authorityHostAndPort()
    {
        HttpRequest request;
        request.authority = "Reviews.Default:9080";
        QCOMPARE(request.hostName(), std::string("reviews.default"));
        QCOMPARE(request.authorityPort(), 9080u);
        request.authority = "[::1]:8443";
        QCOMPARE(request.hostName(), std::string("[::1]"));
        QCOMPARE(request.authorityPort(), 8443u);
        request.authority = "[::1]";
        QCOMPARE(request.authorityPort(), 0u);
        request.authority = "host:notaport";
        QCOMPARE(request.authorityPort(), 0u);
    }

    // A TLS client names the host it calls; other protocols send no SNI; an
    // SNI already chosen stays.
    void sniDefaultsToTheHost()
    {
        HttpRequest request;
        request.authority = "Shop.Example.com:443";
        request.protocol = ConnectionProtocol::Tls;
        request.defaultSniToHost();
        QCOMPARE(request.sni, std::string("shop.example.com"));
        request.sni = "pay.example.com";
        request.defaultSniToHost();
        QCOMPARE(request.sni, std::string("pay.example.com"));
        request.protocol = ConnectionProtocol::Tcp;
        request.defaultSniToHost();
        QVERIFY(request.sni.empty());
    }
};

QTEST_GUILESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
