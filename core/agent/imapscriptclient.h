#pragma once

#include "core/net/linesession.h"

#include <QByteArrayList>
#include <QStringList>

#include <functional>

namespace carteiro::core {

// A mail program doing folder work over IMAP (RFC 3501): it sends each command with its own
// tag ("a001 CREATE Receitas") and waits for that tag's completion before the next one.
// Literals in the server's answers ({611} then 611 octets) are skipped, not read as lines.
class ImapScriptClient : public ClientSession
{
public:
    struct Outcome
    {
        bool ok = true;  // every command answered OK
        QString failure; // the first NO/BAD line or network error
        // The completion of each command answered, in order ("OK LOGIN completed"), so a
        // caller can tell which failure matters (a CREATE of a folder that exists may fail).
        QByteArrayList statuses;
    };
    using Finished = std::function<void(const Outcome &)>;

    // commands without tags; LOGOUT is added at the end.
    ImapScriptClient(QStringList commands, Finished finished);

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override { return m_closing; }
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

private:
    QByteArray sendNext();
    void finish();

    QStringList m_commands;
    Finished m_finished;
    int m_next = 0;
    QByteArray m_buffer;
    qint64 m_literal = 0; // octets of a literal still to skip
    bool m_greeted = false;
    bool m_closing = false;
    bool m_done = false;
    Outcome m_outcome;
};

} // namespace carteiro::core
