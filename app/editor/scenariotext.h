#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

namespace carteiro::app {

// The editor's form changes a scenario by editing its YAML as text, one entry at a time, so
// that everything it does not touch stays byte for byte as the instructor wrote it: comments,
// blank lines, the order of keys, flow or block style. yaml-cpp cannot do this (it drops
// comments), so this class finds the entries of the top-level sections line by line.
//
// Sections are the top-level keys (hosts, users, dns, steps). An entry is one key of a
// mapping section ("mail.crepes.fr:") or one item of a list section ("- at: 0s"), from its
// first line to its last; the comment lines directly above an entry travel with it when it is
// moved or removed. A field is one key of an entry's own mapping, written in block style
// (one per line) or flow style ({role: mta, greeting: crepes.fr}).
//
// Sections written inline (`users: {alice@crepes.fr: {...}}`) are left to the text editor:
// entries() is empty and isInline() true.
class ScenarioText
{
public:
    struct Entry
    {
        QString key;    // the host, address or domain; empty for list items
        int lead = 0;   // first line of the comment lines directly above (0-based)
        int first = 0;  // the line of the key or of "- "
        int last = 0;   // its last line
        int indent = 0; // column of the key or of "-"
    };

    explicit ScenarioText(const QString &text = {});

    QString text() const { return m_lines.join(QLatin1Char('\n')); }
    bool hasSection(const QString &section) const { return sectionLine(section) >= 0; }
    bool isInline(const QString &section) const;
    QList<Entry> entries(const QString &section) const;

    // The keys of an entry's mapping, in the order written.
    QStringList keys(const QString &section, int index) const;
    // The YAML text of a field's value as written ("[crepes.fr]", "mta", "{kind: down}"),
    // with the lines after the key's own joined by '\n' when it spans several ("\n  - a" for a
    // block list); empty when the key is absent.
    QString value(const QString &section, int index, const QString &key) const;
    bool isMultiLine(const QString &section, int index, const QString &key) const;

    // Edits; each returns false and changes nothing when the entry cannot be edited as text.
    // An empty `yaml` removes the key.
    bool setValue(const QString &section, int index, const QString &key, const QString &yaml);
    bool renameEntry(const QString &section, int index, const QString &key);
    // `yaml` is the entry as it would be written at column 0: "bob-pc: {role: client}" or
    // "- at: 0s\n  note: Hello"; it is indented as the section's other entries are.
    bool append(const QString &section, const QString &yaml);
    bool remove(const QString &section, int index);
    // Exchanges the entry with the next one; what lies between them stays in between.
    bool swapWithNext(const QString &section, int index);

    // A plain YAML scalar when it needs no quotes, else a double-quoted one.
    static QString scalar(const QString &text);
    // "[a, b]"
    static QString flowList(const QStringList &items);
    // Where a comment starts on the line (a '#' after a space, outside quotes), else its length.
    static int commentColumn(const QString &line, int from = 0);

private:
    struct Field
    {
        QString key;
        // Block fields: lines; value is the rest of `line` after valueColumn, plus the
        // continuation lines up to lastLine. Flow fields: offsets in the entry's joined text.
        int line = 0;
        int valueColumn = 0;
        int valueEnd = 0; // block: column where a trailing comment starts (or line length)
        int lastLine = 0;
        int flowStart = 0; // flow: offset of the key
        int flowValueStart = 0;
        int flowValueEnd = 0;
    };
    struct Body
    {
        bool valid = false;
        bool flow = false;
        int childIndent = -1;
        // flow: the entry's lines joined, and where the braces are in it
        QString joined;
        int open = -1;
        int close = -1;
        QList<Field> fields;
    };

    struct Invalidator;
    QList<Entry> findEntries(const QString &section) const;
    int sectionLine(const QString &section) const;
    int sectionEnd(int keyLine) const; // the last line with content of the section
    Body body(const Entry &entry, bool listItem) const;
    bool isListSection(const QString &section) const;
    bool replaceEntryLines(const Entry &entry, const QString &joined);

    QStringList m_lines;
    // entries() by section, for the text as it is: the form asks for them cell after cell.
    mutable QHash<QString, QList<Entry>> m_entries;
};

} // namespace carteiro::app
