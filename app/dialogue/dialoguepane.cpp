#include "app/dialogue/dialoguepane.h"

#include <QAbstractListModel>
#include <QEvent>
#include <QFontDatabase>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace carteiro::app {

using core::TraceEvent;

namespace {

// Events read back from the position to find the start of the current connection: the
// cost of a step stays bounded on a 100,000-event trace.
constexpr int kMaxScan = 20000;

const QColor kClientColour(0x0d, 0x47, 0xa1);
const QColor kServerColour(0x1b, 0x5e, 0x20);
const QColor kContentColour(0x4a, 0x4a, 0x4a);
const QColor kHeaderColour(0x6a, 0x1b, 0x9a);
const QColor kCurrentColour(0xff, 0xe5, 0x8a);
// Narrower than this, a line shows "C:"/"S:" without the host's name.
constexpr int kRoomForHosts = 720;

QFont dialogueFont()
{
    QFont font = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    font.setPointSizeF(std::max(11.0, font.pointSizeF()));
    return font;
}

bool isContent(LineRole role)
{
    return role == LineRole::Header || role == LineRole::HeaderFolded ||
           role == LineRole::Separator || role == LineRole::Body || role == LineRole::EndOfData ||
           role == LineRole::Listing;
}

} // namespace

struct DialogueLine
{
    int traceIndex = -1;
    bool fromClient = true;
    QString text;
    LineReading reading;
    DialogueReader after; // the reader's state after this line, to resume from here
};

// The lines of one connection up to the position. Follows the position incrementally: a step
// forward appends, a step back removes, a jump to another connection reads it again.
class ConnectionLinesModel : public QAbstractListModel
{
public:
    using QAbstractListModel::QAbstractListModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_lines.size());
    }
    QVariant data(const QModelIndex &index, int role) const override
    {
        if (!index.isValid() || index.row() >= int(m_lines.size()))
            return {};
        const DialogueLine &line = m_lines[std::size_t(index.row())];
        if (role == Qt::DisplayRole)
            return line.text;
        if (role == Qt::ToolTipRole)
            return core::formatSimTime(m_trace ? m_trace->timeAt(std::size_t(line.traceIndex)) : 0);
        return {};
    }

    const DialogueLine &line(int row) const { return m_lines[std::size_t(row)]; }
    int rowOf(int traceIndex) const
    {
        auto it = std::lower_bound(
            m_lines.begin(), m_lines.end(), traceIndex,
            [](const DialogueLine &line, int index) { return line.traceIndex < index; });
        return it != m_lines.end() && it->traceIndex == traceIndex ? int(it - m_lines.begin()) : -1;
    }

    void follow(const core::Trace *trace, int position);
    void clear()
    {
        beginResetModel();
        m_lines.clear();
        m_connection = 0;
        m_trace = nullptr;
        endResetModel();
    }

    quint64 m_connection = 0;
    QString m_client, m_server, m_protocol;
    int m_port = 0;
    int m_currentIndex = -1; // trace index of the line at or before the position

private:
    void append(const TraceEvent &event, int index, DialogueReader &reader)
    {
        DialogueLine line;
        line.traceIndex = index;
        line.fromClient = event.direction != TraceEvent::Direction::ServerToClient;
        line.text = event.text;
        line.reading = reader.read(line.fromClient, line.text);
        line.after = reader;
        m_lines.push_back(std::move(line));
    }

    const core::Trace *m_trace = nullptr;
    std::vector<DialogueLine> m_lines;
};

