#include "core/scenario/stepreader.h"

#include <QHash>

namespace carteiro::core {

namespace {

const QStringList &stepActions()
{
    static const QStringList names = wordList("send fetch telnet note ask fault imap");
    return names;
}

const QStringList &stageNames()
{
    static const QStringList names = wordList("connect helo mail rcpt data");
    return names;
}

const QStringList &faultKinds()
{
    static const QStringList names =
        wordList("down refuse reject no-mx dns-fail mailbox-full slow drop");
    return names;
}

// The keys each fault kind takes besides kind, at, for and until (SCENARIO-FORMAT.md, Faults).
QStringList faultKeys(const QString &kind)
{
    static const QHash<QString, QStringList> keys = {
        {QStringLiteral("down"), wordList("host")},
        {QStringLiteral("refuse"), wordList("host port")},
        {QStringLiteral("reject"), wordList("host code text recipient sender stage")},
        {QStringLiteral("no-mx"), wordList("domain")},
        {QStringLiteral("dns-fail"), wordList("domain")},
        {QStringLiteral("mailbox-full"), wordList("user permanent")},
        {QStringLiteral("slow"), wordList("host between latency")},
        {QStringLiteral("drop"), wordList("host stage")},
    };
    return keys.value(kind);
}

// Of faultKeys(kind), the ones that must be there (slow's host-or-between is checked apart).
QStringList requiredFaultKeys(const QString &kind)
{
    if (kind == QLatin1String("reject"))
        return wordList("host code");
    if (kind == QLatin1String("no-mx") || kind == QLatin1String("dns-fail"))
        return wordList("domain");
    if (kind == QLatin1String("mailbox-full"))
        return wordList("user");
    if (kind == QLatin1String("slow"))
        return wordList("latency");
    return wordList("host");
}

} // namespace

QList<Step> StepReader::read(const YamlField &field)
{
    QList<Step> steps;
    for (const YamlField &item : m_fields.list(field).value_or(QList<YamlField>()))
        if (std::optional<Step> step = readStep(item))
            steps.append(*step);
    return steps;
}

std::optional<Step> StepReader::readStep(const YamlField &field)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return std::nullopt;
    QStringList allowed = stepActions();
    allowed.prepend(QStringLiteral("at"));
    map.checkKeys(allowed);
    Step step;
    step.pos = field.keyPos;
    if (const YamlField *at = map.find(QStringLiteral("at")))
        step.at = m_fields.duration(*at).value_or(0);
    QList<const YamlField *> actions;
    bool hasUnknownKey = false;
    for (const YamlField &entry : map.fields()) {
        if (stepActions().contains(entry.key))
            actions.append(&entry);
        else if (entry.key != QLatin1String("at"))
            hasUnknownKey = true;
    }
    if (actions.isEmpty()) {
        if (!hasUnknownKey) // a misspelt action was already reported, with a suggestion
            m_diagnostics.error(map.pos(), QStringLiteral("a step needs one action: %1")
                                               .arg(quotedAlternatives(stepActions())));
        return std::nullopt;
    }
    for (int i = 1; i < actions.size(); ++i)
        m_diagnostics.error(actions[i]->keyPos,
                            QStringLiteral("a step takes exactly one action; this one has both "
                                           "'%1' and '%2'")
                                .arg(actions[0]->key, actions[i]->key));
    const YamlField &action = *actions[0];
    if (action.key == QLatin1String("send")) {
        step.kind = Step::Kind::Send;
        readSend(action, step.send);
    } else if (action.key == QLatin1String("fetch")) {
        step.kind = Step::Kind::Fetch;
        readFetch(action, step.fetch);
    } else if (action.key == QLatin1String("imap")) {
        step.kind = Step::Kind::Imap;
        readImap(action, step.imap);
    } else if (action.key == QLatin1String("telnet")) {
        step.kind = Step::Kind::Telnet;
        readTelnet(action, step.telnet);
    } else if (action.key == QLatin1String("note")) {
        step.kind = Step::Kind::Note;
        step.note = m_fields.text(action).value_or(LocalizedText());
    } else if (action.key == QLatin1String("ask")) {
        step.kind = Step::Kind::Ask;
        readAsk(action, step.ask);
    } else {
        step.kind = Step::Kind::Fault;
        readFault(action, step.fault, step.at);
    }
    return step;
}

