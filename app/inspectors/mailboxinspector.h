#pragma once

#include <QByteArray>
#include <QStringList>
#include <QWidget>

#include <memory>
#include <vector>

class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;
class QTreeWidgetItem;

namespace carteiro::core {
class World;
struct MimePart;
} // namespace carteiro::core

namespace carteiro::app {

class HeaderHighlighter;

// Every user's mailboxes at the playback position: server -> user -> folder -> message. Opening
// a message shows its source with the header names marked, the route it took read from the
// Received fields (bottom-up), and the envelope (Return-Path, the mailbox) beside the From:
// and To: headers, which need not agree. Its Structure tab shows the MIME tree: each part as it
// travelled (base64, quoted-printable) beside what the reader's program makes of it.
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

    // The open message's MIME tree, one line a part in walk (depth-first) order, two spaces
    // of indent a level: "  image/jpeg \"crepe.jpg\" | base64 | 4214 bytes | 3072 bytes".
    QStringList mimeTreeText() const;
    // Selects the part at this walk index and shows the Structure tab; false if there is none.
    bool selectPart(int index);
    // The selected part's body as it travelled, its body decoded, and its header fields.
    QString encodedText() const;
    QString decodedText() const;
    QString partHeadersText() const;
    // "Subject: ...\nFrom: ..." of the open message, encoded words decoded.
    QString summaryText() const;
    // What the MIME parser had to guess about the open message; empty when nothing.
    QStringList mimeDefects() const;

    // The route as lines, first hop first; static so other views can explain a message too.
    static QStringList describeRoute(const QByteArray &raw);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    QTreeWidgetItem *messageItem(const QString &address, int row) const;
    void showMessage(QTreeWidgetItem *item);
    QString detailsHtml(const QString &address, const QByteArray &raw, qint64 arrived) const;
    void showStructure(const QByteArray &raw);
    void clearStructure();
    void showPart(int index);

    QTreeWidget *m_tree = nullptr;
    QTextBrowser *m_details = nullptr;
    QPlainTextEdit *m_source = nullptr;
    HeaderHighlighter *m_highlighter = nullptr;
    QTabWidget *m_viewerTabs = nullptr;
    QWidget *m_structurePage = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_defects = nullptr;
    QTreeWidget *m_mimeTree = nullptr;
    QPlainTextEdit *m_encoded = nullptr;
    QPlainTextEdit *m_decoded = nullptr;
    QPlainTextEdit *m_partHeaders = nullptr;
    QLabel *m_encodedLabel = nullptr;
    QLabel *m_decodedLabel = nullptr;
    std::unique_ptr<core::MimePart> m_mime;      // the open message, parsed
    std::vector<const core::MimePart *> m_parts; // m_mime's parts in walk order
    QStringList m_mimeDefectList;
    QString m_openKey; // "address|folder|uid" of the open message
};

} // namespace carteiro::app
