#include "app/editor/scenariotextedit.h"

#include "app/editor/yamlhighlighter.h"

#include <QFontDatabase>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QTextBlock>
#include <QToolTip>

namespace carteiro::app {

namespace {

class LineNumberArea : public QWidget
{
public:
    explicit LineNumberArea(ScenarioTextEdit *editor) : QWidget(editor), m_editor(editor) {}
    QSize sizeHint() const override { return {m_editor->lineNumberWidth(), 0}; }

protected:
    void paintEvent(QPaintEvent *event) override { m_editor->paintLineNumbers(event); }

private:
    ScenarioTextEdit *m_editor;
};

} // namespace

ScenarioTextEdit::ScenarioTextEdit(QWidget *parent)
    : QPlainTextEdit(parent), m_highlighter(new YamlHighlighter(document()))
{
    setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTabStopDistance(fontMetrics().horizontalAdvance(QLatin1Char(' ')) * 2);
    m_lineNumbers = new LineNumberArea(this);
    connect(this, &QPlainTextEdit::blockCountChanged, this, &ScenarioTextEdit::updateMargins);
    connect(this, &QPlainTextEdit::updateRequest, this, &ScenarioTextEdit::updateLineNumbers);
    updateMargins();
}

QString ScenarioTextEdit::documentText() const
{
    QStringList lines;
    for (QTextBlock block = document()->begin(); block.isValid(); block = block.next())
        lines << block.text();
    return lines.join(QLatin1Char('\n'));
}

void ScenarioTextEdit::replaceAll(const QString &text)
{
    if (text == documentText())
        return;
    const int line = textCursor().blockNumber();
    QTextCursor cursor(document());
    cursor.select(QTextCursor::Document);
    cursor.insertText(text);
    moveTo(line, 0);
}

void ScenarioTextEdit::moveTo(int line, int column)
{
    const QTextBlock block = document()->findBlockByNumber(std::max(0, line));
    if (!block.isValid())
        return;
    QTextCursor cursor(block);
    cursor.movePosition(QTextCursor::Right, QTextCursor::MoveAnchor,
                        std::clamp(column, 0, std::max(0, block.length() - 1)));
    setTextCursor(cursor);
    centerCursor();
}

QString ScenarioTextEdit::problemsAt(const QPoint &viewportPos) const
{
    const QTextCursor cursor = cursorForPosition(viewportPos);
    const QTextBlock block = cursor.block();
    const int column = cursor.positionInBlock();
    QStringList messages;
    for (const TextDiagnostic &problem : m_highlighter->diagnosticsOn(block.blockNumber())) {
        const auto [first, last] = YamlHighlighter::span(block.text(), problem.column);
        // A point on the right half of the last character reports the column after it.
        if (column >= first && column <= last)
            messages << problem.message;
    }
    return messages.join(QLatin1Char('\n'));
}

bool ScenarioTextEdit::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const QString text = problemsAt(help->pos());
        if (text.isEmpty())
            QToolTip::hideText();
        else
            QToolTip::showText(help->globalPos(), text, viewport());
        return true;
    }
    return QPlainTextEdit::viewportEvent(event);
}

void ScenarioTextEdit::keyPressEvent(QKeyEvent *event)
{
    // YAML indents with spaces, never tabs: Tab inserts two; Enter keeps the indentation.
    if (event->key() == Qt::Key_Tab && event->modifiers() == Qt::NoModifier) {
        insertPlainText(QStringLiteral("  "));
        return;
    }
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) &&
        event->modifiers() == Qt::NoModifier) {
        const QString line = textCursor().block().text();
        int indent = 0;
        while (indent < line.size() && line.at(indent) == QLatin1Char(' '))
            ++indent;
        insertPlainText(QLatin1Char('\n') + QString(indent, QLatin1Char(' ')));
        ensureCursorVisible();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

int ScenarioTextEdit::lineNumberWidth() const
{
    const int digits = QString::number(std::max(1, blockCount())).size();
    return 12 + fontMetrics().horizontalAdvance(QLatin1Char('9')) * std::max(3, digits);
}

void ScenarioTextEdit::updateMargins()
{
    setViewportMargins(lineNumberWidth(), 0, 0, 0);
}

void ScenarioTextEdit::updateLineNumbers(const QRect &rect, int dy)
{
    if (dy)
        m_lineNumbers->scroll(0, dy);
    else
        m_lineNumbers->update(0, rect.y(), m_lineNumbers->width(), rect.height());
    if (rect.contains(viewport()->rect()))
        updateMargins();
}

void ScenarioTextEdit::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    const QRect area = contentsRect();
    m_lineNumbers->setGeometry(QRect(area.left(), area.top(), lineNumberWidth(), area.height()));
}

void ScenarioTextEdit::paintLineNumbers(QPaintEvent *event)
{
    QPainter painter(m_lineNumbers);
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    QTextBlock block = firstVisibleBlock();
    int top = qRound(blockBoundingGeometry(block).translated(contentOffset()).top());
    int bottom = top + qRound(blockBoundingRect(block).height());
    QFont bold = font();
    bold.setBold(true);
    while (block.isValid() && top <= event->rect().bottom()) {
        if (block.isVisible() && bottom >= event->rect().top()) {
            const bool problem = !m_highlighter->diagnosticsOn(block.blockNumber()).isEmpty();
            painter.setFont(problem ? bold : font());
            painter.setPen(problem ? QColor(Qt::red) : palette().color(QPalette::PlaceholderText));
            painter.drawText(0, top, m_lineNumbers->width() - 6, fontMetrics().height(),
                             Qt::AlignRight, QString::number(block.blockNumber() + 1));
        }
        block = block.next();
        top = bottom;
        bottom = top + qRound(blockBoundingRect(block).height());
    }
}

} // namespace carteiro::app
