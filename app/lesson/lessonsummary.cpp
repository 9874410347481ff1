#include "app/lesson/lessonsummary.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTextBrowser>
#include <QTextDocument>
#include <QVBoxLayout>

namespace carteiro::app {

LessonSummary::LessonSummary(QWidget *parent) : QDialog(parent)
{
    resize(640, 520);
    m_view = new QTextBrowser(this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_export = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    connect(m_export, &QPushButton::clicked, this, &LessonSummary::exportFromDialog);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_view);
    layout->addWidget(buttons);
    retranslate();
}

void LessonSummary::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void LessonSummary::retranslate()
{
    setWindowTitle(tr("Lesson summary"));
    m_export->setText(tr("Export…"));
}

void LessonSummary::setSummary(const QString &markdown)
{
    m_markdown = markdown;
    m_view->setMarkdown(markdown);
}

bool LessonSummary::exportTo(const QString &path, QString *error) const
{
    QByteArray bytes;
    if (QFileInfo(path).suffix().compare(QLatin1String("html"), Qt::CaseInsensitive) == 0) {
        QTextDocument document;
        document.setMarkdown(m_markdown);
        bytes = document.toHtml().toUtf8();
    } else {
        bytes = m_markdown.toUtf8();
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) < 0 || !file.commit()) {
        *error = tr("The summary could not be written to %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void LessonSummary::exportFromDialog()
{
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export lesson summary"), QStringLiteral("lesson-summary.md"),
        tr("Markdown (*.md);;Web page (*.html);;All files (*)"));
    QString error;
    if (!path.isEmpty() && !exportTo(path, &error))
        QMessageBox::warning(this, tr("Summary not exported"), error);
}

} // namespace carteiro::app
