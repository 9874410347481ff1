#include "core/imap/imapserversession.h"
#include "core/mailbox/mailboxstore.h"

#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

#include <unistd.h>

using namespace carteiro::core;

// Our server against a client we did not write: Python's imaplib, through IMAP4_stream, which
// runs a command and speaks IMAP on its stdin and stdout. The command is this test program
// again, running only stdioServer() with its own log sent to /dev/null. Skipped when there is
// no python3 with imaplib.

namespace {

const char *const kServeEnv = "CARTEIRO_IMAP_STDIO_SERVER";

const char *const kScript = R"PY(
import imaplib, sys
M = imaplib.IMAP4_stream(sys.argv[1])
def show(*parts):
    print(repr(parts))
show(M.login('ana', 'faminta'))
show(M.select('INBOX'))
typ, data = M.fetch('1:*', '(UID FLAGS BODY.PEEK[])')
show(typ, data)
show(M.create('Work'))
show(M.copy('1', 'Work'))
show(M.append('Work', '(\\Seen)', None, b'Subject: py\r\n\r\nfrom python\r\n'))
show(M.status('Work', '(MESSAGES UIDNEXT UNSEEN)'))
show(M.list())
show(M.store('1', '+FLAGS', '(\\Deleted)'))
show(M.expunge())
show(M.search(None, 'ALL'))
show(M.uid('SEARCH', 'UNSEEN'))
show(M.close())
show(M.logout()[0])
)PY";

} // namespace

class TestImapInterop : public QObject
{
    Q_OBJECT

private slots:
    void imaplib();
    void stdioServer();
};

void TestImapInterop::imaplib()
{
    if (qEnvironmentVariableIsSet(kServeEnv))
        QSKIP("running as the stdio server");
    const QString python = QStandardPaths::findExecutable(QStringLiteral("python3"));
    if (python.isEmpty())
        QSKIP("python3 not found");
    QProcess probe;
    probe.start(python, {QStringLiteral("-c"), QStringLiteral("import imaplib")});
    if (!probe.waitForFinished(10000) || probe.exitCode() != 0)
        QSKIP("python3 has no imaplib");

    const QString command = QLatin1Char('\'') + QCoreApplication::applicationFilePath() +
                            QStringLiteral("' -o /dev/null,txt stdioServer");
    QProcess client;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QString::fromLatin1(kServeEnv), QStringLiteral("1"));
    client.setProcessEnvironment(environment);
    client.start(python, {QStringLiteral("-c"), QString::fromUtf8(kScript), command});
    QVERIFY(client.waitForFinished(30000));
    const QByteArray errors = client.readAllStandardError();
    QVERIFY2(client.exitCode() == 0, errors.constData());
    const QByteArrayList lines = client.readAllStandardOutput().trimmed().split('\n');
    const QByteArrayList expected = {
        "(('OK', [b'LOGIN completed']),)",
        "(('OK', [b'2']),)",
        "('OK', [(b'1 (UID 1 FLAGS (\\\\Recent) BODY[] {31}', b'Subject: hi\\r\\n\\r\\nHello from "
        "Bob\\r\\n'"
        "), b')', (b'2 (UID 2 FLAGS (\\\\Seen \\\\Recent) BODY[] {25}', b'Subject: "
        "old\\r\\n\\r\\nread"
        " it\\r\\n'), b')'])",
        "(('OK', [b'CREATE completed']),)",
        "(('OK', [b'COPY completed']),)",
        "(('OK', [b'APPEND completed']),)",
        "(('OK', [b'Work (MESSAGES 2 UIDNEXT 3 UNSEEN 1)']),)",
        "(('OK', [b'() \"/\" INBOX', b'() \"/\" Work']),)",
        "(('OK', [b'1 (FLAGS (\\\\Deleted \\\\Recent))']),)",
        "(('OK', [b'1']),)",
        "(('OK', [b'1']),)",
        "(('OK', [b'']),)",
        "(('OK', [b'CLOSE completed']),)",
        "('BYE',)",
    };
    QCOMPARE(lines, expected);
}

// Not a test on its own: the server end of imaplib(), on stdin and stdout.
void TestImapInterop::stdioServer()
{
    if (!qEnvironmentVariableIsSet(kServeEnv))
        QSKIP("only run by imaplib() as python's server");
    MailboxStore store;
    const QString ana = QStringLiteral("ana@hamburger.edu");
    store.addAccount(ana, QStringLiteral("Ana"), QStringLiteral("faminta"));
    store.deliver(ana, "Subject: hi\r\n\r\nHello from Bob\r\n", 0);
    store.append(ana, QStringLiteral("INBOX"), "Subject: old\r\n\r\nread it\r\n",
                 {QStringLiteral("\\Seen")}, 0);
    ImapServerConfig config;
    config.hostname = QStringLiteral("imap.hamburger.edu");
    config.localDomains = {QStringLiteral("hamburger.edu")};
    ImapServerSession session(config, &store);

    auto send = [](const QByteArray &bytes) {
        for (qsizetype done = 0; done < bytes.size();) {
            const ssize_t written = ::write(1, bytes.constData() + done, bytes.size() - done);
            if (written <= 0)
                return;
            done += written;
        }
    };
    send(session.open());
    char buffer[4096];
    while (!session.closing()) {
        const ssize_t got = ::read(0, buffer, sizeof buffer);
        if (got <= 0)
            break;
        send(session.receive(QByteArray(buffer, got)));
    }
}

QTEST_GUILESS_MAIN(TestImapInterop)
#include "tst_imapinterop.moc"
