// Lessons: ask answers scored, "predict the next reply", the summary at the end.
#include "app/lesson/lessonsummary.h"
#include "app/mainwindow.h"
#include "app/models/lesson.h"
#include "app/models/playback.h"
#include "core/world/world.h"

#include <QRadioButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace carteiro;
using namespace carteiro::app;

namespace {

QString scenario(const char *name)
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/") + QLatin1String(name);
}

core::TraceEvent eventAt(MainWindow &window, int position)
{
    return window.world()->trace().at(std::size_t(position));
}

} // namespace

class TestAppLesson : public QObject
{
    Q_OBJECT

private slots:
    void replyCodes_data();
    void replyCodes();
    void asksAreScoredOnce();
    void predictionHidesTheReplyUntilAnswered();
    void playingStopsAndResumes();
    void summaryAtTheEndAndExport();
};

void TestAppLesson::replyCodes_data()
{
    QTest::addColumn<QString>("protocol");
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("previous");
    QTest::addColumn<QString>("code");
    QTest::newRow("smtp") << "SMTP"
                          << "250 Hello alice-pc"
                          << ""
                          << "250";
    QTest::newRow("smtp multi first") << "SMTP"
                                      << "250-crepes.fr"
                                      << ""
                                      << "250";
    QTest::newRow("smtp multi next") << "SMTP"
                                     << "250 HELP"
                                     << "250-SIZE 1000"
                                     << "";
    QTest::newRow("smtp after other reply") << "SMTP"
                                            << "354 go"
                                            << "250 Ok"
                                            << "354";
    QTest::newRow("not a reply") << "SMTP"
                                 << "From: Alice"
                                 << ""
                                 << "";
    QTest::newRow("pop3 ok") << "POP3"
                             << "+OK 2 messages"
                             << ""
                             << "+OK";
    QTest::newRow("pop3 err") << "POP3"
                              << "-ERR no such message"
                              << ""
                              << "-ERR";
    QTest::newRow("pop3 listing") << "POP3"
                                  << "1 120"
                                  << ""
                                  << "";
    QTest::newRow("imap tagged") << "IMAP"
                                 << "a002 NO [TRYCREATE] no such mailbox"
                                 << ""
                                 << "NO";
    QTest::newRow("imap untagged") << "IMAP"
                                   << "* OK [UIDVALIDITY 1]"
                                   << ""
                                   << "";
    QTest::newRow("http") << "HTTP"
                          << "HTTP/1.1 303 See Other"
                          << ""
                          << "303";
    QTest::newRow("http field") << "HTTP"
                                << "Location: /inbox"
                                << ""
                                << "";
}

void TestAppLesson::replyCodes()
{
    QFETCH(QString, protocol);
    QFETCH(QString, line);
    QFETCH(QString, previous);
    QFETCH(QString, code);
    QCOMPARE(Lesson::replyCode(protocol, line, previous), code);
}

void TestAppLesson::asksAreScoredOnce()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("02-recipient-rejected.yaml")));
    const Lesson &lesson = window.lesson();
    QCOMPARE(lesson.asks(), 1);
    window.playback()->setSpeed(64);
    window.playback()->play();
    QTRY_VERIFY(window.isAsking());
    window.answer(QStringLiteral("mail.hamburger.edu")); // wrong
    QVERIFY(window.answerFeedback().startsWith(QStringLiteral("✘")));
    window.answer(QStringLiteral("mail.crepes.fr")); // right, but the first answer counts
    QVERIFY(window.answerFeedback().startsWith(QStringLiteral("✔")));
    QCOMPARE(lesson.answered(), 1);
    QCOMPARE(lesson.right(), 0);
    const QString summary = lesson.summaryMarkdown(QStringLiteral("Bounce"));
    QVERIFY(
        summary.contains(QStringLiteral("Questions: 0 right of 1 answered (1 in the lesson).")));
    QVERIFY(summary.contains(QStringLiteral("answered mail.hamburger.edu; the answer is "
                                            "mail.crepes.fr")));
    QVERIFY(summary.contains(QStringLiteral("## To review\n\n- Who sends the bounce")));
}

