#!/usr/bin/env python3
"""How fast the live lab serves real SMTP clients, beside Python's own SMTP server.

Two measures, each over several runs (medians quoted, the machine is shared and noisy):
  - one connection: many MAIL/RCPT/DATA transactions on one SMTP session (smtplib sendmail);
  - new connections: one message per connection (connect, EHLO, MAIL, RCPT, DATA, QUIT).
Peers: `carteiro-cli serve` (every message through the simulated world: the MTA's Received
field, local delivery into Bob's mailbox, or MX lookup and a simulated relay first), and the
standard library's smtpd (deprecated but still in Python 3.11), which only counts messages.

usage: bench/serve_bench.py [--cli build/cli/carteiro-cli] [--runs 5] [--messages 3000]
                            [--connections 1000]
"""

import argparse
import os
import socket
import smtplib
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "tests", "serve"))
from servecommon import Served  # noqa: E402

SCENARIO = os.path.join(HERE, "..", "tests", "data", "serve.yaml")
MESSAGE = (b"From: Alice <alice@crepes.fr>\r\nTo: Bob <bob@hamburger.edu>\r\n"
           b"Subject: bench\r\n\r\nA short message.\r\nTwo lines.\r\n")

PYTHON_PEER = r"""
import asyncore, smtpd, sys, warnings
warnings.simplefilter("ignore")
class Counter(smtpd.SMTPServer):
    count = 0
    def process_message(self, peer, mailfrom, rcpttos, data, **kw):
        Counter.count += 1
server = Counter(("127.0.0.1", 0), None, decode_data=False)
print(server.socket.getsockname()[1], flush=True)
asyncore.loop()
"""


class RawClient:
    """A lean SMTP client over a socket: one command, one reply, no pipelining; it costs
    the client far less than smtplib, so the server's own speed shows."""

    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.buffer = b""
        self.reply()

    def reply(self):
        # The last line of a reply is "DDD text"; continuation lines are "DDD-text".
        while True:
            end = self.buffer.find(b"\r\n")
            while end >= 0:
                line, self.buffer = self.buffer[:end], self.buffer[end + 2:]
                if line[3:4] != b"-":
                    return int(line[:3])
                end = self.buffer.find(b"\r\n")
            chunk = self.sock.recv(65536)
            if not chunk:
                raise ConnectionError("closed")
            self.buffer += chunk

    def command(self, line):
        self.sock.sendall(line)
        return self.reply()

    def send(self):
        codes = (self.command(b"MAIL FROM:<alice@crepes.fr>\r\n"),
                 self.command(b"RCPT TO:<bob@hamburger.edu>\r\n"),
                 self.command(b"DATA\r\n"),
                 self.command(MESSAGE + b".\r\n"))
        if codes != (250, 250, 354, 250):
            raise RuntimeError("unexpected replies %r" % (codes,))

    def close(self):
        self.command(b"QUIT\r\n")
        self.sock.close()


def raw_one_connection(port, messages):
    client = RawClient(port)
    client.command(b"EHLO bench\r\n")
    start = time.perf_counter()
    for _ in range(messages):
        client.send()
    elapsed = time.perf_counter() - start
    client.close()
    return messages / elapsed


def raw_new_connections(port, connections):
    start = time.perf_counter()
    for _ in range(connections):
        client = RawClient(port)
        client.command(b"EHLO bench\r\n")
        client.send()
        client.close()
    return connections / (time.perf_counter() - start)


def one_connection(port, messages):
    smtp = smtplib.SMTP("127.0.0.1", port)
    smtp.ehlo("bench")
    start = time.perf_counter()
    for _ in range(messages):
        smtp.sendmail("alice@crepes.fr", ["bob@hamburger.edu"], MESSAGE)
    elapsed = time.perf_counter() - start
    smtp.quit()
    return messages / elapsed


def new_connections(port, connections):
    start = time.perf_counter()
    for _ in range(connections):
        smtp = smtplib.SMTP("127.0.0.1", port)
        smtp.ehlo("bench")
        smtp.sendmail("alice@crepes.fr", ["bob@hamburger.edu"], MESSAGE)
        smtp.quit()
    return connections / (time.perf_counter() - start)


def cpu_seconds(pid):
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def python_peer():
    proc = subprocess.Popen([sys.executable, "-c", PYTHON_PEER], stdout=subprocess.PIPE)
    port = int(proc.stdout.readline())
    return proc, port


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cli", default=os.path.join(HERE, "..", "build", "cli",
                                                      "carteiro-cli"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--messages", type=int, default=3000)
    parser.add_argument("--connections", type=int, default=1000)
    args = parser.parse_args()

    rows = {}

    def measure(name, fn):
        rows.setdefault(name, []).append(fn())

    for run in range(args.runs):
        served = Served(args.cli, SCENARIO, "--no-steps", quiet=True)
        direct = served.port("mail.hamburger.edu", "smtp")
        relay = served.port("mail.crepes.fr", "smtp")
        # The server's own CPU time per message does not depend on what else the machine
        # runs: its inverse is what one core could serve.
        before = cpu_seconds(served.proc.pid)
        measure("carteiro, one connection, raw client, local delivery",
                lambda: raw_one_connection(direct, args.messages))
        middle = cpu_seconds(served.proc.pid)
        measure("carteiro, one connection, raw client, MX lookup and simulated relay",
                lambda: raw_one_connection(relay, args.messages))
        after = cpu_seconds(served.proc.pid)
        rows.setdefault("carteiro, messages per server CPU second, local delivery", []).append(
            args.messages / max(middle - before, 1e-3))
        rows.setdefault("carteiro, messages per server CPU second, relayed", []).append(
            args.messages / max(after - middle, 1e-3))
        measure("carteiro, one connection, smtplib, local delivery",
                lambda: one_connection(direct, args.messages))
        measure("carteiro, new connection per message, raw client",
                lambda: raw_new_connections(direct, args.connections))
        measure("carteiro, new connection per message, smtplib",
                lambda: new_connections(direct, args.connections))
        rss = served.rss_kib()
        served.stop()
        rows.setdefault("carteiro, peak resident memory after the run (MiB)", []).append(
            rss / 1024)

        proc, port = python_peer()
        measure("python smtpd, one connection, raw client",
                lambda: raw_one_connection(port, args.messages))
        measure("python smtpd, one connection, smtplib",
                lambda: one_connection(port, args.messages))
        measure("python smtpd, new connection per message, raw client",
                lambda: raw_new_connections(port, max(20, args.connections // 20)))
        # smtpd's new connections are slow (about 40 ms each: its replies wait for the
        # client's delayed ACK), so fewer of them.
        measure("python smtpd, new connection per message, smtplib",
                lambda: new_connections(port, max(20, args.connections // 20)))
        proc.terminate()
        proc.wait()
        print("run %d done" % (run + 1), file=sys.stderr, flush=True)

    print("| measure | median | runs |")
    print("|---|---|---|")
    for name, values in rows.items():
        print("| %s | %.0f | %s |" % (name, statistics.median(values),
                                      ", ".join("%.0f" % v for v in values)))


if __name__ == "__main__":
    main()
