#include "app/inspectors/mailboxinspector.h"

#include "app/inspectors/readablefont.h"
#include "app/inspectors/receivedchain.h"
#include "core/message/mimecodec.h"
#include "core/message/mimemessage.h"
#include "core/message/rfc5322.h"
#include "core/world/world.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSet>
#include <QSplitter>
#include <QSyntaxHighlighter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace carteiro::app {

namespace {

enum Role {
    KindRole = Qt::UserRole + 1, // ItemKind
    KeyRole,                     // what identifies the item across positions
    AddressRole,
    RawRole,
    ArrivedRole
};
enum ItemKind { ServerItem, AccountItem, FolderItem, MessageItem };

enum MimeColumn {
    PartTypeColumn,
    PartDetailsColumn,
    PartEncodingColumn,
    PartEncodedSizeColumn,
    PartDecodedSizeColumn,
    PartColumnCount
};
constexpr int PartIndexRole = Qt::UserRole + 1;

// A binary part's decoded pane shows this much of it: enough to recognise a JPEG or PNG
// signature without scrolling through kilobytes.
constexpr int kHexDumpBytes = 256;
// The encoded pane stops here so a large attachment does not stall the viewer.
constexpr int kMaxEncodedShown = 256 * 1024;

bool isTextual(const core::MimePart &part)
{
    return part.contentType.startsWith(QLatin1String("text/")) ||
           part.contentType == QLatin1String("message/delivery-status");
}

// "0000  ff d8 ff e0 00 10 4a 46  49 46 00 01 01 00 00 01  |......JFIF......|"
QString hexDump(const QByteArray &bytes)
{
    QString out;
    for (int offset = 0; offset < bytes.size(); offset += 16) {
        QString hex;
        QString ascii;
        for (int i = 0; i < 16; ++i) {
            if (i == 8)
                hex += QLatin1Char(' ');
            if (offset + i < bytes.size()) {
                const auto byte = static_cast<unsigned char>(bytes.at(offset + i));
                hex += QStringLiteral("%1 ").arg(uint(byte), 2, 16, QLatin1Char('0'));
                ascii += byte >= 0x20 && byte < 0x7f ? QChar(byte) : QChar(u'.');
            } else {
                hex += QLatin1String("   ");
            }
        }
        out += QStringLiteral("%1  %2 |%3|\n").arg(offset, 4, 16, QLatin1Char('0')).arg(hex, ascii);
    }
    return out;
}

QString sizeText(qsizetype size)
{
    return MailboxInspector::tr("%1 bytes").arg(size);
}

void walkParts(const core::MimePart &part, QTreeWidgetItem *parentItem, QTreeWidget *tree,
               std::vector<const core::MimePart *> &parts)
{
    auto *item = parentItem ? new QTreeWidgetItem(parentItem) : new QTreeWidgetItem(tree);
    item->setData(0, PartIndexRole, int(parts.size()));
    parts.push_back(&part);
    item->setText(PartTypeColumn, part.contentType);
    QStringList details;
    const QString charset = part.parameters.value(QStringLiteral("charset"));
    if (!charset.isEmpty())
        details << QStringLiteral("charset=%1").arg(charset);
    const QString filename = part.filename();
    if (!filename.isEmpty())
        details << QStringLiteral("\"%1\"").arg(filename);
    item->setText(PartDetailsColumn, details.join(QLatin1Char(' ')));
    item->setText(PartEncodingColumn,
                  part.transferEncoding.isEmpty() ? QStringLiteral("7bit") : part.transferEncoding);
    item->setText(PartEncodedSizeColumn, sizeText(part.rawBody.size()));
    // A multipart has no body of its own to decode: its parts are its children.
    if (!part.isMultipart())
        item->setText(PartDecodedSizeColumn, sizeText(part.decodedBody().size()));
    for (const core::MimePart &child : part.children)
        walkParts(child, item, tree, parts);
}

QString messageKey(const QString &address, const QString &folder, quint32 uid)
{
    return QStringLiteral("%1|%2|%3").arg(address, folder).arg(uid);
}

void collapsedKeys(const QTreeWidgetItem *item, QSet<QString> &keys)
{
    if (item->childCount() > 0 && !item->isExpanded())
        keys << item->data(0, KeyRole).toString();
    for (int i = 0; i < item->childCount(); ++i)
        collapsedKeys(item->child(i), keys);
}

} // namespace

