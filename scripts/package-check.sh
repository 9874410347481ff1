#!/usr/bin/env bash
# Builds the .deb from build/ (after scripts/setup.sh), installs it on this machine and checks
# that the installed programs run: every installed scenario passes `carteiro-cli check`, one
# plays, and the window starts (offscreen) on its default scenario.
set -euo pipefail
cd "$(dirname "$0")/.."

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
(cd build && cpack -G DEB >/dev/null)
deb=$(ls -t build/carteiro_*.deb | head -1)
echo "package-check: installing $deb"
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "./$deb" >/dev/null

scenarios=/usr/share/carteiro/scenarios
count=$(ls "$scenarios"/*.yaml | wc -l)
[ "$count" -ge 13 ] || { echo "package-check: only $count scenarios installed"; exit 1; }
/usr/bin/carteiro-cli check "$scenarios"/*.yaml
# Read whole before matching: grep -q would stop early and, under pipefail, fail the pipe.
played=$(/usr/bin/carteiro-cli run "$scenarios/01-alice-to-bob.yaml")
grep -q "250 Message accepted for delivery" <<<"$played" \
    || { echo "package-check: the installed CLI did not play 01-alice-to-bob"; exit 1; }
test -f /usr/share/applications/carteiro.desktop
test -f /usr/share/mime/packages/carteiro.xml
test -f /usr/share/icons/hicolor/scalable/apps/carteiro.svg
shot=$(mktemp --suffix=.png)
QT_QPA_PLATFORM=offscreen /usr/bin/carteiro --screenshot "$shot" 2>/dev/null
[ -s "$shot" ] || { echo "package-check: the installed window did not start"; exit 1; }
rm -f "$shot"
echo "package-check: $deb installs; $count scenarios check; CLI and window run"
