#include "core/scenario/scenarioloader.h"

#include "core/scenario/scenarioreader.h"
#include "core/scenario/yamlfields.h"

#include <QFile>
#include <QFileInfo>

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <cmath>
#include <exception>
#include <sstream>
#include <vector>

namespace carteiro::core {

namespace {

// Far beyond any scenario (about 30 years), and far from overflowing qint64 or a double's
// exact integers.
constexpr double kLongestDuration = 1e12;
constexpr double kLargestSize = 1e15;

SourcePos positionOf(const YAML::Mark &mark)
{
    if (mark.is_null() || mark.line < 0 || mark.column < 0)
        return {1, 1};
    return {mark.line + 1, mark.column + 1};
}

// Only notes where documents start. yaml-cpp 0.7 never consumes a ',' at the start of a
// document: it reports one empty document after another there, and YAML::LoadAll() collects
// them until memory runs out. So documents are counted with the event parser, never more than
// two, before YAML::Load() builds the first.
class DocumentStarts : public YAML::EventHandler
{
public:
    std::vector<YAML::Mark> marks;

    void OnDocumentStart(const YAML::Mark &mark) override { marks.push_back(mark); }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override
    {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override
    {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override
    {}
    void OnMapEnd() override {}
};

// Reads "digits[.digits]" at `pos`; false when there is no number there.
bool readNumber(const QString &text, int &pos, double &value)
{
    const int start = pos;
    while (pos < text.size() && text[pos].isDigit())
        ++pos;
    if (pos == start)
        return false;
    if (pos < text.size() && text[pos] == QLatin1Char('.')) {
        ++pos;
        const int fraction = pos;
        while (pos < text.size() && text[pos].isDigit())
            ++pos;
        if (pos == fraction)
            return false;
    }
    bool ok = false;
    value = QStringView(text).mid(start, pos - start).toDouble(&ok);
    return ok;
}

} // namespace

QString ScenarioError::toString() const
{
    return QStringLiteral("%1:%2:%3: error: %4").arg(file).arg(line).arg(column).arg(message);
}

ScenarioLoadResult ScenarioLoader::loadFile(const QString &path)
{
    QFile file(path);
    QString problem;
    if (!QFileInfo::exists(path))
        problem = QStringLiteral("cannot read the scenario: no such file");
    else if (QFileInfo(path).isDir())
        problem = QStringLiteral("cannot read the scenario: this is a directory");
    else if (!file.open(QIODevice::ReadOnly))
        problem = QStringLiteral("cannot read the scenario: %1").arg(file.errorString());
    if (problem.isEmpty())
        return loadText(file.readAll(), path);
    ScenarioLoadResult result;
    result.scenario.fileName = path;
    result.errors.append(ScenarioError{path, 1, 1, problem});
    return result;
}

ScenarioLoadResult ScenarioLoader::loadText(const QByteArray &yaml, const QString &fileName)
{
    ScenarioLoadResult result;
    result.scenario.fileName = fileName;
    ScenarioDiagnostics diagnostics(fileName);
    try {
        const std::string text = yaml.toStdString();
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        DocumentStarts starts;
        while (starts.marks.size() < 2 && parser.HandleNextDocument(starts)) {
        }
        if (starts.marks.size() == 2 && starts.marks[0].pos == starts.marks[1].pos) {
            const YAML::Mark &stuck = starts.marks[0];
            const char character = size_t(stuck.pos) < text.size() ? text[stuck.pos] : ' ';
            diagnostics.error(
                positionOf(stuck),
                QStringLiteral("invalid YAML: unexpected '%1'").arg(QChar::fromLatin1(character)));
        } else {
            if (starts.marks.size() == 2)
                diagnostics.error(positionOf(starts.marks[1]),
                                  QStringLiteral("a scenario file holds one YAML document; a "
                                                 "second one starts here"));
            ScenarioReader reader(diagnostics);
            reader.read(YAML::Load(text), result.scenario);
        }
    } catch (const YAML::DeepRecursion &error) {
        // yaml-cpp 0.7 gives this one the text "bad file".
        diagnostics.error(positionOf(error.mark),
                          QStringLiteral("invalid YAML: nested too deeply"));
    } catch (const YAML::Exception &error) {
        // yaml-cpp stops at the first syntax error, so this one comes alone.
        diagnostics.error(
            positionOf(error.mark),
            QStringLiteral("invalid YAML: %1").arg(QString::fromStdString(error.msg)));
    } catch (const std::exception &error) {
        diagnostics.error({1, 1}, QStringLiteral("cannot read the scenario: %1")
                                      .arg(QString::fromLocal8Bit(error.what())));
    }
    result.errors = diagnostics.sorted();
    return result;
}

std::optional<SimTime> ScenarioLoader::parseDuration(const QString &input)
{
    const QString text = input.trimmed();
    int pos = 0;
    double value = 0;
    if (!readNumber(text, pos, value))
        return std::nullopt;
    if (pos == text.size()) // a bare number is seconds
        return value * kSecond <= kLongestDuration
                   ? std::optional<SimTime>(std::llround(value * kSecond))
                   : std::nullopt;
    double total = 0;
    while (true) {
        SimTime unit = 0;
        const QStringView rest = QStringView(text).mid(pos);
        if (rest.startsWith(QLatin1String("ms"))) {
            unit = 1;
            pos += 2;
        } else if (!rest.isEmpty()) {
            switch (rest.front().toLatin1()) {
            case 's':
                unit = kSecond;
                break;
            case 'm':
                unit = kMinute;
                break;
            case 'h':
                unit = kHour;
                break;
            case 'd':
                unit = kDay;
                break;
            default:
                return std::nullopt;
            }
            ++pos;
        } else {
            return std::nullopt; // "1h30": a number without its unit
        }
        total += value * double(unit);
        if (pos == text.size())
            break;
        if (!readNumber(text, pos, value))
            return std::nullopt;
    }
    if (total > kLongestDuration)
        return std::nullopt;
    return std::llround(total);
}

std::optional<qint64> ScenarioLoader::parseSize(const QString &input)
{
    const QString text = input.trimmed();
    int pos = 0;
    double value = 0;
    if (!readNumber(text, pos, value))
        return std::nullopt;
    const QString unit = text.mid(pos).toUpper();
    double multiplier = 0;
    if (unit.isEmpty() || unit == QLatin1String("B"))
        multiplier = 1;
    else if (unit == QLatin1String("K") || unit == QLatin1String("KB") ||
             unit == QLatin1String("KIB"))
        multiplier = 1024.0;
    else if (unit == QLatin1String("M") || unit == QLatin1String("MB") ||
             unit == QLatin1String("MIB"))
        multiplier = 1024.0 * 1024.0;
    else if (unit == QLatin1String("G") || unit == QLatin1String("GB") ||
             unit == QLatin1String("GIB"))
        multiplier = 1024.0 * 1024.0 * 1024.0;
    else
        return std::nullopt;
    if (multiplier == 1 && value != std::floor(value))
        return std::nullopt; // "1.5" bytes
    const double bytes = value * multiplier;
    if (bytes > kLargestSize)
        return std::nullopt;
    return std::llround(bytes);
}

} // namespace carteiro::core
