// The HTTP/1.1 server session (RFC 9112) with small fake applications, the response wire
// form, the form encoding, and the client session reading every kind of response body.

#include "core/http/httpclientsession.h"
#include "core/http/httpmessage.h"
#include "core/http/httpserversession.h"

#include <QtTest>

#include <deque>
#include <random>

using namespace carteiro::core;

namespace {

using FormFields = QList<QPair<QString, QString>>;

// The page the echo applications answer: method, target and version, then the body.
HttpResponse echo(const HttpRequest &request)
{
    HttpResponse response;
    response.fields.add("Content-Type", "text/plain");
    response.body = request.method + ' ' + request.target + " HTTP/1." +
                    QByteArray::number(request.minorVersion) + '\n' + request.body;
    return response;
}

// Answers every request at once.
class EchoApplication : public HttpApplication
{
public:
    void handle(const HttpRequest &request, Respond respond) override
    {
        requests.append(request);
        respond(echo(request));
    }

    QList<HttpRequest> requests;
};

// Answers later, when the test says so (as the webmail does after its IMAP dialogue); paths
// starting with /now are answered at once.
class LaterApplication : public HttpApplication
{
public:
    void handle(const HttpRequest &request, Respond respond) override
    {
        ++handled;
        if (request.path().startsWith("/now")) {
            respond(echo(request));
            return;
        }
        pending.push_back({request, std::move(respond)});
        mostPending = std::max(mostPending, int(pending.size()));
    }

    // Answers the oldest request held; false when none is held.
    bool answerOne()
    {
        if (pending.empty())
            return false;
        auto [request, respond] = std::move(pending.front());
        pending.pop_front();
        respond(echo(request));
        return true;
    }

    std::deque<std::pair<HttpRequest, Respond>> pending;
    int handled = 0;
    int mostPending = 0;
};

// The wire form of an echo answer, written out by hand (not with HttpResponse::toWire).
QByteArray ok(const QByteArray &echoed, bool close = false, bool head = false)
{
    return "HTTP/1.1 200 OK\r\n"
           "Content-Type: text/plain\r\n" +
           QByteArray(close ? "Connection: close\r\n" : "") +
           "Content-Length: " + QByteArray::number(echoed.size()) + "\r\n\r\n" +
           (head ? QByteArray() : echoed);
}

const QByteArray kHost = "Host: webmail.hamburger.edu\r\n";

QByteArray get(const QByteArray &target, const QByteArray &extra = {})
{
    return "GET " + target + " HTTP/1.1\r\n" + kHost + extra + "\r\n";
}

QByteArray post(const QByteArray &target, const QByteArray &body)
{
    return "POST " + target + " HTTP/1.1\r\n" + kHost +
           "Content-Type: application/x-www-form-urlencoded\r\n"
           "Content-Length: " +
           QByteArray::number(body.size()) + "\r\n\r\n" + body;
}

QByteArray chunked(const QByteArray &target, const QByteArray &chunks)
{
    return "POST " + target + " HTTP/1.1\r\n" + kHost + "Transfer-Encoding: chunked\r\n\r\n" +
           chunks;
}

// How the bytes reach a session: whole, one at a time, or cut at other points. Every case runs
// in each mode and must give the same output.
enum class Split { Whole, ByByte, Pattern, Random };
struct FeedMode
{
    const char *name;
    Split split;
    unsigned seed;
};
constexpr FeedMode kFeedModes[] = {
    {"whole", Split::Whole, 0},          {"byte by byte", Split::ByByte, 0},
    {"cut 2,5,3,13", Split::Pattern, 0}, {"random cuts 1", Split::Random, 1},
    {"random cuts 2", Split::Random, 2}, {"random cuts 3", Split::Random, 3},
};

QList<QByteArray> pieces(const QByteArray &input, int mode)
{
    const FeedMode &feed = kFeedModes[mode];
    QList<QByteArray> out;
    if (feed.split == Split::Whole) {
        out.append(input);
        return out;
    }
    static constexpr int kPattern[] = {2, 5, 3, 13};
    std::mt19937 random(feed.seed);
    for (qsizetype start = 0, i = 0; start < input.size(); ++i) {
        qsizetype length = 1;
        if (feed.split == Split::Pattern)
            length = kPattern[i % 4];
        else if (feed.split == Split::Random)
            length = qsizetype(random() % 24) + 1;
        out.append(input.mid(start, length));
        start += length;
    }
    return out;
}

struct Served
{
    QByteArray output;
    bool closing = false;
    int handled = 0;
};

Served serve(const QByteArray &input, const HttpLimits &limits, int mode)
{
    EchoApplication application;
    HttpServerSession session(application, limits);
    Served served;
    served.output = session.open();
    for (const QByteArray &piece : pieces(input, mode))
        served.output += session.receive(piece);
    served.closing = session.closing();
    served.handled = int(application.requests.size());
    return served;
}

// The answers in server output, read back by a plain reader of this test's own.
struct Answer
{
    int status = 0;
    HttpFields fields;
    QByteArray body;
};

QList<Answer> answersIn(QByteArray wire)
{
    QList<Answer> answers;
    while (!wire.isEmpty()) {
        const qsizetype end = wire.indexOf("\r\n\r\n");
        if (end < 0)
            return answers << Answer{-1, {}, wire}; // a broken answer fails the comparison
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
        const qsizetype length = answer.fields.value("Content-Length").toLongLong();
        answer.body = wire.mid(end + 4, length);
        wire.remove(0, end + 4 + length);
        answers.append(answer);
    }
    return answers;
}

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxRequestLine = 24;
    limits.maxHeaderSection = 200;
    limits.maxFields = 4;
    limits.maxBody = 10;
    return limits;
}

} // namespace

Q_DECLARE_METATYPE(HttpLimits)
Q_DECLARE_METATYPE(HttpResponse)
Q_DECLARE_METATYPE(HttpRequest)

class HttpServerTest : public QObject
{
    Q_OBJECT

private slots:
    void validRequests_data();
    void validRequests();
    void errors_data();
    void errors();

