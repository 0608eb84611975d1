// SPDX-License-Identifier: MIT
// SchemaCheck: RE2 regexes, DNS-1123 names, subsets, DestinationRule host and
// ServiceEntry rules, all IST0106.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

Analysis analyzeHeaderRegex(const std::string &regex)
{
    return analyzeYaml(kReviews + virtualService("reviews", "  http:\n  - match:\n    - headers:\n        x-build:\n"
                                                            "          regex: '" + regex + "'\n    route:\n"
                                                            "    - destination:\n        host: reviews\n"
                                                            "        subset: v2\n  - route:\n    - destination:\n"
                                                            "        host: reviews\n        subset: v1\n"));
}

std::string serviceEntry(const std::string &specBody)
{
    return "---\napiVersion: networking.istio.io/v1\nkind: ServiceEntry\nmetadata:\n  name: external\n"
           "  namespace: default\nspec:\n" + specBody;
}

} // namespace

class TestSchemaCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regexRe2Rejects()
    {
        const Analysis a = analyzeHeaderRegex("^(?!canary).*$"); // look-ahead: Perl yes, RE2 no
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Error);
        QCOMPARE(found[0].location.line, lineOf(a.text, "regex:"));
        QVERIFY(found[0].message.find("header x-build in match[0] of http[0]") != std::string::npos);
    }

    void regexRe2AcceptsIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeHeaderRegex("^v[0-9]+\\.[0-9]+$"));
    }

    void uriRegexIsCheckedToo()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("reviews", "  http:\n  - match:\n    - uri:\n"
                                                                            "        regex: '/(a|b'\n    route:\n"
                                                                            "    - destination:\n        host: reviews\n"));
        ANALYZER_VERIFY(a.withCode(codes::SchemaError).size() == 1, a);
    }

    void invalidResourceName()
    {
        const Analysis a = analyzeYaml(kReviews + virtualService("Reviews_Canary", "  http:\n  - route:\n"
                                                                                   "    - destination:\n        host: reviews\n"));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].resource.name, std::string("Reviews_Canary"));
        QCOMPARE(found[0].fix, std::string("rename it, e.g. reviews-canary"));
    }

    void noRenameSuggestionForTextThatIsNotAName()
    {
        // A broken document can put prose in a name; "rename it, e.g. unterminated-spec-selector" helps nobody.
        const Analysis a = analyzeYaml(kReviews + virtualService("\"unterminated spec: selector\"", "  http:\n  - route:\n"
                                                                                   "    - destination:\n        host: reviews\n"));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].fix, std::string("rename it"));
        // A near miss still gets one, without doubled dashes.
        const Analysis b = analyzeYaml(kReviews + virtualService("Reviews__Canary", "  http:\n  - route:\n"
                                                                                    "    - destination:\n        host: reviews\n"));
        ANALYZER_VERIFY(b.withCode(codes::SchemaError).size() == 1, b);
        QCOMPARE(b.withCode(codes::SchemaError)[0].fix, std::string("rename it, e.g. reviews-canary"));
    }

    void serviceNameWithDotIsInvalidButVirtualServiceNameWithDotIsFine()
    {
        std::string yaml = kReviews;
        yaml.replace(yaml.find("name: reviews\n"), 14, "name: reviews.v1\n");
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1 && found[0].resource.kind == "Service", a);

        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + virtualService("reviews.canary", "  http:\n  - route:\n"
                                                                                      "    - destination:\n        host: reviews\n")));
    }

    void invalidSubsetName()
    {
        std::string yaml = kReviews;
        yaml.replace(yaml.find("- name: v2"), 10, "- name: V2_beta");
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: V2_beta"));
        QCOMPARE(found[0].fix, std::string("rename it, e.g. v2-beta"));
    }

    void subsetNameRepeatedInOneRule()
    {
        std::string yaml = kReviews;
        yaml.replace(yaml.find("- name: v2"), 10, "- name: v1");
        const Analysis a = analyzeYaml(yaml);
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "- name: v1", 2));
        QVERIFY(a.withCode(codes::DuplicateSubset).empty()); // not also KIA0201
    }

    void destinationRuleWithoutHost()
    {
        const Analysis a = analyzeYaml(kReviews + "---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\n"
                                                  "metadata:\n  name: empty\n  namespace: default\nspec:\n"
                                                  "  subsets:\n  - name: v1\n    labels: {version: v1}\n");
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("no host") != std::string::npos);
    }

    void serviceEntryStarHost()
    {
        const Analysis a = analyzeYaml(kReviews + serviceEntry("  hosts: [\"*\"]\n  resolution: NONE\n"));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "hosts: [\"*\"]"));
    }

    void serviceEntryWithoutHosts()
    {
        const Analysis a = analyzeYaml(kReviews + serviceEntry("  resolution: NONE\n"));
        ANALYZER_VERIFY(a.withCode(codes::SchemaError).size() == 1, a);
    }

    void serviceEntryDnsWildcardWithoutEndpoints()
    {
        const Analysis a = analyzeYaml(kReviews + serviceEntry("  hosts: [\"*.example.com\"]\n  resolution: DNS\n"));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].fix.find("resolution: NONE") != std::string::npos);
    }

    void serviceEntryWildcardWithNoneOrEndpointsIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + serviceEntry("  hosts: [\"*.example.com\"]\n  resolution: NONE\n")));
        ANALYZER_VERIFY_CLEAN(analyzeYaml(kReviews + serviceEntry("  hosts: [\"*.example.com\"]\n  resolution: DNS\n"
                                                                  "  endpoints:\n  - address: proxy.example.net\n")));
    }

    void serviceEntryUnknownResolutionAndLocation()
    {
        const Analysis a = analyzeYaml(kReviews + serviceEntry("  hosts: [api.example.com]\n  resolution: dns\n"
                                                               "  location: EXTERNAL\n"));
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 2, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "resolution: dns"));
        QCOMPARE(found[0].fix, std::string("write it in capitals: DNS"));
        QCOMPARE(found[1].location.line, lineOf(a.text, "location: EXTERNAL"));
    }
};

QTEST_GUILESS_MAIN(TestSchemaCheck)
#include "tst_schemacheck.moc"
