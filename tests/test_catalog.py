"""The catalog's questions: here, which citywide services a wijk page lists under "Ook voor bewoners"."""

from __future__ import annotations

from pathlib import Path

from wijkkaart.records.problems import errors, render
from wijkkaart.records.validate import build_catalog

from .helpers import DATA, settings_for, site_copy


def test_a_citywide_service_is_listed_in_the_wijken_of_its_own_gemeente(tmp_path: Path) -> None:
    catalog, problems = build_catalog(settings_for(site_copy(tmp_path, DATA / "gemeenten")))
    assert catalog is not None and not errors(problems), render(problems)
    listed = {slug: [s.uid for s in catalog.citywide_elsewhere(w)] for slug, w in catalog.wijken.items()}
    assert listed == {
        # Den Haag: held in Noord, so elsewhere for Zuid; by phone from a Haags office; no address at all
        "noord": ["haagse-lijn/belspreekuur", "zonder-adres/aan-huis"],
        "zuid": ["buurthuis/koffie", "haagse-lijn/belspreekuur", "zonder-adres/aan-huis"],
        # Utrecht: held in this wijk (so not "elsewhere"); the one without any address
        "utrecht-binnenstad": ["zonder-adres/aan-huis"],
    }
