#include "app/editor/scenariotext.h"

#include <QRegularExpression>

namespace carteiro::app {

namespace {

constexpr int kDefaultIndent = 2; // entries of a section that has none yet

int indentOf(const QString &line)
{
    int i = 0;
    while (i < line.size() && line.at(i) == QLatin1Char(' '))
        ++i;
    return i;
}

bool isComment(const QString &line)
{
    return line.trimmed().startsWith(QLatin1Char('#'));
}

bool hasContent(const QString &line)
{
    const QString trimmed = line.trimmed();
    return !trimmed.isEmpty() && !trimmed.startsWith(QLatin1Char('#'));
}

// A quote opens a string only where a token starts: "it's" is plain text.
bool opensQuote(const QString &text, int at)
{
    const QChar c = text.at(at);
    if (c != QLatin1Char('"') && c != QLatin1Char('\''))
        return false;
    return at == 0 || QStringView(u" \t\n[{,:").contains(text.at(at - 1));
}

// Past the quoted string that starts at `at`.
int skipQuoted(const QString &text, int at)
{
    const QChar quote = text.at(at);
    int i = at + 1;
    while (i < text.size()) {
        const QChar c = text.at(i);
        if (quote == QLatin1Char('"') && c == QLatin1Char('\\')) {
            i += 2;
            continue;
        }
        if (c == quote) {
            if (quote == QLatin1Char('\'') && i + 1 < text.size() && text.at(i + 1) == quote) {
                i += 2; // '' is an escaped quote
                continue;
            }
            return i + 1;
        }
        ++i;
    }
    return i;
}

} // namespace

int ScenarioText::commentColumn(const QString &line, int from)
{
    int i = from;
    while (i < line.size()) {
        if (opensQuote(line, i)) {
            i = skipQuoted(line, i);
            continue;
        }
        if (line.at(i) == QLatin1Char('#') && (i == 0 || line.at(i - 1).isSpace()))
            return i;
        ++i;
    }
    return int(line.size());
}

namespace {

// The key that starts at `column` ("name:" or "- " already skipped); its end is the colon.
bool keyAt(const QString &line, int column, QString *key, int *colon)
{
    static const QRegularExpression pattern(QStringLiteral(
        "(\"[^\"]*\"|'[^']*'|[^\\s#'\"{\\[\\-][^#]*?|-[^\\s#][^#]*?)\\s*:(?=\\s|$)"));
    const QRegularExpressionMatch match =
        pattern.match(line, column, QRegularExpression::NormalMatch,
                      QRegularExpression::AnchorAtOffsetMatchOption);
    if (!match.hasMatch())
        return false;
    QString text = match.captured(1);
    if (text.size() >= 2 &&
        (text.startsWith(QLatin1Char('"')) || text.startsWith(QLatin1Char('\''))))
        text = text.mid(1, text.size() - 2);
    if (key)
        *key = text;
    if (colon)
        *colon = int(match.capturedEnd(0)) - 1;
    return true;
}

} // namespace

// Every edit forgets the entries found so far, on its way out.
struct ScenarioText::Invalidator
{
    QHash<QString, QList<Entry>> &entries;
    ~Invalidator() { entries.clear(); }
};

ScenarioText::ScenarioText(const QString &text) : m_lines(text.split(QLatin1Char('\n'))) {}

QString ScenarioText::scalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_@/][A-Za-z0-9_.@/ +-]*$"));
    static const QStringList reserved{QStringLiteral("true"), QStringLiteral("false"),
                                      QStringLiteral("yes"),  QStringLiteral("no"),
                                      QStringLiteral("on"),   QStringLiteral("off"),
                                      QStringLiteral("null"), QStringLiteral("~")};
    if (plain.match(text).hasMatch() && !text.endsWith(QLatin1Char(' ')) &&
        !reserved.contains(text.toLower()))
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""))
        .replace(QLatin1Char('\n'), QLatin1String("\\n"))
        .replace(QLatin1Char('\t'), QLatin1String("\\t"));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString ScenarioText::flowList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted << scalar(item);
    return QLatin1Char('[') + quoted.join(QLatin1String(", ")) + QLatin1Char(']');
}

