// SPDX-License-Identifier: MIT
#include "graph/fanoutbadgeitem.h"
#include "graph/graphfindbar.h"
#include "graph/graphpanel.h"
#include "graph/graphscene.h"
#include "graph/graphview.h"
#include "load/manifestloader.h"
#include "shell/languagemanager.h"
#include "support/guitestsupport.h"
#include "support/incrementalsupport.h"

#include <QGraphicsView>
#include <QGuiApplication>
#include <QPainter>
#include <QScreen>
#include <QScrollBar>
#include <QTest>

#include <algorithm>

using namespace meshlane;
using namespace meshlane::ui;

// A GraphView with most of the graph in view paints the items itself
// (GraphScene::paintItems), not through Qt's index. What it paints must be
// what Qt paints, pixel for pixel, and what a change hides, moves or
// re-labels must leave nothing behind on screen. On meshgen's 300 services
// (1,501 nodes; the gateway's 30 ingress routes folded into a badge).
class TestGraphViewPaint : public QObject
{
    Q_OBJECT

private:
    bool settle()
    {
        return QTest::qWaitFor([this] { return !m_panel->isBusy() && m_panel->scene()->graph(); }, 120'000);
    }

    // The view's picture as Qt's own QGraphicsView paints the same scene,
    // set up as GraphView sets itself up, at the same size, zoom and scroll.
    QImage paintedByQt() const
    {
        const GraphView &view = *m_panel->view();
        QGraphicsView reference(m_panel->scene());
        reference.setRenderHints(view.renderHints());
        reference.setOptimizationFlags(view.optimizationFlags());
        reference.setFrameShape(view.frameShape());
        const auto policy = [](const QScrollBar *bar) {
            return bar->isVisible() ? Qt::ScrollBarAlwaysOn : Qt::ScrollBarAlwaysOff;
        };
        reference.setHorizontalScrollBarPolicy(policy(view.horizontalScrollBar()));
        reference.setVerticalScrollBarPolicy(policy(view.verticalScrollBar()));
        reference.resize(view.size());
        reference.setAttribute(Qt::WA_DontShowOnScreen); // laid out as a shown view is
        reference.show();
        reference.setTransform(view.transform());
        reference.horizontalScrollBar()->setValue(view.horizontalScrollBar()->value());
        reference.verticalScrollBar()->setValue(view.verticalScrollBar()->value());
        if (reference.viewport()->size() != view.viewport()->size()) {
            qWarning() << "reference viewport" << reference.viewport()->size() << "view's" << view.viewport()->size();
            return {};
        }
        return painted(reference.viewport());
    }

    int gateway() const
    {
        const auto &nodes = m_panel->scene()->graph()->nodes();
        return int(std::find_if(nodes.begin(), nodes.end(),
                                [](const GraphNode &node) { return node.kind == GraphNodeKind::Gateway; })
                   - nodes.begin());
    }

    QImage paintedByView() const { return painted(m_panel->view()->viewport()); }

    // The viewport's own painting, without the widgets over it (the minimap).
    static QImage painted(QWidget *viewport)
    {
        QImage image(viewport->size(), QImage::Format_RGB32);
        viewport->render(&image, {}, {}, QWidget::DrawWindowBackground);
        return image;
    }

    // What is on screen now: the viewport's part of the window's backing
    // store, which only the repaints Qt scheduled have drawn into. The
    // widgets over the viewport (the minimap) are blacked out.
    QImage onScreen() const
    {
        QWidget *viewport = m_panel->view()->viewport();
        const QPoint at = viewport->mapTo(m_panel->window(), QPoint(0, 0));
        return withoutChildren(
            viewport,
            m_panel->window()
                ->screen()
                ->grabWindow(m_panel->window()->winId(), at.x(), at.y(), viewport->width(), viewport->height())
                .toImage());
    }

    QImage paintedByViewWithoutChildren() const
    {
        return withoutChildren(m_panel->view()->viewport(), paintedByView());
    }

    static QImage withoutChildren(QWidget *viewport, QImage image)
    {
        image = image.convertToFormat(QImage::Format_RGB32);
        QPainter painter(&image);
        for (const QWidget *child : viewport->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (child->isVisible())
                painter.fillRect(child->geometry(), Qt::black);
        }
        return image;
    }

    static bool samePicture(const QImage &a, const QImage &b, const char *what)
    {
        if (!a.isNull() && !b.isNull()
            && a.convertToFormat(QImage::Format_RGB32) == b.convertToFormat(QImage::Format_RGB32))
            return true;
        const QString base = QDir::temp().filePath(QStringLiteral("tst_graphviewpaint-%1").arg(QLatin1String(what)));
        a.save(base + QStringLiteral("-a.png"));
        b.save(base + QStringLiteral("-b.png"));
        qWarning("%s: the pictures differ (%s-a.png, -b.png)", what, qPrintable(base));
        return false;
    }

    void waitForRepaints()
    {
        QTest::qWait(50); // the scene's queued update, then the view's
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase()
    {
        test::setUpReproducibleGui();
        QVERIFY(m_languages.setLanguage(QStringLiteral("en")));
        m_mesh = ManifestLoader().loadFolder(incremental::generatedMesh(300)).mesh;
        m_panel = std::make_unique<GraphPanel>();
        m_panel->resize(1000, 700);
        m_panel->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
        m_panel->setMesh(m_mesh);
        QVERIFY(settle());
        QCOMPARE(m_panel->scene()->fanOutBadges().size(), size_t(1));
    }

    void init()
    {
        m_panel->findBar()->setMode(GraphFindBar::Mode::Highlight);
        m_panel->findBar()->setQuery({});
        m_panel->scene()->clearSelection();
        m_panel->scene()->selectVirtualService({});
        m_panel->scene()->setFanOutExpanded(gateway(), false);
        m_panel->fit();
        QVERIFY(settle());
    }

    // Fitted, then in the states that change how items paint: selected and
    // highlighted, found and dimmed (opacity), hidden, the gateway's edges
    // unfolded, and zoomed in far enough that labels are drawn (painted by
    // Qt, then by the view itself: the badge over the unfolded edges, the
    // labels over their edges).
    void paintsWhatQtPaints_data()
    {
        QTest::addColumn<QString>("state");
        QTest::newRow("fitted") << "fitted";
        QTest::newRow("selected") << "selected";
        QTest::newRow("found") << "found";
        QTest::newRow("hidden") << "hidden";
        QTest::newRow("unfolded") << "unfolded";
        QTest::newRow("near") << "near";
        QTest::newRow("near, painted by the view") << "near, painted by the view";
    }

    void paintsWhatQtPaints()
    {
        QFETCH(QString, state);
        GraphScene *scene = m_panel->scene();
        if (state == QLatin1String("selected")) {
            scene->selectVirtualService(QStringLiteral("default/svc-0010"));
        } else if (state == QLatin1String("found")) {
            m_panel->findBar()->setQuery(QStringLiteral("name = svc-00?5"));
        } else if (state == QLatin1String("hidden")) {
            m_panel->findBar()->setMode(GraphFindBar::Mode::Hide);
            m_panel->findBar()->setQuery(QStringLiteral("name = svc-01*"));
        } else if (state == QLatin1String("unfolded")) {
            scene->setFanOutExpanded(gateway(), true);
        } else if (state.startsWith(QLatin1String("near"))) {
            scene->setFanOutExpanded(gateway(), true);
            m_panel->view()->zoomBy(40); // the whole graph no longer in view: Qt paints
            m_panel->view()->centerOn(scene->fanOutBadges().front());
            if (state.endsWith(QLatin1String("view")))
                m_panel->view()->setPaintsItselfFrom(0);
        }
        QVERIFY(settle());
        waitForRepaints();
        const bool same = samePicture(paintedByView(), paintedByQt(), qPrintable(state));
        m_panel->view()->setPaintsItselfFrom(0.25);
        QVERIFY(same);
    }

    // Unfolded, then folded again, the gateway's edges must leave no pixel
    // behind although Qt never painted them (and so never recorded where).
    // The same for a find that hides nodes.
    void whatAChangeHidesLeavesNoTrace()
    {
        GraphScene *scene = m_panel->scene();
        waitForRepaints();
        QVERIFY(samePicture(onScreen(), paintedByViewWithoutChildren(), "before"));
        scene->setFanOutExpanded(gateway(), true);
        waitForRepaints();
        QVERIFY(samePicture(onScreen(), paintedByViewWithoutChildren(), "unfolded"));
        scene->setFanOutExpanded(gateway(), false);
        waitForRepaints();
        QVERIFY(samePicture(onScreen(), paintedByViewWithoutChildren(), "folded again"));
        m_panel->findBar()->setMode(GraphFindBar::Mode::Hide);
        m_panel->findBar()->setQuery(QStringLiteral("name = svc-02*"));
        QVERIFY(settle());
        waitForRepaints();
        QVERIFY(samePicture(onScreen(), paintedByViewWithoutChildren(), "hidden"));
    }

private:
    LanguageManager m_languages;
    std::shared_ptr<const Mesh> m_mesh;
    std::unique_ptr<GraphPanel> m_panel;
};

QTEST_MAIN(TestGraphViewPaint)
#include "tst_graphviewpaint.moc"
