#include "core/scenario/scenarioloader.h"

#include <QDir>
#include <QFile>
#include <QtTest>

using namespace carteiro::core;

// The scenario loader against the contract (SCENARIO-FORMAT.md) and docs/scenario-format.md:
// every key lands in the model, and every bad file gets every error, each at its
// FILE:LINE:COL, in file order.
class TestScenarioLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void parseDuration_data();
    void parseDuration();
    void parseSize_data();
    void parseSize();

    void contractExample();
    void contractExampleAsWritten();
    void extensionsAndDefaults();
    void policyModes_data();
    void policyModes();
    void stepsKeepFileOrder();
    void askChoicesInTwoLanguages();

    void malformed_data();
    void malformed();
    void everyMalformedFileHasARow();
    void unreadableFile();
    void damagedFilesNeverThrow();
    void yamlParserTraps_data();
    void yamlParserTraps();
    void errorToString();

private:
    static QStringList lines(const ScenarioLoadResult &result);
    static ScenarioLoadResult loadHost(const QByteArray &hostKeys);
};

void TestScenarioLoader::initTestCase()
{
    // File names in errors are as passed: relative to the test data folder.
    QVERIFY(QDir::setCurrent(QStringLiteral(CARTEIRO_TEST_DATA)));
}

QStringList TestScenarioLoader::lines(const ScenarioLoadResult &result)
{
    QStringList lines;
    for (const ScenarioError &error : result.errors)
        lines.append(error.toString());
    return lines;
}

ScenarioLoadResult TestScenarioLoader::loadHost(const QByteArray &hostKeys)
{
    return ScenarioLoader::loadText("carteiro: 1\nhosts:\n  mail.crepes.fr: {role: mta, " +
                                        hostKeys + "}\n",
                                    QStringLiteral("inline.yaml"));
}

void TestScenarioLoader::parseDuration_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("milliseconds");

    QTest::newRow("ms") << "250ms" << true << qint64(250);
    QTest::newRow("seconds") << "20s" << true << 20 * kSecond;
    QTest::newRow("minutes") << "30m" << true << 30 * kMinute;
    QTest::newRow("hours") << "4h" << true << 4 * kHour;
    QTest::newRow("days") << "4d" << true << 4 * kDay;
    QTest::newRow("hours and minutes") << "1h30m" << true << 90 * kMinute;
    QTest::newRow("seconds and ms") << "2s500ms" << true << qint64(2500);
    QTest::newRow("every unit") << "1d2h3m4s5ms" << true
                                << kDay + 2 * kHour + 3 * kMinute + 4 * kSecond + 5;
    QTest::newRow("bare number is seconds") << "20" << true << 20 * kSecond;
    QTest::newRow("bare decimal") << "1.5" << true << qint64(1500);
    QTest::newRow("decimal with unit") << "1.5h" << true << 90 * kMinute;
    QTest::newRow("zero") << "0" << true << qint64(0);
    QTest::newRow("zero seconds") << "0s" << true << qint64(0);
    QTest::newRow("surrounding spaces") << " 20s " << true << 20 * kSecond;

    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("word") << "soon" << false << qint64(0);
    QTest::newRow("space inside") << "20 s" << false << qint64(0);
    QTest::newRow("negative") << "-5s" << false << qint64(0);
    QTest::newRow("negative bare") << "-5" << false << qint64(0);
    QTest::newRow("number without unit") << "1h30" << false << qint64(0);
    QTest::newRow("unit alone") << "s" << false << qint64(0);
    QTest::newRow("upper case unit") << "20S" << false << qint64(0);
    QTest::newRow("dot without fraction") << "1.h" << false << qint64(0);
    QTest::newRow("no leading digit") << ".5s" << false << qint64(0);
    QTest::newRow("long unit") << "20sec" << false << qint64(0);
    QTest::newRow("exponent") << "1e3" << false << qint64(0);
    QTest::newRow("unknown unit") << "5w" << false << qint64(0);
    QTest::newRow("absurdly long") << "99999999d" << false << qint64(0);
}

void TestScenarioLoader::parseDuration()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, milliseconds);
    const std::optional<SimTime> parsed = ScenarioLoader::parseDuration(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, milliseconds);
}

void TestScenarioLoader::parseSize_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<qint64>("bytes");

    QTest::newRow("bytes") << "512" << true << qint64(512);
    QTest::newRow("bytes with B") << "512B" << true << qint64(512);
    QTest::newRow("KB is 1024") << "3KB" << true << qint64(3 * 1024);
    QTest::newRow("MB") << "2MB" << true << qint64(2 * 1024 * 1024);
    QTest::newRow("GB") << "1GB" << true << qint64(1024) * 1024 * 1024;
    QTest::newRow("K alone") << "1K" << true << qint64(1024);
    QTest::newRow("KiB") << "1KiB" << true << qint64(1024);
    QTest::newRow("lower case") << "1kb" << true << qint64(1024);
    QTest::newRow("decimal MB") << "1.5MB" << true << qint64(1572864);
    QTest::newRow("zero") << "0" << true << qint64(0);

    QTest::newRow("empty") << "" << false << qint64(0);
    QTest::newRow("word") << "big" << false << qint64(0);
    QTest::newRow("negative") << "-1" << false << qint64(0);
    QTest::newRow("unknown unit") << "3XB" << false << qint64(0);
    QTest::newRow("fraction of a byte") << "1.5" << false << qint64(0);
    QTest::newRow("space inside") << "3 KB" << false << qint64(0);
    QTest::newRow("unit alone") << "KB" << false << qint64(0);
}

