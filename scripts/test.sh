#!/usr/bin/env bash
# Sets everything up and runs every test: lint, types, unit tests, the example build and browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "Debian's chromium is missing; installing it (browser tests need /usr/bin/chromium)" >&2
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get install -y chromium >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y chromium >/dev/null; }
fi
bash scripts/setup.sh test
export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check wijkkaart tests scripts
.venv/bin/ruff format --check wijkkaart tests scripts
.venv/bin/mypy
.venv/bin/python -m pytest "$@"
# The long property-based runs (10,000 cases of each kind; 5,000 schedules x 410 days compared between
# opening-hours-py, the evaluator, iCal, HSDS and when.js in Node),
# kept out of the quick default run above.
.venv/bin/python -m pytest -q -m fuzz -s tests/test_fuzz.py tests/test_schedule_differential.py
