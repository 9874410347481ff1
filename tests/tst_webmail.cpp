// Webmail as a user notices it: Bob reads and answers in a browser, the webmail server speaks
// IMAP and SMTP behind it, and what goes wrong shows on the page. Played through core::World
// on scenarios/13-webmail.yaml (and variants of its text), and typed by hand as `carteiro-cli
// talk` does.

#include "core/message/mimemessage.h"
#include "core/scenario/scenarioloader.h"
#include "core/world/world.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

const QString kBob = QStringLiteral("bob@hamburger.edu");
const QString kAlice = QStringLiteral("alice@crepes.fr");
const QString kBrowser = QStringLiteral("bob-browser");
const QString kWebmail = QStringLiteral("webmail.hamburger.edu");
const QString kBobsServer = QStringLiteral("mail.hamburger.edu");
const QString kSubject = QStringLiteral("Crêpes on Friday?");
const QString kReply = QStringLiteral("Re: Crêpes on Friday?");

QString scenarioPath()
{
    return QStringLiteral(CARTEIRO_SOURCE_DIR "/scenarios/13-webmail.yaml");
}

QByteArray scenarioText()
{
    QFile file(scenarioPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

// The shipped scenario with one piece of its text changed (empty `from`: unchanged).
QByteArray edited(const QByteArray &from, const QByteArray &to)
{
    QByteArray text = scenarioText();
    if (!from.isEmpty() && !text.contains(from))
        return {}; // the scenario changed: the loader's error makes the test fail
    return text.replace(from, to);
}

std::unique_ptr<World> build(const QByteArray &yaml)
{
    ScenarioLoadResult loaded = ScenarioLoader::loadText(yaml, QStringLiteral("webmail.yaml"));
    if (!loaded.ok()) {
        for (const ScenarioError &e : loaded.errors)
            qWarning("%s", qPrintable(e.toString()));
        return nullptr;
    }
    return std::make_unique<World>(std::move(loaded.scenario));
}

// "C: GET / HTTP/1.1" / "S: HTTP/1.1 200 OK": the lines of one protocol between two hosts.
QStringList dialogue(const World &world, const QString &protocol, const QString &client,
                     const QString &server)
{
    QStringList lines;
    for (const TraceEvent &e : world.trace())
        if (e.type == TraceEvent::Type::Line && e.protocol == protocol && e.client == client &&
            e.server == server)
            lines << (e.direction == TraceEvent::Direction::ClientToServer
                          ? QStringLiteral("C: ")
                          : QStringLiteral("S: ")) +
                         e.text;
    return lines;
}

QStringList eventTexts(const World &world, TraceEvent::Type type, const QString &client = {})
{
    QStringList texts;
    for (const TraceEvent &e : world.trace())
        if (e.type == type && (client.isEmpty() || e.client == client))
            texts << e.text;
    return texts;
}

// How many lines contain `text` (or start with it, when `prefix`).
int count(const QStringList &lines, const QString &text, bool prefix = false)
{
    int n = 0;
    for (const QString &line : lines)
        if (prefix ? line.startsWith(text) : line.contains(text))
            ++n;
    return n;
}

const std::vector<StoredMessage> &folder(const World &world, const QString &address,
                                         const QString &name = QStringLiteral("INBOX"))
{
    static const std::vector<StoredMessage> none;
    Mta *home = world.homeOf(address);
    const MailAccount *account = home ? home->mailboxes().account(address) : nullptr;
    if (!account)
        return none;
    const auto found = account->folders.constFind(name);
    return found == account->folders.constEnd() ? none : found->messages;
}

QStringList subjects(const std::vector<StoredMessage> &messages)
{
    QStringList list;
    for (const StoredMessage &message : messages)
        list << MimeParser::parse(message.raw).decodedHeader(QStringLiteral("Subject"));
    return list;
}

// One answer read back from what the webmail wrote.
struct Answer
{
    int status = 0;
    HttpFields fields;
    QByteArray body;
};

QList<Answer> answersIn(QByteArray wire, bool head = false)
{
    QList<Answer> answers;
    while (!wire.isEmpty()) {
        const qsizetype end = wire.indexOf("\r\n\r\n");
        if (end < 0)
            return answers << Answer{-1, {}, wire};
        const QList<QByteArray> lines = wire.left(end).split('\n');
        Answer answer;
        const QByteArray statusLine = lines.first().trimmed();
        if (statusLine.startsWith("HTTP/1.1 "))
            answer.status = statusLine.mid(9, 3).toInt();
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const QByteArray line = lines.at(i).trimmed();
            const qsizetype colon = line.indexOf(':');
            answer.fields.add(line.left(colon), line.mid(colon + 1).trimmed());
        }
        const qsizetype length = head ? 0 : answer.fields.value("Content-Length").toLongLong();
        answer.body = wire.mid(end + 4, length);
        wire.remove(0, end + 4 + length);
        answers.append(answer);
    }
    return answers;
}

// A person typing HTTP at the webmail host's port 80, as `carteiro-cli talk` drives it: bytes
// in, then the world plays on while the page is being made (its IMAP or SMTP dialogue).
class Talk
{
public:
    explicit Talk(World &world) : m_world(world)
    {
        QString error;
        m_session = world.openServerSession(kWebmail, kHttpPort, &error);
        if (m_session) {
            m_output = m_session->open();
            m_session->setWriter([this](const QByteArray &bytes) { m_written += bytes; });
        }
    }

    bool isOpen() const { return m_session != nullptr; }
    bool closing() const { return m_session->closing(); }

    QByteArray say(const QByteArray &bytes, bool byByte = false)
    {
        if (!byByte) {
            feed(bytes);
        } else {
            for (const char byte : bytes)
                feed(QByteArray(1, byte));
        }
        return std::exchange(m_output, {});
    }

    // Signs in; the cookie to send back, or nothing.
    QByteArray signIn(const QByteArray &password = "ketchup")
    {
        const QList<Answer> answers =
            answersIn(say(post("/login", "user=bob%40hamburger.edu&password=" + password, {})));
        if (answers.size() != 1 || answers.first().status != 303)
            return {};
        return answers.first().fields.value("Set-Cookie").split(';').first();
    }

    static QByteArray request(const QByteArray &method, const QByteArray &target,
                              const QByteArray &cookie, const QByteArray &extra = {})
    {
        return method + ' ' + target + " HTTP/1.1\r\nHost: webmail.hamburger.edu\r\n" +
               (cookie.isEmpty() ? QByteArray() : "Cookie: " + cookie + "\r\n") + extra + "\r\n";
    }

    static QByteArray post(const QByteArray &target, const QByteArray &body,
                           const QByteArray &cookie)
    {
        return request("POST", target, cookie,
                       "Content-Type: application/x-www-form-urlencoded\r\n"
                       "Content-Length: " +
                           QByteArray::number(body.size()) + "\r\n") +
               body;
    }

private:
    void feed(const QByteArray &bytes)
    {
        m_output += m_session->receive(bytes);
        while (m_session->busy() && m_world.simulation().step()) {
        }
        m_output += std::exchange(m_written, {});
    }

    World &m_world;
    std::unique_ptr<LineSession> m_session;
    QByteArray m_output;
    QByteArray m_written;
};

// Scenario 13 up to Alice's message: no browser visits, for typing by hand.
std::unique_ptr<World> quietWorld()
{
    const QByteArray text = scenarioText();
    const qsizetype visits = text.indexOf("  - at: 1m\n");
    if (visits < 0)
        return nullptr;
    auto world = build(text.left(visits));
    if (world)
        world->run(); // Alice's message is in Bob's INBOX
    return world;
}

} // namespace

