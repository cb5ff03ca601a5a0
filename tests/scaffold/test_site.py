"""``wijkkaart init``: a new site for one or more gemeenten passes the check and the strict build at once."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wijkkaart import __version__
from wijkkaart.adapters.cli import main

from ..helpers import REPO

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
URL = "https://kaart.voorbeeld.nl"
SITE_FILES = [
    ".github/dependabot.yml",
    ".github/workflows/controle.yml",
    ".github/workflows/publiceren.yml",
    ".gitignore",
    ".vscode/extensions.json",
    ".vscode/settings.json",
    "README.md",
    "content/bijdragen.md",
    "content/over.md",
    "content/privacy.md",
    "content/toegankelijkheid.md",
    "mkdocs.yml",
    "orgs/voorbeeld-sociaal-loket.yaml",
    "requirements.txt",
    "schemas/org.schema.json",
    "schemas/themes.schema.json",
    "schemas/wijk.schema.json",
    "theme/wijkkaart/home.md",
    "wijken/voorbeeldwijk-heemskerk.yaml",
]


def init(folder: Path, *gemeenten: str) -> int:
    return main(["init", str(folder), *(a for g in gemeenten for a in ("--gemeente", g))])


def files_in(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


@pytest.fixture(scope="module")
def one(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("init") / "heemskerk"
    assert init(root, "heemskerk") == 0
    return root


def test_init_writes_a_complete_site(one: Path) -> None:
    assert files_in(one) == SITE_FILES
    assert (one / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == f"wijkkaart=={__version__}"
    config = yaml.load((one / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert config["site_name"] == "Sociale kaart Heemskerk"
    assert config["plugins"] == [{"wijkkaart": {"gemeente": "Heemskerk", "stale_months": "12"}}]
    wijk = yaml.safe_load((one / "wijken" / "voorbeeldwijk-heemskerk.yaml").read_text(encoding="utf-8"))
    assert wijk["pc4"] == list(range(1961, 1970))
    assert wijk["example"] is True
    org = yaml.safe_load((one / "orgs" / "voorbeeld-sociaal-loket.yaml").read_text(encoding="utf-8"))
    assert org["example"] is True
    assert [loc["city"] for loc in org["locations"]] == ["Heemskerk"]
    assert int(org["locations"][0]["postal_code"][:4]) in wijk["pc4"]


def test_the_workflows_install_from_requirements_not_from_a_checkout(one: Path) -> None:
    for name in ("controle", "publiceren"):
        workflow = (one / ".github" / "workflows" / f"{name}.yml").read_text(encoding="utf-8")
        steps = yaml.safe_load(workflow)["jobs"]
        runs = [s.get("run", "") for job in steps.values() for s in job["steps"]]
        assert "pip install -r requirements.txt" in runs
        assert "wijkkaart check --format github" in runs
        assert "mkdocs build --strict" in runs
        assert "-e ." not in workflow
    assert "SITE_URL: ${{ steps.pages.outputs.base_url }}/" in (one / ".github/workflows/publiceren.yml").read_text()


def test_a_new_site_passes_check_and_the_strict_build(one: Path, tmp_path: Path) -> None:
    import shutil

    root = Path(shutil.copytree(one, tmp_path / "site"))
    checked = subprocess.run(
        [sys.executable, "-m", "wijkkaart.adapters.cli", "check"], cwd=root, capture_output=True, text=True, check=False
    )
    assert (checked.returncode, checked.stdout) == (0, "")
    assert checked.stderr == "wijkkaart check: 1 organisatie, 1 wijk, 0 fouten en 0 waarschuwingen.\n"
    built = subprocess.run([*MKDOCS, "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert built.returncode == 0, built.stderr
    assert "WARNING" not in built.stderr
    assert "not included in the" not in built.stderr
    assert "wijkkaart: de site wordt gebouwd voor het adres http://127.0.0.1:8000/: goed om te proberen" in built.stderr
    pages = list((root / "site").rglob("*.html"))
    assert len(pages) > 10
    assert [p for p in pages if "fonts.googleapis.com" in p.read_text(encoding="utf-8")] == []
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="nl"' in home
    assert "Voor vrijwilligers, maatjes en wijkteams in Heemskerk" in home
    nav = re.findall(r'<a href="([^"]*)" class="md-nav__link', home)
    assert nav == [".", "wijken/", "themas/", "organisaties/", "over/", "bijdragen/", "privacy/", "toegankelijkheid/"]


def test_a_site_emptied_of_its_examples_still_builds(one: Path, tmp_path: Path) -> None:
    """The owner removes the example organisation and wijk before writing the first real ones."""
    import shutil

    root = Path(shutil.copytree(one, tmp_path / "leeg"))
    for example in [*(root / "orgs").glob("*.yaml"), *(root / "wijken").glob("*.yaml")]:
        example.unlink()
    built = subprocess.run([*MKDOCS, "build", "--strict"], cwd=root, capture_output=True, text=True, env=ENV)
    assert built.returncode == 0, built.stderr
    assert "Traceback" not in built.stderr
    assert "wijkkaart: zoekindex gemaakt met 0 onderdelen." in built.stderr
    assert (root / "site" / "index.html").is_file()


@pytest.mark.parametrize(
    ("env", "url"),
    [
        ({}, "http://127.0.0.1:8000/"),
        ({"URL": "https://sociale-kaart.netlify.app"}, "https://sociale-kaart.netlify.app/"),
        ({"URL": "https://x.netlify.app", "SITE_URL": "https://kaart.nl/"}, "https://kaart.nl/"),
    ],
)
def test_the_site_address_comes_from_site_url_else_netlify_s_url(
    one: Path, env: dict[str, str], url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mkdocs.config import load_config

    for name in ("URL", "SITE_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert load_config(str(one / "mkdocs.yml")).site_url == url


def test_three_gemeenten_get_a_wijk_and_a_spreekuur_each(tmp_path: Path) -> None:
    root = tmp_path / "ijmond"
    assert main(["init", str(root), "-g", "Heemskerk", "-g", "Uitgeest", "-g", "Beverwijk", "--site-url", URL]) == 0
    assert f'site_url: !ENV [SITE_URL, URL, "{URL}/"]' in (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert sorted(p.name for p in (root / "wijken").iterdir()) == [
        "voorbeeldwijk-beverwijk.yaml",
        "voorbeeldwijk-heemskerk.yaml",
        "voorbeeldwijk-uitgeest.yaml",
    ]
    org = yaml.safe_load((root / "orgs" / "voorbeeld-sociaal-loket.yaml").read_text(encoding="utf-8"))
    assert [loc["city"] for loc in org["locations"]] == ["Heemskerk", "Uitgeest", "Beverwijk"]
    assert [s["location"] for s in org["services"] if s["type"] == "spreekuur"] == [
        "heemskerk",
        "uitgeest",
        "beverwijk",
    ]
    assert "Sociale kaart Heemskerk, Uitgeest en Beverwijk" in (root / "README.md").read_text(encoding="utf-8")


def test_den_haag_starts_with_its_cbs_wijken(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """'Den Haag' is the woonplaats that is the whole gemeente 's-Gravenhage; the package knows its CBS wijken."""
    root = tmp_path / "dh"
    assert init(root, "Den Haag") == 0
    with (REPO / "wijkkaart" / "geo" / "cbs" / "wijken_cbs.csv").open(encoding="utf-8") as handle:
        cbs = {row["code"]: row for row in csv.DictReader(handle) if row["gemeente"] == "'s-Gravenhage"}
    wijken = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted((root / "wijken").iterdir())]
    assert len(wijken) == len(cbs) == 44
    for wijk in wijken:
        assert (wijk["gemeente"], wijk["name"]) == ("Den Haag", cbs[wijk["cbs_code"]]["naam"])
        assert wijk["pc4"] == [int(p) for p in cbs[wijk["cbs_code"]]["pc4"].split()]
    assert "Kijk de wijken in `wijken/` na." in (root / "README.md").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().err == "wijkkaart check: 1 organisatie, 44 wijken, 0 fouten en 0 waarschuwingen.\n"


