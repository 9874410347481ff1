#pragma once

#include <QPlainTextEdit>

namespace carteiro::app {

class YamlHighlighter;

// The Text tab: the scenario's YAML with line numbers (lines with a problem numbered in red),
// highlighting, and the problem's message as a tooltip over its underline.
class ScenarioTextEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    explicit ScenarioTextEdit(QWidget *parent = nullptr);

    YamlHighlighter *highlighter() const { return m_highlighter; }
    // The text exactly as typed: block by block, so no character is normalised away.
    QString documentText() const;
    // Replaces everything as one undoable edit (Ctrl+Z in the text undoes a form edit).
    void replaceAll(const QString &text);
    // Puts the cursor at a 0-based line and column and shows it.
    void moveTo(int line, int column);
    // The messages of the problems under a point of the viewport, for the tooltip.
    QString problemsAt(const QPoint &viewportPos) const;

    int lineNumberWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    bool viewportEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateMargins();
    void updateLineNumbers(const QRect &rect, int dy);

    YamlHighlighter *m_highlighter = nullptr;
    QWidget *m_lineNumbers = nullptr;
};

} // namespace carteiro::app
