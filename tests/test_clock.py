"""The fixed clock: nothing in the package reads the calendar but ``current_date``, every test runs on TODAY,
and two years on the example still does what the site means it to (a date bomb is a message, not a crash)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from wijkkaart.records.settings import TODAY_VARIABLE, Settings, read_settings
from wijkkaart.records.validate import build_catalog

from .helpers import EXAMPLES, REPO, TODAY, build_strict, example_copy

LATER = TODAY.replace(year=TODAY.year + 2)
CLOCK_READERS = {"today", "now", "utcnow", "fromtimestamp"}  # date.today(), datetime.now(), …
ENDED = (
    "orgs/wijkz.yaml:55 services[1].valid_to: waarschuwing: dit liep tot 2027-10-31. "
    "Haal het weg als het niet meer bestaat, of pas de datum aan. [service-ended]"
)


def _clock_reads(path: Path) -> list[str]:
    """The functions of ``path`` (innermost; ``<module>`` at the top) that ask ``date`` or ``datetime`` for
    the time."""
    found: list[str] = []

    def visit(node: ast.AST, inside: str) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside = node.name
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in CLOCK_READERS
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in ("date", "datetime")
        ):
            found.append(inside)
        for child in ast.iter_child_nodes(node):
            visit(child, inside)

    visit(ast.parse(path.read_text(encoding="utf-8")), "<module>")
    return found


def test_only_current_date_reads_the_calendar() -> None:
    """The one place a run's 'today' comes from; everything date-dependent gets it from the settings."""
    reads = {
        f"{path.relative_to(REPO)}:{function}"
        for path in sorted((REPO / "wijkkaart").rglob("*.py"))
        for function in _clock_reads(path)
    }
    assert reads == {"wijkkaart/records/settings.py:current_date"}


def test_the_suite_runs_on_the_fixed_clock(tmp_path: Path) -> None:
    """Set by conftest before any test runs, for this process and every build it starts."""
    assert os.environ[TODAY_VARIABLE] == TODAY.isoformat() == "2026-11-24"
    assert read_settings(REPO).today == Settings(root=REPO).today == TODAY
    started = subprocess.run(
        [sys.executable, "-c", "from wijkkaart.records.settings import current_date; print(current_date())"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert started.stdout == "2026-11-24\n"


def test_two_years_on_the_examples_check_with_only_the_ended_activity() -> None:
    """What changes with time: the Buurttuin's last day has passed (a warning that says what to do) and every
    organisation is due for a check ("mogelijk verouderd"); nothing else."""
    catalog, problems = build_catalog(read_settings(REPO, today=LATER))
    assert [p.text() for p in problems] == [ENDED]
    assert sorted(slug for slug, org in catalog.orgs.items() if org.stale) == sorted(catalog.orgs)
    now, _ = build_catalog(read_settings(REPO, today=TODAY))
    assert sorted(slug for slug, org in now.orgs.items() if org.stale) == [
        "helpdesk-geldzaken",
        "schilderswijk-moeders",
    ]
    for name in ("ijmond", "dordrecht"):
        catalog, problems = build_catalog(read_settings(EXAMPLES / name, today=LATER))
        assert problems == [], name
        assert all(org.stale for org in catalog.orgs.values()), name


def test_two_years_on_the_strict_build_names_the_ended_activity_and_builds_once_it_is_fixed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``--strict`` refuses to publish an activity that has ended, naming file, line and fix; the editor's fix
    (here: the last day taken away, as the message says) and the strict build passes on that day."""
    monkeypatch.setenv(TODAY_VARIABLE, LATER.isoformat())
    site = example_copy(tmp_path)
    refused = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(tmp_path / "refused")],
        cwd=site,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert refused.returncode == 1
    assert re.findall(r"^WARNING +-  (.*)$", refused.stderr, re.MULTILINE) == [ENDED], refused.stderr
    assert not (tmp_path / "refused").exists()
    org = site / "orgs" / "wijkz.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("    valid_to: 2027-10-31\n", ""), encoding="utf-8")
    build_strict(site, tmp_path / "site")
    page = (tmp_path / "site" / "organisaties" / "wijkz" / "index.html").read_text(encoding="utf-8")
    assert 'Gecontroleerd op 1 oktober 2026 <span class="wk-badge wk-badge--stale">mogelijk verouderd</span>' in page


def test_a_site_can_be_checked_as_if_on_another_day(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(TODAY_VARIABLE, "2030-01-02")
    assert read_settings(REPO).today == date(2030, 1, 2)
    monkeypatch.setenv(TODAY_VARIABLE, "2 januari")
    with pytest.raises(ValueError, match=r"^WIJKKAART_TODAY='2 januari' is geen datum; schrijf bv\. 2026-11-24\.$"):
        read_settings(REPO)
    monkeypatch.delenv(TODAY_VARIABLE)
    assert read_settings(REPO).today == date.today()
