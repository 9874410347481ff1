#include "app/dialogue/dialoguemodel.h"

#include <QBrush>
#include <QColor>
#include <QFontDatabase>

namespace carteiro::app {

using core::TraceEvent;

DialogueModel::DialogueModel(QObject *parent) : QAbstractTableModel(parent) {}

void DialogueModel::setTrace(const core::Trace *trace)
{
    beginResetModel();
    m_trace = trace;
    endResetModel();
}

std::optional<TraceEvent> DialogueModel::event(int row) const
{
    if (!m_trace || row < 0 || row >= int(m_trace->size()))
        return std::nullopt;
    return m_trace->at(std::size_t(row));
}

int DialogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() || !m_trace ? 0 : int(m_trace->size());
}

int DialogueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant DialogueModel::data(const QModelIndex &index, int role) const
{
    const std::optional<TraceEvent> e = event(index.row());
    if (!e)
        return {};
    const bool isLine = e->type == TraceEvent::Type::Line;
    const bool fromClient = e->direction == TraceEvent::Direction::ClientToServer;
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TimeColumn:
            return core::formatSimTime(e->time);
        case ProtocolColumn:
            return isLine ? e->protocol : TraceEvent::typeName(e->type);
        case FromColumn:
            return isLine && !fromClient ? e->server : e->client;
        case ToColumn:
            return isLine && !fromClient ? e->client : e->server;
        case DirectionColumn:
            return isLine ? (fromClient ? QStringLiteral("C:") : QStringLiteral("S:")) : QString();
        case TextColumn:
            return e->text;
        }
    }
    if (role == Qt::FontRole && index.column() == TextColumn)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::ForegroundRole) {
        if (!isLine)
            return QBrush(QColor(0x6a, 0x6a, 0x6a));
        return QBrush(fromClient ? QColor(0x1f, 0x4e, 0x9a) : QColor(0x1e, 0x7a, 0x35));
    }
    return {};
}

QVariant DialogueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case ProtocolColumn:
        return tr("Protocol");
    case FromColumn:
        return tr("From");
    case ToColumn:
        return tr("To");
    case DirectionColumn:
        return QString();
    case TextColumn:
        return tr("Line");
    }
    return {};
}

} // namespace carteiro::app
