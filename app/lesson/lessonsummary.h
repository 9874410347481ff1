#pragma once

#include <QDialog>

QT_BEGIN_NAMESPACE
class QPushButton;
class QTextBrowser;
QT_END_NAMESPACE

namespace carteiro::app {

// The end of a lesson: what was right and what to review, with Export for the instructor.
class LessonSummary : public QDialog
{
    Q_OBJECT

public:
    explicit LessonSummary(QWidget *parent = nullptr);

    void setSummary(const QString &markdown);
    QString markdown() const { return m_markdown; }
    // Writes the summary: .html as a web page, anything else as the Markdown text.
    bool exportTo(const QString &path, QString *error) const;

protected:
    // The window's own texts; the summary itself is said again by the classroom window.
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void exportFromDialog();

    QTextBrowser *m_view = nullptr;
    QPushButton *m_export = nullptr;
    QString m_markdown;
};

} // namespace carteiro::app
