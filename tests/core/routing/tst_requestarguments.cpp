// SPDX-License-Identifier: MIT
// Request options, read once for the CLI and for the witnesses the request
// tester replays: what RequestWitness::arguments writes reads back as the same
// request, and bad values get the CLI's messages.

#include "analysis/requestwitness.h"
#include "routing/requestarguments.h"

#include <QTest>

using namespace meshlane;

namespace {

HttpRequest replayed(const HttpRequest &request)
{
    const Result<RequestArguments> split = splitRequestArguments(RequestWitness::arguments(request));
    if (!split)
        qFatal("%s", split.error().c_str());
    HttpRequest back;
    const Result<void> applied = applyRequestArguments(*split, back);
    if (!applied)
        qFatal("%s", applied.error().c_str());
    return back;
}

std::string errorOf(const RequestArguments &arguments)
{
    HttpRequest request;
    const Result<void> applied = applyRequestArguments(arguments, request);
    return applied ? std::string() : applied.error();
}

} // namespace

class TestRequestArguments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void witnessesReadBackAsTheSameRequest()
    {
        HttpRequest request;
        request.authority = "reviews.shop.svc.cluster.local";
        request.port = 9080;
        request.method = "POST";
        request.setPath("/api/v1?user=ann lee&x=it's");
        request.addHeader("End-User", "jason o'neil");
        request.addHeader("x-empty", "");
        request.gateway = "istio-system/edge";
        request.sourceNamespace = "shop";
        request.sourceLabels = {{"app", "web"}, {"version", "v2"}};
        const HttpRequest back = replayed(request);
        QCOMPARE(back.authority, request.authority);
        QCOMPARE(back.port, request.port);
        QCOMPARE(back.method, request.method);
        QCOMPARE(back.path, request.path);
        QCOMPARE(back.queryParams, request.queryParams);
        QCOMPARE(back.headers, request.headers);
        QCOMPARE(back.gateway, request.gateway);
        QCOMPARE(back.sourceNamespace, request.sourceNamespace);
        QCOMPARE(back.sourceLabels, request.sourceLabels);
    }

    void defaultsAreLeftAlone()
    {
        HttpRequest request;
        request.authority = "ratings";
        const HttpRequest back = replayed(request);
        QCOMPARE(back.method, std::string("GET"));
        QCOMPARE(back.path, std::string("/"));
        QCOMPARE(back.sourceNamespace, std::string("default"));
        QCOMPARE(back.port, 0u);
    }

    void badValuesGetTheCliMessages()
    {
        QCOMPARE(errorOf({{"port", {"0"}}}), std::string("--port must be a number from 1 to 65535, not '0'"));
        QCOMPARE(errorOf({{"port", {"80x"}}}), std::string("--port must be a number from 1 to 65535, not '80x'"));
        QCOMPARE(errorOf({{"path", {"api"}}}), std::string("--path must start with '/', not 'api'"));
        QCOMPARE(errorOf({{"header", {"=x"}}}), std::string("--header wants name=value, not '=x'"));
        QCOMPARE(errorOf({{"gateway", {"edge"}}}), std::string("--gateway wants namespace/name, not 'edge'"));
        QCOMPARE(errorOf({{"source-labels", {"app"}}}), std::string("--source-labels wants k=v,k2=v2, not 'app'"));
        QCOMPARE(errorOf({{"sni", {"a.example.com"}}}), std::string("--sni needs --protocol tls"));
        QCOMPARE(errorOf({{"protocol", {"udp"}}}), std::string("--protocol must be http, tcp or tls, not 'udp'"));
        QCOMPARE(errorOf({{"protocol", {"tcp"}}, {"destination-ip", {"10.0.0"}}}),
                 std::string("--destination-ip wants an IPv4 or IPv6 address, not '10.0.0'"));
    }

    void tlsTakesTheHostAsSniUnlessGiven()
    {
        HttpRequest request;
        QVERIFY(applyRequestArguments({{"host", {"Secure.Example.com:443"}}, {"protocol", {"tls"}}}, request));
        QCOMPARE(request.sni, std::string("secure.example.com"));
    }

    void splittingRefusesWhatIsNotAnOption()
    {
        QCOMPARE(splitRequestArguments("--host a --weights 1").error(), std::string("unknown option '--weights'"));
        QCOMPARE(splitRequestArguments("--host").error(), std::string("--host needs a value"));
        QCOMPARE(splitRequestArguments("--host 'a").error(), std::string("a quote opened at column 8 is never closed"));
        const Result<RequestArguments> repeated = splitRequestArguments("--header a=1 --header 'b=2 3'");
        QVERIFY(repeated);
        QCOMPARE(repeated->at("header"), (std::vector<std::string>{"a=1", "b=2 3"}));
    }
};

QTEST_GUILESS_MAIN(TestRequestArguments)
#include "tst_requestarguments.moc"
