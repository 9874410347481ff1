#!/usr/bin/env bash
# Sets up (if needed) and starts the Carteiro window on a scenario (default: Alice to Bob).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec build/app/carteiro "$@"
