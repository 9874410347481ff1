#pragma once

#include "core/message/messagecomposer.h"
#include "core/net/network.h"
#include "core/scenario/scenario.h"
#include "core/smtp/smtpclientsession.h"

#include <QByteArrayList>

#include <functional>
#include <random>

namespace carteiro::core {

class Mta;

// A user's mail program on their own machine ("agente usuário", seed 001): composes a
// message, submits it to its MTA over SMTP, and fetches mail over POP3.
class UserAgent
{
public:
    using MtaLookup = std::function<Mta *(const QString &name)>;

    UserAgent(Network &network, const Scenario &scenario, QString host, MtaLookup mtas);

    const QString &host() const { return m_host; }
    void send(const SendStep &send, const QString &submitTo);
    void fetch(const FetchStep &fetch, const QString &server);
    // The same through a webmail site in the browser: sends `send` (when given) or reads the
    // inbox (deleting each message when the fetch says so).
    void browse(const QString &webmail, const QString &user, const SendStep *send,
                const FetchStep *fetch);
    // The name the user logs in with on that server: the local part on the user's own
    // domain ("bob", as the textbook types it), else the whole address.
    static QString loginName(const QString &address, const Mta *server);
    // The message written and addressed as a mail program hands it to its server (Date and
    // Message-ID added).
    static SmtpOutgoing composeOutgoing(const SendStep &send, const QString &heloName,
                                        const Scenario &scenario, std::mt19937_64 &random,
                                        SimTime now);
    // Sets the style and credentials for handing a message to this MTA and returns the
    // port: 587 with AUTH PLAIN where the server offers submission, else 25.
    static int prepareSubmission(const Mta *mta, const UserSpec *user, SmtpOutgoing &outgoing);
    // Messages downloaded to this machine, per user.
    const QMap<QString, QByteArrayList> &downloaded() const { return m_downloaded; }

private:
    void report(TraceEvent::Type type, const QString &text, const QString &server);

    Network &m_network;
    const Scenario &m_scenario;
    QString m_host;
    MtaLookup m_mtas;
    std::mt19937_64 m_random;
    QMap<QString, QByteArrayList> m_downloaded;
};

} // namespace carteiro::core