    void laterAnswersKeepPipelineOrder_data() { feedModes(); }
    void laterAnswersKeepPipelineOrder();
    void laterAndAtOnceAnswersInterleave();
    void requestArrivingWhileBusyWaits();
    void errorWaitsForEarlierAnswer();
    void connectionCloseAfterLaterAnswer();
    void answerAfterSessionGoneIsDropped();
    void headHasGetFieldsWithoutBody();
    void closedSessionIgnoresInput();

    void responseWire_data();
    void responseWire();
    void requestWire_data();
    void requestWire();
    void keepsAlive_data();
    void keepsAlive();
    void fieldNamesIgnoreCase();

    void formEncode_data();
    void formEncode();
    void formDecode_data();
    void formDecode();
    void formValue();
    void htmlEscaped();

    void clientReadsResponse_data();
    void clientReadsResponse();
    void clientPersistentConnection_data() { feedModes(); }
    void clientPersistentConnection();
    void clientFailures_data();
    void clientFailures();

private:
    static void feedModes();
};

void HttpServerTest::feedModes()
{
    QTest::addColumn<int>("feed");
    for (int mode = 0; mode < int(std::size(kFeedModes)); ++mode)
        QTest::newRow(kFeedModes[mode].name) << mode;
}

// ---------------------------------------------------------------------------------------------
// Requests the server reads and answers, in every feed mode.

void HttpServerTest::validRequests_data()
{
    QTest::addColumn<HttpLimits>("limits");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::addColumn<bool>("closes");
    QTest::addColumn<int>("feed");

    struct Case
    {
        const char *name;
        HttpLimits limits;
        QByteArray input;
        QByteArray expected;
        bool closes;
    };
    const QByteArray login = "user=bob%40hamburger.edu&password=ketchup";
    const QByteArray lookalike = "GET /inbox HTTP/1.1\r\nHost: x\r\n\r\n";
    // "POST " + target + " HTTP/1.1" is 24 octets: exactly smallLimits().maxRequestLine.
    const QByteArray longTarget = "/" + QByteArray(24 - 14 - 1, 'a');
    const Case cases[] = {
        {"GET", {}, get("/inbox"), ok("GET /inbox HTTP/1.1\n"), false},
        {"GET with a query",
         {},
         get("/message/3?part=1"),
         ok("GET /message/3?part=1 HTTP/1.1\n"),
         false},
        {"HEAD: same Content-Length, no body",
         {},
         "HEAD /inbox HTTP/1.1\r\n" + kHost + "\r\n",
         ok("HEAD /inbox HTTP/1.1\n", false, true),
         false},
        {"POST with Content-Length",
         {},
         post("/login", login),
         ok("POST /login HTTP/1.1\n" + login),
         false},
        {"POST with Content-Length 0",
         {},
         post("/logout", {}),
         ok("POST /logout HTTP/1.1\n"),
         false},
        {"GET with a body",
         {},
         get("/inbox", "Content-Length: 3\r\n") + "abc",
         ok("GET /inbox HTTP/1.1\nabc"),
         false},
        {"chunked POST with extensions and trailers",
         {},
         chunked("/send", "5;part=one\r\nhello\r\n"
                          "a ; name=\"quoted;value\"\r\n, world!!!\r\n"
                          "0;last\r\n"
                          "Expires: never\r\n"
                          "X-Checksum: 1234\r\n"
                          "\r\n"),
         ok("POST /send HTTP/1.1\nhello, world!!!"),
         false},
        {"chunked: upper-case hex, CRLF inside the data",
         {},
         chunked("/send", "C\r\nline1\r\nline2\r\n0\r\n\r\n"),
         ok("POST /send HTTP/1.1\nline1\r\nline2"),
         false},
        {"chunked: the coding name in any case",
         {},
         "POST /send HTTP/1.1\r\n" + kHost +
             "Transfer-Encoding: Chunked\r\n\r\n2\r\nhi\r\n0\r\n\r\n",
         ok("POST /send HTTP/1.1\nhi"),
         false},
        {"HTTP/1.0 closes", {}, "GET / HTTP/1.0\r\n\r\n", ok("GET / HTTP/1.0\n", true), true},
        {"HTTP/1.0 with keep-alive stays open",
         {},
         "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n" + get("/inbox"),
         ok("GET / HTTP/1.0\n") + ok("GET /inbox HTTP/1.1\n"),
         false},
        {"Connection: close closes; what follows is not read",
         {},
         get("/inbox", "Connection: close\r\n") + get("/compose"),
         ok("GET /inbox HTTP/1.1\n", true),
         true},
        {"Connection: Close in any case",
         {},
         get("/inbox", "connection: Keep-Alive, CLOSE\r\n"),
         ok("GET /inbox HTTP/1.1\n", true),
         true},
        {"bare LF ends lines",
         {},
         "GET /inbox HTTP/1.1\nHost: webmail.hamburger.edu\n\n",
         ok("GET /inbox HTTP/1.1\n"),
         false},
        {"bare LF in chunk lines",
         {},
         "POST /send HTTP/1.1\nHost: w\nTransfer-Encoding: chunked\n\n3\nabc\n0\nX: y\n\n",
         ok("POST /send HTTP/1.1\nabc"),
         false},
        {"leading empty lines are ignored",
         {},
         "\r\n\n\r\n" + get("/inbox"),
         ok("GET /inbox HTTP/1.1\n"),
         false},
        {"pipelined requests are answered in order",
         {},
         get("/one") + post("/two", "x=2") + "HEAD /three HTTP/1.1\r\n" + kHost + "\r\n" +
             chunked("/four", "1\r\n4\r\n0\r\n\r\n") + get("/five"),
         ok("GET /one HTTP/1.1\n") + ok("POST /two HTTP/1.1\nx=2") +
             ok("HEAD /three HTTP/1.1\n", false, true) + ok("POST /four HTTP/1.1\n4") +
             ok("GET /five HTTP/1.1\n"),
         false},
        {"an empty line between pipelined requests",
         {},
         post("/login", login) + "\r\n" + get("/inbox"),
         ok("POST /login HTTP/1.1\n" + login) + ok("GET /inbox HTTP/1.1\n"),
         false},
        {"a body that looks like a request is only a body",
         {},
         post("/send", lookalike) + get("/inbox"),
         ok("POST /send HTTP/1.1\n" + lookalike) + ok("GET /inbox HTTP/1.1\n"),
         false},
        {"field names in any case, values trimmed",
         {},
         "GET /inbox HTTP/1.1\r\nhOST:   webmail.hamburger.edu  \r\n\r\n",
         ok("GET /inbox HTTP/1.1\n"),
         false},
        {"HTTP/1.0 needs no Host",
         {},
         "GET /inbox HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
         ok("GET /inbox HTTP/1.0\n"),
         false},
        {"HTTP/1.2 is read as HTTP/1.1",
         {},
         "GET / HTTP/1.2\r\n" + kHost + "\r\n",
         ok("GET / HTTP/1.1\n"),
         false},
        {"asterisk-form",
         {},
         "OPTIONS * HTTP/1.1\r\n" + kHost + "\r\n",
         ok("OPTIONS * HTTP/1.1\n"),
         false},
        {"an unknown method is the application's to answer",
         {},
         "BREW /pot HTTP/1.1\r\n" + kHost + "\r\n",
         ok("BREW /pot HTTP/1.1\n"),
         false},
        {"a request not yet whole waits", {}, "GET /inbox HTTP/1.1\r\n" + kHost, {}, false},
        {"a body not yet whole waits", {}, post("/login", login).chopped(5), {}, false},
        {"a chunked body not yet whole waits",
         {},
         chunked("/send", "5\r\nhello\r\n0\r\n"),
         {},
         false},
        {"at the limits: request line, fields and body", smallLimits(),
         "POST " + longTarget +
             " HTTP/1.1\r\nHost: w\r\nA: 1\r\nB: 2\r\n"
             "Content-Length: 10\r\n\r\n0123456789",
         ok("POST " + longTarget + " HTTP/1.1\n0123456789"), false},
        {"at the body limit with chunks", smallLimits(),
         "POST / HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n"
         "4\r\n0123\r\n6\r\n456789\r\n0\r\n\r\n",
         ok("POST / HTTP/1.1\n0123456789"), false},
    };
    for (const Case &c : cases)
        for (int mode = 0; mode < int(std::size(kFeedModes)); ++mode)
            QTest::addRow("%s / %s", c.name, kFeedModes[mode].name)
                << c.limits << c.input << c.expected << c.closes << mode;
}

