// SPDX-License-Identifier: MIT
#include "load/manifestloader.h"
#include "support/testdata.h"
#include "support/testfolder.h"

#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <cstdint>
#include <sys/resource.h>

using namespace meshlane;

// Mutated real manifests must never crash or hang the loader: every outcome is
// either a loaded resource or a diagnostic. Deterministic (fixed seed) so a
// failure reproduces.
class TestLoaderRobustness : public QObject
{
    Q_OBJECT

private:
    static uint64_t next(uint64_t &state)
    {
        // splitmix64: tiny, well-distributed, identical on every platform.
        uint64_t z = (state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }

    static std::string mutate(std::string text, uint64_t &state)
    {
        static const char alphabet[] = ":-[]{}&*!|>'\"#\n \t?,%@`0a";
        const int edits = 1 + int(next(state) % 6);
        for (int i = 0; i < edits && !text.empty(); ++i) {
            const size_t at = size_t(next(state) % text.size());
            switch (next(state) % 4) {
            case 0: text[at] = alphabet[next(state) % (sizeof alphabet - 1)]; break;
            case 1: text.erase(at, size_t(next(state) % 8)); break;
            case 2: text.insert(at, 1, alphabet[next(state) % (sizeof alphabet - 1)]); break;
            default: text.insert(at, text.substr(at, size_t(next(state) % 40))); break;
            }
        }
        return text;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // yaml-cpp has inputs that allocate without bound; cap the address
        // space so such a regression fails this test instead of the machine.
        const rlimit limit{rlim_t(2) << 30, rlim_t(2) << 30};
        QCOMPARE(setrlimit(RLIMIT_AS, &limit), 0);
    }

    // Inputs that once crashed, hung or exhausted memory (found by the fuzzer
    // in tests/fuzz); each must now load as diagnostics.
    void knownCrashersAreDiagnosed()
    {
        const QString folder = meshlane::test::testData(QStringLiteral("loader/crashers"));
        const QStringList files = QDir(folder).entryList({QStringLiteral("*.yaml")}, QDir::Files);
        QVERIFY(files.size() >= 3);
        for (const QString &name : files) {
            QFile file(folder + u'/' + name);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const LoadResult result = ManifestLoader().loadText(name.toStdString(), file.readAll().toStdString());
            QVERIFY2(!result.diagnostics.empty(), qPrintable(name));
            for (const Diagnostic &diagnostic : result.diagnostics)
                QVERIFY2(diagnostic.message.find("bad_alloc") == std::string::npos, qPrintable(name));
        }
    }

    void mutatedSamplesNeverCrash()
    {
        std::vector<std::string> corpus;
        QDirIterator it(samplesDir(), {QStringLiteral("*.yaml")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            corpus.push_back(file.readAll().toStdString());
        }
        QVERIFY(corpus.size() >= 10);
        uint64_t state = 20261122;
        int withDiagnostics = 0;
        for (int round = 0; round < 3000; ++round) {
            const std::string &original = corpus[size_t(next(state) % corpus.size())];
            const std::string mutant = mutate(original, state);
            const LoadResult result = ManifestLoader().loadText("mutant.yaml", mutant);
            QVERIFY(result.mesh);
            for (const Diagnostic &diagnostic : result.diagnostics) {
                QVERIFY(!diagnostic.message.empty());
                // Running out of the 2 GiB cap means a parser blew up on this input.
                QVERIFY2(diagnostic.message.find("bad_alloc") == std::string::npos, mutant.c_str());
            }
            withDiagnostics += result.diagnostics.empty() ? 0 : 1;
        }
        QVERIFY(withDiagnostics > 100); // the mutations really did break things
    }
};

QTEST_GUILESS_MAIN(TestLoaderRobustness)
#include "tst_loaderrobustness.moc"