@pytest.mark.parametrize(
    ("names", "message"),
    [
        (["Heemskerck"], "de gemeente 'Heemskerck' ken ik niet. Bedoelde je 'Heemskerk'?"),
        (["IJmuiden"], "'IJmuiden' is een woonplaats in de gemeente Velsen; bedoelde je 'Velsen'?"),
        (
            ["Uitgeest", "Bverwijk", "Qwxz"],
            "de gemeente 'Bverwijk' ken ik niet. Bedoelde je 'Beverwijk'? "
            "de gemeente 'Qwxz' ken ik niet. Schrijf de naam zoals het CBS hem schrijft.",
        ),
        (["Bergen"], "de gemeente 'Bergen' ken ik niet. Bedoelde je 'Bergen (L.)' of 'Bergen (NH.)'?"),
        (["bergen nh"], "de gemeente 'bergen nh' ken ik niet. Bedoelde je 'Bergen (NH.)'?"),
        (["Den Bosch"], "de gemeente 'Den Bosch' ken ik niet. Bedoelde je \"'s-Hertogenbosch\"?"),
        (["Hertogenbosch"], "de gemeente 'Hertogenbosch' ken ik niet. Bedoelde je \"'s-Hertogenbosch\"?"),
        (["Sudwest Fryslan"], "de gemeente 'Sudwest Fryslan' ken ik niet. Bedoelde je 'Súdwest-Fryslân'?"),
    ],
)
def test_an_unknown_gemeente_is_refused_with_a_suggestion(
    names: list[str], message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert init(tmp_path / "new", *names) == 2
    assert capsys.readouterr().err == f"wijkkaart init: {message}\n"
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "notities.txt").write_text("van mij", encoding="utf-8")
    assert init(tmp_path, "Heemskerk") == 2
    assert capsys.readouterr().err == f"wijkkaart init: de map {tmp_path} is niet leeg; kies een nieuwe of lege map.\n"
    assert files_in(tmp_path) == ["notities.txt"]


