#include "app/charts/statisticsview.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGridLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTimer>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace carteiro::app {

namespace {

// Queues drawn at most; a storm's other MTAs would be an unreadable tangle.
constexpr int kMaxQueues = 8;

double minutes(core::SimTime time)
{
    return double(time) / core::kMinute;
}

QChart *newChart()
{
    auto *chart = new QChart;
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(4, 4, 4, 4));
    return chart;
}

// Takes the chart's series and axes away, to be drawn anew.
void clearChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QValueAxis *valueAxis(const QString &title, double max, bool integers)
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    if (integers) {
        // Whole steps (1, 2, 5, 10, 20, 50...), about five of them: counts have no halves.
        double step = 1;
        while (max / step > 5)
            step *= (QString::number(step).startsWith(u'2') ? 2.5 : 2);
        axis->setTickType(QValueAxis::TicksDynamic);
        axis->setTickAnchor(0);
        axis->setTickInterval(step);
        axis->setRange(0, std::max(step, std::ceil(max / step) * step));
        axis->setLabelFormat(QStringLiteral("%d"));
    } else {
        axis->setRange(0, std::max(max, 0.001) * 1.05);
        axis->applyNiceNumbers();
        axis->setLabelFormat(QStringLiteral("%.0f"));
    }
    return axis;
}

} // namespace

StatisticsView::StatisticsView(QWidget *parent) : QWidget(parent)
{
    m_queueChart = newChart();
    m_outcomeChart = newChart();
    m_latencyChart = newChart();
    m_protocolChart = newChart();
    retranslate();
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    int cell = 0;
    for (QChart *chart : {m_queueChart, m_outcomeChart, m_latencyChart, m_protocolChart}) {
        auto *view = new QChartView(chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(220, 160);
        grid->addWidget(view, cell / 2, cell % 2);
        m_views.append(view);
        ++cell;
    }
    m_refresh = new QTimer(this);
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(60);
    connect(m_refresh, &QTimer::timeout, this, &StatisticsView::redraw);
}

StatisticsView::~StatisticsView() = default;

void StatisticsView::setTrace(const core::Trace *trace)
{
    m_trace = trace;
    m_series.reset();
    m_position = -1;
    // Reading a storm's trace takes a second: only for charts in view (showEvent draws them
    // when the tab is opened).
    if (isVisible())
        redraw();
}

void StatisticsView::traceChanged()
{
    m_series.reset();
    if (isVisible())
        m_refresh->start();
}

void StatisticsView::setPosition(int position)
{
    m_position = position;
    if (isVisible())
        m_refresh->start();
}

void StatisticsView::changeEvent(QEvent *event)
{
    // Axis titles, categories and series names are made by redraw(): draw again now, or
    // when shown (showEvent).
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        if (isVisible())
            redraw();
    }
    QWidget::changeEvent(event);
}

void StatisticsView::retranslate()
{
    m_queueChart->setTitle(tr("Queue length per mail server"));
    m_outcomeChart->setTitle(tr("Delivery attempts and outcomes"));
    m_latencyChart->setTitle(tr("Time each message waited in a queue"));
    m_protocolChart->setTitle(tr("Lines per protocol"));
}

void StatisticsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    redraw();
}

void StatisticsView::redraw()
{
    for (QChart *chart : {m_queueChart, m_outcomeChart, m_latencyChart, m_protocolChart})
        clearChart(chart);
    if (!m_trace || m_trace->isEmpty())
        return;
    if (!m_series)
        m_series = std::make_unique<core::RunSeries>(*m_trace);
    // Events up to and including the position's line; before the start, none.
    const std::size_t upTo = m_position < 0 ? m_trace->size() : std::size_t(m_position) + 1;
    const core::SimTime now = m_trace->timeAt(std::min(upTo, m_trace->size()) - 1);
    fillQueues(upTo, now);
    fillOutcomes(upTo);
    fillLatencies(upTo);
    fillProtocols(upTo);
}