void StepReader::readSend(const YamlField &field, SendStep &send)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(wordList("from to cc bcc subject body html attach encoding"));
    if (map.require(QStringLiteral("from"))) {
        const YamlField &from = *map.find(QStringLiteral("from"));
        send.from = m_fields.address(from).value_or(QString());
        if (!send.from.isEmpty())
            m_references.add(ScenarioReferences::Kind::User, send.from, from.valuePos());
    }
    // Recipients are checked for shape only: an unknown user at a local domain (550) or a
    // domain that does not exist (NXDOMAIN) is something a scenario may want to show.
    bool recipientsOk = true;
    const auto readRecipients = [&](const char *key, QStringList &into) {
        const YamlField *recipients = map.find(QLatin1String(key));
        if (!recipients)
            return;
        QList<YamlField> items;
        if (recipients->value.IsScalar())
            items.append(*recipients);
        else if (const auto list = m_fields.list(*recipients))
            items = *list;
        else
            recipientsOk = false;
        for (const YamlField &item : items) {
            if (const auto address = m_fields.address(item))
                into.append(*address);
            else
                recipientsOk = false;
        }
    };
    readRecipients("to", send.to);
    readRecipients("cc", send.cc);
    readRecipients("bcc", send.bcc);
    if (recipientsOk && send.to.isEmpty() && send.cc.isEmpty() && send.bcc.isEmpty())
        m_diagnostics.error(map.pos(), QStringLiteral("a send needs at least one recipient in "
                                                      "'to', 'cc' or 'bcc'"));
    if (const YamlField *subject = map.find(QStringLiteral("subject")))
        send.subject = m_fields.string(*subject).value_or(QString());
    if (const YamlField *body = map.find(QStringLiteral("body")))
        send.body = m_fields.string(*body).value_or(QString());
    // Extension: an HTML version of the body; the message goes as multipart/alternative.
    if (const YamlField *html = map.find(QStringLiteral("html")))
        send.html = m_fields.string(*html).value_or(QString());
    // Extension: `encoding: 8bit` sends the text unencoded (default `auto`: 7bit or QP).
    if (const YamlField *encoding = map.find(QStringLiteral("encoding")))
        send.eightBit =
            m_fields.choice(*encoding, QStringLiteral("encoding"), wordList("auto 8bit"))
                .value_or(QString()) == QLatin1String("8bit");
    const YamlField *attach = map.find(QStringLiteral("attach"));
    if (!attach)
        return;
    for (const YamlField &item : m_fields.list(*attach).value_or(QList<YamlField>())) {
        const YamlMap attachment(item, m_diagnostics);
        if (!attachment.isValid())
            continue;
        attachment.checkKeys(wordList("name type size"));
        AttachmentSpec spec;
        if (attachment.require(QStringLiteral("name")))
            spec.name =
                m_fields.string(*attachment.find(QStringLiteral("name"))).value_or(QString());
        if (const YamlField *type = attachment.find(QStringLiteral("type"))) {
            const auto value = m_fields.string(*type);
            if (value && !value->contains(QLatin1Char('/')))
                m_fields.error(*type, QStringLiteral("expected a MIME type like image/jpeg; "
                                                     "got %1")
                                          .arg(FieldReader::describe(type->value)));
            else if (value)
                spec.type = *value;
        }
        if (attachment.require(QStringLiteral("size")))
            spec.size = m_fields.size(*attachment.find(QStringLiteral("size"))).value_or(0);
        send.attachments.append(spec);
    }
}

