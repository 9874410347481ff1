"""Starts `carteiro-cli serve` for the live lab's tests and benchmarks, and stops it."""

import json
import os
import signal
import subprocess
import threading
import time


class Served:
    """A running `carteiro-cli serve --jsonl --free-ports`: its ports and its events."""

    def __init__(self, cli, scenario, *extra, quiet=False):
        args = [cli, "serve", scenario, "--free-ports"]
        args += ["--quiet"] if quiet else ["--jsonl"]
        args += list(extra)
        self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.ports = {}
        self.events = []
        self.lock = threading.Lock()
        self.summary = ""
        # The table first, up to its last line.
        while True:
            line = self.proc.stdout.readline()
            if not line:
                raise RuntimeError("serve ended early: " + self.proc.stderr.read().decode())
            text = line.decode().strip()
            if quiet:
                if text.startswith("ready"):
                    break
                parts = text.split()
                if parts and parts[0] == "listening":
                    self.ports[(parts[1], parts[2])] = int(parts[4].rsplit(":", 1)[1])
                continue
            event = json.loads(text)
            if event["type"] == "ready":
                break
            self.ports[(event["host"], event["service"])] = event["port"]
        # The events that follow are read as they come, so the server never blocks on stdout.
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            with self.lock:
                self.events.append(event)

    def port(self, host, service):
        return self.ports[(host, service)]

    def events_where(self, **fields):
        with self.lock:
            return [e for e in self.events if all(e.get(k) == v for k, v in fields.items())]

    def wait_for(self, predicate, timeout=10.0):
        """Waits until predicate() is true; returns its last value."""
        deadline = time.time() + timeout
        while True:
            value = predicate()
            if value or time.time() > deadline:
                return value
            time.sleep(0.05)

    def rss_kib(self):
        with open("/proc/%d/status" % self.proc.pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.summary = self.proc.stderr.read().decode()
        return self.proc.returncode


def cli_path():
    return os.environ.get("CARTEIRO_CLI", "carteiro-cli")
