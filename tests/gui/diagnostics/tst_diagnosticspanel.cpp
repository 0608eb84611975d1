// SPDX-License-Identifier: MIT
#include "diagnostics/diagnosticsmodel.h"
#include "diagnostics/diagnosticspanel.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "shell/simulationdocks.h"
#include "simulation/requesttesterpanel.h"
#include "simulation/simulationrunner.h"
#include "simulation/splitchartpanel.h"
#include "support/editguisupport.h"
#include "support/guitestsupport.h"
#include "support/imagecompare.h"
#include "yaml/markedtextview.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>
#include <QTextBrowser>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760); // as the other window tests and the goldens

int rowWithCode(const QAbstractItemModel &model, const QString &code)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, DiagnosticsModel::CodeColumn).data().toString() == code)
            return row;
    }
    return -1;
}

// The line of the YAML pane's text that is flagged, or "" when none is.
QString flaggedLine(const MainWindow &window)
{
    const MarkedTextView *view = test::yamlPane(window)->view();
    return view->flaggedLine() < 0 ? QString() : view->text().split(u'\n').value(view->flaggedLine());
}

// A real double-click on the message of the first finding with `code`.
bool doubleClickFinding(const MainWindow &window, const QString &code)
{
    QTableView *table = window.diagnosticsPanel()->table();
    const int row = rowWithCode(*table->model(), code);
    if (row < 0)
        return false;
    const QRect cell = table->visualRect(table->model()->index(row, DiagnosticsModel::MessageColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());
    return true;
}

} // namespace

class TestDiagnosticsPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    void brokenFolderFillsTheTable()
    {
        const QString folder = test::testDataPath(QStringLiteral("gui/broken"));
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(1000, 700);
        window.show();
        window.openFolder(folder);
        QVERIFY(test::waitUntilShown(window));

        const LoadResult expected = ManifestLoader().loadFolder(folder.toStdString());
        QTableView *table = window.diagnosticsPanel()->table();
        const QAbstractItemModel &model = *table->model();
        QCOMPARE(model.rowCount(), int(expected.diagnostics.size()));

        const int syntax = rowWithCode(model, QStringLiteral("ML0001"));
        QVERIFY(syntax >= 0);
        QCOMPARE(model.index(syntax, DiagnosticsModel::SeverityColumn).data().toString(), QStringLiteral("Error"));
        QVERIFY(model.index(syntax, DiagnosticsModel::LocationColumn).data().toString().startsWith(QStringLiteral("syntax.yaml:")));
        QVERIFY(model.index(syntax, DiagnosticsModel::ResourceColumn).data().toString().isEmpty());

        const int typo = rowWithCode(model, QStringLiteral("IST0106"));
        QVERIFY(typo >= 0);
        QCOMPARE(model.index(typo, DiagnosticsModel::ResourceColumn).data().toString(), QStringLiteral("VirtualService shop/cart"));
        QVERIFY(model.index(typo, DiagnosticsModel::MessageColumn).data().toString().contains(QStringLiteral("weigth")));
        QVERIFY(!model.index(typo, DiagnosticsModel::SeverityColumn).data(Qt::DecorationRole).isNull());

        bool countShown = false;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            countShown = countShown || label->text().endsWith(QStringLiteral("Diagnostics: %1").arg(expected.diagnostics.size()));
        QVERIFY(countShown);
    }

    void doubleClickSelectsTheResource()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(1000, 700);
        window.show();
        window.openFolder(test::testDataPath(QStringLiteral("gui/broken")));
        QVERIFY(test::waitUntilShown(window));
        QSignalSpy selected(&window, &MainWindow::virtualServiceSelected);

        QTableView *table = window.diagnosticsPanel()->table();
        const int row = rowWithCode(*table->model(), QStringLiteral("IST0106"));
        QVERIFY(row >= 0);
        const QRect cell = table->visualRect(table->model()->index(row, DiagnosticsModel::MessageColumn));
        // The first click of a double-click selects the row; the second activates it.
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, cell.center());

        QVERIFY(!selected.isEmpty());
        QCOMPARE(selected.last().at(0).toString(), QStringLiteral("shop/cart"));
        QCOMPARE(window.graphPanel()->scene()->selectedNodeId(), QStringLiteral("svc:cart.shop.svc.cluster.local"));
    }

    // The scene: the undefined subset v0 of account-service. In the
    // window's narrow bottom-left dock the message is readable as it is, and
    // a double-click opens the rule with the offending line flagged.
    void accountServiceSubsetV0()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("account-service"));
        QVERIFY(test::waitUntilShown(window));

        QTableView *table = window.diagnosticsPanel()->table();
        const QAbstractItemModel &model = *table->model();
        const int row = rowWithCode(model, QStringLiteral("IST0101"));
        QVERIFY(row >= 0);
        QCOMPARE(model.index(row, DiagnosticsModel::ResourceColumn).data().toString(),
                 QStringLiteral("VirtualService default/account-service"));
        const QModelIndex message = model.index(row, DiagnosticsModel::MessageColumn);
        QVERIFY(message.data().toString().contains(QStringLiteral("subset v0")));
        QVERIFY(message.data(Qt::ToolTipRole).toString().contains(QStringLiteral("routing.yaml:31")));

        // Narrow, as laid out by default; the whole message is inside the view, wrapped.
        QVERIFY2(table->viewport()->width() < 520, qPrintable(QString::number(table->viewport()->width())));
        const QRect cell = table->visualRect(message);
        QVERIFY(table->viewport()->rect().contains(cell));
        QVERIFY(cell.width() >= 200);
        const QRect needed = table->fontMetrics().boundingRect(QRect(0, 0, cell.width() - 8, 10'000), Qt::TextWordWrap,
                                                               message.data().toString());
        QVERIFY2(needed.height() <= cell.height(), qPrintable(QStringLiteral("%1 > %2").arg(needed.height()).arg(cell.height())));
        // Resource and file:line make way, and are in the tooltip.
        QVERIFY(table->isColumnHidden(DiagnosticsModel::ResourceColumn));
        QVERIFY(table->isColumnHidden(DiagnosticsModel::LocationColumn));
        QVERIFY(message.data(Qt::ToolTipRole).toString().contains(QStringLiteral("VirtualService default/account-service")));
        QVERIFY(!table->horizontalScrollBar()->isVisible());

        QVERIFY(doubleClickFinding(window, QStringLiteral("IST0101")));
        QCOMPARE(test::weightEditor(window)->virtualService(), QStringLiteral("default/account-service"));
        QCOMPARE(test::yamlPane(window)->virtualService(), QStringLiteral("default/account-service"));
        QCOMPARE(flaggedLine(window).trimmed(), QStringLiteral("subset: v0"));
        QVERIFY(window.editingDocks()->yamlDock()->isVisible());
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(window.graphPanel()->scene()->selectedVirtualService(), QStringLiteral("default/account-service"));

        // What the finding means, beside it: a tenth of the requests fail with 503.
        SimulationRunner *runner = window.simulationDocks()->runner();
        QCOMPARE(runner->virtualService(), QStringLiteral("default/account-service"));
        QSignalSpy finished(runner, &SimulationRunner::runFinished);
        runner->runFor(30);
        QVERIFY(finished.wait(10'000));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(window.simulationDocks()->splitChartPanel()->statusCategories().contains(QStringLiteral("HTTP 503")));
        const QString failure = test::compareWithGolden(test::settledGrab(window), QStringLiteral("diagnostics_account_service"));
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
    }

    // A routing finding carries a request that shows it; "Try the Request in
    // the Request Tester" fills the tester with it and routes it there.
    void witnessIsReplayedInTheRequestTester()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationSeed = 1, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::samplePath("account-service"));
        QVERIFY(test::waitUntilShown(window));
        const DiagnosticsModel *model = window.diagnosticsPanel()->model();
        const Diagnostic *finding = nullptr;
        for (int row = 0; row < model->rowCount(); ++row) {
            if (model->diagnostic(row).code == "IST0101" && !model->diagnostic(row).witness.empty())
                finding = &model->diagnostic(row);
        }
        QVERIFY(finding);
        const int row = rowWithCode(*window.diagnosticsPanel()->table()->model(), QStringLiteral("IST0101"));
        const QString toolTip = window.diagnosticsPanel()->table()->model()->index(row, DiagnosticsModel::MessageColumn)
                                    .data(Qt::ToolTipRole).toString();
        QVERIFY2(toolTip.contains(QStringLiteral("--host account-service")), qPrintable(toolTip));

        RequestTesterPanel *tester = window.simulationDocks()->requestTesterPanel();
        QSignalSpy tried(window.diagnosticsPanel(), &DiagnosticsPanel::witnessRequested);
        Q_EMIT window.diagnosticsPanel()->witnessRequested(QString::fromStdString(finding->witness));
        QCOMPARE(tried.count(), 1);
        QCOMPARE(tester->hostEdit()->text(), QStringLiteral("account-service"));
        QVERIFY(tester->hasResult());
        QVERIFY2(tester->result()->toPlainText().contains(QStringLiteral("503")), qPrintable(tester->result()->toPlainText()));
        QVERIFY(tester->isVisible()); // its dock was brought to the front
        // Arguments the analyzer never writes change nothing.
        QVERIFY(!window.simulationDocks()->replayWitness(QStringLiteral("--weights 1")));
        QCOMPARE(tester->hostEdit()->text(), QStringLiteral("account-service"));
    }

    // A finding on a DestinationRule opens a VirtualService that routes to its
    // host, so the rule is in the YAML pane, flagged at the subset.
    void destinationRuleFindingOpensItsRule()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::testDataPath(QStringLiteral("gui/findings")));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(doubleClickFinding(window, QStringLiteral("IST0173")));
        QCOMPARE(test::yamlPane(window)->virtualService(), QStringLiteral("default/catalog"));
        // Regenerated, the subset starts with its labels (keys sorted), not its name.
        const MarkedTextView *view = test::yamlPane(window)->view();
        const QStringList lines = view->text().split(u'\n');
        QCOMPARE(flaggedLine(window).trimmed(), QStringLiteral("- labels:"));
        QCOMPARE(lines.value(view->flaggedLine() + 1).trimmed(), QStringLiteral("version: v3"));
        QVERIFY(lines.indexOf(QStringLiteral("kind: DestinationRule")) < view->flaggedLine());
        QVERIFY(view->flaggedLine() < lines.indexOf(QStringLiteral("kind: VirtualService")));
    }

    // The loader's finding about a misspelt field flags that field, and an
    // edit (which regenerates the text) takes the flag away.
    void unknownFieldIsFlaggedUntilTheTextChanges()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::testDataPath(QStringLiteral("gui/broken")));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(doubleClickFinding(window, QStringLiteral("IST0106")));
        QCOMPARE(flaggedLine(window).trimmed(), QStringLiteral("weigth: 100"));
        QVERIFY(window.document()->setMirror(RouteRef{"shop", "cart", 0}, Destination{.host = "cart", .fqdn = {}, .subset = {}, .port = {}, .location = {}, .hostLocation = {}, .subsetLocation = {}, .unresolvedReason = {}}, 50.0));
        QCOMPARE(test::yamlPane(window)->view()->flaggedLine(), -1);
    }

    // Findings about a whole file, or a kind the YAML pane does not show,
    // leave the editing docks as they were.
    void fileFindingLeavesTheEditorsAlone()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        window.resize(kWindowSize);
        window.show();
        window.openFolder(test::testDataPath(QStringLiteral("gui/broken")));
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(doubleClickFinding(window, QStringLiteral("ML0001")));
        QCOMPARE(test::yamlPane(window)->virtualService(), QString());
        QCOMPARE(test::yamlPane(window)->view()->flaggedLine(), -1);
    }

    // Wide enough, every column shows, the message still first after the
    // code and given what the others leave; narrow again, the message keeps
    // the room. A column sized by hand stays as the user left it.
    void columnsFollowTheWidth()
    {
        DiagnosticsPanel panel;
        Diagnostic finding;
        finding.code = "IST0101";
        finding.severity = Severity::Error;
        finding.resource = {"VirtualService", "default", "account-service"};
        finding.location = {"routing.yaml", 31, 9};
        finding.message = "destination subset v0 of host account-service not found";
        panel.setDiagnostics({finding});
        panel.resize(1100, 200);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView *table = panel.table();
        QHeaderView *header = table->horizontalHeader();
        QTRY_VERIFY(!table->isColumnHidden(DiagnosticsModel::ResourceColumn));
        QVERIFY(!table->isColumnHidden(DiagnosticsModel::LocationColumn));
        QVERIFY(header->sectionPosition(DiagnosticsModel::MessageColumn) < header->sectionPosition(DiagnosticsModel::ResourceColumn));
        QVERIFY(header->sectionPosition(DiagnosticsModel::ResourceColumn) < header->sectionPosition(DiagnosticsModel::LocationColumn));
        const int last = header->sectionPosition(DiagnosticsModel::LocationColumn) + header->sectionSize(DiagnosticsModel::LocationColumn);
        QVERIFY(last <= table->viewport()->width()); // no scrolling to the end
        QVERIFY(header->sectionSize(DiagnosticsModel::MessageColumn) > header->sectionSize(DiagnosticsModel::ResourceColumn));

        panel.resize(460, 200);
        QTRY_VERIFY(table->isColumnHidden(DiagnosticsModel::ResourceColumn));
        QVERIFY(header->sectionPosition(DiagnosticsModel::MessageColumn) + header->sectionSize(DiagnosticsModel::MessageColumn)
                <= table->viewport()->width());
        QVERIFY(header->sectionSize(DiagnosticsModel::MessageColumn) >= 250);

        header->resizeSection(DiagnosticsModel::MessageColumn, 150); // by hand
        panel.resize(1100, 200);
        QTest::qWait(20);
        QCOMPARE(header->sectionSize(DiagnosticsModel::MessageColumn), 150);
    }

    // A few findings wrap their messages, rows as tall as their text; a
    // large mesh's thousands get one line each, set before they arrive (and
    // sized to their text again once few replace them).
    void manyFindingsGetOneLineEach()
    {
        DiagnosticsPanel panel;
        panel.resize(500, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QTableView *table = panel.table();
        Diagnostic finding;
        finding.code = "IST0101";
        finding.severity = Severity::Error;
        finding.resource = {"VirtualService", "default", "account-service"};
        finding.location = {"routing.yaml", 31, 9};
        finding.message = "destination subset v0 of host account-service not found, and this message goes on long "
                          "enough to need more than one line in a narrow panel";
        panel.setDiagnostics({finding});
        QVERIFY(table->wordWrap());
        QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::ResizeToContents);
        QTRY_VERIFY(table->rowHeight(0) > table->verticalHeader()->defaultSectionSize()); // wrapped

        panel.setDiagnostics(Diagnostics(1000, finding));
        QVERIFY(!table->wordWrap());
        QCOMPARE(table->verticalHeader()->sectionResizeMode(0), QHeaderView::Fixed);
        QCOMPARE(table->rowHeight(999), table->verticalHeader()->defaultSectionSize());

        panel.setDiagnostics({finding});
        QVERIFY(table->wordWrap());
        QTRY_VERIFY(table->rowHeight(0) > table->verticalHeader()->defaultSectionSize());
    }

    // Qt sizes a column by its first 1,000 rows; a finding further down must
    // not be cut off when the columns are fitted.
    void aColumnFitsItsWidestTextWhereverItIs()
    {
        DiagnosticsPanel panel;
        panel.resize(900, 300);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        Diagnostic finding;
        finding.code = "IST0101";
        finding.severity = Severity::Error;
        finding.resource = {"VirtualService", "default", "reviews"};
        finding.message = "destination subset not found";
        Diagnostics findings;
        for (int line = 1; line <= 3000; ++line) {
            finding.location = {"routing.yaml", line, 1};
            findings.push_back(finding);
        }
        const QString wide = QStringLiteral("ML0004-WITH-A-LONGER-CODE");
        findings.back().code = wide.toStdString();
        panel.setDiagnostics(findings);
        QTableView *table = panel.table();
        const QModelIndexList found = table->model()->match(table->model()->index(0, DiagnosticsModel::CodeColumn),
                                                            Qt::DisplayRole, wide, 1, Qt::MatchExactly);
        QCOMPARE(found.size(), 1);
        QVERIFY(found.front().row() >= 1000); // where Qt's own fit would not look
        QVERIFY(table->columnWidth(DiagnosticsModel::CodeColumn) >= table->fontMetrics().horizontalAdvance(wide));
        QCOMPARE(table->columnWidth(DiagnosticsModel::CodeColumn), table->sizeHintForIndex(found.front()).width() + 1);
    }

    void headersFollowTheLanguage()
    {
        DiagnosticsPanel panel;
        QAbstractItemModel *model = panel.table()->model();
        QCOMPARE(model->headerData(DiagnosticsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));
        QSignalSpy headers(model, &QAbstractItemModel::headerDataChanged);
        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        QTRY_VERIFY(!headers.isEmpty()); // QApplication posts LanguageChange
        QCOMPARE(model->headerData(DiagnosticsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("\uba54\uc2dc\uc9c0"));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QTRY_COMPARE(model->headerData(DiagnosticsModel::MessageColumn, Qt::Horizontal).toString(), QStringLiteral("Message"));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestDiagnosticsPanel)
#include "tst_diagnosticspanel.moc"
