"""``wijkkaart check`` and the build read the settings the same way: the same file, types, ``!ENV`` and
problems (the build through mkdocs' own reading of the file and the plugin)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from wijkkaart.problems import render
from wijkkaart.settings import Settings, read_settings

from .helpers import site_copy

PLUGIN = "plugins:\n  - wijkkaart:\n"
CONFIGS = {
    "env": (
        "site_url: !ENV [WIJKKAART_TEST_URL, 'https://standaard.voorbeeld.nl/']\n"
        + PLUGIN
        + "      gemeente: Den Haag\n"
        + "      stale_months: !ENV [WIJKKAART_TEST_MAANDEN, 12]\n"
        + "      tiles_max_zoom: !ENV [WIJKKAART_TEST_ONBEKEND, 17]\n"
    ),
    "regional": PLUGIN + "      gemeente: [Heemskerk, Uitgeest]\n      simplify_m: 5\n",
    "wrong": (
        "site_url: https://kaart.voorbeeld.nl/\n"
        + PLUGIN
        + "      gemeente: Den Haag\n"
        + "      stale_months: -3\n"
        + "      route_url: 'javascript:alert(1)'\n"
        + "      tiles_url: 'https://t.voorbeeld.nl/{z}/{x}/{y}.png; script-src *'\n"
        + "      simplify_m: ver\n"
    ),
}


def _by_the_build(root: Path) -> Settings:
    from mkdocs.config import load_config

    config = load_config(str(root / "mkdocs.yml"))
    plugin = config.plugins["wijkkaart"]
    plugin.on_config(config)
    assert plugin.settings is not None
    return plugin.settings  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_check_and_build_read_the_same_settings(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKKAART_TEST_URL", "https://uit-de-omgeving.voorbeeld.nl/")
    monkeypatch.setenv("WIJKKAART_TEST_MAANDEN", "6")
    monkeypatch.delenv("WIJKKAART_TEST_ONBEKEND", raising=False)
    root = site_copy(tmp_path)
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: Test\ntheme:\n  name: material\n" + CONFIGS[name], encoding="utf-8")
    check, build = read_settings(root), _by_the_build(root)
    ignore = {"today", "problems"}
    as_checked = {k: v for k, v in dataclasses.asdict(check).items() if k not in ignore}
    assert as_checked == {k: v for k, v in dataclasses.asdict(build).items() if k not in ignore}
    assert render(check.problems) == render(build.problems)
    if name == "env":
        assert (check.site_url, check.stale_months, check.tiles_max_zoom) == (
            "https://uit-de-omgeving.voorbeeld.nl/",
            6,
            17,
        )
    if name == "wrong":
        assert [(p.path, p.code) for p in check.problems] == [
            ("stale_months", "bad-setting"),
            ("route_url", "unsafe-setting"),
            ("tiles_url", "unsafe-setting"),
            ("simplify_m", "bad-setting"),
        ]
