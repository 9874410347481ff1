#!/usr/bin/env bash
# The command-line contract end to end, as a user at a shell meets it: exit codes, the check
# messages, the dialogue, JSON Lines, the end state, and talk over standard input.
set -u
src=$1
cli=${CARTEIRO_CLI:?}
scenarios=$src/scenarios
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL: $*"; }
expect_exit() { # expected, description, command...
    local want=$1 what=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -eq "$want" ]; then ok; else fail "$what: exit $got, wanted $want"; cat "$tmp/err"; fi
}

# Usage errors are 2.
expect_exit 2 "no arguments" "$cli"
expect_exit 2 "unknown command" "$cli" frobnicate
expect_exit 2 "run without file" "$cli" run
expect_exit 2 "run with an unknown option" "$cli" run "$scenarios/01-alice-to-bob.yaml" --colour
expect_exit 2 "talk without --port" "$cli" talk "$scenarios/01-alice-to-bob.yaml" --host mail.hamburger.edu
expect_exit 0 "help" "$cli" --help

# Every shipped scenario checks clean and runs.
expect_exit 0 "check all shipped scenarios" "$cli" check "$scenarios"/*.yaml
for f in "$scenarios"/*.yaml; do
    expect_exit 0 "run $(basename "$f")" "$cli" run "$f"
done

# A broken file: exit 1 and FILE:LINE:COL: error: on standard output.
printf 'carteiro: 1\ntitle: x\nhosts:\n  a:\n    role: mta\n    local_domain: [x.org]\n' >"$tmp/bad.yaml"
expect_exit 1 "check a broken file" "$cli" check "$tmp/bad.yaml"
if grep -q "^$tmp/bad.yaml:6:5: error: .*local_domains" "$tmp/out"; then ok; else fail "check message: $(cat "$tmp/out")"; fi
expect_exit 1 "run a broken file" "$cli" run "$tmp/bad.yaml"
expect_exit 1 "check a missing file" "$cli" check "$tmp/nothing-here.yaml"

# The dialogue: the textbook lines with time, protocol, direction.
"$cli" run "$scenarios/01-alice-to-bob.yaml" >"$tmp/run.txt"
if grep -q "SMTP mail.hamburger.edu → mail.crepes.fr S: 220 hamburger.edu" "$tmp/run.txt"; then ok; else fail "220 line missing in run output"; fi
if grep -q "SMTP mail.crepes.fr → mail.hamburger.edu C: HELO crepes.fr" "$tmp/run.txt"; then ok; else fail "HELO line missing in run output"; fi

# JSON Lines: same file, same bytes; every line parses with the contract's keys.
"$cli" run "$scenarios/05-mx-fallback.yaml" --jsonl >"$tmp/a.jsonl"
"$cli" run "$scenarios/05-mx-fallback.yaml" --jsonl >"$tmp/b.jsonl"
if cmp -s "$tmp/a.jsonl" "$tmp/b.jsonl"; then ok; else fail "two runs differ"; fi
if python3 - "$tmp/a.jsonl" <<'PY'
import json, sys
types = {"line", "connect", "close", "dns", "queue", "retry", "deliver", "bounce", "fault", "note", "ask", "mailbox"}
for n, raw in enumerate(open(sys.argv[1], encoding="utf-8"), 1):
    e = json.loads(raw)
    for key in ("t", "type", "proto", "client", "server", "dir", "text"):
        assert key in e, (n, key)
    assert e["type"] in types, (n, e["type"])
    if e["type"] == "line":
        assert e["dir"] in ("C", "S"), n
PY
then ok; else fail "JSON Lines do not follow the contract"; fi

# --state: Bob's message is in his INBOX with its headers, the queues are empty.
"$cli" run "$scenarios/08-several-recipients.yaml" --state >"$tmp/state.json"
if python3 - "$tmp/state.json" <<'PY'
import json, sys
state = json.load(open(sys.argv[1], encoding="utf-8"))
bob = state["mailboxes"]["bob@hamburger.edu"]["INBOX"]
assert len(bob) == 1 and bob[0]["subject"] == "Picnic on Saturday", bob
names = [h[0] for h in bob[0]["headers"]]
assert names[0] == "Return-Path" and names[1] == "Received", names
assert "raw" in bob[0] and "from" in bob[0] and "to" in bob[0]
alice = state["mailboxes"]["alice@crepes.fr"]["INBOX"]
assert alice[0]["from"].startswith("Mail Delivery Subsystem"), alice[0]["from"]
assert all(v == [] for v in state["queues"].values()), state["queues"]
PY
then ok; else fail "--state does not show the mailboxes"; fi

# --pcap writes a capture beside the usual output; a missing file name or a directory that
# does not exist is a usage error.
"$cli" run "$scenarios/01-alice-to-bob.yaml" --jsonl --pcap "$tmp/run.pcap" >"$tmp/with-pcap.jsonl"
if cmp -s "$tmp/with-pcap.jsonl" <("$cli" run "$scenarios/01-alice-to-bob.yaml" --jsonl); then ok
else fail "--pcap changes the JSON Lines"; fi
if [ "$(head -c 4 "$tmp/run.pcap" | od -An -tx1 | tr -d ' ')" = "d4c3b2a1" ]; then ok; else fail "--pcap: not a pcap file"; fi
expect_exit 0 "run --state --pcap" "$cli" run "$scenarios/01-alice-to-bob.yaml" --pcap "$tmp/state.pcap" --state
if cmp -s "$tmp/run.pcap" "$tmp/state.pcap"; then ok; else fail "two captures of one run differ"; fi
expect_exit 2 "run --pcap without a file" "$cli" run "$scenarios/01-alice-to-bob.yaml" --pcap
expect_exit 2 "run --pcap into a missing directory" "$cli" run "$scenarios/01-alice-to-bob.yaml" --pcap "$tmp/no/such/dir/x.pcap"
if grep -q "cannot write .*no/such/dir/x.pcap" "$tmp/err"; then ok; else fail "--pcap error: $(cat "$tmp/err")"; fi

# talk: bare LF from a terminal, then CRLF from a program.
printf 'HELO student\nVRFY bob\nMAIL FROM:<alice@crepes.fr>\nRCPT TO:<bob@hamburger.edu>\nDATA\nSubject: hi\n\n..dot\n.\nQUIT\n' \
    | "$cli" talk "$scenarios/01-alice-to-bob.yaml" --host mail.hamburger.edu --port 25 >"$tmp/talk.txt"
if head -1 "$tmp/talk.txt" | grep -q "^220 hamburger.edu"; then ok; else fail "talk greeting: $(head -1 "$tmp/talk.txt")"; fi
if grep -q "^354 " "$tmp/talk.txt" && grep -q "^250 Message accepted for delivery" "$tmp/talk.txt" \
    && tail -1 "$tmp/talk.txt" | grep -q "^221 "; then ok; else fail "talk session: $(cat "$tmp/talk.txt")"; fi
if grep -q $'\r$' "$tmp/talk.txt"; then ok; else fail "talk replies must end in CRLF"; fi
printf 'USER bob\r\nPASS wrong\r\nUSER bob\r\nPASS ketchup\r\nSTAT\r\nQUIT\r\n' \
    | "$cli" talk "$scenarios/01-alice-to-bob.yaml" --host mail.hamburger.edu --port 110 >"$tmp/pop.txt"
if grep -q "^-ERR" "$tmp/pop.txt" && grep -q "^+OK 0 0" "$tmp/pop.txt"; then ok; else fail "talk POP3: $(cat "$tmp/pop.txt")"; fi
expect_exit 2 "talk to a port nobody serves" "$cli" talk "$scenarios/01-alice-to-bob.yaml" --host mail.hamburger.edu --port 143

# swaks drives talk through a pipe, as it would drive a real server.
if command -v swaks >/dev/null; then
    swaks --pipe "$cli talk $scenarios/01-alice-to-bob.yaml --host mail.hamburger.edu --port 25" \
        --from alice@crepes.fr --to bob@hamburger.edu --helo crepes.fr --body "via swaks" >"$tmp/swaks.txt" 2>&1
    if grep -q "<-  250 Message accepted for delivery" "$tmp/swaks.txt"; then ok; else fail "swaks: $(cat "$tmp/swaks.txt")"; fi
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
