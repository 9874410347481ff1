#include "app/exports/runreport.h"

#include <QFontDatabase>
#include <QPdfWriter>

namespace carteiro::app {

namespace {

// Logical units of the painter: 96 per inch, as on a screen, so fonts size as expected.
constexpr int kDpi = 96;
constexpr int kGap = 10;

class PageCursor
{
public:
    PageCursor(QPdfWriter &writer, QPainter &painter)
        : m_writer(writer), m_painter(painter), m_page(writer.pageLayout().paintRectPixels(kDpi))
    {}

    int width() const { return m_page.width(); }
    int height() const { return m_page.height(); }
    int left() const { return height() - m_y; }

    void newPage()
    {
        m_writer.newPage();
        m_y = 0;
    }
    // Room for `needed` more units, else a new page.
    void ensure(int needed)
    {
        if (m_y > 0 && m_y + needed > height())
            newPage();
    }
    int y() const { return m_y; }
    void advance(int by) { m_y += by; }

    void text(const QString &text, const QFont &font, int flags = Qt::TextWordWrap)
    {
        m_painter.setFont(font);
        const QRect bounds =
            m_painter.boundingRect(QRect(0, 0, width(), 100000), flags | Qt::AlignLeft, text);
        ensure(bounds.height());
        m_painter.drawText(QRect(0, m_y, width(), bounds.height()), flags | Qt::AlignLeft, text);
        m_y += bounds.height();
    }

private:
    QPdfWriter &m_writer;
    QPainter &m_painter;
    QRect m_page;
    int m_y = 0;
};

QFont sized(QFont font, qreal points, bool bold = false)
{
    font.setPointSizeF(points);
    font.setBold(bold);
    return font;
}

} // namespace

bool RunReport::write(const QString &path, const RunReportContent &content, QString *error)
{
    QPdfWriter writer(path);
    writer.setResolution(kDpi);
    writer.setPageSize(QPageSize(QPageSize::A4));
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter);
    writer.setTitle(content.title);
    writer.setCreator(QStringLiteral("Carteiro"));
    QPainter painter;
    if (!painter.begin(&writer)) {
        *error = tr("Cannot write %1.").arg(path);
        return false;
    }
    const QFont base = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    PageCursor page(writer, painter);

    page.text(content.title, sized(base, 18, true));
    page.advance(kGap);
    if (!content.summary.isEmpty()) {
        page.text(content.summary, sized(base, 10));
        page.advance(kGap);
    }
    if (!content.position.isEmpty()) {
        page.text(content.position, sized(base, 9));
        page.advance(kGap);
    }

    const core::RunStatistics &s = content.statistics;
    page.text(tr("Figures"), sized(base, 13, true));
    QStringList rows{
        tr("Virtual time: %1").arg(core::formatSimTime(s.duration)),
        tr("Messages taken into a queue: %1").arg(s.accepted),
        tr("Delivered to a mailbox: %1").arg(s.delivered),
        tr("Relayed to the next server: %1").arg(s.relayed),
        tr("Attempts put off for a retry: %1").arg(s.retries),
        tr("Bounced or refused: %1").arg(s.bounced),
        tr("Faults switched on or off: %1").arg(s.faults),
        tr("TCP connections: %1 (refused or timed out: %2)").arg(s.connections).arg(s.refused),
    };
    for (auto it = s.linesByProtocol.cbegin(); it != s.linesByProtocol.cend(); ++it)
        rows << tr("%1: %2 connection(s), %3 line(s)")
                    .arg(it.key())
                    .arg(s.connectionsByProtocol.value(it.key()))
                    .arg(it.value());
    for (const QString &row : rows)
        page.text(QStringLiteral("\u2022 ") + row, sized(base, 10));

    // The ladder, scaled to the page's width and cut into page-high slices.
    if (content.paintLadder && !content.ladderSize.isEmpty()) {
        page.newPage();
        page.text(tr("Ladder diagram"), sized(base, 13, true));
        page.advance(kGap);
        const qreal scale = std::min(1.0, qreal(page.width()) / content.ladderSize.width());
        const int total = int(content.ladderSize.height() * scale);
        int done = 0;
        while (done < total) {
            const int room = page.left();
            const int slice = std::min(room, total - done);
            painter.save();
            painter.setClipRect(QRect(0, page.y(), page.width(), slice));
            painter.translate(0, page.y() - done);
            painter.scale(scale, scale);
            content.paintLadder(painter);
            painter.restore();
            done += slice;
            page.advance(slice);
            if (done < total)
                page.newPage();
        }
    }

    page.newPage();
    page.text(tr("Dialogue"), sized(base, 13, true));
    page.advance(kGap);
    const QFont small = sized(mono, 7.5);
    const QFontMetrics metrics(small);
    painter.setFont(small);
    for (const QString &line : content.transcript) {
        const QString shown = metrics.elidedText(line, Qt::ElideRight, page.width());
        page.ensure(metrics.lineSpacing());
        painter.setFont(small);
        painter.drawText(QPoint(0, page.y() + metrics.ascent()), shown);
        page.advance(metrics.lineSpacing());
    }
    painter.end();
    return true;
}

} // namespace carteiro::app
