#!/usr/bin/env bash
# Regenerates constraints.txt: the exact versions of everything wijkkaart and its tests install, taken from a
# fresh virtual environment that installs the newest versions pyproject.toml allows. scripts/setup.sh (hence
# the README's commands, CI and the workflows) installs with these constraints, so a new release of a
# dependency changes nothing until this script is run, the tests pass and the file is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip setuptools
"$work/venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[test]"
{
  echo "# Exact versions for scripts/setup.sh and CI; regenerate with scripts/lock.sh (see the README)."
  echo "# Python $("$work/venv/bin/python" -c 'import platform; print(platform.python_version())'), $(uname -m)."
  "$work/venv/bin/python" -m pip freeze --all --exclude-editable | grep -v '^wijkkaart[= @]'
} > constraints.txt
echo "constraints.txt: $(grep -vc '^#' constraints.txt) packages"