void StepReader::readFetch(const YamlField &field, FetchStep &fetch)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(wordList("user protocol mode device"));
    if (map.require(QStringLiteral("user"))) {
        const YamlField &user = *map.find(QStringLiteral("user"));
        fetch.user = m_fields.address(user).value_or(QString());
        if (!fetch.user.isEmpty())
            m_references.add(ScenarioReferences::Kind::User, fetch.user, user.valuePos());
    }
    if (const YamlField *protocol = map.find(QStringLiteral("protocol"))) {
        fetch.protocol =
            m_fields.choice(*protocol, QStringLiteral("protocol"), wordList("pop3 imap http"))
                .value_or(fetch.protocol);
    } else {
        // Without `protocol`, the fetch uses what the user's own client is set up with.
        for (const HostSpec &host : m_hosts) {
            if (host.role == HostRole::Client && !host.accessProtocol.isEmpty() &&
                host.user.compare(fetch.user, Qt::CaseInsensitive) == 0) {
                fetch.protocol = host.accessProtocol;
                break;
            }
        }
    }
    if (const YamlField *mode = map.find(QStringLiteral("mode")))
        if (const auto name =
                m_fields.choice(*mode, QStringLiteral("mode"), wordList("delete keep")))
            fetch.deleteAfter = *name == QLatin1String("delete");
    // Reading in a browser leaves the mail on the server unless the reader deletes it.
    if (fetch.protocol == QLatin1String("http") && !map.find(QStringLiteral("mode")))
        fetch.deleteAfter = false;
    // Extension: which of the user's machines fetches (a phone and a laptop, say).
    if (const YamlField *device = map.find(QStringLiteral("device"))) {
        fetch.device = m_fields.string(*device).value_or(QString());
        if (!fetch.device.isEmpty())
            m_references.add(ScenarioReferences::Kind::Host, fetch.device, device->valuePos());
    }
}

void StepReader::readImap(const YamlField &field, ImapStep &imap)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(wordList("user device mailbox actions"));
    if (map.require(QStringLiteral("user"))) {
        const YamlField &user = *map.find(QStringLiteral("user"));
        imap.user = m_fields.address(user).value_or(QString());
        if (!imap.user.isEmpty())
            m_references.add(ScenarioReferences::Kind::User, imap.user, user.valuePos());
    }
    if (const YamlField *device = map.find(QStringLiteral("device"))) {
        imap.device = m_fields.string(*device).value_or(QString());
        if (!imap.device.isEmpty())
            m_references.add(ScenarioReferences::Kind::Host, imap.device, device->valuePos());
    }
    if (const YamlField *mailbox = map.find(QStringLiteral("mailbox")))
        imap.mailbox = m_fields.string(*mailbox).value_or(imap.mailbox);
    if (!map.require(QStringLiteral("actions")))
        return;
    static const QStringList kinds =
        wordList("create delete-folder rename copy move flag unflag delete expunge");
    for (const YamlField &item :
         m_fields.list(*map.find(QStringLiteral("actions"))).value_or(QList<YamlField>())) {
        ImapAction action;
        if (item.value.IsScalar()) {
            // A bare word: `- expunge`.
            action.kind =
                m_fields.choice(item, QStringLiteral("imap action"), kinds).value_or(QString());
            if (action.kind.isEmpty())
                continue;
            if (action.kind != QLatin1String("expunge")) {
                m_fields.error(item, QStringLiteral("imap action '%1' needs details, like "
                                                    "{%1: ...}")
                                         .arg(action.kind));
                continue;
            }
            imap.actions.append(action);
            continue;
        }
        const YamlMap entry(item, m_diagnostics);
        if (!entry.isValid())
            continue;
        entry.checkKeys(kinds);
        if (entry.fields().size() != 1) {
            m_diagnostics.error(entry.pos(), QStringLiteral("an imap action has exactly one of %1")
                                                 .arg(quotedAlternatives(kinds)));
            continue;
        }
        const YamlField &what = entry.fields().first();
        action.kind = what.key;
        if (!kinds.contains(action.kind))
            continue;
        if (action.kind == QLatin1String("create") ||
            action.kind == QLatin1String("delete-folder")) {
            action.folder = m_fields.string(what).value_or(QString());
        } else if (action.kind == QLatin1String("expunge")) {
            // `expunge: true` reads as well as the bare word.
        } else {
            const YamlMap details(what, m_diagnostics);
            if (!details.isValid())
                continue;
            if (action.kind == QLatin1String("rename")) {
                details.checkKeys(wordList("from to"));
                if (details.require(QStringLiteral("from")))
                    action.folder =
                        m_fields.string(*details.find(QStringLiteral("from"))).value_or(QString());
                if (details.require(QStringLiteral("to")))
                    action.target =
                        m_fields.string(*details.find(QStringLiteral("to"))).value_or(QString());
            } else {
                const bool moving =
                    action.kind == QLatin1String("copy") || action.kind == QLatin1String("move");
                const bool flagging =
                    action.kind == QLatin1String("flag") || action.kind == QLatin1String("unflag");
                details.checkKeys(moving     ? wordList("message to")
                                  : flagging ? wordList("message flags")
                                             : wordList("message"));
                if (details.require(QStringLiteral("message")))
                    action.message = int(m_fields
                                             .integer(*details.find(QStringLiteral("message")), 1,
                                                      1000000, QStringLiteral("message"))
                                             .value_or(0));
                if (moving && details.require(QStringLiteral("to")))
                    action.folder =
                        m_fields.string(*details.find(QStringLiteral("to"))).value_or(QString());
                if (flagging && details.require(QStringLiteral("flags")))
                    action.flags = m_fields.stringList(*details.find(QStringLiteral("flags")), true)
                                       .value_or(QStringList());
            }
        }
        imap.actions.append(action);
    }
}

