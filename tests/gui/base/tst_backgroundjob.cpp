// SPDX-License-Identifier: MIT
#include "base/backgroundjob.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

using namespace meshlane::ui;

class TestBackgroundJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resultArrivesOnTheOwnersThread()
    {
        QObject owner;
        QThread *worker = nullptr;
        QThread *deliveredOn = nullptr;
        int delivered = 0;
        runInBackground(
            &owner, [&worker] { worker = QThread::currentThread(); return 42; },
            [&](int value) {
                deliveredOn = QThread::currentThread();
                delivered = value;
            });
        QTRY_COMPARE(delivered, 42);
        QCOMPARE(deliveredOn, QThread::currentThread());
        QVERIFY(worker != QThread::currentThread());
    }

    void movableOnlyResultsAreHandedOver()
    {
        QObject owner;
        std::unique_ptr<int> received;
        runInBackground(&owner, [] { return std::make_unique<int>(7); },
                        [&received](std::unique_ptr<int> value) { received = std::move(value); });
        QTRY_VERIFY(received != nullptr);
        QCOMPARE(*received, 7);
    }

    void nothingIsDeliveredToAnOwnerThatIsGone()
    {
        std::atomic<bool> release{false};
        std::atomic<bool> finished{false};
        bool delivered = false;
        {
            QObject owner;
            runInBackground(
                &owner,
                [&] {
                    while (!release)
                        QThread::msleep(1);
                    finished = true;
                    return 1;
                },
                [&delivered](int) { delivered = true; });
        }
        release = true;
        QTRY_VERIFY(finished.load());
        QTest::qWait(50); // a queued delivery would run now
        QVERIFY(!delivered);
    }

    void theLatestTicketWins()
    {
        JobTicket tickets;
        const int first = tickets.next();
        const int second = tickets.next();
        QVERIFY(!tickets.isLatest(first));
        QVERIFY(tickets.isLatest(second));
        tickets.invalidate();
        QVERIFY(!tickets.isLatest(second));
        QCOMPARE(tickets.latest(), second + 1);
    }
};

QTEST_GUILESS_MAIN(TestBackgroundJob)
#include "tst_backgroundjob.moc"