// Header names stand out from their values; the trace fields the servers added (Received,
// Return-Path) in another colour than the ones the author's program wrote. Block state 1 is
// the body, after the first empty line.
class HeaderHighlighter : public QSyntaxHighlighter
{
public:
    explicit HeaderHighlighter(QTextDocument *document) : QSyntaxHighlighter(document)
    {
        m_name.setForeground(QColor(0x0b, 0x3d, 0x91));
        m_name.setFontWeight(QFont::Bold);
        m_traceName.setForeground(QColor(0x9a, 0x3d, 0x00));
        m_traceName.setFontWeight(QFont::Bold);
        m_body.setForeground(QColor(0x30, 0x30, 0x30));
    }

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression field(QStringLiteral("^([!-9;-~]+):"));
        if (previousBlockState() == 1 || (previousBlockState() != 0 && text.isEmpty())) {
            setCurrentBlockState(1);
            setFormat(0, int(text.size()), m_body);
            return;
        }
        if (text.isEmpty()) {
            setCurrentBlockState(1);
            return;
        }
        setCurrentBlockState(0);
        const QRegularExpressionMatch match = field.match(text);
        if (!match.hasMatch())
            return; // a folded continuation line
        const QString name = match.captured(1);
        const bool trace = name.compare(QLatin1String("Received"), Qt::CaseInsensitive) == 0 ||
                           name.compare(QLatin1String("Return-Path"), Qt::CaseInsensitive) == 0;
        setFormat(0, int(match.capturedLength()), trace ? m_traceName : m_name);
    }

private:
    QTextCharFormat m_name;
    QTextCharFormat m_traceName;
    QTextCharFormat m_body;
};

MailboxInspector::MailboxInspector(QWidget *parent) : QWidget(parent)
{
    useReadableFont(this);
    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(std::max(mono.pointSize(), kReadablePointSize));
    m_source = new QPlainTextEdit(this);
    m_source->setReadOnly(true);
    m_source->setFont(mono);
    m_source->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_highlighter = new HeaderHighlighter(m_source->document());

    m_details = new QTextBrowser(this);
    m_details->setOpenLinks(false);

    m_summary = new QLabel(this);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_defects = new QLabel(this);
    m_defects->setWordWrap(true);
    m_defects->setStyleSheet(QStringLiteral("color: #9a3d00"));
    m_defects->hide();

    m_mimeTree = new QTreeWidget(this);
    m_mimeTree->setColumnCount(PartColumnCount);
    m_mimeTree->setUniformRowHeights(true);
    m_mimeTree->setRootIsDecorated(true);
    m_mimeTree->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto monoView = [this, &mono]() {
        auto *view = new QPlainTextEdit(this);
        view->setReadOnly(true);
        view->setFont(mono);
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        return view;
    };
    m_partHeaders = monoView();
    m_encoded = monoView();
    m_decoded = monoView();

    auto *encodedBox = new QWidget(this);
    auto *encodedLayout = new QVBoxLayout(encodedBox);
    encodedLayout->setContentsMargins(0, 0, 0, 0);
    m_encodedLabel = new QLabel(encodedBox);
    encodedLayout->addWidget(m_encodedLabel);
    encodedLayout->addWidget(m_encoded);
    auto *decodedBox = new QWidget(this);
    auto *decodedLayout = new QVBoxLayout(decodedBox);
    decodedLayout->setContentsMargins(0, 0, 0, 0);
    m_decodedLabel = new QLabel(decodedBox);
    decodedLayout->addWidget(m_decodedLabel);
    decodedLayout->addWidget(m_decoded);
    auto *bodies = new QSplitter(Qt::Horizontal, this);
    bodies->addWidget(encodedBox);
    bodies->addWidget(decodedBox);

    auto *treeBox = new QWidget(this);
    auto *treeLayout = new QVBoxLayout(treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->addWidget(m_summary);
    treeLayout->addWidget(m_defects);
    treeLayout->addWidget(m_mimeTree);

    auto *structure = new QSplitter(Qt::Vertical, this);
    structure->addWidget(treeBox);
    structure->addWidget(m_partHeaders);
    structure->addWidget(bodies);
    structure->setStretchFactor(0, 1);
    structure->setStretchFactor(1, 1);
    structure->setStretchFactor(2, 3);

    m_viewerTabs = new QTabWidget(this);
    m_viewerTabs->addTab(m_source, QString());
    m_viewerTabs->addTab(structure, QString());
    m_structurePage = structure;

    auto *viewer = new QSplitter(Qt::Vertical, this);
    viewer->addWidget(m_details);
    viewer->addWidget(m_viewerTabs);
    viewer->setStretchFactor(0, 1);
    viewer->setStretchFactor(1, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_tree);
    splitter->addWidget(viewer);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(m_tree, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { showMessage(current); });
    connect(m_mimeTree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *current) {
        showPart(current ? current->data(0, PartIndexRole).toInt() : -1);
    });
    retranslate();
    showState(nullptr);
}

