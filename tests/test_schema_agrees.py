"""The JSON Schema (editors' autocompletion) and ``wijkkaart check`` agree on every file of the corpus: what the
check accepts, the schema accepts; what the schema refuses, the check refuses. The check refuses more only for
what a JSON Schema cannot say (listed in ``BEYOND_A_SCHEMA``, each a problem code)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jsonschema
import pytest

from wijkkaart.records.load import load_bytes
from wijkkaart.records.model import Organisation, Taxonomy, Wijk
from wijkkaart.records.problems import Problem
from wijkkaart.records.schema import SCHEMAS, schema_for
from wijkkaart.records.validate import read_record

from .helpers import ACCEPTED, DATA, INVALID, REPO, report

# Checks on a value's meaning, not its shape: a schema cannot make them (or only by a pattern nobody could read).
BEYOND_A_SCHEMA = {
    "html-in-text",
    "bad-link",
    "placeholder-text",
    "bad-phone",
    "bad-email",
    "bad-url",
    "bad-date",
    "bad-schedule",
    "unsupported-schedule",
    "contact-unreachable",
    "closure-without-note",
    "closure-without-status",
    "dates-reversed",
    "fee-without-description",
    "fee-on-free",
    "ages-reversed",
    "empty-service-area",
    "partner-unnamed",
    "duplicate-theme",
    "empty-text",
}
MODELS = {"orgs": Organisation, "wijken": Wijk, "themes.yaml": Taxonomy}


def _files() -> list[tuple[str, Path]]:
    roots = [
        DATA / "valid",
        DATA / "regio",
        DATA / "gemeenten",
        DATA / "hostile",
        REPO,
        *sorted((REPO / "examples").iterdir()),
    ]
    roots += sorted(p for p in INVALID.iterdir() if p.is_dir()) + sorted(p for p in ACCEPTED.iterdir() if p.is_dir())
    found = []
    for root in roots:
        candidates = [*sorted(root.glob("orgs/*.yaml")), *sorted(root.glob("wijken/*.yaml")), root / "themes.yaml"]
        found += [(f"{p.relative_to(REPO)}", p) for p in candidates if p.is_file() and not p.is_symlink()]
    return found


FILES = _files()


def _kind(path: Path) -> str:
    return "themes.yaml" if path.name == "themes.yaml" else path.parent.name


def _validators() -> dict[str, jsonschema.Draft202012Validator]:
    by_model = {model: name for name, (model, _) in SCHEMAS.items()}
    out = {}
    for kind, model in MODELS.items():
        schema = schema_for(model, SCHEMAS[by_model[model]][1])
        jsonschema.Draft202012Validator.check_schema(schema)
        out[kind] = jsonschema.Draft202012Validator(schema)
    return out


VALIDATORS = _validators()


def _as_json(value: Any) -> Any:
    """Data as an editor's YAML extension reads it (YAML 1.2): plain ints, floats, text."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, str):
        return value
    return int(value) if isinstance(value, int) else float(value)


@pytest.mark.parametrize(("name", "path"), FILES, ids=[name for name, _ in FILES])
def test_schema_and_check_agree(name: str, path: Path) -> None:
    raw = path.read_bytes()
    doc, _ = load_bytes(raw, name)
    if doc is None:
        return  # not YAML at all: an editor's extension underlines the syntax itself
    problems: list[Problem] = []
    checked = read_record(raw, name, MODELS[_kind(path)], problems) is not None
    schema_errors = sorted(e.message for e in VALIDATORS[_kind(path)].iter_errors(_as_json(doc.data)))
    if checked:
        assert schema_errors == [], f"check accepts, the schema refuses: {schema_errors}"
    elif not schema_errors:
        codes = {p.code for p in problems if p.is_error and not p.code.startswith("schedule-")}  # what a time means
        assert codes <= BEYOND_A_SCHEMA, f"the schema accepts what check refuses for {codes - BEYOND_A_SCHEMA}"


def test_the_comparison_covers_the_corpus() -> None:
    report(f"JSON Schema en check vergeleken op {len(FILES)} bestanden")
    assert len(FILES) > 120
