<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt_BR">
<context>
    <name>carteiro::app::ConsoleWidget</name>
    <message>
        <source>Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fresh servers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forget what was done in the console: empty queues, the mailboxes as the scenario starts them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick a server and a port, then Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a command (HELO crepes.fr, USER bob, QUIT) and press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A private copy of the scenario&apos;s servers: what you do here does not change the run being shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not connect to %1 port %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1 port %2. Type a command and press Enter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: pick a host and a port, then Connect.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection closed by foreign host.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnected from %1. Connect again to start a new session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disconnect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::DialoguePane</name>
    <message>
        <source>(empty line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No connection yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection %1: %2 → %3, port %4 (%5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step through the run: the meaning of the current line shows here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::DnsInspector</name>
    <message>
        <source>Domain / record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A sender asks DNS for the MX records of the recipient&apos;s domain and tries the hosts in order of preference, lowest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault no-mx: the answer is NXDOMAIN, no such domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault dns-fail: SERVFAIL, a temporary failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hidden by the fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>same preference: tried in random order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MX: the domain itself is the mail host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>used only if there were no MX records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MX and no address: mail cannot be delivered</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::EventList</name>
    <message>
        <source>Protocol:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All protocols</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::EventListModel</name>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect</source>
        <comment>event kind: a TCP connection opened or failed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>close</source>
        <comment>event kind: a TCP connection closed</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dns</source>
        <comment>event kind: a DNS query and its answer</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue</source>
        <comment>event kind: a message entered a mail queue</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retry</source>
        <comment>event kind: a delivery attempt deferred</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deliver</source>
        <comment>event kind: a message delivered, relayed or downloaded</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bounce</source>
        <comment>event kind: a message returned to its sender</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fault</source>
        <comment>event kind: a fault starts or ends</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>note</source>
        <comment>event kind: the scenario&apos;s caption</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ask</source>
        <comment>event kind: the scenario asks a question</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox</source>
        <comment>event kind: a mailbox changed</comment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::Explanations</name>
    <message>
        <source>HELO: the client says who it is (its host name) and opens the SMTP session (RFC 5321 section 4.1.1.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EHLO: like HELO, but asks the server to list the extensions it supports, one per reply line (RFC 5321 section 4.1.1.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM starts a mail transaction and gives the envelope sender: the address that receives bounces. It need not be the From: header the reader sees (RFC 5321 section 4.1.1.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCPT TO names one recipient of the envelope: the mailbox the message is delivered to. One RCPT per recipient; the To: and Cc: headers are not read for this (RFC 5321 section 4.1.1.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATA: the client is ready to send the message itself (headers, empty line, body), ended by a line with a single &quot;.&quot; (RFC 5321 section 4.1.1.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSET aborts the current mail transaction: sender, recipients and data are forgotten; the session stays open (RFC 5321 section 4.1.1.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>VRFY asks whether a user or mailbox exists on this server (RFC 5321 section 4.1.1.6). Many real servers refuse it to hide their users from spammers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>EXPN asks the server to expand a mailing list into its members (RFC 5321 section 4.1.1.7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HELP asks the server for helpful information, answered with 214 (RFC 5321 section 4.1.1.8).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOOP does nothing but ask for a 250 OK: a way to check that the server is still there (RFC 5321 section 4.1.1.9).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIT: the client is done; the server answers 221 and closes the connection (RFC 5321 section 4.1.1.10).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TURN asked to swap the roles of client and server. It was removed for security reasons; servers answer 502 (RFC 5321 appendix F.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH: the client proves who the user is (for example with a user name and password) before submitting mail (RFC 4954).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS asks to encrypt the rest of the session with TLS (RFC 3207).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>USER gives the name of the mailbox to open, in the AUTHORIZATION state (RFC 1939 section 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PASS gives the password, in clear text. If it is right the server locks the mailbox and enters the TRANSACTION state (RFC 1939 section 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>APOP logs in with a digest of the greeting&apos;s timestamp and the secret, so the password never crosses the network (RFC 1939 section 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STAT asks how many messages there are and their total size in octets (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LIST gives the number and size of each message, or of one message when a number is given (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RETR downloads one whole message: headers, empty line and body, ended by &quot;.&quot; (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DELE marks a message as deleted; it is really removed only when the session ends with QUIT (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TOP downloads the headers of a message and its first lines of body (RFC 1939 section 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UIDL gives each message&apos;s unique id, which does not change between sessions: how a client knows what it has already downloaded (RFC 1939 section 7).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOOP does nothing but get +OK back (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RSET unmarks every message marked as deleted in this session (RFC 1939 section 5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QUIT ends the session. From the TRANSACTION state it enters UPDATE: messages marked with DELE are removed now (RFC 1939 section 6).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CAPA asks the server which capabilities (extensions) it supports (RFC 2449).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AUTH logs in with a SASL mechanism instead of USER/PASS (RFC 5034).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>211: system status, or help.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>214: a help message, for a human reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>220: service ready. The server greets first, naming its domain; now the client may speak.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>221: service closing the connection, after QUIT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>235: authentication succeeded (RFC 4954).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>250: requested mail action okay, completed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>251: user not local; the server will forward the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>252: cannot verify the user, but the server will accept the message and try to deliver it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>334: an authentication challenge; the client answers it (RFC 4954).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>354: start mail input, end with &lt;CRLF&gt;.&lt;CRLF&gt;. What the client sends next is the message itself, not commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>421: service not available, closing the connection; the client keeps the message and tries again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>450: mailbox unavailable for now (busy, or greylisting); try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>451: action aborted: local error in processing; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>452: insufficient system storage; try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>455: the server cannot accommodate the parameters now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>500: syntax error, command unrecognized: the server does not know this command (or the line is too long).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>501: syntax error in the parameters or arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>502: command not implemented: the server knows it but does not do it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>503: bad sequence of commands: the command came out of order (for example RCPT before MAIL, or DATA with no recipient).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>504: command parameter not implemented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>530: authentication required before this command (RFC 4954).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>535: authentication credentials invalid (RFC 4954).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>550: requested action not taken: mailbox unavailable (no such user, or refused by policy). Permanent: the sender gets a bounce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>551: user not local; the reply says where to try.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>552: action aborted: exceeded storage allocation (mailbox full or message too big).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>553: mailbox name not allowed (bad address syntax).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>554: transaction failed (or, as a greeting, no SMTP service here).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>555: MAIL FROM or RCPT TO parameters not recognized or not implemented.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From: the author as the reader&apos;s program shows it. The envelope sender (MAIL FROM) is separate: it can differ, and bounces go there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To: the primary recipients as the reader sees them. Delivery follows the envelope&apos;s RCPT TO, not this field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc: recipients of a copy, shown to everyone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: the topic.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: when the author&apos;s program finished the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message-ID: a unique identifier for this message, made by the first program that handled it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received: a trace field that each mail server adds at the top when it accepts the message: read from the bottom up, they tell the path (RFC 5321 section 4.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return-Path: the envelope sender (MAIL FROM), recorded by the final server at delivery (RFC 5321 section 4.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply-To: where answers should go, if not to From.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MIME-Version: the body follows MIME (RFC 2045).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type: what kind of data the body is and its character set (RFC 2045).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Transfer-Encoding: how the body was encoded to travel as 7-bit text lines (RFC 2045).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GET asks for the page at this path; it changes nothing on the server (RFC 9110 section 9.3.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HEAD asks for the same answer as GET without the body (RFC 9110 section 9.3.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POST sends data for the server to act on: here a form&apos;s fields, in the body after the empty line (RFC 9110 section 9.3.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>200 OK: the page follows in the body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>204 No Content: done, no body.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>303 See Other: the form was handled; the browser now GETs the page named in Location (RFC 9110 section 15.4.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>400 Bad Request: the request breaks HTTP&apos;s syntax; the server closes the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>403 Forbidden: the server understood and refuses, here because the mail server did not accept the password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>404 Not Found: there is nothing at this path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>405 Method Not Allowed: the path exists but not for this method; the Allow field lists the ones it takes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>411 Length Required: a body was sent without Content-Length.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>413 Content Too Large: the body is larger than the server accepts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>414 URI Too Long: the request line is longer than the server reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>431 Request Header Fields Too Large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>501 Not Implemented: the server does not know this method.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>502 Bad Gateway: the webmail could not get an answer from the mail server behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>505 HTTP Version Not Supported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host: which site the browser wants; one server may hold many (required in HTTP/1.1, RFC 9112 section 3.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cookie: the browser sends back what the server set, so the server knows it is the same signed-in person (RFC 6265).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set-Cookie: the server gives the browser a session id to send back with every request; HTTP itself keeps no memory (RFC 6265).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Location: where the browser goes next after a 303.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Length: the size of the body in octets, so the other side knows where it ends and the connection can carry the next request.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content-Type: what the body is (an HTML page, a form&apos;s fields) and its character set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection: close ends the connection after this answer; without it HTTP/1.1 keeps it open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date: when the server sent the answer, in GMT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not an SMTP command: the server answers 500, command unrecognized (RFC 5321 section 4.2.4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a POP3 command: the server answers -ERR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: a reply code without a fixed meaning; its first digit tells the class.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2yz, positive completion: the action is done; the client goes on (RFC 5321 section 4.2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3yz, positive intermediate: accepted so far; the server waits for more (RFC 5321 section 4.2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4yz, transient negative completion: not now, try again later; the message stays in the sender&apos;s queue (RFC 5321 section 4.2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>5yz, permanent negative completion: do not repeat it as it is; a message that cannot go on is bounced to its sender (RFC 5321 section 4.2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>success</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>persistent transient failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>permanent failure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other or undefined status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>addressing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mailbox status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail system status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>network and routing status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mail delivery protocol status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message content or media status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security or policy status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enhanced status code %1: %2, %3 (RFC 3463).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — HTTP request (RFC 9110)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a method this server knows: it answers 501.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request line is: method, path, version.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — HTTP status (RFC 9110 section 15)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answers %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: — HTTP field of the %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty line — end of the HTTP fields (RFC 9112 section 2.1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What follows is the body of the %1; Content-Length says how long it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body of the request: the form&apos;s fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body of the answer: the page&apos;s HTML</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A form&apos;s fields as name=value pairs joined by &amp;, with special characters %-encoded (application/x-www-form-urlencoded).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The browser draws this page. The webmail built it from what the mail server answered over IMAP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answers the opening of the connection: the greeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It answers the end of the message data (the line &quot;.&quot;): with 250 the server has taken responsibility for delivering it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is part of the downloaded message, not a POP3 command or reply.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line is part of the message (sent after DATA), not of the SMTP envelope: servers carry it without acting on it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — envelope (SMTP, RFC 5321)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — SMTP command (RFC 5321)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — POP3 command (RFC 1939)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+OK — positive status (POP3, RFC 1939)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>+OK: the command worked (RFC 1939 section 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-ERR — negative status (POP3, RFC 1939)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>-ERR: the command failed: wrong password, no such message, or a command in the wrong state (RFC 1939 section 3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POP3 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The greeting: the session starts in the AUTHORIZATION state (RFC 1939 section 4).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — SMTP reply (RFC 5321 section 4.2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The &quot;-&quot; after the code means more lines of this reply follow; the last has a space (RFC 5321 section 4.2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: — header (part of the message, RFC 5322)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Header fields come first in the message, one &quot;Name: value&quot; per line (RFC 5322 section 2.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folded header line (part of the message, RFC 5322)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line that starts with a space continues the header field above it (RFC 5322 section 2.2.3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty line — end of the headers (RFC 5322)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first empty line separates the header fields from the body (RFC 5322 section 2.1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body line (part of the message, RFC 5322)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is the text the reader reads, after the empty line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. — end of a multi-line answer (RFC 1939 section 3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A line with a single &quot;.&quot; ends the multi-line answer; lines of content that start with &quot;.&quot; get a second one (dot-stuffing).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>. — end of the message data (RFC 5321 section 4.1.1.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;CRLF&gt;.&lt;CRLF&gt; ends the message. Now the server answers: 250 accepts responsibility for the message. A content line that starts with &quot;.&quot; is sent with a second one (dot-stuffing, RFC 5321 section 4.5.2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line of a multi-line answer to %1 (RFC 1939)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message number and its unique id.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One capability the server supports (RFC 2449).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message number and its size in octets.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Client line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server line</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::FaultPanel</name>
    <message>
        <source>Host down (connections time out)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server rejects (reply code at a stage)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox full</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS failure (SERVFAIL, temporary)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain does not exist (NXDOMAIN)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra latency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection cut mid-transfer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>connect (greeting)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HELO / EHLO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MAIL FROM</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RCPT TO</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DATA</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>4xx is temporary: the sender retries. 5xx is permanent: the sender gets a bounce.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional reply text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>until the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 10 minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 2 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>for 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fault</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Host</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Domain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Extra delay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lasts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inject now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The fault starts at the current moment; the run continues with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save injected faults into the scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Injected in this session:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::LadderView</name>
    <message>
        <source>The ladder diagram fills in as the run plays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⋮ %1 later</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connection opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TCP connection closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(empty line)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::MailboxInspector</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a message to see its source.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a message: its route and its envelope are explained here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Charset / file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Transfer encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected part&apos;s header fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected part&apos;s body as it travelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected part&apos;s body decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encoded (as it travelled)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded (what the reader sees)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Structure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (1 message)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 messages)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>UID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject: %1
From: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The parser had to guess: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no header fields: defaults apply)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>
[... %1 bytes in all]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A multipart has no content of its own: its %1 parts are below it in the tree, between the boundary lines shown on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An enclosed message: its parts are below it in the tree.

</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, the first %1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. accepted by %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1. relayed to %2 from %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (which said HELO %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> with %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, queue id %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, for &lt;%1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Route, read from the Received fields bottom-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No Received field: the message never crossed SMTP.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stored in %1&apos;s mailbox at %2 (simulation clock).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envelope and headers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Envelope (SMTP MAIL FROM / RCPT TO)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Headers (what the mail program shows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return-Path: the reverse-path recorded at delivery</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the mailbox it was delivered to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The envelope sender is empty (&lt;&gt;): this is a bounce, and a bounce is never bounced back (RFC 5321 section 4.5.5).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The envelope sender and the From: header differ: bounces go to the envelope sender, the reader sees From:.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bounces go to the envelope sender; the reader sees the From: header. Here they agree, but nothing forces them to.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::MainWindow</name>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Continue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ladder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1×</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carteiro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open scenario…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export capture…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the run as a packet capture for Wireshark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Playback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One protocol line back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Play or pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One protocol line forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slower</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Half the speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double the speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Break things</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faults not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mailboxes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Carteiro scenarios (*.yaml *.yml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Packet captures (*.pcap);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no run to export: open a scenario first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The capture could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n packet(s) written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This scenario has errors and was not opened:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Carteiro</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>⏩ %1 of waiting skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ Right: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✘ Not quite: the answer is %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2 is back up</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n fault(s) saved into %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::QueueInspector</name>
    <message>
        <source>MTA / queue id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sender</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next retry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No scenario is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (1 message queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2 messages queued)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;&gt; (a bounce)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>trying now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (in %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>attempt %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every queue is empty at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message waiting in the queues at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages waiting in the queues at %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::TimelineWidget</name>
    <message>
        <source>Timeline: click or drag to go to a moment of the run. Red: faults, orange: retries, purple: bounces, green: deliveries, blue: notes and questions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>carteiro::app::TopologyScene</name>
    <message>
        <source>queue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✉ +%1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DOWN</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DNS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other hosts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Internet mail simulator for networking classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario file to open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save a picture of the window to FILE and quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start N protocol lines into the run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scenario not opened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the window in LANGUAGE: en (English) or pt (Portuguese) instead of the system&apos;s language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown language %1: use en or pt.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
