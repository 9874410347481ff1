#include "app/editor/scenarioform.h"

#include "app/editor/scenariotext.h"
#include "app/i18n/uilanguage.h"
#include "core/scenario/scenarioloader.h"
#include "core/scenario/scenariowriter.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace carteiro::app {

namespace {

constexpr int kLineRole = Qt::UserRole + 1; // 0-based first line of the row's entry

// The text of a plain or quoted YAML scalar.
QString plainValue(QString raw)
{
    raw = raw.trimmed();
    if (raw.size() >= 2 && raw.startsWith(QLatin1Char('"')) && raw.endsWith(QLatin1Char('"'))) {
        raw = raw.mid(1, raw.size() - 2);
        raw.replace(QLatin1String("\\\""), QLatin1String("\""))
            .replace(QLatin1String("\\n"), QLatin1String("\n"))
            .replace(QLatin1String("\\\\"), QLatin1String("\\"));
    } else if (raw.size() >= 2 && raw.startsWith(QLatin1Char('\'')) &&
               raw.endsWith(QLatin1Char('\''))) {
        raw = raw.mid(1, raw.size() - 2).replace(QLatin1String("''"), QLatin1String("'"));
    }
    return raw;
}

// "[a, b]" or a block list ("- a" lines) as its items; a single scalar as one item.
QStringList listValue(const QString &raw)
{
    QString text = raw.trimmed();
    QStringList items;
    if (text.startsWith(QLatin1Char('[')) && text.endsWith(QLatin1Char(']'))) {
        for (const QString &item : text.mid(1, text.size() - 2).split(QLatin1Char(',')))
            if (!item.trimmed().isEmpty())
                items << plainValue(item);
    } else if (text.startsWith(QLatin1Char('-'))) {
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            const QString trimmed = line.trimmed();
            if (trimmed.startsWith(QLatin1Char('-')))
                items << plainValue(trimmed.mid(1));
        }
    } else if (!text.isEmpty()) {
        items << plainValue(text);
    }
    return items;
}

QStringList splitItems(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

QString uniqueName(const QStringList &taken, const QString &stem, const QString &suffix = {})
{
    QString name = stem + suffix;
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = stem + QLatin1Char('-') + QString::number(n) + suffix;
    return name;
}

} // namespace

ScenarioForm::ScenarioForm(QWidget *parent) : QWidget(parent)
{
    m_tabs = new QTabWidget;
    m_sections = {
        {QStringLiteral("hosts"),
         QT_TR_NOOP("Hosts"),
         QT_TR_NOOP("Roles: mta, client, dns, webmail. Lists are separated by commas."),
         {{QT_TR_NOOP("Name"), {}, Cell::Key},
          {QT_TR_NOOP("Role"), QStringLiteral("role"), Cell::Scalar},
          {QT_TR_NOOP("Local domains"), QStringLiteral("local_domains"), Cell::List},
          {QT_TR_NOOP("Services"), QStringLiteral("services"), Cell::List},
          {QT_TR_NOOP("User"), QStringLiteral("user"), Cell::Scalar},
          {QT_TR_NOOP("Submits to"), QStringLiteral("submit_to"), Cell::Scalar}}},
        {QStringLiteral("users"),
         QT_TR_NOOP("Users"),
         QT_TR_NOOP("Each user's mailbox lives on the MTA whose local domains include the "
                    "address."),
         {{QT_TR_NOOP("Address"), {}, Cell::Key},
          {QT_TR_NOOP("Name"), QStringLiteral("name"), Cell::Scalar},
          {QT_TR_NOOP("Password"), QStringLiteral("password"), Cell::Scalar}}},
        {QStringLiteral("dns"),
         QT_TR_NOOP("DNS"),
         QT_TR_NOOP("MX records as \"host preference\" pairs, e.g. \"mx1.example.org 10, "
                    "mx2.example.org 20\"."),
         {{QT_TR_NOOP("Domain"), {}, Cell::Key},
          {QT_TR_NOOP("MX records (host preference, …)"), QStringLiteral("mx"), Cell::Mx},
          {QT_TR_NOOP("Address (a: true)"), QStringLiteral("a"), Cell::Flag}}},
        {QStringLiteral("steps"),
         QT_TR_NOOP("Steps and faults"),
         QT_TR_NOOP("Details are the step's action as one line of YAML, e.g. {kind: down, "
                    "host: mx1, for: 2h}. Double-click a step written over several lines to "
                    "edit it as text."),
         {{QT_TR_NOOP("At"), QStringLiteral("at"), Cell::At},
          {QT_TR_NOOP("Action"), {}, Cell::Kind},
          {QT_TR_NOOP("Details (YAML)"), {}, Cell::Action}}},
    };
    for (Section &section : m_sections)
        m_tabs->addTab(createSection(section), QString());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    retranslate();
}

