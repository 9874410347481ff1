#include "app/models/lesson.h"

#include <QRegularExpression>

namespace carteiro::app {

namespace {

// The replies a student may mistake for one another, per protocol: the right one and three
// of these (those nearest in the list) make the choices.
const QStringList &replyChoices(const QString &protocol)
{
    static const QStringList smtp{
        QStringLiteral("220"), QStringLiteral("250"), QStringLiteral("354"), QStringLiteral("221"),
        QStringLiteral("235"), QStringLiteral("252"), QStringLiteral("421"), QStringLiteral("450"),
        QStringLiteral("452"), QStringLiteral("500"), QStringLiteral("501"), QStringLiteral("502"),
        QStringLiteral("503"), QStringLiteral("530"), QStringLiteral("535"), QStringLiteral("550"),
        QStringLiteral("552"), QStringLiteral("554")};
    static const QStringList pop3{QStringLiteral("+OK"), QStringLiteral("-ERR")};
    static const QStringList imap{QStringLiteral("OK"), QStringLiteral("NO"),
                                  QStringLiteral("BAD")};
    static const QStringList http{
        QStringLiteral("200"), QStringLiteral("303"), QStringLiteral("400"), QStringLiteral("403"),
        QStringLiteral("404"), QStringLiteral("405"), QStringLiteral("502")};
    if (protocol == QLatin1String("POP3"))
        return pop3;
    if (protocol == QLatin1String("IMAP"))
        return imap;
    if (protocol == QLatin1String("HTTP"))
        return http;
    return smtp;
}

} // namespace

void Lesson::reset(const core::Trace *trace, const core::Scenario *scenario,
                   const QString &language)
{
    m_trace = trace;
    m_language = language;
    m_asks.clear();
    m_predicted.clear();
    if (!trace)
        return;
    for (std::size_t i = 0; i < trace->size(); ++i) {
        if (trace->typeAt(i) != core::TraceEvent::Type::Ask)
            continue;
        const core::TraceEvent ask = trace->at(i);
        Question question;
        question.position = int(i);
        // The trace keeps the English question (or the Portuguese, when that is all there is).
        question.asked.en = ask.text;
        // extra holds the choices, then the right answer.
        question.choices = ask.extra.mid(0, ask.extra.size() - 1);
        question.answer = ask.extra.value(ask.extra.size() - 1);
        if (scenario)
            for (const core::Step &step : scenario->steps)
                if (step.kind == core::Step::Kind::Ask &&
                    (step.ask.question.en.isEmpty() ? step.ask.question.pt
                                                    : step.ask.question.en) == ask.text)
                    question.asked = step.ask.question;
        retell(question);
        m_asks.append(question);
    }
}

void Lesson::setLanguage(const QString &language)
{
    m_language = language;
    for (Question &question : m_asks)
        retell(question);
    for (Question &question : m_predicted)
        retell(question);
}

void Lesson::retell(Question &question) const
{
    question.text = question.prediction ? tr("What will %1 answer?").arg(question.server)
                                        : question.asked.text(m_language);
}

const Lesson::Question *Lesson::askAt(int position) const
{
    for (const Question &question : m_asks)
        if (question.position == position)
            return &question;
    return nullptr;
}

QString Lesson::replyCode(const QString &protocol, const QString &line, const QString &previous)
{
    if (protocol == QLatin1String("POP3")) {
        if (line.startsWith(QLatin1String("+OK")))
            return QStringLiteral("+OK");
        if (line.startsWith(QLatin1String("-ERR")))
            return QStringLiteral("-ERR");
        return {};
    }
    if (protocol == QLatin1String("IMAP")) {
        // Only tagged completions: "a001 OK LOGIN completed" (RFC 3501 section 7.1).
        static const QRegularExpression tagged(QStringLiteral("^[A-Za-z0-9]+ (OK|NO|BAD)\\b"));
        const auto match = tagged.match(line);
        return match.hasMatch() && !line.startsWith(QLatin1Char('*')) ? match.captured(1)
                                                                      : QString();
    }
    if (protocol == QLatin1String("HTTP")) {
        static const QRegularExpression status(QStringLiteral("^HTTP/1\\.\\d (\\d{3})\\b"));
        const auto match = status.match(line);
        return match.hasMatch() ? match.captured(1) : QString();
    }
    // SMTP: a code then space or dash; only the first line of a multi-line reply.
    static const QRegularExpression code(QStringLiteral("^(\\d{3})([ -]|$)"));
    const auto match = code.match(line);
    if (!match.hasMatch())
        return {};
    if (previous.size() >= 4 && previous.left(3) == match.captured(1) &&
        previous.at(3) == QLatin1Char('-'))
        return {}; // a continuation of the reply above
    return match.captured(1);
}

std::optional<Lesson::Question> Lesson::predictionAt(int position) const
{
    if (!m_trace || position < 0 || std::size_t(position) >= m_trace->size() ||
        m_trace->typeAt(std::size_t(position)) != core::TraceEvent::Type::Line ||
        m_predicted.contains(position))
        return std::nullopt;
    const core::TraceEvent line = m_trace->at(std::size_t(position));
    if (line.direction != core::TraceEvent::Direction::ServerToClient)
        return std::nullopt;
    // The same connection's line before this one, for SMTP's multi-line replies.
    QString previous;
    for (int i = position - 1; i >= 0 && i >= position - 64; --i) {
        if (m_trace->typeAt(std::size_t(i)) != core::TraceEvent::Type::Line)
            continue;
        const core::TraceEvent before = m_trace->at(std::size_t(i));
        if (before.connection == line.connection) {
            if (before.direction == core::TraceEvent::Direction::ServerToClient)
                previous = before.text;
            break;
        }
    }
    const QString code = replyCode(line.protocol, line.text, previous);
    if (code.isEmpty())
        return std::nullopt;
    Question question;
    question.position = position;
    question.prediction = true;
    question.protocol = line.protocol;
    question.answer = code;
    question.server = line.server;
    retell(question);
    const QStringList &all = replyChoices(line.protocol);
    if (all.size() <= 4) {
        question.choices = all;
    } else {
        // The right code and its three neighbours in the list: close enough to make one think.
        const int at = std::max(0, int(all.indexOf(code)));
        const int first = std::clamp(at - 1, 0, int(all.size()) - 4);
        question.choices = all.mid(first, 4);
        if (!question.choices.contains(code))
            question.choices[3] = code;
    }
    return question;
}

bool Lesson::answer(int position, const QString &choice, const Question *prediction)
{
    for (Question &question : m_asks) {
        if (question.position != position)
            continue;
        if (!question.given)
            question.given = choice;
        return choice == question.answer;
    }
    if (prediction) {
        if (!m_predicted.contains(position)) {
            Question recorded = *prediction;
            recorded.given = choice;
            m_predicted.insert(position, recorded);
        }
        return choice == prediction->answer;
    }
    return false;
}

bool Lesson::isAnswered(int position) const
{
    if (m_predicted.contains(position))
        return true;
    const Question *ask = askAt(position);
    return ask && ask->given.has_value();
}

void Lesson::reveal(const Question &prediction)
{
    if (!m_predicted.contains(prediction.position))
        m_predicted.insert(prediction.position, prediction);
}

int Lesson::answered() const
{
    int n = 0;
    for (const Question &question : m_predicted)
        n += question.given ? 1 : 0;
    for (const Question &question : m_asks)
        n += question.given ? 1 : 0;
    return n;
}

int Lesson::right() const
{
    int n = predictionsRight();
    for (const Question &question : m_asks)
        n += question.given && *question.given == question.answer ? 1 : 0;
    return n;
}

int Lesson::predictions() const
{
    int n = 0;
    for (const Question &question : m_predicted)
        n += question.given ? 1 : 0;
    return n;
}

int Lesson::predictionsRight() const
{
    int n = 0;
    for (const Question &question : m_predicted)
        n += question.given && *question.given == question.answer ? 1 : 0;
    return n;
}

QString Lesson::summaryMarkdown(const QString &title) const
{
    QString out = tr("# Lesson summary: %1").arg(title) + QStringLiteral("\n\n");
    int asksRight = 0, asksAnswered = 0;
    for (const Question &question : m_asks) {
        asksAnswered += question.given ? 1 : 0;
        asksRight += question.given && *question.given == question.answer ? 1 : 0;
    }
    out += tr("Questions: %1 right of %2 answered (%3 in the lesson).")
               .arg(asksRight)
               .arg(asksAnswered)
               .arg(m_asks.size()) +
           QLatin1Char('\n');
    if (!m_predicted.isEmpty())
        out += tr("Replies predicted: %1 right of %2.").arg(predictionsRight()).arg(predictions()) +
               QLatin1Char('\n');
    out += QLatin1Char('\n');

    QStringList review;
    auto entry = [&](const Question &question) {
        const core::SimTime time = m_trace ? m_trace->timeAt(std::size_t(question.position)) : 0;
        QString mark;
        if (!question.given)
            mark = tr("not answered");
        else if (*question.given == question.answer)
            mark = tr("right: %1").arg(question.answer);
        else
            mark = tr("answered %1; the answer is %2").arg(*question.given, question.answer);
        out += QStringLiteral("- %1 (%2) %3 \u2014 %4\n")
                   .arg(question.given && *question.given == question.answer
                            ? QStringLiteral("\u2714")
                            : QStringLiteral("\u2718"),
                        core::formatSimTime(time), question.text, mark);
        if (!question.given || *question.given != question.answer)
            review << (question.prediction
                           ? tr("%1 reply %2 at %3: read what it means in the dialogue pane.")
                                 .arg(question.protocol, question.answer, core::formatSimTime(time))
                           : question.text);
    };
    if (!m_asks.isEmpty()) {
        out += tr("## Questions") + QStringLiteral("\n\n");
        for (const Question &question : m_asks)
            entry(question);
        out += QLatin1Char('\n');
    }
    if (!m_predicted.isEmpty()) {
        out += tr("## Predicted replies") + QStringLiteral("\n\n");
        for (const Question &question : m_predicted)
            entry(question);
        out += QLatin1Char('\n');
    }
    out += tr("## To review") + QStringLiteral("\n\n");
    if (review.isEmpty())
        out += tr("Nothing: every answer was right.") + QLatin1Char('\n');
    for (const QString &item : review)
        out += QStringLiteral("- %1\n").arg(item);
    return out;
}

} // namespace carteiro::app
