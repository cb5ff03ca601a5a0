"""Editors' tools: scaffolding, freshness, workflows, the problem-code documentation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from wijkkaart.adapters.cli import main
from wijkkaart.records.fields import PLACEHOLDER

from .helpers import INVALID, REPO, cli_site_copy, example_copy

SOURCE_CODES = re.compile(
    r'"((?:yaml|bad|unknown|missing|duplicate|empty|not|file|byte|wrong|out|html|checked|dates|'
    r'closure|fee|contact|partner|schedule|unsupported|location|no|service|placeholder)-[a-z0-9-]+)"'
)


def test_new_wijk_writes_a_file_that_passes_the_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "new", "wijk", "Laak"]) == 0
    assert capsys.readouterr().out == "wijken/laak.yaml\n"
    text = (root / "wijken" / "laak.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/wijk.schema.json\n")
    assert main(["--root", str(root), "check"]) == 0
    out, err = capsys.readouterr()
    assert out == ""
    assert "0 fouten en 0 waarschuwingen" in err


def test_new_org_passes_the_check_once_its_description_is_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "new", "org", "Buurthuis Café 't Hoekje"]) == 0
    assert capsys.readouterr().out == "orgs/buurthuis-cafe-t-hoekje.yaml\n"
    path = root / "orgs" / "buurthuis-cafe-t-hoekje.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../schemas/org.schema.json\n")
    assert main(["--root", str(root), "check"]) == 1
    assert capsys.readouterr().out == (
        "orgs/buurthuis-cafe-t-hoekje.yaml:7 description: hier staat nog de voorbeeldtekst uit het sjabloon. "
        "Schrijf in een paar zinnen wat de organisatie doet. [placeholder-text]\n"
    )
    path.write_text(text.replace("Vul hier in wat de organisatie doet.", "Koffie en een praatje."), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0
    assert "0 fouten en 0 waarschuwingen" in capsys.readouterr().err


def test_new_org_can_be_uncommented_block_by_block(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Uncommenting the locations and services (all but the example partner) gives a valid organisation: no
    duplicate key, every example value passes."""
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "new", "org", "Buurthuis De Linde"]) == 0
    path = root / "orgs" / "buurthuis-de-linde.yaml"
    text = path.read_text(encoding="utf-8").replace("Vul hier in wat de organisatie doet.", "Koffie en een praatje.")
    partners = (
        "# partners:\n#   - org: andere-organisatie      # bestandsnaam uit orgs/, zonder .yaml\n"
        "#     for: warme overdracht\n"
    )
    assert partners in text
    text = text.replace(partners, "")
    commented = re.compile(r"^# ((?:url|email|phones|locations|services):.*|  .*)$", re.MULTILINE)
    path.write_text(commented.sub(r"\1", text), encoding="utf-8")
    uncommented = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert sorted(uncommented) == [
        "checked",
        "description",
        "email",
        "example",
        "locations",
        "name",
        "phones",
        "services",
        "themes",
        "url",
    ]
    capsys.readouterr()
    assert main(["--root", str(root), "check"]) == 0, capsys.readouterr().out


def test_new_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = cli_site_copy(tmp_path)
    before = (root / "orgs" / "geldhulp.yaml").read_text(encoding="utf-8")
    assert main(["--root", str(root), "new", "org", "Geldhulp"]) == 1
    assert capsys.readouterr().err == (
        "wijkkaart new: orgs/geldhulp.yaml bestaat al; kies een andere naam of pas dat bestand aan.\n"
    )
    assert (root / "orgs" / "geldhulp.yaml").read_text(encoding="utf-8") == before


def test_new_refuses_a_name_without_letters(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(cli_site_copy(tmp_path)), "new", "org", "!!!"]) == 1
    assert "kan geen bestandsnaam gemaakt worden" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Stichting " * 40, "de naam is 399 tekens lang; houd hem korter dan 120 tekens."),
        (
            "Buurthuis <De Linde>",
            "in de naam: HTML is hier niet toegestaan. Haal de tekens '<' en '>' en alles ertussen weg.",
        ),
        ("Buurthuis\nDe Linde", "de naam moet op één regel staan, zonder tabs of onzichtbare tekens."),
    ],
    ids=["lang", "html", "twee-regels"],
)
def test_new_refuses_a_name_the_check_would_refuse(
    name: str, message: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "new", "org", name]) == 1
    assert capsys.readouterr().err == f"wijkkaart new: {message}\n"
    assert sorted(p.name for p in (root / "orgs").iterdir()) == ["buurthuis.yaml", "geldhulp.yaml"]


