// The Statistics tab: charts that follow the playback position (app/charts).
#include "app/charts/statisticsview.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "core/world/world.h"

#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QtTest>

using namespace carteiro;
using namespace carteiro::app;

namespace {

QString scenario(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

// The values of the first bar set of a chart's bar series, by category order.
QList<qreal> bars(QChart *chart)
{
    QList<qreal> values;
    for (QAbstractSeries *series : chart->series())
        if (auto *bar = qobject_cast<QBarSeries *>(series))
            for (int i = 0; i < bar->barSets().first()->count(); ++i)
                values << bar->barSets().first()->at(i);
    return values;
}

QLineSeries *queueOf(QChart *chart, const QString &mta)
{
    for (QAbstractSeries *series : chart->series())
        if (series->name() == mta)
            return qobject_cast<QLineSeries *>(series);
    return nullptr;
}

} // namespace

class TestAppStatistics : public QObject
{
    Q_OBJECT

private slots:
    void chartsFollowThePosition();
    void aBounceIsCounted();
};

void TestAppStatistics::chartsFollowThePosition()
{
    MainWindow window;
    window.resize(1280, 800);
    window.show();
    QVERIFY(window.openScenario(scenario("03-host-down-then-back.yaml")));
    window.views()->setCurrentWidget(window.statistics());
    StatisticsView *statistics = window.statistics();

    window.playback()->toEnd();
    QTRY_VERIFY(!bars(statistics->outcomeChart()).isEmpty());
    // delivered, relayed, retried, bounced: the host came back after retries.
    QList<qreal> outcomes = bars(statistics->outcomeChart());
    QCOMPARE(outcomes.size(), 4);
    QVERIFY(outcomes[0] >= 1);
    QVERIFY(outcomes[2] >= 2);
    QCOMPARE(outcomes[3], 0.0);
    // The sender's queue held the message while the host was down.
    QLineSeries *queue = queueOf(statistics->queueChart(), QStringLiteral("mail.crepes.fr"));
    QVERIFY(queue);
    qreal peak = 0;
    for (const QPointF &point : queue->points())
        peak = std::max(peak, point.y());
    QCOMPARE(peak, 1.0);
    QVERIFY(queue->points().last().x() >= 30); // minutes of virtual time
    // One dot per message that left a queue, the one that waited for retries the longest.
    auto *dots = qobject_cast<QScatterSeries *>(statistics->latencyChart()->series().first());
    QVERIFY(dots && dots->count() >= 2);
    qreal longest = 0;
    for (const QPointF &point : dots->points())
        longest = std::max(longest, point.y());
    QVERIFY(longest >= 30);

    // Back at the start, nothing has happened yet.
    window.playback()->setPosition(0);
    QTRY_COMPARE(bars(statistics->outcomeChart()), (QList<qreal>{0, 0, 0, 0}));
    QVERIFY(!queueOf(statistics->queueChart(), QStringLiteral("mail.crepes.fr")));

    const QString keep = qEnvironmentVariable("CARTEIRO_KEEP_EXPORTS");
    if (!keep.isEmpty()) {
        StatisticsView large;
        large.resize(1100, 760);
        large.setTrace(&window.world()->trace());
        large.show();
        QTest::qWait(200);
        large.grab().save(keep + QStringLiteral("/statistics.png"));
    }
}

void TestAppStatistics::aBounceIsCounted()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openScenario(scenario("02-recipient-rejected.yaml")));
    window.views()->setCurrentWidget(window.statistics());
    window.playback()->toEnd();
    QTRY_VERIFY(!bars(window.statistics()->outcomeChart()).isEmpty());
    const QList<qreal> outcomes = bars(window.statistics()->outcomeChart());
    QCOMPARE(outcomes[3], 1.0);
    // Lines per protocol: SMTP and POP3 both spoke.
    const QList<qreal> lines = bars(window.statistics()->protocolChart());
    QCOMPARE(lines.size(), 2);
    QVERIFY(lines[0] > 0 && lines[1] > 0);
}

QTEST_MAIN(TestAppStatistics)
#include "tst_appstatistics.moc"
