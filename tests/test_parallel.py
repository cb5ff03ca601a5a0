"""Work on the second core: the same result as here, and failures reported, never lost."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest

from wijkkaart.geo.boundaries import geometry_cached
from wijkkaart.pipeline.build import PARALLEL_STEP, Asset, build_site, publish, staged, write_files
from wijkkaart.pipeline.parallel import Background
from wijkkaart.pipeline.steps import StepFailed, step
from wijkkaart.records.validate import build_catalog

from .helpers import settings_for, site_copy


def test_result_comes_back_from_the_forked_process() -> None:
    parent = os.getpid()
    work = Background(lambda: (os.getpid(), b"x" * 5_000_000))  # larger than a pipe's buffer
    pid, payload = work.result()
    assert pid != parent and len(payload) == 5_000_000
    assert Background(lambda: os.getpid(), parallel=False).result() == parent


def test_a_failure_in_the_forked_process_is_raised_here_with_its_step() -> None:
    work = Background(lambda: 1 / 0, step="rekenen")
    for _ in range(2):  # and again when the build cleans up: the same failure, no other error
        with pytest.raises(StepFailed) as failed:
            work.result()
        assert str(failed.value) == "de stap 'rekenen' is mislukt (ZeroDivisionError: division by zero)"


def test_a_step_named_on_the_second_core_keeps_its_name() -> None:
    def work() -> None:
        with step("kaarten"):
            raise OSError(28, "No space left on device")

    for parallel in (True, False):
        with pytest.raises(StepFailed, match=r"^de stap 'kaarten' is mislukt \(OSError: \[Errno 28\] No space"):
            Background(work, parallel=parallel, step="tweede kern").result()


def test_a_killed_second_core_is_a_failed_step() -> None:
    work = Background(lambda: os.kill(os.getpid(), signal.SIGKILL), step="tweede kern")
    with pytest.raises(StepFailed, match=r"^de stap 'tweede kern' is mislukt \(het hulpproces stopte \(code -9\)\)$"):
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


def test_with_a_folder_the_second_core_writes_there_what_it_said_it_would(tmp_path: Path) -> None:
    settings = settings_for(site_copy(tmp_path))
    whole = build_site(settings, parallel=False)
    folder = tmp_path / "later"
    site = build_site(settings, parallel=True, folder=folder)
    assert "agenda" not in site.timings  # the second core makes it, as nothing waits for it now
    site.finish()
    written = {path: staged(folder, path).read_bytes() for path in site.later}
    assert len(list(folder.iterdir())) == len(site.later)  # nothing else, and all of it flat
    assert {"agenda/geldhulp/spreekuur-zuid.ics", "wijken/zuid/kaart.json", "sw.js"} <= set(written)
    own = {a.path: a.content for a in site.assets}
    assert own.keys().isdisjoint(written)
    assert own | written == {a.path: a.content for a in whole.assets}
    assert site.pages == whole.pages and site.problems == whole.problems


def test_publish_moves_the_folder_into_the_site(tmp_path: Path) -> None:
    folder, site_dir = tmp_path / "site" / ".later", tmp_path / "site"
    write_files(folder, [Asset("a/b/c.json", b"{}"), Asset("sw.js", b"//")])
    (site_dir / "a").mkdir()
    (site_dir / "a" / "index.html").write_text("<p>", encoding="utf-8")
    assert publish(folder, site_dir) == ["a/b/c.json", "sw.js"]
    assert not folder.exists()
    assert (site_dir / "a" / "b" / "c.json").read_bytes() == b"{}"
    assert sorted(p.relative_to(site_dir).as_posix() for p in site_dir.rglob("*") if p.is_file()) == [
        "a/b/c.json",
        "a/index.html",
        "sw.js",
    ]


def test_the_collector_is_as_it_was_after_a_result() -> None:
    import gc

    assert gc.isenabled()
    assert Background(lambda: [[n] for n in range(100_000)]).result()[-1] == [99_999]
    assert gc.isenabled()
    gc.disable()
    try:
        Background(lambda: 1).result()
        assert not gc.isenabled()
    finally:
        gc.enable()