int ScenarioText::sectionLine(const QString &section) const
{
    for (int i = 0; i < m_lines.size(); ++i) {
        const QString &line = m_lines.at(i);
        if (!line.startsWith(section))
            continue;
        QString key;
        if (keyAt(line, 0, &key, nullptr) && key == section)
            return i;
    }
    return -1;
}

int ScenarioText::sectionEnd(int keyLine) const
{
    int last = keyLine;
    for (int i = keyLine + 1; i < m_lines.size(); ++i) {
        const QString &line = m_lines.at(i);
        if (!line.isEmpty() && line.at(0) != QLatin1Char(' ') && line.at(0) != QLatin1Char('#') &&
            line.at(0) != QLatin1Char('-'))
            break; // the next top-level key
        if (hasContent(line))
            last = i;
    }
    return last;
}

bool ScenarioText::isInline(const QString &section) const
{
    const int line = sectionLine(section);
    if (line < 0)
        return false;
    const QString &text = m_lines.at(line);
    int colon = 0;
    keyAt(text, 0, nullptr, &colon);
    const QString value = text.mid(colon + 1, commentColumn(text, colon + 1) - colon - 1).trimmed();
    return !value.isEmpty() && value != QLatin1String("{}") && value != QLatin1String("[]");
}

bool ScenarioText::isListSection(const QString &section) const
{
    const int line = sectionLine(section);
    if (line >= 0) {
        const int end = sectionEnd(line);
        for (int i = line + 1; i <= end; ++i)
            if (hasContent(m_lines.at(i)))
                return m_lines.at(i).trimmed().startsWith(QLatin1Char('-'));
    }
    return section == QLatin1String("steps") || section == QLatin1String("links");
}

QList<ScenarioText::Entry> ScenarioText::entries(const QString &section) const
{
    if (const auto cached = m_entries.constFind(section); cached != m_entries.cend())
        return *cached;
    QList<Entry> found = findEntries(section);
    m_entries.insert(section, found);
    return found;
}

QList<ScenarioText::Entry> ScenarioText::findEntries(const QString &section) const
{
    const int keyLine = sectionLine(section);
    if (keyLine < 0 || isInline(section))
        return {};
    const int end = sectionEnd(keyLine);
    const bool list = isListSection(section);
    int indent = -1;
    QList<Entry> found;
    for (int i = keyLine + 1; i <= end; ++i) {
        const QString &line = m_lines.at(i);
        if (!hasContent(line))
            continue;
        const int column = indentOf(line);
        if (indent < 0)
            indent = column;
        if (column < indent)
            return {}; // not the shape this class understands; the text tab still does
        if (column > indent)
            continue;
        const bool item = line.mid(column).startsWith(QLatin1Char('-'));
        if (item != list)
            return {};
        Entry entry;
        entry.first = i;
        entry.indent = column;
        if (!list && !keyAt(line, column, &entry.key, nullptr))
            return {};
        found.append(entry);
    }
    for (int k = 0; k < found.size(); ++k) {
        Entry &entry = found[k];
        const int next = k + 1 < found.size() ? found.at(k + 1).first : end + 1;
        entry.last = entry.first;
        for (int i = entry.first; i < next; ++i)
            if (hasContent(m_lines.at(i)))
                entry.last = i;
        const int floor = k > 0 ? found.at(k - 1).last : keyLine;
        entry.lead = entry.first;
        while (entry.lead - 1 > floor && isComment(m_lines.at(entry.lead - 1)))
            --entry.lead;
    }
    return found;
}

