#pragma once

#include <QHash>
#include <QList>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace carteiro::app {

// Where the loader found a problem, in the editor's terms (0-based line, column in characters).
struct TextDiagnostic
{
    int line = 0;
    int column = 0;
    QString message;
};

// Colours a scenario's YAML (keys, strings, numbers, durations, comments, list markers, block
// text) and draws a wavy underline under each problem the loader reported.
class YamlHighlighter : public QSyntaxHighlighter
{
    Q_OBJECT

public:
    explicit YamlHighlighter(QTextDocument *document);

    void setDiagnostics(const QList<TextDiagnostic> &diagnostics);
    QList<TextDiagnostic> diagnosticsOn(int line) const { return m_diagnostics.value(line); }
    // The characters [first, second) of the line a diagnostic at `column` underlines: the
    // token that starts there, or the last character when the column is past the end.
    static std::pair<int, int> span(const QString &line, int column);

protected:
    void highlightBlock(const QString &text) override;

private:
    QHash<int, QList<TextDiagnostic>> m_diagnostics; // by line
    QTextCharFormat m_key;
    QTextCharFormat m_string;
    QTextCharFormat m_number;
    QTextCharFormat m_duration;
    QTextCharFormat m_comment;
    QTextCharFormat m_marker;
};

} // namespace carteiro::app