class WebmailTest : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    // The shipped scenario.
    void bobsMessageIsSeenAndStaysOnTheServer();
    void aliceGetsBobsReply();
    void bobsSentHoldsTheCopy();
    void browserSpeaksOnlyHttp();
    void webmailReadsByImap();
    void webmailSendsBySmtpSubmission();
    void storyEvents();

    // Variants of its text.
    void deleteModeRemovesTheMessage();
    void failures_data();
    void failures();

    // Typed by hand, as `carteiro-cli talk` does.
    void talk_data();
    void talk();
    void talkSignInReadSignOut();
    void talkPipelinedPagesInOrder();

private:
    std::unique_ptr<World> m_shipped;
};

void WebmailTest::initTestCase()
{
    ScenarioLoadResult loaded = ScenarioLoader::loadFile(scenarioPath());
    QVERIFY(loaded.ok());
    m_shipped = std::make_unique<World>(std::move(loaded.scenario));
    m_shipped->run();
}

// ---------------------------------------------------------------------------------------------
// The shipped scenario: what Bob, Alice and the servers end up with.

void WebmailTest::bobsMessageIsSeenAndStaysOnTheServer()
{
    const auto &inbox = folder(*m_shipped, kBob);
    QCOMPARE(subjects(inbox), QStringList{kSubject});
    QVERIFY(inbox.front().flags.contains(QStringLiteral("\\Seen")));
    QVERIFY(!inbox.front().flags.contains(QStringLiteral("\\Deleted")));
    // It lives on mail.hamburger.edu; the webmail host keeps no mail of its own.
    QCOMPARE(m_shipped->homeOf(kBob)->name(), kBobsServer);
    QVERIFY(m_shipped->webmail(kWebmail));
    QVERIFY(!m_shipped->mta(kWebmail));
}