void StatisticsView::fillQueues(std::size_t upTo, core::SimTime now)
{
    struct Drawn
    {
        QString mta;
        std::vector<core::RunSeries::Sample> samples;
        int peak = 0;
    };
    std::vector<Drawn> queues;
    for (const QString &mta : m_series->mtas()) {
        Drawn drawn{mta, m_series->queueLength(mta, upTo), 0};
        for (const auto &sample : drawn.samples)
            drawn.peak = std::max(drawn.peak, sample.value);
        if (!drawn.samples.empty())
            queues.push_back(std::move(drawn));
    }
    std::stable_sort(queues.begin(), queues.end(),
                     [](const Drawn &a, const Drawn &b) { return a.peak > b.peak; });
    if (int(queues.size()) > kMaxQueues) {
        m_queueChart->setTitle(tr("Queue length: the %1 busiest of %2 mail servers")
                                   .arg(kMaxQueues)
                                   .arg(queues.size()));
        queues.resize(kMaxQueues);
    } else {
        m_queueChart->setTitle(tr("Queue length per mail server"));
    }
    int peak = 0;
    auto *x = valueAxis(tr("virtual time (minutes)"), minutes(now), false);
    m_queueChart->addAxis(x, Qt::AlignBottom);
    QList<QLineSeries *> lines;
    for (const Drawn &queue : queues) {
        // A queue keeps its length until the next change: drawn as steps.
        auto *line = new QLineSeries;
        line->setName(queue.mta);
        QList<QPointF> points;
        int last = 0;
        for (const auto &sample : queue.samples) {
            points << QPointF(minutes(sample.time), last)
                   << QPointF(minutes(sample.time), sample.value);
            last = sample.value;
        }
        points << QPointF(minutes(now), last);
        line->replace(points);
        peak = std::max(peak, queue.peak);
        m_queueChart->addSeries(line);
        line->attachAxis(x);
        lines << line;
    }
    auto *y = valueAxis(tr("messages queued"), peak, true);
    m_queueChart->addAxis(y, Qt::AlignLeft);
    for (QLineSeries *line : lines)
        line->attachAxis(y);
}

void StatisticsView::fillOutcomes(std::size_t upTo)
{
    const QStringList names{tr("delivered"), tr("relayed"), tr("retried"), tr("bounced")};
    auto *set = new QBarSet(tr("messages"));
    int peak = 0;
    for (int outcome = 0; outcome < core::RunSeries::OutcomeCount; ++outcome) {
        const int count = m_series->outcome(core::RunSeries::Outcome(outcome), upTo);
        *set << count;
        peak = std::max(peak, count);
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    bars->setLabelsVisible(true);
    m_outcomeChart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    m_outcomeChart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto *y = valueAxis(tr("count"), peak, true);
    m_outcomeChart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    m_outcomeChart->legend()->hide();
}

void StatisticsView::fillLatencies(std::size_t upTo)
{
    const auto latencies = m_series->latencies(upTo);
    auto *dots = new QScatterSeries;
    dots->setName(tr("one message"));
    dots->setMarkerSize(7);
    QList<QPointF> points;
    double maxX = 0, maxY = 0;
    for (const auto &latency : latencies) {
        points << QPointF(minutes(latency.accepted), minutes(latency.waited));
        maxX = std::max(maxX, minutes(latency.accepted));
        maxY = std::max(maxY, minutes(latency.waited));
    }
    dots->replace(points);
    m_latencyChart->addSeries(dots);
    auto *x = valueAxis(tr("queued at (minutes)"), maxX, false);
    auto *y = valueAxis(tr("waited (minutes)"), maxY, false);
    m_latencyChart->addAxis(x, Qt::AlignBottom);
    m_latencyChart->addAxis(y, Qt::AlignLeft);
    dots->attachAxis(x);
    dots->attachAxis(y);
    m_latencyChart->legend()->hide();
}

void StatisticsView::fillProtocols(std::size_t upTo)
{
    auto *set = new QBarSet(tr("lines"));
    QStringList names;
    int peak = 0;
    for (const QString &protocol : m_series->protocols()) {
        const int lines = m_series->linesOf(protocol, upTo);
        *set << lines;
        peak = std::max(peak, lines);
        names << QStringLiteral("%1 (%2)").arg(protocol).arg(
            m_series->connectionsOf(protocol, upTo));
    }
    auto *bars = new QBarSeries;
    bars->append(set);
    bars->setLabelsVisible(true);
    m_protocolChart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    x->append(names);
    x->setTitleText(tr("protocol (connections)"));
    m_protocolChart->addAxis(x, Qt::AlignBottom);
    bars->attachAxis(x);
    auto *y = valueAxis(tr("lines"), peak, true);
    m_protocolChart->addAxis(y, Qt::AlignLeft);
    bars->attachAxis(y);
    m_protocolChart->legend()->hide();
}

} // namespace carteiro::app
