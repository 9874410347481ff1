#pragma once

#include "core/sim/simulation.h"
#include "core/smtp/smtpstyle.h"

#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace carteiro::core {

// Where something was written in the scenario file (1-based), for errors and the editor.
struct SourcePos
{
    int line = 0;
    int column = 0;
};

// Any text field: a plain string, or {en:, pt:}.
struct LocalizedText
{
    QString en;
    QString pt;
    QString text(const QString &language) const
    {
        if (language.startsWith(QLatin1String("pt")) && !pt.isEmpty())
            return pt;
        return en.isEmpty() ? pt : en;
    }
    bool isEmpty() const { return en.isEmpty() && pt.isEmpty(); }
};

struct RetryPolicy
{
    SimTime every = 30 * kMinute;   // seed 001: "a cada 30min"
    SimTime giveUpAfter = 4 * kDay; // seed 001: "por 4 dias"
};

struct MxRecord
{
    QString host;
    int preference = 10;
};

struct DnsZone
{
    QString domain;
    QList<MxRecord> mx;
    bool hasAddress = false; // `a: true`: the domain is itself a host (implicit MX)
    SourcePos pos;
};

enum class HostRole { Mta, Client, Dns, Webmail };

struct HostSpec
{
    QString name;
    HostRole role = HostRole::Mta;
    SourcePos pos;
    // role: mta
    QStringList localDomains;
    QString greeting;                             // empty: the host name
    QStringList services{QStringLiteral("smtp")}; // smtp, submission, pop3, imap
    int vrfyMode = 0;   // 0 answers; 252 or 502 refuses (`vrfy: false` is 252)
    int expnMode = 502; // `expn: true` is 0
    QMap<QString, QStringList> lists;
    int maxRecipients = 100;
    qint64 maxMessageSize = 10'485'760; // extension key `max_message_size`
    std::optional<RetryPolicy> retry;
    std::optional<SmtpStyle> style;
    // role: client
    QString user;
    QString submitTo;
    QString accessProtocol; // pop3 | imap
    QString accessServer;
};

struct UserSpec
{
    QString address;
    QString name;
    QString password;
    SourcePos pos;
};

struct LinkSpec
{
    QString a;
    QString b;
    SimTime latency = 0;
    SourcePos pos;
};

struct AttachmentSpec
{
    QString name;
    QString type = QStringLiteral("application/octet-stream");
    qint64 size = 0;
};

struct SendStep
{
    QString from;
    QStringList to, cc, bcc;
    QString subject;
    QString body;
    // Optional HTML version of the body: the message becomes multipart/alternative (text/plain
    // then text/html, RFC 2046 section 5.1.4). The YAML key "html:" is wired by the loader.
    QString html;
    QList<AttachmentSpec> attachments;
    // Extension `encoding: 8bit`: the text goes as raw UTF-8 (Content-Transfer-Encoding: 8bit)
    // instead of quoted-printable, to show what a 7-bit server does to it.
    bool eightBit = false;
};

struct FetchStep
{
    QString user;
    QString protocol = QStringLiteral("pop3");
    bool deleteAfter = true; // mode: delete | keep
    QString device;          // extension: the machine that fetches; default the user's first
};

struct TelnetStep
{
    QString from;
    QString to;
    int port = 25;
    QStringList lines;
};

// Folder work by a user's IMAP client (extension `imap:`): each action becomes IMAP commands.
struct ImapAction
{
    QString
        kind; // create | delete-folder | rename | copy | move | flag | unflag | delete | expunge
    int message = 0; // sequence number in the selected mailbox
    QString folder;  // create / delete-folder / rename (from) / copy and move (to)
    QString target;  // rename: the new name
    QStringList flags;
};

struct ImapStep
{
    QString user;
    QString device;
    QString mailbox = QStringLiteral("INBOX");
    QList<ImapAction> actions;
};

struct AskStep
{
    LocalizedText question;
    QStringList choices;   // as the answer names them (English, or the only text given)
    QStringList choicesPt; // the Portuguese of each choice, empty where none was given
    QString answer;        // one of choices
    QString choice(int index, const QString &language) const
    {
        return LocalizedText{choices.value(index), choicesPt.value(index)}.text(language);
    }
};

struct FaultSpec
{
    QString kind; // down | refuse | reject | no-mx | dns-fail | mailbox-full | slow | drop
    QString host;
    int port = 0;           // refuse: 0 is every port
    int code = 0;           // reject
    QString text;           // reject
    QString recipient;      // reject: only this RCPT
    QString sender;         // reject: only this MAIL FROM
    QString stage;          // reject: connect|helo|mail|rcpt|data; drop: same, default data
    QString domain;         // no-mx, dns-fail
    QString user;           // mailbox-full
    bool permanent = false; // mailbox-full: 552 rather than 452
    QStringList between;    // slow: two hosts
    SimTime latency = 0;    // slow
    SimTime at = 0;         // offset from the step's time
    std::optional<SimTime> duration; // for:
    std::optional<SimTime> until;    // until: (absolute virtual time)
};

struct Step
{
    enum class Kind { Send, Fetch, Telnet, Note, Ask, Fault, Imap };
    Kind kind = Kind::Note;
    SimTime at = 0;
    SourcePos pos;
    SendStep send;
    FetchStep fetch;
    TelnetStep telnet;
    ImapStep imap;
    LocalizedText note;
    AskStep ask;
    FaultSpec fault;
};

struct Scenario
{
    QString fileName;
    int version = 1;
    LocalizedText title;
    LocalizedText summary;
    quint64 seed = 0;
    SimTime latency = 20;
    RetryPolicy retry;
    SmtpStyle style = SmtpStyle::Classic;
    QList<DnsZone> dns;
    QList<HostSpec> hosts;
    QList<UserSpec> users;
    QList<LinkSpec> links;
    QList<Step> steps;

    // Lookups by name, case-insensitive; constant time once index() has run.
    const HostSpec *host(const QString &name) const;
    const UserSpec *user(const QString &address) const;
    const DnsZone *zone(const QString &domain) const;
    // Builds the lookup tables; call again after changing hosts or users.
    void index();

private:
    QHash<QString, int> m_hostIndex; // lower-case name -> position in hosts
    QHash<QString, int> m_userIndex;
};

} // namespace carteiro::core
