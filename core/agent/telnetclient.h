#pragma once

#include "core/net/linesession.h"

#include <QStringList>

#include <functional>

namespace carteiro::core {

// A student at a telnet prompt: types one line, waits for the server's whole answer, types
// the next. Knows just enough of SMTP and POP3 to tell when an answer is complete (a final
// "NNN text" line; "+OK" / "-ERR", then "." for multi-line POP3 answers) and that the lines
// after "354" are the message, sent without waiting until the lone ".".
class TelnetClient : public ClientSession
{
public:
    using Finished = std::function<void(const QString &outcome)>;

    TelnetClient(QStringList lines, bool pop3, Finished finished = {});

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override { return m_closing; }
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

private:
    bool answerComplete();
    QByteArray typeNext();
    void finish(const QString &outcome);

    QStringList m_lines;
    bool m_pop3 = false;
    Finished m_finished;
    int m_next = 0;
    QByteArray m_buffer;
    bool m_inData = false;
    bool m_multiLine = false; // the POP3 answer being read ends with "."
    bool m_gotStatus = false;
    bool m_closing = false;
    bool m_done = false;
};

} // namespace carteiro::core