void ConnectionLinesModel::follow(const core::Trace *trace, int position)
{
    m_currentIndex = -1;
    if (!trace || position < 0 || trace->isEmpty()) {
        clear();
        return;
    }
    position = std::min(position, int(trace->size()) - 1);
    for (int i = position; i >= 0 && position - i < kMaxScan; --i) {
        if (trace->typeAt(std::size_t(i)) == TraceEvent::Type::Line) {
            m_currentIndex = i;
            break;
        }
    }
    if (m_currentIndex < 0) {
        clear();
        return;
    }
    const TraceEvent current = trace->at(std::size_t(m_currentIndex));
    const bool same = trace == m_trace && current.connection == m_connection && !m_lines.empty() &&
                      m_currentIndex >= m_lines.front().traceIndex;
    if (same) {
        // Step back: drop the lines after the current one; step forward: read the new ones.
        int keep = int(m_lines.size());
        while (keep > 0 && m_lines[std::size_t(keep - 1)].traceIndex > m_currentIndex)
            --keep;
        if (keep < int(m_lines.size())) {
            beginRemoveRows({}, keep, int(m_lines.size()) - 1);
            m_lines.resize(std::size_t(keep));
            endRemoveRows();
        }
        DialogueReader reader = m_lines.back().after;
        std::vector<DialogueLine> added;
        const int from = m_lines.back().traceIndex + 1;
        const std::size_t before = m_lines.size();
        for (int i = from; i <= m_currentIndex; ++i) {
            if (trace->typeAt(std::size_t(i)) != TraceEvent::Type::Line)
                continue;
            const TraceEvent event = trace->at(std::size_t(i));
            if (event.connection == m_connection)
                append(event, i, reader);
        }
        if (m_lines.size() > before) {
            // Announce the rows just stored.
            std::vector<DialogueLine> fresh(
                std::make_move_iterator(m_lines.begin() + std::ptrdiff_t(before)),
                std::make_move_iterator(m_lines.end()));
            m_lines.resize(before);
            beginInsertRows({}, int(before), int(before + fresh.size()) - 1);
            std::move(fresh.begin(), fresh.end(), std::back_inserter(m_lines));
            endInsertRows();
        }
        return;
    }

    beginResetModel();
    m_trace = trace;
    m_lines.clear();
    m_connection = current.connection;
    m_client = current.client;
    m_server = current.server;
    m_protocol = current.protocol;
    m_port = current.port;
    // Back to the connection's connect (or as far as kMaxScan), then read forward.
    std::vector<int> indices;
    for (int i = m_currentIndex; i >= 0 && m_currentIndex - i < kMaxScan; --i) {
        const TraceEvent::Type type = trace->typeAt(std::size_t(i));
        if (type != TraceEvent::Type::Line && type != TraceEvent::Type::Connect)
            continue;
        if (trace->at(std::size_t(i)).connection != m_connection)
            continue;
        if (type == TraceEvent::Type::Connect)
            break;
        indices.push_back(i);
    }
    DialogueReader reader(m_protocol);
    for (auto it = indices.rbegin(); it != indices.rend(); ++it)
        append(trace->at(std::size_t(*it)), *it, reader);
    endResetModel();
}

namespace {

// Paints one line: "C: host" or "S: host" on a tinted row, the verb or the reply code
// emphasised, message content in italic grey, the current line in yellow.
class DialogueLineDelegate : public QStyledItemDelegate
{
public:
    DialogueLineDelegate(const ConnectionLinesModel *model, QObject *parent)
        : QStyledItemDelegate(parent), m_model(model)
    {}

    // Presentation mode: the current line in a larger bold font, read from the back row.
    void setEmphasis(bool on) { m_emphasis = on; }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        Q_UNUSED(index);
        const QFontMetrics metrics(lineFont(option, true));
        return {option.rect.width(), metrics.height() + 8};
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        const DialogueLine &line = m_model->line(index.row());
        const bool selected = option.state & QStyle::State_Selected;
        const bool content = isContent(line.reading.role);
        QColor background = line.fromClient ? QColor(0xea, 0xf1, 0xfb) : QColor(0xe8, 0xf5, 0xe9);
        if (content)
            background = QColor(0xf3, 0xf3, 0xf3);
        if (selected)
            background = kCurrentColour;
        painter->save();
        painter->fillRect(option.rect, background);
        if (selected)
            painter->fillRect(QRect(option.rect.topLeft(), QSize(5, option.rect.height())),
                              QColor(0xe0, 0xa8, 0x00));

        QFont font = lineFont(option, selected);
        QFont bold = font;
        bold.setBold(true);
        if (selected && m_emphasis)
            font = bold;
        const QFontMetrics metrics(font);
        const QFontMetrics boldMetrics(bold);
        const int baseline =
            option.rect.top() + (option.rect.height() + metrics.ascent() - metrics.descent()) / 2;
        int x = option.rect.left() + 10;

