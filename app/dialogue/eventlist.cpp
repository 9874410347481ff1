#include "app/dialogue/eventlist.h"

#include "app/i18n/uilanguage.h"
#include "core/scenario/scenario.h"

#include <QBrush>
#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSet>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace carteiro::app {

using core::TraceEvent;

EventListModel::EventListModel(QObject *parent) : QAbstractTableModel(parent) {}

void EventListModel::setTrace(const core::Trace *trace)
{
    beginResetModel();
    m_trace = trace;
    m_rows = 0;
    endResetModel();
}

void EventListModel::setPosition(int position)
{
    const int rows = m_trace ? std::clamp(position + 1, 0, int(m_trace->size())) : 0;
    if (rows > m_rows) {
        beginInsertRows({}, m_rows, rows - 1);
        m_rows = rows;
        endInsertRows();
    } else if (rows < m_rows) {
        beginRemoveRows({}, rows, m_rows - 1);
        m_rows = rows;
        endRemoveRows();
    }
}

int EventListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

int EventListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventListModel::data(const QModelIndex &index, int role) const
{
    if (!m_trace || !index.isValid() || index.row() >= m_rows)
        return {};
    const auto row = std::size_t(index.row());
    if (role == Qt::DisplayRole) {
        if (index.column() == TimeColumn)
            return core::formatSimTime(m_trace->timeAt(row));
        const TraceEvent e = m_trace->at(row);
        const bool isLine = e.type == TraceEvent::Type::Line;
        const bool fromServer = isLine && e.direction == TraceEvent::Direction::ServerToClient;
        switch (index.column()) {
        case TypeColumn:
            // Line events show who speaks, as in the dialogue; others their kind.
            return isLine ? (fromServer ? QStringLiteral("S:") : QStringLiteral("C:"))
                          : typeLabel(e.type);
        case ProtocolColumn:
            return e.protocol;
        case FromColumn:
            return fromServer ? e.server : e.client;
        case ToColumn:
            return fromServer ? e.client : e.server;
        case TextColumn:
            // A note carries its Portuguese beside the English; other texts are the trace's.
            if (e.type == TraceEvent::Type::Note)
                return core::LocalizedText{e.text, e.extra.value(0)}.text(UiLanguage::current());
            return e.text;
        }
        return {};
    }
    if (role == Qt::FontRole && index.column() == TextColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ForegroundRole) {
        const TraceEvent::Type type = m_trace->typeAt(row);
        if (type != TraceEvent::Type::Line)
            return QBrush(QColor(0x5f, 0x5f, 0x5f));
        const bool fromServer = m_trace->at(row).direction == TraceEvent::Direction::ServerToClient;
        return QBrush(fromServer ? QColor(0x1b, 0x5e, 0x20) : QColor(0x0d, 0x47, 0xa1));
    }
    return {};
}

QString EventListModel::typeLabel(TraceEvent::Type type)
{
    // The kind of event in the reader's language; the trace (and --jsonl) keeps typeName().
    switch (type) {
    case TraceEvent::Type::Line:
        return tr("line");
    case TraceEvent::Type::Connect:
        return tr("connect", "event kind: a TCP connection opened or failed");
    case TraceEvent::Type::Close:
        return tr("close", "event kind: a TCP connection closed");
    case TraceEvent::Type::Dns:
        return tr("dns", "event kind: a DNS query and its answer");
    case TraceEvent::Type::Queue:
        return tr("queue", "event kind: a message entered a mail queue");
    case TraceEvent::Type::Retry:
        return tr("retry", "event kind: a delivery attempt deferred");
    case TraceEvent::Type::Deliver:
        return tr("deliver", "event kind: a message delivered, relayed or downloaded");
    case TraceEvent::Type::Bounce:
        return tr("bounce", "event kind: a message returned to its sender");
    case TraceEvent::Type::Fault:
        return tr("fault", "event kind: a fault starts or ends");
    case TraceEvent::Type::Note:
        return tr("note", "event kind: the scenario's caption");
    case TraceEvent::Type::Ask:
        return tr("ask", "event kind: the scenario asks a question");
    case TraceEvent::Type::Mailbox:
        return tr("mailbox", "event kind: a mailbox changed");
    }
    return TraceEvent::typeName(type);
}

void EventListModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rows > 0)
        emit dataChanged(index(0, TypeColumn), index(m_rows - 1, TextColumn), {Qt::DisplayRole});
}

QVariant EventListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case TypeColumn:
        return tr("Event");
    case ProtocolColumn:
        return tr("Protocol");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case TextColumn:
        return tr("Text");
    }
    return {};
}

EventFilterModel::EventFilterModel(QObject *parent) : QSortFilterProxyModel(parent) {}

void EventFilterModel::setProtocol(const QString &protocol)
{
    if (protocol == m_protocol)
        return;
    m_protocol = protocol;
    invalidateFilter();
}

void EventFilterModel::setHost(const QString &host)
{
    if (host == m_host)
        return;
    m_host = host;
    invalidateFilter();
}

bool EventFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    Q_UNUSED(sourceParent);
    if (m_protocol.isEmpty() && m_host.isEmpty())
        return true; // the common case reads nothing
    const auto *events = qobject_cast<const EventListModel *>(sourceModel());
    if (!events || !events->trace())
        return true;
    const TraceEvent e = events->trace()->at(std::size_t(sourceRow));
    if (!m_protocol.isEmpty() && e.protocol != m_protocol)
        return false;
    if (!m_host.isEmpty() && e.client != m_host && e.server != m_host)
        return false;
    return true;
}

