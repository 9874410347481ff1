#pragma once

#include <QDateTime>
#include <QString>

#include <optional>

namespace carteiro::app {

// The editor's safety net: the text being edited, written every few seconds to
// AppDataLocation/recovery/<hash>.yaml with a .json beside it (the original path and when),
// so a crash or a power cut loses at most those seconds. Saving or closing cleanly removes it.
class RecoveryStore
{
public:
    struct Recovery
    {
        QString path; // the file it recovers; empty for an Untitled document
        QString id;   // the name of the recovery files, without suffix
        QDateTime written;
        QString text;
    };

    static QString directory();
    // The recovery id of a document: a hash of its absolute path, or of `untitled` for a new
    // document (a name unique to that window).
    static QString idFor(const QString &path, const QString &untitled = {});

    static bool write(const QString &id, const QString &path, const QString &text);
    static void remove(const QString &id);
    static std::optional<Recovery> read(const QString &id);
    // A recovery worth offering for `path`: newer than the file and different from it.
    static std::optional<Recovery> pendingFor(const QString &path);
    // Recoveries of Untitled documents left by an earlier session, newest first.
    static QList<Recovery> pendingUntitled();
    // Everything worth offering at startup: files' recoveries (as pendingFor() decides) and
    // Untitled ones.
    static QList<Recovery> pending();
};

} // namespace carteiro::app
