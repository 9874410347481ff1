#pragma once

#include "core/scenario/scenario.h"
#include "core/trace/trace.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace carteiro::app {

// A scenario played as a lesson: its `ask` questions and, in "predict the next reply" mode,
// each server reply the student guesses before it is shown. The first answer to each counts
// (later ones only show the answer again); the summary says what was right and what to review.
// No widgets: the window asks it and shows what it says.
class Lesson
{
    Q_DECLARE_TR_FUNCTIONS(carteiro::app::Lesson)

public:
    struct Question
    {
        int position = -1; // trace index of the ask event, or of the reply to predict
        QString text;      // in the reader's language
        QStringList choices;
        QString answer;
        std::optional<QString> given; // the first answer, once there is one
        bool prediction = false;      // a reply to predict, not an `ask` step
        QString protocol;
        core::LocalizedText asked; // an `ask` step's question in both languages
        QString server;            // the server whose reply is predicted
    };

    void reset(const core::Trace *trace, const core::Scenario *scenario, const QString &language);
    // The questions (and so the summary) in another language; the answers stay as given.
    void setLanguage(const QString &language);
    // Says a question in the lesson's language (a prediction on screen, kept by the window).
    void retell(Question &question) const;

    // The `ask` at this trace position, or null.
    const Question *askAt(int position) const;
    // In predict mode: the reply at this position that the student should guess first, or null
    // when it is not a reply's first line (or was already guessed).
    std::optional<Question> predictionAt(int position) const;
    // Records an answer (only the first one per position counts); true when it is right.
    bool answer(int position, const QString &choice, const Question *prediction = nullptr);
    bool isAnswered(int position) const;
    // The reply is shown without a guess (the student moved on): it is not asked again.
    void reveal(const Question &prediction);

    // Questions answered, of them right, and of all the scenario's asks.
    int answered() const;
    int right() const;
    int asks() const { return int(m_asks.size()); }
    int predictions() const;
    int predictionsRight() const;
    bool hasAnswers() const { return answered() > 0; }

    // A summary for the student (and to export): every question with the answer given and the
    // right one, then what to review. Markdown, which reads well as plain text too.
    QString summaryMarkdown(const QString &title) const;

    // The reply code a server line gives, as a student picks it ("250", "+OK", "NO", "404"),
    // or empty when the line does not open a reply.
    static QString replyCode(const QString &protocol, const QString &line, const QString &previous);

private:
    const core::Trace *m_trace = nullptr;
    QString m_language;
    QList<Question> m_asks;
    QMap<int, Question> m_predicted; // by position, in order
};

} // namespace carteiro::app
