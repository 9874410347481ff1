#include "core/scenario/yamlfields.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <limits>
#include <vector>

namespace carteiro::core {

namespace {

// Optimal string alignment distance: Levenshtein plus adjacent transpositions, the usual
// typing slips ("form" for "from").
int editDistance(const QString &a, const QString &b)
{
    const int n = int(a.size());
    const int m = int(b.size());
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1, 0));
    for (int i = 0; i <= n; ++i)
        d[i][0] = i;
    for (int j = 0; j <= m; ++j)
        d[0][j] = j;
    for (int i = 1; i <= n; ++i) {
        for (int j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

int allowedEdits(const QString &candidate)
{
    if (candidate.size() >= 8)
        return 3;
    if (candidate.size() >= 4)
        return 2;
    return 1;
}

QString scalarText(const YAML::Node &node)
{
    return QString::fromStdString(node.Scalar());
}

} // namespace

void ScenarioDiagnostics::error(SourcePos pos, const QString &message)
{
    ScenarioError error;
    error.file = m_fileName;
    error.line = pos.line;
    error.column = pos.column;
    error.message = message;
    m_errors.append(error);
}

QList<ScenarioError> ScenarioDiagnostics::sorted() const
{
    QList<ScenarioError> errors = m_errors;
    std::stable_sort(errors.begin(), errors.end(),
                     [](const ScenarioError &a, const ScenarioError &b) {
                         return a.line != b.line ? a.line < b.line : a.column < b.column;
                     });
    // The same name reached twice (an alias, say) gives the same error twice: keep one.
    QList<ScenarioError> unique;
    QSet<QString> seen;
    for (const ScenarioError &error : errors) {
        const QString key = error.toString();
        if (!seen.contains(key)) {
            seen.insert(key);
            unique.append(error);
        }
    }
    return unique;
}

SourcePos positionOf(const YAML::Node &node)
{
    const YAML::Mark mark = node.Mark();
    if (mark.is_null() || mark.line < 0 || mark.column < 0)
        return {1, 1};
    return {mark.line + 1, mark.column + 1};
}

QString closestMatch(const QString &word, const QStringList &candidates)
{
    const QString lowered = word.toLower();
    QString best;
    int bestDistance = std::numeric_limits<int>::max();
    for (const QString &candidate : candidates) {
        const int distance = editDistance(lowered, candidate.toLower());
        if (distance <= allowedEdits(candidate) && distance < word.size() &&
            distance < bestDistance) {
            best = candidate;
            bestDistance = distance;
        }
    }
    return best;
}

QString didYouMean(const QString &word, const QStringList &candidates)
{
    const QString match = closestMatch(word, candidates);
    return match.isEmpty() ? QString() : QStringLiteral("; did you mean '%1'?").arg(match);
}

QStringList wordList(const char *words)
{
    return QString::fromLatin1(words).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QStringList keyUnion(const QStringList &names, QStringList (*keysOf)(const QString &))
{
    QStringList all;
    for (const QString &name : names)
        for (const QString &key : keysOf(name))
            if (!all.contains(key))
                all.append(key);
    return all;
}

bool looksLikeAddress(const QString &text)
{
    static const QRegularExpression shape(QStringLiteral("^[^@\\s<>,]+@[^@\\s<>,]+$"));
    return shape.match(text).hasMatch();
}

QString quotedAlternatives(const QStringList &words)
{
    QStringList quoted;
    for (const QString &word : words)
        quoted.append(QLatin1Char('\'') + word + QLatin1Char('\''));
    if (quoted.size() < 2)
        return quoted.join(QString());
    const QString last = quoted.takeLast();
    return quoted.join(QLatin1String(", ")) + QLatin1String(" or ") + last;
}

SourcePos YamlField::valuePos() const
{
    if (!value.IsDefined() || value.IsNull())
        return keyPos;
    return positionOf(value);
}

YamlMap::YamlMap(const YamlField &field, ScenarioDiagnostics &diagnostics,
                 Qt::CaseSensitivity duplicateCase)
    : m_diagnostics(diagnostics), m_pos(field.keyPos)
{
    if (!field.value.IsMap()) {
        diagnostics.error(
            field.valuePos(),
            QStringLiteral("expected a map; got %1").arg(FieldReader::describe(field.value)));
        return;
    }
    m_valid = true;
    QHash<QString, YamlField> seen;
    for (auto it = field.value.begin(); it != field.value.end(); ++it) {
        const SourcePos keyPos = positionOf(it->first);
        if (!it->first.IsScalar()) {
            diagnostics.error(keyPos, QStringLiteral("expected a key name; got %1")
                                          .arg(FieldReader::describe(it->first)));
            continue;
        }
        YamlField entry{scalarText(it->first), keyPos, it->second};
        const QString folded =
            duplicateCase == Qt::CaseInsensitive ? entry.key.toLower() : entry.key;
        const auto first = seen.constFind(folded);
        if (first != seen.cend()) {
            if (first->key == entry.key) {
                diagnostics.error(keyPos, QStringLiteral("duplicate key '%1' (first at line %2)")
                                              .arg(entry.key)
                                              .arg(first->keyPos.line));
            } else {
                diagnostics.error(keyPos,
                                  QStringLiteral("duplicate key '%1': names ignore case, and "
                                                 "'%2' is at line %3")
                                      .arg(entry.key, first->key)
                                      .arg(first->keyPos.line));
            }
            continue;
        }
        seen.insert(folded, entry);
        m_fields.append(entry);
    }
}

const YamlField *YamlMap::find(const QString &key) const
{
    for (const YamlField &field : m_fields)
        if (field.key == key)
            return &field;
    return nullptr;
}

void YamlMap::checkKeys(const QStringList &allowed,
                        const std::function<QString(const QString &)> &misplaced) const
{
    for (const YamlField &field : m_fields) {
        if (allowed.contains(field.key))
            continue;
        QString message = misplaced ? misplaced(field.key) : QString();
        if (message.isEmpty()) {
            message = QStringLiteral("unknown key '%1'").arg(field.key);
            const QString suggestion = didYouMean(field.key, allowed);
            if (!suggestion.isEmpty())
                message += suggestion;
            else if (allowed.size() <= 12)
                message += QStringLiteral("; expected %1").arg(quotedAlternatives(allowed));
        }
        m_diagnostics.error(field.keyPos, message);
    }
}

bool YamlMap::require(const QString &key, const QString &detail) const
{
    if (!m_valid || find(key))
        return m_valid;
    m_diagnostics.error(m_pos, QStringLiteral("missing required key '%1'").arg(key) + detail);
    return false;
}

void FieldReader::error(const YamlField &field, const QString &message)
{
    m_diagnostics.error(field.valuePos(), message);
}

QString FieldReader::describe(const YAML::Node &node)
{
    if (!node.IsDefined() || node.IsNull())
        return QStringLiteral("nothing");
    if (node.IsMap())
        return node.size() == 0 ? QStringLiteral("an empty map") : QStringLiteral("a map");
    if (node.IsSequence())
        return node.size() == 0 ? QStringLiteral("an empty list") : QStringLiteral("a list");
    QString text = scalarText(node);
    text.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    if (text.size() > 40)
        text = text.left(37) + QLatin1String("...");
    return QLatin1Char('\'') + text + QLatin1Char('\'');
}

bool FieldReader::expectScalar(const YamlField &field, const QString &expected)
{
    if (field.value.IsScalar())
        return true;
    error(field, QStringLiteral("expected %1; got %2").arg(expected, describe(field.value)));
    return false;
}

std::optional<QString> FieldReader::string(const YamlField &field)
{
    if (!expectScalar(field, QStringLiteral("a string")))
        return std::nullopt;
    return scalarText(field.value);
}

std::optional<qint64> FieldReader::integer(const YamlField &field, qint64 min, qint64 max,
                                           const QString &label)
{
    if (!expectScalar(field, QStringLiteral("a number")))
        return std::nullopt;
    const QString text = scalarText(field.value).trimmed();
    bool ok = false;
    const qint64 value = text.toLongLong(&ok, 10);
    const QString range =
        QStringLiteral("%1 %2 is out of range (%3-%4)").arg(label, text).arg(min).arg(max);
    if (!ok) {
        static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]+$"));
        if (digits.match(text).hasMatch())
            error(field, range); // beyond 64 bits
        else if (bool isNumber = false; text.toDouble(&isNumber), isNumber)
            error(field, QStringLiteral("expected a whole number; got %1").arg(text));
        else
            error(field, QStringLiteral("expected a number; got %1").arg(describe(field.value)));
        return std::nullopt;
    }
    if (value < 0 && (min == 0 || min == 1)) {
        error(field, QStringLiteral("expected a %1 number; got %2")
                         .arg(min == 0 ? QLatin1String("non-negative") : QLatin1String("positive"))
                         .arg(value));
        return std::nullopt;
    }
    if (value < min || value > max) {
        error(field, range);
        return std::nullopt;
    }
    return value;
}

std::optional<quint64> FieldReader::unsignedInteger(const YamlField &field)
{
    if (!expectScalar(field, QStringLiteral("a number")))
        return std::nullopt;
    const QString text = scalarText(field.value).trimmed();
    bool ok = false;
    const quint64 value = text.toULongLong(&ok, 10);
    if (ok && !text.startsWith(QLatin1Char('-')))
        return value;
    static const QRegularExpression digits(QStringLiteral("^[+]?[0-9]+$"));
    if (bool isNumber = false;
        text.toDouble(&isNumber), isNumber && text.startsWith(QLatin1Char('-')))
        error(field, QStringLiteral("expected a non-negative number; got %1").arg(text));
    else if (digits.match(text).hasMatch())
        error(field, QStringLiteral("number %1 is too large").arg(text));
    else
        error(field, QStringLiteral("expected a number; got %1").arg(describe(field.value)));
    return std::nullopt;
}

std::optional<bool> FieldReader::boolean(const YamlField &field)
{
    if (!expectScalar(field, QStringLiteral("true or false")))
        return std::nullopt;
    const QString text = scalarText(field.value).trimmed().toLower();
    if (text == QLatin1String("true") || text == QLatin1String("yes") ||
        text == QLatin1String("on"))
        return true;
    if (text == QLatin1String("false") || text == QLatin1String("no") ||
        text == QLatin1String("off"))
        return false;
    error(field, QStringLiteral("expected true or false; got %1").arg(describe(field.value)));
    return std::nullopt;
}

std::optional<SimTime> FieldReader::duration(const YamlField &field)
{
    const QString expected = QStringLiteral("a duration like 20s, 30m, 1h30m");
    if (!expectScalar(field, expected))
        return std::nullopt;
    const QString text = scalarText(field.value).trimmed();
    if (const auto value = ScenarioLoader::parseDuration(text))
        return value;
    QString message = QStringLiteral("expected %1; got %2").arg(expected, describe(field.value));
    if (text.startsWith(QLatin1Char('-')) && ScenarioLoader::parseDuration(text.mid(1)))
        message += QStringLiteral(" (a duration cannot be negative)");
    error(field, message);
    return std::nullopt;
}

std::optional<qint64> FieldReader::size(const YamlField &field)
{
    const QString expected = QStringLiteral("a size like 512, 3KB, 2MB");
    if (!expectScalar(field, expected))
        return std::nullopt;
    if (const auto value = ScenarioLoader::parseSize(scalarText(field.value)))
        return value;
    QString message = QStringLiteral("expected %1; got %2").arg(expected, describe(field.value));
    const QString text = scalarText(field.value).trimmed();
    if (text.startsWith(QLatin1Char('-')) && ScenarioLoader::parseSize(text.mid(1)))
        message += QStringLiteral(" (a size cannot be negative)");
    error(field, message);
    return std::nullopt;
}

std::optional<LocalizedText> FieldReader::text(const YamlField &field)
{
    const QString expected = QStringLiteral("a string or {en:, pt:}");
    if (field.value.IsScalar())
        return LocalizedText{scalarText(field.value), QString()};
    if (!field.value.IsMap() || field.value.size() == 0) {
        error(field, QStringLiteral("expected %1; got %2").arg(expected, describe(field.value)));
        return std::nullopt;
    }
    const YamlMap map(field, m_diagnostics);
    map.checkKeys({QStringLiteral("en"), QStringLiteral("pt")});
    LocalizedText result;
    bool ok = true;
    if (const YamlField *en = map.find(QStringLiteral("en"))) {
        const auto value = string(*en);
        ok = ok && value.has_value();
        result.en = value.value_or(QString());
    }
    if (const YamlField *pt = map.find(QStringLiteral("pt"))) {
        const auto value = string(*pt);
        ok = ok && value.has_value();
        result.pt = value.value_or(QString());
    }
    if (!ok)
        return std::nullopt;
    return result;
}

std::optional<QString> FieldReader::choice(const YamlField &field, const QString &what,
                                           const QStringList &choices)
{
    const auto value = string(field);
    if (!value)
        return std::nullopt;
    if (choices.contains(*value))
        return value;
    QString message = QStringLiteral("unknown %1 '%2'").arg(what, *value);
    const QString suggestion = didYouMean(*value, choices);
    message += suggestion.isEmpty()
                   ? QStringLiteral("; expected %1").arg(quotedAlternatives(choices))
                   : suggestion;
    error(field, message);
    return std::nullopt;
}

std::optional<QString> FieldReader::address(const YamlField &field)
{
    const auto value = string(field);
    if (!value)
        return std::nullopt;
    const QString trimmed = value->trimmed();
    if (looksLikeAddress(trimmed))
        return trimmed;
    QString message = QStringLiteral("expected an address like bob@hamburger.edu; got %1")
                          .arg(describe(field.value));
    if (trimmed.contains(QLatin1Char(',')))
        message += QStringLiteral(" (write several addresses as a list)");
    error(field, message);
    return std::nullopt;
}

std::optional<QList<YamlField>> FieldReader::list(const YamlField &field)
{
    QList<YamlField> items;
    if (field.value.IsNull())
        return items;
    if (!field.value.IsSequence()) {
        error(field, QStringLiteral("expected a list; got %1").arg(describe(field.value)));
        return std::nullopt;
    }
    for (const YAML::Node &item : field.value) {
        SourcePos pos = positionOf(item);
        if (item.IsNull())
            pos = field.valuePos(); // an empty item is marked at the next token
        items.append(YamlField{QString(), pos, item});
    }
    return items;
}

std::optional<QStringList> FieldReader::stringList(const YamlField &field, bool singleAllowed)
{
    if (singleAllowed && field.value.IsScalar())
        return QStringList{scalarText(field.value)};
    const auto items = list(field);
    if (!items)
        return std::nullopt;
    QStringList result;
    bool ok = true;
    for (const YamlField &item : *items) {
        if (const auto value = string(item))
            result.append(*value);
        else
            ok = false;
    }
    if (!ok)
        return std::nullopt;
    return result;
}

QString formatDuration(SimTime duration)
{
    if (duration == 0)
        return QStringLiteral("0s");
    QString text;
    if (duration < 0) {
        text = QStringLiteral("-");
        duration = -duration;
    }
    const struct
    {
        SimTime size;
        const char *unit;
    } units[] = {{kDay, "d"}, {kHour, "h"}, {kMinute, "m"}, {kSecond, "s"}, {1, "ms"}};
    for (const auto &unit : units) {
        if (duration >= unit.size) {
            text += QString::number(duration / unit.size) + QLatin1String(unit.unit);
            duration %= unit.size;
        }
    }
    return text;
}

} // namespace carteiro::core
