#include "core/agent/useragent.h"

#include "core/agent/browservisit.h"
#include "core/http/httpclientsession.h"
#include "core/imap/imapclientsession.h"
#include "core/message/rfc5322.h"
#include "core/mta/mta.h"
#include "core/pop3/pop3clientsession.h"
#include "core/smtp/smtpclientsession.h"

namespace carteiro::core {

UserAgent::UserAgent(Network &network, const Scenario &scenario, QString host, MtaLookup mtas)
    : m_network(network), m_scenario(scenario), m_host(std::move(host)), m_mtas(std::move(mtas)),
      m_random(network.simulation().randomStream("ua/" + m_host.toUtf8()))
{}

void UserAgent::report(TraceEvent::Type type, const QString &text, const QString &server)
{
    TraceEvent event;
    event.type = type;
    event.client = m_host;
    event.server = server;
    event.text = text;
    m_network.record(std::move(event));
}

void UserAgent::send(const SendStep &send, const QString &submitTo)
{
    SmtpOutgoing outgoing =
        composeOutgoing(send, m_host, m_scenario, m_random, m_network.simulation().now());
    const int port = prepareSubmission(m_mtas(submitTo), m_scenario.user(send.from), outgoing);
    auto session = std::make_shared<SmtpClientSession>(
        outgoing, [this, submitTo](const QList<SmtpDeliveryResult> &results) {
            QStringList refused;
            for (const SmtpDeliveryResult &r : results)
                if (r.outcome != SmtpDeliveryResult::Outcome::Delivered)
                    refused << QStringLiteral("<%1> %2").arg(r.recipient, r.diagnostic);
            if (!refused.isEmpty())
                report(TraceEvent::Type::Bounce,
                       QStringLiteral("not sent, the mail program shows: %1")
                           .arg(refused.join(QStringLiteral("; "))),
                       submitTo);
        });
    m_network.connect(m_host, submitTo, port, session);
}

SmtpOutgoing UserAgent::composeOutgoing(const SendStep &send, const QString &heloName,
                                        const Scenario &scenario, std::mt19937_64 &random,
                                        SimTime now)
{
    const QString messageId =
        MessageComposer::makeMessageId(now, random, rfc5322::domainOf(send.from));
    MessageComposer composer(
        [&scenario](const QString &address) {
            const UserSpec *user = scenario.user(address);
            return user ? user->name : QString();
        },
        random);
    SmtpOutgoing outgoing;
    outgoing.heloName = heloName;
    outgoing.sender = send.from;
    outgoing.recipients = send.to + send.cc + send.bcc;
    outgoing.data = composer.compose(send, now, messageId);
    return outgoing;
}

int UserAgent::prepareSubmission(const Mta *mta, const UserSpec *user, SmtpOutgoing &outgoing)
{
    if (!mta)
        return Mta::kSmtpPort;
    outgoing.style = mta->style();
    if (!mta->offersSubmission())
        return Mta::kSmtpPort;
    if (mta->style() == SmtpStyle::Modern) {
        outgoing.authUser = outgoing.sender;
        outgoing.authPassword = user ? user->password : QString();
    }
    return Mta::kSubmissionPort;
}

QString UserAgent::loginName(const QString &address, const Mta *server)
{
    // "user bob" as in the textbook when the server's first domain is the user's own.
    if (server && !server->spec().localDomains.isEmpty() &&
        server->spec().localDomains.first().compare(rfc5322::domainOf(address),
                                                    Qt::CaseInsensitive) == 0)
        return rfc5322::localPartOf(address);
    return address;
}

void UserAgent::fetch(const FetchStep &fetch, const QString &server)
{
    const UserSpec *user = m_scenario.user(fetch.user);
    Mta *mta = m_mtas(server);
    const QString login = loginName(fetch.user, mta);
    const QString address = fetch.user;
    const QString password = user ? user->password : QString();
    auto failed = [this, address, server](const QString &error) {
        report(TraceEvent::Type::Close,
               QStringLiteral("mail program could not fetch mail for %1: %2").arg(address, error),
               server);
    };
    if (fetch.protocol == QLatin1String("imap")) {
        // IMAP leaves the mail on the server, where every device sees it (seed 000); reading
        // marks it \Seen, keeping only peeks.
        const bool reading = fetch.deleteAfter;
        auto session = std::make_shared<ImapClientSession>(
            login, password,
            reading ? ImapClientSession::Mode::Read : ImapClientSession::Mode::Keep,
            [this, address, server, reading, failed](const ImapClientSession::Result &result) {
                if (!result.ok) {
                    failed(result.error);
                    return;
                }
                m_downloaded[address] += result.messages;
                report(TraceEvent::Type::Deliver,
                       QStringLiteral("%1 message(s) for %2 read on %3 by IMAP (%4)")
                           .arg(result.messages.size())
                           .arg(address, m_host,
                                reading ? QStringLiteral("marked \\Seen, still on the server")
                                        : QStringLiteral("peeked, still on the server")),
                       server);
            });
        m_network.connect(m_host, server, Mta::kImapPort, session);
        return;
    }
    const bool deleting = fetch.deleteAfter;
    auto session = std::make_shared<Pop3ClientSession>(
        login, password, deleting ? Pop3ClientSession::Mode::Delete : Pop3ClientSession::Mode::Keep,
        [this, address, server, deleting, failed](const Pop3ClientSession::Result &result) {
            if (!result.ok) {
                failed(result.error);
                return;
            }
            m_downloaded[address] += result.messages;
            report(TraceEvent::Type::Deliver,
                   QStringLiteral("%1 message(s) for %2 downloaded to %3 (%4)")
                       .arg(result.messages.size())
                       .arg(address, m_host,
                            deleting ? QStringLiteral("deleted from the server")
                                     : QStringLiteral("kept on the server")),
                   server);
        });
    m_network.connect(m_host, server, Mta::kPop3Port, session);
}

void UserAgent::browse(const QString &webmail, const QString &user, const SendStep *send,
                       const FetchStep *fetch)
{
    const UserSpec *spec = m_scenario.user(user);
    BrowserVisit::Goal goal = BrowserVisit::Goal::Read;
    if (send)
        goal = BrowserVisit::Goal::Send;
    else if (fetch && fetch->deleteAfter)
        goal = BrowserVisit::Goal::ReadAndDelete;
    auto visit = std::make_shared<BrowserVisit>(
        goal, webmail, user, spec ? spec->password : QString(), send ? *send : SendStep(),
        [this, webmail, user, goal](const BrowserVisit::Outcome &outcome) {
            if (goal == BrowserVisit::Goal::Send) {
                if (!outcome.ok || !outcome.sent)
                    report(
                        TraceEvent::Type::Bounce,
                        QStringLiteral("not sent, the webmail page shows: %1").arg(outcome.error),
                        webmail);
                return;
            }
            if (!outcome.ok) {
                report(TraceEvent::Type::Close,
                       QStringLiteral("browser could not read mail for %1: %2")
                           .arg(user, outcome.error),
                       webmail);
                return;
            }
            report(TraceEvent::Type::Deliver,
                   QStringLiteral("%1 message(s) for %2 read in the browser on %3 (%4)")
                       .arg(outcome.subjects.size())
                       .arg(user, m_host,
                            goal == BrowserVisit::Goal::ReadAndDelete
                                ? QStringLiteral("then deleted on the server")
                                : QStringLiteral("marked \\Seen, still on the server")),
                   webmail);
        });
    auto session = std::make_shared<HttpClientSession>(
        [visit](const HttpResponse *last) { return visit->next(last); },
        [visit](const QString &error) { visit->failed(error); });
    m_network.connect(m_host, webmail, kHttpPort, session);
}

} // namespace carteiro::core