void MailboxInspector::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // The open message's explanations, said again (the window refreshes the tree).
        m_openKey.clear();
        showMessage(m_tree->currentItem());
    }
    QWidget::changeEvent(event);
}

void MailboxInspector::retranslate()
{
    m_tree->setHeaderLabels({tr("Mailbox"), tr("Subject"), tr("From"), tr("Date")});
    m_source->setPlaceholderText(tr("Open a message to see its source."));
    m_details->setPlaceholderText(
        tr("Open a message: its route and its envelope are explained here."));
    m_mimeTree->setHeaderLabels(
        {tr("Part"), tr("Charset / file"), tr("Transfer encoding"), tr("Encoded"), tr("Decoded")});
    m_partHeaders->setPlaceholderText(tr("The selected part's header fields."));
    m_encoded->setPlaceholderText(tr("The selected part's body as it travelled."));
    m_decoded->setPlaceholderText(tr("The selected part's body decoded."));
    m_encodedLabel->setText(tr("Encoded (as it travelled)"));
    m_decodedLabel->setText(tr("Decoded (what the reader sees)"));
    m_viewerTabs->setTabText(0, tr("Source"));
    m_viewerTabs->setTabText(1, tr("Structure"));
}

MailboxInspector::~MailboxInspector() = default;

void MailboxInspector::showState(const core::World *world)
{
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i)
        collapsedKeys(m_tree->topLevelItem(i), collapsed);
    const QString open = m_openKey;

    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    QTreeWidgetItem *reopen = nullptr;
    if (world) {
        for (const core::Mta *mta : world->mtas()) {
            const core::MailboxStore &store = mta->mailboxes();
            const QStringList addresses = store.addresses();
            if (addresses.isEmpty())
                continue; // a relay without mailboxes (a backup MX) has nothing to show
            auto *server = new QTreeWidgetItem(m_tree);
            server->setText(NameColumn, mta->name());
            server->setData(0, KindRole, ServerItem);
            server->setData(0, KeyRole, mta->name());
            QFont bold = server->font(NameColumn);
            bold.setBold(true);
            server->setFont(NameColumn, bold);
            for (const QString &address : addresses) {
                const core::MailAccount *account = store.account(address);
                auto *user = new QTreeWidgetItem(server);
                user->setText(NameColumn, account->name.isEmpty() ? address
                                                                  : QStringLiteral("%1 <%2>").arg(
                                                                        account->name, address));
                user->setData(0, KindRole, AccountItem);
                user->setData(0, KeyRole, address);
                for (auto it = account->folders.cbegin(); it != account->folders.cend(); ++it) {
                    auto *folder = new QTreeWidgetItem(user);
                    const int count = int(it.value().messages.size());
                    folder->setText(NameColumn,
                                    count == 1 ? tr("%1 (1 message)").arg(it.key())
                                               : tr("%1 (%2 messages)").arg(it.key()).arg(count));
                    folder->setData(0, KindRole, FolderItem);
                    folder->setData(0, KeyRole, address + QLatin1Char('|') + it.key());
                    for (const core::StoredMessage &message : it.value().messages) {
                        auto *item = new QTreeWidgetItem(folder);
                        const QString key = messageKey(address, it.key(), message.uid);
                        item->setText(NameColumn, tr("UID %1").arg(message.uid));
                        item->setText(FromColumn, decodeWords(core::rfc5322::headerValue(
                                                      message.raw, QStringLiteral("From"))));
                        item->setText(SubjectColumn, decodeWords(core::rfc5322::headerValue(
                                                         message.raw, QStringLiteral("Subject"))));
                        item->setText(DateColumn, core::rfc5322::headerValue(
                                                      message.raw, QStringLiteral("Date")));
                        item->setData(0, KindRole, MessageItem);
                        item->setData(0, KeyRole, key);
                        item->setData(0, AddressRole, address);
                        item->setData(0, RawRole, message.raw);
                        item->setData(0, ArrivedRole, message.arrived);
                        if (key == open)
                            reopen = item;
                    }
                }
            }
        }
    }
    // Everything starts open: a classroom scenario has a handful of users and messages.
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        (*it)->setExpanded(!collapsed.contains((*it)->data(0, KeyRole).toString()));
    if (reopen)
        m_tree->setCurrentItem(reopen);
    showMessage(reopen);
}

