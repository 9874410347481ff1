#include "core/imap/imapcommand.h"
#include "core/imap/imapserversession.h"
#include "core/mailbox/mailboxstore.h"

#include <QtTest>

using namespace carteiro::core;

namespace {

const QString kAna = QStringLiteral("ana@hamburger.edu");
const QString kBob = QStringLiteral("bob@hamburger.edu");
const QString kInbox = QStringLiteral("INBOX");
const QString kArchive = QStringLiteral("Archive");

// Ana's INBOX (UIDVALIDITY 7): a plain note, a multipart already \Seen, and an old message
// stored with bare LF (on the wire it is 28 octets with CRLF) that is \Seen and \Flagged.
const QByteArray kFirst = "From: Bob <bob@hamburger.edu>\r\n"
                          "To: ana@hamburger.edu\r\n"
                          "Subject: Lunch\r\n"
                          "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\n"
                          "Message-ID: <1@hamburger.edu>\r\n"
                          "\r\n"
                          "Hi Ana\r\n";
const QByteArray kSecond = "From: carol@burger.edu\r\n"
                           "To: ana@hamburger.edu\r\n"
                           "Subject: Photos\r\n"
                           "MIME-Version: 1.0\r\n"
                           "Content-Type: multipart/mixed; boundary=\"XX\"\r\n"
                           "\r\n"
                           "--XX\r\n"
                           "Content-Type: text/plain; charset=utf-8\r\n"
                           "\r\n"
                           "See attached\r\n"
                           "--XX\r\n"
                           "Content-Type: image/png\r\n"
                           "Content-Transfer-Encoding: base64\r\n"
                           "\r\n"
                           "iVBORw0K\r\n"
                           "--XX--\r\n";
const QByteArray kThird = "Subject: Old news\n\nbody\n";
const QByteArray kAppended = "Subject: Draft\r\n\r\nTo do\r\n"; // 25 octets

QByteArray wire(const QByteArrayList &lines)
{
    QByteArray bytes;
    for (const QByteArray &line : lines)
        bytes += line + "\r\n";
    return bytes;
}

void fillStore(MailboxStore &store)
{
    store.addAccount(kAna, QStringLiteral("Ana"), QStringLiteral("faminta"));
    store.addAccount(kBob, QStringLiteral("Bob"), QStringLiteral("hungry"));
    store.account(kAna)->folders[kInbox].uidValidity = 7;
    store.deliver(kAna, kFirst, 100);
    store.append(kAna, kInbox, kSecond, {QStringLiteral("\\Seen")}, 2 * kHour);
    store.append(kAna, kInbox, kThird, {QStringLiteral("\\Seen"), QStringLiteral("\\Flagged")},
                 -2 * kDay);
    store.createFolder(kAna, kArchive); // UIDVALIDITY 8
}

ImapServerConfig testConfig(int errorLimit = 20)
{
    ImapServerConfig config;
    config.hostname = QStringLiteral("imap.hamburger.edu");
    config.localDomains = {QStringLiteral("hamburger.edu")};
    config.hardErrorLimit = errorLimit;
    return config;
}

enum class Feed { Whole, ByLine, ByByte };

struct Outcome
{
    QByteArray output;
    bool closing = false;
};

Outcome runSession(MailboxStore &store, const QByteArray &input, Feed feed, int errorLimit = 20)
{
    ImapServerSession session(testConfig(errorLimit), &store);
    Outcome outcome;
    outcome.output = session.open();
    switch (feed) {
    case Feed::Whole:
        outcome.output += session.receive(input);
        break;
    case Feed::ByLine:
        for (qsizetype start = 0; start < input.size();) {
            qsizetype end = input.indexOf('\n', start);
            end = end < 0 ? input.size() : end + 1;
            outcome.output += session.receive(input.mid(start, end - start));
            start = end;
        }
        break;
    case Feed::ByByte:
        for (char byte : input)
            outcome.output += session.receive(QByteArray(1, byte));
        break;
    }
    outcome.closing = session.closing();
    return outcome;
}

// Runs input in a fresh session on a given store and returns what came after the greeting.
QByteArray talk(MailboxStore &store, const QByteArray &input)
{
    ImapServerSession session(testConfig(), &store);
    session.open();
    return session.receive(input);
}

const QByteArray kGreeting =
    "* OK [CAPABILITY IMAP4rev1 LITERAL+ IDLE AUTH=PLAIN] imap.hamburger.edu IMAP4rev1 server "
    "ready";
const QByteArray kBye = "* BYE imap.hamburger.edu IMAP4rev1 server logging out";
const QByteArray kLogin = "a1 LOGIN ana faminta";
const QByteArray kLoggedIn = "a1 OK LOGIN completed";

// SELECT INBOX on the fresh store, as tag s.
const QByteArrayList kSelectInbox = {
    "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
    "* 3 EXISTS",
    "* 3 RECENT",
    "* OK [UNSEEN 1] Message 1 is first unseen",
    "* OK [UIDVALIDITY 7] UIDs valid",
    "* OK [UIDNEXT 4] Predicted next UID",
    "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
    "s OK [READ-WRITE] SELECT completed"};

QByteArray selected(const QByteArrayList &lines)
{
    return wire(QByteArrayList{kLoggedIn} + kSelectInbox + lines);
}

QByteArray afterSelect(const QByteArrayList &lines)
{
    return wire(QByteArrayList{kLogin, "s SELECT INBOX"} + lines);
}

} // namespace

class TestImapServer : public QObject
{
    Q_OBJECT

private slots:
    void dialogue_data();
    void dialogue();

    void literalSplitAnywhere_data();
    void literalSplitAnywhere();
    void sequenceSets_data();
    void sequenceSets();
    void flagsPersistAcrossSessions();
    void foldersPersistAcrossSessions();
    void recentBelongsToOneSession();
    void noopReportsOtherSessionsChanges();
    void recreatedFolderHasNewUidValidity();
    void changeListenerSeesInboxChanges();
    void appendUsesSessionTime();
    void nothingAfterLogout();
};