        // Who speaks: "C:" and the client's name in blue, "S:" and the server's in green.
        const QColor who = line.fromClient ? kClientColour : kServerColour;
        const QString tag = line.fromClient ? QStringLiteral("C:") : QStringLiteral("S:");
        const QString host = line.fromClient ? m_model->m_client : m_model->m_server;
        painter->setPen(who);
        painter->setFont(bold);
        painter->drawText(x, baseline, tag);
        painter->setFont(font);
        // The title above names both hosts: on a projector, or when the pane is narrow, the
        // line gets the width.
        if (m_emphasis || option.rect.width() < kRoomForHosts) {
            x += boldMetrics.horizontalAdvance(tag) + 14;
        } else {
            const int hostWidth = std::max(metrics.horizontalAdvance(m_model->m_client),
                                           metrics.horizontalAdvance(m_model->m_server));
            painter->drawText(x + boldMetrics.horizontalAdvance(tag) + 6, baseline, host);
            x += boldMetrics.horizontalAdvance(tag) + 6 + hostWidth + 18;
        }

        const QString &text = line.text;
        auto draw = [&](const QString &part, const QFont &f, const QColor &colour) {
            painter->setFont(f);
            painter->setPen(colour);
            painter->drawText(x, baseline, part);
            x += QFontMetrics(f).horizontalAdvance(part);
        };
        QFont italic = font;
        italic.setItalic(true);
        QFont boldItalic = bold;
        boldItalic.setItalic(true);
        switch (line.reading.role) {
        case LineRole::Command: {
            const qsizetype space = text.indexOf(QLatin1Char(' '));
            const int split = int(space < 0 ? text.size() : space);
            draw(text.left(split), bold, kClientColour);
            draw(text.mid(split), font, kClientColour);
            break;
        }
        case LineRole::Reply: {
            const QColor code = Explanations::replyColour(line.reading.code);
            int split = 0;
            if (line.reading.code == 1)
                split = 3; // "+OK"
            else if (line.reading.code == -1)
                split = 4; // "-ERR"
            else if (line.reading.code > 0)
                split = 3;
            draw(text.left(split), bold, code.isValid() ? code : kServerColour);
            draw(text.mid(split), font, kServerColour.darker(130));
            break;
        }
        case LineRole::Header: {
            const int split = int(line.reading.field.size()) + 1;
            draw(text.left(split), boldItalic, kHeaderColour);
            draw(text.mid(split), italic, kContentColour);
            break;
        }
        case LineRole::Separator:
            draw(DialoguePane::tr("(empty line)"), italic, QColor(0x80, 0x80, 0x80));
            break;
        case LineRole::EndOfData:
            draw(text, bold, kContentColour);
            break;
        case LineRole::HeaderFolded:
        case LineRole::Body:
        case LineRole::Listing:
            draw(text, italic, kContentColour);
            break;
        case LineRole::Other:
            draw(text, font, who);
            break;
        }
        painter->restore();
    }

private:
    // The view's font (larger in presentation mode); the current line larger still there.
    QFont lineFont(const QStyleOptionViewItem &option, bool current) const
    {
        QFont font = option.font;
        if (m_emphasis && current)
            font.setPointSizeF(font.pointSizeF() * 1.25);
        return font;
    }

    const ConnectionLinesModel *m_model;
    bool m_emphasis = false;
};

} // namespace

DialoguePane::DialoguePane(QWidget *parent) : QWidget(parent)
{
    m_model = new ConnectionLinesModel(this);
    m_title = new QLabel;
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(std::max(11.0, titleFont.pointSizeF()));
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextFormat(Qt::PlainText);

    m_list = new QListView;
    m_list->setModel(m_model);
    m_delegate = new DialogueLineDelegate(m_model, m_list);
    m_list->setItemDelegate(m_delegate);
    m_list->setUniformItemSizes(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setFont(dialogueFont());
    m_list->setMinimumHeight(160);

    m_meaning = new QTextBrowser;
    QFont meaningFont = m_meaning->font();
    meaningFont.setPointSizeF(std::max(11.0, meaningFont.pointSizeF()));
    m_meaning->setFont(meaningFont);
    m_meaning->setMinimumHeight(90);

    auto *splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_list);
    splitter->addWidget(m_meaning);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(splitter, 1);

    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { showMeaning(current.row()); });
    setPosition(-1);
}

DialoguePane::~DialoguePane() = default;

