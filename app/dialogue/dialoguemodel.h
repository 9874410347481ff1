#pragma once

#include "core/trace/trace.h"

#include <QAbstractTableModel>

#include <optional>

namespace carteiro::app {

// The trace of a run as a table: time, protocol, who speaks to whom, C:/S:, the line.
// A reader of the engine's trace, nothing more.
class DialogueModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        ProtocolColumn,
        FromColumn,
        ToColumn,
        DirectionColumn,
        TextColumn,
        ColumnCount
    };

    explicit DialogueModel(QObject *parent = nullptr);

    void setTrace(const core::Trace *trace);
    std::optional<core::TraceEvent> event(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    const core::Trace *m_trace = nullptr;
};

} // namespace carteiro::app
