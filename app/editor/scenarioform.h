#pragma once

#include "core/scenario/scenario.h"

#include <QWidget>

class QAbstractButton;
class QAction;
class QLabel;
class QTabWidget;
class QTableWidget;
class QTableWidgetItem;

namespace carteiro::app {

// The Form tab: tables for the common parts of a scenario (hosts, users, DNS records, steps
// with their faults), to add, remove, reorder and edit entries without writing YAML. Every
// change is made to the text (see ScenarioText), one entry at a time, and handed back with
// textEdited(); the text stays the source of truth and the form is rebuilt from it.
class ScenarioForm : public QWidget
{
    Q_OBJECT

public:
    explicit ScenarioForm(QWidget *parent = nullptr);

    // The text to show; `scenario` (as far as it loaded) gives values the text cannot, such
    // as a step's summary. `usable` false greys the form out (the YAML itself is broken).
    void setText(const QString &text, const core::Scenario &scenario, bool usable);

    // "hosts", "users", "dns", "steps"
    QTableWidget *table(const QString &section) const;
    QTabWidget *tabs() const { return m_tabs; }
    // What the buttons do. `kind` picks the step: note, send, fetch or fault.
    void addEntry(const QString &section, const QString &kind = {});
    void removeEntry(const QString &section, int row);
    void moveEntry(const QString &section, int row, int delta);

signals:
    void textEdited(const QString &text);
    // A 0-based line of the text, to show there (double-click on what the form cannot edit).
    void lineActivated(int line);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class Cell { Key, Scalar, List, Mx, Flag, At, Kind, Action };
    // Texts are kept untranslated (QT_TR_NOOP) and said by retranslate().
    struct Column
    {
        const char *header;
        QString key;
        Cell cell;
    };
    struct Section
    {
        QString name;
        const char *title;
        const char *help;
        QList<Column> columns;
        QTableWidget *table = nullptr;
        QLabel *note = nullptr;
        QList<std::pair<QAbstractButton *, const char *>> buttons;
        QList<std::pair<QAction *, const char *>> kinds; // the steps' Add menu
    };

    QWidget *createSection(Section &section);
    // Sets every text built here in the language in force; again on each LanguageChange.
    void retranslate();
    const Section *find(const QString &name) const;
    void refill();
    void fill(const Section &section);
    void edited(const Section &section, QTableWidgetItem *item);
    void apply(const QString &text, const QString &section, int selectRow);
    QString newEntry(const QString &section, const QString &kind) const;
    QString stepSummary(int firstLine, int lastLine) const;

    QTabWidget *m_tabs = nullptr;
    QList<Section> m_sections;
    QString m_text;
    core::Scenario m_scenario;
    bool m_filling = false;
    bool m_inEdit = false; // inside the itemChanged of a cell
    QString m_selectSection;
    int m_selectRow = -1;
};

} // namespace carteiro::app