void WebmailTest::aliceGetsBobsReply()
{
    const auto &inbox = folder(*m_shipped, kAlice);
    QCOMPARE(subjects(inbox), QStringList{kReply});
    const MimePart reply = MimeParser::parse(inbox.front().raw);
    QVERIFY(reply.decodedHeader(QStringLiteral("From")).contains(kBob));
    QVERIFY(reply.text().contains(QStringLiteral("I will bring ketchup.")));
    // Submitted by the webmail host, which named itself in EHLO.
    QVERIFY(inbox.front().raw.contains(
        "Received: from webmail.hamburger.edu (webmail.hamburger.edu) by"));
}

void WebmailTest::bobsSentHoldsTheCopy()
{
    const auto &sent = folder(*m_shipped, kBob, QStringLiteral("Sent"));
    QCOMPARE(subjects(sent), QStringList{kReply});
    QVERIFY(sent.front().flags.contains(QStringLiteral("\\Seen")));
    QVERIFY(MimeParser::parse(sent.front().raw)
                .text()
                .contains(QStringLiteral("I will bring ketchup.")));
    QCOMPARE(folder(*m_shipped, kBob).size(), std::size_t(1)); // not in his INBOX
}

void WebmailTest::browserSpeaksOnlyHttp()
{
    const QStringList http = dialogue(*m_shipped, QStringLiteral("HTTP"), kBrowser, kWebmail);
    // Reading at 1m: the form, sign in, the list, the message, sign out.
    QCOMPARE(count(http, QStringLiteral("C: GET / HTTP/1.1")), 2);
    QCOMPARE(count(http, QStringLiteral("C: POST /login HTTP/1.1")), 2);
    QCOMPARE(count(http, QStringLiteral("C: GET /inbox HTTP/1.1")), 3);
    QCOMPARE(count(http, QStringLiteral("C: GET /message/1 HTTP/1.1")), 1);
    QCOMPARE(count(http, QStringLiteral("C: GET /compose HTTP/1.1")), 1);
    QCOMPARE(count(http, QStringLiteral("C: POST /send HTTP/1.1")), 1);
    QCOMPARE(count(http, QStringLiteral("C: POST /logout HTTP/1.1")), 2);
    QCOMPARE(count(http, QStringLiteral("C: Cookie: sid="), true), 8);
    QCOMPARE(count(http, QStringLiteral("S: Set-Cookie: sid="), true), 4); // in and out, twice
    // The form Bob posts, encoded as a browser does.
    QCOMPARE(
        count(http, QStringLiteral("C: to=alice%40crepes.fr&cc=&bcc=&subject=Re%3A+Cr%C3%AApes+on+"
                                   "Friday%3F&body=Of+course%21+I+will+bring+ketchup.%0A")),
        1);
    // Every page came: no error status on the way.
    QCOMPARE(count(http, QStringLiteral("S: HTTP/1.1 "), true),
             count(http, QStringLiteral("S: HTTP/1.1 200 OK"), true) +
                 count(http, QStringLiteral("S: HTTP/1.1 303 See Other"), true));
    QCOMPARE(count(http, QStringLiteral("S: HTTP/1.1 303 See Other"), true), 5);
    // The browser speaks nothing but HTTP, and only to the webmail host.
    for (const TraceEvent &e : m_shipped->trace())
        if (e.type == TraceEvent::Type::Line && (e.client == kBrowser || e.server == kBrowser))
            QVERIFY2(e.protocol == QLatin1String("HTTP") && e.server == kWebmail,
                     qPrintable(e.toText()));
}

