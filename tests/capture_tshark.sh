#!/usr/bin/env bash
# The capture export as Wireshark reads it: tshark decodes the SMTP commands and replies, the
# message (IMF), POP3 and IMAP of exported runs, follows the TCP streams, and finds nothing
# malformed. tshark is required (scripts/setup.sh installs it): without it this test fails.
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

if ! command -v tshark >/dev/null; then
    echo "FAIL: tshark is not installed (scripts/setup.sh installs it)"
    exit 1
fi
# tshark's own chatter ("Running as user root...") goes to standard error; keep it apart.
ts() { tshark -r "$@" 2>"$tmp/tshark.err"; }
# The distinct values tshark prints for one field, one per line.
values() { # file filter field [options]
    local file=$1 filter=$2 field=$3; shift 3
    ts "$file" "$@" -Y "$filter" -T fields -e "$field" | tr ',' '\n' | sort -u
}
expect_all() { # what, wanted values (space separated), actual values (lines)
    local what=$1 want=$2 got=$3 missing=""
    for w in $want; do
        grep -qx -- "$w" <<<"$got" || missing="$missing $w"
    done
    if [ -z "$missing" ]; then ok; else fail "$what: missing$missing (got: $(echo $got))"; fi
}
expect_nothing() { # what, file, filter, [options]
    local what=$1 file=$2 filter=$3; shift 3
    local got
    got=$(ts "$file" "$@" -Y "$filter")
    if [ -z "$got" ]; then ok; else fail "$what:"; echo "$got" | head -5; fi
}

# 01: Alice submits on 587, her server relays on 25, Bob reads by POP3.
pcap=$tmp/01.pcap
if "$cli" run "$scenarios/01-alice-to-bob.yaml" --pcap "$pcap" >/dev/null; then ok; else fail "run --pcap"; fi
if ts "$pcap" >"$tmp/list.txt"; then ok; else fail "tshark cannot read the capture: $(cat "$tmp/tshark.err")"; fi

expect_all "SMTP commands" "HELO MAIL RCPT DATA QUIT" "$(values "$pcap" smtp.req smtp.req.command)"
expect_all "SMTP replies" "220 250 354 221" "$(values "$pcap" smtp.response smtp.response.code)"
if [ "$(ts "$pcap" -Y 'smtp.req.command == "HELO"' -T fields -e smtp.req.parameter | sort -u | xargs)" \
    = "alice-pc crepes.fr" ]; then ok; else fail "HELO parameters"; fi

# The message itself, three times: submitted, relayed, and retrieved by POP3.
ts "$pcap" -Y 'imf.subject' -T fields -e imf.from -e imf.to -e imf.subject >"$tmp/imf.txt"
want=$(printf 'Alice <alice@crepes.fr>\tBob <bob@hamburger.edu>\tDo you like ketchup?')
if [ "$(grep -cxF "$want" "$tmp/imf.txt")" -eq 3 ]; then ok; else fail "IMF: $(cat "$tmp/imf.txt")"; fi
if [ "$(ts "$pcap" -Y 'imf && pop' -T fields -e imf.subject | grep -c ketchup)" -eq 1 ]; then ok
else fail "IMF not decoded inside POP3 RETR"; fi

expect_all "POP3 commands" "USER PASS STAT LIST RETR DELE QUIT" \
    "$(values "$pcap" pop.request pop.request.command)"

# One stream per connection, opened with SYN and closed with FIN, at the scenario's clock.
if [ "$(ts "$pcap" -q -z conv,tcp | grep -c '<->')" -eq 3 ]; then ok; else fail "three TCP conversations"; fi
if [ "$(ts "$pcap" -c 1 -T fields -e frame.time_epoch)" = "1772442000.000000000" ]; then ok
else fail "virtual time 0 is not 2026-03-02 09:00:00 UTC"; fi
ts "$pcap" -q -z follow,tcp,ascii,1 | tr -d '\r' >"$tmp/follow.txt"
for line in "220 hamburger.edu" "HELO crepes.fr" "354 Enter mail, end with \".\" on a line by itself" \
    "Subject: Do you like ketchup?" "221 hamburger.edu closing connection"; do
    if grep -qxF "$line" "$tmp/follow.txt"; then ok; else fail "Follow TCP Stream lacks '$line'"; fi
done
expect_nothing "malformed packets or warnings in 01" "$pcap" '_ws.malformed || _ws.expert.severity >= warning'
good=$(ts "$pcap" -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE \
    -Y 'ip.checksum.status == "Good" && tcp.checksum.status == "Good"' | wc -l)
if [ "$good" -eq "$(wc -l <"$tmp/list.txt")" ]; then ok; else fail "only $good good checksums"; fi
expect_nothing "bad checksums in 01" "$pcap" 'ip.checksum.status == "Bad" || tcp.checksum.status == "Bad"' \
    -o ip.check_checksum:TRUE -o tcp.check_checksum:TRUE

# Every shipped scenario exports a capture with nothing malformed and no warning (AUTH PLAIN
# decoded, as below, so its base64 is not reported as undecoded).
for f in "$scenarios"/*.yaml; do
    name=$(basename "$f" .yaml)
    if ! "$cli" run "$f" --pcap "$tmp/$name.pcap" >/dev/null; then fail "run $name --pcap"; continue; fi
    expect_nothing "$name" "$tmp/$name.pcap" '_ws.malformed || _ws.expert.severity >= warning' \
        -o smtp.decryption:TRUE
done
# Webmail: the browser's requests and the pages are HTTP to Wireshark, the webmail's own
# dialogues behind them IMAP and SMTP.
expect_all "HTTP requests" "GET POST" \
    "$(values "$tmp/13-webmail.pcap" http.request http.request.method)"
expect_all "HTTP answers" "200 303" \
    "$(values "$tmp/13-webmail.pcap" http.response http.response.code)"
expect_all "IMAP behind the webmail" "LOGIN SELECT FETCH CREATE APPEND" \
    "$(values "$tmp/13-webmail.pcap" imap.request imap.request.command)"
expect_all "IMAP commands" "LOGIN SELECT FETCH LOGOUT" \
    "$(values "$tmp/09-imap-two-devices.pcap" imap.request imap.request.command)"

# Refused, cut, delivered: two resets and no other warning. AUTH PLAIN decodes once
# Wireshark is allowed to decode base64 (off by default, which is itself a warning).
pcap=$tmp/faults.pcap
"$cli" run "$src/tests/data/capture-faults.yaml" --pcap "$pcap" >/dev/null
if [ "$(ts "$pcap" -Y 'tcp.flags.reset == 1' | wc -l)" -eq 2 ]; then ok; else fail "two RST"; fi
expect_nothing "warnings other than RST" "$pcap" \
    '_ws.malformed || (_ws.expert.severity >= warning && !tcp.flags.reset)' -o smtp.decryption:TRUE
if [ "$(values "$pcap" smtp.auth.username smtp.auth.username -o smtp.decryption:TRUE)" = "alice@crepes.fr" ]
then ok; else fail "AUTH PLAIN not decoded"; fi

echo "capture_tshark: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
