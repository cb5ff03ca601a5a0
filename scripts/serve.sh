#!/usr/bin/env bash
# Sets everything up, builds the example site and serves it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Strict, as mkdocs.yml says: the PC4 data comes from the package, so nothing outside this folder is needed.
exec .venv/bin/mkdocs serve -a 127.0.0.1:8000