void DialoguePane::changeEvent(QEvent *event)
{
    // The title and the explanation are computed for the line shown: compute them again.
    if (event->type() == QEvent::LanguageChange && m_position >= -1) {
        setPosition(m_position);
        m_list->viewport()->update();
    }
    QWidget::changeEvent(event);
}

void DialoguePane::setTrace(const core::Trace *trace)
{
    m_trace = trace;
    m_model->clear();
    m_position = -2;
    setPosition(-1);
}

void DialoguePane::setPosition(int position)
{
    m_position = position;
    m_model->follow(m_trace, position);
    if (m_model->rowCount() == 0) {
        m_title->setText(tr("No connection yet"));
        showMeaning(-1);
        return;
    }
    m_title->setText(tr("Connection %1: %2 \u2192 %3, port %4 (%5)")
                         .arg(m_model->m_connection)
                         .arg(m_model->m_client, m_model->m_server)
                         .arg(m_model->m_port)
                         .arg(m_model->m_protocol));
    selectRow(m_model->rowOf(m_model->m_currentIndex));
}

void DialoguePane::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_list->clearSelection();
        showMeaning(-1);
        return;
    }
    const QModelIndex index = m_model->index(row);
    m_list->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    m_list->scrollTo(index, QAbstractItemView::EnsureVisible);
    showMeaning(row); // also when the row was already current
}

void DialoguePane::showMeaning(int row)
{
    if (row < 0 || row >= m_model->rowCount()) {
        m_explanation.clear();
        m_meaning->setHtml(QStringLiteral("<p style='color:#666'>%1</p>")
                               .arg(tr("Step through the run: the meaning of the current line "
                                       "shows here.")
                                        .toHtmlEscaped()));
        return;
    }
    const DialogueLine &line = m_model->line(row);
    const Explanations::Text text =
        Explanations::explain(m_model->m_protocol, line.fromClient, line.text, line.reading);
    m_explanation = text.title + QLatin1Char('\n') + text.body;
    QColor accent = isContent(line.reading.role)
                        ? kHeaderColour
                        : (line.fromClient ? kClientColour : kServerColour);
    if (line.reading.role == LineRole::Reply && codeColour(row).isValid())
        accent = codeColour(row);
    m_meaning->setHtml(
        QStringLiteral("<p style='font-weight:bold; color:%1'>%2</p><p>%3</p>")
            .arg(accent.name(), text.title.toHtmlEscaped(), text.body.toHtmlEscaped()));
}

QStringList DialoguePane::visibleLines() const
{
    QStringList lines;
    for (int row = 0; row < m_model->rowCount(); ++row)
        lines << m_model->line(row).text;
    return lines;
}

int DialoguePane::currentRow() const
{
    const QModelIndex current = m_list->selectionModel()->currentIndex();
    return m_list->selectionModel()->isSelected(current) ? current.row() : -1;
}

int DialoguePane::rowOfTraceIndex(int index) const
{
    return m_model->rowOf(index);
}

QString DialoguePane::explanationText() const
{
    return m_explanation;
}

QColor DialoguePane::codeColour(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return {};
    const LineReading &reading = m_model->line(row).reading;
    return reading.role == LineRole::Reply ? Explanations::replyColour(reading.code) : QColor();
}

LineRole DialoguePane::roleOf(int row) const
{
    if (row < 0 || row >= m_model->rowCount())
        return LineRole::Other;
    return m_model->line(row).reading.role;
}

quint64 DialoguePane::connection() const
{
    return m_model->rowCount() ? m_model->m_connection : 0;
}

void DialoguePane::setPresentation(bool on)
{
    QFont font = dialogueFont();
    if (on)
        font.setPointSizeF(font.pointSizeF() * 1.8);
    m_list->setFont(font);
    static_cast<DialogueLineDelegate *>(m_delegate)->setEmphasis(on);
    // Rows are all one height, which the current line's larger font sets.
    m_list->doItemsLayout();
    const QModelIndexList current = m_list->selectionModel()->selectedIndexes();
    if (!current.isEmpty())
        m_list->scrollTo(current.first(), QAbstractItemView::PositionAtCenter);
    QFont title = m_title->font();
    title.setPointSizeF(std::max(11.0, dialogueFont().pointSizeF()) * (on ? 1.6 : 1.0));
    m_title->setFont(title);
}

} // namespace carteiro::app
