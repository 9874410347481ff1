#include "core/http/httpmessage.h"

#include <QUrl>

namespace carteiro::core {

QByteArray HttpFields::value(const QByteArray &name) const
{
    for (const auto &field : m_fields)
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            return field.second;
    return {};
}

bool HttpFields::contains(const QByteArray &name) const
{
    return count(name) > 0;
}

int HttpFields::count(const QByteArray &name) const
{
    int n = 0;
    for (const auto &field : m_fields)
        if (field.first.compare(name, Qt::CaseInsensitive) == 0)
            ++n;
    return n;
}

QByteArray HttpRequest::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

bool HttpRequest::keepsAlive() const
{
    const QByteArray connection = fields.value("Connection").toLower();
    if (minorVersion == 0)
        return connection.contains("keep-alive");
    return !connection.contains("close");
}

QByteArray HttpRequest::toWire() const
{
    QByteArray wire =
        method + ' ' + target + " HTTP/1." + QByteArray::number(minorVersion) + "\r\n";
    for (const auto &field : fields.all())
        wire += field.first + ": " + field.second + "\r\n";
    if (!body.isEmpty() && !fields.contains("Content-Length"))
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    wire += "\r\n";
    wire += body;
    return wire;
}

QByteArray HttpResponse::reasonPhrase(int status)
{
    // RFC 9110 section 15: the reason phrases of the status codes Carteiro sends.
    switch (status) {
    case 200:
        return "OK";
    case 204:
        return "No Content";
    case 303:
        return "See Other";
    case 400:
        return "Bad Request";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Content Too Large";
    case 414:
        return "URI Too Long";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    }
    return "Unknown";
}

QByteArray HttpResponse::toWire() const
{
    QByteArray wire =
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    for (const auto &field : fields.all())
        wire += field.first + ": " + field.second + "\r\n";
    // RFC 9110 section 8.6: 204 carries no Content-Length; every other answer says its size.
    if (status != 204 && !fields.contains("Content-Length"))
        wire += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    wire += "\r\n";
    if (!headOnly && status != 204)
        wire += body;
    return wire;
}

namespace form {

QByteArray encode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &field : fields) {
        if (!body.isEmpty())
            body += '&';
        // Spaces become '+', everything outside the unreserved set is percent-encoded.
        body += QUrl::toPercentEncoding(field.first, " ").replace(' ', '+') + '=' +
                QUrl::toPercentEncoding(field.second, " ").replace(' ', '+');
    }
    return body;
}

QList<QPair<QString, QString>> decode(const QByteArray &body)
{
    QList<QPair<QString, QString>> fields;
    for (QByteArray pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        pair.replace('+', ' ');
        const qsizetype equals = pair.indexOf('=');
        const QByteArray name = equals < 0 ? pair : pair.left(equals);
        const QByteArray value = equals < 0 ? QByteArray() : pair.mid(equals + 1);
        fields.append({QString::fromUtf8(QByteArray::fromPercentEncoding(name)),
                       QString::fromUtf8(QByteArray::fromPercentEncoding(value))});
    }
    return fields;
}

QString value(const QList<QPair<QString, QString>> &fields, const QString &name)
{
    for (const auto &field : fields)
        if (field.first == name)
            return field.second;
    return {};
}

} // namespace form

} // namespace carteiro::core
