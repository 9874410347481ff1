#pragma once

// The host behind an SmtpServerSession in the SMTP tests: hamburger.edu, with Bob (password
// "ketchup"), Carol, a postmaster and user1, user2, ...; policies and a queue failure can be
// injected; accepted messages are kept and numbered C0FFEE1, C0FFEE2, ...

#include "core/smtp/smtpserversession.h"

#include <QList>
#include <QRegularExpression>

namespace carteiro::testing {

using core::SmtpEnvelope;
using core::SmtpReply;
using core::SmtpServerBackend;
using core::SmtpStage;

class FakeSmtpBackend : public SmtpServerBackend
{
public:
    struct Policy
    {
        SmtpStage stage = SmtpStage::Connect;
        QString argument; // empty matches any
        SmtpReply reply;
    };
    struct Accepted
    {
        SmtpEnvelope envelope;
        QByteArray data;
    };

    QList<Policy> policies;
    std::optional<SmtpReply> acceptFailure;
    QList<Accepted> accepted;

    bool isLocalDomain(const QString &domain) const override
    {
        return domain.compare(u"hamburger.edu", Qt::CaseInsensitive) == 0;
    }
    bool hasMailbox(const QString &address) const override
    {
        const QString lower = address.toLower();
        if (!displayAddress(lower).isEmpty() || lower == u"postmaster@hamburger.edu")
            return true;
        static const QRegularExpression numbered(QStringLiteral("^user\\d+@hamburger\\.edu$"));
        return numbered.match(lower).hasMatch();
    }
    QString displayAddress(const QString &address) const override
    {
        const QString lower = address.toLower();
        if (lower == u"bob@hamburger.edu")
            return QStringLiteral("Bob <bob@hamburger.edu>");
        if (lower == u"carol@hamburger.edu")
            return QStringLiteral("Carol <carol@hamburger.edu>");
        return {};
    }
    bool checkPassword(const QString &user, const QString &password) const override
    {
        return user == u"bob@hamburger.edu" && password == u"ketchup";
    }
    std::optional<SmtpReply> policyReply(SmtpStage stage, const QString &argument) override
    {
        for (const Policy &policy : std::as_const(policies)) {
            if (policy.stage == stage &&
                (policy.argument.isEmpty() ||
                 policy.argument.compare(argument, Qt::CaseInsensitive) == 0))
                return policy.reply;
        }
        return std::nullopt;
    }
    std::optional<QString> acceptMessage(const SmtpEnvelope &envelope, const QByteArray &data,
                                         SmtpReply *failure) override
    {
        if (acceptFailure) {
            *failure = *acceptFailure;
            return std::nullopt;
        }
        accepted.append({envelope, data});
        return QStringLiteral("C0FFEE%1").arg(accepted.size());
    }
};

} // namespace carteiro::testing
