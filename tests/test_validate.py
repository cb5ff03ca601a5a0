"""Every invalid case in tests/data/invalid gives exactly the problems in its expected.txt; every case in
tests/data/accepted loads without a problem and holds exactly the values in its expected.txt."""

from __future__ import annotations

import dataclasses
import os
import re
import threading
from pathlib import Path
from typing import Any

import pytest

from wijkkaart.pipeline.parallel import Background
from wijkkaart.records import validate
from wijkkaart.records.problems import Problem, errors, render
from wijkkaart.records.validate import SHARED_FROM, build_catalog

from .helpers import ACCEPTED, INVALID, VALID, report, settings_for, site_copy

CASES = sorted(p.name for p in INVALID.iterdir() if p.is_dir())
ACCEPTED_CASES = sorted(p.name for p in ACCEPTED.iterdir() if p.is_dir())


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


@pytest.mark.parametrize("case", ACCEPTED_CASES)
def test_accepted_case_keeps_what_the_editor_wrote(case: str, tmp_path: Path) -> None:
    """``orgs/x.yaml services[0].fees_description: '2.50'``: the record's value, as Python writes it."""
    catalog, problems = build_catalog(settings_for(site_copy(tmp_path, ACCEPTED / case)))
    assert catalog is not None and problems == [], render(problems)
    expected = (ACCEPTED / case / "expected.txt").read_text(encoding="utf-8").splitlines()
    assert expected
    for line in expected:
        file, path, value = re.fullmatch(r"(\S+) (\S+): (.*)", line).groups()  # type: ignore[union-attr]
        entry = catalog.orgs[Path(file).stem].org if file.startswith("orgs/") else catalog.wijken[Path(file).stem].wijk
        found: object = entry
        for part in re.findall(r"[a-z_]+|\[\d+\]", path):
            found = found[int(part[1:-1])] if part.startswith("[") else getattr(found, part)  # type: ignore[index]
        assert repr(found) == value, line


def test_every_case_reports_something() -> None:
    for case in CASES:
        assert (INVALID / case / "expected.txt").read_text(encoding="utf-8").strip(), case


def test_corpus_size_is_reported() -> None:
    report(f"slechte invoer: {len(CASES)} gevallen in {INVALID.relative_to(VALID.parents[2])}")
    assert len(CASES) >= 110