void StepReader::readTelnet(const YamlField &field, TelnetStep &telnet)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(wordList("from to port lines"));
    const std::pair<const char *, QString *> ends[] = {{"from", &telnet.from}, {"to", &telnet.to}};
    for (const auto &[key, name] : ends) {
        if (!map.require(QLatin1String(key)))
            continue;
        const YamlField &host = *map.find(QLatin1String(key));
        *name = m_fields.string(host).value_or(QString());
        if (!name->isEmpty())
            m_references.add(ScenarioReferences::Kind::Host, *name, host.valuePos());
    }
    if (const YamlField *port = map.find(QStringLiteral("port")))
        telnet.port =
            int(m_fields.integer(*port, 1, 65535, QStringLiteral("port")).value_or(telnet.port));
    if (const YamlField *lines = map.find(QStringLiteral("lines")))
        telnet.lines = m_fields.stringList(*lines, true).value_or(QStringList());
}

void StepReader::readAsk(const YamlField &field, AskStep &ask)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    map.checkKeys(wordList("question choices answer"));
    if (map.require(QStringLiteral("question")))
        ask.question =
            m_fields.text(*map.find(QStringLiteral("question"))).value_or(LocalizedText());
    bool choicesOk = false;
    if (map.require(QStringLiteral("choices"))) {
        const YamlField &choices = *map.find(QStringLiteral("choices"));
        // Each choice is a text: "354", or {en: "2 messages", pt: "2 mensagens"}.
        if (const auto items = m_fields.list(choices)) {
            bool ok = true;
            for (const YamlField &item : *items) {
                const auto text = m_fields.text(item);
                ok = ok && text.has_value();
                const LocalizedText value = text.value_or(LocalizedText());
                ask.choices << (value.en.isEmpty() ? value.pt : value.en);
                ask.choicesPt << value.pt;
            }
            choicesOk = ok && !items->isEmpty();
            if (items->isEmpty())
                m_fields.error(choices, QStringLiteral("expected at least one choice; got an "
                                                       "empty list"));
        }
    }
    if (map.require(QStringLiteral("answer"))) {
        const YamlField &answer = *map.find(QStringLiteral("answer"));
        ask.answer = m_fields.string(answer).value_or(QString());
        if (choicesOk && !ask.answer.isNull() && !ask.choices.contains(ask.answer))
            m_fields.error(answer, QStringLiteral("answer '%1' is not one of the choices %2")
                                       .arg(ask.answer, quotedAlternatives(ask.choices)));
    }
}

