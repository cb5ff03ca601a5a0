"""Shared test helpers: where things are, and a site copy with a fixed 'today'."""

from __future__ import annotations

import dataclasses
import shutil
from datetime import date
from pathlib import Path

from wijkkaart.settings import Settings, read_settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
GEO = REPO.parent / "shared" / "geo"
TODAY = date(2026, 11, 24)


def site_copy(tmp: Path, overlay: Path | None = None) -> Path:
    """A copy of the valid test site, with the files of ``overlay`` laid over it."""
    root = tmp / "site"
    shutil.copytree(VALID, root)
    if overlay is not None:
        for path in overlay.rglob("*"):
            if path.is_file() and path.name != "expected.txt":
                target = root / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
    return root


def settings_for(root: Path, today: date = TODAY) -> Settings:
    return dataclasses.replace(read_settings(root, today=today), geodata_dir=str(GEO))