void WebmailTest::webmailReadsByImap()
{
    const QStringList imap = dialogue(*m_shipped, QStringLiteral("IMAP"), kWebmail, kBobsServer);
    // One IMAP connection per page, as a CGI program: sign in, list, read; sign in, list,
    // keep the copy, list again (the sign-in form, sign out and the compose form need none).
    QCOMPARE(count(imap, QStringLiteral("C: a001 LOGIN bob ketchup")), 7);
    QCOMPARE(count(imap, QStringLiteral("FETCH 1:* (UID FLAGS BODY.PEEK[HEADER])")), 3);
    QCOMPARE(count(imap, QStringLiteral("C: a003 UID FETCH 1 (UID FLAGS BODY[])")), 1);
    QCOMPARE(count(imap, QStringLiteral("C: a003 APPEND Sent (\\Seen) {"), true), 1);
    QCOMPARE(count(imap, QStringLiteral("S: a003 OK APPEND completed")), 1);
    QCOMPARE(count(imap, QStringLiteral(" NO ")), 0);
    QCOMPARE(count(imap, QStringLiteral(" BAD ")), 0);
    // The IMAP connections start from the webmail host, on port 143.
    int connects = 0;
    for (const TraceEvent &e : m_shipped->trace())
        if (e.type == TraceEvent::Type::Connect && e.client == kWebmail && e.port == 143)
            ++connects;
    QCOMPARE(connects, 7);
}

void WebmailTest::webmailSendsBySmtpSubmission()
{
    const QStringList smtp = dialogue(*m_shipped, QStringLiteral("SMTP"), kWebmail, kBobsServer);
    QCOMPARE(count(smtp, QStringLiteral("C: EHLO webmail.hamburger.edu")), 1);
    // AUTH PLAIN carries "\0bob@hamburger.edu\0ketchup" (RFC 4616).
    const QString plain =
        QString::fromLatin1(QByteArray("\0bob@hamburger.edu\0ketchup", 26).toBase64());
    QCOMPARE(count(smtp, QStringLiteral("C: AUTH PLAIN ") + plain), 1);
    QCOMPARE(count(smtp, QStringLiteral("S: 235 "), true), 1);
    QCOMPARE(count(smtp, QStringLiteral("C: MAIL FROM:<bob@hamburger.edu>")), 1);
    QCOMPARE(count(smtp, QStringLiteral("C: RCPT TO:<alice@crepes.fr>")), 1);
    bool submission = false;
    for (const TraceEvent &e : m_shipped->trace())
        if (e.type == TraceEvent::Type::Connect && e.client == kWebmail && e.server == kBobsServer)
            submission = submission || e.port == 587;
    QVERIFY(submission);
}

