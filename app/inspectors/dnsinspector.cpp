#include "app/inspectors/dnsinspector.h"

#include "app/inspectors/inspectorframe.h"

#include "app/inspectors/readablefont.h"
#include "core/world/world.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace carteiro::app {

namespace {

const QColor kFaultColour(0xb0, 0x00, 0x20);

} // namespace

DnsInspector::DnsInspector(QWidget *parent) : QWidget(parent)
{
    m_tree = buildInspectorFrame(this, &m_summary, headerLabels());
    m_tree->setRootIsDecorated(false);
    showState(nullptr);
}

QStringList DnsInspector::headerLabels()
{
    return {tr("Domain / record"), tr("Preference"), tr("Mail host"), tr("Status")};
}

void DnsInspector::changeEvent(QEvent *event)
{
    // The rows are said again by the window, which holds the run (showState); the empty
    // state and the column titles are said here.
    if (event->type() == QEvent::LanguageChange) {
        m_tree->setHeaderLabels(headerLabels());
        if (!m_hasState)
            m_summary->setText(tr("No scenario is open."));
    }
    QWidget::changeEvent(event);
}

void DnsInspector::showState(const core::World *world)
{
    m_tree->clear();
    m_hasState = world != nullptr;
    if (!world) {
        m_summary->setText(tr("No scenario is open."));
        return;
    }
    m_summary->setText(tr("A sender asks DNS for the MX records of the recipient's domain and "
                          "tries the hosts in order of preference, lowest first."));
    // World offers the fault table only through a non-const accessor; reading it changes
    // nothing.
    const core::FaultTable &faults = const_cast<core::World *>(world)->faults();
    for (const core::DnsZone &zone : world->scenario().dns) {
        auto *domain = new QTreeWidgetItem(m_tree);
        domain->setText(NameColumn, zone.domain);
        QFont bold = domain->font(NameColumn);
        bold.setBold(true);
        domain->setFont(NameColumn, bold);

        const core::FaultSpec *fault = faults.dnsFault(zone.domain);
        if (fault && fault->kind == QLatin1String("no-mx"))
            domain->setText(StatusColumn,
                            tr("fault no-mx: the answer is NXDOMAIN, no such domain"));
        else if (fault)
            domain->setText(StatusColumn, tr("fault dns-fail: SERVFAIL, a temporary failure"));
        else
            domain->setText(StatusColumn, tr("answers"));
        if (fault)
            domain->setForeground(StatusColumn, kFaultColour);

        QList<core::MxRecord> records = zone.mx;
        // RFC 5321 section 5.1: lower preference first; equal ones in the order written.
        std::stable_sort(records.begin(), records.end(),
                         [](const core::MxRecord &a, const core::MxRecord &b) {
                             return a.preference < b.preference;
                         });
        for (const core::MxRecord &mx : records) {
            const bool tie =
                std::count_if(records.cbegin(), records.cend(), [&](const core::MxRecord &other) {
                    return other.preference == mx.preference;
                }) > 1;
            auto *record = new QTreeWidgetItem(domain);
            record->setText(NameColumn, QStringLiteral("MX"));
            record->setText(PreferenceColumn, QString::number(mx.preference));
            record->setTextAlignment(PreferenceColumn, Qt::AlignCenter);
            record->setText(HostColumn, mx.host);
            if (fault && fault->kind == QLatin1String("no-mx"))
                record->setText(StatusColumn, tr("hidden by the fault"));
            else if (tie)
                record->setText(StatusColumn, tr("same preference: tried in random order"));
        }
        if (zone.hasAddress) {
            auto *record = new QTreeWidgetItem(domain);
            record->setText(NameColumn, QStringLiteral("A"));
            record->setText(HostColumn, zone.domain);
            // RFC 5321 section 5.1: without MX records the domain itself is the mail host.
            record->setText(StatusColumn, zone.mx.isEmpty()
                                              ? tr("no MX: the domain itself is the mail host")
                                              : tr("used only if there were no MX records"));
        } else if (zone.mx.isEmpty()) {
            auto *record = new QTreeWidgetItem(domain);
            record->setText(NameColumn, tr("(none)"));
            record->setText(StatusColumn, tr("no MX and no address: mail cannot be delivered"));
        }
        domain->setExpanded(true);
    }
}

QStringList DnsInspector::rows() const
{
    QStringList lines;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells << (*it)->text(column);
        lines << QString((*it)->parent() ? 2 : 0, QLatin1Char(' ')) +
                     cells.join(QStringLiteral(" | "));
    }
    return lines;
}

} // namespace carteiro::app
