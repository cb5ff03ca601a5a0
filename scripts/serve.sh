#!/usr/bin/env bash
# Sets everything up, builds the example site and serves it on http://127.0.0.1:8000
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1
# Not strict: without ../shared/geo the site still builds (maps without boundaries) and the warnings show.
exec .venv/bin/mkdocs serve --no-strict -a 127.0.0.1:8000