void WebmailTest::storyEvents()
{
    const QStringList delivered = eventTexts(*m_shipped, TraceEvent::Type::Deliver, kBrowser);
    QCOMPARE(delivered,
             QStringList{QStringLiteral("1 message(s) for bob@hamburger.edu read in the browser "
                                        "on bob-browser (marked \\Seen, still on the server)")});
    QCOMPARE(eventTexts(*m_shipped, TraceEvent::Type::Bounce), QStringList());
    QCOMPARE(count(eventTexts(*m_shipped, TraceEvent::Type::Close), QStringLiteral("could not")),
             0);
}

// ---------------------------------------------------------------------------------------------
// Variants.

void WebmailTest::deleteModeRemovesTheMessage()
{
    auto world = build(edited("fetch: {user: bob@hamburger.edu}",
                              "fetch: {user: bob@hamburger.edu, protocol: http, mode: delete}"));
    QVERIFY(world);
    world->run();
    QVERIFY(folder(*world, kBob).empty());
    const QStringList http = dialogue(*world, QStringLiteral("HTTP"), kBrowser, kWebmail);
    QCOMPARE(count(http, QStringLiteral("C: POST /message/1/delete HTTP/1.1")), 1);
    const QStringList imap = dialogue(*world, QStringLiteral("IMAP"), kWebmail, kBobsServer);
    QCOMPARE(count(imap, QStringLiteral("UID STORE 1 +FLAGS (\\Deleted)")), 1);
    QCOMPARE(count(imap, QStringLiteral("C: a004 EXPUNGE")), 1);
    QCOMPARE(eventTexts(*world, TraceEvent::Type::Deliver, kBrowser),
             QStringList{QStringLiteral("1 message(s) for bob@hamburger.edu read in the browser "
                                        "on bob-browser (then deleted on the server)")});
    // The reply still goes out.
    QCOMPARE(subjects(folder(*world, kAlice)), QStringList{kReply});
}

void WebmailTest::failures_data()
{
    QTest::addColumn<QByteArray>("from");
    QTest::addColumn<QByteArray>("to");
    QTest::addColumn<QString>("serverPassword"); // set on mail.hamburger.edu; empty: as given
    QTest::addColumn<QString>("pageShows");      // a line the browser is sent
    QTest::addColumn<QString>("readFailure");    // the Close event of the reading visit
    QTest::addColumn<QString>("sendFailure");    // the Bounce event of the writing visit
    QTest::addColumn<bool>("seen");

    // Bob's password was changed on the mail server: the browser still types the old one.
    QTest::newRow("wrong password")
        << QByteArray() << QByteArray() << QStringLiteral("mustard")
        << QStringLiteral("S: HTTP/1.1 403 Forbidden")
        << QStringLiteral("browser could not read mail for bob@hamburger.edu: 403 Forbidden: "
                          "The mail server said: ")
        << QStringLiteral("not sent, the webmail page shows: 403 Forbidden: The mail server "
                          "said: ")
        << false;
    QTest::newRow("mail server down")
        << QByteArray("  - at: 5m\n")
        << QByteArray("  - at: 30s\n"
                      "    fault: {kind: down, host: mail.hamburger.edu, for: 10m}\n"
                      "  - at: 5m\n")
        << QString() << QStringLiteral("S: HTTP/1.1 502 Bad Gateway")
        << QStringLiteral("browser could not read mail for bob@hamburger.edu: 502 Bad Gateway: "
                          "The mail server said: connect to mail.hamburger.edu port 143: ")
        << QStringLiteral("not sent, the webmail page shows: 502 Bad Gateway: The mail server "
                          "said: connect to mail.hamburger.edu port 143: ")
        << false;
    QTest::newRow("recipient rejected")
        << QByteArray("  - at: 5m\n")
        << QByteArray("  - at: 2m\n"
                      "    fault: {kind: reject, host: mail.hamburger.edu, code: 550,\n"
                      "            recipient: alice@crepes.fr, text: \"No such user\"}\n"
                      "  - at: 5m\n")
        << QString()
        << QStringLiteral("S: <p class=\"error\">Not sent: &lt;alice@crepes.fr&gt; 550 No such "
                          "user</p>")
        << QString()
        << QStringLiteral("not sent, the webmail page shows: Not sent: <alice@crepes.fr> 550 No "
                          "such user")
        << true;
}