void MailboxInspector::showMessage(QTreeWidgetItem *item)
{
    if (!item || item->data(0, KindRole).toInt() != MessageItem) {
        m_openKey.clear();
        m_source->clear();
        m_details->clear();
        clearStructure();
        return;
    }
    const QString key = item->data(0, KeyRole).toString();
    const QByteArray raw = item->data(0, RawRole).toByteArray();
    if (key == m_openKey && !m_source->document()->isEmpty())
        return; // the same message, still there: keep the reader's scroll position
    m_openKey = key;
    QString text = QString::fromUtf8(raw);
    text.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    m_source->setPlainText(text);
    m_details->setHtml(detailsHtml(item->data(0, AddressRole).toString(), raw,
                                   item->data(0, ArrivedRole).toLongLong()));
    showStructure(raw);
}

void MailboxInspector::clearStructure()
{
    const QSignalBlocker blocker(m_mimeTree);
    m_mimeTree->clear();
    m_parts.clear();
    m_mime.reset();
    m_mimeDefectList.clear();
    m_summary->clear();
    m_defects->clear();
    m_defects->hide();
    m_partHeaders->clear();
    m_encoded->clear();
    m_decoded->clear();
}

void MailboxInspector::showStructure(const QByteArray &raw)
{
    clearStructure();
    m_mime = std::make_unique<core::MimePart>(core::MimeParser::parse(raw, &m_mimeDefectList));
    {
        const QSignalBlocker blocker(m_mimeTree);
        walkParts(*m_mime, nullptr, m_mimeTree, m_parts);
        m_mimeTree->expandAll();
    }
    using core::rfc5322::headerValue;
    m_summary->setText(
        tr("Subject: %1\nFrom: %2")
            .arg(core::mime::decodeWords(headerValue(raw, QStringLiteral("Subject"))),
                 core::mime::decodeWords(headerValue(raw, QStringLiteral("From")))));
    if (!m_mimeDefectList.isEmpty()) {
        m_defects->setText(
            tr("The parser had to guess: %1").arg(m_mimeDefectList.join(QLatin1String(" "))));
        m_defects->show();
    }
    // The root part, without leaving the tab the reader is on.
    m_mimeTree->setCurrentItem(m_mimeTree->topLevelItem(0));
}

void MailboxInspector::showPart(int index)
{
    m_partHeaders->clear();
    m_encoded->clear();
    m_decoded->clear();
    if (index < 0 || index >= int(m_parts.size()))
        return;
    const core::MimePart &part = *m_parts.at(std::size_t(index));

    QStringList headers;
    for (const core::HeaderField &field : part.headers)
        headers << field.first + QLatin1Char(':') +
                       (field.second.startsWith(QLatin1Char(' '))
                            ? field.second
                            : QLatin1Char(' ') + field.second);
    m_partHeaders->setPlainText(headers.isEmpty() ? tr("(no header fields: defaults apply)")
                                                  : headers.join(QLatin1Char('\n')));

    QString encoded = QString::fromUtf8(part.rawBody.left(kMaxEncodedShown));
    encoded.replace(QLatin1String("\r\n"), QLatin1String("\n"));
    if (part.rawBody.size() > kMaxEncodedShown)
        encoded += tr("\n[... %1 bytes in all]").arg(part.rawBody.size());
    m_encoded->setPlainText(encoded);

    if (part.isMultipart()) {
        m_decoded->setPlainText(
            tr("A multipart has no content of its own: its %1 parts are below it in the tree, "
               "between the boundary lines shown on the left.")
                .arg(part.children.size()));
    } else if (isTextual(part)) {
        m_decoded->setPlainText(part.text());
    } else if (!part.children.isEmpty()) {
        m_decoded->setPlainText(tr("An enclosed message: its parts are below it in the tree.\n\n") +
                                part.text());
    } else {
        const QByteArray bytes = part.decodedBody();
        QString text = tr("%1 bytes of %2").arg(bytes.size()).arg(part.contentType);
        if (bytes.size() > kHexDumpBytes)
            text += tr(", the first %1 shown").arg(kHexDumpBytes);
        m_decoded->setPlainText(text + QStringLiteral(":\n\n") +
                                hexDump(bytes.left(kHexDumpBytes)));
    }
}

