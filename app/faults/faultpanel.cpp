#include "app/faults/faultpanel.h"

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace carteiro::app {

FaultPanel::FaultPanel(QWidget *parent) : QWidget(parent)
{
    // Texts are set by retranslate(); the item data is what the code reads.
    m_kind = new QComboBox;
    for (const char *kind :
         {"down", "up", "reject", "refuse", "mailbox-full", "dns-fail", "no-mx", "slow", "drop"})
        m_kind->addItem(QString(), QString::fromLatin1(kind));

    m_host = new QComboBox;
    m_stage = new QComboBox;
    for (const char *stage : {"connect", "helo", "mail", "rcpt", "data"})
        m_stage->addItem(QString(), QString::fromLatin1(stage));
    m_stage->setCurrentIndex(3);
    m_code = new QSpinBox;
    m_code->setRange(400, 599);
    m_code->setValue(550);
    m_text = new QLineEdit;
    m_user = new QComboBox;
    m_domain = new QComboBox;
    m_latency = new QSpinBox;
    m_latency->setRange(1, 600000);
    m_latency->setValue(500);
    m_lasts = new QComboBox;
    for (qint64 lasts : {qint64(-1), qint64(10 * core::kMinute), qint64(core::kHour),
                         qint64(2 * core::kHour), qint64(core::kDay)})
        m_lasts->addItem(QString(), lasts);

    m_form = new QFormLayout;
    for (QWidget *field : std::initializer_list<QWidget *>{m_kind, m_host, m_stage, m_code, m_text,
                                                           m_user, m_domain, m_latency, m_lasts})
        m_form->addRow(new QLabel, field); // a label to retranslate, even while empty

    m_injectButton = new QPushButton;
    m_injected = new QListWidget;
    m_save = new QPushButton;
    m_save->setEnabled(false);
    m_injectedLabel = new QLabel;

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(m_injectButton);
    layout->addWidget(m_injectedLabel);
    layout->addWidget(m_injected, 1);
    layout->addWidget(m_save);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &FaultPanel::updateFields);
    connect(m_injectButton, &QPushButton::clicked, this, &FaultPanel::inject);
    connect(m_save, &QPushButton::clicked, this, &FaultPanel::saveRequested);
    retranslate();
    updateFields();
}

void FaultPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void FaultPanel::retranslate()
{
    const QStringList kinds = {tr("Host down (connections time out)"),
                               tr("Host back up"),
                               tr("Server rejects (reply code at a stage)"),
                               tr("Connection refused"),
                               tr("Mailbox full"),
                               tr("DNS failure (SERVFAIL, temporary)"),
                               tr("Domain does not exist (NXDOMAIN)"),
                               tr("Extra latency"),
                               tr("Connection cut mid-transfer")};
    for (int i = 0; i < kinds.size(); ++i)
        m_kind->setItemText(i, kinds[i]);
    const QStringList stages = {tr("connect (greeting)"), tr("HELO / EHLO"), tr("MAIL FROM"),
                                tr("RCPT TO"), tr("DATA")};
    for (int i = 0; i < stages.size(); ++i)
        m_stage->setItemText(i, stages[i]);
    m_code->setToolTip(tr("4xx is temporary: the sender retries. 5xx is permanent: the sender "
                          "gets a bounce."));
    m_text->setPlaceholderText(tr("optional reply text"));
    m_latency->setSuffix(tr(" ms"));
    const QStringList lasts = {tr("until the end"), tr("for 10 minutes"), tr("for 1 hour"),
                               tr("for 2 hours"), tr("for 1 day")};
    for (int i = 0; i < lasts.size(); ++i)
        m_lasts->setItemText(i, lasts[i]);

    const QList<QPair<QWidget *, QString>> rows = {
        {m_kind, tr("Fault")},      {m_host, tr("Host")},           {m_stage, tr("Stage")},
        {m_code, tr("Reply code")}, {m_text, tr("Reply text")},     {m_user, tr("User")},
        {m_domain, tr("Domain")},   {m_latency, tr("Extra delay")}, {m_lasts, tr("Lasts")}};
    for (const auto &[field, label] : rows)
        if (auto *text = qobject_cast<QLabel *>(m_form->labelForField(field)))
            text->setText(label);

    m_injectButton->setText(tr("Inject now"));
    m_injectButton->setToolTip(tr("The fault starts at the current moment; the run continues "
                                  "with it."));
    m_save->setText(tr("Save injected faults into the scenario…"));
    m_injectedLabel->setText(tr("Injected in this session:"));
}

