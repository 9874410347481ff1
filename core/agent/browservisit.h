#pragma once

#include "core/http/httpmessage.h"
#include "core/scenario/scenario.h"

#include <QList>
#include <QStringList>

#include <functional>
#include <optional>

namespace carteiro::core {

// A person at a web browser using webmail, as the HTTP requests their clicks make: open the
// site, sign in with the form, then read every message in the inbox (and delete each, if
// asked), or write one; sign out. Each page decides the next click, links are taken from the
// HTML, redirects (303) are followed and the session cookie is sent back (RFC 6265).
class BrowserVisit
{
public:
    enum class Goal { Read, ReadAndDelete, Send };
    struct Outcome
    {
        bool ok = true;
        QString error;        // what the page or the network said when !ok
        QStringList subjects; // of the messages read, in order
        bool sent = false;
    };
    using Finished = std::function<void(const Outcome &)>;

    BrowserVisit(Goal goal, QString webmailHost, QString user, QString password, SendStep message,
                 Finished finished);

    // The next request given the page just shown (null at the start); nothing when done.
    std::optional<HttpRequest> next(const HttpResponse *last);
    // The network failed under the visit.
    void failed(const QString &error);

private:
    HttpRequest get(const QByteArray &target);
    HttpRequest post(const QByteArray &target, const QByteArray &body);
    std::optional<HttpRequest> afterPage(const HttpResponse &page);
    std::optional<HttpRequest> nextMessageOrLeave();
    std::optional<HttpRequest> leave(const QString &error = {});
    std::optional<HttpRequest> finish();

    Goal m_goal;
    QString m_host;
    QString m_user;
    QString m_password;
    SendStep m_message;
    Finished m_finished;

    QByteArray m_cookie;
    HttpRequest m_last;      // the request whose answer comes next
    QList<quint32> m_toRead; // UIDs from the inbox page, not yet opened
    bool m_listed = false;   // the inbox has been read once
    bool m_composed = false;
    bool m_signedIn = false;
    bool m_leaving = false;
    bool m_done = false;
    Outcome m_outcome;
};

} // namespace carteiro::core
