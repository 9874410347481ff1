#include "app/editor/recoverystore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace carteiro::app {

namespace {

bool writeAtomically(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit();
}

} // namespace

QString RecoveryStore::directory()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/recovery");
}

QString RecoveryStore::idFor(const QString &path, const QString &untitled)
{
    const QString key = path.isEmpty() ? QStringLiteral("untitled:") + untitled
                                       : QFileInfo(path).absoluteFilePath();
    const QByteArray hash = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha1);
    return (path.isEmpty() ? QStringLiteral("untitled-") : QString()) +
           QString::fromLatin1(hash.toHex().left(16));
}

bool RecoveryStore::write(const QString &id, const QString &path, const QString &text)
{
    if (!QDir().mkpath(directory()))
        return false;
    const QDir dir(directory());
    QJsonObject about;
    about.insert(QStringLiteral("path"),
                 path.isEmpty() ? QString() : QFileInfo(path).absoluteFilePath());
    about.insert(QStringLiteral("written"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
    // The text first: a .json without its .yaml is never offered.
    return writeAtomically(dir.filePath(id + QStringLiteral(".yaml")), text.toUtf8()) &&
           writeAtomically(dir.filePath(id + QStringLiteral(".json")),
                           QJsonDocument(about).toJson());
}

void RecoveryStore::remove(const QString &id)
{
    const QDir dir(directory());
    QFile::remove(dir.filePath(id + QStringLiteral(".json")));
    QFile::remove(dir.filePath(id + QStringLiteral(".yaml")));
}

std::optional<RecoveryStore::Recovery> RecoveryStore::read(const QString &id)
{
    const QDir dir(directory());
    QFile about(dir.filePath(id + QStringLiteral(".json")));
    QFile text(dir.filePath(id + QStringLiteral(".yaml")));
    if (!about.open(QIODevice::ReadOnly) || !text.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(about.readAll()).object();
    Recovery recovery;
    recovery.id = id;
    recovery.path = object.value(QStringLiteral("path")).toString();
    recovery.written = QDateTime::fromString(object.value(QStringLiteral("written")).toString(),
                                             Qt::ISODateWithMs);
    if (!recovery.written.isValid())
        recovery.written = QFileInfo(text).lastModified();
    recovery.text = QString::fromUtf8(text.readAll());
    return recovery;
}

std::optional<RecoveryStore::Recovery> RecoveryStore::pendingFor(const QString &path)
{
    const std::optional<Recovery> recovery = read(idFor(path));
    if (!recovery)
        return std::nullopt;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly)) {
        if (QString::fromUtf8(file.readAll()) == recovery->text) {
            remove(recovery->id); // nothing to recover
            return std::nullopt;
        }
        // A file changed after the recovery was written was saved by someone on purpose; the
        // recovery stays on disk, not offered.
        if (recovery->written <= QFileInfo(file).lastModified())
            return std::nullopt;
    }
    return recovery;
}

QList<RecoveryStore::Recovery> RecoveryStore::pendingUntitled()
{
    QList<Recovery> found;
    const QStringList names =
        QDir(directory()).entryList({QStringLiteral("untitled-*.json")}, QDir::Files);
    for (const QString &name : names)
        if (const auto recovery = read(QFileInfo(name).completeBaseName()))
            found << *recovery;
    std::sort(found.begin(), found.end(),
              [](const Recovery &a, const Recovery &b) { return a.written > b.written; });
    return found;
}

QList<RecoveryStore::Recovery> RecoveryStore::pending()
{
    QList<Recovery> found;
    const QStringList names =
        QDir(directory()).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        const auto recovery = read(QFileInfo(name).completeBaseName());
        if (!recovery)
            continue;
        // A file gone since is offered as an Untitled document with the text.
        if (recovery->path.isEmpty() || !QFileInfo::exists(recovery->path))
            found << *recovery;
        else if (pendingFor(recovery->path))
            found << *recovery;
    }
    return found;
}

} // namespace carteiro::app
