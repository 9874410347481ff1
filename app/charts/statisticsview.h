#pragma once

#include "core/trace/trace.h"
#include "core/world/runseries.h"

#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QTimer;
QT_END_NAMESPACE

namespace carteiro::app {

// The statistics of a run up to the playback position, as four charts: each MTA's queue over
// virtual time, delivery outcomes (delivered, relayed, retried, bounced), how long each message
// waited in a queue, and connections and lines per protocol. The figures are read from the
// trace once (core::RunSeries); moving the position only cuts them, and long series are
// thinned, so a 100,000-message storm stays responsive.
class StatisticsView : public QWidget
{
    Q_OBJECT

public:
    explicit StatisticsView(QWidget *parent = nullptr);
    ~StatisticsView() override;

    void setTrace(const core::Trace *trace);
    // The trace grew (a live run): read it again.
    void traceChanged();

    QChart *queueChart() const { return m_queueChart; }
    QChart *outcomeChart() const { return m_outcomeChart; }
    QChart *latencyChart() const { return m_latencyChart; }
    QChart *protocolChart() const { return m_protocolChart; }
    const core::RunSeries *series() const { return m_series.get(); }

    // Draws the charts for the position now (setPosition waits a moment, so that several
    // steps in a row draw once).
    void redraw();

public slots:
    void setPosition(int position);

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    // The titles of the charts that redraw() does not set, in the language in force.
    void retranslate();
    void fillQueues(std::size_t upTo, core::SimTime now);
    void fillOutcomes(std::size_t upTo);
    void fillLatencies(std::size_t upTo);
    void fillProtocols(std::size_t upTo);

    const core::Trace *m_trace = nullptr;
    std::unique_ptr<core::RunSeries> m_series;
    int m_position = -1;
    QTimer *m_refresh = nullptr; // several steps in a row draw once
    QChart *m_queueChart = nullptr;
    QChart *m_outcomeChart = nullptr;
    QChart *m_latencyChart = nullptr;
    QChart *m_protocolChart = nullptr;
    QList<QChartView *> m_views;
};

} // namespace carteiro::app
