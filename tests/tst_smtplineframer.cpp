#include "core/smtp/smtplineframer.h"

#include <QtTest>

using namespace carteiro::core;

class SmtpLineFramerTest : public QObject
{
    Q_OBJECT

private slots:
    void lines_data();
    void lines();
    void memoryStaysBounded();
    void limitChosenPerLine();
};

void SmtpLineFramerTest::lines_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<int>("limit");
    QTest::addColumn<QByteArrayList>("texts"); // "<too long>" marks a refused line
    QTest::addColumn<bool>("partial");
    QTest::newRow("CRLF") << QByteArray("HELO a\r\nNOOP\r\n") << 512
                          << QByteArrayList{"HELO a", "NOOP"} << false;
    QTest::newRow("bare LF") << QByteArray("HELO a\nNOOP\n") << 512
                             << QByteArrayList{"HELO a", "NOOP"} << false;
    QTest::newRow("empty lines") << QByteArray("\r\n\n") << 512 << QByteArrayList{"", ""} << false;
    QTest::newRow("unfinished") << QByteArray("NOOP\r\nQU") << 512 << QByteArrayList{"NOOP"}
                                << true;
    QTest::newRow("CR inside a line stays")
        << QByteArray("a\rb\r\n") << 512 << QByteArrayList{"a\rb"} << false;
    // RFC 5321 section 4.5.3.1.4: 512 octets with the CRLF, even when the line ended in LF.
    QTest::newRow("at the limit") << QByteArray(510, 'x') + "\r\n"
                                  << 512 << QByteArrayList{QByteArray(510, 'x')} << false;
    QTest::newRow("one over") << QByteArray(511, 'x') + "\r\nok\r\n"
                              << 512 << QByteArrayList{"<too long>", "ok"} << false;
    QTest::newRow("one over with LF") << QByteArray(511, 'x') + "\nok\n"
                                      << 512 << QByteArrayList{"<too long>", "ok"} << false;
    QTest::newRow("far over") << QByteArray(100000, 'x') + "\r\nok\r\n"
                              << 512 << QByteArrayList{"<too long>", "ok"} << false;
}

void SmtpLineFramerTest::lines()
{
    QFETCH(QByteArray, input);
    QFETCH(int, limit);
    QFETCH(QByteArrayList, texts);
    QFETCH(bool, partial);
    for (const bool byByte : {false, true}) {
        SmtpLineFramer framer;
        QByteArrayList got;
        const auto drain = [&] {
            while (const auto line = framer.next(limit))
                got << (line->tooLong ? QByteArray("<too long>") : line->text.toByteArray());
        };
        if (byByte) {
            for (char byte : input) {
                framer.feed(QByteArray(1, byte));
                drain();
            }
        } else {
            framer.feed(input);
            drain();
        }
        QCOMPARE(got, texts);
        QCOMPARE(framer.hasPartialLine(), partial);
    }
}

void SmtpLineFramerTest::memoryStaysBounded()
{
    SmtpLineFramer framer;
    for (int i = 0; i < 1000; ++i) {
        framer.feed(QByteArray(1000, 'x'));
        QVERIFY(!framer.next(kSmtpMaxCommandLine));
    }
    QVERIFY(framer.hasPartialLine());
    framer.feed("\r\n");
    const auto line = framer.next(kSmtpMaxCommandLine);
    QVERIFY(line && line->tooLong && line->text.isEmpty());
    QVERIFY(!framer.hasPartialLine());
}

void SmtpLineFramerTest::limitChosenPerLine()
{
    // A session switches to the text limit after DATA, in the middle of a pipelined chunk.
    SmtpLineFramer framer;
    framer.feed("DATA\r\n" + QByteArray(900, 'b') + "\r\n");
    QCOMPARE(framer.next(kSmtpMaxCommandLine)->text.toByteArray(), QByteArray("DATA"));
    const auto body = framer.next(kSmtpMaxTextLine);
    QVERIFY(body && !body->tooLong);
    QCOMPARE(body->text.size(), 900);
}

QTEST_GUILESS_MAIN(SmtpLineFramerTest)
#include "tst_smtplineframer.moc"
