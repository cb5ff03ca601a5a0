"""JSON Schemas for editors, generated from the records (the single source of truth)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .model import TITLES, Organisation, Taxonomy, Wijk

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "org.schema.json": (Organisation, "Organisatie op de sociale kaart (een bestand in orgs/)"),
    "wijk.schema.json": (Wijk, "Wijk op de sociale kaart (een bestand in wijken/)"),
    "themes.schema.json": (Taxonomy, "De thema's van de sociale kaart (themes.yaml)"),
}


def schema_for(model: type[BaseModel], title: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    _title_references(schema)
    _language_codes(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": title}


def _language_codes(node: Any) -> None:
    """Every language code the check knows, as one definition that each language refers to."""
    from .languages import language_codes

    if isinstance(node, dict):
        if node.pop("x-wijkkaart", None) == "taalcodes":
            node["$ref"] = "#/$defs/Taalcode"
        for value in list(node.values()):
            _language_codes(value)
        if node.get("$defs") and "Service" in node["$defs"]:
            node["$defs"]["Taalcode"] = {"title": "Taalcode", "enum": sorted(language_codes())}
    elif isinstance(node, list):
        for value in node:
            _language_codes(value)


def _title_references(node: Any) -> None:
    """Pydantic leaves a nested record's key without a title; give it its Dutch one."""
    if isinstance(node, dict):
        for key, prop in (node.get("properties") or {}).items():
            prop.setdefault("title", TITLES.get(key, TITLES.get(f"{key}_", key)))
        for value in node.values():
            _title_references(value)
    elif isinstance(node, list):
        for value in node:
            _title_references(value)


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, (model, title) in SCHEMAS.items():
        path = folder / name
        path.write_text(json.dumps(schema_for(model, title), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        written.append(path)
    return written
