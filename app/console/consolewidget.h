#pragma once

#include "core/scenario/scenario.h"

#include <QByteArray>
#include <QStringList>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace carteiro::core {
class LineSession;
class World;
} // namespace carteiro::core

namespace carteiro::app {

// The telnet console of seed 001: the student picks a server and a port and types the
// protocol by hand, as with `telnet mail.hamburger.edu 25`. The sessions are the engine's own
// server sessions, on a private world built from the scenario, so experiments never disturb
// the run the class is watching; mail sent here stays there, and POP3 here can read it.
class ConsoleWidget : public QWidget
{
    Q_OBJECT

public:
    explicit ConsoleWidget(QWidget *parent = nullptr);
    ~ConsoleWidget() override;

    // Builds the private world from this scenario (closing any open session).
    void setScenario(const core::Scenario &scenario);

    // Opens a session with host:port and shows its greeting; false (with the reason in the
    // transcript) when the host does not serve that port.
    bool connectTo(const QString &host, int port);
    // Sends one line as typed, CRLF added, and shows the reply.
    void send(const QString &line);
    // The student closes the connection (telnet's ^] quit).
    void disconnectFromHost();
    bool isConnected() const { return m_session != nullptr; }
    // The lines of the current connection: "C: ...", "S: ..." and the console's own notes.
    QStringList transcript() const { return m_lines; }

signals:
    void connectedChanged(bool connected);

protected:
    void changeEvent(QEvent *event) override;

private:
    enum class LineKind { Client, Server, Note };

    void retranslate();
    // The status line, as a function so that it can be said again in another language.
    void setStatus(std::function<QString()> text);

    void fillHosts();
    void fillPorts();
    void resetWorld();
    void connectClicked();
    void receiveBytes(const QByteArray &bytes);
    void closeSession(const QString &note);
    void append(LineKind kind, const QString &text);
    void updateControls();

    QComboBox *m_host = nullptr;
    QComboBox *m_port = nullptr;
    QPushButton *m_connect = nullptr;
    QPushButton *m_reset = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_hostLabel = nullptr;
    QLabel *m_portLabel = nullptr;
    std::function<QString()> m_statusText;
    QPlainTextEdit *m_view = nullptr;
    QLineEdit *m_input = nullptr;

    core::Scenario m_scenario;
    std::unique_ptr<core::World> m_world;
    std::unique_ptr<core::LineSession> m_session;
    QString m_peer;
    QByteArray m_pending; // reply bytes not yet ended by a line break
    QStringList m_lines;
};

} // namespace carteiro::app
