#pragma once

#include <QByteArray>
#include <QStringList>
#include <QWidget>

class QPlainTextEdit;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace carteiro::core {
class World;
}

namespace carteiro::app {

class HeaderHighlighter;

// Every user's mailboxes at the playback position: server -> user -> folder -> message. Opening
// a message shows its source with the header names marked, the route it took read from the
// Received fields (bottom-up), and the envelope (Return-Path, the mailbox) beside the From:
// and To: headers, which need not agree.
class MailboxInspector : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, SubjectColumn, FromColumn, DateColumn, ColumnCount };

    explicit MailboxInspector(QWidget *parent = nullptr);
    ~MailboxInspector() override;

    // Shows the mailboxes of this world; null clears the view. The open message stays open
    // while it is still in its mailbox.
    void showState(const core::World *world);

    // For tests and the window: the subjects in this user's mailboxes, folder by folder.
    QStringList messageSubjects(const QString &address) const;
    // The route of the user's message at `row` (counted as messageSubjects does), one hop a
    // line, first hop first: "1. accepted by mail.crepes.fr from alice-pc ...".
    QString receivedChainText(const QString &address, int row) const;
    // Opens that message in the viewer; false if there is none.
    bool openMessage(const QString &address, int row);
    // The source shown in the viewer (empty when no message is open).
    QString sourceText() const;

    // The route as lines, first hop first; static so other views can explain a message too.
    static QStringList describeRoute(const QByteArray &raw);

private:
    QTreeWidgetItem *messageItem(const QString &address, int row) const;
    void showMessage(QTreeWidgetItem *item);
    QString detailsHtml(const QString &address, const QByteArray &raw, qint64 arrived) const;

    QTreeWidget *m_tree = nullptr;
    QTextBrowser *m_details = nullptr;
    QPlainTextEdit *m_source = nullptr;
    HeaderHighlighter *m_highlighter = nullptr;
    QString m_openKey; // "address|folder|uid" of the open message
};

} // namespace carteiro::app