QStringList MailboxInspector::mimeTreeText() const
{
    QStringList lines;
    for (QTreeWidgetItemIterator it(m_mimeTree); *it; ++it) {
        int depth = 0;
        for (const QTreeWidgetItem *up = (*it)->parent(); up; up = up->parent())
            ++depth;
        QString line = QString(depth * 2, QLatin1Char(' ')) + (*it)->text(PartTypeColumn);
        if (!(*it)->text(PartDetailsColumn).isEmpty())
            line += QLatin1Char(' ') + (*it)->text(PartDetailsColumn);
        for (int column = PartEncodingColumn; column < PartColumnCount; ++column)
            if (!(*it)->text(column).isEmpty())
                line += QStringLiteral(" | ") + (*it)->text(column);
        lines << line;
    }
    return lines;
}

bool MailboxInspector::selectPart(int index)
{
    for (QTreeWidgetItemIterator it(m_mimeTree); *it; ++it) {
        if ((*it)->data(0, PartIndexRole).toInt() != index)
            continue;
        m_viewerTabs->setCurrentWidget(m_structurePage);
        if (m_mimeTree->currentItem() == *it)
            showPart(index);
        else
            m_mimeTree->setCurrentItem(*it);
        return true;
    }
    return false;
}

QString MailboxInspector::encodedText() const
{
    return m_encoded->toPlainText();
}

QString MailboxInspector::decodedText() const
{
    return m_decoded->toPlainText();
}

QString MailboxInspector::partHeadersText() const
{
    return m_partHeaders->toPlainText();
}

QString MailboxInspector::summaryText() const
{
    return m_summary->text();
}

QStringList MailboxInspector::mimeDefects() const
{
    return m_mimeDefectList;
}

QStringList MailboxInspector::describeRoute(const QByteArray &raw)
{
    QStringList lines;
    const QList<ReceivedHop> hops = receivedChain(raw);
    for (int i = 0; i < hops.size(); ++i) {
        const ReceivedHop &hop = hops.at(i);
        // The host the server saw is in the comment; the name before it is what the client
        // claimed in HELO/EHLO, which nothing checks.
        const QString client = hop.fromComment.isEmpty() ? hop.from : hop.fromComment;
        QString line = i == 0 ? tr("%1. accepted by %2 from %3").arg(i + 1).arg(hop.by, client)
                              : tr("%1. relayed to %2 from %3").arg(i + 1).arg(hop.by, client);
        if (!hop.from.isEmpty() && hop.from != client)
            line += tr(" (which said HELO %1)").arg(hop.from);
        if (!hop.with.isEmpty())
            line += tr(" with %1").arg(hop.with);
        if (!hop.id.isEmpty())
            line += tr(", queue id %1").arg(hop.id);
        if (!hop.forAddress.isEmpty())
            line += tr(", for <%1>").arg(hop.forAddress);
        if (!hop.date.isEmpty())
            line += tr(", at %1").arg(hop.date);
        lines << line;
    }
    return lines;
}