void HttpServerTest::validRequests()
{
    QFETCH(HttpLimits, limits);
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(bool, closes);
    QFETCH(int, feed);

    const Served served = serve(input, limits, feed);
    QCOMPARE(served.output, expected);
    QCOMPARE(served.closing, closes);
}

// Every framing error: its status, an HTML page, "Connection: close", and nothing more read.
void HttpServerTest::errors_data()
{
    QTest::addColumn<HttpLimits>("limits");
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QList<int>>("statuses");
    QTest::addColumn<int>("feed");

    struct Case
    {
        const char *name;
        HttpLimits limits;
        QByteArray input;
        QList<int> statuses;
    };
    QByteArray manyFields = "GET / HTTP/1.1\r\n" + kHost;
    for (int i = 0; i < 100; ++i)
        manyFields += "X-Field-" + QByteArray::number(i) + ": " + QByteArray::number(i) + "\r\n";
    manyFields += "\r\n";
    QByteArray bigFields = "GET / HTTP/1.1\r\n" + kHost; // 90 fields, 18 000 octets
    for (int i = 0; i < 90; ++i)
        bigFields += "X-Pad-" + QByteArray::number(i) + ": " + QByteArray(190, 'p') + "\r\n";
    bigFields += "\r\n";

    const Case cases[] = {
        // 400: the request line.
        {"400 no version", {}, "GET /inbox\r\n\r\n", {400}},
        {"400 two spaces", {}, "GET  /inbox HTTP/1.1\r\n" + kHost + "\r\n", {400}},
        {"400 a space at the end", {}, "GET /inbox HTTP/1.1 \r\n" + kHost + "\r\n", {400}},
        {"400 a tab for a space", {}, "GET\t/inbox HTTP/1.1\r\n" + kHost + "\r\n", {400}},
        {"400 lower-case version", {}, "GET /inbox http/1.1\r\n" + kHost + "\r\n", {400}},
        {"400 version without minor", {}, "GET /inbox HTTP/1\r\n" + kHost + "\r\n", {400}},
        {"400 target not a path", {}, "GET inbox HTTP/1.1\r\n" + kHost + "\r\n", {400}},
        {"400 method not a token", {}, "GE(T / HTTP/1.1\r\n" + kHost + "\r\n", {400}},
        {"400 a line of garbage", {}, "hello\r\n", {400}},
        // 400: the fields.
        {"400 missing Host on HTTP/1.1", {}, "GET / HTTP/1.1\r\n\r\n", {400}},
        {"400 two Host fields", {}, get("/", kHost), {400}},
        {"400 space before the colon", {}, "GET / HTTP/1.1\r\nHost : w\r\n\r\n", {400}},
        {"400 obs-fold", {}, get("/", "X-Long: one\r\n two\r\n"), {400}},
        {"400 obs-fold with a tab", {}, get("/", "X-Long: one\r\n\ttwo\r\n"), {400}},
        {"400 field without colon", {}, get("/", "X-Nothing\r\n"), {400}},
        {"400 empty field name", {}, get("/", ": nameless\r\n"), {400}},
        // 400: the body's framing.
        {"400 Content-Length not a number", {}, get("/", "Content-Length: abc\r\n"), {400}},
        {"400 Content-Length negative", {}, get("/", "Content-Length: -1\r\n"), {400}},
        {"400 Content-Length with a sign", {}, get("/", "Content-Length: +5\r\n"), {400}},
        {"400 Content-Length as a list", {}, get("/", "Content-Length: 5, 5\r\n"), {400}},
        {"400 Content-Length twice",
         {},
         get("/", "Content-Length: 5\r\nContent-Length: 5\r\n") + "hello",
         {400}},
        {"400 Content-Length too long to read",
         {},
         get("/", "Content-Length: 99999999999999999999999\r\n"),
         {400}},
        {"400 Transfer-Encoding and Content-Length",
         {},
         chunked("/send", {}).replace("\r\n\r\n", "\r\nContent-Length: 5\r\n\r\n") + "0\r\n\r\n",
         {400}},
        {"400 chunk size not hexadecimal", {}, chunked("/send", "zz\r\nhello\r\n0\r\n\r\n"), {400}},
        {"400 chunk size negative", {}, chunked("/send", "-5\r\nhello\r\n0\r\n\r\n"), {400}},
        {"400 chunk size missing", {}, chunked("/send", "\r\nhello\r\n0\r\n\r\n"), {400}},
        {"400 chunk data not followed by CRLF",
         {},
         chunked("/send", "5\r\nhelloX\r\n0\r\n\r\n"),
         {400}},
        {"400 chunk line too long",
         {},
         chunked("/send", "1;" + QByteArray(1100, 'x') + "\r\na\r\n0\r\n\r\n"),
         {400}},
        // 411, 413.
        {"411 POST without a length", {}, "POST /login HTTP/1.1\r\n" + kHost + "\r\n", {411}},
        {"411 PUT without a length", {}, "PUT /x HTTP/1.1\r\n" + kHost + "\r\n", {411}},
        {"413 Content-Length over the limit",
         {},
         get("/", "Content-Length: " + QByteArray::number((1 << 20) + 1) + "\r\n"),
         {413}},
        {"413 one chunk over the limit", {}, chunked("/send", "100001\r\n"), {413}},
        {"413 chunks adding up over the limit",
         smallLimits(),
         "POST / HTTP/1.1\r\nHost: w\r\nTransfer-Encoding: chunked\r\n\r\n"
         "6\r\nabcdef\r\n5\r\nghijk\r\n0\r\n\r\n",
         {413}},
        {"413 a chunk size that overflows",
         {},
         chunked("/send", "1\r\na\r\n7fffffffffffffff\r\n"),
         {413}},
        {"413 Content-Length one over a small limit",
         smallLimits(),
         "POST / HTTP/1.1\r\nHost: w\r\nContent-Length: 11\r\n\r\n01234567890",
         {413}},
        // 414, 431.
        {"414 request line too long",
         {},
         "GET /" + QByteArray(8100, 'a') + " HTTP/1.1\r\n" + kHost + "\r\n",
         {414}},
        {"414 one octet over a small limit",
         smallLimits(),
         "GET /" + QByteArray(24 - 13, 'a') + " HTTP/1.1\r\nHost: w\r\n\r\n", // 25 octets
         {414}},
        {"431 one field too big", {}, get("/", "X-Big: " + QByteArray(17000, 'b') + "\r\n"), {431}},
        {"431 header section too big", {}, bigFields, {431}},
        {"431 too many fields", {}, manyFields, {431}},
        {"431 too many fields for a small limit",
         smallLimits(),
         "GET / HTTP/1.1\r\nHost: w\r\nA: 1\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n",
         {431}},
        // 501, 505.
        {"501 Transfer-Encoding gzip",
         {},
         get("/", "Transfer-Encoding: gzip\r\n") + "whatever",
         {501}},
        {"501 Transfer-Encoding gzip, chunked",
         {},
         get("/", "Transfer-Encoding: gzip, chunked\r\n") + "0\r\n\r\n",
         {501}},
        {"505 HTTP/2.0", {}, "GET / HTTP/2.0\r\n" + kHost + "\r\n", {505}},
        {"505 HTTP/0.9", {}, "GET / HTTP/0.9\r\n" + kHost + "\r\n", {505}},
        // An error after good requests: those are answered first.
        {"good requests, then an error",
         {},
         get("/a") + post("/b", "b=1") + "BAD\r\n",
         {200, 200, 400}},
        {"nothing after an error is read", {}, "GET  /\r\n\r\n" + get("/inbox"), {400}},
    };
    for (const Case &c : cases)
        for (int mode = 0; mode < int(std::size(kFeedModes)); ++mode)
            QTest::addRow("%s / %s", c.name, kFeedModes[mode].name)
                << c.limits << c.input << c.statuses << mode;
}

