// The window's speed, offscreen: start-up to the first painted frame on the default
// scenario; one frame of the canvas with 50 hosts and up to 200 envelopes in flight; one step
// back on a run of more than 100,000 events; the statistics charts on a mail storm (reading the
// trace once, then redrawing at a new position). Medians of several runs.
//
//   QT_QPA_PLATFORM=offscreen carteiro-guibench [--storm-messages N]   (default 100,000)

#include "app/canvas/topologyscene.h"
#include "app/charts/statisticsview.h"
#include "app/mainwindow.h"
#include "app/models/playback.h"
#include "bench/stormscenario.h"
#include "core/world/world.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>

#include <algorithm>
#include <cstdio>
#include <vector>

using carteiro::app::MainWindow;

namespace {

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.empty() ? 0 : values[values.size() / 2];
}

} // namespace

int main(int argc, char **argv)
{
    QElapsedTimer startup;
    startup.start();
    QApplication app(argc, argv);
    {
        MainWindow window;
        window.openScenario(QStringLiteral(CARTEIRO_SCENARIO_DIR "/01-alice-to-bob.yaml"));
        window.show();
        const QImage first = window.grab().toImage();
        std::printf("startup_to_first_frame_ms=%lld (%dx%d)\n", startup.elapsed(), first.width(),
                    first.height());
    }

    // 10 domains, 1 MTA and 4 PCs each: 50 hosts; 2,000 messages make >100,000 events, sent
    // within two minutes so that hundreds of lines are in flight at once.
    MainWindow window;
    window.resize(1280, 720);
    carteiro::core::Scenario storm =
        carteiro::bench::makeStorm(2000, 42, 10, 4, 2 * carteiro::core::kMinute);
    storm.latency = 400; // slow links keep many lines on the wire at once
    window.showScenario(std::move(storm), QStringLiteral("storm"));
    window.show();
    carteiro::app::PlaybackController *playback = window.playback();
    carteiro::app::TopologyScene *scene = window.topology();
    std::printf("hosts=%lld events=%d\n", qlonglong(window.world()->scenario().hosts.size()),
                playback->count());

    // The busiest moment: most envelopes in flight.
    int busiest = 0, most = -1;
    for (int p = 0; p < playback->count(); p += 97) {
        scene->setPosition(p);
        if (scene->envelopeCount() > most) {
            most = scene->envelopeCount();
            busiest = p;
        }
    }
    playback->setPosition(busiest);
    QImage frame(1280, 720, QImage::Format_ARGB32_Premultiplied);
    std::vector<double> frames;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer timer;
        timer.start();
        scene->setPosition(busiest - (i % 2)); // a new position each frame
        QPainter painter(&frame);
        painter.setRenderHint(QPainter::Antialiasing);
        scene->render(&painter);
        painter.end();
        frames.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("canvas_frame_ms=%.2f (envelopes=%d)\n", median(frames), most);

    playback->toEnd();
    std::vector<double> steps;
    for (int i = 0; i < 30; ++i) {
        QElapsedTimer timer;
        timer.start();
        playback->stepBack();
        QApplication::processEvents();
        steps.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("step_back_ms=%.2f (position %d of %d)\n", median(steps), playback->position(),
                playback->count());

    // The charts on the storm: 1,000 users, 50 domains.
    int messages = 100000;
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--storm-messages")));
    if (at >= 0 && at + 1 < args.size())
        messages = args.at(at + 1).toInt();
    carteiro::core::World bigStorm(
        carteiro::bench::makeStorm(messages, 7, 50, 20, 4 * 60 * 60 * 1000));
    bigStorm.run();
    carteiro::app::StatisticsView statistics;
    statistics.resize(1100, 760);
    statistics.show();
    QElapsedTimer read;
    read.start();
    statistics.setTrace(&bigStorm.trace());
    const double firstDraw = read.nsecsElapsed() / 1e6;
    std::vector<double> redraws;
    const int count = int(bigStorm.trace().size());
    for (int i = 1; i <= 10; ++i) {
        QElapsedTimer timer;
        timer.start();
        statistics.setPosition(count / 10 * i - 1);
        statistics.redraw();
        statistics.grab(); // the charts drawn, not only computed
        redraws.push_back(timer.nsecsElapsed() / 1e6);
    }
    std::printf("statistics_first_draw_ms=%.0f statistics_redraw_ms=%.1f (messages=%d events=%d)\n",
                firstDraw, median(redraws), messages, count);
    return 0;
}
