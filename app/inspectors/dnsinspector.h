#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QTreeWidget;

namespace carteiro::core {
class World;
}

namespace carteiro::app {

// The scenario's DNS as the MTAs see it at the playback position (seed 002, "Routing de
// E-mail"): each domain with its MX records in the order a sender tries them (lowest
// preference first), the implicit MX of `a: true`, and the DNS faults in force.
class DnsInspector : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, PreferenceColumn, HostColumn, StatusColumn, ColumnCount };

    explicit DnsInspector(QWidget *parent = nullptr);

    // Shows the zones of this world's scenario and its faults now; null clears the view.
    void showState(const core::World *world);

    // For tests: one line per row shown, cells joined by " | ", children indented.
    QStringList rows() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    static QStringList headerLabels();
    QTreeWidget *m_tree = nullptr;
    QLabel *m_summary = nullptr;
    bool m_hasState = false; // showState() had a run
};

} // namespace carteiro::app
