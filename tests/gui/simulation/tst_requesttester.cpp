// SPDX-License-Identifier: MIT
#include "graph/graphpanel.h"
#include "shell/languagemanager.h"
#include "shell/simulationdocks.h"
#include "simulation/requesttesterpanel.h"
#include "support/guitestsupport.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QUndoStack>

using namespace meshlane;
using namespace meshlane::ui;

namespace {

const QSize kWindowSize(1200, 760);

RequestTesterPanel *testerOf(const MainWindow &window)
{
    return window.simulationDocks()->requestTesterPanel();
}

// The answer as a person reads it (in plain text, a table's cells one per line).
QString answer(const MainWindow &window)
{
    return testerOf(window)->result()->toPlainText();
}

void clickRoute(const MainWindow &window)
{
    QTest::mouseClick(testerOf(window)->routeButton(), Qt::LeftButton);
}

// Types into the line edit as a person would: select all, then the keys.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    edit->selectAll();
    QTest::keyClicks(edit, text);
}

} // namespace

class TestRequestTester : public QObject
{
    Q_OBJECT

private:
    void open(MainWindow &window, const char *sample, const QString &vs)
    {
        window.resize(kWindowSize);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        window.openFolder(test::samplePath(sample));
        QVERIFY(test::waitUntilShown(window));
        window.findChild<QDockWidget *>(QStringLiteral("RequestTesterDock"))->raise(); // it shares a tab with the diagnostics
        window.graphPanel()->selectVirtualService(vs);
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(testerOf(window)->isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
    }

    // Bookinfo's reviews: Jason is sent to v2 by a header match, everyone
    // else to v1; the answer says which route and why.
    void headerMatchSendsJasonToV2()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "bookinfo", QStringLiteral("default/reviews"));
        RequestTesterPanel *tester = testerOf(window);
        QVERIFY(tester->hostEdit()->text().startsWith(QStringLiteral("reviews"))); // filled in from the selection

