#pragma once

#include "app/dialogue/explanations.h"
#include "core/trace/trace.h"

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <vector>

class QLabel;
class QListView;
class QStyledItemDelegate;
class QTextBrowser;

namespace carteiro::app {

class ConnectionLinesModel;

// The C:/S: dialogue of the current connection (the one of the line at or before the
// position), the current line selected, and beside it what the selected line means: the
// command's purpose, the reply code's class, envelope versus message.
class DialoguePane : public QWidget
{
    Q_OBJECT

public:
    explicit DialoguePane(QWidget *parent = nullptr);
    ~DialoguePane() override;

    void setTrace(const core::Trace *trace);
    int position() const { return m_position; }

    // For tests and the main window.
    QStringList visibleLines() const;     // the wire text of each line shown, in order
    int currentRow() const;               // the selected row, -1 when none
    int rowOfTraceIndex(int index) const; // -1 when that event is not shown
    QString explanationText() const;      // title and body of the selected line, plain
    QColor codeColour(int row) const;     // the reply class colour; invalid for others
    LineRole roleOf(int row) const;
    quint64 connection() const; // the connection shown, 0 when none

    // Presentation mode: large text, the current line larger and bold.
    void setPresentation(bool on);

public slots:
    void setPosition(int position);
    void selectRow(int row);

protected:
    void changeEvent(QEvent *event) override;

private:
    void showMeaning(int row);

    const core::Trace *m_trace = nullptr;
    int m_position = -1;
    ConnectionLinesModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QListView *m_list = nullptr;
    QStyledItemDelegate *m_delegate = nullptr;
    QTextBrowser *m_meaning = nullptr;
    QString m_explanation;
};

} // namespace carteiro::app