void HttpServerTest::errors()
{
    QFETCH(HttpLimits, limits);
    QFETCH(QByteArray, input);
    QFETCH(QList<int>, statuses);
    QFETCH(int, feed);

    const Served served = serve(input, limits, feed);
    QCOMPARE(served.output, serve(input, limits, 0).output); // the same as fed whole
    QVERIFY(served.closing);
    QCOMPARE(served.handled, int(statuses.size()) - 1);

    const QList<Answer> answers = answersIn(served.output);
    QList<int> got;
    for (const Answer &answer : answers)
        got << answer.status;
    QCOMPARE(got, statuses);
    const Answer &error = answers.last();
    QCOMPARE(error.fields.value("Connection"), QByteArray("close"));
    QCOMPARE(error.fields.value("Content-Type"), QByteArray("text/html; charset=utf-8"));
    QCOMPARE(error.fields.value("Content-Length").toInt(), int(error.body.size()));
    const QByteArray title =
        QByteArray::number(error.status) + ' ' + HttpResponse::reasonPhrase(error.status);
    QVERIFY2(error.body.contains("<h1>" + title + "</h1>"), error.body.constData());
    for (qsizetype i = 0; i + 1 < answers.size(); ++i)
        QVERIFY(!answers.at(i).fields.contains("Connection"));
}

// ---------------------------------------------------------------------------------------------
// Answers given later (the webmail's pages wait for IMAP): still in the order asked.

void HttpServerTest::laterAnswersKeepPipelineOrder()
{
    QFETCH(int, feed);
    LaterApplication application;
    HttpServerSession session(application);
    QByteArray written;
    session.setWriter([&written](const QByteArray &bytes) { written += bytes; });
    QVERIFY(session.answersLater());

    const QByteArray input = get("/one") + post("/two", "x=2") + "HEAD /three HTTP/1.1\r\n" +
                             kHost + "\r\n" + get("/four", "Connection: close\r\n");
    QByteArray output;
    for (const QByteArray &piece : pieces(input, feed))
        output += session.receive(piece);
    QVERIFY(output.isEmpty());
    QVERIFY(written.isEmpty());
    QCOMPARE(session.waiting(), 4);
    QCOMPARE(application.handled, 1); // one request at a time reaches the application
    QVERIFY(session.busy());

    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /one HTTP/1.1\n"));
    QCOMPARE(application.handled, 2);
    QVERIFY(application.answerOne());
    QVERIFY(application.answerOne());
    QVERIFY(session.busy());
    QVERIFY(!session.closing());
    QVERIFY(application.answerOne());
    QVERIFY(!application.answerOne());

    QCOMPARE(written, ok("GET /one HTTP/1.1\n") + ok("POST /two HTTP/1.1\nx=2") +
                          ok("HEAD /three HTTP/1.1\n", false, true) +
                          ok("GET /four HTTP/1.1\n", true));
    QCOMPARE(application.mostPending, 1);
    QVERIFY(session.closing());
    QVERIFY(!session.busy());
    QCOMPARE(session.waiting(), 0);
}

