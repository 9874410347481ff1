#!/usr/bin/env bash
# Installs what a fresh Debian 12 lacks, then configures and builds Carteiro in build/.
# Usage: scripts/setup.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# tshark: the capture export's test reads the pcap files back with it.
# qt6-tools-dev and qt6-l10n-tools: qt_add_translations, lupdate and lrelease build the
# Portuguese catalogue; qt6-translations-l10n: Qt's own dialogs and buttons in Portuguese.
# tshark reads the capture exports back; curl is one of the live lab's real clients.
packages=(cmake g++ make pkg-config qt6-base-dev qt6-svg-dev qt6-charts-dev libgl-dev
          libyaml-cpp-dev python3 swaks tshark curl qt6-tools-dev qt6-l10n-tools
          qt6-translations-l10n)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "setup: installing ${missing[*]}"
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    # wireshark-common asks whether non-root users may capture; a build machine says no.
    if [[ " ${missing[*]} " == *" tshark "* ]]; then
        echo "wireshark-common wireshark-common/install-setuid boolean false" \
            | $sudo debconf-set-selections
    fi
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build -j2
