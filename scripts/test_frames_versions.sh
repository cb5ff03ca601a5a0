#!/usr/bin/env bash
# Runs the frames tests (tests/test_frames.py: material's real templates, and the example site built with
# and without frames) with other versions of Material for MkDocs than constraints.txt installs: each one in
# a folder of its own put first on the path, the rest of .venv unchanged. A version that passes may be added
# to TESTED_THEMES in wijkkaart/adapters/frames.py (and its minor to the pin in pyproject.toml).
#
#     bash scripts/test_frames_versions.sh 9.8.0 9.8.1
set -euo pipefail
cd "$(dirname "$0")/.."
export NO_MKDOCS_2_WARNING=1
for version in "$@"; do
  folder=$(mktemp -d)
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps --target "$folder" "mkdocs-material==$version"
  # The test of the installed version is left out: it asks whether this version is listed, not whether it works.
  if PYTHONPATH="$folder" .venv/bin/python - "$version" <<'PY'
import importlib.metadata, sys
from wijkkaart.adapters import frames
assert importlib.metadata.version("mkdocs-material") == sys.argv[1]
PY
  then
    PYTHONPATH="$folder" WIJKKAART_TEST_MATERIAL="$version" .venv/bin/python -m pytest -q -p no:cacheprovider \
      tests/test_frames.py -k "not installed_material and not untested_theme" && echo "mkdocs-material $version: passed" \
      || echo "mkdocs-material $version: FAILED"
  fi
  rm -rf "$folder"
done
