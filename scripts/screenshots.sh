#!/usr/bin/env bash
# Renders the main views offscreen into docs/screenshots/ for the README.
# Usage: scripts/screenshots.sh   (after scripts/setup.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
export QT_QPA_PLATFORM=offscreen
app=build/app/carteiro
"$app" --language en --step 40 --screenshot "$out/alice-to-bob-relay.png" scenarios/01-alice-to-bob.yaml
"$app" --language en --step 30 --screenshot "$out/mx-fallback.png" scenarios/05-mx-fallback.yaml
"$app" --language en --step 14 --screenshot "$out/telnet-session.png" scenarios/06-telnet-session.yaml
"$app" --language pt --step 40 --screenshot "$out/alice-to-bob-relay-pt.png" scenarios/01-alice-to-bob.yaml
"$app" --language en --step 125 --screenshot "$out/webmail.png" scenarios/13-webmail.yaml
"$app" --language en --presentation --step 12 --screenshot "$out/presentation.png" \
    scenarios/01-alice-to-bob.yaml
echo "screenshots in $out:"
ls "$out"
