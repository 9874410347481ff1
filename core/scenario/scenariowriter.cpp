#include "core/scenario/scenariowriter.h"

#include "core/scenario/scenarioloader.h"
#include "core/scenario/yamlfields.h"

#include <QFile>
#include <QRegularExpression>
#include <QSaveFile>

namespace carteiro::core {

QString ScenarioWriter::formatDuration(SimTime duration)
{
    // The loader's own spelling of durations, so what is written reads back the same.
    return core::formatDuration(duration);
}

namespace {

// A YAML flow scalar that needs no quotes, or a double-quoted one.
QString scalar(const QString &text)
{
    static const QRegularExpression plain(QStringLiteral("^[A-Za-z0-9_.@/-]+$"));
    if (plain.match(text).hasMatch())
        return text;
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
        .replace(QLatin1Char('"'), QLatin1String("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

} // namespace

QString ScenarioWriter::stepYaml(const Step &step)
{
    if (step.kind != Step::Kind::Fault)
        return {};
    const FaultSpec &f = step.fault;
    QStringList keys{QStringLiteral("kind: ") + f.kind};
    auto add = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            keys << QLatin1String(key) + QStringLiteral(": ") + scalar(value);
    };
    add("host", f.host);
    if (f.port)
        keys << QStringLiteral("port: %1").arg(f.port);
    if (f.code)
        keys << QStringLiteral("code: %1").arg(f.code);
    add("text", f.text);
    add("recipient", f.recipient);
    add("sender", f.sender);
    add("stage", f.stage);
    add("domain", f.domain);
    add("user", f.user);
    if (f.permanent)
        keys << QStringLiteral("permanent: true");
    if (f.between.size() == 2)
        keys << QStringLiteral("between: [%1, %2]").arg(scalar(f.between[0]), scalar(f.between[1]));
    if (f.latency)
        keys << QStringLiteral("latency: ") + formatDuration(f.latency);
    if (f.duration)
        keys << QStringLiteral("for: ") + formatDuration(*f.duration);
    if (f.until)
        keys << QStringLiteral("until: ") + formatDuration(*f.until);
    return QStringLiteral("  - at: %1\n    fault: {%2}\n")
        .arg(formatDuration(step.at), keys.join(QStringLiteral(", ")));
}

QString ScenarioWriter::withSteps(const QString &text, const QList<Step> &steps,
                                  const QString &fileName, QString *error)
{
    QString added;
    for (const Step &step : steps)
        added += stepYaml(step);
    QStringList lines = text.split(QLatin1Char('\n'));
    static const QRegularExpression stepsKey(QStringLiteral("^steps:\\s*(#.*)?$"));
    int at = -1;
    for (int i = 0; i < lines.size(); ++i)
        if (stepsKey.match(lines[i]).hasMatch())
            at = i;
    QString result;
    if (at < 0) {
        result = text;
        if (!result.endsWith(QLatin1Char('\n')))
            result += QLatin1Char('\n');
        result += QStringLiteral("steps:\n") + added;
    } else {
        // The list ends before the next line that starts in column 0 with a key.
        int end = at + 1;
        int lastItemLine = at;
        for (; end < lines.size(); ++end) {
            const QString &line = lines[end];
            if (!line.isEmpty() && !line.at(0).isSpace() && !line.startsWith(QLatin1Char('#')) &&
                !line.startsWith(QLatin1Char('-')))
                break;
            if (!line.trimmed().isEmpty() && !line.trimmed().startsWith(QLatin1Char('#')))
                lastItemLine = end;
        }
        // Items keep the indentation the author used for the list.
        static const QRegularExpression item(QStringLiteral("^(\\s*)- "));
        QString indent = QStringLiteral("  ");
        for (int i = at + 1; i < end; ++i) {
            const auto match = item.match(lines[i]);
            if (match.hasMatch()) {
                indent = match.captured(1);
                break;
            }
        }
        QStringList insert = added.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (QString &line : insert)
            line = indent + line.mid(2);
        for (int i = 0; i < insert.size(); ++i)
            lines.insert(lastItemLine + 1 + i, insert[i]);
        result = lines.join(QLatin1Char('\n'));
    }
    const ScenarioLoadResult check = ScenarioLoader::loadText(result.toUtf8(), fileName);
    if (!check.ok()) {
        if (error)
            *error = check.errors.first().toString();
        return {};
    }
    return result;
}

bool ScenarioWriter::addSteps(const QString &path, const QList<Step> &steps, QString *error,
                              const QString &saveAs)
{
    QFile in(path);
    if (!in.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(path, in.errorString());
        return false;
    }
    const QString updated = withSteps(QString::fromUtf8(in.readAll()), steps, path, error);
    in.close();
    if (updated.isEmpty())
        return false;
    QSaveFile out(saveAs.isEmpty() ? path : saveAs);
    if (!out.open(QIODevice::WriteOnly) || out.write(updated.toUtf8()) < 0 || !out.commit()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(out.fileName(), out.errorString());
        return false;
    }
    return true;
}

} // namespace carteiro::core