void TestImapServer::dialogue_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected"); // after the greeting
    QTest::addColumn<bool>("closing");
    QTest::addColumn<int>("errorLimit");

    // --- any state ---
    QTest::newRow("capability") << wire({"a1 CAPABILITY", "a2 capability"})
                                << wire({"* CAPABILITY IMAP4rev1 LITERAL+ IDLE AUTH=PLAIN",
                                         "a1 OK CAPABILITY completed",
                                         "* CAPABILITY IMAP4rev1 LITERAL+ IDLE AUTH=PLAIN",
                                         "a2 OK CAPABILITY completed"})
                                << false << 20;
    QTest::newRow("noop and logout")
        << wire({"a1 NOOP", "a2 LOGOUT", "a3 NOOP"})
        << wire({"a1 OK NOOP completed", "* BYE imap.hamburger.edu IMAP4rev1 server logging out",
                 "a2 OK LOGOUT completed"})
        << true << 20;

    // --- LOGIN and AUTHENTICATE (RFC 3501 section 6.2) ---
    QTest::newRow("login short name")
        << wire({kLogin, "a2 LOGOUT"})
        << wire({"a1 OK LOGIN completed", "* BYE imap.hamburger.edu IMAP4rev1 server logging out",
                 "a2 OK LOGOUT completed"})
        << true << 20;
    QTest::newRow("login full address quoted")
        << wire({"a1 login \"ana@hamburger.edu\" \"faminta\"", "a2 SELECT INBOX"})
        << wire(
               {"a1 OK LOGIN completed", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 3 EXISTS", "* 3 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "a2 OK [READ-WRITE] SELECT completed"})
        << false << 20;
    QTest::newRow("login bad password")
        << wire({"a1 LOGIN ana wrong", "a2 SELECT INBOX", "a3 LOGIN zed faminta"})
        << wire({"a1 NO [AUTHENTICATIONFAILED] Invalid credentials",
                 "a2 BAD Command not valid in this state",
                 "a3 NO [AUTHENTICATIONFAILED] Invalid credentials"})
        << false << 20;
    QTest::newRow("login with literals")
        << QByteArray("a1 LOGIN {3}\r\nana {7}\r\nfaminta\r\na2 NOOP\r\n")
        << wire({"+ Ready for literal data", "+ Ready for literal data", "a1 OK LOGIN completed",
                 "a2 OK NOOP completed"})
        << false << 20;
    QTest::newRow("login with non-synchronising literal")
        << QByteArray("a1 LOGIN {3+}\r\nana {7+}\r\nfaminta\r\n") << wire({"a1 OK LOGIN completed"})
        << false << 20;
    QTest::newRow("login twice") << wire({kLogin, "a2 LOGIN ana faminta"})
                                 << wire({"a1 OK LOGIN completed",
                                          "a2 BAD Command not valid in this state"})
                                 << false << 20;
    QTest::newRow("authenticate plain")
        << wire({"a1 AUTHENTICATE PLAIN", "AGFuYQBmYW1pbnRh", "a2 SELECT inbox"})
        << wire(
               {"+ ", "a1 OK AUTHENTICATE completed",
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS",
                "* 3 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "a2 OK [READ-WRITE] SELECT completed"})
        << false << 20;
    QTest::newRow("authenticate plain initial response")
        << wire({"a1 AUTHENTICATE PLAIN "
                 "YW5hQGhhbWJ1cmdlci5lZHUAYW5hQGhhbWJ1cmdlci5lZHUAZmFtaW50YQ=="})
        << wire({"a1 OK AUTHENTICATE completed"}) << false << 20;
    QTest::newRow("authenticate failures")
        << wire({"a1 AUTHENTICATE PLAIN", "AGFuYQB3cm9uZw==", "a2 AUTHENTICATE PLAIN", "*",
                 "a3 AUTHENTICATE PLAIN", "not base64!", "a4 AUTHENTICATE PLAIN",
                 "Ym9iAGFuYQBmYW1pbnRh", "a5 AUTHENTICATE CRAM-MD5"})
        << wire({"+ ", "a1 NO [AUTHENTICATIONFAILED] Invalid credentials", "+ ",
                 "a2 BAD AUTHENTICATE cancelled", "+ ", "a3 BAD Invalid base64 data", "+ ",
                 "a4 NO [AUTHENTICATIONFAILED] Invalid credentials",
                 "a5 NO Unsupported authentication mechanism"})
        << false << 20;

    // --- wrong state ---
    QTest::newRow("not authenticated")
        << wire({"a1 SELECT INBOX", "a2 FETCH 1 FLAGS", "a3 LIST \"\" *", "a4 IDLE",
                 "a5 APPEND INBOX {1}", "x", "a6 STATUS INBOX (MESSAGES)"})
        << wire({"a1 BAD Command not valid in this state", "a2 BAD Command not valid in this state",
                 "a3 BAD Command not valid in this state", "a4 BAD Command not valid in this state",
                 "+ Ready for literal data", "a5 BAD Command not valid in this state",
                 "a6 BAD Command not valid in this state"})
        << false << 20;
    QTest::newRow("authenticated but nothing selected")
        << wire({kLogin, "a2 FETCH 1 FLAGS", "a3 EXPUNGE", "a4 CLOSE", "a5 SEARCH ALL",
                 "a6 STORE 1 FLAGS (\\Seen)", "a7 COPY 1 Archive", "a8 CHECK",
                 "a9 UID FETCH 1 FLAGS"})
        << wire({"a1 OK LOGIN completed", "a2 BAD Command not valid in this state",
                 "a3 BAD Command not valid in this state", "a4 BAD Command not valid in this state",
                 "a5 BAD Command not valid in this state", "a6 BAD Command not valid in this state",
                 "a7 BAD Command not valid in this state", "a8 BAD Command not valid in this state",
                 "a9 BAD Command not valid in this state"})
        << false << 20;

    // --- the parser's errors ---
    QTest::newRow("unknown commands")
        << wire({"a1 FROB", "a2 UID EXPUNGE 1", "a3 UID", "a4", "+a5 NOOP", "", "a6 UID LIST"})
        << wire({"a1 BAD Command unrecognized", "a2 BAD Command unrecognized",
                 "a3 BAD Missing command", "a4 BAD Missing command", "* BAD Invalid tag",
                 "* BAD Empty command line", "a6 BAD Command unrecognized"})
        << false << 20;
    QTest::newRow("bad syntax") << wire({"a1 LOGIN ana", "a2 NOOP now", "a3 LOGIN \"ana faminta",
                                         "a4 LOGIN (ana) faminta", "a5 LOGIN ana faminta)",
                                         "a6 LOGIN \"a\\b\" c", "a7 LOGIN {x}"})
                                << wire({"a1 BAD Missing argument", "a2 BAD Too many arguments",
                                         "a3 BAD Unterminated quoted string",
                                         "a4 BAD Invalid argument", "a5 BAD Unbalanced parenthesis",
                                         "a6 BAD Invalid argument", "a7 BAD Invalid literal"})
                                << false << 20;
    QTest::newRow("command line too long")
        << wire({"a1 NOOP " + QByteArray(8200, 'x'), "a2 NOOP " + QByteArray(8182, 'x')})
        << wire({"a1 BAD Command line too long", "a2 BAD Too many arguments"}) << false << 20;
    QTest::newRow("literal too large")
        << wire({kLogin, "a2 APPEND INBOX {99999999}", "a3 NOOP"})
        << wire({"a1 OK LOGIN completed", "a2 BAD Literal too large", "a3 OK NOOP completed"})
        << false << 20;
    QTest::newRow("too many errors")
        << wire({"a1 FOO", "a2 BAR", "a3 BAZ", "a4 NOOP"})
        << wire({"a1 BAD Command unrecognized", "a2 BAD Command unrecognized",
                 "a3 BAD Command unrecognized", "* BYE Too many errors"})
        << true << 3;
    QTest::newRow("failed logins count as errors")
        << wire({"a1 LOGIN ana x", "a2 LOGIN ana y", kLogin})
        << wire({"a1 NO [AUTHENTICATIONFAILED] Invalid credentials",
                 "a2 NO [AUTHENTICATIONFAILED] Invalid credentials", "* BYE Too many errors"})
        << true << 2;

    // --- SELECT and EXAMINE (section 6.3.1, 6.3.2) ---
    QTest::newRow("select inbox") << wire({kLogin, "s SELECT INBOX"}) << selected({}) << false
                                  << 20;
    QTest::newRow("select inbox in lower case")
        << wire({kLogin, "s1 SELECT inbox", "s2 EXAMINE Inbox"})
        << wire(
               {"a1 OK LOGIN completed", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 3 EXISTS", "* 3 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "s1 OK [READ-WRITE] SELECT completed",
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS",
                "* 0 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS ()] No permanent flags permitted",
                "s2 OK [READ-ONLY] EXAMINE completed"})
        << false << 20;
    QTest::newRow("select user folder")
        << wire({kLogin, "a2 SELECT Archive", "a3 FETCH 1:* FLAGS"})
        << wire(
               {"a1 OK LOGIN completed", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                "* 0 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 8] UIDs valid",
                "* OK [UIDNEXT 1] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "a2 OK [READ-WRITE] SELECT completed", "a3 BAD Invalid message sequence number"})
        << false << 20;
    QTest::newRow("select missing mailbox deselects")
        << afterSelect({"a2 SELECT Nowhere", "a3 FETCH 1 FLAGS", "a4 SELECT archive"})
        << selected({"a2 NO Mailbox does not exist", "a3 BAD Command not valid in this state",
                     "a4 NO Mailbox does not exist"})
        << false << 20;
    QTest::newRow("examine is read-only")
        << wire({kLogin, "a2 EXAMINE INBOX", "a3 FETCH 1 BODY[TEXT]", "a4 STORE 1 +FLAGS (\\Seen)",
                 "a5 EXPUNGE", "a6 FETCH 1 FLAGS", "a7 CLOSE"})
        << wire({"a1 OK LOGIN completed", "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                 "* 3 EXISTS", "* 3 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                 "* OK [UIDVALIDITY 7] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                 "* OK [PERMANENTFLAGS ()] No permanent flags permitted",
                 "a2 OK [READ-ONLY] EXAMINE completed", "* 1 FETCH (BODY[TEXT] {8}", "Hi Ana", ")",
                 "a3 OK FETCH completed", "a4 NO Mailbox is read-only",
                 "a5 NO Mailbox is read-only", "* 1 FETCH (FLAGS (\\Recent))",
                 "a6 OK FETCH completed", "a7 OK CLOSE completed"})
        << false << 20;

    // --- FETCH (section 6.4.5) ---
    QTest::newRow("fetch uid and flags")
        << afterSelect({"a2 FETCH 1:* (UID FLAGS)", "a3 FETCH 2,3 UID", "a4 FETCH * FLAGS"})
        << selected({"* 1 FETCH (UID 1 FLAGS (\\Recent))",
                     "* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))",
                     "* 3 FETCH (UID 3 FLAGS (\\Seen \\Flagged \\Recent))", "a2 OK FETCH completed",
                     "* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)", "a3 OK FETCH completed",
                     "* 3 FETCH (FLAGS (\\Seen \\Flagged \\Recent))", "a4 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch macros")
        << afterSelect({"a2 FETCH 1 FAST", "a3 FETCH 1 ALL", "a4 FETCH 3 FULL"})
        << selected(
               {"* 1 FETCH (FLAGS (\\Recent) INTERNALDATE \"02-Mar-2026 09:00:00 +0000\" "
                "RFC822.SIZE 149)",
                "a2 OK FETCH completed",
                "* 1 FETCH (FLAGS (\\Recent) INTERNALDATE \"02-Mar-2026 09:00:00 +0000\" "
                "RFC822.SIZE 149 ENVELOPE (\"Mon, 2 Mar 2026 09:00:00 +0000\" \"Lunch\" ((\"Bob\" "
                "NIL \"bob\" \"hamburger.edu\")) ((\"Bob\" NIL \"bob\" \"hamburger.edu\")) "
                "((\"Bob\" NIL \"bob\" \"hamburger.edu\")) ((NIL NIL \"ana\" \"hamburger.edu\")) "
                "NIL NIL NIL \"<1@hamburger.edu>\"))",
                "a3 OK FETCH completed",
                "* 3 FETCH (FLAGS (\\Seen \\Flagged \\Recent) INTERNALDATE \"28-Feb-2026 09:00:00 "
                "+0000\" RFC822.SIZE 27 ENVELOPE (NIL \"Old news\" NIL NIL NIL NIL NIL NIL NIL "
                "NIL) BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 6 1))",
                "a4 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch body peek keeps unseen")
        << afterSelect({"a2 FETCH 1 BODY.PEEK[]", "a3 FETCH 1 FLAGS", "a4 SEARCH UNSEEN"})
        << selected({"* 1 FETCH (BODY[] {149}", "From: Bob <bob@hamburger.edu>",
                     "To: ana@hamburger.edu", "Subject: Lunch",
                     "Date: Mon, 2 Mar 2026 09:00:00 +0000", "Message-ID: <1@hamburger.edu>", "",
                     "Hi Ana", ")", "a2 OK FETCH completed", "* 1 FETCH (FLAGS (\\Recent))",
                     "a3 OK FETCH completed", "* SEARCH 1", "a4 OK SEARCH completed"})
        << false << 20;
    QTest::newRow("fetch body sets seen") << afterSelect({"a2 FETCH 1 BODY[]", "a3 FETCH 1 FLAGS",
                                                          "a4 FETCH 1 BODY[]", "a5 SEARCH UNSEEN"})
                                          << selected({"* 1 FETCH (BODY[] {149}",
                                                       "From: Bob <bob@hamburger.edu>",
                                                       "To: ana@hamburger.edu",
                                                       "Subject: Lunch",
                                                       "Date: Mon, 2 Mar 2026 09:00:00 +0000",
                                                       "Message-ID: <1@hamburger.edu>",
                                                       "",
                                                       "Hi Ana",
                                                       " FLAGS (\\Seen \\Recent))",
                                                       "a2 OK FETCH completed",
                                                       "* 1 FETCH (FLAGS (\\Seen \\Recent))",
                                                       "a3 OK FETCH completed",
                                                       "* 1 FETCH (BODY[] {149}",
                                                       "From: Bob <bob@hamburger.edu>",
                                                       "To: ana@hamburger.edu",
                                                       "Subject: Lunch",
                                                       "Date: Mon, 2 Mar 2026 09:00:00 +0000",
                                                       "Message-ID: <1@hamburger.edu>",
                                                       "",
                                                       "Hi Ana",
                                                       ")",
                                                       "a4 OK FETCH completed",
                                                       "* SEARCH",
                                                       "a5 OK SEARCH completed"})
                                          << false << 20;
    QTest::newRow("fetch rfc822 forms")
        << afterSelect({"a2 FETCH 1 RFC822.HEADER", "a3 FETCH 1 (RFC822.SIZE RFC822.TEXT)",
                        "a4 FETCH 3 (RFC822.SIZE RFC822)"})
        << selected({"* 1 FETCH (RFC822.HEADER {141}", "From: Bob <bob@hamburger.edu>",
                     "To: ana@hamburger.edu", "Subject: Lunch",
                     "Date: Mon, 2 Mar 2026 09:00:00 +0000", "Message-ID: <1@hamburger.edu>", "",
                     ")", "a2 OK FETCH completed", "* 1 FETCH (RFC822.SIZE 149 RFC822.TEXT {8}",
                     "Hi Ana", " FLAGS (\\Seen \\Recent))", "a3 OK FETCH completed",
                     "* 3 FETCH (RFC822.SIZE 27 RFC822 {27}", "Subject: Old news", "", "body", ")",
                     "a4 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch sections")
        << afterSelect({"a2 FETCH 1 (BODY.PEEK[HEADER] BODY.PEEK[TEXT])",
                        "a3 FETCH 1 BODY.PEEK[HEADER.FIELDS (Subject from)]",
                        "a4 FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (FROM TO DATE MESSAGE-ID)]",
                        "a5 FETCH 1 BODY.PEEK[]<0.4>", "a6 FETCH 1 BODY.PEEK[TEXT]<3.100>"})
        << selected({"* 1 FETCH (BODY[HEADER] {141}",
                     "From: Bob <bob@hamburger.edu>",
                     "To: ana@hamburger.edu",
                     "Subject: Lunch",
                     "Date: Mon, 2 Mar 2026 09:00:00 +0000",
                     "Message-ID: <1@hamburger.edu>",
                     "",
                     " BODY[TEXT] {8}",
                     "Hi Ana",
                     ")",
                     "a2 OK FETCH completed",
                     "* 1 FETCH (BODY[HEADER.FIELDS (SUBJECT FROM)] {49}",
                     "From: Bob <bob@hamburger.edu>",
                     "Subject: Lunch",
                     "",
                     ")",
                     "a3 OK FETCH completed",
                     "* 1 FETCH (BODY[HEADER.FIELDS.NOT (FROM TO DATE MESSAGE-ID)] {18}",
                     "Subject: Lunch",
                     "",
                     ")",
                     "a4 OK FETCH completed",
                     "* 1 FETCH (BODY[]<0> {4}",
                     "From)",
                     "a5 OK FETCH completed",
                     "* 1 FETCH (BODY[TEXT]<3> {5}",
                     "Ana",
                     ")",
                     "a6 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch parts of a multipart")
        << afterSelect({"a2 FETCH 2 (BODY[1] BODY[2] BODY[2.MIME])", "a3 FETCH 2 BODY[3]",
                        "a4 FETCH 1 BODY.PEEK[1]"})
        << selected({"* 2 FETCH (BODY[1] {12}", "See attached BODY[2] {8}",
                     "iVBORw0K BODY[2.MIME] {62}", "Content-Type: image/png",
                     "Content-Transfer-Encoding: base64", "", ")", "a2 OK FETCH completed",
                     "* 2 FETCH (BODY[3] {0}", ")", "a3 OK FETCH completed",
                     "* 1 FETCH (BODY[1] {8}", "Hi Ana", ")", "a4 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch structure")
        << afterSelect({"a2 FETCH 1 BODYSTRUCTURE", "a3 FETCH 2 BODYSTRUCTURE",
                        "a4 FETCH 2 ENVELOPE", "a5 FETCH 3 (ENVELOPE BODY)"})
        << selected({"* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL "
                     "NIL \"7BIT\" 8 1))",
                     "a2 OK FETCH completed",
                     "* 2 FETCH (BODYSTRUCTURE ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\") NIL "
                     "NIL \"7BIT\" 12 1)(\"IMAGE\" \"PNG\" NIL NIL NIL \"BASE64\" 8) \"MIXED\"))",
                     "a3 OK FETCH completed",
                     "* 2 FETCH (ENVELOPE (NIL \"Photos\" ((NIL NIL \"carol\" \"burger.edu\")) "
                     "((NIL NIL \"carol\" \"burger.edu\")) ((NIL NIL \"carol\" \"burger.edu\")) "
                     "((NIL NIL \"ana\" \"hamburger.edu\")) NIL NIL NIL NIL))",
                     "a4 OK FETCH completed",
                     "* 3 FETCH (ENVELOPE (NIL \"Old news\" NIL NIL NIL NIL NIL NIL NIL NIL) BODY "
                     "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 6 1))",
                     "a5 OK FETCH completed"})
        << false << 20;
    QTest::newRow("fetch errors")
        << afterSelect({"a2 FETCH x FLAGS", "a3 FETCH 1 FOO", "a4 FETCH 4 FLAGS",
                        "a5 FETCH 1:5 FLAGS", "a6 FETCH 1 (FLAGS ALL)", "a7 FETCH 0 FLAGS",
                        "a8 FETCH 1 BODY[SIDE]", "a9 FETCH 1 BODY[MIME]", "a10 FETCH 1,,2 UID",
                        "a11 FETCH 1 (UID", "a12 FETCH 1 BODY[]<1>"})
        << selected({"a2 BAD Invalid sequence set", "a3 BAD Invalid fetch item",
                     "a4 BAD Invalid message sequence number",
                     "a5 BAD Invalid message sequence number", "a6 BAD Invalid fetch item",
                     "a7 BAD Invalid sequence set", "a8 BAD Invalid fetch item",
                     "a9 BAD Invalid fetch item", "a10 BAD Invalid sequence set",
                     "a11 BAD Unbalanced parenthesis", "a12 BAD Invalid fetch item"})
        << false << 20;
    QTest::newRow("uid fetch")
        << afterSelect({"a2 UID FETCH 2:* FLAGS", "a3 UID FETCH 99 FLAGS", "a4 UID FETCH 9:* UID",
                        "a5 uid fetch 1 (FLAGS UID)"})
        << selected({"* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))",
                     "* 3 FETCH (UID 3 FLAGS (\\Seen \\Flagged \\Recent))",
                     "a2 OK UID FETCH completed", "a3 OK UID FETCH completed", "* 3 FETCH (UID 3)",
                     "a4 OK UID FETCH completed", "* 1 FETCH (FLAGS (\\Recent) UID 1)",
                     "a5 OK UID FETCH completed"})
        << false << 20;

    // --- STORE (section 6.4.6) ---
    QTest::newRow("store")
        << afterSelect({"a2 STORE 1 +FLAGS (\\Flagged \\seen)", "a3 STORE 1 -FLAGS \\Seen",
                        "a4 STORE 1:2 FLAGS (\\Answered $Label)",
                        "a5 STORE 3 +FLAGS.SILENT (\\Draft)", "a6 FETCH 1:* FLAGS",
                        "a7 UID STORE 2 -FLAGS ($Label)"})
        << selected({"* 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent))", "a2 OK STORE completed",
                     "* 1 FETCH (FLAGS (\\Flagged \\Recent))", "a3 OK STORE completed",
                     "* 1 FETCH (FLAGS (\\Answered $Label \\Recent))",
                     "* 2 FETCH (FLAGS (\\Answered $Label \\Recent))", "a4 OK STORE completed",
                     "a5 OK STORE completed", "* 1 FETCH (FLAGS (\\Answered $Label \\Recent))",
                     "* 2 FETCH (FLAGS (\\Answered $Label \\Recent))",
                     "* 3 FETCH (FLAGS (\\Flagged \\Seen \\Draft \\Recent))",
                     "a6 OK FETCH completed", "* 2 FETCH (UID 2 FLAGS (\\Answered \\Recent))",
                     "a7 OK UID STORE completed"})
        << false << 20;
    QTest::newRow("store errors")
        << afterSelect({"a2 STORE 1 +FLAGS (\\Recent)", "a3 STORE 1 +FLAGS (\\Foo)",
                        "a4 STORE 1 XFLAGS (\\Seen)", "a5 STORE 9 FLAGS ()", "a6 STORE x FLAGS ()"})
        << selected({"a2 BAD Invalid flag", "a3 BAD Invalid flag", "a4 BAD Invalid store item",
                     "a5 BAD Invalid message sequence number", "a6 BAD Invalid sequence set"})
        << false << 20;

    // --- SEARCH (section 6.4.4) ---
    QTest::newRow("search") << afterSelect({"a2 SEARCH ALL",
                                            "a3 SEARCH SEEN",
                                            "a4 SEARCH UNSEEN",
                                            "a5 SEARCH FLAGGED",
                                            "a6 SEARCH NEW",
                                            "a7 SEARCH FROM bob",
                                            "a8 SEARCH subject PHOTOS",
                                            "a9 SEARCH TO ana@hamburger.edu NOT SEEN",
                                            "a10 SEARCH OR FLAGGED UNSEEN",
                                            "a11 SEARCH 2:3",
                                            "a12 SEARCH UID 1:2",
                                            "a13 UID SEARCH SEEN",
                                            "a14 SEARCH LARGER 200",
                                            "a15 SEARCH BODY attached",
                                            "a16 SEARCH HEADER Message-ID <1@",
                                            "a17 SEARCH CHARSET UTF-8 ANSWERED",
                                            "a18 SEARCH (SEEN FLAGGED) OLD",
                                            "a19 SEARCH SINCE 1-Mar-2026",
                                            "a20 SEARCH BEFORE 2-Mar-2026",
                                            "a21 SEARCH TEXT \"Old news\""})
                            << selected({"* SEARCH 1 2 3", "a2 OK SEARCH completed",
                                         "* SEARCH 2 3",   "a3 OK SEARCH completed",
                                         "* SEARCH 1",     "a4 OK SEARCH completed",
                                         "* SEARCH 3",     "a5 OK SEARCH completed",
                                         "* SEARCH 1",     "a6 OK SEARCH completed",
                                         "* SEARCH 1",     "a7 OK SEARCH completed",
                                         "* SEARCH 2",     "a8 OK SEARCH completed",
                                         "* SEARCH 1",     "a9 OK SEARCH completed",
                                         "* SEARCH 1 3",   "a10 OK SEARCH completed",
                                         "* SEARCH 2 3",   "a11 OK SEARCH completed",
                                         "* SEARCH 1 2",   "a12 OK SEARCH completed",
                                         "* SEARCH 2 3",   "a13 OK UID SEARCH completed",
                                         "* SEARCH 2",     "a14 OK SEARCH completed",
                                         "* SEARCH 2",     "a15 OK SEARCH completed",
                                         "* SEARCH 1",     "a16 OK SEARCH completed",
                                         "* SEARCH",       "a17 OK SEARCH completed",
                                         "* SEARCH",       "a18 OK SEARCH completed",
                                         "* SEARCH 1 2",   "a19 OK SEARCH completed",
                                         "* SEARCH 3",     "a20 OK SEARCH completed",
                                         "* SEARCH 3",     "a21 OK SEARCH completed"})
                            << false << 20;
    QTest::newRow("search errors")
        << afterSelect({"a2 SEARCH CHARSET KOI8-R ALL", "a3 SEARCH FOO", "a4 SEARCH FROM",
                        "a5 SEARCH OR SEEN", "a6 SEARCH SINCE yesterday", "a7 SEARCH UID x"})
        << selected({"a2 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset",
                     "a3 BAD Invalid search key", "a4 BAD Invalid search key",
                     "a5 BAD Invalid search key", "a6 BAD Invalid search key",
                     "a7 BAD Invalid search key"})
        << false << 20;

    QTest::newRow("search nesting is bounded")
        << afterSelect({"a2 SEARCH " + QByteArray("NOT ").repeated(10) + "SEEN",
                        "a3 SEARCH " + QByteArray("NOT ").repeated(70) + "SEEN",
                        "a4 SEARCH " + QByteArray("OR SEEN ").repeated(70) + "SEEN"})
        << selected({"* SEARCH 2 3", "a2 OK SEARCH completed", "a3 BAD Invalid search key",
                     "a4 BAD Invalid search key"})
        << false << 20;

    // --- EXPUNGE, CLOSE, CHECK (sections 6.4.1 to 6.4.3) ---
    QTest::newRow("expunge removes deleted")
        << afterSelect({"a2 STORE 1,3 +FLAGS.SILENT (\\Deleted)", "a3 EXPUNGE", "a4 FETCH 1:* UID",
                        "a5 EXPUNGE", "a6 CHECK"})
        << selected({"a2 OK STORE completed", "* 1 EXPUNGE", "* 2 EXPUNGE",
                     "a3 OK EXPUNGE completed", "* 1 FETCH (UID 2)", "a4 OK FETCH completed",
                     "a5 OK EXPUNGE completed", "a6 OK CHECK completed"})
        << false << 20;
    QTest::newRow("close expunges silently")
        << afterSelect({"a2 STORE 2 +FLAGS.SILENT (\\Deleted)", "a3 CLOSE", "a4 FETCH 1 UID",
                        "a5 STATUS INBOX (MESSAGES UIDNEXT)"})
        << selected({"a2 OK STORE completed", "a3 OK CLOSE completed",
                     "a4 BAD Command not valid in this state",
                     "* STATUS INBOX (MESSAGES 2 UIDNEXT 4)", "a5 OK STATUS completed"})
        << false << 20;

    // --- COPY (section 6.4.7) ---
    QTest::newRow("copy to a user folder")
        << afterSelect({"a2 COPY 1:2 Archive", "a3 UID COPY 3 \"Archive\"", "a4 COPY 1 Nowhere",
                        "a5 COPY 7 Archive", "a6 SELECT Archive", "a7 FETCH 1:* (UID FLAGS)"})
        << selected(
               {"a2 OK COPY completed", "a3 OK UID COPY completed",
                "a4 NO [TRYCREATE] Mailbox does not exist",
                "a5 BAD Invalid message sequence number",
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 3 EXISTS",
                "* 3 RECENT", "* OK [UNSEEN 1] Message 1 is first unseen",
                "* OK [UIDVALIDITY 8] UIDs valid", "* OK [UIDNEXT 4] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "a6 OK [READ-WRITE] SELECT completed", "* 1 FETCH (UID 1 FLAGS (\\Recent))",
                "* 2 FETCH (UID 2 FLAGS (\\Seen \\Recent))",
                "* 3 FETCH (UID 3 FLAGS (\\Seen \\Flagged \\Recent))", "a7 OK FETCH completed"})
        << false << 20;
    QTest::newRow("copy to the selected folder")
        << afterSelect({"a2 COPY 1 INBOX", "a3 FETCH 4 (UID FLAGS)"})
        << selected({"* 4 EXISTS", "* 4 RECENT", "a2 OK COPY completed",
                     "* 4 FETCH (UID 4 FLAGS (\\Recent))", "a3 OK FETCH completed"})
        << false << 20;

    // --- folders (sections 6.3.3 to 6.3.9) ---
    QTest::newRow("create list delete rename")
        << wire({kLogin, "a2 CREATE Work", "a3 CREATE Work", "a4 CREATE inbox",
                 "a5 CREATE Work/2026/", "a6 LIST \"\" *", "a7 LIST \"\" %", "a8 LIST \"\" \"\"",
                 "a9 LIST Work/ %", "a10 LIST \"\" inbox", "a11 DELETE Work/2026",
                 "a12 DELETE INBOX", "a13 DELETE Nowhere", "a14 RENAME Archive \"Old mail\"",
                 "a15 RENAME Nowhere X", "a16 RENAME Work \"Old mail\"", "a17 LIST \"\" *",
                 "a18 CREATE \"\""})
        << wire({"a1 OK LOGIN completed",          "a2 OK CREATE completed",
                 "a3 NO Mailbox already exists",   "a4 NO Mailbox already exists",
                 "a5 OK CREATE completed",         "* LIST () \"/\" INBOX",
                 "* LIST () \"/\" Archive",        "* LIST () \"/\" Work",
                 "* LIST () \"/\" Work/2026",      "a6 OK LIST completed",
                 "* LIST () \"/\" INBOX",          "* LIST () \"/\" Archive",
                 "* LIST () \"/\" Work",           "a7 OK LIST completed",
                 "* LIST (\\Noselect) \"/\" \"\"", "a8 OK LIST completed",
                 "* LIST () \"/\" Work/2026",      "a9 OK LIST completed",
                 "* LIST () \"/\" INBOX",          "a10 OK LIST completed",
                 "a11 OK DELETE completed",        "a12 NO Cannot delete INBOX",
                 "a13 NO Mailbox does not exist",  "a14 OK RENAME completed",
                 "a15 NO Mailbox does not exist",  "a16 NO Mailbox already exists",
                 "* LIST () \"/\" INBOX",          "* LIST () \"/\" \"Old mail\"",
                 "* LIST () \"/\" Work",           "a17 OK LIST completed",
                 "a18 BAD Invalid argument"})
        << false << 20;
    QTest::newRow("list patterns")
        << wire({kLogin, "a2 CREATE Archive/2025", "a3 LIST \"\" A*e", "a4 LIST \"\" %/%",
                 "a5 LIST \"\" \"" + QByteArray("*%").repeated(500) + "q\"", "a6 LIST Archive *",
                 "a7 LIST \"\" I%"})
        << wire({"a1 OK LOGIN completed", "a2 OK CREATE completed", "* LIST () \"/\" Archive",
                 "a3 OK LIST completed", "* LIST () \"/\" Archive/2025", "a4 OK LIST completed",
                 "a5 OK LIST completed", "* LIST () \"/\" Archive", "* LIST () \"/\" Archive/2025",
                 "a6 OK LIST completed", "* LIST () \"/\" INBOX", "a7 OK LIST completed"})
        << false << 20;
    QTest::newRow("rename inbox moves its messages")
        << wire({kLogin, "a2 RENAME INBOX Saved", "a3 STATUS INBOX (MESSAGES UIDNEXT)",
                 "a4 STATUS Saved (MESSAGES UIDNEXT UIDVALIDITY)"})
        << wire({"a1 OK LOGIN completed", "a2 OK RENAME completed",
                 "* STATUS INBOX (MESSAGES 0 UIDNEXT 4)", "a3 OK STATUS completed",
                 "* STATUS Saved (MESSAGES 3 UIDNEXT 4 UIDVALIDITY 9)", "a4 OK STATUS completed"})
        << false << 20;
    QTest::newRow("subscriptions")
        << wire({kLogin, "a2 SUBSCRIBE Archive", "a3 SUBSCRIBE inbox", "a4 SUBSCRIBE Nowhere",
                 "a5 LSUB \"\" *", "a6 UNSUBSCRIBE Archive", "a7 LSUB \"\" *"})
        << wire({"a1 OK LOGIN completed", "a2 OK SUBSCRIBE completed", "a3 OK SUBSCRIBE completed",
                 "a4 NO Mailbox does not exist", "* LSUB () \"/\" INBOX", "* LSUB () \"/\" Archive",
                 "a5 OK LSUB completed", "a6 OK UNSUBSCRIBE completed", "* LSUB () \"/\" INBOX",
                 "a7 OK LSUB completed"})
        << false << 20;
    QTest::newRow("status")
        << wire({kLogin, "a2 STATUS INBOX (MESSAGES RECENT UIDNEXT UIDVALIDITY UNSEEN)",
                 "a3 STATUS Archive (UIDVALIDITY MESSAGES)", "a4 STATUS Nowhere (MESSAGES)",
                 "a5 STATUS INBOX (SIZE)", "a6 STATUS INBOX MESSAGES"})
        << wire({"a1 OK LOGIN completed",
                 "* STATUS INBOX (MESSAGES 3 RECENT 3 UIDNEXT 4 UIDVALIDITY 7 UNSEEN 1)",
                 "a2 OK STATUS completed", "* STATUS Archive (UIDVALIDITY 8 MESSAGES 0)",
                 "a3 OK STATUS completed", "a4 NO Mailbox does not exist",
                 "a5 BAD Invalid status item", "a6 BAD Invalid status item"})
        << false << 20;

    // --- APPEND (section 6.3.11) ---
    QTest::newRow("append with flags")
        << wire({kLogin, "a2 APPEND Archive (\\Seen) {25}", "Subject: Draft", "", "To do", "",
                 "a3 STATUS Archive (MESSAGES UIDNEXT UNSEEN)", "a4 SELECT Archive",
                 "a5 FETCH 1 (FLAGS INTERNALDATE BODY.PEEK[])"})
        << wire(
               {"a1 OK LOGIN completed", "+ Ready for literal data", "a2 OK APPEND completed",
                "* STATUS Archive (MESSAGES 1 UIDNEXT 2 UNSEEN 0)", "a3 OK STATUS completed",
                "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)", "* 1 EXISTS",
                "* 1 RECENT", "* OK [UIDVALIDITY 8] UIDs valid",
                "* OK [UIDNEXT 2] Predicted next UID",
                "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Limited",
                "a4 OK [READ-WRITE] SELECT completed",
                "* 1 FETCH (FLAGS (\\Seen \\Recent) INTERNALDATE \"02-Mar-2026 09:00:00 +0000\" "
                "BODY[] {25}",
                "Subject: Draft", "", "To do", ")", "a5 OK FETCH completed"})
        << false << 20;
    QTest::newRow("append with date and to the selected mailbox")
        << afterSelect({"a2 APPEND INBOX \"05-Mar-2026 10:30:00 -0300\" {25+}", "Subject: Draft",
                        "", "To do", "", "a3 FETCH 4 (UID FLAGS INTERNALDATE RFC822.SIZE)"})
        << selected({"* 4 EXISTS", "* 4 RECENT", "a2 OK APPEND completed",
                     "* 4 FETCH (UID 4 FLAGS (\\Recent) INTERNALDATE \"05-Mar-2026 13:30:00 "
                     "+0000\" RFC822.SIZE 25)",
                     "a3 OK FETCH completed"})
        << false << 20;
    QTest::newRow("append errors")
        << wire({kLogin, "a2 APPEND Nowhere {25}", "Subject: Draft", "", "To do", "",
                 "a3 APPEND Archive (\\Bogus) {1}", "x", "a4 APPEND Archive \"yesterday\" {1}", "x",
                 "a5 APPEND Archive (\\Seen)", "a6 STATUS Archive (MESSAGES)"})
        << wire({"a1 OK LOGIN completed", "+ Ready for literal data",
                 "a2 NO [TRYCREATE] Mailbox does not exist", "+ Ready for literal data",
                 "a3 BAD Invalid flag", "+ Ready for literal data", "a4 BAD Invalid date",
                 "a5 BAD Invalid argument", "* STATUS Archive (MESSAGES 0)",
                 "a6 OK STATUS completed"})
        << false << 20;

    // --- IDLE (RFC 2177) ---
    QTest::newRow("idle") << afterSelect({"a2 IDLE", "done", "a3 IDLE", "NOOP", "a4 NOOP"})
                          << selected({"+ idling", "a2 OK IDLE terminated", "+ idling",
                                       "a3 BAD Expected DONE", "a4 OK NOOP completed"})
                          << false << 20;

    // --- LOGOUT ---
    QTest::newRow("logout while selected ignores the rest")
        << afterSelect({"a2 LOGOUT", "a3 NOOP", "a4 FETCH 1 FLAGS"})
        << selected(
               {"* BYE imap.hamburger.edu IMAP4rev1 server logging out", "a2 OK LOGOUT completed"})
        << true << 20;
}

void TestImapServer::dialogue()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    QFETCH(bool, closing);
    QFETCH(int, errorLimit);

    const QByteArray full = kGreeting + "\r\n" + expected;
    // IMAP_DUMP=<dir> writes each row's transcript there, to review when a row changes.
    const QByteArray dump = qgetenv("IMAP_DUMP");
    for (Feed feed : {Feed::Whole, Feed::ByLine, Feed::ByByte}) {
        MailboxStore store;
        fillStore(store);
        const Outcome outcome = runSession(store, input, feed, errorLimit);
        if (!dump.isEmpty() && feed == Feed::Whole) {
            QFile file(QString::fromUtf8(dump) + QLatin1Char('/') +
                       QString::fromUtf8(QTest::currentDataTag()));
            if (file.open(QIODevice::WriteOnly))
                file.write(outcome.output);
        }
        // Compare line lists first: a mismatch then prints the lines, not one long blob.
        QCOMPARE(outcome.output.split('\n'), full.split('\n'));
        QCOMPARE(outcome.output, full);
        QCOMPARE(outcome.closing, closing);
    }
}

void TestImapServer::literalSplitAnywhere_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("append") << wire({kLogin, "a2 APPEND Archive (\\Seen) {25}", "Subject: Draft",
                                     "", "To do", "", "a3 STATUS Archive (MESSAGES)"});
    QTest::newRow("login") << QByteArray("a1 LOGIN {3}\r\nana {7}\r\nfaminta\r\na2 NOOP\r\n");
    QTest::newRow("empty literal and crlf inside")
        << QByteArray("a1 LOGIN {3}\r\nana faminta\r\na2 APPEND Archive {0}\r\n\r\n"
                      "a3 APPEND Archive {4}\r\n\r\n\r\n\r\na4 STATUS Archive (MESSAGES)\r\n");
}

// A literal split at every byte boundary, in two pieces, answers as when sent whole.
void TestImapServer::literalSplitAnywhere()
{
    QFETCH(QByteArray, input);
    MailboxStore reference;
    fillStore(reference);
    const QByteArray whole = runSession(reference, input, Feed::Whole).output;
    QVERIFY(whole.contains("+ Ready for literal data\r\n"));
    QVERIFY(!whole.contains(" BAD "));
    for (qsizetype cut = 1; cut < input.size(); ++cut) {
        MailboxStore store;
        fillStore(store);
        ImapServerSession session(testConfig(), &store);
        QByteArray output = session.open();
        output += session.receive(input.left(cut));
        output += session.receive(input.mid(cut));
        QCOMPARE(output, whole);
    }
}

void TestImapServer::sequenceSets_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QList<quint32>>("members"); // of 1..6, "*" being 6

    QTest::newRow("one") << QByteArray("2") << true << QList<quint32>{2};
    QTest::newRow("all") << QByteArray("1:*") << true << QList<quint32>{1, 2, 3, 4, 5, 6};
    QTest::newRow("star") << QByteArray("*") << true << QList<quint32>{6};
    QTest::newRow("list and range") << QByteArray("2,4:5") << true << QList<quint32>{2, 4, 5};
    QTest::newRow("reversed range") << QByteArray("5:3") << true << QList<quint32>{3, 4, 5};
    QTest::newRow("star first") << QByteArray("*:5") << true << QList<quint32>{5, 6};
    QTest::newRow("zero") << QByteArray("0") << false << QList<quint32>{};
    QTest::newRow("empty") << QByteArray("") << false << QList<quint32>{};
    QTest::newRow("empty element") << QByteArray("1,,2") << false << QList<quint32>{};
    QTest::newRow("letters") << QByteArray("a:b") << false << QList<quint32>{};
    QTest::newRow("three ends") << QByteArray("1:2:3") << false << QList<quint32>{};
    QTest::newRow("too big") << QByteArray("4294967296") << false << QList<quint32>{};
    QTest::newRow("negative") << QByteArray("-1") << false << QList<quint32>{};
}

void TestImapServer::sequenceSets()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QFETCH(QList<quint32>, members);
    const auto set = parseImapSequenceSet(text);
    QCOMPARE(set.has_value(), valid);
    if (!set)
        return;
    QList<quint32> found;
    for (quint32 number = 1; number <= 6; ++number) {
        if (set->contains(number, 6))
            found.append(number);
    }
    QCOMPARE(found, members);
}

void TestImapServer::flagsPersistAcrossSessions()
{
    MailboxStore store;
    fillStore(store);
    QVERIFY(talk(store, afterSelect({"a2 STORE 1 +FLAGS.SILENT (\\Flagged $Work)",
                                     "a3 FETCH 1 BODY[]", "a4 LOGOUT"}))
                .endsWith("* BYE imap.hamburger.edu IMAP4rev1 server logging out\r\n"
                          "a4 OK LOGOUT completed\r\n"));
    // Another session sees the flags, and the \Seen the first one's BODY[] set.
    QCOMPARE(talk(store, afterSelect({"a2 FETCH 1 FLAGS"})),
             wire({kLoggedIn, "* FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)",
                   "* 3 EXISTS", "* 0 RECENT", "* OK [UIDVALIDITY 7] UIDs valid",
                   "* OK [UIDNEXT 4] Predicted next UID",
                   "* OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] "
                   "Limited",
                   "s OK [READ-WRITE] SELECT completed",
                   "* 1 FETCH (FLAGS (\\Flagged \\Seen $Work))", "a2 OK FETCH completed"}));
    const StoredMessage first = store.account(kAna)->folders.value(kInbox).messages.front();
    QCOMPARE(first.flags, (QStringList{QStringLiteral("\\Flagged"), QStringLiteral("\\Seen"),
                                       QStringLiteral("$Work")}));
}

void TestImapServer::foldersPersistAcrossSessions()
{
    MailboxStore store;
    fillStore(store);
    talk(store, wire({kLogin, "a2 CREATE Projects", "a3 COPY 1 Projects", "a4 SELECT INBOX",
                      "a5 COPY 1:2 Projects", "a6 LOGOUT"}));
    QCOMPARE(
        talk(store,
             wire({kLogin, "a2 LIST \"\" *", "a3 STATUS Projects (MESSAGES UIDNEXT UIDVALIDITY)"})),
        wire({kLoggedIn, "* LIST () \"/\" INBOX", "* LIST () \"/\" Archive",
              "* LIST () \"/\" Projects", "a2 OK LIST completed",
              "* STATUS Projects (MESSAGES 2 UIDNEXT 3 UIDVALIDITY 9)", "a3 OK STATUS completed"}));
    QVERIFY(store.hasFolder(kAna, QStringLiteral("Projects")));
    QVERIFY(!store.hasFolder(kBob, QStringLiteral("Projects")));
}

void TestImapServer::recentBelongsToOneSession()
{
    MailboxStore store;
    fillStore(store);
    ImapServerSession first(testConfig(), &store);
    first.open();
    QVERIFY(first.receive(afterSelect({})).contains("* 3 RECENT\r\n"));
    // EXAMINE and STATUS in another session see none: the first session has them.
    QVERIFY(talk(store, wire({kLogin, "a2 EXAMINE INBOX"})).contains("* 0 RECENT\r\n"));
    store.deliver(kAna, kAppended, 500);
    QVERIFY(talk(store, wire({kLogin, "a2 STATUS INBOX (RECENT)"}))
                .contains("* STATUS INBOX (RECENT 1)\r\n"));
    // The first session learns of the new message on NOOP and takes it as recent.
    QCOMPARE(first.receive(wire({"a2 NOOP", "a3 SEARCH RECENT"})),
             wire({"* 4 EXISTS", "* 4 RECENT", "a2 OK NOOP completed", "* SEARCH 1 2 3 4",
                   "a3 OK SEARCH completed"}));
    QVERIFY(talk(store, wire({kLogin, "a2 STATUS INBOX (RECENT)"}))
                .contains("* STATUS INBOX (RECENT 0)\r\n"));
}

void TestImapServer::noopReportsOtherSessionsChanges()
{
    MailboxStore store;
    fillStore(store);
    ImapServerSession watcher(testConfig(), &store);
    watcher.open();
    watcher.receive(afterSelect({}));
    talk(store, afterSelect({"a2 STORE 2 +FLAGS.SILENT (\\Deleted)", "a3 EXPUNGE"}));
    store.deliver(kAna, kAppended, 500);
    // Message 2 went, 3 moved down to 2, the new one is 3 (RFC 3501 section 7.4.1).
    QCOMPARE(watcher.receive(wire({"a2 NOOP", "a3 FETCH 1:* UID"})),
             wire({"* 2 EXPUNGE", "* 3 EXISTS", "* 3 RECENT", "a2 OK NOOP completed",
                   "* 1 FETCH (UID 1)", "* 2 FETCH (UID 3)", "* 3 FETCH (UID 4)",
                   "a3 OK FETCH completed"}));
}

void TestImapServer::recreatedFolderHasNewUidValidity()
{
    MailboxStore store;
    fillStore(store);
    QCOMPARE(talk(store, wire({kLogin, "a2 STATUS Archive (UIDVALIDITY)", "a3 DELETE Archive",
                               "a4 CREATE Archive", "a5 STATUS Archive (UIDVALIDITY)"})),
             wire({kLoggedIn, "* STATUS Archive (UIDVALIDITY 8)", "a2 OK STATUS completed",
                   "a3 OK DELETE completed", "a4 OK CREATE completed",
                   "* STATUS Archive (UIDVALIDITY 9)", "a5 OK STATUS completed"}));
}

void TestImapServer::changeListenerSeesInboxChanges()
{
    MailboxStore store;
    fillStore(store);
    QList<int> counts;
    store.setChangeListener([&](const QString &address, int count) {
        if (address == kAna)
            counts.append(count);
    });
    talk(store, afterSelect({"a2 APPEND INBOX {25}", "Subject: Draft", "", "To do", "",
                             "a3 STORE 1:2 +FLAGS (\\Deleted)", "a4 EXPUNGE"}));
    // One change for the APPEND, one for the EXPUNGE; flags alone change no count.
    QCOMPARE(counts, (QList<int>{4, 2}));
}

void TestImapServer::appendUsesSessionTime()
{
    MailboxStore store;
    fillStore(store);
    ImapServerSession session(testConfig(), &store);
    session.open();
    session.setTime(26 * kHour + 30 * kMinute);
    QVERIFY(session
                .receive(wire({kLogin, "a2 APPEND Archive {25}", "Subject: Draft", "", "To do", "",
                               "a3 SELECT Archive", "a4 FETCH 1 INTERNALDATE"}))
                .contains("* 1 FETCH (INTERNALDATE \"03-Mar-2026 11:30:00 +0000\")\r\n"));
}

void TestImapServer::nothingAfterLogout()
{
    MailboxStore store;
    fillStore(store);
    ImapServerSession session(testConfig(), &store);
    QCOMPARE(session.open(), wire({kGreeting}));
    QCOMPARE(session.state(), ImapServerSession::State::NotAuthenticated);
    session.receive(wire({kLogin}));
    QCOMPARE(session.state(), ImapServerSession::State::Authenticated);
    session.receive(wire({"s SELECT INBOX"}));
    QCOMPARE(session.state(), ImapServerSession::State::Selected);
    QCOMPARE(session.receive(wire({"a2 LOGOUT"})), wire({kBye, "a2 OK LOGOUT completed"}));
    QCOMPARE(session.state(), ImapServerSession::State::Logout);
    QVERIFY(session.closing());
    QCOMPARE(session.receive(wire({"a3 NOOP"})), QByteArray());
}

QTEST_GUILESS_MAIN(TestImapServer)
#include "tst_imapserver.moc"
