#!/usr/bin/env bash
# Creates .venv and installs wijkkaart with what it needs, at the exact versions of constraints.txt (so a new
# release of a dependency cannot change a build unannounced). Sourced by serve.sh and test.sh.
# WIJKKAART_NEWEST=1 installs the newest versions pyproject.toml allows instead (the weekly workflow
# .github/workflows/newest.yml does, to find out what a new release breaks before constraints.txt moves).
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
pip=(.venv/bin/python -m pip install --quiet --disable-pip-version-check)
if [ "${WIJKKAART_NEWEST:-}" = 1 ]; then
  "${pip[@]}" --upgrade pip
  "${pip[@]}" --upgrade --upgrade-strategy eager -e ".${extras:+[$extras]}"
else
  export PIP_CONSTRAINT="$PWD/constraints.txt"  # also for the build backend pip installs to build wijkkaart
  "${pip[@]}" pip
  "${pip[@]}" -e ".${extras:+[$extras]}"
fi