void HttpServerTest::laterAndAtOnceAnswersInterleave()
{
    LaterApplication application;
    HttpServerSession session(application);
    QByteArray written;
    session.setWriter([&written](const QByteArray &bytes) { written += bytes; });

    // An answer at once behind a later one waits for it; one behind it goes out with it.
    QCOMPARE(session.receive(get("/slow") + get("/now") + get("/slow2") + get("/now2")),
             QByteArray());
    QVERIFY(written.isEmpty());
    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /slow HTTP/1.1\n") + ok("GET /now HTTP/1.1\n"));
    QCOMPARE(application.pending.size(), std::size_t(1));
    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /slow HTTP/1.1\n") + ok("GET /now HTTP/1.1\n") +
                          ok("GET /slow2 HTTP/1.1\n") + ok("GET /now2 HTTP/1.1\n"));
    QVERIFY(!session.busy());

    // Answers at once come back from receive() itself, not through the writer.
    written.clear();
    QCOMPARE(session.receive(get("/now3")), ok("GET /now3 HTTP/1.1\n"));
    QVERIFY(written.isEmpty());
}

void HttpServerTest::requestArrivingWhileBusyWaits()
{
    LaterApplication application;
    HttpServerSession session(application);
    QByteArray written;
    session.setWriter([&written](const QByteArray &bytes) { written += bytes; });

    QVERIFY(session.receive(get("/one")).isEmpty());
    QVERIFY(session.busy());
    QVERIFY(session.receive(get("/two").left(10)).isEmpty());
    QVERIFY(session.receive(get("/two").mid(10)).isEmpty());
    QCOMPARE(application.handled, 1);
    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /one HTTP/1.1\n"));
    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /one HTTP/1.1\n") + ok("GET /two HTTP/1.1\n"));
    QVERIFY(!session.busy());
    QVERIFY(!session.closing());
}

void HttpServerTest::errorWaitsForEarlierAnswer()
{
    LaterApplication application;
    HttpServerSession session(application);
    QByteArray written;
    session.setWriter([&written](const QByteArray &bytes) { written += bytes; });

    QVERIFY(session.receive(get("/one") + "GET  /bad HTTP/1.1\r\n\r\n").isEmpty());
    QVERIFY(written.isEmpty());
    QVERIFY(!session.closing()); // the error is not answered before the page asked first
    QVERIFY(application.answerOne());
    const QList<Answer> answers = answersIn(written);
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).status, 200);
    QCOMPARE(answers.at(1).status, 400);
    QCOMPARE(answers.at(1).fields.value("Connection"), QByteArray("close"));
    QVERIFY(session.closing());
    QVERIFY(!session.busy());
    QCOMPARE(application.handled, 1);
}

void HttpServerTest::connectionCloseAfterLaterAnswer()
{
    LaterApplication application;
    HttpServerSession session(application);
    QByteArray written;
    session.setWriter([&written](const QByteArray &bytes) { written += bytes; });

    QVERIFY(session.receive(get("/one", "Connection: close\r\n") + get("/two")).isEmpty());
    QVERIFY(!session.closing());
    QVERIFY(application.answerOne());
    QCOMPARE(written, ok("GET /one HTTP/1.1\n", true));
    QVERIFY(session.closing());
    QVERIFY(!session.busy());
    QCOMPARE(application.handled, 1); // /two never reaches the application
    QVERIFY(session.receive(get("/three")).isEmpty());
}

void HttpServerTest::answerAfterSessionGoneIsDropped()
{
    LaterApplication application;
    QByteArray written;
    {
        HttpServerSession session(application);
        session.setWriter([&written](const QByteArray &bytes) { written += bytes; });
        QVERIFY(session.receive(get("/one")).isEmpty());
    }
    QVERIFY(application.answerOne()); // the connection was closed: nothing happens
    QVERIFY(written.isEmpty());
}

void HttpServerTest::headHasGetFieldsWithoutBody()
{
    // An application that answers HEAD as it answers GET, as RFC 9110 section 9.3.2 asks.
    class Page : public HttpApplication
    {
    public:
        void handle(const HttpRequest &, Respond respond) override
        {
            HttpResponse response;
            response.fields.add("Content-Type", "text/html; charset=utf-8");
            response.body = "<!DOCTYPE html>\r\n<title>Inbox</title>\r\n";
            respond(response);
        }
    } page;
    HttpServerSession getSession(page);
    HttpServerSession headSession(page);
    const QByteArray got = getSession.receive(get("/inbox"));
    const QByteArray head = headSession.receive("HEAD /inbox HTTP/1.1\r\n" + kHost + "\r\n");
    QVERIFY(got.endsWith("<title>Inbox</title>\r\n"));
    QVERIFY(head.contains("Content-Length: 39\r\n"));
    QCOMPARE(head + "<!DOCTYPE html>\r\n<title>Inbox</title>\r\n", got);
}

void HttpServerTest::closedSessionIgnoresInput()
{
    EchoApplication application;
    HttpServerSession session(application);
    QVERIFY(session.receive("GET / HTTP/9.9\r\n\r\n").startsWith("HTTP/1.1 505 "));
    QVERIFY(session.closing());
    QVERIFY(session.receive(get("/inbox")).isEmpty());
    QVERIFY(application.requests.isEmpty());
    QVERIFY(!session.busy());
}

// ---------------------------------------------------------------------------------------------
// The wire form of messages.