void ScenarioForm::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        refill(); // step summaries and tooltips
    }
    QWidget::changeEvent(event);
}

void ScenarioForm::retranslate()
{
    for (int i = 0; i < m_sections.size(); ++i) {
        const Section &section = m_sections.at(i);
        m_tabs->setTabText(i, tr(section.title));
        QStringList headers;
        for (const Column &column : section.columns)
            headers << tr(column.header);
        section.table->setHorizontalHeaderLabels(headers);
        section.note->setText(tr(section.help));
        for (const auto &[button, text] : section.buttons)
            button->setText(tr(text));
        for (const auto &[action, text] : section.kinds)
            action->setText(tr(text));
    }
}

QWidget *ScenarioForm::createSection(Section &section)
{
    auto *page = new QWidget;
    section.table = new QTableWidget(0, int(section.columns.size()));
    section.table->setObjectName(section.name);
    section.table->horizontalHeader()->setStretchLastSection(true);
    section.table->setSelectionBehavior(QAbstractItemView::SelectRows);
    section.table->setSelectionMode(QAbstractItemView::SingleSelection);
    section.note = new QLabel;
    section.note->setWordWrap(true);

    const QString name = section.name;
    QTableWidget *table = section.table;
    connect(table, &QTableWidget::itemChanged, this, [this, name](QTableWidgetItem *item) {
        if (!m_filling)
            edited(*find(name), item);
    });
    connect(table, &QTableWidget::itemDoubleClicked, this, [this](QTableWidgetItem *item) {
        if (!(item->flags() & Qt::ItemIsEditable))
            emit lineActivated(item->data(kLineRole).toInt());
    });

    auto *add = new QToolButton;
    add->setToolButtonStyle(Qt::ToolButtonTextOnly);
    if (name == QLatin1String("steps")) {
        auto *menu = new QMenu(add);
        const QList<std::pair<const char *, QString>> kinds{
            {QT_TR_NOOP("Note"), QStringLiteral("note")},
            {QT_TR_NOOP("Send a message"), QStringLiteral("send")},
            {QT_TR_NOOP("Fetch mail"), QStringLiteral("fetch")},
            {QT_TR_NOOP("Fault"), QStringLiteral("fault")}};
        for (const auto &[label, kind] : kinds)
            section.kinds.append({menu->addAction(QString(), this,
                                                  [this, kind = kind]() {
                                                      addEntry(QStringLiteral("steps"), kind);
                                                  }),
                                  label});
        add->setMenu(menu);
        add->setPopupMode(QToolButton::InstantPopup);
    } else {
        connect(add, &QToolButton::clicked, this, [this, name]() { addEntry(name); });
    }
    auto *remove = new QPushButton;
    auto *up = new QPushButton;
    auto *down = new QPushButton;
    section.buttons = {{add, QT_TR_NOOP("Add")},
                       {remove, QT_TR_NOOP("Remove")},
                       {up, QT_TR_NOOP("Move up")},
                       {down, QT_TR_NOOP("Move down")}};
    connect(remove, &QPushButton::clicked, this,
            [this, name, table]() { removeEntry(name, table->currentRow()); });
    connect(up, &QPushButton::clicked, this,
            [this, name, table]() { moveEntry(name, table->currentRow(), -1); });
    connect(down, &QPushButton::clicked, this,
            [this, name, table]() { moveEntry(name, table->currentRow(), 1); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addWidget(up);
    buttons->addWidget(down);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(section.table, 1);
    layout->addLayout(buttons);
    layout->addWidget(section.note);
    return page;
}

const ScenarioForm::Section *ScenarioForm::find(const QString &name) const
{
    for (const Section &section : m_sections)
        if (section.name == name)
            return &section;
    return nullptr;
}

QTableWidget *ScenarioForm::table(const QString &section) const
{
    const Section *found = find(section);
    return found ? found->table : nullptr;
}

void ScenarioForm::setText(const QString &text, const core::Scenario &scenario, bool usable)
{
    m_text = text;
    m_scenario = scenario;
    m_scenario.index();
    setEnabled(usable);
    if (m_inEdit) {
        // The table is inside the signal of the cell just edited: rebuild it afterwards.
        QMetaObject::invokeMethod(this, &ScenarioForm::refill, Qt::QueuedConnection);
        return;
    }
    refill();
}

void ScenarioForm::refill()
{
    for (const Section &section : m_sections) {
        // Never pull the table from under an instructor who is typing in a cell.
        QWidget *focus = QApplication::focusWidget();
        if (focus && section.table->viewport()->isAncestorOf(focus))
            continue;
        fill(section);
    }
}

QString ScenarioForm::stepSummary(int firstLine, int lastLine) const
{
    for (const core::Step &step : m_scenario.steps) {
        if (step.pos.line - 1 < firstLine || step.pos.line - 1 > lastLine)
            continue;
        switch (step.kind) {
        case core::Step::Kind::Send:
            return tr("%1 → %2: %3")
                .arg(step.send.from, (step.send.to + step.send.cc + step.send.bcc).join(u", "),
                     step.send.subject);
        case core::Step::Kind::Fetch:
            return tr("%1 reads mail by %2").arg(step.fetch.user, step.fetch.protocol);
        case core::Step::Kind::Telnet:
            return tr("%1 types to %2 port %3")
                .arg(step.telnet.from, step.telnet.to)
                .arg(step.telnet.port);
        case core::Step::Kind::Note:
            return step.note.text(UiLanguage::current());
        case core::Step::Kind::Ask:
            return step.ask.question.text(UiLanguage::current());
        case core::Step::Kind::Imap:
            return tr("%1 works on folders by IMAP").arg(step.imap.user);
        case core::Step::Kind::Fault:
            return tr("fault %1 %2")
                .arg(step.fault.kind, step.fault.host + step.fault.domain + step.fault.user);
        }
    }
    return tr("(written over several lines)");
}

void ScenarioForm::fill(const Section &section)
{
    m_filling = true;
    const ScenarioText text(m_text);
    const QList<ScenarioText::Entry> entries = text.entries(section.name);
    const bool inlineSection = text.isInline(section.name);
    QTableWidget *table = section.table;
    table->setEnabled(!inlineSection);
    table->setToolTip(inlineSection ? tr("This section is written on one line; edit it in the "
                                         "Text tab.")
                                    : QString());
    table->setRowCount(int(entries.size()));
    for (int row = 0; row < entries.size(); ++row) {
        const ScenarioText::Entry &entry = entries.at(row);
        const QStringList keys = text.keys(section.name, row);
        QString action;
        for (const QString &key : keys)
            if (key != QLatin1String("at"))
                action = key;
        for (int col = 0; col < section.columns.size(); ++col) {
            const Column &column = section.columns.at(col);
            const QString raw =
                column.key.isEmpty() ? QString() : text.value(section.name, row, column.key);
            const bool multiLine = raw.contains(QLatin1Char('\n'));
            auto *item = new QTableWidgetItem;
            Qt::ItemFlags flags = Qt::ItemIsSelectable | Qt::ItemIsEnabled | Qt::ItemIsEditable;
            switch (column.cell) {
            case Cell::Key:
                item->setText(entry.key);
                break;
            case Cell::Scalar:
            case Cell::At:
                item->setText(multiLine ? raw.simplified() : plainValue(raw));
                if (multiLine)
                    flags &= ~Qt::ItemIsEditable;
                break;
            case Cell::List:
                item->setText(listValue(raw).join(QStringLiteral(", ")));
                break;
            case Cell::Mx:
                if (const core::DnsZone *zone = m_scenario.zone(entry.key)) {
                    QStringList records;
                    for (const core::MxRecord &mx : zone->mx)
                        records << QStringLiteral("%1 %2").arg(mx.host).arg(mx.preference);
                    item->setText(records.join(QStringLiteral(", ")));
                } else {
                    item->setText(raw.simplified());
                }
                break;
            case Cell::Flag:
                flags = (flags & ~Qt::ItemIsEditable) | Qt::ItemIsUserCheckable;
                item->setCheckState(plainValue(raw) == QLatin1String("true") ? Qt::Checked
                                                                             : Qt::Unchecked);
                break;
            case Cell::Kind:
                item->setText(action);
                flags &= ~Qt::ItemIsEditable;
                break;
            case Cell::Action: {
                const QString value = text.value(section.name, row, action);
                if (value.contains(QLatin1Char('\n')) || action.isEmpty()) {
                    item->setText(stepSummary(entry.first, entry.last));
                    item->setToolTip(tr("Double-click to edit this step in the Text tab."));
                    QFont summary = item->font();
                    summary.setItalic(true); // a summary, not the YAML
                    item->setFont(summary);
                    flags &= ~Qt::ItemIsEditable;
                } else {
                    item->setText(value);
                }
                break;
            }
            }
            item->setFlags(flags);
            item->setData(kLineRole, entry.first);
            table->setItem(row, col, item);
        }
    }
    table->resizeColumnsToContents();
    if (m_selectSection == section.name && m_selectRow >= 0 && m_selectRow < table->rowCount()) {
        table->setCurrentCell(m_selectRow, 0);
        table->scrollToItem(table->item(m_selectRow, 0));
        m_selectSection.clear();
        m_selectRow = -1;
    }
    m_filling = false;
}

void ScenarioForm::apply(const QString &text, const QString &section, int selectRow)
{
    m_selectSection = section;
    m_selectRow = selectRow;
    if (text != m_text)
        emit textEdited(text);
    // The editor answers with setText(); when nothing changed, put the table back as it was.
    if (text == m_text)
        setText(m_text, m_scenario, isEnabled());
}

void ScenarioForm::edited(const Section &section, QTableWidgetItem *item)
{
    m_inEdit = true;
    const int row = item->row();
    const Column &column = section.columns.at(item->column());
    ScenarioText text(m_text);
    const QString value = item->text().trimmed();
    bool ok = true;
    switch (column.cell) {
    case Cell::Key:
        ok = !value.isEmpty() && text.renameEntry(section.name, row, value);
        break;
    case Cell::Scalar:
    case Cell::At:
        ok = text.setValue(section.name, row, column.key,
                           value.isEmpty() ? QString() : ScenarioText::scalar(value));
        break;
    case Cell::List: {
        const QStringList items = splitItems(value);
        ok = text.setValue(section.name, row, column.key,
                           items.isEmpty() ? QString() : ScenarioText::flowList(items));
        break;
    }
    case Cell::Mx: {
        QStringList records;
        for (const QString &record : splitItems(value)) {
            const QStringList parts = record.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            records << QStringLiteral("{host: %1, pref: %2}")
                           .arg(ScenarioText::scalar(parts.value(0)),
                                parts.value(1, QStringLiteral("10")));
        }
        ok = text.setValue(section.name, row, column.key,
                           records.isEmpty()
                               ? QString()
                               : QLatin1Char('[') + records.join(u", ") + QLatin1Char(']'));
        break;
    }
    case Cell::Flag:
        ok = text.setValue(section.name, row, column.key,
                           item->checkState() == Qt::Checked ? QStringLiteral("true") : QString());
        break;
    case Cell::Action: {
        QString action;
        for (const QString &key : text.keys(section.name, row))
            if (key != QLatin1String("at"))
                action = key;
        ok = !value.isEmpty() && !action.isEmpty() &&
             text.setValue(section.name, row, action, value);
        break;
    }
    case Cell::Kind:
        ok = false;
        break;
    }
    apply(ok ? text.text() : m_text, section.name, row);
    m_inEdit = false;
}

QString ScenarioForm::newEntry(const QString &section, const QString &kind) const
{
    QStringList hosts, users, domains, mtas;
    for (const core::HostSpec &host : m_scenario.hosts) {
        hosts << host.name;
        if (host.role == core::HostRole::Mta) {
            mtas << host.name;
            domains << host.localDomains;
        }
    }
    for (const core::UserSpec &user : m_scenario.users)
        users << user.address;
    const ScenarioText text(m_text);
    QStringList keys;
    for (const ScenarioText::Entry &entry : text.entries(section))
        keys << entry.key;

    if (section == QLatin1String("hosts"))
        return uniqueName(keys, QStringLiteral("new-host")) + QStringLiteral(": {role: mta}");
    if (section == QLatin1String("users")) {
        const QString domain = domains.value(0, QStringLiteral("example.org"));
        return ScenarioText::scalar(
                   uniqueName(keys, QStringLiteral("new-user"), QLatin1Char('@') + domain)) +
               QStringLiteral(": {name: %1, password: secret}").arg(tr("New user"));
    }
    if (section == QLatin1String("dns")) {
        const QString domain =
            uniqueName(keys, QStringLiteral("new-domain"), QStringLiteral(".example"));
        return mtas.isEmpty()
                   ? domain + QStringLiteral(": {a: true}")
                   : domain + QStringLiteral(": {mx: [{host: %1, pref: 10}]}").arg(mtas.first());
    }
    // A new step comes last in the timeline: at the time of the last one.
    const QList<ScenarioText::Entry> steps = text.entries(section);
    QString at = steps.isEmpty() ? QString()
                                 : text.value(section, int(steps.size()) - 1, QStringLiteral("at"));
    if (at.isEmpty() || at.contains(QLatin1Char('\n')))
        at = QStringLiteral("0s");
    const QString from = users.value(0, QStringLiteral("alice@example.org"));
    const QString to = users.value(1, from);
    if (kind == QLatin1String("send"))
        return QStringLiteral("- at: %1\n  send: {from: %2, to: [%3], subject: %4, body: %5}")
            .arg(at, from, to, ScenarioText::scalar(tr("Hello")),
                 ScenarioText::scalar(tr("Hello!") + QLatin1Char('\n')));
    if (kind == QLatin1String("fetch"))
        return QStringLiteral("- at: %1\n  fetch: {user: %2, protocol: pop3, mode: keep}")
            .arg(at, to);
    if (kind == QLatin1String("fault")) {
        core::Step step;
        step.kind = core::Step::Kind::Fault;
        step.at = core::ScenarioLoader::parseDuration(plainValue(at)).value_or(0);
        step.fault.kind = QStringLiteral("down");
        step.fault.host = mtas.value(0, hosts.value(0, QStringLiteral("mail.example.org")));
        step.fault.duration = core::kHour;
        // "  - at: 0s\n    fault: {...}\n", at column 0 as append() wants it.
        QStringList lines = core::ScenarioWriter::stepYaml(step).split(u'\n', Qt::SkipEmptyParts);
        for (QString &line : lines)
            line = line.mid(2);
        return lines.join(QLatin1Char('\n'));
    }
    return QStringLiteral("- at: %1\n  note: %2").arg(at, ScenarioText::scalar(tr("New note")));
}

void ScenarioForm::addEntry(const QString &section, const QString &kind)
{
    ScenarioText text(m_text);
    if (!text.append(section, newEntry(section, kind)))
        return;
    apply(text.text(), section, int(text.entries(section).size()) - 1);
}

void ScenarioForm::removeEntry(const QString &section, int row)
{
    ScenarioText text(m_text);
    if (row < 0 || !text.remove(section, row))
        return;
    apply(text.text(), section, std::min(row, int(text.entries(section).size()) - 1));
}

void ScenarioForm::moveEntry(const QString &section, int row, int delta)
{
    ScenarioText text(m_text);
    const int first = delta < 0 ? row - 1 : row;
    if (row < 0 || !text.swapWithNext(section, first))
        return;
    apply(text.text(), section, row + delta);
}

} // namespace carteiro::app
