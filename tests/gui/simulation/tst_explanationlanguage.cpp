// SPDX-License-Identifier: MIT
// The routing engine's explanation follows the UI language: with the Korean
// translator the workbench loads, its sentences come out in Korean with the
// technical tokens (names, hosts, subsets, header names) kept as written;
// with no translator, as in the CLI, they are the English ones byte for byte.
// A gui test only because the compiled Korean catalogue is embedded in
// meshlane_ui; no widget is made.

#include "support/routingtestsupport.h"

#include <QCoreApplication>
#include <QTest>
#include <QTranslator>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

bool hasHangul(const std::string &text)
{
    for (const QChar c : QString::fromStdString(text)) {
        if (c.unicode() >= 0xAC00 && c.unicode() <= 0xD7A3)
            return true;
    }
    return false;
}

std::string lines(const std::vector<std::string> &explanation)
{
    std::string text;
    for (const std::string &line : explanation)
        text += line + '\n';
    return text;
}

bool contains(const std::string &text, const char *part) { return text.find(part) != std::string::npos; }

// The sentences meshlane route prints today for bookinfo's reviews.
const std::vector<std::string> kJasonEnglish = {
    "request GET http://reviews/ from a sidecar in namespace default",
    "host reviews means reviews.default.svc.cluster.local (resolved from namespace default)",
    "port 9080 (the host's first port; none was given)",
    "VirtualService default/reviews applies to reviews.default.svc.cluster.local for sidecars",
    "VirtualService default/reviews http[0] match[0] matches (header end-user = jason)",
    "-> 100 % (weight 100): reviews.default.svc.cluster.local subset v2 port 9080 -> 1 pod (default/reviews-v2 x1) "
    "[subset v2 of DestinationRule default/reviews selects version=v2]",
};
const std::vector<std::string> kAnonymousEnglish = {
    "request GET http://reviews/ from a sidecar in namespace default",
    "host reviews means reviews.default.svc.cluster.local (resolved from namespace default)",
    "port 9080 (the host's first port; none was given)",
    "VirtualService default/reviews applies to reviews.default.svc.cluster.local for sidecars",
    "VirtualService default/reviews http[0] match[0] does not match: header end-user is absent (wants exact jason)",
    "VirtualService default/reviews http[1] has no match conditions, so it takes the request",
    "-> 100 % (weight 100): reviews.default.svc.cluster.local subset v1 port 9080 -> 1 pod (default/reviews-v1 x1) "
    "[subset v1 of DestinationRule default/reviews selects version=v1]",
};

} // namespace

class TestExplanationLanguage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_korean.load(QStringLiteral(":/i18n/meshlane_ko")));
        m_router = std::make_shared<const Router>(sampleMesh("bookinfo"));
        m_brokenRouter = std::make_shared<const Router>(sampleMesh("account-service"));
    }

    void cleanup() { QCoreApplication::removeTranslator(&m_korean); }

    void englishWithoutTranslator()
    {
        QCOMPARE(m_router->route(jason()).explanation, kJasonEnglish);
        QCOMPARE(m_router->route(anonymous()).explanation, kAnonymousEnglish);
    }

    // The Router was built before the translator came: the sentences are
    // put together when a decision is explained, so they still follow.
    void koreanWithTranslator()
    {
        QVERIFY(QCoreApplication::installTranslator(&m_korean));
        const RouteDecision matched = m_router->route(jason());
        QCOMPARE(matched.explanation.size(), kJasonEnglish.size());
        for (const std::string &line : matched.explanation)
            QVERIFY2(hasHangul(line), line.c_str());
        const std::string text = lines(matched.explanation);
        for (const char *token : {"default/reviews", "reviews.default.svc.cluster.local", "http[0] match[0]",
                                  "end-user = jason", "v2", "9080", "default/reviews-v2 x1", "version=v2"})
            QVERIFY2(contains(text, token), text.c_str());

        const RouteDecision missed = m_router->route(anonymous());
        QCOMPARE(missed.explanation.size(), kAnonymousEnglish.size());
        for (const std::string &line : missed.explanation)
            QVERIFY2(hasHangul(line), line.c_str());
        // The reason the first route did not match, and its header name.
        QVERIFY2(hasHangul(missed.explanation[4]) && contains(missed.explanation[4], "end-user")
                     && contains(missed.explanation[4], "exact jason"),
                 missed.explanation[4].c_str());
        QVERIFY(contains(lines(missed.explanation), "v1"));

        QVERIFY(QCoreApplication::removeTranslator(&m_korean));
        QCOMPARE(m_router->route(jason()).explanation, kJasonEnglish);
    }

    // A destination's problem is kept in the compiled route table; it is
    // worded when shown, in the language of that moment.
    void storedProblemFollowsLanguage()
    {
        const HttpRequest request = makeRequest({.host = "account-service"});
        const auto broken = [&] {
            const RouteDecision decision = m_brokenRouter->route(request);
            for (const DestinationOutcome &destination : decision.destinations) {
                if (destination.target.subset == "v0")
                    return destination.target.problem.text();
            }
            return std::string();
        };
        const std::string english = broken();
        QVERIFY2(contains(english, "subset v0 is not defined by DestinationRule default/account-service"),
                 english.c_str());
        QVERIFY(QCoreApplication::installTranslator(&m_korean));
        const std::string korean = broken();
        QVERIFY2(hasHangul(korean) && contains(korean, "v0") && contains(korean, "default/account-service")
                     && contains(korean, "503"),
                 korean.c_str());
        QVERIFY(QCoreApplication::removeTranslator(&m_korean));
        QCOMPARE(broken(), english);
    }

private:
    static HttpRequest jason() { return makeRequest({.host = "reviews", .headers = {{"end-user", "jason"}}}); }
    static HttpRequest anonymous() { return makeRequest({.host = "reviews"}); }

    QTranslator m_korean;
    std::shared_ptr<const Router> m_router;
    std::shared_ptr<const Router> m_brokenRouter;
};

QTEST_GUILESS_MAIN(TestExplanationLanguage)
#include "tst_explanationlanguage.moc"
