#include "app/inspectors/queueinspector.h"

#include "app/inspectors/inspectorframe.h"

#include "app/inspectors/readablefont.h"
#include "core/world/world.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace carteiro::app {

namespace {

constexpr int kMtaRole = Qt::UserRole + 1;

QString recipientsText(const QStringList &recipients)
{
    QStringList bracketed;
    for (const QString &rcpt : recipients)
        bracketed << QStringLiteral("<%1>").arg(rcpt);
    return bracketed.join(QStringLiteral(", "));
}

void collectText(const QTreeWidgetItem *item, int depth, QStringList &lines)
{
    QStringList cells;
    for (int column = 0; column < item->columnCount(); ++column)
        cells << item->text(column);
    lines << QString(depth * 2, QLatin1Char(' ')) + cells.join(QLatin1Char('\t'));
    for (int i = 0; i < item->childCount(); ++i)
        collectText(item->child(i), depth + 1, lines);
}

} // namespace

QueueInspector::QueueInspector(QWidget *parent) : QWidget(parent)
{
    m_tree = buildInspectorFrame(this, &m_summary, headerLabels());
    showState(nullptr);
}

QString QueueInspector::outcomeLabel(const QString &outcome)
{
    // The queue's own words (DeliveryAttempt::outcome), in the reader's language.
    if (outcome == QLatin1String("delivered"))
        return tr("delivered");
    if (outcome == QLatin1String("deferred"))
        return tr("deferred");
    if (outcome == QLatin1String("bounced"))
        return tr("bounced");
    return outcome;
}

QStringList QueueInspector::headerLabels()
{
    return {tr("MTA / queue id"), tr("Sender"),     tr("Recipients"),
            tr("Attempts"),       tr("Next retry"), tr("Last error")};
}

void QueueInspector::changeEvent(QEvent *event)
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

void QueueInspector::showState(const core::World *world)
{
    // Keep what the teacher opened: servers and messages stay expanded across positions.
    QSet<QString> collapsed;
    QSet<QString> expanded;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *server = m_tree->topLevelItem(i);
        if (!server->isExpanded())
            collapsed << server->data(0, kMtaRole).toString();
        for (int j = 0; j < server->childCount(); ++j)
            if (server->child(j)->isExpanded())
                expanded << server->child(j)->text(IdColumn);
    }
    m_tree->clear();
    m_hasState = world != nullptr;
    if (!world) {
        m_summary->setText(tr("No scenario is open."));
        return;
    }

    const core::Trace &trace = world->trace();
    const core::SimTime now = trace.isEmpty() ? 0 : trace.timeAt(trace.size() - 1);
    int total = 0;
    for (const core::Mta *mta : world->mtas()) {
        const auto &entries = mta->queue().entries();
        auto *server = new QTreeWidgetItem(m_tree);
        server->setData(0, kMtaRole, mta->name());
        server->setText(IdColumn,
                        entries.size() == 1
                            ? tr("%1 (1 message queued)").arg(mta->name())
                            : tr("%1 (%2 messages queued)").arg(mta->name()).arg(entries.size()));
        QFont bold = server->font(0);
        bold.setBold(true);
        server->setFont(IdColumn, bold);
        server->setFirstColumnSpanned(true);
        for (const core::QueueEntry &entry : entries) {
            auto *row = new QTreeWidgetItem(server);
            row->setText(IdColumn, entry.id);
            row->setText(SenderColumn, entry.sender.isEmpty()
                                           ? tr("<> (a bounce)")
                                           : QStringLiteral("<%1>").arg(entry.sender));
            row->setText(RecipientsColumn, recipientsText(entry.recipients));
            row->setText(AttemptsColumn, QString::number(entry.attempts));
            row->setTextAlignment(AttemptsColumn, Qt::AlignCenter);
            QString next;
            if (entry.inFlight)
                next = tr("trying now");
            else if (entry.nextAttempt >= now)
                next = tr("%1 (in %2)")
                           .arg(core::formatSimTime(entry.nextAttempt),
                                core::formatSimTime(entry.nextAttempt - now));
            else
                next = core::formatSimTime(entry.nextAttempt);
            row->setText(NextRetryColumn, next);
            row->setText(LastErrorColumn, entry.lastError);
            row->setToolTip(LastErrorColumn, entry.lastError);
            // The attempts so far, oldest first, as the seeds tell them.
            int number = 0;
            for (const core::DeliveryAttempt &attempt : entry.history) {
                auto *past = new QTreeWidgetItem(row);
                past->setText(IdColumn, tr("attempt %1").arg(++number));
                past->setText(NextRetryColumn, core::formatSimTime(attempt.time));
                past->setText(AttemptsColumn, outcomeLabel(attempt.outcome));
                past->setText(LastErrorColumn, attempt.detail);
            }
            row->setExpanded(expanded.contains(entry.id));
        }
        server->setExpanded(!collapsed.contains(mta->name()));
        total += int(entries.size());
    }
    const QString when = core::formatSimTime(now);
    if (total == 0)
        m_summary->setText(tr("Every queue is empty at %1.").arg(when));
    else if (total == 1)
        m_summary->setText(tr("1 message waiting in the queues at %1.").arg(when));
    else
        m_summary->setText(tr("%1 messages waiting in the queues at %2.").arg(total).arg(when));
}

int QueueInspector::entryCount(const QString &mta) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *server = m_tree->topLevelItem(i);
        if (server->data(0, kMtaRole).toString().compare(mta, Qt::CaseInsensitive) == 0)
            return server->childCount();
    }
    return -1;
}

QStringList QueueInspector::entryRow(const QString &mta, int row) const
{
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *server = m_tree->topLevelItem(i);
        if (server->data(0, kMtaRole).toString().compare(mta, Qt::CaseInsensitive) != 0)
            continue;
        if (row < 0 || row >= server->childCount())
            return {};
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column)
            cells << server->child(row)->text(column);
        return cells;
    }
    return {};
}

QString QueueInspector::tableText() const
{
    QStringList lines{m_summary->text()};
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        collectText(m_tree->topLevelItem(i), 0, lines);
    return lines.join(QLatin1Char('\n'));
}

} // namespace carteiro::app