ScenarioText::Body ScenarioText::body(const Entry &entry, bool listItem) const
{
    Body result;
    const QString &header = m_lines.at(entry.first);
    int start = 0; // where the entry's mapping starts on the header line
    if (listItem) {
        start = entry.indent + 1;
        while (start < header.size() && header.at(start) == QLatin1Char(' '))
            ++start;
    } else {
        int colon = 0;
        if (!keyAt(header, entry.indent, nullptr, &colon))
            return result;
        start = colon + 1;
        while (start < header.size() && header.at(start) == QLatin1Char(' '))
            ++start;
    }
    const int headerEnd = commentColumn(header, start);
    const bool headerHasValue = !header.mid(start, headerEnd - start).trimmed().isEmpty();

    if (headerHasValue && header.at(start) == QLatin1Char('{')) {
        // Flow style: scan the entry's text from the brace.
        result.flow = true;
        QStringList lines = m_lines.mid(entry.first, entry.last - entry.first + 1);
        result.joined = lines.join(QLatin1Char('\n'));
        const QString &text = result.joined;
        result.open = start;
        int i = start + 1;
        auto skipSpace = [&]() {
            while (i < text.size()) {
                if (text.at(i).isSpace() || text.at(i) == QLatin1Char(',')) {
                    ++i;
                } else if (text.at(i) == QLatin1Char('#') && text.at(i - 1).isSpace()) {
                    while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                        ++i;
                } else {
                    break;
                }
            }
        };
        while (true) {
            skipSpace();
            if (i >= text.size())
                return result; // unclosed: left to the loader to report
            if (text.at(i) == QLatin1Char('}')) {
                result.close = i;
                break;
            }
            Field field;
            field.flowStart = i;
            if (opensQuote(text, i)) {
                const int end = skipQuoted(text, i);
                field.key = text.mid(i + 1, end - i - 2);
                i = end;
                while (i < text.size() && text.at(i) == QLatin1Char(' '))
                    ++i;
            } else {
                const int keyStart = i;
                while (i < text.size() && text.at(i) != QLatin1Char(',') &&
                       text.at(i) != QLatin1Char('}') &&
                       !(text.at(i) == QLatin1Char(':') &&
                         (i + 1 >= text.size() || QStringView(u" \n,}").contains(text.at(i + 1)))))
                    ++i;
                field.key = text.mid(keyStart, i - keyStart).trimmed();
            }
            if (i < text.size() && text.at(i) == QLatin1Char(':'))
                ++i;
            while (i < text.size() && text.at(i) == QLatin1Char(' '))
                ++i;
            field.flowValueStart = i;
            int depth = 0;
            int valueEnd = i;
            while (i < text.size()) {
                const QChar c = text.at(i);
                if (opensQuote(text, i)) {
                    i = skipQuoted(text, i);
                    valueEnd = i;
                    continue;
                }
                if (c == QLatin1Char('#') && i > 0 && text.at(i - 1).isSpace()) {
                    while (i < text.size() && text.at(i) != QLatin1Char('\n'))
                        ++i;
                    continue;
                }
                if (depth == 0 && (c == QLatin1Char(',') || c == QLatin1Char('}')))
                    break;
                if (c == QLatin1Char('[') || c == QLatin1Char('{'))
                    ++depth;
                else if (c == QLatin1Char(']') || c == QLatin1Char('}'))
                    --depth;
                ++i;
                if (!c.isSpace())
                    valueEnd = i;
            }
            field.flowValueEnd = valueEnd;
            result.fields.append(field);
        }
        result.valid = true;
        return result;
    }
    if (headerHasValue && !listItem)
        return result; // "name: value": not a mapping

    // Block style: one field per line at the child indentation.
    QList<int> fieldLines;
    if (headerHasValue) {
        result.childIndent = start;
        fieldLines << entry.first;
    }
    for (int i = entry.first + 1; i <= entry.last; ++i) {
        const QString &line = m_lines.at(i);
        if (!hasContent(line))
            continue;
        const int column = indentOf(line);
        if (result.childIndent < 0)
            result.childIndent = column;
        if (column == result.childIndent)
            fieldLines << i;
    }
    if (result.childIndent < 0)
        result.childIndent = entry.indent + kDefaultIndent;
    for (int k = 0; k < fieldLines.size(); ++k) {
        const int line = fieldLines.at(k);
        const QString &text = m_lines.at(line);
        const int column = line == entry.first ? start : result.childIndent;
        Field field;
        field.line = line;
        int colon = 0;
        if (!keyAt(text, column, &field.key, &colon))
            return result;
        field.valueColumn = colon + 1;
        field.valueEnd = commentColumn(text, field.valueColumn);
        const int next = k + 1 < fieldLines.size() ? fieldLines.at(k + 1) : entry.last + 1;
        field.lastLine = line;
        for (int i = line + 1; i < next; ++i)
            if (hasContent(m_lines.at(i)))
                field.lastLine = i;
        result.fields.append(field);
    }
    result.valid = true;
    return result;
}