void HttpServerTest::responseWire_data()
{
    QTest::addColumn<HttpResponse>("response");
    QTest::addColumn<QByteArray>("expected");

    auto make = [](int status, const QByteArray &body, bool headOnly = false) {
        HttpResponse response;
        response.status = status;
        response.body = body;
        response.headOnly = headOnly;
        return response;
    };
    HttpResponse html = make(200, "hello");
    html.fields.add("Content-Type", "text/html");
    QTest::newRow("200 with a body") << html
                                     << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                                                   "Content-Length: 5\r\n\r\nhello");
    html.headOnly = true;
    QTest::newRow("HEAD: the same fields, no body")
        << html
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                      "Content-Length: 5\r\n\r\n");
    QTest::newRow("empty body") << make(200, {})
                                << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
    QTest::newRow("204 without Content-Length")
        << make(204, {}) << QByteArray("HTTP/1.1 204 No Content\r\n\r\n");
    QTest::newRow("204 never carries a body")
        << make(204, "ignored") << QByteArray("HTTP/1.1 204 No Content\r\n\r\n");
    HttpResponse redirect = make(303, {});
    redirect.fields.add("Location", "/inbox");
    redirect.fields.add("Set-Cookie", "sid=abc; Path=/; HttpOnly");
    QTest::newRow("303 with Location")
        << redirect
        << QByteArray("HTTP/1.1 303 See Other\r\nLocation: /inbox\r\n"
                      "Set-Cookie: sid=abc; Path=/; HttpOnly\r\n"
                      "Content-Length: 0\r\n\r\n");
    HttpResponse given = make(200, "abc");
    given.fields.add("Content-Length", "3");
    QTest::newRow("a Content-Length given is not repeated")
        << given << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabc");
    HttpResponse notAllowed = make(405, "no");
    notAllowed.fields.add("Allow", "GET, HEAD");
    QTest::newRow("405 with Allow")
        << notAllowed
        << QByteArray("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD\r\n"
                      "Content-Length: 2\r\n\r\nno");
    const QList<QPair<int, QByteArray>> reasons = {{400, "Bad Request"},
                                                   {403, "Forbidden"},
                                                   {404, "Not Found"},
                                                   {411, "Length Required"},
                                                   {413, "Content Too Large"},
                                                   {414, "URI Too Long"},
                                                   {431, "Request Header Fields Too Large"},
                                                   {501, "Not Implemented"},
                                                   {502, "Bad Gateway"},
                                                   {505, "HTTP Version Not Supported"},
                                                   {299, "Unknown"}};
    for (const auto &[status, reason] : reasons)
        QTest::addRow("%d %s", status, reason.constData())
            << make(status, "x")
            << "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason +
                   "\r\nContent-Length: 1\r\n\r\nx";
}

void HttpServerTest::responseWire()
{
    QFETCH(HttpResponse, response);
    QFETCH(QByteArray, expected);
    QCOMPARE(response.toWire(), expected);
}

void HttpServerTest::requestWire_data()
{
    QTest::addColumn<HttpRequest>("request");
    QTest::addColumn<QByteArray>("expected");

    HttpRequest request;
    request.method = "GET";
    request.target = "/inbox";
    request.fields.add("Host", "w");
    QTest::newRow("GET") << request << QByteArray("GET /inbox HTTP/1.1\r\nHost: w\r\n\r\n");
    request.minorVersion = 0;
    QTest::newRow("HTTP/1.0") << request << QByteArray("GET /inbox HTTP/1.0\r\nHost: w\r\n\r\n");
    request.minorVersion = 1;
    request.method = "POST";
    request.target = "/login";
    request.body = "user=bob";
    QTest::newRow("POST gets a Content-Length") << request
                                                << QByteArray("POST /login HTTP/1.1\r\nHost: w\r\n"
                                                              "Content-Length: 8\r\n\r\nuser=bob");
    request.fields.add("Content-Length", "8");
    QTest::newRow("a Content-Length given is not repeated")
        << request
        << QByteArray("POST /login HTTP/1.1\r\nHost: w\r\n"
                      "Content-Length: 8\r\n\r\nuser=bob");
}

void HttpServerTest::requestWire()
{
    QFETCH(HttpRequest, request);
    QFETCH(QByteArray, expected);
    QCOMPARE(request.toWire(), expected);
    // What a client writes, the server reads back the same.
    EchoApplication application;
    HttpServerSession session(application);
    session.receive(expected);
    QCOMPARE(application.requests.size(), 1);
    const HttpRequest &read = application.requests.first();
    QCOMPARE(read.method, request.method);
    QCOMPARE(read.target, request.target);
    QCOMPARE(read.minorVersion, request.minorVersion);
    QCOMPARE(read.body, request.body);
    QCOMPARE(read.fields.value("Host"), QByteArray("w"));
}

void HttpServerTest::keepsAlive_data()
{
    QTest::addColumn<int>("minor");
    QTest::addColumn<QByteArray>("connection");
    QTest::addColumn<bool>("keepsAlive");

    QTest::newRow("1.1 by default") << 1 << QByteArray() << true;
    QTest::newRow("1.1 close") << 1 << QByteArray("close") << false;
    QTest::newRow("1.1 Close in a list") << 1 << QByteArray("Upgrade, Close") << false;
    QTest::newRow("1.1 keep-alive") << 1 << QByteArray("keep-alive") << true;
    QTest::newRow("1.0 by default") << 0 << QByteArray() << false;
    QTest::newRow("1.0 keep-alive") << 0 << QByteArray("Keep-Alive") << true;
    QTest::newRow("1.0 close") << 0 << QByteArray("close") << false;
}

void HttpServerTest::keepsAlive()
{
    QFETCH(int, minor);
    QFETCH(QByteArray, connection);
    QFETCH(bool, keepsAlive);
    HttpRequest request;
    request.method = "GET";
    request.target = "/";
    request.minorVersion = minor;
    if (!connection.isEmpty())
        request.fields.add("Connection", connection);
    QCOMPARE(request.keepsAlive(), keepsAlive);
}

