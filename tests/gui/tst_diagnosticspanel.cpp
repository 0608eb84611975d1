#include "diagnosticsmodel.h"
#include "diagnosticspanel.h"
#include "graphpanel.h"
#include "graphscene.h"
#include "guitestsupport.h"
#include "languagemanager.h"
#include "manifestloader.h"

#include <QLabel>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableView>
#include <QTest>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

int rowWithCode(const QAbstractItemModel &model, const QString &code)
{
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, DiagnosticsModel::CodeColumn).data().toString() == code)
            return row;
    }
    return -1;
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
        MainWindow window({.persistent = false, .languages = &m_languages});
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
        MainWindow window({.persistent = false, .languages = &m_languages});
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
