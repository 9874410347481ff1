#include "core/smtp/smtpcommand.h"

#include <QtTest>

using namespace carteiro::core;

Q_DECLARE_METATYPE(SmtpVerb)

using Params = QMap<QString, QString>;

class SmtpCommandTest : public QObject
{
    Q_OBJECT

private slots:
    void valid_data();
    void valid();
    void invalid_data();
    void invalid();
    void limits();
};

void SmtpCommandTest::valid_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<SmtpVerb>("verb");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("path");
    QTest::addColumn<Params>("params");

    QTest::newRow("HELO") << QByteArray("HELO crepes.fr") << SmtpVerb::Helo << "crepes.fr"
                          << "" << Params{};
    QTest::newRow("lower case") << QByteArray("ehlo crepes.fr  ") << SmtpVerb::Ehlo << "crepes.fr"
                                << "" << Params{};
    QTest::newRow("MAIL") << QByteArray("MAIL FROM:<alice@crepes.fr>") << SmtpVerb::Mail
                          << "FROM:<alice@crepes.fr>"
                          << "alice@crepes.fr" << Params{};
    QTest::newRow("textbook MAIL")
        << QByteArray("MAIL FROM: <alice@crepes.fr>") << SmtpVerb::Mail << "FROM: <alice@crepes.fr>"
        << "alice@crepes.fr" << Params{};
    QTest::newRow("mixed case keyword")
        << QByteArray("Mail From:<alice@crepes.fr>") << SmtpVerb::Mail << "From:<alice@crepes.fr>"
        << "alice@crepes.fr" << Params{};
    QTest::newRow("null path") << QByteArray("MAIL FROM:<>") << SmtpVerb::Mail << "FROM:<>"
                               << "" << Params{};
    QTest::newRow("parameters") << QByteArray("MAIL FROM:<alice@crepes.fr> size=1024 BODY=8BITMIME")
                                << SmtpVerb::Mail
                                << "FROM:<alice@crepes.fr> size=1024 BODY=8BITMIME"
                                << "alice@crepes.fr"
                                << Params{{"SIZE", "1024"}, {"BODY", "8BITMIME"}};
    QTest::newRow("RCPT") << QByteArray("RCPT TO:<bob@hamburger.edu>") << SmtpVerb::Rcpt
                          << "TO:<bob@hamburger.edu>"
                          << "bob@hamburger.edu" << Params{};
    QTest::newRow("source route") << QByteArray("RCPT TO:<@a.org,@b.org:bob@hamburger.edu>")
                                  << SmtpVerb::Rcpt << "TO:<@a.org,@b.org:bob@hamburger.edu>"
                                  << "bob@hamburger.edu" << Params{};
    QTest::newRow("postmaster") << QByteArray("RCPT TO:<Postmaster>") << SmtpVerb::Rcpt
                                << "TO:<Postmaster>"
                                << "Postmaster" << Params{};
    QTest::newRow("quoted local part") << QByteArray("RCPT TO:<\"bob smith\"@hamburger.edu>")
                                       << SmtpVerb::Rcpt << "TO:<\"bob smith\"@hamburger.edu>"
                                       << "\"bob smith\"@hamburger.edu" << Params{};
    QTest::newRow("address literal")
        << QByteArray("RCPT TO:<bob@[192.0.2.1]>") << SmtpVerb::Rcpt << "TO:<bob@[192.0.2.1]>"
        << "bob@[192.0.2.1]" << Params{};
    QTest::newRow("DATA") << QByteArray("DATA") << SmtpVerb::Data << ""
                          << "" << Params{};
    QTest::newRow("NOOP with text") << QByteArray("NOOP hi there") << SmtpVerb::Noop << "hi there"
                                    << "" << Params{};
    QTest::newRow("QUIT with words") << QByteArray("QUIT now") << SmtpVerb::Quit << "now"
                                     << "" << Params{};
    QTest::newRow("VRFY") << QByteArray("VRFY bob") << SmtpVerb::Vrfy << "bob"
                          << "" << Params{};
    QTest::newRow("AUTH") << QByteArray("AUTH PLAIN AGJvYgBrZXRjaHVw") << SmtpVerb::Auth
                          << "PLAIN AGJvYgBrZXRjaHVw"
                          << "" << Params{};
}

void SmtpCommandTest::valid()
{
    QFETCH(QByteArray, line);
    QFETCH(SmtpVerb, verb);
    QFETCH(QString, argument);
    QFETCH(QString, path);
    QFETCH(Params, params);
    const SmtpCommandParser::Result result = SmtpCommandParser().parse(line);
    const auto *command = std::get_if<SmtpCommand>(&result);
    if (!command)
        QFAIL(qPrintable(std::get<SmtpCommandError>(result).text));
    QCOMPARE(command->verb, verb);
    QCOMPARE(command->argument, argument);
    QCOMPARE(command->path, path);
    QCOMPARE(command->params, params);
}