QStringList ScenarioText::keys(const QString &section, int index) const
{
    const QList<Entry> all = entries(section);
    if (index < 0 || index >= all.size())
        return {};
    QStringList names;
    for (const Field &field : body(all.at(index), isListSection(section)).fields)
        names << field.key;
    return names;
}

QString ScenarioText::value(const QString &section, int index, const QString &key) const
{
    const QList<Entry> all = entries(section);
    if (index < 0 || index >= all.size())
        return {};
    const Body found = body(all.at(index), isListSection(section));
    for (const Field &field : found.fields) {
        if (field.key != key)
            continue;
        if (found.flow)
            return found.joined.mid(field.flowValueStart,
                                    field.flowValueEnd - field.flowValueStart);
        const QString &line = m_lines.at(field.line);
        QStringList parts{
            line.mid(field.valueColumn, field.valueEnd - field.valueColumn).trimmed()};
        for (int i = field.line + 1; i <= field.lastLine; ++i)
            parts << m_lines.at(i);
        return parts.join(QLatin1Char('\n'));
    }
    return {};
}

bool ScenarioText::isMultiLine(const QString &section, int index, const QString &key) const
{
    return value(section, index, key).contains(QLatin1Char('\n'));
}

bool ScenarioText::replaceEntryLines(const Entry &entry, const QString &joined)
{
    Invalidator invalidate{m_entries};
    const QStringList replacement = joined.split(QLatin1Char('\n'));
    for (int i = entry.last; i >= entry.first; --i)
        m_lines.removeAt(i);
    for (int i = 0; i < replacement.size(); ++i)
        m_lines.insert(entry.first + i, replacement.at(i));
    return true;
}

bool ScenarioText::setValue(const QString &section, int index, const QString &key,
                            const QString &yaml)
{
    Invalidator invalidate{m_entries};
    const QList<Entry> all = entries(section);
    if (index < 0 || index >= all.size())
        return false;
    const Entry &entry = all.at(index);
    const Body found = body(entry, isListSection(section));
    if (!found.valid)
        return false;
    int at = -1;
    for (int k = 0; k < found.fields.size(); ++k)
        if (found.fields.at(k).key == key)
            at = k;

    if (found.flow) {
        QString text = found.joined;
        if (at >= 0) {
            const Field &field = found.fields.at(at);
            if (yaml.isEmpty()) {
                if (at + 1 < found.fields.size())
                    text.remove(field.flowStart,
                                found.fields.at(at + 1).flowStart - field.flowStart);
                else if (at > 0)
                    text.remove(found.fields.at(at - 1).flowValueEnd,
                                field.flowValueEnd - found.fields.at(at - 1).flowValueEnd);
                else
                    text.remove(found.open + 1, found.close - found.open - 1);
            } else {
                const bool needsSpace = text.at(field.flowValueStart - 1) == QLatin1Char(':');
                text.replace(field.flowValueStart, field.flowValueEnd - field.flowValueStart,
                             (needsSpace ? QStringLiteral(" ") : QString()) + yaml);
            }
        } else if (!yaml.isEmpty()) {
            const QString pair = key + QStringLiteral(": ") + yaml;
            if (found.fields.isEmpty())
                text.insert(found.open + 1, pair);
            else
                text.insert(found.fields.last().flowValueEnd, QStringLiteral(", ") + pair);
        }
        return replaceEntryLines(entry, text);
    }

    const QString childPad(found.childIndent, QLatin1Char(' '));
    QStringList valueLines = yaml.split(QLatin1Char('\n'));
    for (int i = 1; i < valueLines.size(); ++i)
        valueLines[i] = childPad + QStringLiteral("  ") + valueLines.at(i);
    if (at >= 0) {
        const Field &field = found.fields.at(at);
        if (yaml.isEmpty()) {
            if (field.line == entry.first)
                return false; // the "- at:" line carries the item's dash
            for (int i = field.lastLine; i >= field.line; --i)
                m_lines.removeAt(i);
            return true;
        }
        const QString &line = m_lines.at(field.line);
        QString comment;
        if (field.valueEnd < line.size() && field.lastLine == field.line) {
            int gap = field.valueEnd;
            while (gap > field.valueColumn && line.at(gap - 1) == QLatin1Char(' '))
                --gap;
            comment = line.mid(gap);
        }
        valueLines.first() = line.left(field.valueColumn) + QLatin1Char(' ') + valueLines.first();
        valueLines.last() += comment;
        for (int i = field.lastLine; i >= field.line; --i)
            m_lines.removeAt(i);
        for (int i = 0; i < valueLines.size(); ++i)
            m_lines.insert(field.line + i, valueLines.at(i));
        return true;
    }
    if (yaml.isEmpty())
        return true;
    const int after = found.fields.isEmpty() ? entry.first : found.fields.last().lastLine;
    valueLines.first() = childPad + key + QStringLiteral(": ") + valueLines.first();
    for (int i = 0; i < valueLines.size(); ++i)
        m_lines.insert(after + 1 + i, valueLines.at(i));
    return true;
}