void WebmailTest::failures()
{
    QFETCH(QByteArray, from);
    QFETCH(QByteArray, to);
    QFETCH(QString, serverPassword);
    QFETCH(QString, pageShows);
    QFETCH(QString, readFailure);
    QFETCH(QString, sendFailure);
    QFETCH(bool, seen);

    auto world = build(edited(from, to));
    QVERIFY(world);
    if (!serverPassword.isEmpty())
        world->mta(kBobsServer)->mailboxes().account(kBob)->password = serverPassword;
    world->run();

    const QStringList http = dialogue(*world, QStringLiteral("HTTP"), kBrowser, kWebmail);
    QVERIFY2(count(http, pageShows, true) >= 1, qPrintable(http.join(u'\n')));

    const QStringList closes = eventTexts(*world, TraceEvent::Type::Close, kBrowser);
    if (readFailure.isEmpty())
        QCOMPARE(count(closes, QStringLiteral("could not read mail")), 0);
    else
        QVERIFY2(count(closes, readFailure, true) == 1, qPrintable(closes.join(u'\n')));

    const QStringList bounces = eventTexts(*world, TraceEvent::Type::Bounce, kBrowser);
    QCOMPARE(bounces.size(), 1);
    QVERIFY2(bounces.first().startsWith(sendFailure), qPrintable(bounces.first()));

    // Bob's message is still there, \Seen only when he could open it; nothing was sent.
    const auto &inbox = folder(*world, kBob);
    QCOMPARE(subjects(inbox), QStringList{kSubject});
    QCOMPARE(inbox.front().flags.contains(QStringLiteral("\\Seen")), seen);
    QCOMPARE(folder(*world, kBob, QStringLiteral("Sent")).size(), std::size_t(0));
    QCOMPARE(folder(*world, kAlice).size(), std::size_t(0));
    if (!seen) {
        const QStringList imap = dialogue(*world, QStringLiteral("IMAP"), kWebmail, kBobsServer);
        QCOMPARE(count(imap, QStringLiteral("BODY[]")), 0);
        QCOMPARE(count(http, QStringLiteral("S: Set-Cookie: sid="), true), 0);
    }
}

// ---------------------------------------------------------------------------------------------
// Typed by hand.

