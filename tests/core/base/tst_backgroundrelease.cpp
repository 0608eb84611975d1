// SPDX-License-Identifier: MIT
// releaseInBackground() drops the reference it is given on another thread,
// soon, in the order given; the caller keeps going meanwhile.

#include "base/backgroundrelease.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

using namespace meshlane;

class TestBackgroundRelease : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dropsTheLastReferenceElsewhereInOrder()
    {
        std::mutex mutex;
        std::vector<int> order;
        std::vector<std::thread::id> threads;
        std::atomic<int> freed = 0;
        const auto object = [&](int number) {
            return std::shared_ptr<const int>(new int(number), [&](const int *value) {
                {
                    const std::lock_guard lock(mutex);
                    order.push_back(*value);
                    threads.push_back(std::this_thread::get_id());
                }
                delete value;
                ++freed;
            });
        };
        for (int number = 0; number < 50; ++number)
            releaseInBackground(object(number));
        std::shared_ptr<const int> kept = object(50);
        releaseInBackground(kept); // not the last reference: nothing is freed for it
        QVERIFY(QTest::qWaitFor([&] { return freed == 50 && kept.use_count() == 1; }, 10'000));
        std::unique_lock lock(mutex);
        for (int number = 0; number < 50; ++number)
            QCOMPARE(order[size_t(number)], number);
        for (const std::thread::id &thread : threads)
            QVERIFY(thread != std::this_thread::get_id());
        lock.unlock();
        kept.reset(); // the last one now: freed here
        lock.lock();
        QCOMPARE(order.back(), 50);
        QCOMPARE(threads.back(), std::this_thread::get_id());
    }

    void nullIsNothing() { releaseInBackground(nullptr); }
};

QTEST_GUILESS_MAIN(TestBackgroundRelease)
#include "tst_backgroundrelease.moc"
