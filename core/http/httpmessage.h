#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

namespace carteiro::core {

// The port an HTTP server listens on (RFC 9110 section 4.2.1).
constexpr int kHttpPort = 80;

// Header fields in the order they were written; names compare case-insensitively
// (RFC 9110 section 5.1).
class HttpFields
{
public:
    void add(const QByteArray &name, const QByteArray &value) { m_fields.append({name, value}); }
    // The first field with this name, or an empty array.
    QByteArray value(const QByteArray &name) const;
    bool contains(const QByteArray &name) const;
    int count(const QByteArray &name) const;
    const QList<QPair<QByteArray, QByteArray>> &all() const { return m_fields; }

private:
    QList<QPair<QByteArray, QByteArray>> m_fields;
};

// One request as the server read it (RFC 9112 section 3): the body already de-chunked.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;    // origin-form: "/inbox", "/message/3?x=1"
    int minorVersion = 1; // HTTP/1.0 or HTTP/1.1
    HttpFields fields;
    QByteArray body;

    // The target without its query.
    QByteArray path() const;
    // Whether the connection stays open after the answer (RFC 9112 section 9.3).
    bool keepsAlive() const;
    QByteArray toWire() const;
};

// One response as a plain value, written in one place.
struct HttpResponse
{
    int status = 200;
    HttpFields fields;
    QByteArray body;
    bool headOnly = false; // the answer to HEAD: the same fields, no body (RFC 9110 9.3.2)

    static QByteArray reasonPhrase(int status);
    // The status line, the fields, Content-Length, the blank line and the body.
    QByteArray toWire() const;
};

// application/x-www-form-urlencoded (the HTML form encoding of WHATWG URL section 5).
namespace form {
QByteArray encode(const QList<QPair<QString, QString>> &fields);
QList<QPair<QString, QString>> decode(const QByteArray &body);
QString value(const QList<QPair<QString, QString>> &fields, const QString &name);
} // namespace form

} // namespace carteiro::core