bool ScenarioText::renameEntry(const QString &section, int index, const QString &key)
{
    Invalidator invalidate{m_entries};
    const QList<Entry> all = entries(section);
    if (index < 0 || index >= all.size() || isListSection(section) || key.trimmed().isEmpty())
        return false;
    const Entry &entry = all.at(index);
    QString &line = m_lines[entry.first];
    int colon = 0;
    if (!keyAt(line, entry.indent, nullptr, &colon))
        return false;
    line.replace(entry.indent, colon - entry.indent, scalar(key.trimmed()));
    return true;
}

bool ScenarioText::append(const QString &section, const QString &yaml)
{
    Invalidator invalidate{m_entries};
    QStringList added = yaml.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    int keyLine = sectionLine(section);
    if (keyLine < 0) {
        // A new section at the end of the file.
        int end = int(m_lines.size());
        while (end > 0 && m_lines.at(end - 1).trimmed().isEmpty())
            --end;
        QStringList block;
        if (end > 0)
            block << QString();
        block << section + QLatin1Char(':');
        for (const QString &line : added)
            block << QString(kDefaultIndent, QLatin1Char(' ')) + line;
        for (int i = 0; i < block.size(); ++i)
            m_lines.insert(end + i, block.at(i));
        if (m_lines.last().isEmpty() == false)
            m_lines << QString();
        return true;
    }
    if (isInline(section))
        return false;
    QString &header = m_lines[keyLine];
    int colon = 0;
    keyAt(header, 0, nullptr, &colon);
    const int comment = commentColumn(header, colon + 1);
    if (!header.mid(colon + 1, comment - colon - 1).trimmed().isEmpty()) // "steps: []"
        header = header.left(colon + 1) +
                 (comment < header.size() ? QStringLiteral(" ") + header.mid(comment) : QString());
    const QList<Entry> existing = entries(section);
    const int indent = existing.isEmpty() ? kDefaultIndent : existing.first().indent;
    const int at = sectionEnd(keyLine) + 1;
    for (int i = 0; i < added.size(); ++i)
        m_lines.insert(at + i, QString(indent, QLatin1Char(' ')) + added.at(i));
    return true;
}

bool ScenarioText::remove(const QString &section, int index)
{
    Invalidator invalidate{m_entries};
    const QList<Entry> all = entries(section);
    if (index < 0 || index >= all.size())
        return false;
    const Entry &entry = all.at(index);
    for (int i = entry.last; i >= entry.lead; --i)
        m_lines.removeAt(i);
    return true;
}

bool ScenarioText::swapWithNext(const QString &section, int index)
{
    Invalidator invalidate{m_entries};
    const QList<Entry> all = entries(section);
    if (index < 0 || index + 1 >= all.size())
        return false;
    const Entry &a = all.at(index);
    const Entry &b = all.at(index + 1);
    const QStringList first = m_lines.mid(a.lead, a.last - a.lead + 1);
    const QStringList gap = m_lines.mid(a.last + 1, b.lead - a.last - 1);
    const QStringList second = m_lines.mid(b.lead, b.last - b.lead + 1);
    const QStringList swapped = second + gap + first;
    for (int i = 0; i < swapped.size(); ++i)
        m_lines[a.lead + i] = swapped.at(i);
    return true;
}

} // namespace carteiro::app
