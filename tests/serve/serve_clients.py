#!/usr/bin/env python3
"""Real mail programs against `carteiro-cli serve`: Python's smtplib, poplib and imaplib,
curl (smtp://, pop3://, imap://), swaks, and raw sessions over a socket. Mail sent to the live
SMTP port goes through the simulated world (MX routing, the queue, retries, bounces) and is
read back byte for byte.

usage: serve_clients.py SOURCE_DIR   (CARTEIRO_CLI names the carteiro-cli to run)
"""

import imaplib
import poplib
import shutil
import smtplib
import socket
import subprocess
import sys
import time

from servecommon import Served, cli_path

failures = []


def check(condition, what):
    print(("PASS " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def pop3_messages(served, host, user, password):
    box = poplib.POP3("127.0.0.1", served.port(host, "pop3"), timeout=10)
    box.user(user)
    box.pass_(password)
    count, _ = box.stat()
    messages = [b"\r\n".join(box.retr(i + 1)[1]) + b"\r\n" for i in range(count)]
    box.quit()
    return messages


def wait_for_mail(served, host, user, password, count, timeout=10.0):
    """The mailbox once it holds `count` messages (a host that is down resets the
    connection, so errors only mean: not yet)."""
    def ready():
        try:
            messages = pop3_messages(served, host, user, password)
        except (OSError, poplib.error_proto):
            return None
        return messages if len(messages) >= count else None
    return served.wait_for(ready, timeout) or []


def recv_until(sock, marker, timeout=5.0):
    sock.settimeout(timeout)
    data = b""
    while marker not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def main():
    source = sys.argv[1]
    served = Served(cli_path(), source + "/tests/data/serve.yaml", "--speed", "600")
    try:
        run(served)
    finally:
        code = served.stop()
        check(code == 0, "serve stops cleanly on SIGTERM (exit %s)" % code)
        check("served" in served.summary, "serve prints a summary: " + served.summary.strip())
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


def run(served):
    check(len(served.ports) == 9, "nine ports listed (%d)" % len(served.ports))

    # ----- smtplib to Alice's server, relayed by MX to Bob's; poplib and imaplib read it -----
    original = (b"From: Alice <alice@crepes.fr>\r\n"
                b"To: Bob <bob@hamburger.edu>\r\n"
                b"Subject: =?UTF-8?Q?Ol=C3=A1_Bob?=\r\n"
                b"Message-ID: <live-1@crepes.fr>\r\n"
                b"X-Spaces:   kept   as   sent  \r\n"
                b"\r\n"
                b"First line\r\n"
                b".A line that starts with a dot\r\n"
                b"..two dots\r\n"
                b"\r\n"
                b"Ol\xc3\xa1, 8-bit text\r\n"
                b"   leading spaces and a tab\tin it\r\n")
    smtp = smtplib.SMTP("127.0.0.1", served.port("mail.crepes.fr", "smtp"), timeout=10)
    code, ehlo = smtp.ehlo("student.example")
    check(code == 250 and b"8BITMIME" in ehlo and b"PIPELINING" in ehlo,
          "EHLO answered with extensions")
    refused = smtp.sendmail("alice@crepes.fr", ["bob@hamburger.edu"], original,
                            mail_options=["BODY=8BITMIME"])
    check(refused == {}, "smtplib: message accepted for bob@hamburger.edu")
    smtp.quit()

    messages = wait_for_mail(served, "mail.hamburger.edu", "bob", "ketchup", 1)
    check(len(messages) == 1, "poplib: one message in Bob's mailbox")
    if messages:
        got = messages[0]
        # POP3 dot-stuffs; poplib's retr() removes it.
        check(got.endswith(original), "poplib RETR: headers and body byte for byte")
        check(got.startswith(b"Return-Path: <alice@crepes.fr>\r\nReceived: from crepes.fr"),
              "Return-Path and Received fields prepended")
        check(b"Received: from student.example (127.0.0.1:" in got,
              "Alice's server recorded the live client in its Received field")

    imap = imaplib.IMAP4("127.0.0.1", served.port("mail.hamburger.edu", "imap"))
    imap.login("bob", "ketchup")
    typ, data = imap.select("INBOX")
    check(typ == "OK" and data[0] == b"1", "imaplib: SELECT INBOX shows 1 message")
    typ, fetched = imap.fetch("1", "(BODY.PEEK[])")
    body = fetched[0][1] if typ == "OK" and fetched and isinstance(fetched[0], tuple) else b""
    check(messages and body == messages[0], "imaplib FETCH BODY[]: the same bytes as POP3 RETR")
    typ, fetched = imap.fetch("1", "(BODY.PEEK[HEADER.FIELDS (SUBJECT X-SPACES)])")
    header = fetched[0][1] if typ == "OK" else b""
    check(header == b"Subject: =?UTF-8?Q?Ol=C3=A1_Bob?=\r\nX-Spaces:   kept   as   sent  \r\n"
          b"\r\n", "imaplib FETCH HEADER.FIELDS: fields as sent")
    imap.logout()

    # The trace holds the live session and what the world did with the mail (serve prints
    # events a few times a second).
    served.wait_for(lambda: served.events_where(type="deliver", server="mail.hamburger.edu"))
    live_lines = [e for e in served.events_where(type="line", server="mail.crepes.fr")
                  if e["client"].startswith("127.0.0.1:")]
    check(any(e["text"].lower() == "ehlo student.example" for e in live_lines),
          "the live client's EHLO is in the trace")
    check(any(e["text"] == ".A line that starts with a dot" or
              e["text"] == "..A line that starts with a dot" for e in live_lines),
          "the message's lines are in the trace")
    check(served.events_where(type="dns", client="mail.crepes.fr"),
          "the relay looked up the MX of hamburger.edu")
    relay = [e for e in served.events_where(type="line", client="mail.crepes.fr",
                                            server="mail.hamburger.edu")]
    check(any(e["text"].startswith("MAIL FROM:<alice@crepes.fr>") for e in relay),
          "the relay's SMTP dialogue is in the trace")

    # ----- a host that is down: the mail waits in the queue and is retried -----
    smtp = smtplib.SMTP("127.0.0.1", served.port("mail.crepes.fr", "smtp"), timeout=10)
    smtp.sendmail("alice@crepes.fr", ["carol@late.example"],
                  b"From: alice@crepes.fr\r\nTo: carol@late.example\r\nSubject: later\r\n\r\n"
                  b"Are you there?\r\n")
    smtp.quit()
    carol = wait_for_mail(served, "mail.late.example", "carol", "tarde", 1, timeout=15)
    check(len(carol) == 1, "mail for a host that was down is delivered after it comes back")
    served.wait_for(lambda: served.events_where(type="deliver", server="mail.late.example"))
    retries = [e for e in served.events_where(type="retry") if "deferred" in e["text"]]
    check(len(retries) >= 1, "the queue retried on the accelerated clock (%d deferrals)"
          % len(retries))

    # ----- a domain that does not exist: the sender gets a bounce -----
    smtp = smtplib.SMTP("127.0.0.1", served.port("mail.crepes.fr", "smtp"), timeout=10)
    smtp.sendmail("alice@crepes.fr", ["someone@nowhere.example"],
                  b"From: alice@crepes.fr\r\nTo: someone@nowhere.example\r\nSubject: lost\r\n"
                  b"\r\nHello?\r\n")
    smtp.quit()
    bounces = wait_for_mail(served, "mail.crepes.fr", "alice", "faminta", 1)
    check(len(bounces) == 1 and b"Mail Delivery Subsystem" in bounces[0]
          and b"nowhere.example" in bounces[0], "a bounce comes back to Alice's mailbox")
    check(served.wait_for(lambda: served.events_where(type="bounce")),
          "the bounce is in the trace")

    # ----- submission with AUTH (modern style on 587) -----
    sub = smtplib.SMTP("127.0.0.1", served.port("mail.crepes.fr", "submission"), timeout=10)
    sub.ehlo("laptop")
    try:
        sub.login("alice", "wrong")
        wrong = None
    except smtplib.SMTPAuthenticationError as error:
        wrong = error.smtp_code
    check(wrong == 535, "AUTH with a wrong password: 535")
    sub.login("alice", "faminta")
    refused = sub.sendmail("alice@crepes.fr", ["bob@hamburger.edu"],
                           b"Subject: submitted\r\n\r\nby submission\r\n")
    check(refused == {}, "submission after AUTH: accepted")
    sub.quit()
    check(len(wait_for_mail(served, "mail.hamburger.edu", "bob", "ketchup", 2)) == 2,
          "the submitted message reaches Bob")

    # ----- curl: smtp://, pop3://, imap:// -----
    if shutil.which("curl"):
        mail = b"From: curl@crepes.fr\r\nTo: bob@hamburger.edu\r\nSubject: by curl\r\n\r\ncurl body\r\n"
        result = subprocess.run(
            ["curl", "-sS", "--url", "smtp://127.0.0.1:%d" % served.port("mail.hamburger.edu",
                                                                         "smtp"),
             "--mail-from", "curl@crepes.fr", "--mail-rcpt", "bob@hamburger.edu",
             "--upload-file", "-"], input=mail, capture_output=True, timeout=20)
        check(result.returncode == 0, "curl smtp:// upload (%s)" % result.stderr.decode().strip())
        pop_url = "pop3://bob:ketchup@127.0.0.1:%d/" % served.port("mail.hamburger.edu", "pop3")
        listing = subprocess.run(["curl", "-sS", pop_url], capture_output=True, timeout=20)
        check(listing.returncode == 0 and len(listing.stdout.split(b"\r\n")) - 1 == 3,
              "curl pop3:// lists three messages")
        third = subprocess.run(["curl", "-sS", pop_url + "3"], capture_output=True, timeout=20)
        check(third.stdout.endswith(mail), "curl pop3:// retrieves the curl message as sent")
        imap_url = "imap://bob:ketchup@127.0.0.1:%d/INBOX;UID=3" % served.port(
            "mail.hamburger.edu", "imap")
        fetched = subprocess.run(["curl", "-sS", imap_url], capture_output=True, timeout=20)
        check(fetched.returncode == 0 and fetched.stdout.endswith(mail),
              "curl imap:// fetches it by UID as sent (%s)" % fetched.stderr.decode().strip())
    else:
        print("SKIP curl is not installed")

    # ----- swaks -----
    if shutil.which("swaks"):
        result = subprocess.run(
            ["swaks", "--server", "127.0.0.1", "--port",
             str(served.port("mail.crepes.fr", "smtp")), "--from", "alice@crepes.fr",
             "--to", "bob@hamburger.edu", "--header", "Subject: by swaks", "--pipeline"],
            capture_output=True, timeout=30)
        check(result.returncode == 0 and b"<-  250" in result.stdout,
              "swaks --pipeline sends a message")
        check(len(wait_for_mail(served, "mail.hamburger.edu", "bob", "ketchup", 4)) == 4,
              "the swaks message reaches Bob")
    else:
        print("SKIP swaks is not installed")

    # ----- raw sessions, as a student types them -----
    port = served.port("mail.hamburger.edu", "smtp")
    with socket.create_connection(("127.0.0.1", port)) as raw:
        greeting = recv_until(raw, b"\r\n")
        check(greeting.startswith(b"220 hamburger.edu"), "raw: 220 greeting")
        # Pipelined (RFC 2920), and split in the middle of a command.
        raw.sendall(b"EHLO raw\r\nMAIL FROM:<a@crepes.fr>\r\nRCPT TO:<bob@ham")
        time.sleep(0.05)
        raw.sendall(b"burger.edu>\r\nRCPT TO:<nobody@hamburger.edu>\r\nRSET\r\n")
        answers = recv_until(raw, b"\r\n250 2.0.0")
        codes = [line[:4] for line in answers.split(b"\r\n") if line[3:4] == b" "]
        check(codes == [b"250 ", b"250 ", b"250 ", b"550 ", b"250 "],
              "raw: pipelined commands answered in order (%s)" % codes)
        raw.sendall(b"VRFY bob\r\nTURN\r\nFOO\r\n")
        answers = recv_until(raw, b"500 ")
        check(b"502 " in answers and b"500 " in answers, "raw: TURN 502, FOO 500")
        # Timing: with one write per reply and TCP_NODELAY, a round trip costs no 40 ms.
        start = time.time()
        for _ in range(50):
            raw.sendall(b"NOOP\r\n")
            recv_until(raw, b"\r\n")
        elapsed = time.time() - start
        check(elapsed < 1.0, "raw: 50 NOOP round trips in %.3f s" % elapsed)
        start = time.time()
        for _ in range(50):
            raw.sendall(b"EHLO again\r\n")
            reply = recv_until(raw, b"250 ")
            if not reply.endswith(b"\r\n"):
                recv_until(raw, b"\r\n")
        elapsed = time.time() - start
        check(elapsed < 1.0, "raw: 50 multi-line EHLO round trips in %.3f s" % elapsed)
        # Too many bad commands: 421 and the connection closes (Postfix's hard error limit).
        raw.sendall(b"BAD\r\n" * 30)
        rest = recv_until(raw, b"421 ")
        rest += recv_until(raw, b"\r\n", 2) if not rest.endswith(b"\r\n") else b""
        check(b"421 4.7.0" in rest, "raw: 421 after too many bad commands")
        raw.settimeout(2)
        try:
            closed = raw.recv(100) == b""
        except (ConnectionResetError, socket.timeout):
            closed = False
        check(closed, "raw: the server closes after its 421")

    with socket.create_connection(("127.0.0.1", served.port("mail.crepes.fr", "pop3"))) as raw:
        recv_until(raw, b"\r\n")
        raw.sendall(b"USER alice\r\nPASS faminta\r\nLIST\r\n")
        listing = recv_until(raw, b"\r\n.\r\n")
        check(listing.count(b"+OK") == 3 and listing.endswith(b"\r\n.\r\n"),
              "raw POP3: pipelined USER, PASS, LIST")
        raw.sendall(b"QUIT\r\n")
        check(recv_until(raw, b"\r\n").startswith(b"+OK"), "raw POP3: QUIT")


if __name__ == "__main__":
    sys.exit(main())
