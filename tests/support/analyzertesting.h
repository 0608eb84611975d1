// SPDX-License-Identifier: MIT
#pragma once

// Helpers for the analyzer's tests: analyse inline YAML, pick findings by code,
// and find the line a snippet is written on (so expected lines are derived from
// the fixture, never typed in by hand).

#include "analysis/analyzer.h"
#include "load/manifestloader.h"

#include <QString>
#include <QTest>

#include <string>

namespace meshlane::testing {

inline constexpr const char *kFixtureFile = "mesh.yaml";

// A Service `reviews` (port 9080) with pods for v1 and v2 and a DestinationRule
// defining subsets v1 and v2: analyses clean. Tests append documents to it.
inline const std::string kReviews = R"(apiVersion: v1
kind: Service
metadata:
  name: reviews
  namespace: default
spec:
  selector:
    app: reviews
  ports:
  - name: http
    port: 9080
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v1
  namespace: default
spec:
  selector:
    matchLabels: {app: reviews, version: v1}
  template:
    metadata:
      labels: {app: reviews, version: v1}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reviews-v2
  namespace: default
spec:
  selector:
    matchLabels: {app: reviews, version: v2}
  template:
    metadata:
      labels: {app: reviews, version: v2}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
  namespace: default
spec:
  host: reviews
  subsets:
  - name: v1
    labels: {version: v1}
  - name: v2
    labels: {version: v2}
)";

// A VirtualService `name` for host reviews whose spec continues with `specTail`
// (indented as under `spec:`, e.g. "  http:\n  - route: ...").
inline std::string virtualService(const std::string &name, const std::string &specTail,
                                  const std::string &hosts = "  - reviews\n")
{
    return "---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: " + name
        + "\n  namespace: default\nspec:\n  hosts:\n" + hosts + specTail;
}

struct Analysis
{
    std::string text;
    LoadResult loaded;
    Diagnostics diagnostics; // the analyzer's only

    Diagnostics withCode(const char *code) const
    {
        Diagnostics found;
        for (const Diagnostic &diagnostic : diagnostics) {
            if (diagnostic.code == code)
                found.push_back(diagnostic);
        }
        return found;
    }

    // Everything, loader findings included, one per line: for failure messages.
    QString dump() const
    {
        QString lines;
        for (const Diagnostic &diagnostic : analyze(loaded))
            lines += QString::fromStdString(diagnostic.toString()) + u'\n';
        return lines.isEmpty() ? QStringLiteral("(none)") : lines;
    }
};

inline Analysis analyzeYaml(const std::string &yaml)
{
    Analysis analysis;
    analysis.text = yaml;
    analysis.loaded = ManifestLoader().loadText(kFixtureFile, yaml);
    analysis.diagnostics = analyze(*analysis.loaded.mesh);
    return analysis;
}

// 1-based line of the `occurrence`-th line containing `needle`; 0 if none.
inline int lineOf(const std::string &text, const std::string &needle, int occurrence = 1)
{
    int line = 1;
    size_t start = 0;
    while (start <= text.size()) {
        const size_t end = text.find('\n', start);
        const std::string current = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        if (current.find(needle) != std::string::npos && --occurrence == 0)
            return line;
        if (end == std::string::npos)
            break;
        start = end + 1;
        ++line;
    }
    return 0;
}

} // namespace meshlane::testing

// Fails with every finding printed, so a red test says what the analyzer saw.
#define ANALYZER_VERIFY(condition, analysis) \
    QVERIFY2((condition), qPrintable(QStringLiteral("findings:\n") + (analysis).dump()))

#define ANALYZER_VERIFY_CLEAN(analysis)                                                                            \
    QVERIFY2((analysis).loaded.diagnostics.empty() && (analysis).diagnostics.empty(),                              \
             qPrintable(QStringLiteral("expected no findings, got:\n") + (analysis).dump()))
