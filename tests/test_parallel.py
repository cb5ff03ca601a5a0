"""Work on the second core: the same result as here, and failures reported, never lost."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from wijkkaart.build import PARALLEL_STEP, build_site
from wijkkaart.geo import geometry_cached
from wijkkaart.parallel import Background
from wijkkaart.validate import build_catalog

from .helpers import settings_for, site_copy


def test_result_comes_back_from_the_forked_process() -> None:
    parent = os.getpid()
    work = Background(lambda: (os.getpid(), b"x" * 5_000_000))  # larger than a pipe's buffer
    pid, payload = work.result()
    assert pid != parent and len(payload) == 5_000_000
    assert Background(lambda: os.getpid(), parallel=False).result() == parent


def test_a_failure_in_the_forked_process_is_raised_here() -> None:
    work = Background(lambda: 1 / 0)
    with pytest.raises(RuntimeError, match="ZeroDivisionError: division by zero"):
        work.result()


def test_a_parallel_build_gives_the_same_site(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    catalog, _ = build_catalog(settings)
    assert catalog is not None and not geometry_cached(catalog, settings)
    together = build_site(settings, parallel=False)
    assert geometry_cached(catalog, settings)  # so the second core makes the agenda too
    apart = build_site(settings, parallel=True)
    assert [(a.path, a.content) for a in together.assets] == [(a.path, a.content) for a in apart.assets]
    assert together.pages == apart.pages
    assert apart.timings[PARALLEL_STEP] > 0 and "agenda" not in apart.timings and "agenda" in together.timings
