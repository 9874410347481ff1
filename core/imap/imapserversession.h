#pragma once

#include "core/net/linesession.h"
#include "core/sim/simulation.h"

#include <QStringList>

#include <memory>

namespace carteiro::core {

class MailboxStore;

struct ImapServerConfig
{
    QString hostname = QStringLiteral("localhost");
    // LOGIN bob on this host means bob@<first local domain>; bob@domain works too.
    QStringList localDomains;
    int hardErrorLimit = 20; // BAD answers and failed logins before * BYE and close
};

// The IMAP4rev1 server of RFC 3501 (with IDLE of RFC 2177 and LITERAL+ of RFC 7888): the
// NotAuthenticated, Authenticated, Selected and Logout states of section 3. Folders and flags
// live in the MailboxStore, so they outlive the session and every session sees them.
class ImapServerSession : public LineSession
{
public:
    enum class State { NotAuthenticated, Authenticated, Selected, Logout };

    ImapServerSession(ImapServerConfig config, MailboxStore *store);
    ~ImapServerSession() override;

    QByteArray open() override;
    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;

    State state() const;
    // The session has no clock: whoever drives it says what time it is, for the internal
    // date of APPEND without a date (RFC 3501 section 6.3.11). 0 until told.
    void setTime(SimTime now);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
