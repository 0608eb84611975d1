// SPDX-License-Identifier: MIT
// MirrorFaultCheck: ML0102, ML0103, ML0104, IST0133 (mirror_percent) and the IST0106 range checks.
#include "analysis/analyzercodes.h"
#include "support/analyzertesting.h"

#include <QTest>

using namespace meshlane;
using namespace meshlane::testing;

namespace {

// One http route to reviews v1 followed by `extra` route fields (indented 4).
Analysis analyzeRoute(const std::string &extra)
{
    return analyzeYaml(kReviews + virtualService("reviews", "  http:\n  - route:\n    - destination:\n"
                                                            "        host: reviews\n        subset: v1\n"
                                                            + extra));
}

} // namespace

class TestMirrorFaultCheck : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void mirrorToTheServingDestination()
    {
        const Analysis a = analyzeRoute("    mirror:\n      host: reviews\n      subset: v1\n");
        const Diagnostics found = a.withCode(codes::MirrorToServingDestination);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "mirror:") + 1);
    }

    void mirrorToAnotherSubsetIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeRoute("    mirror:\n      host: reviews\n      subset: v2\n"
                                           "    mirrorPercentage:\n      value: 12.5\n"));
    }

    void mirrorsEntryToTheServingDestination()
    {
        const Analysis a = analyzeRoute("    mirrors:\n    - destination:\n        host: reviews\n        subset: v1\n"
                                        "      percentage: {value: 10}\n");
        ANALYZER_VERIFY(a.withCode(codes::MirrorToServingDestination).size() == 1, a);
    }

    void mirrorTogetherWithMirrors()
    {
        const Analysis a = analyzeRoute("    mirror:\n      host: reviews\n      subset: v2\n"
                                        "    mirrors:\n    - destination:\n        host: reviews\n        subset: v2\n");
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("both mirror and mirrors") != std::string::npos);
    }

    void mirrorsAloneAreClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeRoute("    mirrors:\n    - destination:\n        host: reviews\n        subset: v2\n"
                                           "      percentage: {value: 50}\n"));
    }

    void mirrorPercentageOutOfRange()
    {
        const Analysis a = analyzeRoute("    mirror:\n      host: reviews\n      subset: v2\n"
                                        "    mirrorPercentage:\n      value: 150\n");
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "value: 150"));
        QVERIFY(found[0].message.find("150, outside 0-100") != std::string::npos);
    }

    void mirrorsPercentageOutOfRange()
    {
        const Analysis a = analyzeRoute("    mirrors:\n    - destination:\n        host: reviews\n        subset: v2\n"
                                        "      percentage: {value: -5}\n");
        ANALYZER_VERIFY(a.withCode(codes::SchemaError).size() == 1, a);
    }

    void legacyMirrorPercentIsDeprecated()
    {
        // istioctl's validation warns (IST0133), naming the field as written.
        const Analysis a = analyzeRoute("    mirror:\n      host: reviews\n      subset: v2\n    mirror_percent: 40\n");
        const Diagnostics found = a.withCode(codes::SchemaWarning);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "mirror_percent: 40"));
        QCOMPARE(found[0].fix, std::string("replace it with mirrorPercentage: {value: 40}"));
        QVERIFY(found[0].message.find("mirror_percent is deprecated") == 0);
        QVERIFY(found[0].message.find("still honours it") != std::string::npos);
        QCOMPARE(a.diagnostics.size(), size_t(1));
    }

    void mirrorPercentageWithoutMirror()
    {
        const Analysis a = analyzeRoute("    mirrorPercentage:\n      value: 10\n");
        const Diagnostics found = a.withCode(codes::MirrorPercentageWithoutMirror);
        ANALYZER_VERIFY(found.size() == 1, a);
        QCOMPARE(found[0].location.line, lineOf(a.text, "value: 10"));
    }

    void faultWithoutPercentage()
    {
        const Analysis a = analyzeRoute("    fault:\n      delay:\n        fixedDelay: 5s\n"
                                        "      abort:\n        httpStatus: 503\n");
        const Diagnostics found = a.withCode(codes::FaultWithoutPercentage);
        ANALYZER_VERIFY(found.size() == 2, a); // delay and abort, each
        QCOMPARE(found[0].severity, Severity::Warning);
        QCOMPARE(found[0].location.line, lineOf(a.text, "fixedDelay: 5s"));
        QVERIFY(found[0].message.find("0 % of requests") != std::string::npos);
        QCOMPARE(found[1].location.line, lineOf(a.text, "httpStatus: 503"));
    }

    void faultWithPercentageIsClean()
    {
        ANALYZER_VERIFY_CLEAN(analyzeRoute("    fault:\n      delay:\n        fixedDelay: 5s\n"
                                           "        percentage: {value: 10}\n"
                                           "      abort:\n        httpStatus: 503\n        percentage: {value: 0.5}\n"));
    }

    void abortStatusOutOfRange()
    {
        const Analysis a = analyzeRoute("    fault:\n      abort:\n        httpStatus: 700\n        percentage: {value: 10}\n");
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("httpStatus 700") != std::string::npos);
    }

    void faultPercentageOutOfRange()
    {
        const Analysis a = analyzeRoute("    fault:\n      delay:\n        fixedDelay: 1s\n        percentage: {value: 101}\n");
        ANALYZER_VERIFY(a.withCode(codes::SchemaError).size() == 1, a);
    }

    void invalidFixedDelay()
    {
        const Analysis a = analyzeRoute("    fault:\n      delay:\n        fixedDelay: soon\n        percentage: {value: 1}\n");
        const Diagnostics found = a.withCode(codes::SchemaError);
        ANALYZER_VERIFY(found.size() == 1, a);
        QVERIFY(found[0].message.find("fixedDelay") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestMirrorFaultCheck)
#include "tst_mirrorfaultcheck.moc"
