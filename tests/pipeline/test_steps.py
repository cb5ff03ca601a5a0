"""Build steps as data: each step writes exactly the files it declares, the plan puts the steps on the two
cores by their declaration and refuses a step that would lack what it needs, and a failure names its step."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wijkkaart.pipeline.build import STEPS
from wijkkaart.pipeline.steps import Asset, Core, Step, StepFailed, Work, plan, run_steps
from wijkkaart.records.settings import Settings
from wijkkaart.records.validate import build_catalog

from ..helpers import example_site, settings_for, site_copy


def _names(steps: tuple[Step, ...]) -> list[str]:
    return [s.name for s in steps]


@pytest.mark.parametrize("site", ["valid", "ijmond"])
def test_each_step_writes_what_it_declares(tmp_path: Path, site: str) -> None:
    """What a step says it writes (known from the catalog alone, before the work) is what it makes, in
    the same order; the pages go to the site builder with their content instead."""
    root = site_copy(tmp_path) if site == "valid" else example_site(tmp_path, site)
    settings = settings_for(root)
    catalog, _ = build_catalog(settings, parallel=False)
    assert catalog is not None
    work, laps = Work(catalog, settings), dict[str, float]()
    for s in STEPS:
        made = [a.path for a in run_steps([s], work, laps)]
        if s.writes is None:
            assert made == [] and work.pages, s.name
        else:
            assert made == s.writes(catalog), s.name
    assert list(laps) == _names(STEPS)


def test_the_plan_puts_each_step_on_its_core() -> None:
    second_core = ["wijkgrenzen", "kaarten", "open data (HSDS)"]
    first_core = ["gegevens voor de zoeker", "pagina's maken"]
    spare = plan(STEPS, parallel=True, spare=True, staged=True)
    assert _names(spare.second) == [*second_core, "agenda (iCal)"] and _names(spare.first) == first_core
    busy = plan(STEPS, parallel=True, spare=False)
    assert _names(busy.second) == second_core and _names(busy.first) == ["agenda (iCal)", *first_core]
    alone = plan(STEPS, parallel=False, spare=False)
    assert alone.second == () and _names(alone.first) == [*second_core, "agenda (iCal)", *first_core]
    assert {_names(p.last)[0] for p in (spare, busy, alone)} == {"servicewerker (offline)"}


def test_a_step_that_would_lack_what_it_needs_is_refused() -> None:
    maps = next(s for s in STEPS if s.name == "kaarten")
    with pytest.raises(ValueError, match=r"^de stap 'kaarten' mist geometry op de eerste kern$"):
        plan([*STEPS, dataclasses.replace(maps, core=Core.FIRST)], parallel=True, spare=True)
    unknown = dataclasses.replace(maps, name="raadsel", writes=None)
    with pytest.raises(ValueError, match=r"^de stap 'raadsel' zegt niet vooraf welke bestanden hij maakt$"):
        plan([*STEPS, unknown], parallel=True, spare=True, staged=True)
    assert plan([*STEPS, unknown], parallel=True, spare=True).second[-1] is unknown  # not staged: returned


def test_the_settings_a_step_reads_are_settings() -> None:
    fields = {f.name for f in dataclasses.fields(Settings)}
    assert {option for s in STEPS for option in s.options} <= fields
    assert len({s.name for s in STEPS}) == len(STEPS)


def test_a_failing_step_is_named(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings, parallel=False)
    assert catalog is not None

    def boom(work: Work) -> list[Asset]:
        raise ZeroDivisionError("division by zero")

    laps: dict[str, float] = {}
    for s in STEPS:
        with pytest.raises(StepFailed) as failed:
            run_steps([dataclasses.replace(s, run=boom)], Work(catalog, settings), laps)
        assert str(failed.value) == f"de stap '{s.name}' is mislukt (ZeroDivisionError: division by zero)"
    assert laps == {}  # a failed step has no time