QString MailboxInspector::detailsHtml(const QString &address, const QByteArray &raw,
                                      qint64 arrived) const
{
    using core::rfc5322::headerValue;
    const QString returnPath = headerValue(raw, QStringLiteral("Return-Path"));
    const QString from = decodeWords(headerValue(raw, QStringLiteral("From")));
    QStringList headerRecipients;
    for (const QString &name : {QStringLiteral("To"), QStringLiteral("Cc")}) {
        const QString value = headerValue(raw, name);
        if (!value.isEmpty())
            headerRecipients
                << QStringLiteral("%1: %2").arg(name, decodeWords(value)).toHtmlEscaped();
    }
    const QString envelopeSender = core::rfc5322::addressOf(returnPath);
    const QString headerSender = core::rfc5322::addressOf(from);

    QString routeHtml =
        QStringLiteral("<h3>%1</h3>")
            .arg(tr("Route, read from the Received fields bottom-up").toHtmlEscaped());
    const QStringList route = describeRoute(raw);
    if (route.isEmpty()) {
        routeHtml +=
            QStringLiteral("<p>%1</p>")
                .arg(tr("No Received field: the message never crossed SMTP.").toHtmlEscaped());
    } else {
        routeHtml += QStringLiteral("<p>");
        for (const QString &line : route)
            routeHtml += line.toHtmlEscaped() + QStringLiteral("<br>");
        routeHtml += tr("Stored in %1's mailbox at %2 (simulation clock).")
                         .arg(address, core::formatSimTime(arrived))
                         .toHtmlEscaped();
        routeHtml += QStringLiteral("</p>");
    }
    QString html = routeHtml;
    html += QStringLiteral("<h3>%1</h3>").arg(tr("Envelope and headers").toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='4' border='1' "
                           "style='border-collapse: collapse'>");
    html += QStringLiteral("<tr><th></th><th>%1</th><th>%2</th></tr>")
                .arg(tr("Envelope (SMTP MAIL FROM / RCPT TO)").toHtmlEscaped(),
                     tr("Headers (what the mail program shows)").toHtmlEscaped());
    html +=
        QStringLiteral(
            "<tr><td><b>%1</b></td><td><tt>%2</tt><br><span style='color:#404040'>%3</span></td>"
            "<td><tt>From: %4</tt></td></tr>")
            .arg(tr("Sender").toHtmlEscaped(),
                 (returnPath.isEmpty() ? tr("(not recorded)") : returnPath).toHtmlEscaped(),
                 tr("Return-Path: the reverse-path recorded at delivery").toHtmlEscaped(),
                 from.toHtmlEscaped());
    html +=
        QStringLiteral(
            "<tr><td><b>%1</b></td><td><tt>&lt;%2&gt;</tt><br><span style='color:#404040'>%3</span>"
            "</td><td><tt>%4</tt></td></tr></table>")
            .arg(tr("Recipient").toHtmlEscaped(), address.toHtmlEscaped(),
                 tr("the mailbox it was delivered to").toHtmlEscaped(),
                 headerRecipients.join(QStringLiteral("<br>")));
    QString note;
    if (returnPath.trimmed() == QLatin1String("<>"))
        note = tr("The envelope sender is empty (<>): this is a bounce, and a bounce is never "
                  "bounced back (RFC 5321 section 4.5.5).");
    else if (!envelopeSender.isEmpty() &&
             envelopeSender.compare(headerSender, Qt::CaseInsensitive) != 0)
        note = tr("The envelope sender and the From: header differ: bounces go to the "
                  "envelope sender, the reader sees From:.");
    else
        note = tr("Bounces go to the envelope sender; the reader sees the From: header. Here "
                  "they agree, but nothing forces them to.");
    html += QStringLiteral("<p>%1</p>").arg(note.toHtmlEscaped());

    return html;
}

QTreeWidgetItem *MailboxInspector::messageItem(const QString &address, int row) const
{
    int seen = 0;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, KindRole).toInt() != MessageItem ||
            (*it)->data(0, AddressRole).toString().compare(address, Qt::CaseInsensitive) != 0)
            continue;
        if (seen++ == row)
            return *it;
    }
    return nullptr;
}

QStringList MailboxInspector::messageSubjects(const QString &address) const
{
    QStringList subjects;
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it)
        if ((*it)->data(0, KindRole).toInt() == MessageItem &&
            (*it)->data(0, AddressRole).toString().compare(address, Qt::CaseInsensitive) == 0)
            subjects << (*it)->text(SubjectColumn);
    return subjects;
}

QString MailboxInspector::receivedChainText(const QString &address, int row) const
{
    const QTreeWidgetItem *item = messageItem(address, row);
    return item ? describeRoute(item->data(0, RawRole).toByteArray()).join(QLatin1Char('\n'))
                : QString();
}

bool MailboxInspector::openMessage(const QString &address, int row)
{
    QTreeWidgetItem *item = messageItem(address, row);
    if (!item)
        return false;
    m_tree->setCurrentItem(item);
    m_tree->scrollToItem(item);
    return true;
}

QString MailboxInspector::sourceText() const
{
    return m_source->toPlainText();
}

} // namespace carteiro::app
