#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace carteiro::core {
class World;
}

namespace carteiro::app {

// The mail queue of every MTA at the playback position (seed 001: "fila de mensagens"): one
// branch per server, one row per queued message with its attempts, next retry and last error,
// and under it the history of its attempts.
class QueueInspector : public QWidget
{
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        SenderColumn,
        RecipientsColumn,
        AttemptsColumn,
        NextRetryColumn,
        LastErrorColumn,
        ColumnCount
    };

    explicit QueueInspector(QWidget *parent = nullptr);

    // Shows the queues of this world; null clears the view.
    void showState(const core::World *world);

    // For tests: how many messages the MTA's queue holds as shown, -1 if it is not shown.
    int entryCount(const QString &mta) const;
    // For tests: the cells of one queued message ({} when there is no such row).
    QStringList entryRow(const QString &mta, int row) const;
    // Every cell shown, row by row, tab separated: two states compare as text.
    QString tableText() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    static QStringList headerLabels();
    static QString outcomeLabel(const QString &outcome);
    QTreeWidget *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    bool m_hasState = false; // showState() had a run
};

} // namespace carteiro::app