def test_reading_half_the_files_on_the_second_core_gives_the_same_catalog_and_problems(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site_copy(tmp_path)
    orgs = root / "orgs"
    original = (orgs / "buurthuis.yaml").read_text(encoding="utf-8")
    for n in range(SHARED_FROM):
        copy = original.replace("Buurthuis Test", f"Buurthuis {n}")
        (orgs / f"kopie-{n:04d}.yaml").write_text(copy, encoding="utf-8")
    forked: list[bool] = []

    class Recorded(Background[object]):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            forked.append(self.forked)

    monkeypatch.setattr(validate, "Background", Recorded)
    settings = settings_for(root)
    alone, together = build_catalog(settings), build_catalog(settings, parallel=True)
    assert forked == [True]  # the orgs folder only: the wijken are too few
    assert alone[0] is not None and together[0] is not None, render(alone[1])
    assert alone[1] == together[1] == []
    assert list(alone[0].orgs) == list(together[0].orgs)
    for slug, entry in alone[0].orgs.items():
        other = together[0].orgs[slug]
        assert (entry.org, entry.doc.data, entry.doc.lines) == (other.org, other.doc.data, other.doc.lines)

    (orgs / "zz-kapot.yaml").write_text("name: [niet dicht\n", encoding="utf-8")  # both in the second half
    (orgs / "zz-fout.yaml").write_text(original.replace("name:", "naam:", 1), encoding="utf-8")
    alone, together = build_catalog(settings), build_catalog(settings, parallel=True)
    assert alone[0] is None and together[0] is None
    assert render(together[1]) == render(alone[1])
    assert {p.file for p in errors(together[1])} == {"orgs/zz-kapot.yaml", "orgs/zz-fout.yaml"}


def test_a_file_that_cannot_be_read_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    (root / "orgs" / "weg.yaml").symlink_to(root / "orgs" / "bestaat-niet.yaml")
    catalog, problems = build_catalog(settings_for(root))
    assert catalog is None
    assert render(problems) == (
        "orgs/weg.yaml het bestand kan niet gelezen worden. "
        "Controleer of het bestaat (geen kapotte snelkoppeling) en leesbaar is. [unreadable-file]"
    )


def test_when_the_second_core_fails_its_files_are_read_here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = site_copy(tmp_path)
    original = (root / "orgs" / "buurthuis.yaml").read_text(encoding="utf-8")
    for n in range(SHARED_FROM):
        copy = original.replace("Buurthuis Test", f"Buurthuis {n}")
        (root / "orgs" / f"kopie-{n:04d}.yaml").write_text(copy, encoding="utf-8")

    class Killed(Background[object]):
        def result(self) -> object:
            super().result()
            raise RuntimeError("wijkkaart: het hulpproces stopte (code -9)")

    settings = settings_for(root)
    alone = build_catalog(settings)
    monkeypatch.setattr(validate, "Background", Killed)
    together = build_catalog(settings, parallel=True)
    assert alone[0] is not None and together[0] is not None
    assert list(alone[0].orgs) == list(together[0].orgs) and alone[1] == together[1] == []


def test_a_link_to_a_file_outside_the_site_is_refused(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    outside = tmp_path / "elders.yaml"
    outside.write_bytes((root / "orgs" / "buurthuis.yaml").read_bytes())
    (root / "orgs" / "elders.yaml").symlink_to(outside)
    (root / "orgs" / "binnen.yaml").symlink_to(root / "orgs" / "buurthuis.yaml")  # inside: read as it is
    catalog, problems = build_catalog(settings_for(root))
    assert catalog is None
    assert render(problems) == (
        "orgs/buurthuis.yaml:1 name: de naam 'Buurthuis Test' staat ook in orgs/binnen.yaml. "
        "Voeg de bestanden samen, of maak de namen verschillend. [duplicate-name]\n"
        "orgs/elders.yaml dit is een snelkoppeling naar een bestand buiten de site. "
        "Zet het bestand zelf in de map van de site. [link-outside-site]"
    )


def test_a_link_to_a_folder_named_yaml_is_named(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    (root / "orgs" / "map.yaml").symlink_to(root / "wijken", target_is_directory=True)
    _, problems = build_catalog(settings_for(root))
    assert [(p.file, p.code) for p in problems] == [("orgs/map.yaml", "not-a-file")]


def test_a_pipe_or_device_never_hangs_and_is_never_read(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    os.mkfifo(root / "orgs" / "pijp.yaml")  # nobody ever writes to it: reading it would wait for ever
    (root / "wijken" / "nul.yaml").symlink_to("/dev/zero")  # endless: reading it would fill the memory
    (root / "wijken" / "nul2.yaml").symlink_to(root / ".." / ".." / ".." / "dev" / "zero")
    found: list[list[Problem]] = []
    worker = threading.Thread(target=lambda: found.append(build_catalog(settings_for(root))[1]), daemon=True)
    worker.start()
    worker.join(timeout=20)
    assert not worker.is_alive() and found
    assert sorted((p.file, p.code) for p in found[0]) == [
        ("orgs/pijp.yaml", "not-a-file"),
        ("wijken/nul.yaml", "link-outside-site"),
        ("wijken/nul2.yaml", "link-outside-site"),
    ]


WARNING_CASES = ["location-outside-site", "hidden-file", "setting-unknown-key", "yaml-unicode-line-separator"]


@pytest.mark.parametrize("case", [None, *WARNING_CASES], ids=["geldig", *WARNING_CASES])
def test_check_reports_what_the_build_reports(case: str | None, tmp_path: Path) -> None:
    """Everything the build reports, ``wijkkaart check`` reports too; only a location far from its own postcode
    needs the polygons, which the check does not load."""
    from wijkkaart.pipeline.build import build_site

    root = site_copy(tmp_path, INVALID / case if case else None)
    org = root / "orgs" / "buurthuis.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("lat: 52.0705", "lat: 52.0905"), encoding="utf-8")
    settings = dataclasses.replace(settings_for(root), geodata_dir="ontbreekt")
    _, checked = build_catalog(settings)
    built = build_site(settings, parallel=False).problems
    assert "no-geodata" in {p.code for p in checked}
    assert [p for p in built if p.code != "location-far-from-postcode"] == checked
    if case is None:
        assert "location-far-from-postcode" in {p.code for p in built}