void StepReader::readFault(const YamlField &field, FaultSpec &fault, SimTime stepAt)
{
    const YamlMap map(field, m_diagnostics);
    if (!map.isValid())
        return;
    if (map.require(QStringLiteral("kind"),
                    QStringLiteral(" (%1)").arg(quotedAlternatives(faultKinds()))))
        fault.kind = m_fields
                         .choice(*map.find(QStringLiteral("kind")), QStringLiteral("fault kind"),
                                 faultKinds())
                         .value_or(QString());
    const QString &kind = fault.kind;
    QStringList allowed = kind.isEmpty() ? keyUnion(faultKinds(), faultKeys) : faultKeys(kind);
    allowed = wordList("kind at for until") + allowed;
    map.checkKeys(allowed, [&](const QString &key) {
        if (kind.isEmpty() || !keyUnion(faultKinds(), faultKeys).contains(key))
            return QString();
        return QStringLiteral("key '%1' does not apply to a fault of kind %2").arg(key, kind);
    });
    const auto take = [&](const char *key) {
        return allowed.contains(QLatin1String(key)) ? map.find(QLatin1String(key)) : nullptr;
    };
    if (!kind.isEmpty()) {
        const QString detail = QStringLiteral(" for a fault of kind %1").arg(kind);
        for (const QString &key : requiredFaultKeys(kind))
            map.require(key, detail);
        if (kind == QLatin1String("slow") && !take("host") && !take("between"))
            m_diagnostics.error(map.pos(), QStringLiteral("missing required key 'host' or "
                                                          "'between'") +
                                               detail);
    }
    // Keys that exclude one another: the second one found is the error.
    const auto exclusive = [&](const QStringList &keys) {
        const YamlField *first = nullptr;
        for (const YamlField &entry : map.fields()) {
            if (!keys.contains(entry.key))
                continue;
            if (first)
                m_diagnostics.error(entry.keyPos, QStringLiteral("use only one of %1; this "
                                                                 "fault already has '%2'")
                                                      .arg(quotedAlternatives(keys), first->key));
            else
                first = &entry;
        }
    };
    exclusive(wordList("for until"));
    exclusive(wordList("host between"));
    exclusive(wordList("recipient sender stage"));

    if (const YamlField *host = take("host")) {
        fault.host = m_fields.string(*host).value_or(QString());
        if (!fault.host.isEmpty())
            m_references.add(ScenarioReferences::Kind::Host, fault.host, host->valuePos());
    }
    if (const YamlField *port = take("port"))
        fault.port = int(m_fields.integer(*port, 1, 65535, QStringLiteral("port")).value_or(0));
    if (const YamlField *code = take("code"))
        fault.code =
            int(m_fields.integer(*code, 400, 599, QStringLiteral("reject code")).value_or(0));
    if (const YamlField *text = take("text"))
        fault.text = m_fields.string(*text).value_or(QString());
    if (const YamlField *recipient = take("recipient"))
        fault.recipient = m_fields.address(*recipient).value_or(QString());
    if (const YamlField *sender = take("sender"))
        fault.sender = m_fields.address(*sender).value_or(QString());
    if (const YamlField *stage = take("stage"))
        fault.stage =
            m_fields.choice(*stage, QStringLiteral("stage"), stageNames()).value_or(QString());
    if (const YamlField *domain = take("domain"))
        fault.domain = m_fields.string(*domain).value_or(QString());
    if (const YamlField *user = take("user")) {
        fault.user = m_fields.address(*user).value_or(QString());
        if (!fault.user.isEmpty())
            m_references.add(ScenarioReferences::Kind::User, fault.user, user->valuePos());
    }
    if (const YamlField *permanent = take("permanent"))
        fault.permanent = m_fields.boolean(*permanent).value_or(false);
    if (const YamlField *between = take("between"))
        fault.between = m_references.readHostPair(m_fields, *between).value_or(QStringList());
    if (const YamlField *latency = take("latency"))
        fault.latency = m_fields.duration(*latency).value_or(0);
    if (const YamlField *at = take("at"))
        fault.at = m_fields.duration(*at).value_or(0);
    if (const YamlField *duration = take("for"))
        fault.duration = m_fields.duration(*duration);
    if (const YamlField *until = take("until")) {
        fault.until = m_fields.duration(*until);
        const SimTime start = stepAt + fault.at;
        if (fault.until && *fault.until < start)
            m_fields.error(*until, QStringLiteral("'until' %1 comes before the fault starts "
                                                  "at %2")
                                       .arg(formatDuration(*fault.until), formatDuration(start)));
    }
    // The stage a reject answers: RCPT for one recipient (and by default), MAIL for one
    // sender. A drop cuts mid-DATA unless told otherwise.
    if (kind == QLatin1String("reject") && fault.stage.isEmpty())
        fault.stage = fault.sender.isEmpty() ? QStringLiteral("rcpt") : QStringLiteral("mail");
    if (kind == QLatin1String("drop") && fault.stage.isEmpty())
        fault.stage = QStringLiteral("data");
}

} // namespace carteiro::core