void WebmailTest::talk_data()
{
    QTest::addColumn<bool>("signedIn");
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("field"); // "Name: value prefix", or empty
    QTest::addColumn<QByteArray>("bodyHas");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<bool>("byByte");

    struct Case
    {
        const char *name;
        bool signedIn;
        QByteArray request;
        int status;
        QByteArray field;
        QByteArray bodyHas;
        bool closes;
    };
    using T = Talk;
    const QByteArray cookie = "$COOKIE"; // the signed-in session's, put in by the test
    const Case cases[] = {
        {"GET / shows the sign-in form", false, T::request("GET", "/", {}), 200,
         "Content-Type: text/html; charset=utf-8", "<form method=\"post\" action=\"/login\">",
         false},
        {"GET /inbox without a cookie goes to /", false, T::request("GET", "/inbox", {}), 303,
         "Location: /", "<a href=\"/\">/</a>", false},
        {"a cookie the server never gave",
         false,
         T::request("GET", "/inbox", "sid=00000000000000000000000000000000"),
         303,
         "Location: /",
         {},
         false},
        {"GET /nothing is 404",
         false,
         T::request("GET", "/nothing", {}),
         404,
         {},
         "There is no page /nothing here.",
         false},
        {"DELETE /inbox is 405", false, T::request("DELETE", "/inbox", {}), 405, "Allow: GET, HEAD",
         "/inbox takes GET, HEAD.", false},
        {"POST /inbox is 405",
         false,
         T::post("/inbox", "x=1", {}),
         405,
         "Allow: GET, HEAD",
         {},
         false},
        {"GET /login is 405",
         false,
         T::request("GET", "/login", {}),
         405,
         "Allow: POST",
         {},
         false},
        {"BREW / is 501",
         false,
         T::request("BREW", "/", {}),
         501,
         {},
         "<title>Not Implemented",
         false},
        {"sign in with a wrong password is 403",
         false,
         T::post("/login", "user=bob%40hamburger.edu&password=mustard", {}),
         403,
         {},
         "class=\"error\">The mail server said: ",
         false},
        {"sign in with the password",
         false,
         T::post("/login", "user=bob%40hamburger.edu&password=ketchup", {}),
         303,
         "Location: /inbox",
         {},
         false},
        {"sign in without a user is 400",
         false,
         T::post("/login", "password=ketchup", {}),
         400,
         {},
         "The form must give a user.",
         false},
        {"HTTP/1.0 closes after the page",
         false,
         "GET / HTTP/1.0\r\n\r\n",
         200,
         "Connection: close",
         {},
         true},
        {"a bad request line is 400 and closes",
         false,
         "GET  /inbox HTTP/1.1\r\n\r\n",
         400,
         "Connection: close",
         {},
         true},
        {"signed in: GET /inbox lists the message",
         true,
         T::request("GET", "/inbox", cookie),
         200,
         {},
         "<tr class=\"unseen\"><td>Alice &lt;alice@crepes.fr&gt;</td><td>"
         "<a href=\"/message/1\">Crêpes on Friday?</a>",
         false},
        {"signed in: GET /message/1 shows it",
         true,
         T::request("GET", "/message/1", cookie),
         200,
         {},
         "Bob, are you coming on Friday?\r\nThere will be crêpes.\r\n</pre>",
         false},
        {"signed in: GET /message/99 is 404",
         true,
         T::request("GET", "/message/99", cookie),
         404,
         {},
         "There is no message 99 in the inbox.",
         false},
        {"signed in: GET / goes to /inbox",
         true,
         T::request("GET", "/", cookie),
         303,
         "Location: /inbox",
         {},
         false},
        {"signed in: GET /compose",
         true,
         T::request("GET", "/compose", cookie),
         200,
         {},
         "<form method=\"post\" action=\"/send\">",
         false},
        {"signed in: POST /send without a recipient is 400",
         true,
         T::post("/send", "to=&subject=Hi&body=x", cookie),
         400,
         {},
         "A message needs a recipient.",
         false},
        {"signed in: POST /logout",
         true,
         T::post("/logout", {}, cookie),
         303,
         "Set-Cookie: sid=; Path=/; Max-Age=0",
         {},
         false},
    };
    for (const Case &c : cases)
        for (const bool byByte : {false, true})
            QTest::addRow("%s / %s", c.name, byByte ? "byte by byte" : "whole")
                << c.signedIn << c.request << c.status << c.field << c.bodyHas << c.closes
                << byByte;
}

void WebmailTest::talk()
{
    QFETCH(bool, signedIn);
    QFETCH(QByteArray, request);
    QFETCH(int, status);
    QFETCH(QByteArray, field);
    QFETCH(QByteArray, bodyHas);
    QFETCH(bool, closes);
    QFETCH(bool, byByte);

    auto world = quietWorld();
    QVERIFY(world);
    Talk talk(*world);
    QVERIFY(talk.isOpen());
    if (signedIn) {
        const QByteArray cookie = talk.signIn();
        QVERIFY(cookie.startsWith("sid="));
        request.replace("$COOKIE", cookie);
    }
    const QList<Answer> answers = answersIn(talk.say(request, byByte));
    QCOMPARE(answers.size(), 1);
    const Answer &answer = answers.first();
    QCOMPARE(answer.status, status);
    if (!field.isEmpty()) {
        const qsizetype colon = field.indexOf(':');
        const QByteArray value = answer.fields.value(field.left(colon));
        QVERIFY2(value.startsWith(field.mid(colon + 2)), value.constData());
    }
    if (status == 501)
        QVERIFY(!answer.fields.contains("Allow"));
    QCOMPARE(answer.fields.value("Content-Length").toInt(), int(answer.body.size()));
    QVERIFY2(answer.body.contains(bodyHas), answer.body.constData());
    QCOMPARE(talk.closing(), closes);
}