EventList::EventList(QWidget *parent) : QWidget(parent)
{
    QFont readable = font(); // readable on a projector
    readable.setPointSizeF(std::max(10.0, readable.pointSizeF()));
    setFont(readable);
    m_model = new EventListModel(this);
    m_filter = new EventFilterModel(this);
    m_filter->setSourceModel(m_model);

    m_view = new QTableView;
    m_view->setModel(m_filter);
    m_view->verticalHeader()->hide();
    // Fixed row heights and column widths: nothing measures 100,000 rows.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    const int digit = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_view->setColumnWidth(EventListModel::TimeColumn, digit * 14);
    m_view->setColumnWidth(EventListModel::ProtocolColumn, digit * 8);
    m_view->setColumnWidth(EventListModel::FromColumn, digit * 20);
    m_view->setColumnWidth(EventListModel::ToColumn, digit * 20);

    m_protocols = new QComboBox;
    m_hosts = new QComboBox;
    m_protocols->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_hosts->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto *filters = new QHBoxLayout;
    m_protocolLabel = new QLabel;
    m_hostLabel = new QLabel;
    filters->addWidget(m_protocolLabel);
    filters->addWidget(m_protocols);
    filters->addSpacing(12);
    filters->addWidget(m_hostLabel);
    filters->addWidget(m_hosts);
    filters->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(filters);
    layout->addWidget(m_view, 1);

    connect(m_protocols, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setProtocol(m_protocols->itemData(index).toString());
        selectPosition();
    });
    connect(m_hosts, &QComboBox::currentIndexChanged, this, [this](int index) {
        m_filter->setHost(m_hosts->itemData(index).toString());
        selectPosition();
    });
    connect(m_view, &QTableView::activated, this, [this](const QModelIndex &index) {
        emit eventActivated(m_filter->mapToSource(index).row());
    });
    fillCombos();
    retranslate();
}

void EventList::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void EventList::retranslate()
{
    m_protocolLabel->setText(tr("Protocol:"));
    m_hostLabel->setText(tr("Host:"));
    m_protocols->setItemText(0, tr("All protocols"));
    m_hosts->setItemText(0, tr("All hosts"));
    m_model->retranslate();
    // The Event column fits its longest word in this language ("devolução", "caixa postal").
    int widest = m_view->fontMetrics().horizontalAdvance(QLatin1Char('0')) * 9;
    for (int type = 0; type <= int(TraceEvent::Type::Mailbox); ++type)
        widest = std::max(widest, m_view->fontMetrics().horizontalAdvance(
                                      EventListModel::typeLabel(TraceEvent::Type(type))) +
                                      12);
    m_view->setColumnWidth(EventListModel::TypeColumn, widest);
}

void EventList::setTrace(const core::Trace *trace)
{
    m_trace = trace;
    m_model->setTrace(trace);
    fillCombos();
}

void EventList::fillCombos()
{
    // One pass over the run for the names in the combos; views read rows lazily after that.
    QStringList protocols, hosts;
    if (m_trace) {
        QSet<QString> seenProtocols, seenHosts;
        for (std::size_t i = 0; i < m_trace->size(); ++i) {
            const TraceEvent e = m_trace->at(i);
            if (!e.protocol.isEmpty() && !seenProtocols.contains(e.protocol)) {
                seenProtocols.insert(e.protocol);
                protocols << e.protocol;
            }
            for (const QString &host : {e.client, e.server}) {
                if (!host.isEmpty() && !seenHosts.contains(host)) {
                    seenHosts.insert(host);
                    hosts << host;
                }
            }
        }
    }
    protocols.sort();
    hosts.sort();
    const QSignalBlocker blockProtocols(m_protocols);
    const QSignalBlocker blockHosts(m_hosts);
    m_protocols->clear();
    m_protocols->addItem(tr("All protocols"), QString());
    for (const QString &protocol : protocols)
        m_protocols->addItem(protocol, protocol);
    m_hosts->clear();
    m_hosts->addItem(tr("All hosts"), QString());
    for (const QString &host : hosts)
        m_hosts->addItem(host, host);
    m_filter->setProtocol(QString());
    m_filter->setHost(QString());
}

void EventList::setProtocolFilter(const QString &protocol)
{
    const int index = protocol.isEmpty() ? 0 : m_protocols->findData(protocol);
    if (index >= 0)
        m_protocols->setCurrentIndex(index);
}

void EventList::setHostFilter(const QString &host)
{
    const int index = host.isEmpty() ? 0 : m_hosts->findData(host);
    if (index >= 0)
        m_hosts->setCurrentIndex(index);
}

void EventList::setPosition(int position)
{
    m_model->setPosition(position);
    selectPosition();
}

void EventList::selectPosition()
{
    // The last shown row at or before the position (rows keep trace order: no sorting).
    const int position = m_model->position();
    int low = 0, high = m_filter->rowCount() - 1, found = -1;
    while (low <= high) {
        const int mid = (low + high) / 2;
        if (m_filter->mapToSource(m_filter->index(mid, 0)).row() <= position) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    if (found < 0) {
        m_view->clearSelection();
        return;
    }
    const QModelIndex index = m_filter->index(found, 0);
    m_view->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect |
                                                         QItemSelectionModel::Rows);
    m_view->scrollTo(index, QAbstractItemView::EnsureVisible);
}

int EventList::selectedTraceIndex() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : m_filter->mapToSource(rows.first()).row();
}

} // namespace carteiro::app
