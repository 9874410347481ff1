#!/usr/bin/env python3
"""The live servers under load and bad input: 200 clients sending mail at once, while other
clients send a 1 MB line without CRLF, connect and say nothing, send random bytes, send
without reading, send a line too long in DATA and a message too big. The server keeps serving
the others, loses no message it accepted, and its memory stays bounded. A second server shows
the cap on connections.

usage: serve_abuse.py SOURCE_DIR   (CARTEIRO_CLI names the carteiro-cli to run)
"""

import poplib
import random
import smtplib
import socket
import sys
import threading
import time

from servecommon import Served, cli_path

CLIENTS = 200
MESSAGES_PER_CLIENT = 5
IDLE_TIMEOUT = 3

failures = []
lock = threading.Lock()


def check(condition, what):
    with lock:
        print(("PASS " if condition else "FAIL ") + what, flush=True)
        if not condition:
            failures.append(what)


def recv_until(sock, marker, timeout=10.0):
    sock.settimeout(timeout)
    data = b""
    try:
        while marker not in data:
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    except (socket.timeout, ConnectionResetError):
        pass
    return data


def closed_by_server(sock, timeout=5.0):
    sock.settimeout(timeout)
    try:
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                return True
    except ConnectionResetError:
        return True
    except socket.timeout:
        return False


def mailbox_count(served, host, user, password):
    box = poplib.POP3("127.0.0.1", served.port(host, "pop3"), timeout=30)
    box.user(user)
    box.pass_(password)
    count = box.stat()[0]
    box.quit()
    return count


def sender(served, index, accepted):
    # Even clients go through Alice's server (MX lookup and relay in the world), odd ones
    # straight to Bob's.
    host = "mail.crepes.fr" if index % 2 == 0 else "mail.hamburger.edu"
    try:
        smtp = smtplib.SMTP("127.0.0.1", served.port(host, "smtp"), timeout=60)
        for n in range(MESSAGES_PER_CLIENT):
            body = ("From: client%d@crepes.fr\r\nTo: bob@hamburger.edu\r\n"
                    "Subject: load %d.%d\r\n\r\nmessage %d of client %d\r\n" % (
                        index, index, n, n, index)).encode()
            if smtp.sendmail("client%d@crepes.fr" % index, ["bob@hamburger.edu"], body) == {}:
                with lock:
                    accepted.append((index, n))
        smtp.quit()
    except (OSError, smtplib.SMTPException) as error:
        check(False, "client %d: %r" % (index, error))


def silent(served, results):
    with socket.create_connection(("127.0.0.1", served.port("mail.hamburger.edu", "smtp"))) as s:
        greeting = recv_until(s, b"\r\n")
        start = time.time()
        last = recv_until(s, b"\r\n", timeout=IDLE_TIMEOUT + 10)
        waited = time.time() - start
        results["silent"] = (greeting, last, waited, closed_by_server(s))


def long_line(served, results):
    with socket.create_connection(("127.0.0.1", served.port("mail.hamburger.edu", "smtp"))) as s:
        recv_until(s, b"\r\n")
        s.sendall(b"A" * (1 << 20))
        time.sleep(0.5)
        results["rss_after_long_line"] = served.rss_kib()
        s.sendall(b"\r\nNOOP\r\n")
        answer = recv_until(s, b"250 ")
        s.sendall(b"QUIT\r\n")
        results["long_line"] = answer + recv_until(s, b"221")


