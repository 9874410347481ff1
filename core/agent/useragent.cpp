#include "core/agent/useragent.h"

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
    const SimTime now = m_network.simulation().now();
    const QString messageId =
        MessageComposer::makeMessageId(now, m_random, rfc5322::domainOf(send.from));
    MessageComposer composer(
        [this](const QString &address) {
            const UserSpec *user = m_scenario.user(address);
            return user ? user->name : QString();
        },
        m_random);

    SmtpOutgoing outgoing;
    outgoing.heloName = m_host;
    outgoing.sender = send.from;
    outgoing.recipients = send.to + send.cc + send.bcc;
    outgoing.data = composer.compose(send, now, messageId);

    Mta *mta = m_mtas(submitTo);
    int port = Mta::kSmtpPort;
    if (mta) {
        outgoing.style = mta->style();
        if (mta->offersSubmission())
            port = Mta::kSubmissionPort;
        if (mta->style() == SmtpStyle::Modern && port == Mta::kSubmissionPort) {
            const UserSpec *user = m_scenario.user(send.from);
            outgoing.authUser = send.from;
            outgoing.authPassword = user ? user->password : QString();
        }
    }
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

} // namespace carteiro::core