def test_new_cuts_a_long_file_name_at_a_word_and_the_check_passes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = cli_site_copy(tmp_path)
    name = "Vereniging voor " + "heel lange naam " * 6
    assert main(["--root", str(root), "new", "org", name]) == 0
    written = capsys.readouterr().out.strip()
    assert written == "orgs/vereniging-voor-heel-lange-naam-heel-lange-naam-heel-lange.yaml"
    text = (root / written).read_text(encoding="utf-8")
    (root / written).write_text(text.replace(PLACEHOLDER, "Een vereniging."), encoding="utf-8")
    assert main(["--root", str(root), "check"]) == 0


def test_stale_lists_oldest_first_with_whom_to_ask(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = cli_site_copy(tmp_path)
    assert main(["--root", str(root), "stale", "--months", "1"]) == 0
    out, err = capsys.readouterr()
    assert out == (
        "2025-01-15  Geldhulp Test (orgs/geldhulp.yaml): vraag het na: mail info@geldhulp.example\n"
        "2026-10-01  Buurthuis Test (orgs/buurthuis.yaml): vraag het na: bel 070 123 4567\n"
    )
    assert err == "wijkkaart stale: 2 van 2 organisaties zijn 1 maand of langer niet nagekeken.\n"


def test_stale_names_the_handover_contacts_of_an_organisation_without_its_own(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = example_copy(tmp_path)
    assert main(["--root", str(root), "stale", "--months", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines == [
        "2025-06-01  Schilderswijk Moeders (orgs/schilderswijk-moeders.yaml): vraag het na:"
        " bel 070 000 0102 of mail moeders@demussen.example",
        "2025-08-20  Helpdesk Geldzaken (orgs/helpdesk-geldzaken.yaml): vraag het na:"
        " bel 070 000 0101 of mail helpdesk@geldzaken.example",
        "2026-09-15  SchuldHulpMaatje Den Haag (orgs/schuldhulpmaatje-den-haag.yaml): vraag het na:"
        " Wijkteam Bouwlust/Vrederust: bel 070 000 0104 of mail bouwlust@schuldhulpmaatje.example;"
        " Wijkteam Centrum/Schilderswijk: bel 070 000 0105 of mail centrum-schilderswijk@schuldhulpmaatje.example;"
        " Wijkteam Moerwijk: bel 070 000 0106 of mail moerwijk@schuldhulpmaatje.example;"
        " Wijkteam Loosduinen: bel 070 000 0107 of mail loosduinen@schuldhulpmaatje.example",
        "2026-10-01  Wijkz (orgs/wijkz.yaml): vraag het na: bel 070 000 0110",
    ]
    assert not [line for line in lines if "geen contactgegevens" in line]


def test_stale_threshold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = cli_site_copy(tmp_path)
    main(["--root", str(root), "stale"])  # default: 12 months before 'today'
    out, _ = capsys.readouterr()
    assert "Geldhulp Test" in out and "Buurthuis Test" not in out
    main(["--root", str(root), "stale", "--months", "23"])
    out, _ = capsys.readouterr()
    assert out == ""


def test_workflows_validate_against_the_github_schema() -> None:
    workflows = sorted(str(p) for p in (REPO / ".github" / "workflows").glob("*.yml"))
    assert len(workflows) == 3  # pull requests, publishing, newest versions
    completed = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *workflows],
        capture_output=True,
        text=True,
        check=False,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr


def test_every_problem_code_is_explained_for_editors() -> None:
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    from_source = {m for p in (REPO / "wijkkaart").rglob("*.py") for m in SOURCE_CODES.findall(p.read_text("utf-8"))}
    from_cases = {
        m for p in INVALID.glob("*/expected.txt") for m in re.findall(r"\[([a-z0-9-]+)\]$", p.read_text(), re.MULTILINE)
    }
    assert len(from_source) > 50
    missing = sorted(c for c in from_source | from_cases if f"| `{c}` |" not in guide)
    assert missing == []
