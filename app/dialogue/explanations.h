#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QString>

namespace carteiro::app {

// What one line of a dialogue is, read in the order of its connection.
enum class LineRole {
    Command,      // a client command: SMTP's envelope and session, POP3's requests
    Reply,        // a server reply (SMTP code, POP3 +OK/-ERR)
    Header,       // a message header field, between 354 and "." (or in a RETR/TOP answer)
    HeaderFolded, // the continuation of a header field (starts with a space, RFC 5322 2.2.3)
    Separator,    // the empty line between the headers and the body
    Body,         // a line of the message body
    EndOfData,    // the "." that ends the message or a multi-line answer
    Listing,      // a line of a POP3 multi-line listing (LIST, UIDL, CAPA)
    Other
};

struct LineReading
{
    LineRole role = LineRole::Other;
    QString verb;           // commands: "RCPT"; replies and content: the command answered
    int code = 0;           // SMTP reply code; POP3: 1 for +OK, -1 for -ERR
    QString enhanced;       // "5.1.1" when the reply carries an RFC 3463 code
    bool continued = false; // an SMTP reply line "250-" with more to come
    QString field;          // header field name for Header
};

// Reads one connection's lines in order and tells the envelope (SMTP commands) from the
// message (headers and body between 354 and "."). A value: the dialogue pane keeps the state
// after each line so it can step back without reading again. Pure text, no wire changes.
class DialogueReader
{
public:
    explicit DialogueReader(const QString &protocol = QString()) : m_protocol(protocol.toUpper()) {}
    LineReading read(bool fromClient, const QString &text);

private:
    LineReading readHttp(bool fromClient, const QString &text);

    enum class Mode { Commands, MessageHeaders, MessageBody, Listing };
    QString m_protocol;
    Mode m_mode = Mode::Commands;
    QString m_lastCommand;             // the verb the next reply answers
    QString m_pendingMultiLine;        // POP3: the command whose +OK opens a multi-line answer
    bool m_httpRequestFields = false;  // HTTP: between a request line and its empty line
    bool m_httpResponseFields = false; // the same for a status line
};

// Every explanation shown beside a line, each through tr() so the .ts files translate them.
class Explanations
{
    Q_DECLARE_TR_FUNCTIONS(carteiro::app::Explanations)

public:
    struct Text
    {
        QString title; // "RCPT — envelope (SMTP, RFC 5321)"
        QString body;  // what it means, with the RFC section
    };

    static Text explain(const QString &protocol, bool fromClient, const QString &text,
                        const LineReading &reading);
    static Text explainHttp(bool fromClient, const LineReading &reading);

    static QString smtpCommand(const QString &verb);
    static QString pop3Command(const QString &verb);
    static QString smtpReply(int code);
    static QString smtpReplyClass(int code);
    static QString enhancedStatus(const QString &code); // RFC 3463 class and subject
    static QString headerField(const QString &field);

    // The colour of a reply by class: 2xx green, 3xx blue, 4xx orange, 5xx red; POP3 +OK
    // green, -ERR red. Invalid for anything else.
    static QColor replyColour(int code);
};

} // namespace carteiro::app