void SmtpCommandTest::invalid_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("enhanced");
    QTest::addColumn<QString>("text");

    const QString mailUsage = QStringLiteral("Syntax: MAIL FROM:<address>");
    const QString badSender = QStringLiteral("Bad sender address syntax");
    const QString badRecipient = QStringLiteral("Bad recipient address syntax");
    QTest::newRow("unknown") << QByteArray("FOO") << 500 << "5.5.2"
                             << "Error: command not recognized";
    QTest::newRow("empty") << QByteArray("") << 500 << "5.5.2"
                           << "Error: command not recognized";
    QTest::newRow("leading space") << QByteArray(" HELO x") << 500 << "5.5.2"
                                   << "Error: command not recognized";
    QTest::newRow("HELO alone") << QByteArray("HELO") << 501 << "5.5.4"
                                << "Syntax: HELO hostname";
    QTest::newRow("no brackets") << QByteArray("MAIL FROM:alice@crepes.fr") << 501 << "5.5.4"
                                 << mailUsage;
    QTest::newRow("no FROM") << QByteArray("MAIL <alice@crepes.fr>") << 501 << "5.5.4" << mailUsage;
    QTest::newRow("unclosed") << QByteArray("MAIL FROM:<alice@crepes.fr") << 501 << "5.5.4"
                              << mailUsage;
    QTest::newRow("junk after path")
        << QByteArray("MAIL FROM:<a@b.c>x") << 501 << "5.5.4" << mailUsage;
    QTest::newRow("double at") << QByteArray("MAIL FROM:<a@@b.c>") << 501 << "5.1.7" << badSender;
    QTest::newRow("empty domain") << QByteArray("MAIL FROM:<a@>") << 501 << "5.1.7" << badSender;
    QTest::newRow("leading dot") << QByteArray("MAIL FROM:<.a@b.c>") << 501 << "5.1.7" << badSender;
    QTest::newRow("bad label") << QByteArray("MAIL FROM:<a@-b.c>") << 501 << "5.1.7" << badSender;
    QTest::newRow("route without colon")
        << QByteArray("RCPT TO:<@a.org>") << 501 << "5.1.3" << badRecipient;
    QTest::newRow("null recipient") << QByteArray("RCPT TO:<>") << 501 << "5.1.3" << badRecipient;
    QTest::newRow("bad parameter") << QByteArray("MAIL FROM:<a@b.c> =x") << 501 << "5.5.4"
                                   << "Bad parameter syntax: =x";
    QTest::newRow("DATA with argument") << QByteArray("DATA x") << 501 << "5.5.4"
                                        << "Syntax: DATA";
    QTest::newRow("AUTH alone") << QByteArray("AUTH") << 501 << "5.5.4"
                                << "Syntax: AUTH mechanism [initial-response]";
}

void SmtpCommandTest::invalid()
{
    QFETCH(QByteArray, line);
    QFETCH(int, code);
    QFETCH(QString, enhanced);
    QFETCH(QString, text);
    const SmtpCommandParser::Result result = SmtpCommandParser().parse(line);
    const auto *error = std::get_if<SmtpCommandError>(&result);
    QVERIFY(error);
    QCOMPARE(error->code(), code);
    QCOMPARE(error->enhanced, enhanced);
    QCOMPARE(error->text, text);
}

void SmtpCommandTest::limits()
{
    // RFC 5321 section 4.5.3.1.1: 64 octets of local part; 4.5.3.1.3: 256 octets of path.
    const SmtpCommandParser parser;
    const QByteArray local64(64, 'a');
    QVERIFY(std::holds_alternative<SmtpCommand>(parser.parse("RCPT TO:<" + local64 + "@b.c>")));
    const auto tooLongLocal = parser.parse("RCPT TO:<" + local64 + "a@b.c>");
    QVERIFY(std::holds_alternative<SmtpCommandError>(tooLongLocal));
    QCOMPARE(std::get<SmtpCommandError>(tooLongLocal).text, QStringLiteral("Path too long"));
    QByteArray domain;
    while (domain.size() < 260)
        domain += "abcdefghi.";
    domain += "org";
    const auto tooLongPath = parser.parse("RCPT TO:<a@" + domain + ">");
    QVERIFY(std::holds_alternative<SmtpCommandError>(tooLongPath));
    QCOMPARE(std::get<SmtpCommandError>(tooLongPath).text, QStringLiteral("Path too long"));
    QCOMPARE(SmtpCommandParser::verbFromName(QStringLiteral("rcpt")), SmtpVerb::Rcpt);
    QVERIFY(!SmtpCommandParser::verbFromName(QStringLiteral("XYZZY")));
}

QTEST_GUILESS_MAIN(SmtpCommandTest)
#include "tst_smtpcommand.moc"
