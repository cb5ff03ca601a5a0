"""One full ``mkdocs build --strict`` of the example site, and a failing build that writes nothing."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ..helpers import INVALID, example_copy
from ..logged import LoggedWarnings

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def test_example_site_builds_strict(built_site: Path) -> None:
    pages = sorted(p.relative_to(built_site).as_posix() for p in built_site.rglob("index.html"))
    assert "wijken/schilderswijk/index.html" in pages
    assert "organisaties/schuldhulpmaatje-den-haag/index.html" in pages
    assert "themas/geld-en-schulden/index.html" in pages
    assert len(pages) == 31  # 24 pages, 5 printable wijk sheets, the offline page, the client's list
    wijk = (built_site / "wijken" / "moerwijk" / "index.html").read_text(encoding="utf-8")
    assert "Maatje aanvragen – wijkteam Moerwijk" in wijk
    assert "wijkteam Loosduinen" not in wijk
    assert "fonts.googleapis" not in wijk and "fonts.gstatic" not in wijk


def test_the_second_cores_files_are_moved_into_the_site(built_site: Path) -> None:
    assert not (built_site / ".wijkkaart-bestanden").exists()
    for path in (
        "assets/wijkkaart/kaart.html",
        "wijken/moerwijk/kaart.json",
        "agenda/wijk/moerwijk.ics",
        "agenda/wijkz/kaarttafel.ics",
        "open-data/hsds/index.json",
        "sw.js",
        "manifest.webmanifest",
    ):
        assert (built_site / path).stat().st_size > 0, path
    # over.md links to the open data by its Markdown path; mkdocs checked that link (strict) and made it relative.
    assert 'href="../open-data/hsds/index.json"' in (built_site / "over" / "index.html").read_text(encoding="utf-8")


def test_generated_pages_stay_out_of_the_nav(built_site: Path) -> None:
    page = (built_site / "wijken" / "schilderswijk" / "index.html").read_text(encoding="utf-8")
    nav_links = re.findall(r'<a href="([^"]*)" class="md-nav__link', page)
    assert nav_links == ["../..", "../", "../../themas/", "../../organisaties/", "../../over/", "../../bijdragen/"]


def test_the_example_builds_strict_with_nothing_beside_it(tmp_path: Path) -> None:
    """A clone of the repository with no ../shared beside it, as on a laptop, GitHub Actions or Netlify:
    postcodes checked and boundaries drawn from the data in the package, no warning."""
    site = example_copy(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example"]
    config = (site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "shared" not in config and "geodata_dir" not in config
    out = tmp_path / "out"
    completed = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(out)], cwd=site, capture_output=True, text=True, env=ENV, check=False
    )
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr, completed.stderr
    wijk_map = json.loads((out / "wijken" / "moerwijk" / "kaart.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in wijk_map["areas"]] == ["Moerwijk"]
    assert "Bron: CBS / Kadaster (postcodegebieden 2020)" in (out / "assets" / "wijkkaart" / "kaart.html").read_text(
        encoding="utf-8"
    )


def test_bad_data_aborts_and_leaves_the_old_site(tmp_path: Path) -> None:
    site = example_copy(tmp_path)
    old = tmp_path / "out"
    old.mkdir()
    (old / "marker.html").write_text("oude site", encoding="utf-8")
    shutil.copyfile(INVALID / "dangling-wijk" / "orgs" / "buurthuis.yaml", site / "orgs" / "buurthuis.yaml")
    completed = subprocess.run(
        [*MKDOCS, "build", "--strict", "-d", str(old)], cwd=site, capture_output=True, text=True, env=ENV, check=False
    )
    assert completed.returncode == 1
    assert (
        "orgs/buurthuis.yaml:23 services[0].service_area.wijken[0]: de wijk 'zuidd' bestaat niet." in completed.stderr
    )
    assert "wijkkaart: de gegevens bevatten 1 fout en 0 waarschuwingen; er is niets gebouwd." in completed.stderr
    assert "Traceback" not in completed.stderr
    assert [p.name for p in old.iterdir()] == ["marker.html"]


def test_a_file_the_second_core_did_not_make_fails_the_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, logged_warnings: LoggedWarnings
) -> None:
    """mkdocs is told up front which files the second core will write (for links to them): a promise it
    did not keep is a fault of wijkkaart, and stops the build."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from wijkkaart.pipeline import build as core

    promised = core._later_paths
    monkeypatch.setattr(core, "_later_paths", lambda *args: [*promised(*args), "agenda/nergens.ics"])
    out = tmp_path / "out"
    config = load_config(str(example_copy(tmp_path) / "mkdocs.yml"), site_dir=str(out))
    with pytest.raises(Abort):
        build(config)
    assert logged_warnings.take() == ["wijkkaart: 1 bestanden ontbreken, bv. agenda/nergens.ics."]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example"]  # no site, and nothing half made beside it
    assert config.site_dir == str(out)


def test_the_finder_script_is_read_before_the_theme_stylesheets_are_in(built_site: Path) -> None:
    """A browser reads no further than an inline script until the stylesheets above it are in: material's
    helpers come before its stylesheets, its content tabs' script after the finder's script (one file)."""
    page = (built_site / "wijken" / "moerwijk" / "index.html").read_text(encoding="utf-8")
    helpers, stylesheet = page.find("<script>__md_scope="), page.find('<link rel="stylesheet"')
    finder, tabs = page.find('src="../../assets/wijkkaart/js/wijkkaart.js"'), page.find("<script>var target=")
    assert 0 < helpers < stylesheet < finder < tabs < page.find("</body>")
    assert page.count("<script") - page.count("<script>") - page.count('type="application/json"') == 2
