"""Editors' tools: scaffolding, freshness, workflows, the problem-code documentation."""

from __future__ import annotations

import ast
import importlib.util
import re
import subprocess
import sys
import types
from pathlib import Path

import pytest
import yaml

from wijkkaart.adapters.cli import main
from wijkkaart.records.codes import CODES, Code
from wijkkaart.records.fields import PLACEHOLDER
from wijkkaart.records.problems import Severity

from .helpers import INVALID, REPO, cli_site_copy, example_copy

PROBLEM_CODES_SCRIPT = REPO / "scripts" / "problem_codes.py"


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


def _problem_codes_script() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("problem_codes", PROBLEM_CODES_SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_problem_code_tables_are_the_ones_the_script_writes_from_the_registry() -> None:
    written = _problem_codes_script().written()
    assert sorted(path.name for path in written) == ["CONTRIBUTING.md", "README.md"]
    for path, text in written.items():
        assert path.read_text(encoding="utf-8") == text, f"run scripts/problem_codes.py: {path.name} is out of date"
    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert [c for c in CODES.values() if f"| `{c.code}` | {c.severity.dutch} | **{c.title}**" not in guide] == []


def test_the_script_rewrites_only_the_table_between_the_markers(tmp_path: Path) -> None:
    script = _problem_codes_script()
    for name in ("README.md", "CONTRIBUTING.md"):
        (tmp_path / name).write_text(f"# {name}\n\n{script.START}\n| `old-code` |\n{script.END}\n\nEnd.\n", "utf-8")
    code = Code(code="hidden-file", severity=Severity.WARNING, title="Verborgen", explanation="een punt", fix="weg")
    written = script.written(tmp_path, {code.code: code})
    assert written[tmp_path / "CONTRIBUTING.md"] == (
        f"# CONTRIBUTING.md\n\n{script.START}\n| code | soort | betekenis | wat je doet |\n|---|---|---|---|\n"
        f"| `hidden-file` | waarschuwing | **Verborgen**: een punt | weg |\n{script.END}\n\nEnd.\n"
    )
    assert written[tmp_path / "README.md"] == (
        f"# README.md\n\n{script.START}\n| code | severity | title (Dutch) |\n|---|---|---|\n"
        f"| `hidden-file` | warning | Verborgen |\n{script.END}\n\nEnd.\n"
    )
    (tmp_path / "README.md").write_text("# README.md without markers\n", "utf-8")
    with pytest.raises(ValueError, match="markers"):
        script.written(tmp_path, {code.code: code})
    check = [sys.executable, str(PROBLEM_CODES_SCRIPT), "--check"]
    completed = subprocess.run(check, capture_output=True, text=True, check=False)
    assert (completed.returncode, completed.stderr) == (0, "")


def _codes_in_the_package() -> set[str]:
    """The strings the package passes as a problem code: to a parameter named ``code`` (of ``Problem``, ``fail``,
    ``ScheduleError`` and the helpers that make problems, by keyword or in its place), or compared with a
    ``.code``."""
    sources = [path for path in (REPO / "wijkkaart").rglob("*.py") if path.name != "codes.py"]
    trees = [ast.parse(path.read_text("utf-8")) for path in sources]
    positions: dict[str, int] = {}  # a function or class that takes a code: where the code stands
    for node in (n for tree in trees for n in ast.walk(tree)):
        if isinstance(node, ast.ClassDef):
            init = [f for f in node.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"]
            node_args = [a.arg for a in init[0].args.args] if init else []
            name = node.name
        elif isinstance(node, ast.FunctionDef):
            node_args, name = [a.arg for a in node.args.args], node.name
        else:
            continue
        node_args = [a for a in node_args if a != "self"]
        if "code" in node_args:
            positions[name] = node_args.index("code")
    passed: set[str] = set()
    for node in (n for tree in trees for n in ast.walk(tree)):
        if isinstance(node, ast.Call):
            callee = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            args = [*node.args[positions[callee] : positions[callee] + 1]] if callee in positions else []
            args += [k.value for k in node.keywords if k.arg == "code"]
            passed |= {a.value for a in args if isinstance(a, ast.Constant) and isinstance(a.value, str)}
        if isinstance(node, ast.Compare) and isinstance(node.left, ast.Attribute) and node.left.attr == "code":
            passed |= {c.value for c in node.comparators if isinstance(c, ast.Constant) and isinstance(c.value, str)}
    return passed


def test_every_problem_code_is_registered_and_every_registered_code_is_used() -> None:
    passed = _codes_in_the_package()
    from_cases = {
        m for p in INVALID.glob("*/expected.txt") for m in re.findall(r"\[([a-z0-9-]+)\]$", p.read_text(), re.MULTILINE)
    }
    assert len(from_cases) > 70
    assert sorted(passed - set(CODES)) == []  # every code the package makes is registered
    assert sorted(set(CODES) - passed) == []  # and every registered code is made somewhere: no dead codes
    assert sorted(from_cases - set(CODES)) == []
