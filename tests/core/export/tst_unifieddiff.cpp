// SPDX-License-Identifier: MIT
#include "export/unifieddiff.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <random>
#include <sstream>

using namespace meshlane;

namespace {

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> result;
    size_t start = 0;
    while (start < text.size()) {
        const size_t end = text.find('\n', start);
        const size_t stop = end == std::string::npos ? text.size() : end + 1;
        result.push_back(text.substr(start, stop - start));
        start = stop;
    }
    return result;
}

// A strict applier: every context and removed line must match exactly, or
// the result is "MISMATCH". Independent of the writer, so it checks it.
std::string applyPatch(const std::string &original, const std::string &patch)
{
    const std::vector<std::string> source = lines(original);
    const std::vector<std::string> hunks = lines(patch);
    std::string result;
    size_t next = 0; // next source line to copy
    for (size_t h = 2; h < hunks.size();) {
        const std::string &header = hunks[h];
        if (header.rfind("@@ -", 0) != 0)
            return "MISMATCH header";
        size_t oldStart = std::stoul(header.substr(4));
        const size_t comma = header.find(',', 4);
        const size_t space = header.find(' ', 4);
        const size_t oldCount = comma < space ? std::stoul(header.substr(comma + 1)) : 1;
        if (oldCount > 0)
            --oldStart;
        while (next < oldStart)
            result += source[next++];
        ++h;
        while (h < hunks.size() && hunks[h].rfind("@@", 0) != 0) {
            std::string line = hunks[h].substr(1);
            const char marker = hunks[h][0];
            ++h;
            if (h < hunks.size() && hunks[h] == "\\ No newline at end of file\n") {
                line.pop_back();
                ++h;
            }
            if (marker == '+') {
                result += line;
            } else {
                if (next >= source.size() || source[next] != line)
                    return "MISMATCH at line " + std::to_string(next + 1);
                if (marker == ' ')
                    result += line;
                ++next;
            }
        }
    }
    while (next < source.size())
        result += source[next++];
    return result;
}

} // namespace

class TestUnifiedDiff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formats()
    {
        QCOMPARE(unifiedDiff("a\n", "a\n", "x", "y"), std::string());
        QCOMPARE(unifiedDiff("a\nb\nc\n", "a\nB\nc\n", "a/f", "b/f"),
                 std::string("--- a/f\n+++ b/f\n@@ -1,3 +1,3 @@\n a\n-b\n+B\n c\n"));
        QCOMPARE(unifiedDiff("a\nb", "a\nc", "a/f", "b/f"),
                 std::string("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n"
                             "\\ No newline at end of file\n"));
        QCOMPARE(unifiedDiff("a\nb", "a\nb\n", "a/f", "b/f"),
                 std::string("--- a/f\n+++ b/f\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n"));
        QCOMPARE(unifiedDiff("", "a\nb\n", "/dev/null", "b/f"), std::string("--- /dev/null\n+++ b/f\n@@ -0,0 +1,2 @@\n+a\n+b\n"));
        QCOMPARE(unifiedDiff("x\n", "", "a/f", "/dev/null"), std::string("--- a/f\n+++ /dev/null\n@@ -1 +0,0 @@\n-x\n"));
        std::string before;
        for (int i = 1; i <= 20; ++i)
            before += std::to_string(i) + '\n';
        std::string after = before;
        after.replace(after.find("2\n"), 2, "two\n");
        after.replace(after.find("18\n"), 3, "eighteen\n");
        QCOMPARE(unifiedDiff(before, after, "a/f", "b/f"),
                 std::string("--- a/f\n+++ b/f\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n"
                             "@@ -15,6 +15,6 @@\n 15\n 16\n 17\n-18\n+eighteen\n 19\n 20\n"));
    }

    // Random texts and random changes: the diff always turns one into the other.
    void randomDiffsApply()
    {
        std::mt19937 random(11);
        const char *const words[] = {"a\n", "b\n", "c\n", "weight: 1\n", "  # x\n", "\n"};
        for (int round = 0; round < 3000; ++round) {
            std::string before;
            const int count = int(random() % 40);
            for (int i = 0; i < count; ++i)
                before += words[random() % 6];
            if (random() % 5 == 0 && !before.empty())
                before.pop_back();
            std::string after;
            for (const std::string &line : lines(before)) {
                const int roll = int(random() % 10);
                if (roll == 0)
                    continue;
                if (roll == 1)
                    after += words[random() % 6];
                after += line;
            }
            if (random() % 3 == 0)
                after += words[random() % 6];
            const std::string diff = unifiedDiff(before, after, "a/f", "b/f");
            QCOMPARE(applyPatch(before, diff), diff.empty() ? before : after);
        }
    }

    // The real tools accept it: patch -p1 and git apply.
    void patchAndGitApplyAccept()
    {
        const QString patchTool = QStandardPaths::findExecutable(QStringLiteral("patch"));
        const QString git = QStandardPaths::findExecutable(QStringLiteral("git"));
        if (patchTool.isEmpty() && git.isEmpty())
            QSKIP("neither patch nor git is installed");
        const std::string before = "keep\nweight: 80\nkeep\nlast";
        const std::string after = "keep\nweight: 70\nkeep\nlast\nadded\n";
        const std::string diff = unifiedDiff(before, after, "a/f.yaml", "b/f.yaml");
        for (const QString &tool : {patchTool, git}) {
            if (tool.isEmpty())
                continue;
            QTemporaryDir dir;
            const std::string path = dir.path().toStdString() + "/f.yaml";
            std::ofstream(path, std::ios::binary) << before;
            std::ofstream(dir.path().toStdString() + "/change.diff", std::ios::binary) << diff;
            QProcess process;
            process.setWorkingDirectory(dir.path());
            const QStringList arguments = tool == patchTool
                ? QStringList{QStringLiteral("-p1"), QStringLiteral("-i"), QStringLiteral("change.diff")}
                : QStringList{QStringLiteral("apply"), QStringLiteral("change.diff")};
            process.start(tool, arguments);
            QVERIFY(process.waitForFinished());
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            std::ifstream stream(path, std::ios::binary);
            std::stringstream text;
            text << stream.rdbuf();
            QCOMPARE(text.str(), after);
        }
    }
};

QTEST_GUILESS_MAIN(TestUnifiedDiff)
#include "tst_unifieddiff.moc"