def random_bytes(served, results):
    rng = random.Random(5321)
    with socket.create_connection(("127.0.0.1", served.port("mail.crepes.fr", "smtp"))) as s:
        recv_until(s, b"\r\n")
        sent = 0
        try:
            for _ in range(64):
                chunk = bytes(rng.getrandbits(8) for _ in range(8192))
                s.sendall(chunk)
                sent += len(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass
        results["random"] = (sent, closed_by_server(s, timeout=10))


def never_reads(served, results):
    # NOOPs without ever reading a reply: the server stops reading once a megabyte of its
    # answers waits unread, and TCP pushes back; it does not buffer without end.
    with socket.create_connection(("127.0.0.1", served.port("mail.hamburger.edu", "smtp"))) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        s.settimeout(2)
        sent = 0
        block = b"NOOP\r\n" * 10000
        try:
            while sent < 200 * 1024 * 1024:
                s.sendall(block)
                sent += len(block)
        except (socket.timeout, BrokenPipeError, ConnectionResetError):
            pass
        results["never_reads"] = (sent, served.rss_kib())


def data_limits(served, results):
    smtp = smtplib.SMTP("127.0.0.1", served.port("mail.hamburger.edu", "smtp"), timeout=60)
    smtp.ehlo("limits")
    try:
        smtp.sendmail("a@crepes.fr", ["bob@hamburger.edu"],
                      b"Subject: long line\r\n\r\n" + b"x" * (1 << 20) + b"\r\n")
        long_code = 250
    except smtplib.SMTPDataError as error:
        long_code = error.smtp_code
    try:
        smtp.sendmail("a@crepes.fr", ["bob@hamburger.edu"],
                      b"Subject: too big\r\n\r\n" + (b"y" * 998 + b"\r\n") * 3000)
        big_code = 250
    except (smtplib.SMTPDataError, smtplib.SMTPSenderRefused) as error:
        big_code = error.smtp_code
    smtp.quit()
    results["data_limits"] = (long_code, big_code)


def main():
    source = sys.argv[1]
    served = Served(cli_path(), source + "/tests/data/serve.yaml", "--quiet", "--speed", "600",
                    "--max-connections", "300", "--idle-timeout", str(IDLE_TIMEOUT), quiet=True)
    try:
        run(served)
        capped(source)
    finally:
        code = served.stop()
        check(code == 0, "serve stops cleanly (exit %s)" % code)
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


def run(served):
    time.sleep(0.2)
    rss_start = served.rss_kib()
    accepted = []
    results = {}
    bad = [threading.Thread(target=f, args=(served, results))
           for f in (silent, long_line, random_bytes, never_reads, data_limits)]
    good = [threading.Thread(target=sender, args=(served, i, accepted)) for i in range(CLIENTS)]
    start = time.time()
    for t in bad + good:
        t.start()
    for t in good:
        t.join(120)
    elapsed = time.time() - start
    for t in bad:
        t.join(60)
    print("%d messages from %d concurrent clients in %.2f s" % (len(accepted), CLIENTS, elapsed))
    check(len(accepted) == CLIENTS * MESSAGES_PER_CLIENT,
          "every message of the %d concurrent clients accepted (%d)" % (CLIENTS, len(accepted)))

    # No message accepted is lost: all of them reach Bob's mailbox.
    expected = len(accepted)
    count = served.wait_for(
        lambda: (lambda n: n if n >= expected else None)(
            mailbox_count(served, "mail.hamburger.edu", "bob", "ketchup")), timeout=30)
    check(count == expected, "Bob's mailbox holds every accepted message (%s of %d)"
          % (count, expected))

    greeting, last, waited, closed = results.get("silent", (b"", b"", 0, False))
    check(greeting.startswith(b"220") and last.startswith(b"421 ") and
          IDLE_TIMEOUT - 0.5 <= waited <= IDLE_TIMEOUT + 5 and closed,
          "a silent client gets 421 after the idle timeout (%.1f s) and is closed: %r"
          % (waited, last))
    answer = results.get("long_line", b"")
    check(answer.startswith(b"500 ") and b"250 " in answer and b"221 " in answer,
          "a 1 MB line without CRLF: 500 when it ends, the session goes on: %r" % answer[:60])
    sent, closed = results.get("random", (0, False))
    check(sent > 0 and closed, "random bytes: the server answers, then closes (%d sent)" % sent)
    sent, rss = results.get("never_reads", (0, 0))
    check(sent < 64 * 1024 * 1024,
          "a client that never reads is pushed back by TCP (%.1f MB sent)" % (sent / 1e6))
    long_code, big_code = results.get("data_limits", (0, 0))
    check(long_code == 500, "a 1 MB line in DATA: 500 (%d)" % long_code)
    check(big_code == 552, "a 3 MB message where the limit is 2 MB: 552 (%d)" % big_code)

    # Still serving, memory bounded.
    with socket.create_connection(("127.0.0.1", served.port("mail.crepes.fr", "smtp"))) as s:
        check(recv_until(s, b"\r\n").startswith(b"220"), "still serving new clients")
    rss_end = served.rss_kib()
    check(served.alive(), "the server is still running")
    grew = (rss_end - rss_start) / 1024
    check(grew < 150, "memory grew %.1f MiB (start %.1f MiB, after the long line %.1f MiB)"
          % (grew, rss_start / 1024, results.get("rss_after_long_line", 0) / 1024))


def capped(source):
    served = Served(cli_path(), source + "/tests/data/serve.yaml", "--max-connections", "3",
                    quiet=True)
    try:
        port = served.port("mail.hamburger.edu", "smtp")
        held = [socket.create_connection(("127.0.0.1", port)) for _ in range(3)]
        for s in held:
            recv_until(s, b"\r\n")
        with socket.create_connection(("127.0.0.1", port)) as extra:
            busy = recv_until(extra, b"\r\n")
            check(busy.startswith(b"421 ") and closed_by_server(extra),
                  "past --max-connections: 421 and close: %r" % busy)
        held.pop().close()
        time.sleep(0.2)
        with socket.create_connection(("127.0.0.1", port)) as again:
            check(recv_until(again, b"\r\n").startswith(b"220"),
                  "a place freed: the next client is served")
        # The cap is per port: POP3 still answers.
        with socket.create_connection(("127.0.0.1", served.port("mail.hamburger.edu",
                                                                "pop3"))) as pop:
            check(recv_until(pop, b"\r\n").startswith(b"+OK"), "another port is not capped")
        for s in held:
            s.close()
    finally:
        served.stop()


if __name__ == "__main__":
    sys.exit(main())