void HttpServerTest::fieldNamesIgnoreCase()
{
    HttpFields fields;
    fields.add("Set-Cookie", "a=1");
    fields.add("set-cookie", "b=2");
    fields.add("Host", "w");
    QCOMPARE(fields.value("SET-COOKIE"), QByteArray("a=1")); // the first one
    QCOMPARE(fields.count("Set-Cookie"), 2);
    QVERIFY(fields.contains("host"));
    QVERIFY(!fields.contains("Cookie"));
    QCOMPARE(fields.value("Cookie"), QByteArray());
    QCOMPARE(fields.all().size(), 3);

    HttpRequest request;
    request.target = "/message/3?part=1&x=2";
    QCOMPARE(request.path(), QByteArray("/message/3"));
    request.target = "/inbox";
    QCOMPARE(request.path(), QByteArray("/inbox"));
}

// ---------------------------------------------------------------------------------------------
// application/x-www-form-urlencoded.

void HttpServerTest::formEncode_data()
{
    QTest::addColumn<FormFields>("fields");
    QTest::addColumn<QByteArray>("encoded");

    auto one = [](const char *name, const QString &value) {
        return FormFields{{QString::fromUtf8(name), value}};
    };
    QTest::newRow("sign-in form")
        << FormFields{{QStringLiteral("user"), QStringLiteral("bob@hamburger.edu")},
                      {QStringLiteral("password"), QStringLiteral("ketchup")}}
        << QByteArray("user=bob%40hamburger.edu&password=ketchup");
    QTest::newRow("spaces as +") << one("subject", QStringLiteral("Re: lunch on Friday"))
                                 << QByteArray("subject=Re%3A+lunch+on+Friday");
    QTest::newRow("UTF-8 Olá") << one("body", QStringLiteral("Olá mundo"))
                               << QByteArray("body=Ol%C3%A1+mundo");
    QTest::newRow("Crêpes") << one("subject", QStringLiteral("Crêpes?"))
                            << QByteArray("subject=Cr%C3%AApes%3F");
    QTest::newRow("& and = in a value")
        << one("q", QStringLiteral("a&b=c")) << QByteArray("q=a%26b%3Dc");
    QTest::newRow("+ in a value") << one("to", QStringLiteral("bob+news@hamburger.edu"))
                                  << QByteArray("to=bob%2Bnews%40hamburger.edu");
    QTest::newRow("% in a value") << one("x", QStringLiteral("100%")) << QByteArray("x=100%25");
    QTest::newRow("line breaks") << one("body", QStringLiteral("one\r\ntwo"))
                                 << QByteArray("body=one%0D%0Atwo");
    QTest::newRow("unreserved kept")
        << one("x", QStringLiteral("a-b_c.d~e")) << QByteArray("x=a-b_c.d~e");
    QTest::newRow("empty value") << one("cc", QString()) << QByteArray("cc=");
    QTest::newRow("the name is encoded too")
        << FormFields{{QStringLiteral("a b&c"), QStringLiteral("1")}} << QByteArray("a+b%26c=1");
    QTest::newRow("a name twice") << FormFields{{QStringLiteral("to"), QStringLiteral("a")},
                                                {QStringLiteral("to"), QStringLiteral("b")}}
                                  << QByteArray("to=a&to=b");
    QTest::newRow("nothing") << FormFields{} << QByteArray();
}

void HttpServerTest::formEncode()
{
    QFETCH(FormFields, fields);
    QFETCH(QByteArray, encoded);
    QCOMPARE(form::encode(fields), encoded);
    QCOMPARE(form::decode(encoded), fields); // the round trip
}

void HttpServerTest::formDecode_data()
{
    QTest::addColumn<QByteArray>("encoded");
    QTest::addColumn<FormFields>("fields");

    QTest::newRow("+ is a space, %2B a plus")
        << QByteArray("a=1%2B1+2") << FormFields{{QStringLiteral("a"), QStringLiteral("1+1 2")}};
    QTest::newRow("lower-case hex")
        << QByteArray("x=Ol%c3%a1") << FormFields{{QStringLiteral("x"), QStringLiteral("Olá")}};
    QTest::newRow("raw UTF-8") << QByteArray("x=Ol\xc3\xa1")
                               << FormFields{{QStringLiteral("x"), QStringLiteral("Olá")}};
    QTest::newRow("a name without =") << QByteArray("flag&x=1")
                                      << FormFields{{QStringLiteral("flag"), QString()},
                                                    {QStringLiteral("x"), QStringLiteral("1")}};
    QTest::newRow("empty pairs skipped")
        << QByteArray("&&a=1&") << FormFields{{QStringLiteral("a"), QStringLiteral("1")}};
    QTest::newRow("= after the first belongs to the value")
        << QByteArray("a=b=c") << FormFields{{QStringLiteral("a"), QStringLiteral("b=c")}};
    QTest::newRow("empty body") << QByteArray() << FormFields{};
}

void HttpServerTest::formDecode()
{
    QFETCH(QByteArray, encoded);
    QFETCH(FormFields, fields);
    QCOMPARE(form::decode(encoded), fields);
}

void HttpServerTest::formValue()
{
    const FormFields fields = form::decode("to=a&subject=Hi&to=b");
    QCOMPARE(form::value(fields, QStringLiteral("to")), QStringLiteral("a"));
    QCOMPARE(form::value(fields, QStringLiteral("subject")), QStringLiteral("Hi"));
    QCOMPARE(form::value(fields, QStringLiteral("cc")), QString());
    QCOMPARE(form::value(fields, QStringLiteral("Subject")), QString()); // names are exact
}

void HttpServerTest::htmlEscaped()
{
    // Pages escape with QString::toHtmlEscaped (the webmail and the error pages).
    QCOMPARE(QStringLiteral("Alice <alice@crepes.fr> said \"a & b\"").toHtmlEscaped(),
             QStringLiteral("Alice &lt;alice@crepes.fr&gt; said &quot;a &amp; b&quot;"));
    QCOMPARE(QStringLiteral("Crêpes").toHtmlEscaped(), QStringLiteral("Crêpes"));
}

// ---------------------------------------------------------------------------------------------
// The client side: every body framing, cut anywhere.

