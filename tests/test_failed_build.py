"""A build that fails after the data checked out, or is killed, leaves the previous site exactly as it was
and says in one Dutch line which step failed (``mkdocs build`` in a fresh process, a fault injected)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from .helpers import REPO, example_copy, report

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
UNCHANGED = "; de vorige site is niet veranderd."
BOOM = "def boom(*args, **kwargs):\n    raise ZeroDivisionError('division by zero')\n"
FULL_DISK = "def boom(*args, **kwargs):\n    raise OSError(28, 'No space left on device')\n"


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def _build(root: Path, out: Path, before: str = "") -> subprocess.CompletedProcess[str]:
    """``mkdocs build`` (strict, as the example's mkdocs.yml says) in a fresh process that first runs ``before``."""
    start = f"{before}\nfrom mkdocs.__main__ import cli\ncli()"
    return subprocess.run(
        [sys.executable, "-c", start, "build", "-d", str(out)], cwd=root, capture_output=True, text=True, env=ENV
    )


@pytest.fixture(scope="module")
def old_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example built once, with a hidden file that only the site owner put there."""
    out = tmp_path_factory.mktemp("oud") / "site"
    completed = _build(REPO, out)
    assert completed.returncode == 0, completed.stderr
    (out / ".domein").write_text("kaart.example", encoding="utf-8")
    return out


def _fails(tmp_path: Path, old_site: Path, before: str) -> str:
    """The build with ``before`` fails, leaves a copy of ``old_site`` as it was and nothing beside it;
    its log."""
    out = tmp_path / "site"
    shutil.copytree(old_site, out, symlinks=True)
    completed = _build(REPO, out, before)
    assert completed.returncode == 1, completed.stderr
    assert "Traceback" not in completed.stderr and "TypeError" not in completed.stderr, completed.stderr
    assert _tree(out) == _tree(old_site)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
    return completed.stderr


FAULTS = {
    "geometry": (
        f"import wijkkaart.geo.boundaries as m\n{BOOM}m.build_geo = boom",
        "wijkkaart: de stap 'wijkgrenzen' is mislukt (ZeroDivisionError: division by zero)",
    ),
    "maps": (
        f"import wijkkaart.render.maps as m\n{BOOM}m.build_maps = boom",
        "wijkkaart: de stap 'kaarten' is mislukt (ZeroDivisionError: division by zero)",
    ),
    "hsds": (
        f"import wijkkaart.exports.hsds as m\n{BOOM}m.hsds_files = boom",
        "wijkkaart: de stap 'open data (HSDS)' is mislukt (ZeroDivisionError: division by zero)",
    ),
    "ical": (
        f"import wijkkaart.exports.ical as m\n{BOOM}m.ical_files = boom",
        "wijkkaart: de stap 'agenda (iCal)' is mislukt (ZeroDivisionError: division by zero)",
    ),
    "second core killed": (
        "import os, wijkkaart.pipeline.build as m\nm._geo_files = lambda *args: os.kill(os.getpid(), 9)",
        "wijkkaart: de stap 'wijkgrenzen, kaarten, open data en agenda (tweede kern)' is mislukt "
        "(het hulpproces stopte (code -9))",
    ),
    "second core, full disk": (
        f"import wijkkaart.pipeline.build as m\n{FULL_DISK}m.write_files = boom",
        "wijkkaart: de stap 'bestanden schrijven' is mislukt (OSError: [Errno 28] No space left on device)",
    ),
    "pagefind": (
        "import wijkkaart.render.search as m\n"
        "def boom(*args):\n    raise RuntimeError('Pagefind: Error: kapot')\n"
        "m.build_search_index = boom",
        "wijkkaart: de stap 'zoekindex (Pagefind)' is mislukt (RuntimeError: Pagefind: Error: kapot)",
    ),
    "pages, full disk": (
        "import mkdocs.utils as m\nwrite = m.write_file\n"
        "def boom(content, path):\n    if path.endswith('/wijken/centrum/index.html'):\n"
        "        raise OSError(28, 'No space left on device')\n    write(content, path)\n"
        "m.write_file = boom",
        "wijkkaart: de stap 'site schrijven (mkdocs), bij wijken/centrum.md' is mislukt "
        "(OSError: [Errno 28] No space left on device)",
    ),
}


@pytest.mark.parametrize("fault", FAULTS)
def test_a_failing_step_leaves_the_old_site(tmp_path: Path, old_site: Path, fault: str) -> None:
    before, message = FAULTS[fault]
    log = _fails(tmp_path, old_site, before)
    errors = [line for line in log.splitlines() if line.startswith("ERROR")]
    assert errors == [f"ERROR   -  {message}{UNCHANGED}"], log


def test_a_warning_in_strict_mode_leaves_the_old_site(tmp_path: Path, old_site: Path) -> None:
    """mkdocs stops a strict build for a warning after the last plugin: the new site is not put in place."""
    warn = (
        "import logging, wijkkaart.adapters.plugin as m\nrender = m._as_it_is\n"
        "def warned(*args):\n    logging.getLogger('mkdocs.plugins.x').warning('let op')\n    render(*args)\n"
        "m._as_it_is = warned"
    )
    log = _fails(tmp_path, old_site, warn)
    assert "WARNING -  let op" in log


# When each build below is killed: as soon as its log shows a line (the settings read; the fresh folder
# made; the data checked, the second core at work and mkdocs about to write; the pages being written; all
# written, waiting for the second core; all done, about to swap). Lines, not seconds: the example builds in
# well under a second on a fast machine, so a moment in seconds may fall after the swap.
MOMENTS = (
    "wijkkaart: de site wordt gebouwd voor het adres",
    "wijkkaart: de site komt eerst in",
    "Cleaning site directory",
    "Building documentation to directory",
    "pagina's in een gedeeld kader",
    "wijkkaart: zoekindex gemaakt",
)


def _killed_at(root: Path, out: Path, moment: str) -> None:
    build = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-d", str(out)],
        cwd=root,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    assert build.stderr is not None
    for line in build.stderr:
        if moment in line:
            break
    else:
        raise AssertionError(f"the build ended without {moment!r}")
    os.killpg(build.pid, signal.SIGKILL)  # the build and its second core at once, as when a machine stops
    build.wait()
    build.stderr.close()


def _without_index(tree: dict[str, bytes]) -> dict[str, bytes]:
    """Pagefind names some of its files after a random hash; the rest of a site is the same every build."""
    return {path: content for path, content in tree.items() if not path.startswith("pagefind/")}


def test_a_killed_build_leaves_the_old_site_or_the_whole_new_one(tmp_path: Path) -> None:
    """``kill -9`` at moments spread over a build (``MOMENTS``): after each, the site is exactly the old one,
    or (once the new one took its place) exactly the new one; never a mix. The next build cleans up what
    was left and makes the new site."""
    root = example_copy(tmp_path)
    out = root / "site"
    assert _build(root, out).returncode == 0
    old = _tree(out)
    org = root / "orgs" / "wijkz.yaml"
    org.write_text(org.read_text(encoding="utf-8").replace("met buurthuizen", "met wijkhuizen"), encoding="utf-8")
    assert _build(root, tmp_path / "nieuw").returncode == 0
    new = _without_index(_tree(tmp_path / "nieuw"))
    assert new != _without_index(old)
    outcomes = []
    for moment in MOMENTS:
        _killed_at(root, out, moment)
        now = _tree(out)
        outcomes.append("old" if now == old else "new" if _without_index(now) == new else "mixed")
        assert outcomes[-1] != "mixed", (moment, set(now.items()) ^ set(old.items()))
    # Killed before the last moment, the new site was not finished: the old one stays. At the last, the
    # swap may just have happened.
    assert outcomes[:-1] == ["old"] * (len(MOMENTS) - 1), outcomes
    report(f"kill -9 op {len(MOMENTS)} momenten van een build: {outcomes.count('old')}x de oude site, daarna de nieuwe")
    assert _build(root, out).returncode == 0
    assert _without_index(_tree(out)) == new
    assert sorted(p.name for p in root.iterdir() if p.name.startswith(".site")) == []
