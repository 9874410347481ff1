#include "app/console/consolewidget.h"

#include "app/inspectors/readablefont.h"
#include "core/mta/mta.h"
#include "core/net/linesession.h"
#include "core/world/world.h"

#include <QComboBox>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTextCursor>
#include <QVBoxLayout>

#include <algorithm>

namespace carteiro::app {

namespace {

constexpr int kConsolePointSize = 12; // the console is read from the back of the room

// Colours that keep their contrast on a white background through a projector.
const QColor kClientColour(0x0b, 0x47, 0xa1); // blue: what the student typed
const QColor kServerColour(0x1b, 0x6e, 0x20); // green: what the server answered
const QColor kNoteColour(0x55, 0x55, 0x55);

struct ServicePort
{
    const char *service; // as in the scenario's `services:`
    int port;
    const char *label;
};

// The ports World::openServerSession serves.
constexpr ServicePort kPorts[] = {
    {"smtp", core::Mta::kSmtpPort, "SMTP"},
    {"submission", core::Mta::kSubmissionPort, "submission"},
    {"pop3", core::Mta::kPop3Port, "POP3"},
    {"imap", core::Mta::kImapPort, "IMAP"},
};

} // namespace

ConsoleWidget::ConsoleWidget(QWidget *parent) : QWidget(parent)
{
    useReadableFont(this);
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setPointSize(std::max(mono.pointSize(), kConsolePointSize));

    m_host = new QComboBox(this);
    m_host->setMinimumContentsLength(20);
    m_port = new QComboBox(this);
    m_connect = new QPushButton(this);
    m_reset = new QPushButton(this);
    m_status = new QLabel(this);
    m_status->setWordWrap(true);

    m_view = new QPlainTextEdit(this);
    m_view->setReadOnly(true);
    m_view->setFont(mono);
    m_view->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_input = new QLineEdit(this);
    m_input->setFont(mono);

    auto *bar = new QHBoxLayout;
    m_hostLabel = new QLabel(this);
    m_portLabel = new QLabel(this);
    bar->addWidget(m_hostLabel);
    bar->addWidget(m_host, 1);
    bar->addWidget(m_portLabel);
    bar->addWidget(m_port);
    bar->addWidget(m_connect);
    bar->addWidget(m_reset);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_status);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_input);

    connect(m_host, &QComboBox::currentIndexChanged, this, &ConsoleWidget::fillPorts);
    connect(m_connect, &QPushButton::clicked, this, &ConsoleWidget::connectClicked);
    connect(m_reset, &QPushButton::clicked, this, &ConsoleWidget::resetWorld);
    connect(m_input, &QLineEdit::returnPressed, this, [this]() {
        const QString line = m_input->text();
        m_input->clear();
        send(line);
    });
    retranslate();
}

void ConsoleWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ConsoleWidget::retranslate()
{
    m_reset->setText(tr("Fresh servers"));
    m_reset->setToolTip(tr("Forget what was done in the console: empty queues, the "
                           "mailboxes as the scenario starts them."));
    m_view->setPlaceholderText(tr("Pick a server and a port, then Connect."));
    m_input->setPlaceholderText(tr("Type a command (HELO crepes.fr, USER bob, QUIT) and press "
                                   "Enter"));
    m_hostLabel->setText(tr("Host:"));
    m_portLabel->setText(tr("Port:"));
    // The transcript stays as it was written; the status line says it again.
    if (m_statusText)
        m_status->setText(m_statusText());
    updateControls();
}

void ConsoleWidget::setStatus(std::function<QString()> text)
{
    m_statusText = std::move(text);
    m_status->setText(m_statusText());
}

ConsoleWidget::~ConsoleWidget() = default;

void ConsoleWidget::setScenario(const core::Scenario &scenario)
{
    m_scenario = scenario;
    resetWorld();
    fillHosts();
}

void ConsoleWidget::resetWorld()
{
    if (m_session)
        closeSession(tr("Connection closed."));
    m_world = std::make_unique<core::World>(m_scenario);
    m_lines.clear();
    m_view->clear();
    setStatus([] {
        return tr("A private copy of the scenario's servers: what you do here does not "
                  "change the run being shown.");
    });
    updateControls();
}

void ConsoleWidget::fillHosts()
{
    const QSignalBlocker blocker(m_host);
    m_host->clear();
    for (const core::HostSpec &host : m_scenario.hosts)
        if (host.role == core::HostRole::Mta || host.role == core::HostRole::Webmail)
            m_host->addItem(host.name);
    fillPorts();
}

void ConsoleWidget::fillPorts()
{
    m_port->clear();
    const core::HostSpec *host = m_scenario.host(m_host->currentText());
    if (!host)
        return;
    if (host->role == core::HostRole::Webmail) {
        // A webmail site serves HTTP only: type "GET / HTTP/1.1", "Host: ..." and a blank line.
        m_port->addItem(QStringLiteral("%1 (HTTP)").arg(core::kHttpPort), core::kHttpPort);
    } else {
        for (const ServicePort &service : kPorts)
            if (host->services.contains(QLatin1String(service.service)))
                m_port->addItem(
                    QStringLiteral("%1 (%2)").arg(service.port).arg(QLatin1String(service.label)),
                    service.port);
    }
    updateControls();
}

