#include "app/editor/yamlhighlighter.h"

#include "app/editor/scenariotext.h"

#include <QRegularExpression>
#include <QSet>
#include <QTextDocument>

namespace carteiro::app {

namespace {

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

QTextCharFormat colour(const QColor &foreground, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(foreground);
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

} // namespace

YamlHighlighter::YamlHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document), m_key(colour(QColor(0x1f, 0x4e, 0x9c), true)),
      m_string(colour(QColor(0x2e, 0x7d, 0x32))), m_number(colour(QColor(0x8e, 0x24, 0xaa))),
      m_duration(colour(QColor(0xb2, 0x5b, 0x00))),
      m_comment(colour(QColor(0x75, 0x75, 0x75), false, true)),
      m_marker(colour(QColor(0xc6, 0x28, 0x28), true))
{}

void YamlHighlighter::setDiagnostics(const QList<TextDiagnostic> &diagnostics)
{
    QSet<int> touched;
    for (auto it = m_diagnostics.cbegin(); it != m_diagnostics.cend(); ++it)
        touched.insert(it.key());
    m_diagnostics.clear();
    for (const TextDiagnostic &diagnostic : diagnostics) {
        m_diagnostics[diagnostic.line].append(diagnostic);
        touched.insert(diagnostic.line);
    }
    for (int line : std::as_const(touched)) {
        const QTextBlock block = document()->findBlockByNumber(line);
        if (block.isValid())
            rehighlightBlock(block);
    }
}

std::pair<int, int> YamlHighlighter::span(const QString &line, int column)
{
    if (line.isEmpty())
        return {0, 0};
    if (column >= line.size())
        return {int(line.size()) - 1, int(line.size())};
    int end = column;
    const QChar first = line.at(column);
    if (first == QLatin1Char('"') || first == QLatin1Char('\'')) {
        end = int(line.indexOf(first, column + 1));
        end = end < 0 ? int(line.size()) : end + 1;
    } else {
        // A key stops before its colon, a value before the comma or bracket that ends it.
        while (end < line.size() && !line.at(end).isSpace() &&
               !QStringView(u",]}").contains(line.at(end)) &&
               !(line.at(end) == QLatin1Char(':') &&
                 (end + 1 == line.size() || line.at(end + 1).isSpace())))
            ++end;
    }
    return {column, std::max(end, column + 1)};
}

void YamlHighlighter::highlightBlock(const QString &text)
{
    // Block state > 0: inside a `|` or `>` text whose key is at column state - 1.
    const int inBlock = previousBlockState();
    if (inBlock > 0 && (text.trimmed().isEmpty() || indentOf(text) >= inBlock)) {
        setFormat(0, int(text.size()), m_string);
        setCurrentBlockState(inBlock);
    } else {
        setCurrentBlockState(0);
        const int comment = ScenarioText::commentColumn(text);
        const QString code = text.left(comment);

        static const QRegularExpression number(
            QStringLiteral("(?<![\\w.@-])\\d+(?:\\.\\d+)?(?![\\w.@-])|"
                           "(?<![\\w.@-])(?:true|false|null)(?![\\w.@-])"));
        static const QRegularExpression duration(QStringLiteral(
            "(?<![\\w.@-])\\d+(?:\\.\\d+)?(?:ms|s|m|h|d)(?:\\d+(?:ms|s|m|h|d))*(?![\\w.@-])"));
        static const QRegularExpression quoted(
            QStringLiteral("\"(?:[^\"\\\\]|\\\\.)*\"?|'(?:[^']|'')*'?"));
        static const QRegularExpression blockKey(QStringLiteral(
            "^\\s*(?:-\\s+)*(\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[-][^#]*?)\\s*:(?=\\s|$)"));
        static const QRegularExpression flowKey(
            QStringLiteral("[{,]\\s*([A-Za-z_][\\w.@-]*)\\s*:(?=\\s)"));
        static const QRegularExpression marker(QStringLiteral("^\\s*((?:-\\s+)+)"));
        static const QRegularExpression blockText(QStringLiteral(":\\s*[|>][-+]?\\d*\\s*$"));

        const auto apply = [&](const QRegularExpression &pattern, const QTextCharFormat &format,
                               int group) {
            auto it = pattern.globalMatch(code);
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                setFormat(int(match.capturedStart(group)), int(match.capturedLength(group)),
                          format);
            }
        };
        apply(number, m_number, 0);
        apply(duration, m_duration, 0);
        apply(quoted, m_string, 0);
        apply(flowKey, m_key, 1);
        apply(blockKey, m_key, 1);
        apply(marker, m_marker, 1);
        if (comment < text.size())
            setFormat(comment, int(text.size()) - comment, m_comment);

        const QRegularExpressionMatch key = blockKey.match(code);
        if (key.hasMatch() && blockText.match(code).hasMatch())
            setCurrentBlockState(int(key.capturedStart(1)) + 1);
    }

    for (const TextDiagnostic &diagnostic : m_diagnostics.value(currentBlock().blockNumber())) {
        const auto [first, last] = span(text, diagnostic.column);
        for (int i = first; i < last; ++i) {
            QTextCharFormat underlined = format(i);
            underlined.setUnderlineStyle(QTextCharFormat::WaveUnderline);
            underlined.setUnderlineColor(Qt::red);
            underlined.setToolTip(diagnostic.message);
            setFormat(i, 1, underlined);
        }
    }
}

} // namespace carteiro::app
