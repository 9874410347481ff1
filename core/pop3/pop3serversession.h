#pragma once

#include "core/net/linesession.h"

#include <QStringList>

#include <memory>

namespace carteiro::core {

class MailboxStore;

struct Pop3ServerConfig
{
    QString hostname = QStringLiteral("localhost");
    // "USER bob" on this host means bob@<first local domain>; "USER bob@domain" works too.
    QStringList localDomains;
    int hardErrorLimit = 20; // bad commands before -ERR and close
};

// The POP3 server of RFC 1939: AUTHORIZATION, TRANSACTION and UPDATE states. Deletions are
// marked in TRANSACTION and carried out only on QUIT (UPDATE), as the RFC requires.
class Pop3ServerSession : public LineSession
{
public:
    enum class State { Authorization, Transaction, Update, Closed };

    Pop3ServerSession(Pop3ServerConfig config, MailboxStore *store);
    ~Pop3ServerSession() override;

    QByteArray open() override;
    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;

    State state() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