def test_new_takes_its_examples_from_the_site_s_gemeente(one: Path, tmp_path: Path) -> None:
    import shutil

    root = Path(shutil.copytree(one, tmp_path / "site"))
    assert main(["--root", str(root), "new", "org", "Buurthuis De Hoek"]) == 0
    assert main(["--root", str(root), "new", "wijk", "Centrum"]) == 0
    org = (root / "orgs" / "buurthuis-de-hoek.yaml").read_text(encoding="utf-8")
    assert "#     postal_code: 1961 AB\n#     city: Heemskerk\n" in org
    assert "#       wijken: [voorbeeldwijk-heemskerk]" in org
    wijk = yaml.safe_load((root / "wijken" / "centrum.yaml").read_text(encoding="utf-8"))
    assert (wijk["gemeente"], wijk["pc4"]) == ("Heemskerk", [1961])


def test_new_on_a_regional_site_takes_the_gemeente_asked_for(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "ijmond"
    assert init(root, "Heemskerk", "Uitgeest") == 0
    assert main(["--root", str(root), "new", "wijk", "Dorp", "--gemeente", "uitgeest"]) == 0
    text = (root / "wijken" / "dorp.yaml").read_text(encoding="utf-8")
    assert "# De gemeente van de wijk; deze site heeft ook: Heemskerk\n" in text
    assert (yaml.safe_load(text)["gemeente"], yaml.safe_load(text)["pc4"]) == ("Uitgeest", [1911])
    capsys.readouterr()
    assert main(["--root", str(root), "new", "org", "Buurthuis", "-g", "Velsen"]) == 1
    assert capsys.readouterr().err == (
        "wijkkaart new: 'Velsen' is geen gemeente van deze site; kies uit: Heemskerk, Uitgeest.\n"
    )
    assert not (root / "orgs" / "buurthuis.yaml").exists()


def test_a_new_wijk_starts_with_a_pc4_that_no_wijk_has_yet(tmp_path: Path) -> None:
    root = tmp_path / "dh"
    assert init(root, "Den Haag") == 0
    for wijk in (root / "wijken").glob("*.yaml"):
        if wijk.name != "centrum.yaml":
            wijk.unlink()
    taken = yaml.safe_load((root / "wijken" / "centrum.yaml").read_text(encoding="utf-8"))["pc4"]
    assert main(["--root", str(root), "new", "wijk", "Laak"]) == 0
    pc4 = yaml.safe_load((root / "wijken" / "laak.yaml").read_text(encoding="utf-8"))["pc4"]
    assert len(pc4) == 1 and pc4[0] not in taken and 2491 <= pc4[0] <= 2599


def test_names_with_accents_and_apostrophes_are_written_as_they_are(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "noord"
    assert init(root, "'s-Hertogenbosch", "súdwest-fryslân") == 0
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert 'site_name: "Sociale kaart \'s-Hertogenbosch en Súdwest-Fryslân"\n' in config
    assert 'gemeente: ["\'s-Hertogenbosch", "Súdwest-Fryslân"]\n' in config
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0
    assert capsys.readouterr().err == "wijkkaart check: 1 organisatie, 2 wijken, 0 fouten en 0 waarschuwingen.\n"
    assert main(["--root", str(root), "new", "org", "Café 't Hoekje"]) == 0
    assert 'name: "Café \'t Hoekje"\n' in (root / "orgs" / "cafe-t-hoekje.yaml").read_text(encoding="utf-8")
