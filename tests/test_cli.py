"""``wijkkaart check``: exit codes, every problem printed with file:line, and a light import path."""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import wijkkaart
from wijkkaart.adapters.cli import main

from .helpers import INVALID, REPO, cli_site_copy


def test_check_example_site_exits_0() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "wijkkaart.adapters.cli", "check"], cwd=REPO, capture_output=True, text=True, check=False
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert completed.stdout == ""
    assert completed.stderr == "wijkkaart check: 4 organisaties, 5 wijken, 0 fouten en 0 waarschuwingen.\n"


def test_check_broken_copy_prints_every_problem_and_exits_1(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path, INVALID / "many-problems-many-files")
    assert main(["--root", str(root), "check"]) == 1
    out, err = capsys.readouterr()
    assert out == (INVALID / "many-problems-many-files" / "expected.txt").read_text(encoding="utf-8")
    assert err == "wijkkaart check: 5 fouten en 0 waarschuwingen.\n"


def test_check_github_annotations(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path, INVALID / "dangling-wijk")
    assert main(["--root", str(root), "check", "--format", "github"]) == 1
    out, _ = capsys.readouterr()
    assert out == (
        "::error file=orgs/buurthuis.yaml,line=23,title=unknown-wijk::services[0].service_area.wijken[0]: "
        "de wijk 'zuidd' bestaat niet. Bedoelde je 'zuid'?\n"
    )


def test_warnings_do_not_fail_the_check(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path, INVALID / "byte-order-mark")
    assert main(["--root", str(root), "check"]) == 0
    out, _ = capsys.readouterr()
    assert "[byte-order-mark]" in out


def test_check_imports_no_mkdocs_geopandas_or_folium() -> None:
    code = (
        "import sys, io, contextlib\n"
        "from wijkkaart.adapters.cli import main\n"
        "with contextlib.redirect_stderr(io.StringIO()):\n"
        "    rc = main(['check'])\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('mkdocs', 'geopandas', 'folium', 'shapely'))\n"
        "print(rc, heavy)\n"
    )
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert completed.stdout == "0 []\n"


def test_schema_command_writes_schemas(tmp_path: Path) -> None:
    assert main(["--root", str(tmp_path), "schema"]) == 0
    org = json.loads((tmp_path / "schemas" / "org.schema.json").read_text(encoding="utf-8"))
    assert org["title"] == "Organisatie op de sociale kaart (een bestand in orgs/)"
    assert "checked" in org["required"]


def test_committed_schemas_are_current(tmp_path: Path) -> None:
    main(["--root", str(tmp_path), "schema"])
    for path in (tmp_path / "schemas").iterdir():
        committed = REPO / "schemas" / path.name
        assert committed.read_text(encoding="utf-8") == path.read_text(encoding="utf-8"), (
            f"{committed} is verouderd: voer 'wijkkaart schema' uit"
        )


def test_console_script_is_installed() -> None:
    exe = shutil.which("wijkkaart", path=os.path.dirname(sys.executable))
    assert exe is not None


def test_check_reads_properdocs_yml_and_names_it(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path)
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").unlink()
    (root / "properdocs.yml").write_text(config + "      geodata_dir: geen\n", encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0
    out, _ = capsys.readouterr()
    assert out == (
        "properdocs.yml:9 geodata_dir: waarschuwing: geen nl_pc4_cbs2020_wgs84.geojson in geen; de meegeleverde "
        "PC4-vlakken (CBS PC4 2020) worden gebruikt. Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of "
        "zet het naar een map met PC4-vlakken. [no-geodata]\n"
        "properdocs.yml:9 geodata_dir: waarschuwing: geen nl_pc4_centroids.csv in geen; het meegeleverde "
        "PC4-register (CBS PC4 2020) wordt gebruikt. Haal 'geodata_dir' weg (wijkkaart heeft de gegevens zelf) of "
        "zet het naar een map met nl_pc4_centroids.csv. [no-pc4-data]\n"
    )


def test_config_after_the_command(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path)
    (root / "mkdocs.yml").rename(root / "kaart.yml")
    (root / "mkdocs.yml").write_text("plugins:\n  - wijkkaart:\n      orgs_dir: elders\n", encoding="utf-8")
    assert main(["check", "--root", str(root), "--config", "kaart.yml"]) == 0
    assert capsys.readouterr().out == ""


def test_a_named_config_that_is_missing_is_a_usage_error(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "check", "--config", "properdocs.yml"]) == 2
    assert capsys.readouterr().err == (
        f"wijkkaart: het configuratiebestand properdocs.yml bestaat niet in {root.resolve()}.\n"
    )


@pytest.mark.parametrize("command", [["check"], ["new", "org", "Buurthuis"], ["stale"], ["geodata"]])
def test_a_folder_without_a_site_is_a_usage_error(tmp_path: Path, capsys, command: list[str]) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "orgs").mkdir()
    assert main(["--root", str(tmp_path / "orgs"), *command]) == 2
    assert capsys.readouterr().err == (
        f"wijkkaart: geen mkdocs.yml of properdocs.yml gevonden in {(tmp_path / 'orgs').resolve()}. Ga eerst naar "
        "de map van de site (waar mkdocs.yml staat) of geef die map met --root; een nieuwe site begin je met "
        "'wijkkaart init MAP --gemeente NAAM'.\n"
    )
    assert not (tmp_path / "orgs" / "orgs").exists()


def test_version(capsys) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out == f"wijkkaart {wijkkaart.__version__}\n"
    assert importlib.metadata.version("wijkkaart") == wijkkaart.__version__
