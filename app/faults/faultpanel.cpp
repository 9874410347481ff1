#include "app/faults/faultpanel.h"

#include <QComboBox>
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
    m_kind = new QComboBox;
    m_kind->addItem(tr("Host down (connections time out)"), QStringLiteral("down"));
    m_kind->addItem(tr("Host back up"), QStringLiteral("up"));
    m_kind->addItem(tr("Server rejects (reply code at a stage)"), QStringLiteral("reject"));
    m_kind->addItem(tr("Connection refused"), QStringLiteral("refuse"));
    m_kind->addItem(tr("Mailbox full"), QStringLiteral("mailbox-full"));
    m_kind->addItem(tr("DNS failure (SERVFAIL, temporary)"), QStringLiteral("dns-fail"));
    m_kind->addItem(tr("Domain does not exist (NXDOMAIN)"), QStringLiteral("no-mx"));
    m_kind->addItem(tr("Extra latency"), QStringLiteral("slow"));
    m_kind->addItem(tr("Connection cut mid-transfer"), QStringLiteral("drop"));

    m_host = new QComboBox;
    m_stage = new QComboBox;
    m_stage->addItem(tr("connect (greeting)"), QStringLiteral("connect"));
    m_stage->addItem(tr("HELO / EHLO"), QStringLiteral("helo"));
    m_stage->addItem(tr("MAIL FROM"), QStringLiteral("mail"));
    m_stage->addItem(tr("RCPT TO"), QStringLiteral("rcpt"));
    m_stage->addItem(tr("DATA"), QStringLiteral("data"));
    m_stage->setCurrentIndex(3);
    m_code = new QSpinBox;
    m_code->setRange(400, 599);
    m_code->setValue(550);
    m_code->setToolTip(tr("4xx is temporary: the sender retries. 5xx is permanent: the sender "
                          "gets a bounce."));
    m_text = new QLineEdit;
    m_text->setPlaceholderText(tr("optional reply text"));
    m_user = new QComboBox;
    m_domain = new QComboBox;
    m_latency = new QSpinBox;
    m_latency->setRange(1, 600000);
    m_latency->setValue(500);
    m_latency->setSuffix(tr(" ms"));
    m_lasts = new QComboBox;
    m_lasts->addItem(tr("until the end"), qint64(-1));
    m_lasts->addItem(tr("for 10 minutes"), qint64(10 * core::kMinute));
    m_lasts->addItem(tr("for 1 hour"), qint64(core::kHour));
    m_lasts->addItem(tr("for 2 hours"), qint64(2 * core::kHour));
    m_lasts->addItem(tr("for 1 day"), qint64(core::kDay));

    m_form = new QFormLayout;
    m_form->addRow(tr("Fault"), m_kind);
    m_form->addRow(tr("Host"), m_host);
    m_form->addRow(tr("Stage"), m_stage);
    m_form->addRow(tr("Reply code"), m_code);
    m_form->addRow(tr("Reply text"), m_text);
    m_form->addRow(tr("User"), m_user);
    m_form->addRow(tr("Domain"), m_domain);
    m_form->addRow(tr("Extra delay"), m_latency);
    m_form->addRow(tr("Lasts"), m_lasts);

    auto *injectButton = new QPushButton(tr("Inject now"));
    injectButton->setToolTip(tr("The fault starts at the current moment; the run continues "
                                "with it."));
    m_injected = new QListWidget;
    m_save = new QPushButton(tr("Save injected faults into the scenario…"));
    m_save->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(m_form);
    layout->addWidget(injectButton);
    layout->addWidget(new QLabel(tr("Injected in this session:")));
    layout->addWidget(m_injected, 1);
    layout->addWidget(m_save);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &FaultPanel::updateFields);
    connect(injectButton, &QPushButton::clicked, this, &FaultPanel::inject);
    connect(m_save, &QPushButton::clicked, this, &FaultPanel::saveRequested);
    updateFields();
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
