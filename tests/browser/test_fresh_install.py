"""A site owner's first hour, as in CI: the wheel installed into a fresh virtual environment outside the
repository, ``wijkkaart init`` for one gemeente and for three, ``check``, a strict build, and the sites in
Chromium at phone size. Nothing of the repository (its data, ``../shared``) is in reach of the new sites.

The dependencies come from the test run's own environment (a ``.pth`` line, so their ``.pth`` files,
such as the repository's editable install, are not run): a full install from the local mirror took
2 min 38 s on two cores, this takes seconds. wijkkaart itself is the wheel's (asserted).
"""

from __future__ import annotations

import os
import re
import site
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from playwright.sync_api import Browser, Page, expect

from ..helpers import REPO, serve_dir
from .conftest import BLANK_PNG, TILE_SERVER, on_the_fixed_clock

pytestmark = [pytest.mark.browser, pytest.mark.wheel]

ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")} | {"NO_MKDOCS_2_WARNING": "1"}
SITES = {"een": ["Dordrecht"], "drie": ["Heemskerk", "Uitgeest", "Beverwijk"]}


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=cwd, capture_output=True, text=True, env=ENV, check=False)


@pytest.fixture(scope="module")
def fresh(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment with the wheel of this checkout, in a folder with nothing beside it."""
    tmp = tmp_path_factory.mktemp("eigenaar")
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp / "dist"), str(REPO)], tmp)
    assert built.returncode == 0, built.stderr
    (wheel,) = (tmp / "dist").glob("wijkkaart-*.whl")
    venv = tmp / "venv"
    assert run([sys.executable, "-m", "venv", "--without-pip", str(venv)], tmp).returncode == 0
    (purelib,) = (venv / "lib").glob("python3.*/site-packages")
    (purelib / "zz_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    installed = run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--no-deps",
                     "--no-index", "-q", str(wheel)], tmp)  # fmt: skip
    assert installed.returncode == 0, installed.stderr
    where = run([str(venv / "bin" / "python"), "-c", "import wijkkaart; print(wijkkaart.__file__)"], tmp)
    assert where.stdout.strip() == str(purelib / "wijkkaart" / "__init__.py")
    return venv


@pytest.fixture(scope="module")
def sites(fresh: Path) -> Iterator[Callable[[str], str]]:
    """Each site made, checked and built strictly with the fresh installation when first asked for, and served
    on 127.0.0.1."""
    owner = fresh.parent
    assert not (owner.parent / "shared").exists() and not (owner / "shared").exists()
    urls: dict[str, str] = {}
    servers = []

    def site(name: str) -> str:
        if name not in urls:
            server, urls[name] = serve_dir(_make(fresh, owner, name, SITES[name]))
            servers.append(server)
        return urls[name]

    yield site
    for server in servers:
        server.shutdown()


def _make(fresh: Path, owner: Path, name: str, gemeenten: list[str]) -> Path:
    made = run([str(fresh / "bin" / "wijkkaart"), "init", name, *(f"--gemeente={g}" for g in gemeenten)], owner)
    assert made.returncode == 0, made.stderr
    root = owner / name
    checked = run([str(fresh / "bin" / "wijkkaart"), "check"], root)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    wijken = "1 wijk" if len(gemeenten) == 1 else f"{len(gemeenten)} wijken"
    assert checked.stderr.endswith(f"1 organisatie, {wijken}, 0 fouten en 0 waarschuwingen.\n")
    built = run([str(fresh / "bin" / "python"), "-m", "mkdocs", "build", "--strict"], root)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr, built.stderr
    return root / "site"


@pytest.fixture
def hosts(browser: Browser) -> Iterator[tuple[Page, list[str]]]:
    """A phone that records the host of every request; tiles are answered locally (no internet here)."""
    context = on_the_fixed_clock(
        browser.new_context(viewport={"width": 390, "height": 844}, locale="nl-NL", is_mobile=True)
    )
    context.route(
        re.compile(rf"^https://{re.escape(TILE_SERVER)}/"),
        lambda route: route.fulfill(body=BLANK_PNG, content_type="image/png"),
    )
    seen: list[str] = []
    context.on("request", lambda r: seen.append(urlsplit(r.url).netloc))
    yield context.new_page(), seen
    context.close()


def _pc4s(root: Path, gemeente: str) -> list[int]:
    wijk = root / "wijken" / f"voorbeeldwijk-{gemeente.lower()}.yaml"
    return list(yaml.safe_load(wijk.read_text(encoding="utf-8"))["pc4"])


@pytest.mark.parametrize(("name", "gemeente"), [(n, g) for n, gs in SITES.items() for g in gs])
def test_a_postcode_in_each_gemeente_gives_its_wijk_and_services(
    hosts: tuple[Page, list[str]], sites: Callable[[str], str], fresh: Path, name: str, gemeente: str
) -> None:
    phone, seen = hosts
    url = sites(name)
    pc4s = _pc4s(fresh.parent / name, gemeente)
    phone.goto(url + "/")
    phone.fill("#wk-postcode", f"{pc4s[-1]} AB")
    phone.locator("form[data-wk-postcode] button[type=submit]").click()
    regional = f" (gemeente {gemeente})" if len(SITES[name]) > 1 else ""
    expect(phone.locator("[data-wk-message]")).to_contain_text(
        f"Postcode {pc4s[-1]} hoort bij Voorbeeldwijk {gemeente}{regional}."
    )
    results = phone.locator("[data-wk-results]")
    expect(results.get_by_role("heading", name=f"Inloopspreekuur {gemeente}")).to_be_visible()
    for other in (g for g in SITES[name] if g != gemeente):
        expect(results.get_by_role("heading", name=f"Inloopspreekuur {other}")).to_have_count(0)
    first = gemeente == SITES[name][0]
    expect(results.get_by_role("heading", name="Koffie-inloop")).to_have_count(1 if first else 0)
    assert set(seen) == {urlsplit(url).netloc}


@pytest.mark.parametrize("name", list(SITES))
def test_the_maps_show_the_wijk_boundaries(
    hosts: tuple[Page, list[str]], sites: Callable[[str], str], name: str
) -> None:
    phone, seen = hosts
    url = sites(name)
    for path, count in [("/", len(SITES[name])), (f"/wijken/voorbeeldwijk-{SITES[name][-1].lower()}/", 1)]:
        phone.goto(url + path)
        phone.locator("iframe.wk-map__frame").scroll_into_view_if_needed()
        frame = phone.frame_locator("iframe.wk-map__frame")
        expect(frame.locator("path.leaflet-interactive")).to_have_count(count)
        expect(frame.locator(".leaflet-control-attribution")).to_contain_text("Bron: CBS / Kadaster")
    assert set(seen) == {urlsplit(url).netloc, TILE_SERVER}