QString FaultPanel::describe(const core::FaultSpec &f)
{
    if (f.kind == QLatin1String("down"))
        return tr("%1 is down: connections to it time out").arg(f.host);
    if (f.kind == QLatin1String("refuse"))
        return f.port ? tr("%1 refuses connections on port %2").arg(f.host).arg(f.port)
                      : tr("%1 refuses connections").arg(f.host);
    if (f.kind == QLatin1String("reject")) {
        if (f.recipient.isEmpty() && f.sender.isEmpty() && f.stage == QLatin1String("connect"))
            return tr("%1 answers the connection with %2").arg(f.host).arg(f.code);
        // The stage is the command answered: protocol words, not translated.
        const QString what = !f.recipient.isEmpty() ? QStringLiteral("RCPT %1").arg(f.recipient)
                             : !f.sender.isEmpty()  ? QStringLiteral("MAIL FROM %1").arg(f.sender)
                             : f.stage.isEmpty()    ? QStringLiteral("RCPT")
                                                    : f.stage.toUpper();
        return tr("%1 answers %2 with %3").arg(f.host, what).arg(f.code);
    }
    if (f.kind == QLatin1String("no-mx"))
        return tr("DNS: %1 does not exist (NXDOMAIN)").arg(f.domain);
    if (f.kind == QLatin1String("dns-fail"))
        return tr("DNS: lookups of %1 fail (SERVFAIL)").arg(f.domain);
    if (f.kind == QLatin1String("mailbox-full"))
        return tr("mailbox of %1 is full").arg(f.user);
    if (f.kind == QLatin1String("slow")) {
        const QString where =
            f.host.isEmpty() ? f.between.join(QStringLiteral(" \u2194 ")) : f.host;
        return tr("%1 is slow: +%2 ms").arg(where).arg(f.latency);
    }
    if (f.kind == QLatin1String("drop"))
        return tr("%1 cuts connections at %2")
            .arg(f.host, f.stage.isEmpty() ? QStringLiteral("DATA") : f.stage.toUpper());
    return f.kind;
}

void FaultPanel::setScenario(const core::Scenario &scenario)
{
    m_host->clear();
    for (const core::HostSpec &host : scenario.hosts)
        m_host->addItem(host.name);
    m_user->clear();
    for (const core::UserSpec &user : scenario.users)
        m_user->addItem(user.address);
    m_domain->clear();
    for (const core::DnsZone &zone : scenario.dns)
        m_domain->addItem(zone.domain);
    setInjected({});
}

void FaultPanel::setInjected(const QStringList &descriptions)
{
    m_injected->clear();
    m_injected->addItems(descriptions);
    m_save->setEnabled(!descriptions.isEmpty());
}

void FaultPanel::updateFields()
{
    const QString kind = m_kind->currentData().toString();
    auto show = [this](QWidget *field, bool visible) { m_form->setRowVisible(field, visible); };
    const bool hostKind = kind != QLatin1String("mailbox-full") &&
                          kind != QLatin1String("dns-fail") && kind != QLatin1String("no-mx");
    show(m_host, hostKind);
    show(m_stage, kind == QLatin1String("reject") || kind == QLatin1String("drop"));
    show(m_code, kind == QLatin1String("reject"));
    show(m_text, kind == QLatin1String("reject"));
    show(m_user, kind == QLatin1String("mailbox-full"));
    show(m_domain, kind == QLatin1String("dns-fail") || kind == QLatin1String("no-mx"));
    show(m_latency, kind == QLatin1String("slow"));
    show(m_lasts, kind != QLatin1String("up"));
}

void FaultPanel::choose(const QString &kind)
{
    const int index = m_kind->findData(kind);
    if (index >= 0)
        m_kind->setCurrentIndex(index);
}

void FaultPanel::setHost(const QString &host)
{
    m_host->setCurrentText(host);
}

void FaultPanel::setStage(const QString &stage)
{
    const int index = m_stage->findData(stage);
    if (index >= 0)
        m_stage->setCurrentIndex(index);
}

void FaultPanel::setCode(int code)
{
    m_code->setValue(code);
}

void FaultPanel::setUser(const QString &user)
{
    m_user->setCurrentText(user);
}

void FaultPanel::setDomain(const QString &domain)
{
    m_domain->setCurrentText(domain);
}

core::FaultSpec FaultPanel::currentFault() const
{
    core::FaultSpec fault;
    fault.kind = m_kind->currentData().toString();
    if (fault.kind == QLatin1String("mailbox-full")) {
        fault.user = m_user->currentText();
    } else if (fault.kind == QLatin1String("dns-fail") || fault.kind == QLatin1String("no-mx")) {
        fault.domain = m_domain->currentText();
    } else {
        fault.host = m_host->currentText();
    }
    if (fault.kind == QLatin1String("reject")) {
        fault.code = m_code->value();
        fault.text = m_text->text().trimmed();
        fault.stage = m_stage->currentData().toString();
    }
    if (fault.kind == QLatin1String("drop"))
        fault.stage = m_stage->currentData().toString();
    if (fault.kind == QLatin1String("slow"))
        fault.latency = m_latency->value();
    const qint64 lasts = m_lasts->currentData().toLongLong();
    if (lasts > 0)
        fault.duration = lasts;
    return fault;
}

void FaultPanel::inject()
{
    const core::FaultSpec fault = currentFault();
    if (fault.kind == QLatin1String("up"))
        emit backUpRequested(fault.host);
    else
        emit injectRequested(fault);
}

} // namespace carteiro::app
