#pragma once

#include "core/scenario/scenario.h"
#include "core/trace/trace.h"

#include <QColor>
#include <QGraphicsScene>
#include <QHash>
#include <QPainterPath>
#include <QString>
#include <QStringList>

#include <utility>
#include <vector>

namespace carteiro::app {

class HostItem;
class EnvelopeItem;
class CalloutItem;
class DnsArrowItem;

// The network drawn as a picture: one item per host, grouped by domain, thin links between the
// hosts that talk, and envelopes travelling on the links. The scene shows the run at one trace
// position (see PlaybackController); stepping back is showing an earlier position. Everything
// that depends on the position is looked up in tables built once by setRun, so setPosition costs
// the same on a 100,000-event trace as on a 50-event one.
class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit TopologyScene(QObject *parent = nullptr);
    ~TopologyScene() override;

    // Both must outlive the scene's use of them (or be replaced by another setRun / nullptr).
    void setRun(const core::Scenario *scenario, const core::Trace *trace);
    int position() const { return m_position; }

    // For tests and the main window.
    QGraphicsItem *hostItem(const QString &name) const;
    QStringList hostNames() const; // in scenario order
    int envelopeCount() const;     // envelopes shown at this position
    // The envelopes shown, as "sender>receiver" with the protocol, e.g. "a>b SMTP".
    QStringList envelopeSummary() const;
    QColor envelopeColor(int i) const; // i < envelopeCount()
    bool isHostDown(const QString &name) const;
    // Every badge on the host, one per line: "queue: 1", "✉ bob: 1".
    QString badgeText(const QString &name) const;
    int queueLength(const QString &mta) const;      // -1 before any queue event
    int mailboxCount(const QString &address) const; // 0 before any mailbox event
    QString calloutText() const;                    // the current line's label, or empty
    static QColor protocolColor(const QString &protocol);

    static constexpr int kMaxEnvelopes = 200;

public slots:
    void setPosition(int position);

private:
    // A change of one number at a trace index: queue lengths, mailbox counts, host up/down.
    using Steps = std::vector<std::pair<int, int>>;
    static int valueAt(const Steps &steps, int position, int before);

    struct LineRecord
    {
        int index = 0;
        core::SimTime time = 0;
        core::SimTime arrival = 0;
        int from = -1; // host indexes
        int to = -1;
        int link = -1; // index in m_links
        quint8 protocol = 0;
    };
    struct Link
    {
        int a = -1, b = -1;  // host indexes
        bool dashed = false; // a DNS query, not a connection
        QPainterPath path;   // from a to b, bent around the hosts it would cross
        qreal length = 0;
    };
    struct Mailbox
    {
        QString address;
        QString label; // "bob"
        int mta = -1;
        Steps counts;
    };

    void clearRun();
    void scanTrace();
    void buildHosts();
    void layoutHosts();
    void buildLinks();
    void updateEnvelopes();
    int hostIndex(const QString &name) const;
    QString domainOf(const core::HostSpec &host) const;
    int addLink(int a, int b, bool dashed);
    QPainterPath routeAround(int a, int b) const;
    QPointF pointOnLink(const LineRecord &line, qreal fraction) const;

    const core::Scenario *m_scenario = nullptr;
    const core::Trace *m_trace = nullptr;
    int m_position = -1;

    std::vector<HostItem *> m_hosts; // scenario order
    QHash<QString, int> m_hostIndex; // lower-case name -> index in m_hosts
    std::vector<Steps> m_queue;      // per host
    std::vector<Steps> m_down;       // per host: 1 down, 0 up
    std::vector<Mailbox> m_mailboxes;
    QHash<QString, int> m_mailboxIndex; // lower-case address -> index in m_mailboxes
    std::vector<LineRecord> m_lines;    // every Line event between known hosts, in trace order
    core::SimTime m_maxFlight = 0;      // the longest arrival - time of any line
    QStringList m_protocols;            // interned protocol names of m_lines
    std::vector<Link> m_links;
    QHash<quint64, int> m_linkIndex; // (lower host index, higher) -> index in m_links

    std::vector<EnvelopeItem *> m_envelopes; // a pool; the first m_shown are visible
    int m_shown = 0;
    CalloutItem *m_callout = nullptr;
    DnsArrowItem *m_dnsArrow = nullptr;
};

} // namespace carteiro::app