void WebmailTest::talkSignInReadSignOut()
{
    auto world = quietWorld();
    QVERIFY(world);
    Talk talk(*world);
    const QByteArray cookie = talk.signIn();
    QVERIFY(cookie.startsWith("sid="));
    QCOMPARE(cookie.size(), 4 + 32);

    // HEAD: the inbox's fields, no body.
    const QByteArray head = talk.say(Talk::request("HEAD", "/inbox", cookie));
    QVERIFY(head.endsWith("\r\n\r\n"));
    const QList<Answer> heads = answersIn(head, true);
    QCOMPARE(heads.size(), 1);
    QCOMPARE(heads.first().status, 200);
    QVERIFY(heads.first().fields.value("Content-Length").toInt() > 0);

    // Reading the message marks it \Seen on the mail server, and the list then says so.
    const auto &inbox = folder(*world, kBob);
    QVERIFY(!inbox.front().flags.contains(QStringLiteral("\\Seen")));
    QCOMPARE(answersIn(talk.say(Talk::request("GET", "/message/1", cookie))).first().status, 200);
    QVERIFY(inbox.front().flags.contains(QStringLiteral("\\Seen")));
    const QList<Answer> list = answersIn(talk.say(Talk::request("GET", "/inbox", cookie)));
    QCOMPARE(list.first().status, 200);
    QVERIFY(list.first().body.contains("<tr class=\"seen\">"));

    // Signed out, the old cookie opens nothing; the connection stayed open throughout.
    QCOMPARE(answersIn(talk.say(Talk::post("/logout", {}, cookie))).first().status, 303);
    const QList<Answer> after = answersIn(talk.say(Talk::request("GET", "/inbox", cookie)));
    QCOMPARE(after.first().status, 303);
    QCOMPARE(after.first().fields.value("Location"), QByteArray("/"));
    QVERIFY(!talk.closing());

    // Every page that needed the mail server was an IMAP session from the webmail host.
    const QStringList imap = dialogue(*world, QStringLiteral("IMAP"), kWebmail, kBobsServer);
    QCOMPARE(count(imap, QStringLiteral("C: a001 LOGIN bob ketchup")), 4);
}

void WebmailTest::talkPipelinedPagesInOrder()
{
    auto world = quietWorld();
    QVERIFY(world);
    Talk talk(*world);
    const QByteArray cookie = talk.signIn();
    QVERIFY(!cookie.isEmpty());
    // The list waits for IMAP; the 404 and the form behind it are ready at once, yet come
    // after it, in the order asked (RFC 9112 section 9.3.2).
    const QByteArray output =
        talk.say(Talk::request("GET", "/inbox", cookie) + Talk::request("GET", "/nothing", {}) +
                 Talk::request("GET", "/message/99", cookie) + Talk::request("GET", "/", {}));
    const QList<Answer> answers = answersIn(output);
    QList<int> statuses;
    for (const Answer &answer : answers)
        statuses << answer.status;
    QCOMPARE(statuses, (QList<int>{200, 404, 404, 200}));
    QVERIFY(answers.at(0).body.contains("href=\"/message/1\""));
    QVERIFY(answers.at(2).body.contains("There is no message 99"));
}

QTEST_GUILESS_MAIN(WebmailTest)
#include "tst_webmail.moc"
