// Faults injected in class can be saved into the instructor's file: added at the end of the
// steps list, comments and layout untouched, validated, written atomically.

#include "core/scenario/scenarioloader.h"
#include "core/scenario/scenariowriter.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace carteiro::core;

class TestScenarioWriter : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void addsFaultKeepingComments();
    void keepsTheAuthorsIndentation();
    void refusesAResultThatWouldNotLoad();
};

void TestScenarioWriter::durations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("zero") << qint64(0) << "0s";
    QTest::newRow("ms") << qint64(250) << "250ms";
    QTest::newRow("h+m") << qint64(90 * kMinute) << "1h30m";
    QTest::newRow("days") << qint64(4 * kDay + 30 * kSecond) << "4d30s";
}

void TestScenarioWriter::durations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(ScenarioWriter::formatDuration(ms), text);
    QCOMPARE(ScenarioLoader::parseDuration(text).value_or(-1), ms);
}

namespace {

Step downFault(SimTime at, const QString &host, SimTime duration)
{
    Step step;
    step.kind = Step::Kind::Fault;
    step.at = at;
    step.fault.kind = QStringLiteral("down");
    step.fault.host = host;
    step.fault.duration = duration;
    return step;
}

} // namespace

void TestScenarioWriter::addsFaultKeepingComments()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.yaml"));
    QFile::copy(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/01-alice-to-bob.yaml"), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QFile original(path);
    QVERIFY(original.open(QIODevice::ReadOnly));
    const QString before = QString::fromUtf8(original.readAll());
    original.close();

    QString error;
    QVERIFY2(
        ScenarioWriter::addSteps(
            path, {downFault(90 * kSecond, QStringLiteral("mail.hamburger.edu"), kHour)}, &error),
        qPrintable(error));
    QFile updated(path);
    QVERIFY(updated.open(QIODevice::ReadOnly));
    const QString after = QString::fromUtf8(updated.readAll());
    // Everything the author wrote is still there, comments included, in the same order.
    QVERIFY(after.startsWith(before.left(before.indexOf(QStringLiteral("steps:")))));
    QVERIFY(after.contains(QStringLiteral("# Alice sends mail to Bob")));
    QVERIFY(after.contains(QStringLiteral(
        "  - at: 1m30s\n    fault: {kind: down, host: mail.hamburger.edu, for: 1h}")));
    const ScenarioLoadResult loaded = ScenarioLoader::loadFile(path);
    QVERIFY(loaded.ok());
    const Step &last = loaded.scenario.steps.last();
    QCOMPARE(last.kind, Step::Kind::Fault);
    QCOMPARE(last.at, 90 * kSecond);
    QCOMPARE(last.fault.host, QStringLiteral("mail.hamburger.edu"));
}

void TestScenarioWriter::keepsTheAuthorsIndentation()
{
    const QString text = QStringLiteral(
        "carteiro: 1\ntitle: t\nhosts:\n  m.x.org: {role: mta, local_domains: [x.org]}\n"
        "steps:\n- note: first\n# a comment after the list\n");
    QString error;
    const QString result = ScenarioWriter::withSteps(
        text, {downFault(0, QStringLiteral("m.x.org"), kMinute)}, QStringLiteral("t.yaml"), &error);
    QVERIFY2(!result.isEmpty(), qPrintable(error));
    QVERIFY(result.contains(QStringLiteral(
        "- note: first\n- at: 0s\n  fault: {kind: down, host: m.x.org, for: 1m}\n# a comment")));
}

void TestScenarioWriter::refusesAResultThatWouldNotLoad()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lesson.yaml"));
    QFile::copy(QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/01-alice-to-bob.yaml"), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    QString error;
    QVERIFY(!ScenarioWriter::addSteps(path, {downFault(0, QStringLiteral("no-such-host"), kHour)},
                                      &error));
    QVERIFY(error.contains(QStringLiteral("no-such-host")));
    QVERIFY(ScenarioLoader::loadFile(path).ok()); // untouched
}

QTEST_GUILESS_MAIN(TestScenarioWriter)
#include "tst_scenariowriter.moc"
