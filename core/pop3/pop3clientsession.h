#pragma once

#include "core/net/linesession.h"

#include <QByteArrayList>

#include <functional>
#include <memory>

namespace carteiro::core {

// A user agent's POP3 client: USER, PASS, STAT, LIST, then RETR every message (and DELE each
// one in download-and-delete mode), QUIT. In the textbook's order (seed 000).
class Pop3ClientSession : public ClientSession
{
public:
    enum class Mode { Delete, Keep };
    struct Result
    {
        bool ok = false;
        QString error;           // the -ERR line or network error when !ok
        QByteArrayList messages; // each retrieved message, byte-unstuffed, CRLF line ends
        int deleted = 0;
    };
    using Finished = std::function<void(const Result &)>;

    Pop3ClientSession(QString user, QString password, Mode mode, Finished finished);
    ~Pop3ClientSession() override;

    QByteArray receive(const QByteArray &bytes) override;
    bool closing() const override;
    void connectFailed(const QString &reason) override;
    void connectionLost() override;

    const Result &result() const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace carteiro::core
