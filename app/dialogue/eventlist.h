#pragma once

#include "core/trace/trace.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>
#include <QWidget>

class QComboBox;
class QLabel;
class QTableView;

namespace carteiro::app {

// Every event of the trace up to the position, one row each; rows are read from the trace
// only when drawn, so 100,000 events cost nothing until scrolled to.
class EventListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        TypeColumn,
        ProtocolColumn,
        FromColumn,
        ToColumn,
        TextColumn,
        ColumnCount
    };

    explicit EventListModel(QObject *parent = nullptr);

    void setTrace(const core::Trace *trace);
    const core::Trace *trace() const { return m_trace; }
    // Rows 0..position: a step appends or removes rows; nothing is read again.
    void setPosition(int position);
    int position() const { return m_rows - 1; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    // The Event column's word for a kind of event, translated.
    static QString typeLabel(core::TraceEvent::Type type);
    // Headers and event kinds are read again in the language now in force.
    void retranslate();

private:
    const core::Trace *m_trace = nullptr;
    int m_rows = 0;
};

// Keeps the rows of one protocol and/or one host (as client or server). Empty means all.
class EventFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit EventFilterModel(QObject *parent = nullptr);

    void setProtocol(const QString &protocol);
    void setHost(const QString &host);
    QString protocol() const { return m_protocol; }
    QString host() const { return m_host; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_protocol;
    QString m_host;
};

// The event list with its filters, like Packet Tracer's event list: a protocol combo, a host
// combo, and the row of the position selected and scrolled to.
class EventList : public QWidget
{
    Q_OBJECT

public:
    explicit EventList(QWidget *parent = nullptr);

    void setTrace(const core::Trace *trace);
    void setProtocolFilter(const QString &protocol); // empty: all
    void setHostFilter(const QString &host);         // empty: all

    // For tests and the main window.
    EventListModel *sourceModel() const { return m_model; }
    EventFilterModel *filterModel() const { return m_filter; }
    QTableView *view() const { return m_view; }
    QComboBox *protocolCombo() const { return m_protocols; }
    QComboBox *hostCombo() const { return m_hosts; }
    int selectedTraceIndex() const; // -1 when none

public slots:
    void setPosition(int position);

signals:
    // The user picked a row: the main window may move the position there.
    void eventActivated(int traceIndex);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillCombos();
    void selectPosition();

    const core::Trace *m_trace = nullptr;
    EventListModel *m_model = nullptr;
    EventFilterModel *m_filter = nullptr;
    QTableView *m_view = nullptr;
    QComboBox *m_protocols = nullptr;
    QComboBox *m_hosts = nullptr;
    QLabel *m_protocolLabel = nullptr;
    QLabel *m_hostLabel = nullptr;
};

} // namespace carteiro::app