void ConsoleWidget::connectClicked()
{
    if (m_session)
        disconnectFromHost();
    else if (m_port->currentIndex() >= 0)
        connectTo(m_host->currentText(), m_port->currentData().toInt());
}

bool ConsoleWidget::connectTo(const QString &host, int port)
{
    if (m_session)
        closeSession(tr("Connection closed."));
    if (!m_world)
        m_world = std::make_unique<core::World>(m_scenario);
    // The combos follow, so the window shows where the console is connected.
    {
        const QSignalBlocker blocker(m_host);
        const int hostIndex = m_host->findText(host, Qt::MatchFixedString);
        if (hostIndex >= 0 && hostIndex != m_host->currentIndex()) {
            m_host->setCurrentIndex(hostIndex);
            fillPorts();
        }
        const int portIndex = m_port->findData(port);
        if (portIndex >= 0)
            m_port->setCurrentIndex(portIndex);
    }
    m_lines.clear();
    m_view->clear();
    m_pending.clear();

    QString error;
    m_session = m_world->openServerSession(host, port, &error);
    if (!m_session) {
        append(LineKind::Note, error);
        setStatus(
            [host, port] { return tr("Could not connect to %1 port %2.").arg(host).arg(port); });
        updateControls();
        return false;
    }
    m_peer = host;
    setStatus([host, port] {
        return tr("Connected to %1 port %2. Type a command and press Enter.").arg(host).arg(port);
    });
    updateControls();
    emit connectedChanged(true);
    // A webmail page comes after the webmail's own IMAP dialogue: it is written later.
    m_session->setWriter([this](const QByteArray &bytes) { receiveBytes(bytes); });
    receiveBytes(m_session->open());
    m_input->setFocus();
    return true;
}

void ConsoleWidget::send(const QString &line)
{
    if (!m_session) {
        append(LineKind::Note, tr("Not connected: pick a host and a port, then Connect."));
        return;
    }
    append(LineKind::Client, line);
    // Protocol text goes on the wire as typed; CRLF ends every line (RFC 5321 section 2.3.8).
    receiveBytes(m_session->receive(line.toUtf8() + "\r\n"));
    // The console's world plays on until a page that waits for its mail server is written.
    while (m_session && m_session->busy() && m_world->simulation().step()) {
    }
}

void ConsoleWidget::disconnectFromHost()
{
    if (m_session)
        closeSession(tr("Connection closed."));
}

void ConsoleWidget::receiveBytes(const QByteArray &bytes)
{
    m_pending += bytes;
    qsizetype end;
    while ((end = m_pending.indexOf('\n')) >= 0) {
        QByteArray line = m_pending.left(end);
        m_pending.remove(0, end + 1);
        if (line.endsWith('\r'))
            line.chop(1);
        append(LineKind::Server, QString::fromUtf8(line));
    }
    if (m_session && m_session->closing()) {
        if (!m_pending.isEmpty())
            append(LineKind::Server, QString::fromUtf8(m_pending));
        closeSession(tr("Connection closed by foreign host."));
    }
}

void ConsoleWidget::closeSession(const QString &note)
{
    // Dropping the session is the connection going away: a POP3 session gives its maildrop
    // lock back without deleting anything (RFC 1939 section 6).
    m_session.reset();
    m_pending.clear();
    append(LineKind::Note, note);
    setStatus([peer = m_peer] {
        return tr("Disconnected from %1. Connect again to start a new session.").arg(peer);
    });
    updateControls();
    emit connectedChanged(false);
}

void ConsoleWidget::append(LineKind kind, const QString &text)
{
    QString shown = text;
    QColor colour = kNoteColour;
    if (kind == LineKind::Client) {
        shown = QStringLiteral("C: ") + text;
        colour = kClientColour;
    } else if (kind == LineKind::Server) {
        shown = QStringLiteral("S: ") + text;
        colour = kServerColour;
    }
    m_lines << shown;

    QTextCharFormat format;
    format.setForeground(colour);
    format.setFontItalic(kind == LineKind::Note);
    format.setFontWeight(kind == LineKind::Client ? QFont::Bold : QFont::Normal);
    QTextCursor cursor(m_view->document());
    cursor.movePosition(QTextCursor::End);
    if (!m_view->document()->isEmpty())
        cursor.insertBlock();
    cursor.insertText(shown, format);
    m_view->moveCursor(QTextCursor::End);
    m_view->ensureCursorVisible();
}

void ConsoleWidget::updateControls()
{
    const bool connected = m_session != nullptr;
    m_connect->setText(connected ? tr("Disconnect") : tr("Connect"));
    m_connect->setEnabled(connected || m_port->count() > 0);
    m_host->setEnabled(!connected);
    m_port->setEnabled(!connected);
    m_input->setEnabled(connected);
}

} // namespace carteiro::app