        // A header row typed in the table: Add, the name, Tab, the value, Enter.
        QPushButton *add = nullptr;
        for (QPushButton *button : tester->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("&Add"))
                add = button;
        }
        QVERIFY(add);
        QTest::mouseClick(add, Qt::LeftButton);
        QTableWidget *headers = tester->headerTable();
        QTRY_VERIFY(QApplication::focusWidget() && headers->isAncestorOf(QApplication::focusWidget()));
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("end-user"));
        QWidget *nameEditor = QApplication::focusWidget();
        QTest::keyClick(nameEditor, Qt::Key_Tab); // commits, and opens the value's editor
        QTRY_VERIFY(QApplication::focusWidget() && QApplication::focusWidget() != nameEditor
                    && headers->isAncestorOf(QApplication::focusWidget()));
        QCOMPARE(headers->currentColumn(), 1);
        QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("jason"));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Return);
        QCOMPARE(headers->rowCount(), 1);
        QCOMPARE(headers->item(0, 0)->text(), QStringLiteral("end-user"));
        QTRY_COMPARE(headers->item(0, 1)->text(), QStringLiteral("jason")); // the delegate commits on Return, queued

        clickRoute(window);
        QVERIFY(tester->hasResult());
        QString text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("VirtualService default/reviews, http[0], match[0]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("reviews.default.svc.cluster.local\nv2\n9080\n100 %\n200")));
        QVERIFY(text.contains(QStringLiteral("matches (header end-user = jason)")));
        QVERIFY(!text.contains(QStringLiteral("\nv1\n")));

        // Without the header: the catch-all route, v1, and why the first did not match.
        headers->selectRow(0);
        QPushButton *remove = nullptr;
        for (QPushButton *button : tester->findChildren<QPushButton *>()) {
            if (button->text() == QStringLiteral("Re&move"))
                remove = button;
        }
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QCOMPARE(headers->rowCount(), 0);
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("VirtualService default/reviews, http[1]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("reviews.default.svc.cluster.local\nv1\n9080\n100 %\n200")));
        QVERIFY(text.contains(QStringLiteral("header end-user is absent")));
    }

    // Requests nothing routes: the answer says so (404), for an unknown host
    // and for a path the gateway's rule does not forward.
    void nothingMatches()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "bookinfo", QStringLiteral("default/reviews"));
        RequestTesterPanel *tester = testerOf(window);
        typeInto(tester->hostEdit(), QStringLiteral("nothing.example.com"));
        QTest::keyClick(tester->hostEdit(), Qt::Key_Return); // Enter routes too
        QString text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("no VirtualService applies")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Status\n404")));
        QVERIFY(!text.contains(QStringLiteral("Goes to")));

        window.graphPanel()->selectVirtualService(QStringLiteral("default/bookinfo"));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(tester->gatewayRef(), QStringLiteral("default/bookinfo-gateway"));
        QCOMPARE(tester->gatewayBox()->currentText(), QStringLiteral("default/bookinfo-gateway (Istio)"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("80")); // the listener's port, shown
        typeInto(tester->pathEdit(), QStringLiteral("/productpage"));
        clickRoute(window);
        QVERIFY2(answer(window).contains(QStringLiteral("productpage.default.svc.cluster.local\n\u2013\n9080\n100 %\n200")), qPrintable(answer(window)));
        typeInto(tester->pathEdit(), QStringLiteral("/nope"));
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("no route matches: 404")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("Status\n404")));
    }

    // In the Korean UI the engine's reasons are Korean too, not only the
    // headings; switching the language rewords an answer already shown.
    void koreanAnswer()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "bookinfo", QStringLiteral("default/reviews"));
        RequestTesterPanel *tester = testerOf(window);
        tester->addHeader(QStringLiteral("end-user"), QStringLiteral("jason"));
        clickRoute(window);
        QVERIFY(answer(window).contains(QStringLiteral("matches (header end-user = jason)")));

        QVERIFY(m_languages.setLanguage(QStringLiteral("ko")));
        // QApplication posts LanguageChange; the panel routes again on it.
        QTRY_VERIFY2(!answer(window).contains(QStringLiteral("from a sidecar")), qPrintable(answer(window)));
        const QString text = answer(window);
        const QString matched = QStringLiteral("VirtualService default/reviews http[0] match[0] "
                                               "\uc77c\uce58 (header end-user = jason)"); // 일치: matches
        QVERIFY2(text.contains(matched), qPrintable(text));
        // 가중치: weight
        QVERIFY2(text.contains(QStringLiteral("-> 100 % (\uac00\uc911\uce58 100)")), qPrintable(text));
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        QTRY_VERIFY2(answer(window).contains(QStringLiteral("matches (header end-user = jason)")),
                     qPrintable(answer(window)));
    }

    // The answer follows edits: a new split shows at once, an undo brings the old one back.
    void followsEdits()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "greeter", QStringLiteral("default/greeter-service"));
        clickRoute(window);
        QVERIFY2(answer(window).contains(QStringLiteral("\nv1\n3000\n90 %\n200")), qPrintable(answer(window)));
        QVERIFY(answer(window).contains(QStringLiteral("\nv2\n3000\n10 %\n200")));

        QVERIFY(window.document()->setRouteWeights(RouteRef{"default", "greeter-service", 0}, {25, 75}));
        QVERIFY(test::waitUntilShown(window)); // the router of the new snapshot
        QVERIFY2(answer(window).contains(QStringLiteral("\nv1\n3000\n25 %\n200")), qPrintable(answer(window)));
        QVERIFY(answer(window).contains(QStringLiteral("\nv2\n3000\n75 %\n200")));

        window.document()->undoStack()->undo();
        QVERIFY(test::waitUntilShown(window));
        QVERIFY(answer(window).contains(QStringLiteral("\nv1\n3000\n90 %\n200")));
    }

    // tcp-echo-shift's canary: the form turns to a TCP connection through the
    // TCP gateway on its listener port, the HTTP-only fields are off, and the
    // answer names tcp[0], lists the 80/20 destinations and says Envoy
    // forwards the connection. On another port, it says Envoy closes it.
    void tcpRouteThroughTheTcpGateway()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "tcp-echo-shift", QStringLiteral("echo/tcp-echo"));
        RequestTesterPanel *tester = testerOf(window);
        QCOMPARE(tester->protocolBox()->currentText(), QStringLiteral("TCP"));
        QCOMPARE(tester->gatewayRef(), QStringLiteral("echo/echo-gateway"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("31400"));
        QVERIFY(!tester->pathEdit()->isEnabled());
        QVERIFY(!tester->methodBox()->isEnabled());
        QVERIFY(!tester->headerTable()->isEnabled());
        QVERIFY(!tester->sniEdit()->isEnabled()); // TLS only
        QVERIFY(tester->destinationIpEdit()->isEnabled());

        clickRoute(window);
        QString text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("TCP connection to www.example.com:31400 through Gateway echo/echo-gateway")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("VirtualService echo/tcp-echo, tcp[0], match[0]")));
        QVERIFY(text.contains(QStringLiteral("tcp-echo.echo.svc.cluster.local\nv1\n9000\n80 %\n200")));
        QVERIFY(text.contains(QStringLiteral("tcp-echo.echo.svc.cluster.local\nv2\n9000\n20 %\n200")));
        QVERIFY(text.contains(QStringLiteral("Connection\nforwarded: each connection to one destination, by weight")));

        typeInto(tester->portEdit(), QStringLiteral("31401"));
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("Connection\nclosed by Envoy (reported as 404)")), qPrintable(text));
        QVERIFY(!text.contains(QStringLiteral("Goes to")));

        // Back to HTTP: the HTTP fields come back; the gateway has no HTTP server.
        tester->setProtocol(ConnectionProtocol::Http);
        QVERIFY(tester->pathEdit()->isEnabled());
        QVERIFY(!tester->destinationIpEdit()->isEnabled());
        typeInto(tester->portEdit(), QStringLiteral("0")); // the validator lets a 0 through while typing
        clickRoute(window);
        QVERIFY2(answer(window).contains(QStringLiteral("from 1 to 65535")), qPrintable(answer(window)));
    }

    // tls-passthrough: the SNI defaults to the host (shop: the 90/10
    // storefront canary); another SNI picks another chain (pay: payments);
    // an SNI no chain takes is closed.
    void tlsRoutesBySni()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "tls-passthrough", QStringLiteral("edge/edge-tls"));
        RequestTesterPanel *tester = testerOf(window);
        QCOMPARE(tester->protocolBox()->currentText(), QStringLiteral("TLS"));
        QVERIFY(tester->sniEdit()->isEnabled());
        QVERIFY(tester->sniEdit()->text().isEmpty()); // the default: the host
        QCOMPARE(tester->hostEdit()->text(), QStringLiteral("shop.example.com"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("443"));
        QCOMPARE(tester->request().sni, std::string("shop.example.com"));

        clickRoute(window);
        QString text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("TLS connection (SNI shop.example.com) to shop.example.com:443")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("VirtualService edge/edge-tls, tls[0], match[0]")));
        QVERIFY(text.contains(QStringLiteral("storefront.edge.svc.cluster.local\nv1\n8443\n90 %\n200")));
        QVERIFY(text.contains(QStringLiteral("storefront.edge.svc.cluster.local\nv2\n8443\n10 %\n200")));

        typeInto(tester->sniEdit(), QStringLiteral("pay.example.com"));
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("VirtualService edge/edge-tls, tls[1], match[0]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("payments.edge.svc.cluster.local\n\u2013\n8443\n100 %\n200")));
        QVERIFY(text.contains(QStringLiteral("Connection\nforwarded\n")));

        typeInto(tester->sniEdit(), QStringLiteral("other.example.com"));
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("closed by Envoy (reported as 404)")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("matches SNI other.example.com")));

        typeInto(tester->destinationIpEdit(), QStringLiteral("10.0.0.300"));
        clickRoute(window);
        QVERIFY2(answer(window).contains(QStringLiteral("IPv4 or IPv6 address")), qPrintable(answer(window)));
    }

    // bookinfo-gateway-api: the gateway list shows the Gateway API Gateway
    // with its kind; selecting the ingress HTTPRoute routes through it on its
    // listener's port to a path the route serves; the mesh HTTPRoute (the
    // 90/10 canary) is asked from a sidecar.
    void gatewayApiGatewayAndRoutes()
    {
        MainWindow window({.persistent = false, .languages = &m_languages, .simulationPaused = true, .selectOnOpen = false});
        open(window, "bookinfo-gateway-api", QStringLiteral("HTTPRoute/bookinfo/bookinfo"));
        RequestTesterPanel *tester = testerOf(window);
        QComboBox *gateways = tester->gatewayBox();
        QCOMPARE(gateways->count(), 2);
        QCOMPARE(gateways->itemText(1), QStringLiteral("bookinfo/bookinfo-gateway (Gateway API)"));
        QCOMPARE(tester->gatewayRef(), QStringLiteral("bookinfo/bookinfo-gateway"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("80"));
        QCOMPARE(tester->hostEdit()->text(), QStringLiteral("bookinfo.example.com"));
        QCOMPARE(tester->pathEdit()->text(), QStringLiteral("/productpage"));
        clickRoute(window);
        QString text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("GET http://bookinfo.example.com/productpage through Gateway bookinfo/bookinfo-gateway")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("HTTPRoute bookinfo/bookinfo, rules[0], matches[0]")));
        QVERIFY(text.contains(QStringLiteral("productpage.bookinfo.svc.cluster.local\n\u2013\n9080\n100 %\n200")));
        QVERIFY(!text.contains(QStringLiteral("Connection\n"))); // HTTP: no connection line

        window.graphPanel()->selectVirtualService(QStringLiteral("HTTPRoute/bookinfo/reviews"));
        QVERIFY(test::waitUntilShown(window));
        QCOMPARE(tester->gatewayRef(), QString()); // a mesh route: from a sidecar
        QCOMPARE(tester->hostEdit()->text(), QStringLiteral("reviews.bookinfo.svc.cluster.local"));
        QCOMPARE(tester->namespaceEdit()->text(), QStringLiteral("bookinfo"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("9080"));
        clickRoute(window);
        text = answer(window);
        QVERIFY2(text.contains(QStringLiteral("HTTPRoute bookinfo/reviews, rules[0], matches[0]")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("reviews-v1.bookinfo.svc.cluster.local\n\u2013\n9080\n90 %\n200")));
        QVERIFY(text.contains(QStringLiteral("reviews-v2.bookinfo.svc.cluster.local\n\u2013\n9080\n10 %\n200")));

        // Picking the gateway by hand: its listener's port comes with it.
        tester->portEdit()->clear();
        typeInto(tester->hostEdit(), QStringLiteral("bookinfo.example.com"));
        typeInto(tester->pathEdit(), QStringLiteral("/static/app.css"));
        tester->chooseGateway(QStringLiteral("bookinfo/bookinfo-gateway"));
        QCOMPARE(tester->portEdit()->text(), QStringLiteral("80"));
        clickRoute(window);
        QVERIFY2(answer(window).contains(QStringLiteral("HTTPRoute bookinfo/bookinfo, rules[0], matches[1]")),
                 qPrintable(answer(window)));
    }

private:
    LanguageManager m_languages;
};

QTEST_MAIN(TestRequestTester)
#include "tst_requesttester.moc"
