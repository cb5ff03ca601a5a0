"""Every invalid case in tests/data/invalid gives exactly the problems in its expected.txt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wijkkaart.problems import errors, render
from wijkkaart.validate import build_catalog

from .helpers import INVALID, VALID, report, settings_for, site_copy

CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def test_valid_site_has_no_problems(tmp_path: Path) -> None:
    catalog, problems = build_catalog(settings_for(site_copy(tmp_path)))
    assert problems == []
    assert catalog is not None
    assert sorted(catalog.orgs) == ["buurthuis", "geldhulp"]
    assert [s.uid for s in catalog.services] == ["buurthuis/koffie", "geldhulp/spreekuur-zuid"]


@pytest.mark.parametrize("case", CASES)
def test_invalid_case(case: str, tmp_path: Path) -> None:
    catalog, problems = build_catalog(settings_for(site_copy(tmp_path, INVALID / case)))
    expected_file = INVALID / case / "expected.txt"
    if os.environ.get("WIJKKAART_UPDATE_EXPECTED"):
        expected_file.write_text(render(problems) + "\n", encoding="utf-8")
    assert render(problems) + "\n" == expected_file.read_text(encoding="utf-8")
    if errors(problems):
        assert catalog is None


def test_every_case_reports_something() -> None:
    for case in CASES:
        assert (INVALID / case / "expected.txt").read_text(encoding="utf-8").strip(), case


def test_corpus_size_is_reported() -> None:
    report(f"slechte invoer: {len(CASES)} gevallen in {INVALID.relative_to(VALID.parents[2])}")
    assert len(CASES) >= 60
