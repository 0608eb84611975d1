// SPDX-License-Identifier: MIT
#include "base/linediff.h"
#include "document/document.h"
#include "editing/addmatchroutedialog.h"
#include "editing/matchdescription.h"
#include "export/exportdialog.h"
#include "load/manifestloader.h"
#include "support/guitestsupport.h"
#include "yaml/diffhighlighter.h"
#include "yaml/markedtextview.h"
#include "yaml/yamlhighlighter.h"
#include "yaml/yamlpane.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>

#include <random>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

QStringList lines(const char *text)
{
    return QString::fromUtf8(text).split(u'\n');
}

std::vector<bool> flags(std::initializer_list<int> values)
{
    std::vector<bool> result;
    for (int value : values)
        result.push_back(value != 0);
    return result;
}

// The foreground colour the highlighter gave the character at `column` of `line`.
QColor colourAt(QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.foreground().color();
    }
    return {};
}

bool isBold(QTextDocument &document, int line, int column)
{
    const QTextBlock block = document.findBlockByNumber(line);
    for (const QTextLayout::FormatRange &range : block.layout()->formats()) {
        if (column >= range.start && column < range.start + range.length)
            return range.format.fontWeight() == QFont::Bold;
    }
    return false;
}

} // namespace

class TestEditPanes : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { test::setUpReproducibleGui(); }

    void lineDiff_data()
    {
        QTest::addColumn<QStringList>("before");
        QTest::addColumn<QStringList>("after");
        QTest::addColumn<std::vector<bool>>("changed");
        QTest::addColumn<std::vector<bool>>("removed");
        QTest::newRow("same") << lines("a\nb") << lines("a\nb") << flags({0, 0}) << flags({0, 0, 0});
        QTest::newRow("rewrite") << lines("a\nweight: 90\nc") << lines("a\nweight: 50\nc") << flags({0, 1, 0})
                                 << flags({0, 0, 0, 0});
        QTest::newRow("insert") << lines("a\nc") << lines("a\nb\nc") << flags({0, 1, 0}) << flags({0, 0, 0, 0});
        QTest::newRow("remove") << lines("a\nb\nc") << lines("a\nc") << flags({0, 0}) << flags({0, 1, 0});
        QTest::newRow("remove at end") << lines("a\nb") << lines("a") << flags({0}) << flags({0, 1});
        QTest::newRow("from nothing") << QStringList() << lines("a\nb") << flags({1, 1}) << flags({0, 0, 0});
        QTest::newRow("two apart") << lines("a\nx\nb\ny\nc") << lines("a\nX\nb\nc") << flags({0, 1, 0, 0})
                                   << flags({0, 0, 0, 1, 0});
        QTest::newRow("moved") << lines("a\nb\nc") << lines("c\na\nb") << flags({1, 0, 0}) << flags({0, 0, 0, 1});
    }

    void lineDiff()
    {
        QFETCH(QStringList, before);
        QFETCH(QStringList, after);
        QFETCH(std::vector<bool>, changed);
        QFETCH(std::vector<bool>, removed);
        const LineDiff::Result result = LineDiff::compare(before, after);
        QCOMPARE(result.changed, changed);
        QCOMPARE(result.removedBefore, removed);
    }

    void yamlHighlighting()
    {
        QTextDocument document;
        YamlHighlighter highlighter(&document);
        document.setPlainText(QStringLiteral("apiVersion: v1 # the API\n"
                                             "spec:\n"
                                             "  - weight: 90\n"
                                             "    name: \"a # not a comment\"\n"
                                             "    enabled: true\n"
                                             "---\n"));
        highlighter.rehighlight();
        const QColor key = colourAt(document, 0, 0);
        const QColor string = colourAt(document, 0, 12);
        const QColor comment = colourAt(document, 0, 17);
        const QColor number = colourAt(document, 2, 12);
        const QColor keyword = colourAt(document, 4, 13);
        QVERIFY(isBold(document, 0, 0));
        QVERIFY(isBold(document, 2, 4)); // "weight" after the list marker
        QCOMPARE(colourAt(document, 2, 4), key);
        for (const QColor &colour : {string, comment, number, keyword})
            QVERIFY(colour.isValid() && colour != key);
        QVERIFY(string != comment && string != number && number != keyword);
        QCOMPARE(colourAt(document, 3, 20), string); // the # inside quotes stays string
        QCOMPARE(YamlHighlighter::commentStart(QStringLiteral("a: 'it''s' # c")), 11);
        QCOMPARE(YamlHighlighter::commentStart(QStringLiteral("url: http://x/#frag")), -1);
        QCOMPARE(YamlHighlighter::commentStart(QStringLiteral("# only")), 0);
    }

    // setText() replaces only what changed: after any sequence of texts the
    // view shows exactly the last one, highlighted as if it were set whole,
    // and a step that changes a number deep down leaves the scroll alone.
    void markedTextViewFollowsEveryText()
    {
        MarkedTextView view;
        YamlHighlighter highlighter(view.document());
        view.resize(300, 120);
        std::mt19937 random(5);
        const auto text = [&random] {
            QString made;
            const int count = 1 + int(random() % 40);
            for (int line = 0; line < count; ++line) {
                const int kind = int(random() % 4);
                made += kind == 0 ? QStringLiteral("- weight: %1\n").arg(random() % 100)
                    : kind == 1   ? QStringLiteral("  host: reviews # v%1\n").arg(random() % 3)
                    : kind == 2   ? QStringLiteral("---\n")
                                  : QStringLiteral("name: \"a%1\"\n").arg(random() % 5);
            }
            return random() % 5 == 0 ? made.chopped(1) : made; // sometimes no final newline
        };
        // Repeats, where what the texts begin and end with in common overlaps.
        for (const char *next : {"a: 1\n", "a: 11\n", "a: 111\n", "a: 1\n", "a: 1\na: 1\n", "a: 1\n", "a:\n",
                                 "b:\n", "\n", "\n\n\n", "\n", "x", "xx", "x",
                                 "a: \xf0\x9f\x98\x80\n", "a: \xf0\x9f\x98\x81\n", "a: \xf0\x9f\x98\x81\xf0\x9f\x98\x81\n"}) {
            view.setText(QString::fromUtf8(next), {}, {});
            QCOMPARE(view.document()->toPlainText(), QString::fromUtf8(next));
        }
        QString previous;
        for (int step = 0; step < 300; ++step) {
            QString next = step % 3 == 0 ? text() : previous;
            if (step % 3 != 0 && !next.isEmpty()) { // a small change in place, as a slider step makes
                const qsizetype at = qsizetype(random() % quint32(next.size()));
                next = next.left(at) + QString::number(random() % 1000) + next.mid(at + 1);
            }
            view.setText(next, {}, {});
            QCOMPARE(view.document()->toPlainText(), next);
            QCOMPARE(view.text(), next);
            previous = next;
        }
        // Highlighted as a document set whole.
        QTextDocument whole;
        YamlHighlighter wholeHighlighter(&whole);
        whole.setPlainText(previous);
        wholeHighlighter.rehighlight();
        for (int block = 0; block < whole.blockCount(); ++block) {
            const QString line = whole.findBlockByNumber(block).text();
            for (int column = 0; column < line.size(); ++column)
                QCOMPARE(colourAt(*view.document(), block, column), colourAt(whole, block, column));
        }

        QString longText;
        for (int line = 0; line < 200; ++line)
            longText += QStringLiteral("- weight: %1\n").arg(line);
        view.setText(longText, {}, {});
        view.verticalScrollBar()->setValue(120);
        longText.replace(QStringLiteral("weight: 150\n"), QStringLiteral("weight: 15\n"));
        view.setText(longText, {}, {});
        QCOMPARE(view.verticalScrollBar()->value(), 120);
        QCOMPARE(view.document()->blockCount(), 201);
    }

    void diffHighlighting()
    {
        QTextDocument document;
        DiffHighlighter highlighter(&document);
        document.setPlainText(QStringLiteral("--- a/r.yaml\n+++ b/r.yaml\n@@ -1 +1 @@\n-weight: 90\n+weight: 50\n same\n"));
        highlighter.rehighlight();
        const auto background = [&document](int line) {
            const auto formats = document.findBlockByNumber(line).layout()->formats();
            return formats.isEmpty() ? QColor() : formats.front().format.background().color();
        };
        QCOMPARE(background(3), DiffHighlighter::removedBackground());
        QCOMPARE(background(4), DiffHighlighter::addedBackground());
        QVERIFY(!background(5).isValid());
        QVERIFY(background(0) != DiffHighlighter::removedBackground()); // "--- " is a file header
    }

    void matchDescriptions()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::samplePath("catalog-dark-launch").toStdString()).mesh;
        const VirtualService *vs = mesh->virtualServices.front().get();
        QStringList routes;
        for (const HttpRoute &route : vs->http)
            routes << MatchDescription::route(route);
        QVERIFY2(routes.front().contains(QStringLiteral(" \u2192 ")), qPrintable(routes.join(u'\n')));
        QVERIFY(routes.back().startsWith(QStringLiteral("all requests \u2192 ")));

        HttpMatchRequest block;
        block.uri = StringMatch{StringMatch::Kind::Prefix, "/api", {}};
        block.method = StringMatch{StringMatch::Kind::Exact, "GET", {}};
        block.headers.push_back({"x-id", StringMatch{StringMatch::Kind::Regex, "[0-9]+", {}}});
        block.withoutHeaders.push_back({"x-skip", StringMatch{StringMatch::Kind::Present, {}, {}}});
        QCOMPARE(MatchDescription::block(block),
                 QStringLiteral("uri prefix /api and method = GET and header x-id matches [0-9]+ and not (header x-skip present)"));
        HttpRoute redirect;
        redirect.redirect = HttpRedirect{"/new", "", "", std::nullopt, 301, {}, false, std::nullopt};
        QCOMPARE(MatchDescription::route(redirect), QStringLiteral("all requests \u2192 redirect to /new"));
    }

    void addMatchRouteDialogBuildsTheRule()
    {
        const MeshPtr mesh = ManifestLoader().loadFolder(test::testDataPath(QStringLiteral("gui/canary")).toStdString()).mesh;
        const VirtualService *vs = mesh->findVirtualService("default", "shop");
        AddMatchRouteDialog dialog(*mesh, *vs);
        QVERIFY(!dialog.isComplete()); // nothing typed yet
        QCOMPARE(dialog.destinationChoice()->count(), 3); // v1, v2, every pod
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("x-beta"));
        dialog.kindChoice()->setCurrentIndex(2);
        QTest::keyClicks(dialog.valueEdit(), QStringLiteral("(unclosed"));
        QVERIFY(!dialog.isComplete()); // not a regex
        dialog.valueEdit()->setText(QStringLiteral("on|yes"));
        dialog.destinationChoice()->setCurrentIndex(1);
        QVERIFY(dialog.isComplete());
        const MatchRule rule = dialog.rule();
        QCOMPARE(rule.conditions.size(), size_t(1));
        QCOMPARE(rule.conditions[0].name, std::string("x-beta"));
        QCOMPARE(rule.conditions[0].kind, StringMatch::Kind::Regex);
        QCOMPARE(rule.destination.subset, std::string("v2"));
        dialog.fieldChoice()->setCurrentIndex(1); // uri: no name
        QVERIFY(!dialog.nameEdit()->isEnabled());
        QVERIFY(dialog.rule().conditions[0].name.empty());
        // The rule the dialog makes is one the edit operation accepts.
        const Result<MeshChange> added =
            addMatchRoute(mesh, RouteRef{"default", "shop", defaultMatchRoutePosition(*vs)}, rule);
        QVERIFY2(added.ok(), added.error().c_str());
    }

    void exportDialogPreview()
    {
        const QString diff = QStringLiteral("--- a/routing.yaml\n+++ b/routing.yaml\n@@ -1 +1 @@\n-x\n+y\n");
        ExportDialog dialog(QStringLiteral("/tmp/mesh"), diff);
        QCOMPARE(ExportDialog::changedFiles(diff), 1);
        QCOMPARE(dialog.diffView()->toPlainText(), diff);
        QVERIFY(dialog.diffView()->font().fixedPitch() || dialog.diffView()->font().family().contains(QStringLiteral("Mono")));
        QVERIFY(dialog.exportButton()->isEnabled());
        dialog.exportToFolderButton()->click();
        QCOMPARE(dialog.choice(), ExportDialog::Choice::ToFolder);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));

        ExportDialog nothing(QStringLiteral("/tmp/mesh"), QString());
        QVERIFY(!nothing.exportButton()->isEnabled()); // in place would write nothing
        QVERIFY(nothing.exportToFolderButton()->isEnabled());
    }

    // The pane shows the DestinationRule, then the VirtualService, as
    // canonical YAML, and marks exactly the lines an edit changed.
    void yamlPaneMarksChanges()
    {
        Document document;
        QSignalSpy loaded(&document, &Document::loaded);
        document.openFolder(test::samplePath("greeter"));
        QVERIFY(loaded.wait(30'000));
        YamlPane pane(&document);
        pane.resize(500, 260);
        pane.show();
        pane.setVirtualService(QStringLiteral("default/greeter-service"));
        const QString text = pane.text();
        QCOMPARE(pane.view()->textCursor().blockNumber(), 0);
        QVERIFY(text.startsWith(QStringLiteral("apiVersion: networking.istio.io/v1alpha3\nkind: DestinationRule\n")));
        QVERIFY(text.indexOf(QStringLiteral("kind: VirtualService")) > text.indexOf(QStringLiteral("---\n")));
        QVERIFY(!text.contains(u'#')); // canonical: the comments are in the file, not here
        QCOMPARE(pane.view()->document()->toPlainText(), text);

        QVERIFY(document.setRouteWeights(RouteRef{"default", "greeter-service", 0}, {75, 25}));
        const QStringList shown = pane.text().split(u'\n');
        const auto &changed = pane.view()->changedLines();
        QStringList marked;
        for (size_t i = 0; i < changed.size(); ++i) {
            if (changed[i])
                marked << shown[qsizetype(i)].trimmed();
        }
        QCOMPARE(marked, (QStringList{QStringLiteral("weight: 75"), QStringLiteral("weight: 25")}));
        // The pane is short: it scrolled to the first changed line.
        const int first = int(std::find(changed.begin(), changed.end(), true) - changed.begin());
        QCOMPARE(pane.view()->textCursor().blockNumber(), first);
        QVERIFY(pane.view()->viewport()->rect().contains(pane.view()->cursorRect()));

        pane.copyButton()->click();
        QCOMPARE(QApplication::clipboard()->text(), pane.text());

        pane.setVirtualService(QStringLiteral("default/nothing"));
        QVERIFY(pane.text().isEmpty());
        QVERIFY(!pane.copyButton()->isEnabled());
    }
};

QTEST_MAIN(TestEditPanes)
#include "tst_editpanes.moc"