void TestScenarioLoader::parseSize()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    QFETCH(qint64, bytes);
    const std::optional<qint64> parsed = ScenarioLoader::parseSize(text);
    QCOMPARE(parsed.has_value(), valid);
    if (valid)
        QCOMPARE(*parsed, bytes);
}

// The Shape section of SCENARIO-FORMAT.md, with the two MX hosts it names but does not define.
void TestScenarioLoader::contractExample()
{
    const ScenarioLoadResult result =
        ScenarioLoader::loadFile(QStringLiteral("contract-example-complete.yaml"));
    QCOMPARE(lines(result), QStringList());
    QVERIFY(result.ok());
    const Scenario &s = result.scenario;

    QCOMPARE(s.fileName, QStringLiteral("contract-example-complete.yaml"));
    QCOMPARE(s.version, 1);
    QCOMPARE(s.title.en, QStringLiteral("Alice sends mail to Bob"));
    QCOMPARE(s.title.pt, QStringLiteral("Alice envia uma mensagem para Bob"));
    QCOMPARE(s.title.text(QStringLiteral("pt_BR")),
             QStringLiteral("Alice envia uma mensagem para Bob"));
    QCOMPARE(s.summary.en, QStringLiteral("..."));
    QCOMPARE(s.seed, quint64(7));
    QCOMPARE(s.latency, SimTime(20));
    QCOMPARE(s.retry.every, 30 * kMinute);
    QCOMPARE(s.retry.giveUpAfter, 4 * kDay);
    QCOMPARE(s.style, SmtpStyle::Classic);

    // dns
    QCOMPARE(s.dns.size(), 2);
    const DnsZone *crepes = s.zone(QStringLiteral("crepes.fr"));
    QVERIFY(crepes);
    QCOMPARE(crepes->mx.size(), 1);
    QCOMPARE(crepes->mx[0].host, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(crepes->mx[0].preference, 10);
    QCOMPARE(crepes->hasAddress, false);
    QCOMPARE(crepes->pos.line, 12);
    const DnsZone *hamburger = s.zone(QStringLiteral("HAMBURGER.edu"));
    QVERIFY(hamburger);
    QCOMPARE(hamburger->mx.size(), 2);
    QCOMPARE(hamburger->mx[1].host, QStringLiteral("mx2.hamburger.edu"));
    QCOMPARE(hamburger->mx[1].preference, 20);

    // hosts
    QCOMPARE(s.hosts.size(), 4);
    const HostSpec *mail = s.host(QStringLiteral("mail.crepes.fr"));
    QVERIFY(mail);
    QCOMPARE(mail->role, HostRole::Mta);
    QCOMPARE(mail->pos.line, 22);
    QCOMPARE(mail->pos.column, 3);
    QCOMPARE(mail->localDomains, QStringList{QStringLiteral("crepes.fr")});
    QCOMPARE(mail->greeting, QStringLiteral("crepes.fr"));
    QCOMPARE(mail->services, (QStringList{QStringLiteral("smtp"), QStringLiteral("submission"),
                                          QStringLiteral("pop3"), QStringLiteral("imap")}));
    QCOMPARE(mail->vrfyMode, 0);
    QCOMPARE(mail->expnMode, 502);
    QCOMPARE(mail->lists.value(QStringLiteral("staff@crepes.fr")),
             (QStringList{QStringLiteral("alice@crepes.fr"), QStringLiteral("carol@crepes.fr")}));
    QCOMPARE(mail->maxRecipients, 100);
    QVERIFY(mail->retry.has_value());
    QCOMPARE(mail->retry->every, 15 * kMinute);
    QCOMPARE(mail->retry->giveUpAfter, 2 * kDay);
    QCOMPARE(mail->style, std::optional<SmtpStyle>(SmtpStyle::Modern));
    const HostSpec *alicePc = s.host(QStringLiteral("alice-pc"));
    QVERIFY(alicePc);
    QCOMPARE(alicePc->role, HostRole::Client);
    QCOMPARE(alicePc->user, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(alicePc->submitTo, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(alicePc->accessProtocol, QStringLiteral("pop3"));
    QCOMPARE(alicePc->accessServer, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(s.host(QStringLiteral("mx2.hamburger.edu"))->localDomains,
             QStringList{QStringLiteral("hamburger.edu")});

    // users and links
    QCOMPARE(s.users.size(), 2);
    QCOMPARE(s.user(QStringLiteral("alice@crepes.fr"))->name, QStringLiteral("Alice"));
    QCOMPARE(s.user(QStringLiteral("alice@crepes.fr"))->password, QStringLiteral("faminta"));
    QCOMPARE(s.user(QStringLiteral("Bob@Hamburger.edu"))->password, QStringLiteral("ketchup"));
    QCOMPARE(s.links.size(), 1);
    QCOMPARE(s.links[0].a, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(s.links[0].b, QStringLiteral("mx1.hamburger.edu"));
    QCOMPARE(s.links[0].latency, SimTime(120));

    // steps, in file order
    QCOMPARE(s.steps.size(), 6);
    const Step &send = s.steps[0];
    QCOMPARE(send.kind, Step::Kind::Send);
    QCOMPARE(send.at, SimTime(0));
    QCOMPARE(send.send.from, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(send.send.to, QStringList{QStringLiteral("bob@hamburger.edu")});
    QVERIFY(send.send.cc.isEmpty());
    QCOMPARE(send.send.subject, QStringLiteral("Do you like ketchup?"));
    QCOMPARE(send.send.body, QStringLiteral("Do you like ketchup?\nHow about pickles?\n"));
    QCOMPARE(send.send.attachments.size(), 1);
    QCOMPARE(send.send.attachments[0].name, QStringLiteral("crepe.jpg"));
    QCOMPARE(send.send.attachments[0].type, QStringLiteral("image/jpeg"));
    QCOMPARE(send.send.attachments[0].size, qint64(3 * 1024));

    const Step &fetch = s.steps[1];
    QCOMPARE(fetch.kind, Step::Kind::Fetch);
    QCOMPARE(fetch.at, 2 * kMinute);
    QCOMPARE(fetch.fetch.user, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(fetch.fetch.protocol, QStringLiteral("pop3"));
    QCOMPARE(fetch.fetch.deleteAfter, true);

    const Step &telnet = s.steps[2];
    QCOMPARE(telnet.kind, Step::Kind::Telnet);
    QCOMPARE(telnet.telnet.from, QStringLiteral("alice-pc"));
    QCOMPARE(telnet.telnet.to, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(telnet.telnet.port, 25);
    QCOMPARE(telnet.telnet.lines,
             (QStringList{QStringLiteral("HELO crepes.fr"), QStringLiteral("VRFY bob"),
                          QStringLiteral("EXPN staff"), QStringLiteral("TURN"),
                          QStringLiteral("QUIT")}));

    const Step &note = s.steps[3];
    QCOMPARE(note.kind, Step::Kind::Note);
    QCOMPARE(note.at, 30 * kSecond);
    QCOMPARE(note.note.en, QStringLiteral("The 354 reply invites the message body."));
    QCOMPARE(note.note.pt, QStringLiteral("A resposta 354 convida o corpo da mensagem."));

    const Step &ask = s.steps[4];
    QCOMPARE(ask.kind, Step::Kind::Ask);
    QCOMPARE(ask.at, 31 * kSecond);
    QCOMPARE(ask.ask.question.en, QStringLiteral("What does the server answer to DATA?"));
    QCOMPARE(ask.ask.question.pt, QStringLiteral("O que o servidor responde ao DATA?"));
    QCOMPARE(ask.ask.choices,
             (QStringList{QStringLiteral("250"), QStringLiteral("354"), QStringLiteral("550")}));
    QCOMPARE(ask.ask.answer, QStringLiteral("354"));

    const Step &fault = s.steps[5];
    QCOMPARE(fault.kind, Step::Kind::Fault);
    QCOMPARE(fault.at, SimTime(0));
    QCOMPARE(fault.fault.kind, QStringLiteral("down"));
    QCOMPARE(fault.fault.host, QStringLiteral("mx1.hamburger.edu"));
    QCOMPARE(fault.fault.duration, std::optional<SimTime>(2 * kHour));
    QVERIFY(!fault.fault.until.has_value());
}

// The Shape section exactly as written: it names mx1/mx2.hamburger.edu without defining them,
// which the contract makes an error. Everything else still lands in the model.
void TestScenarioLoader::contractExampleAsWritten()
{
    const ScenarioLoadResult result =
        ScenarioLoader::loadFile(QStringLiteral("contract-example.yaml"));
    QCOMPARE(lines(result),
             (QStringList{
                 "contract-example.yaml:16:16: error: undefined host 'mx1.hamburger.edu' (hosts "
                 "are listed under 'hosts')",
                 "contract-example.yaml:17:16: error: undefined host 'mx2.hamburger.edu' (hosts "
                 "are listed under 'hosts')",
                 "contract-example.yaml:44:32: error: undefined host 'mx1.hamburger.edu' (hosts "
                 "are listed under 'hosts')",
                 "contract-example.yaml:72:19: error: undefined host 'mx1.hamburger.edu' (hosts "
                 "are listed under 'hosts')",
             }));
    QCOMPARE(result.scenario.hosts.size(), 2);
    QCOMPARE(result.scenario.steps.size(), 6);
    QCOMPARE(result.scenario.links.size(), 1);
}

void TestScenarioLoader::extensionsAndDefaults()
{
    const ScenarioLoadResult result = ScenarioLoader::loadFile(QStringLiteral("extensions.yaml"));
    QCOMPARE(lines(result), QStringList());
    const Scenario &s = result.scenario;

    QCOMPARE(s.latency, SimTime(20));
    QCOMPARE(s.style, SmtpStyle::Classic);
    QCOMPARE(s.seed, quint64(0));
    QCOMPARE(s.retry.every, 30 * kMinute);
    QCOMPARE(s.retry.giveUpAfter, kDay);

    const HostSpec *mail = s.host(QStringLiteral("mail.crepes.fr"));
    QCOMPARE(mail->maxMessageSize, qint64(2 * 1024 * 1024));
    QCOMPARE(mail->vrfyMode, 502);
    QCOMPARE(mail->expnMode, 0);
    // defaults.retry comes later in the file, and still fills what the host leaves out.
    QCOMPARE(mail->retry->every, 10 * kMinute);
    QCOMPARE(mail->retry->giveUpAfter, kDay);

    const HostSpec *mx = s.host(QStringLiteral("mx.hamburger.edu"));
    QCOMPARE(mx->vrfyMode, 252);
    QCOMPARE(mx->expnMode, 252);
    QCOMPARE(mx->maxMessageSize, qint64(10'485'760));
    QCOMPARE(mx->maxRecipients, 100);
    QCOMPARE(mx->services, QStringList{QStringLiteral("smtp")});
    QVERIFY(!mx->retry.has_value());
    QVERIFY(!mx->style.has_value());
    QVERIFY(mx->greeting.isEmpty());

    const HostSpec *webmail = s.host(QStringLiteral("webmail.crepes.fr"));
    QCOMPARE(webmail->role, HostRole::Webmail);
    QCOMPARE(webmail->submitTo, QStringLiteral("mail.crepes.fr"));
    // A webmail reads its mail server by IMAP (seed 002) unless the file says otherwise.
    QCOMPARE(webmail->accessProtocol, QStringLiteral("imap"));
    QCOMPARE(webmail->accessServer, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(s.host(QStringLiteral("ns.crepes.fr"))->role, HostRole::Dns);

    QCOMPARE(s.zone(QStringLiteral("crepes.fr"))->mx.size(), 1);
    QCOMPARE(s.zone(QStringLiteral("crepes.fr"))->mx[0].host, QStringLiteral("mail.crepes.fr"));
    QCOMPARE(s.zone(QStringLiteral("crepes.fr"))->mx[0].preference, 10);
    QVERIFY(s.zone(QStringLiteral("hamburger.edu")));
    QVERIFY(s.zone(QStringLiteral("hamburger.edu"))->mx.isEmpty());
    QVERIFY(!s.zone(QStringLiteral("hamburger.edu"))->hasAddress);
    QVERIFY(s.zone(QStringLiteral("mx.hamburger.edu"))->hasAddress);

    QVERIFY(s.user(QStringLiteral("alice@crepes.fr"))->name.isEmpty());

    QCOMPARE(s.steps.size(), 13);
    QCOMPARE(s.steps[0].send.to, QStringList{QStringLiteral("bob@hamburger.edu")});
    QCOMPARE(s.steps[0].send.cc, QStringList{QStringLiteral("nobody@nowhere.example")});
    QCOMPARE(s.steps[1].at, SimTime(1500));
    QCOMPARE(s.steps[1].fetch.protocol, QStringLiteral("imap")); // from bob-pc's access
    QCOMPARE(s.steps[2].at, 90 * kSecond);
    QCOMPARE(s.steps[2].fault.code, 550);
    QCOMPARE(s.steps[2].fault.recipient, QStringLiteral("carol@hamburger.edu"));
    QCOMPARE(s.steps[2].fault.stage, QStringLiteral("rcpt"));
    QCOMPARE(s.steps[3].fault.sender, QStringLiteral("alice@crepes.fr"));
    QCOMPARE(s.steps[3].fault.stage, QStringLiteral("mail"));
    QCOMPARE(s.steps[3].fault.until, std::optional<SimTime>(kHour));
    QCOMPARE(s.steps[4].fault.stage, QStringLiteral("rcpt"));
    QCOMPARE(s.steps[4].fault.text, QStringLiteral("No thanks"));
    QCOMPARE(s.steps[5].fault.kind, QStringLiteral("drop"));
    QCOMPARE(s.steps[5].fault.stage, QStringLiteral("data"));
    QCOMPARE(s.steps[5].fault.at, 5 * kSecond);
    QCOMPARE(s.steps[5].fault.duration, std::optional<SimTime>(10 * kSecond));
    QCOMPARE(s.steps[6].fault.user, QStringLiteral("bob@hamburger.edu"));
    QCOMPARE(s.steps[6].fault.permanent, true);
    QCOMPARE(s.steps[7].fault.between,
             (QStringList{QStringLiteral("mail.crepes.fr"), QStringLiteral("mx.hamburger.edu")}));
    QCOMPARE(s.steps[7].fault.latency, SimTime(250));
    QCOMPARE(s.steps[8].fault.domain, QStringLiteral("hamburger.edu"));
    QCOMPARE(s.steps[9].fault.kind, QStringLiteral("dns-fail"));
    QCOMPARE(s.steps[10].fault.port, 0);
    QCOMPARE(s.steps[11].telnet.port, 110);
    QCOMPARE(s.steps[11].telnet.lines, QStringList{QStringLiteral("QUIT")});
    QCOMPARE(s.steps[12].note.text(QStringLiteral("pt")), QStringLiteral("Plain text note"));
}

void TestScenarioLoader::policyModes_data()
{
    QTest::addColumn<QByteArray>("keys");
    QTest::addColumn<int>("vrfyMode");
    QTest::addColumn<int>("expnMode");

    QTest::newRow("defaults") << QByteArray() << 0 << 502;
    QTest::newRow("true") << QByteArray("vrfy: true, expn: true") << 0 << 0;
    QTest::newRow("false") << QByteArray("vrfy: false, expn: false") << 252 << 502;
    QTest::newRow("252") << QByteArray("vrfy: 252, expn: 252") << 252 << 252;
    QTest::newRow("502") << QByteArray("vrfy: 502, expn: 502") << 502 << 502;
}

void TestScenarioLoader::policyModes()
{
    QFETCH(QByteArray, keys);
    QFETCH(int, vrfyMode);
    QFETCH(int, expnMode);
    const ScenarioLoadResult result = loadHost(keys);
    QCOMPARE(lines(result), QStringList());
    QCOMPARE(result.scenario.hosts[0].vrfyMode, vrfyMode);
    QCOMPARE(result.scenario.hosts[0].expnMode, expnMode);
}

void TestScenarioLoader::stepsKeepFileOrder()
{
    const ScenarioLoadResult result =
        ScenarioLoader::loadText("carteiro: 1\nsteps:\n  - {at: 2h, note: c}\n  - note: a\n"
                                 "  - {at: 1m, note: b}\n",
                                 QStringLiteral("order.yaml"));
    QVERIFY(result.ok());
    QCOMPARE(result.scenario.steps.size(), 3);
    QCOMPARE(result.scenario.steps[0].at, 2 * kHour);
    QCOMPARE(result.scenario.steps[1].at, SimTime(0));
    QCOMPARE(result.scenario.steps[1].pos.line, 4);
    QCOMPARE(result.scenario.steps[2].note.en, QStringLiteral("b"));
}

void TestScenarioLoader::askChoicesInTwoLanguages()
{
    // A choice is a text: plain (a code, a host) or {en:, pt:}; the answer names the English.
    const ScenarioLoadResult result = ScenarioLoader::loadText(
        "carteiro: 1\nsteps:\n  - ask:\n      question: {en: \"Where?\", pt: \"Onde?\"}\n"
        "      choices: [{en: on the server, pt: no servidor}, \"mail.crepes.fr\"]\n"
        "      answer: on the server\n",
        QStringLiteral("choices.yaml"));
    QVERIFY2(result.ok(), qPrintable(lines(result).join(QLatin1Char('\n'))));
    const AskStep &ask = result.scenario.steps.at(0).ask;
    QCOMPARE(ask.choices, (QStringList{"on the server", "mail.crepes.fr"}));
    QCOMPARE(ask.choicesPt, (QStringList{"no servidor", QString()}));
    QCOMPARE(ask.choice(0, QStringLiteral("pt")), QStringLiteral("no servidor"));
    QCOMPARE(ask.choice(1, QStringLiteral("pt")), QStringLiteral("mail.crepes.fr"));
    QCOMPARE(ask.choice(0, QStringLiteral("en")), QStringLiteral("on the server"));

    const ScenarioLoadResult wrong = ScenarioLoader::loadText(
        "carteiro: 1\nsteps:\n  - ask:\n      question: Where?\n"
        "      choices: [{en: here, pt: aqui, fr: ici}]\n      answer: aqui\n",
        QStringLiteral("choices.yaml"));
    QVERIFY(!wrong.ok());
    const QString errors = lines(wrong).join(QLatin1Char('\n'));
    QVERIFY2(errors.contains(QStringLiteral("fr")), qPrintable(errors));
    QVERIFY2(errors.contains(QStringLiteral("answer 'aqui' is not one of the choices 'here'")),
             qPrintable(errors));
}

// Each file in malformed/ and every line `carteiro-cli check` must print for it, in order.
// One expected line per source line, to read against the file.
// clang-format off
static const QList<QPair<QString, QStringList>> &malformedCases()
{
    static const QList<QPair<QString, QStringList>> cases = {
        {"malformed/a-record-host.yaml",
         {
             "malformed/a-record-host.yaml:3:22: error: domain 'hamburger.edu' has 'a: true' and no mx, so its mail goes to a host named 'hamburger.edu'; no such host is defined",
             "malformed/a-record-host.yaml:4:18: error: the domain's own host 'crepes.fr' has role client; it must be an mta",
         }},
        {"malformed/webmail-roles.yaml",
         {
             "malformed/webmail-roles.yaml:4:3: error: missing required key 'access' (a webmail host reads mail from a server: access: {server: ...})",
             "malformed/webmail-roles.yaml:5:54: error: unknown protocol 'pop3'; expected 'imap'",
             "malformed/webmail-roles.yaml:6:84: error: access server 'mail.crepes.fr' has role mta; it must be a webmail",
             "malformed/webmail-roles.yaml:7:60: error: submit_to host 'alice-pc' has role client; it must be an mta or a webmail",
             "malformed/webmail-roles.yaml:11:46: error: unknown protocol 'htp'; did you mean 'http'?",
         }},
        {"malformed/ask-answer.yaml",
         {
             "malformed/ask-answer.yaml:6:15: error: answer '345' is not one of the choices '250', '354' or '550'",
             "malformed/ask-answer.yaml:7:5: error: missing required key 'question'",
             "malformed/ask-answer.yaml:8:16: error: expected at least one choice; got an empty list",
         }},
        {"malformed/bad-address.yaml",
         {
             "malformed/bad-address.yaml:5:39: error: expected an address like bob@hamburger.edu; got 'bob@hamburger.edu, carol@hamburger.edu' (write several addresses as a list)",
             "malformed/bad-address.yaml:6:40: error: expected an address like bob@hamburger.edu; got 'bob'",
             "malformed/bad-address.yaml:6:51: error: expected a list; got a map",
             "malformed/bad-address.yaml:7:5: error: a send needs at least one recipient in 'to', 'cc' or 'bcc'",
         }},
        {"malformed/bad-duration.yaml",
         {
             "malformed/bad-duration.yaml:3:12: error: expected a duration like 20s, 30m, 1h30m; got 'soon'",
             "malformed/bad-duration.yaml:4:18: error: expected a duration above 0s; got '0s'",
             "malformed/bad-duration.yaml:4:37: error: expected a duration like 20s, 30m, 1h30m; got '-4d' (a duration cannot be negative)",
             "malformed/bad-duration.yaml:6:9: error: expected a duration like 20s, 30m, 1h30m; got '1h30'",
         }},
        {"malformed/bad-enums.yaml",
         {
             "malformed/bad-enums.yaml:2:19: error: unknown style 'Modern'; did you mean 'modern'?",
             "malformed/bad-enums.yaml:6:22: error: unknown service 'pop'; did you mean 'pop3'?",
             "malformed/bad-enums.yaml:6:27: error: unknown service 'imap4'; did you mean 'imap'?",
             "malformed/bad-enums.yaml:7:11: error: expected true, false, 252 or 502; got 'maybe'",
             "malformed/bad-enums.yaml:8:13: error: list 'staff@crepes.fr' needs a local domain, but this host has no local_domains",
             "malformed/bad-enums.yaml:10:54: error: unknown stage 'quit'; expected 'connect', 'helo', 'mail', 'rcpt' or 'data'",
         }},
        {"malformed/bad-role.yaml",
         {
             "malformed/bad-role.yaml:4:11: error: unknown role 'server'; expected 'mta', 'client', 'dns' or 'webmail'",
             "malformed/bad-role.yaml:6:11: error: unknown role 'clinet'; did you mean 'client'?",
             "malformed/bad-role.yaml:8:3: error: missing required key 'role' (mta, client, dns or webmail)",
         }},
        {"malformed/bad-size.yaml",
         {
             "malformed/bad-size.yaml:3:49: error: expected a size like 512, 3KB, 2MB; got '3XB'",
             "malformed/bad-size.yaml:10:40: error: expected a MIME type like image/jpeg; got 'jpeg'",
             "malformed/bad-size.yaml:10:52: error: expected a size like 512, 3KB, 2MB; got 'big'",
         }},
        {"malformed/bad-version.yaml",
         {
             "malformed/bad-version.yaml:1:11: error: unsupported format version 2; this Carteiro reads format 1",
         }},
        {"malformed/client-without-user.yaml",
         {
             "malformed/client-without-user.yaml:4:3: error: missing required key 'user' (a client host needs its user's address)",
         }},
        {"malformed/duplicate-key.yaml",
         {
             "malformed/duplicate-key.yaml:5:5: error: duplicate key 'role' (first at line 4)",
             "malformed/duplicate-key.yaml:6:3: error: duplicate key 'Mail.Crepes.fr': names ignore case, and 'mail.crepes.fr' is at line 3",
             "malformed/duplicate-key.yaml:9:3: error: duplicate key 'alice@crepes.fr' (first at line 8)",
         }},
        {"malformed/empty.yaml",
         {
             "malformed/empty.yaml:1:1: error: the file holds no scenario; a scenario starts with 'carteiro: 1'",
         }},
        {"malformed/fault-timing.yaml",
         {
             "malformed/fault-timing.yaml:5:59: error: use only one of 'for' or 'until'; this fault already has 'for'",
             "malformed/fault-timing.yaml:7:57: error: 'until' 1h comes before the fault starts at 2h",
         }},
        {"malformed/leading-comma.yaml",
         {
             "malformed/leading-comma.yaml:1:1: error: invalid YAML: unexpected ','",
         }},
        {"malformed/misplaced-key.yaml",
         {
             "malformed/misplaced-key.yaml:5:5: error: key 'user' applies to hosts of role client, not mta",
             "malformed/misplaced-key.yaml:9:5: error: key 'local_domains' applies to hosts of role mta, not client",
             "malformed/misplaced-key.yaml:13:47: error: key 'code' does not apply to a fault of kind down",
         }},
        {"malformed/missing-carteiro.yaml",
         {
             "malformed/missing-carteiro.yaml:2:1: error: missing required key 'carteiro' (the format version: 'carteiro: 1')",
         }},
        {"malformed/multiple-errors.yaml",
         {
             "malformed/multiple-errors.yaml:2:21: error: unknown key 'de'; expected 'en' or 'pt'",
             "malformed/multiple-errors.yaml:4:12: error: expected a duration like 20s, 30m, 1h30m; got '20 ms'",
             "malformed/multiple-errors.yaml:5:10: error: unknown style 'fancy'; expected 'classic' or 'modern'",
             "malformed/multiple-errors.yaml:9:11: error: expected true, false, 252 or 502; got '250'",
             "malformed/multiple-errors.yaml:11:3: error: user address 'alice' needs an '@', like alice@crepes.fr",
             "malformed/multiple-errors.yaml:13:18: error: undefined user 'alice@crepes.fr' (users are listed under 'users')",
             "malformed/multiple-errors.yaml:13:59: error: expected an address like bob@hamburger.edu; got 'bob'",
             "malformed/multiple-errors.yaml:14:20: error: undefined host 'alice-pc' (hosts are listed under 'hosts')",
             "malformed/multiple-errors.yaml:14:56: error: port 70000 is out of range (1-65535)",
             "malformed/multiple-errors.yaml:15:19: error: undefined user 'alice@crepes.fr' (users are listed under 'users')",
             "malformed/multiple-errors.yaml:15:46: error: unknown protocol 'pop4'; did you mean 'pop3'?",
             "malformed/multiple-errors.yaml:15:58: error: unknown mode 'erase'; expected 'delete' or 'keep'",
         }},
        {"malformed/negative-number.yaml",
         {
             "malformed/negative-number.yaml:2:7: error: expected a non-negative number; got -7",
             "malformed/negative-number.yaml:5:39: error: expected a non-negative number; got -10",
             "malformed/negative-number.yaml:7:47: error: expected a positive number; got -1",
         }},
        {"malformed/not-a-map.yaml",
         {
             "malformed/not-a-map.yaml:1:1: error: expected a map of scenario keys (carteiro, title, hosts, steps, ...); got a list",
         }},
        {"malformed/port-out-of-range.yaml",
         {
             "malformed/port-out-of-range.yaml:8:56: error: port 70000 is out of range (1-65535)",
             "malformed/port-out-of-range.yaml:9:55: error: port 0 is out of range (1-65535)",
         }},
        {"malformed/reject-without-code.yaml",
         {
             "malformed/reject-without-code.yaml:5:5: error: missing required key 'code' for a fault of kind reject",
         }},
        {"malformed/slow-and-links.yaml",
         {
             "malformed/slow-and-links.yaml:7:15: error: duplicate link between b and a (first at line 6)",
             "malformed/slow-and-links.yaml:8:15: error: expected two different hosts; got 'a' twice",
             "malformed/slow-and-links.yaml:9:5: error: missing required key 'latency'",
             "malformed/slow-and-links.yaml:9:15: error: expected a list of two hosts; got 3 items",
             "malformed/slow-and-links.yaml:11:5: error: missing required key 'host' or 'between' for a fault of kind slow",
             "malformed/slow-and-links.yaml:12:34: error: use only one of 'host' or 'between'; this fault already has 'host'",
         }},
        {"malformed/step-problems.yaml",
         {
             "malformed/step-problems.yaml:3:5: error: a step needs one action: 'send', 'fetch', 'telnet', 'note', 'ask', 'fault' or 'imap'",
             "malformed/step-problems.yaml:4:5: error: unknown key 'sned'; did you mean 'send'?",
             "malformed/step-problems.yaml:5:11: error: expected a string or {en:, pt:}; got a list",
             "malformed/step-problems.yaml:6:5: error: expected a map; got 'just a string'",
             "malformed/step-problems.yaml:7:5: error: missing required key 'from'",
             "malformed/step-problems.yaml:7:18: error: undefined host 'nowhere' (hosts are listed under 'hosts')",
         }},
        {"malformed/two-actions.yaml",
         {
             "malformed/two-actions.yaml:7:5: error: a step takes exactly one action; this one has both 'note' and 'fetch'",
             "malformed/two-actions.yaml:8:5: error: a step needs one action: 'send', 'fetch', 'telnet', 'note', 'ask', 'fault' or 'imap'",
         }},
        {"malformed/two-documents.yaml",
         {
             "malformed/two-documents.yaml:2:1: error: a scenario file holds one YAML document; a second one starts here",
         }},
        {"malformed/undefined-fetch-user.yaml",
         {
             "malformed/undefined-fetch-user.yaml:6:19: error: undefined user 'bob@hamburger.ed'; did you mean 'bob@hamburger.edu'?",
             "malformed/undefined-fetch-user.yaml:7:19: error: undefined user 'carol@hamburger.edu' (users are listed under 'users')",
         }},
        {"malformed/undefined-mx-host.yaml",
         {
             "malformed/undefined-mx-host.yaml:5:16: error: undefined host 'mx1.hamburger.edu' (hosts are listed under 'hosts')",
             "malformed/undefined-mx-host.yaml:6:16: error: MX host 'bob-pc' has role client; it must be an mta",
         }},
        {"malformed/undefined-submit-to.yaml",
         {
             "malformed/undefined-submit-to.yaml:7:16: error: undefined host 'mail.crepes.fe'; did you mean 'mail.crepes.fr'?",
             "malformed/undefined-submit-to.yaml:8:38: error: undefined host 'smtp.crepes.fr' (hosts are listed under 'hosts')",
         }},
        {"malformed/unknown-fault-kind.yaml",
         {
             "malformed/unknown-fault-kind.yaml:5:19: error: unknown fault kind 'dwon'; did you mean 'down'?",
             "malformed/unknown-fault-kind.yaml:6:19: error: unknown fault kind 'explode'; expected 'down', 'refuse', 'reject', 'no-mx', 'dns-fail', 'mailbox-full', 'slow' or 'drop'",
         }},
        {"malformed/unknown-key.yaml",
         {
             "malformed/unknown-key.yaml:5:5: error: unknown key 'locl_domains'; did you mean 'local_domains'?",
             "malformed/unknown-key.yaml:6:5: error: unknown key 'greting'; did you mean 'greeting'?",
             "malformed/unknown-key.yaml:7:5: error: unknown key 'colour'; expected 'role', 'local_domains', 'greeting', 'services', 'vrfy', 'expn', 'lists', 'max_recipients', 'retry', 'style' or 'max_message_size'",
         }},
        {"malformed/unknown-top-key.yaml",
         {
             "malformed/unknown-top-key.yaml:2:1: error: unknown key 'tittle'; did you mean 'title'?",
             "malformed/unknown-top-key.yaml:3:1: error: unknown key 'step'; did you mean 'steps'?",
         }},
        {"malformed/user-without-at.yaml",
         {
             "malformed/user-without-at.yaml:3:3: error: user address 'alice' needs an '@', like alice@crepes.fr",
             "malformed/user-without-at.yaml:4:34: error: unknown key 'pasword'; did you mean 'password'?",
         }},
        {"malformed/wrong-type-boolean.yaml",
         {
             "malformed/wrong-type-boolean.yaml:3:18: error: expected true or false; got 'maybe'",
             "malformed/wrong-type-boolean.yaml:7:27: error: expected a string; got a list",
         }},
        {"malformed/wrong-type-list.yaml",
         {
             "malformed/wrong-type-list.yaml:5:20: error: expected a list; got 'crepes.fr'",
             "malformed/wrong-type-list.yaml:7:3: error: expected a list; got a map",
         }},
        {"malformed/wrong-type-map.yaml",
         {
             "malformed/wrong-type-map.yaml:2:8: error: expected a map; got a list",
             "malformed/wrong-type-map.yaml:4:20: error: expected a map; got 'Alice'",
         }},
        {"malformed/wrong-type-number.yaml",
         {
             "malformed/wrong-type-number.yaml:2:7: error: expected a number; got 'lucky'",
             "malformed/wrong-type-number.yaml:6:21: error: expected a number; got 'lots'",
             "malformed/wrong-type-number.yaml:7:15: error: expected a list; got 'smtp'",
         }},
        {"malformed/yaml-syntax.yaml",
         {
             "malformed/yaml-syntax.yaml:3:56: error: invalid YAML: illegal flow end",
         }},
    };
    return cases;
}
// clang-format on

void TestScenarioLoader::malformed_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    for (const auto &[file, expected] : malformedCases())
        QTest::newRow(qPrintable(QFileInfo(file).baseName())) << file << expected;
}

void TestScenarioLoader::malformed()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    const ScenarioLoadResult result = ScenarioLoader::loadFile(file);
    QVERIFY(!result.ok());
    QCOMPARE(lines(result), expected);
}

void TestScenarioLoader::everyMalformedFileHasARow()
{
    QStringList tested;
    for (const auto &testCase : malformedCases())
        tested.append(testCase.first);
    QStringList present;
    for (const QString &name : QDir(QStringLiteral("malformed"))
                                   .entryList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name))
        present.append(QStringLiteral("malformed/") + name);
    tested.sort();
    QCOMPARE(tested, present);
    QVERIFY(tested.size() >= 20);
}

void TestScenarioLoader::unreadableFile()
{
    ScenarioLoadResult result = ScenarioLoader::loadFile(QStringLiteral("malformed/nope.yaml"));
    QCOMPARE(lines(result),
             QStringList{"malformed/nope.yaml:1:1: error: cannot read the scenario: no such file"});
    result = ScenarioLoader::loadFile(QStringLiteral("malformed"));
    QCOMPARE(lines(result),
             QStringList{"malformed:1:1: error: cannot read the scenario: this is a directory"});
}

// Every prefix of a valid file, and the file with bytes flipped, loads without throwing and
// either succeeds or explains itself with positions inside the file.
void TestScenarioLoader::damagedFilesNeverThrow()
{
    QFile file(QStringLiteral("contract-example-complete.yaml"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const int lineCount = int(text.count('\n')) + 1;
    const auto check = [&](const QByteArray &damaged) {
        const ScenarioLoadResult result = ScenarioLoader::loadText(damaged, "damaged.yaml");
        for (const ScenarioError &error : result.errors) {
            QVERIFY2(error.line >= 1 && error.line <= lineCount + 1, qPrintable(error.toString()));
            QVERIFY2(error.column >= 1, qPrintable(error.toString()));
            QVERIFY(!error.message.isEmpty());
        }
    };
    for (int length = 0; length < text.size(); length += 7)
        check(text.left(length));
    const char replacements[] = {':', '-', '[', '{', '"', '\t', ' ', '\n', 'x', '&', '*'};
    quint32 state = 12345;
    for (int round = 0; round < 400; ++round) {
        QByteArray damaged = text;
        for (int flips = 0; flips < 3; ++flips) {
            state = state * 1103515245u + 12345u; // a fixed sequence: the test is repeatable
            const int at = int((state >> 8) % quint32(damaged.size()));
            damaged[at] = replacements[(state >> 20) % sizeof(replacements)];
        }
        check(damaged);
    }
}

// Inputs on which yaml-cpp 0.7 itself loops, recurses or misreports: each one error, at once.
void TestScenarioLoader::yamlParserTraps_data()
{
    QTest::addColumn<QByteArray>("yaml");
    QTest::addColumn<QStringList>("expected");

    // LoadAll() collects empty documents forever in front of this comma.
    QTest::newRow("comma at the start") << QByteArray(",a: 1\n")
                                        << QStringList{"trap.yaml:1:1: error: invalid YAML: "
                                                       "unexpected ','"};
    QTest::newRow("indented comma") << QByteArray("\n  ,\n")
                                    << QStringList{"trap.yaml:2:3: error: invalid YAML: "
                                                   "unexpected ','"};
    // yaml-cpp's depth guard says "bad file" here.
    QTest::newRow("deep flow nesting")
        << "a: " + QByteArray(5000, '[')
        << QStringList{"trap.yaml:1:1: error: invalid YAML: nested too deeply"};
    QTest::newRow("empty") << QByteArray()
                           << QStringList{"trap.yaml:1:1: error: the file holds no scenario; a "
                                          "scenario starts with 'carteiro: 1'"};
    QTest::newRow("self-referencing alias")
        << QByteArray("carteiro: 1\nhosts: &h {x: *h}\n")
        << QStringList{"trap.yaml:2:12: error: missing required key 'role' (mta, client, dns "
                       "or webmail)",
                       "trap.yaml:2:12: error: unknown key 'x'"};
}

void TestScenarioLoader::yamlParserTraps()
{
    QFETCH(QByteArray, yaml);
    QFETCH(QStringList, expected);
    QCOMPARE(lines(ScenarioLoader::loadText(yaml, QStringLiteral("trap.yaml"))), expected);
}

void TestScenarioLoader::errorToString()
{
    const ScenarioError error{QStringLiteral("a/b.yaml"), 3, 14, QStringLiteral("oops")};
    QCOMPARE(error.toString(), QStringLiteral("a/b.yaml:3:14: error: oops"));
}

QTEST_GUILESS_MAIN(TestScenarioLoader)
#include "tst_scenarioloader.moc"
