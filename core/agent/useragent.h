#pragma once

#include "core/message/messagecomposer.h"
#include "core/net/network.h"
#include "core/scenario/scenario.h"

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
    // The name the user logs in with on that server: the local part on the user's own
    // domain ("bob", as the textbook types it), else the whole address.
    static QString loginName(const QString &address, const Mta *server);
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
