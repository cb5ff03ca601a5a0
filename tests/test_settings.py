"""``wijkkaart check`` and the build read the settings the same way: the same file, types, ``!ENV`` and
problems (the build through mkdocs' own reading of the file and the plugin)."""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkkaart.records.problems import render
from wijkkaart.records.settings import DEFAULTS, Settings, read_settings

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
    "mapping": "plugins:\n  search: {}\n  wijkkaart:\n    gemeente: Den Haag\n    stale_months: 7\n",
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


def test_an_inherited_configuration_is_read_as_mkdocs_reads_it(tmp_path: Path) -> None:
    root = site_copy(tmp_path)
    (root / "docs").mkdir(exist_ok=True)
    (root / "basis.yml").write_text(
        "site_name: Basis\ntheme:\n  name: material\n" + PLUGIN + "      gemeente: Den Haag\n      stale_months: 3\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text("INHERIT: basis.yml\nsite_url: https://kaart.voorbeeld.nl/\n", encoding="utf-8")
    check, build = read_settings(root), _by_the_build(root)
    assert (check.gemeente, check.stale_months, check.site_url, check.problems) == ("Den Haag", 3, build.site_url, ())
    assert (build.gemeente, build.stale_months) == ("Den Haag", 3)


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_check_and_build_read_the_same_settings(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WIJKKAART_TEST_URL", "https://uit-de-omgeving.voorbeeld.nl/")
    monkeypatch.setenv("WIJKKAART_TEST_MAANDEN", "6")
    monkeypatch.delenv("WIJKKAART_TEST_ONBEKEND", raising=False)
    root = site_copy(tmp_path)
    (root / "docs").mkdir(exist_ok=True)
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


SETTING_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=40),
    st.sampled_from(["https://t.nl/{z}/{x}/{y}.png", "{", "}", "{0}", "{address!r}", "{a.b}", "javascript:x", "<a>"]),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@settings(max_examples=300, deadline=None, database=None)
@given(st.dictionaries(st.one_of(st.sampled_from(sorted(DEFAULTS)), st.text(max_size=12)), SETTING_VALUES))
def test_any_options_give_settings_and_dutch_problems(options: dict[str, object]) -> None:
    read = Settings.from_options(Path("/tmp"), options)
    assert all(p.message and p.code and p.file == "mkdocs.yml" for p in read.problems)
    assert isinstance(read.stale_months, int) and read.stale_months >= 1


CONFIG_VALUES = st.recursive(
    SETTING_VALUES, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=9), inner, max_size=3)
)
CONFIG_FILES = st.dictionaries(
    st.sampled_from(["plugins", "theme", "site_url", "site_name"]),
    CONFIG_VALUES
    | st.just([{"wijkkaart": None}])
    | st.fixed_dictionaries({"wijkkaart": st.dictionaries(st.sampled_from(sorted(DEFAULTS)), SETTING_VALUES)}),
).map(lambda config: yaml.safe_dump(config, allow_unicode=True).encode())


@settings(max_examples=300, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(
    st.binary(max_size=200)
    | st.text(max_size=200).map(lambda t: f"plugins:\n  - wijkkaart:\n{t}".encode())
    | CONFIG_FILES
)
def test_any_configuration_file_gives_settings(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "mkdocs.yml").write_bytes(raw)
        read = read_settings(Path(folder))
    assert all(p.message and p.code for p in read.problems)
