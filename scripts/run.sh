#!/usr/bin/env bash
# Set up (first time) and open the atlas. With no display it says so and writes a snapshot PNG.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/gis-app "$@"