void TestAppLesson::predictionHidesTheReplyUntilAnswered()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.setPredicting(true);
    PlaybackController *playback = window.playback();

    // The first line is the server's greeting: the playback waits before it.
    playback->stepForward();
    QVERIFY(window.isPredictionShown());
    const int reply = playback->position() + 1;
    QCOMPARE(eventAt(window, reply).text.left(3), QStringLiteral("220"));
    QVERIFY(!window.lesson().isAnswered(reply));
    window.answer(QStringLiteral("250"));
    QVERIFY(window.answerFeedback().contains(QStringLiteral("220")));
    // Stepping does not pass it while it is asked...
    playback->stepForward();
    QVERIFY(playback->position() < reply);
    // ...Continue shows it.
    window.continueAfterAsk();
    QCOMPARE(playback->position(), reply);
    QVERIFY(!window.isPredictionShown());

    // The client's line is not guessed; the next reply is, with 250 among four choices.
    playback->stepForward();
    QCOMPARE(eventAt(window, playback->position()).text.left(4), QStringLiteral("HELO"));
    playback->stepForward();
    QVERIFY(window.isPredictionShown());
    const auto buttons = window.findChildren<QRadioButton *>();
    QStringList choices;
    for (QRadioButton *button : buttons)
        if (button->isVisibleTo(&window))
            choices << button->text();
    QCOMPARE(choices.size(), 4);
    QVERIFY(choices.contains(QStringLiteral("250")));
    window.answer(QStringLiteral("250"));
    window.continueAfterAsk();
    QCOMPARE(window.lesson().predictions(), 2);
    QCOMPARE(window.lesson().predictionsRight(), 1);

    // Off: the playback goes on without asking.
    window.setPredicting(false);
    const int before = playback->position();
    playback->stepForward();
    playback->stepForward();
    QCOMPARE(playback->position() > before + 1, true);
    QVERIFY(!window.isPredictionShown());
}

void TestAppLesson::playingStopsAndResumes()
{
    MainWindow window;
    QVERIFY(window.openScenario(scenario("07-pop3-delete-or-keep.yaml")));
    window.setPredicting(true);
    PlaybackController *playback = window.playback();
    playback->setSpeed(64);
    playback->play();
    QTRY_VERIFY(window.isPredictionShown());
    QVERIFY(!playback->isPlaying());
    window.continueAfterAsk();
    QVERIFY(playback->isPlaying());
    QTRY_VERIFY(window.isPredictionShown()); // the next reply stops it again
}

void TestAppLesson::summaryAtTheEndAndExport()
{
    MainWindow window;
    window.show();
    QVERIFY(window.openScenario(scenario("01-alice-to-bob.yaml")));
    window.setPredicting(true);
    window.playback()->stepForward();
    window.answer(QStringLiteral("220"));
    window.continueAfterAsk();
    window.setPredicting(false);
    QVERIFY(!window.lessonSummary());
    window.playback()->toEnd();
    QVERIFY(window.lessonSummary() && window.lessonSummary()->isVisible());
    const QString markdown = window.lessonSummary()->markdown();
    QVERIFY(markdown.contains(QStringLiteral("Replies predicted: 1 right of 1.")));
    QVERIFY(markdown.contains(QStringLiteral("\u2714 (00:00:00.020) What will mail.crepes.fr "
                                             "answer? \u2014 right: 220")));
    // The lesson's questions left unanswered are to review.
    QVERIFY(markdown.contains(QStringLiteral("not answered")));

    QTemporaryDir dir;
    QString error;
    QVERIFY(window.lessonSummary()->exportTo(dir.filePath(QStringLiteral("s.html")), &error));
    QFile html(dir.filePath(QStringLiteral("s.html")));
    QVERIFY(html.open(QIODevice::ReadOnly));
    QVERIFY(html.readAll().contains("Replies predicted"));
    QVERIFY(!window.lessonSummary()->exportTo(dir.filePath(QStringLiteral("no/s.md")), &error));
    QVERIFY(error.contains(QStringLiteral("no/s.md")));
}

QTEST_MAIN(TestAppLesson)
#include "tst_applesson.moc"
