#!/usr/bin/env bash
# Sets everything up, builds the example site and serves it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
exec .venv/bin/mkdocs serve --strict -a 127.0.0.1:8000
