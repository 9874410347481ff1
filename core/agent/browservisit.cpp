#include "core/agent/browservisit.h"

#include <QRegularExpression>

namespace carteiro::core {

namespace {

// The text of the first element with class="error" on a page, if any.
QString errorOn(const HttpResponse &page)
{
    static const QRegularExpression error(QStringLiteral("class=\"error\">([^<]*)<"));
    const auto match = error.match(QString::fromUtf8(page.body));
    return match.hasMatch() ? match.captured(1) : QString();
}

QString unescape(QString text)
{
    return text.replace(QLatin1String("&lt;"), QLatin1String("<"))
        .replace(QLatin1String("&gt;"), QLatin1String(">"))
        .replace(QLatin1String("&quot;"), QLatin1String("\""))
        .replace(QLatin1String("&#39;"), QLatin1String("'"))
        .replace(QLatin1String("&amp;"), QLatin1String("&"));
}

} // namespace

BrowserVisit::BrowserVisit(Goal goal, QString webmailHost, QString user, QString password,
                           SendStep message, Finished finished)
    : m_goal(goal), m_host(std::move(webmailHost)), m_user(std::move(user)),
      m_password(std::move(password)), m_message(std::move(message)),
      m_finished(std::move(finished))
{}

HttpRequest BrowserVisit::get(const QByteArray &target)
{
    HttpRequest request;
    request.method = "GET";
    request.target = target;
    request.fields.add("Host", m_host.toUtf8());
    request.fields.add("User-Agent", "Mozilla/5.0 (Carteiro browser)");
    request.fields.add("Accept", "text/html");
    if (!m_cookie.isEmpty())
        request.fields.add("Cookie", m_cookie);
    m_last = request;
    return request;
}

HttpRequest BrowserVisit::post(const QByteArray &target, const QByteArray &body)
{
    HttpRequest request = get(target);
    request.method = "POST";
    request.fields.add("Content-Type", "application/x-www-form-urlencoded");
    request.fields.add("Content-Length", QByteArray::number(body.size()));
    request.body = body;
    m_last = request;
    return request;
}

std::optional<HttpRequest> BrowserVisit::next(const HttpResponse *last)
{
    if (m_done)
        return std::nullopt;
    if (!last)
        return get("/");
    // "Set-Cookie: sid=...; Path=/; HttpOnly": the browser keeps the name=value part.
    for (const auto &field : last->fields.all()) {
        if (field.first.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
            continue;
        const QByteArray pair = field.second.split(';').first().trimmed();
        m_cookie = pair.endsWith('=') ? QByteArray() : pair;
    }
    if (m_leaving)
        return finish(); // the answer to "sign out": the person closes the tab
    if (last->status == 303) {
        const QByteArray location = last->fields.value("Location");
        if (m_last.target == "/login")
            m_signedIn = true;
        if (m_last.target == "/send")
            m_outcome.sent = true;
        if (!location.isEmpty())
            return get(location); // a browser GETs the new place (RFC 9110 section 15.4.4)
    }
    return afterPage(*last);
}

std::optional<HttpRequest> BrowserVisit::afterPage(const HttpResponse &page)
{
    const QByteArray path = m_last.path();
    if (page.status != 200) {
        const QString error = errorOn(page);
        return leave(
            QStringLiteral("%1 %2%3")
                .arg(page.status)
                .arg(QString::fromLatin1(HttpResponse::reasonPhrase(page.status)),
                     error.isEmpty() ? QString() : QStringLiteral(": ") + unescape(error)));
    }
    if (path == "/" && !m_signedIn) {
        return post("/login", form::encode({{QStringLiteral("user"), m_user},
                                            {QStringLiteral("password"), m_password}}));
    }
    if (path == "/inbox") {
        if (m_goal == Goal::Send) {
            if (m_composed)
                return leave();
            return get("/compose");
        }
        if (!m_listed) {
            m_listed = true;
            static const QRegularExpression link(QStringLiteral("href=\"/message/(\\d+)\""));
            auto matches = link.globalMatch(QString::fromUtf8(page.body));
            while (matches.hasNext())
                m_toRead.append(matches.next().captured(1).toUInt());
        }
        return nextMessageOrLeave();
    }
    if (path.startsWith("/message/")) {
        static const QRegularExpression title(QStringLiteral("<h1>([^<]*)</h1>"));
        const auto match = title.match(QString::fromUtf8(page.body));
        m_outcome.subjects.append(match.hasMatch() ? unescape(match.captured(1)) : QString());
        if (m_goal == Goal::ReadAndDelete)
            return post(path + "/delete", {});
        return nextMessageOrLeave();
    }
    if (path == "/compose") {
        m_composed = true;
        QList<QPair<QString, QString>> fields{{QStringLiteral("to"), m_message.to.join(", ")},
                                              {QStringLiteral("cc"), m_message.cc.join(", ")},
                                              {QStringLiteral("bcc"), m_message.bcc.join(", ")},
                                              {QStringLiteral("subject"), m_message.subject},
                                              {QStringLiteral("body"), m_message.body}};
        if (!m_message.html.isEmpty())
            fields.append({QStringLiteral("html"), m_message.html});
        return post("/send", form::encode(fields));
    }
    if (path == "/send") {
        m_composed = true;
        return leave(unescape(errorOn(page))); // the page says why it was not sent
    }
    return leave();
}

std::optional<HttpRequest> BrowserVisit::nextMessageOrLeave()
{
    if (m_toRead.isEmpty())
        return leave();
    return get("/message/" + QByteArray::number(m_toRead.takeFirst()));
}

std::optional<HttpRequest> BrowserVisit::leave(const QString &error)
{
    if (!error.isEmpty() && m_outcome.ok) {
        m_outcome.ok = false;
        m_outcome.error = error;
    }
    if (!m_signedIn)
        return finish();
    m_leaving = true;
    return post("/logout", {});
}

std::optional<HttpRequest> BrowserVisit::finish()
{
    if (!m_done) {
        m_done = true;
        if (m_finished)
            m_finished(m_outcome);
    }
    return std::nullopt;
}

void BrowserVisit::failed(const QString &error)
{
    if (m_done)
        return;
    m_outcome.ok = false;
    m_outcome.error = error;
    finish();
}

} // namespace carteiro::core