void HttpServerTest::clientReadsResponse_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("untilClose");
    QTest::addColumn<int>("feed");

    struct Case
    {
        const char *name;
        QByteArray method;
        QByteArray response;
        int status;
        QByteArray body;
        bool untilClose;
    };
    const QByteArray page = "<!DOCTYPE html>\r\n<title>Inbox</title>\r\n";
    const Case cases[] = {
        {"Content-Length", "GET",
         "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " +
             QByteArray::number(page.size()) + "\r\n\r\n" + page,
         200, page, false},
        {"Content-Length 0",
         "GET",
         "HTTP/1.1 303 See Other\r\nLocation: /\r\nContent-Length: 0\r\n\r\n",
         303,
         {},
         false},
        {"chunked with extensions and trailers", "GET",
         "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
         "7;part=1\r\n<html>\n\r\n"
         "1B\r\n<title>Inbox</title></html>\r\n"
         "0\r\nExpires: never\r\n\r\n",
         200, "<html>\n<title>Inbox</title></html>", false},
        {"until the close", "GET",
         "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nline one\r\nline two\r\n", 200,
         "line one\r\nline two\r\n", true},
        {"bare LF", "GET", "HTTP/1.1 404 Not Found\nContent-Length: 4\n\nnope", 404, "nope", false},
        {"HEAD: Content-Length without a body",
         "HEAD",
         "HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n",
         200,
         {},
         false},
        {"204 without a body", "GET", "HTTP/1.1 204 No Content\r\n\r\n", 204, {}, false},
    };
    for (const Case &c : cases)
        for (int mode = 0; mode < int(std::size(kFeedModes)); ++mode)
            QTest::addRow("%s / %s", c.name, kFeedModes[mode].name)
                << c.method << c.response << c.status << c.body << c.untilClose << mode;
}

void HttpServerTest::clientReadsResponse()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, response);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(bool, untilClose);
    QFETCH(int, feed);

    HttpRequest request;
    request.method = method;
    request.target = "/inbox";
    request.fields.add("Host", "webmail.hamburger.edu");
    QList<HttpResponse> seen;
    QStringList failures;
    HttpClientSession session(
        [&](const HttpResponse *last) -> std::optional<HttpRequest> {
            if (!last)
                return request;
            seen.append(*last);
            return std::nullopt; // one page, then the session ends
        },
        [&](const QString &error) { failures << error; });
    QVERIFY(session.speaksFirst());
    QCOMPARE(session.open(), request.toWire());

    for (const QByteArray &piece : pieces(response, feed))
        QVERIFY(session.receive(piece).isEmpty());
    if (untilClose) {
        QVERIFY(seen.isEmpty()); // the body may go on until the server closes
        QVERIFY(!session.closing());
        session.connectionLost();
    }
    QCOMPARE(failures, QStringList());
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.first().status, status);
    QCOMPARE(seen.first().body, body);
    QVERIFY(session.closing());
}

void HttpServerTest::clientPersistentConnection()
{
    QFETCH(int, feed);
    // Two pages on one connection: the second request goes out once the first page is read.
    QList<HttpRequest> requests;
    for (const QByteArray &target : {QByteArray("/inbox"), QByteArray("/message/1")}) {
        HttpRequest request;
        request.method = "GET";
        request.target = target;
        request.fields.add("Host", "w");
        requests.append(request);
    }
    QList<QByteArray> bodies;
    HttpClientSession session(
        [&](const HttpResponse *last) -> std::optional<HttpRequest> {
            if (last)
                bodies.append(last->body);
            if (requests.isEmpty())
                return std::nullopt;
            return requests.takeFirst();
        },
        [](const QString &error) { QFAIL(qPrintable(error)); });
    QCOMPARE(session.open(), QByteArray("GET /inbox HTTP/1.1\r\nHost: w\r\n\r\n"));

    QByteArray sent;
    for (const QByteArray &piece :
         pieces("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nfirst", feed))
        sent += session.receive(piece);
    QCOMPARE(sent, QByteArray("GET /message/1 HTTP/1.1\r\nHost: w\r\n\r\n"));
    QVERIFY(!session.closing());
    sent.clear();
    for (const QByteArray &piece : pieces("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                          "6\r\nsecond\r\n0\r\n\r\n",
                                          feed))
        sent += session.receive(piece);
    QVERIFY(sent.isEmpty());
    QCOMPARE(bodies, (QList<QByteArray>{"first", "second"}));
    QVERIFY(session.closing());
}

void HttpServerTest::clientFailures_data()
{
    QTest::addColumn<QByteArray>("response");
    QTest::addColumn<bool>("lose"); // the connection breaks after the bytes
    QTest::addColumn<QString>("failure");

    QTest::newRow("not an HTTP status line")
        << QByteArray("SSH-2.0-OpenSSH\r\n") << false
        << QStringLiteral("not an HTTP status line: SSH-2.0-OpenSSH");
    QTest::newRow("closed in the middle of a body")
        << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc") << true
        << QStringLiteral("connection closed by the server");
    QTest::newRow("closed before any answer")
        << QByteArray() << true << QStringLiteral("connection closed by the server");
    QTest::newRow("a bad chunk")
        << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << false
        << QStringLiteral("A chunk must start with its size in hexadecimal (RFC 9112 section "
                          "7.1).");
    QTest::newRow("Connection: close while more pages were wanted")
        << QByteArray("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok")
        << false << QStringLiteral("the server closed the connection");
}

void HttpServerTest::clientFailures()
{
    QFETCH(QByteArray, response);
    QFETCH(bool, lose);
    QFETCH(QString, failure);

    for (int mode = 0; mode < int(std::size(kFeedModes)); ++mode) {
        QStringList failures;
        HttpClientSession session(
            [](const HttpResponse *) {
                HttpRequest request; // this visitor always wants one more page
                request.method = "GET";
                request.target = "/";
                request.fields.add("Host", "w");
                return std::optional<HttpRequest>(request);
            },
            [&failures](const QString &error) { failures << error; });
        session.open();
        for (const QByteArray &piece : pieces(response, mode))
            session.receive(piece);
        if (lose)
            session.connectionLost();
        QCOMPARE(failures, QStringList{failure});
        QVERIFY(session.closing());
        QVERIFY(session.receive("HTTP/1.1 200 OK\r\n\r\n").isEmpty());
    }
}

QTEST_GUILESS_MAIN(HttpServerTest)
#include "tst_httpserver.moc"
