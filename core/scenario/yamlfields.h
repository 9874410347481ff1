#pragma once

// Internal to core/scenario (yaml-cpp is linked privately): typed reading of YAML values
// that records an error for every bad value instead of stopping at the first one.

#include "core/scenario/scenarioloader.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <yaml-cpp/yaml.h>

#include <functional>
#include <optional>

namespace carteiro::core {

// Every error found in one file. Sorted into file order when read back.
class ScenarioDiagnostics
{
public:
    explicit ScenarioDiagnostics(QString fileName) : m_fileName(std::move(fileName)) {}

    void error(SourcePos pos, const QString &message);
    int count() const { return int(m_errors.size()); }
    // In file order (line, then column; equal positions keep the order found), without
    // repeats.
    QList<ScenarioError> sorted() const;

private:
    QString m_fileName;
    QList<ScenarioError> m_errors;
};

// yaml-cpp marks are 0-based; ours are 1-based. A node without a mark maps to 1:1.
SourcePos positionOf(const YAML::Node &node);

// The candidate closest to `word` (case-insensitive optimal string alignment distance) if it
// is a near miss: at most 1 edit for short words, 2 from 4 letters, 3 from 8. Else empty.
QString closestMatch(const QString &word, const QStringList &candidates);
// "; did you mean 'local_domains'?" or "".
QString didYouMean(const QString &word, const QStringList &candidates);
// "local@domain": enough of RFC 5321 section 4.1.2 to catch slips (one '@', something on
// each side, no spaces, commas or angle brackets).
bool looksLikeAddress(const QString &text);
// "a b c" -> {"a", "b", "c"}: the key tables read better as one string.
QStringList wordList(const char *words);
// Every key keysOf() gives for any of `names`, once each, in order.
QStringList keyUnion(const QStringList &names, QStringList (*keysOf)(const QString &));
// "'a', 'b' or 'c'".
QString quotedAlternatives(const QStringList &words);

// One key and its value: a map entry, or an item of a list (then `key` is empty).
struct YamlField
{
    QString key;
    SourcePos keyPos; // the key, or the list item; where errors about a missing value go
    YAML::Node value;

    // The value's own position, or the key's when the value is empty (yaml-cpp marks an
    // empty value at the next token, which may be lines away).
    SourcePos valuePos() const;
};

// One YAML map, read in file order. Reports a value that is not a map, duplicate keys and,
// through checkKeys(), unknown keys.
class YamlMap
{
public:
    // `field` holds the map. Missing keys are reported at field.keyPos: the key that
    // introduced the map, or the map itself for a list item or the document.
    // `duplicateCase`: host names, addresses and domains compare case-insensitively.
    YamlMap(const YamlField &field, ScenarioDiagnostics &diagnostics,
            Qt::CaseSensitivity duplicateCase = Qt::CaseSensitive);

    bool isValid() const { return m_valid; }
    SourcePos pos() const { return m_pos; }
    const QList<YamlField> &fields() const { return m_fields; }
    // The first occurrence of key, or nullptr.
    const YamlField *find(const QString &key) const;

    // Reports every key not in `allowed`. `misplaced` may explain a key that belongs
    // elsewhere ("applies to hosts of role mta"); it returns empty when it has nothing to say.
    void checkKeys(const QStringList &allowed,
                   const std::function<QString(const QString &)> &misplaced = {}) const;
    // Reports "missing required key 'KEY'" + `detail` at the map's position; returns whether
    // the key is there.
    bool require(const QString &key, const QString &detail = {}) const;

private:
    ScenarioDiagnostics &m_diagnostics;
    SourcePos m_pos;
    bool m_valid = false;
    QList<YamlField> m_fields;
};

// Reads one value of a given type. On a bad value, records the error (at the value, or at
// the key when the value is empty) and returns nullopt.
class FieldReader
{
public:
    explicit FieldReader(ScenarioDiagnostics &diagnostics) : m_diagnostics(diagnostics) {}

    ScenarioDiagnostics &diagnostics() { return m_diagnostics; }
    void error(const YamlField &field, const QString &message);

    // Any scalar, as written.
    std::optional<QString> string(const YamlField &field);
    // A whole number in [min, max]; `label` names it in range errors ("port 70000 is out of
    // range (1-65535)").
    std::optional<qint64> integer(const YamlField &field, qint64 min, qint64 max,
                                  const QString &label);
    std::optional<quint64> unsignedInteger(const YamlField &field);
    // true/false (also yes/no, on/off, as YAML 1.1 reads them).
    std::optional<bool> boolean(const YamlField &field);
    std::optional<SimTime> duration(const YamlField &field);
    std::optional<qint64> size(const YamlField &field);
    // A plain string or {en:, pt:}.
    std::optional<LocalizedText> text(const YamlField &field);
    // One of `choices`; `what` names the set in the error ("role", "fault kind").
    std::optional<QString> choice(const YamlField &field, const QString &what,
                                  const QStringList &choices);
    // "local@domain".
    std::optional<QString> address(const YamlField &field);
    // The items of a list, each with its position. An empty value is an empty list.
    std::optional<QList<YamlField>> list(const YamlField &field);
    // A list of scalars; with `singleAllowed`, one scalar is a list of one.
    std::optional<QStringList> stringList(const YamlField &field, bool singleAllowed = false);

    // "a map", "a list", "nothing", "'soon'": what a value is, for "expected X; got Y".
    static QString describe(const YAML::Node &node);

private:
    bool expectScalar(const YamlField &field, const QString &expected);

    ScenarioDiagnostics &m_diagnostics;
};

// "1h30m", "250ms", "0s": the shortest spelling parseDuration() reads back.
QString formatDuration(SimTime duration);

} // namespace carteiro::core
