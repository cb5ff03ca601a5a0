"""Pydantic's validation errors → Dutch Problems with file, line and key path.

Our own field checks already carry a code, message and hint; pydantic's built-in errors (missing
field, unknown key, wrong type, bad choice) are worded here, with "bedoelde je …?" suggestions.
"""

from __future__ import annotations

import difflib
import types
from typing import Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .load import Document, KeyPath, format_path
from .problems import Problem

_TYPE_WORDS = {
    "string_type": "tekst",
    "int_type": "een heel getal",
    "int_parsing": "een heel getal",
    "int_from_float": "een heel getal",
    "float_type": "een getal",
    "float_parsing": "een getal",
    "bool_type": "true of false",
    "bool_parsing": "true of false",
    "list_type": "een lijst (regels die met '- ' beginnen)",
    "model_type": "een groep sleutels ('sleutel: waarde' op de regels eronder)",
    "model_attributes_type": "een groep sleutels ('sleutel: waarde' op de regels eronder)",
    "dict_type": "een groep sleutels ('sleutel: waarde' op de regels eronder)",
}


def suggest(word: str, options: list[str]) -> str:
    """`` Bedoelde je 'x'?`` for the closest option, or an empty string."""
    close = difflib.get_close_matches(word, options, n=1, cutoff=0.6)
    return f" Bedoelde je {quoted(close[0])}?" if close else ""


def quoted(name: str) -> str:
    """``'name'``, or ``"name"`` for a name with an apostrophe of its own (``"'s-Hertogenbosch"``)."""
    return f'"{name}"' if "'" in name else f"'{name}'"


def describe_value(value: Any) -> str:
    if isinstance(value, dict):
        return "een groep sleutels"
    if isinstance(value, list):
        return "een lijst"
    if value is None:
        return "niets"
    return f"'{value}'"


def problems_from(error: ValidationError, doc: Document, model: type[BaseModel]) -> list[Problem]:
    problems = [_problem(e, doc, model) for e in error.errors()]
    return [p for p in problems if not _explained_elsewhere(p, problems)]


def _explained_elsewhere(problem: Problem, problems: list[Problem]) -> bool:
    """A missing field whose misspelling is already reported as an unknown key ("bedoelde je …?")."""
    if problem.code != "missing-field":
        return False
    parent, _, key = problem.path.rpartition(".")
    return any(
        p.code == "unknown-key" and p.path.rpartition(".")[0] == parent and f"Bedoelde je '{key}'?" in p.hint
        for p in problems
    )


def _problem(err: Any, doc: Document, model: type[BaseModel]) -> Problem:
    loc: KeyPath = tuple(err["loc"])
    kind = err["type"]
    if kind == "missing":
        return _missing(loc, doc, model)
    if kind == "extra_forbidden":
        return _unknown_key(loc, doc, model)
    if kind == "literal_error":
        return _bad_choice(loc, err, doc)
    ctx = err.get("ctx") or {}
    if "hint" in ctx:
        loc = (*loc, *ctx.get("at", ()))  # a record's own check names the key it is about
        return Problem(
            file=doc.file, line=doc.line(loc), path=format_path(loc), code=kind, message=err["msg"], hint=ctx["hint"]
        )
    return _builtin(loc, err, doc)


def _missing(loc: KeyPath, doc: Document, model: type[BaseModel]) -> Problem:
    key = str(loc[-1])
    info = _field_info(model, loc)
    hint = f"Voeg '{key}:' toe" + (f" ({info})" if info else "") + "."
    return Problem(
        file=doc.file,
        line=doc.line(loc[:-1]),
        path=format_path(loc),
        code="missing-field",
        message=f"het verplichte veld '{key}' ontbreekt.",
        hint=hint,
    )


def _unknown_key(loc: KeyPath, doc: Document, model: type[BaseModel]) -> Problem:
    key = str(loc[-1])
    allowed = sorted(_keys_of(_model_at(model, loc[:-1])))
    hint = suggest(key, allowed).strip() or f"Toegestaan zijn: {', '.join(allowed)}."
    return _at(
        doc,
        loc,
        code="unknown-key",
        message=f"de sleutel '{key}' bestaat hier niet.",
        hint=hint,
    )


def _bad_choice(loc: KeyPath, err: Any, doc: Document) -> Problem:
    options = [o.strip(" '") for o in err["ctx"]["expected"].replace(" or ", ",").split(",")]
    value = err["input"]
    hint = f"Kies uit: {', '.join(options)}." + suggest(str(value), options)
    return _at(
        doc,
        loc,
        code="bad-choice",
        message=f"{describe_value(value)} is geen geldige keuze.",
        hint=hint,
    )


def _builtin(loc: KeyPath, err: Any, doc: Document) -> Problem:
    kind, value = err["type"], err.get("input")
    if kind in _TYPE_WORDS:
        message = f"verwacht {_TYPE_WORDS[kind]}, maar vond {describe_value(value)}."
        hint = "Zet tekst met bijzondere tekens tussen aanhalingstekens." if kind == "string_type" else ""
        return _at(
            doc,
            loc,
            code="wrong-type",
            message=message,
            hint=hint or _type_hint(kind),
        )
    if kind == "too_short":
        return _at(
            doc,
            loc,
            code="empty-list",
            message="de lijst is leeg.",
            hint="Vul er minstens één in.",
        )
    ctx = err.get("ctx") or {}
    if kind in ("greater_than_equal", "less_than_equal"):
        bound = f"minstens {ctx['ge']}" if "ge" in ctx else f"hoogstens {ctx['le']}"
        return _at(
            doc,
            loc,
            code="out-of-range",
            message=f"{describe_value(value)} is te {'klein' if 'ge' in ctx else 'groot'}.",
            hint=f"De waarde moet {bound} zijn.",
        )
    return _at(
        doc,
        loc,
        code="bad-value",
        message=f"{describe_value(value)} is hier geen geldige waarde.",
        hint="Controleer de schrijfwijze van dit veld.",
    )


def _type_hint(kind: str) -> str:
    if kind.startswith("bool"):
        return "Schrijf true (ja) of false (nee)."
    if kind == "list_type":
        return "Zet elk onderdeel op een eigen regel die met '- ' begint."
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return "Zet de sleutels ingesprongen op de regels eronder."
    return "Schrijf alleen cijfers."


def _model_at(model: type[BaseModel] | None, path: KeyPath) -> type[BaseModel] | None:
    for part in path:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        field = _field_named(model, part)
        model = _inner_model(field.annotation) if field else None
    return model


def _field_named(model: type[BaseModel], key: str) -> Any:
    for name, field in model.model_fields.items():
        if key in (name, field.alias):
            return field
    return None


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if get_origin(annotation) in (list, Union, types.UnionType):
        for arg in get_args(annotation):
            found = _inner_model(arg)
            if found:
                return found
    return None


def _keys_of(model: type[BaseModel] | None) -> set[str]:
    if model is None:
        return set()
    return {field.alias or name for name, field in model.model_fields.items()}


def _field_info(model: type[BaseModel], loc: KeyPath) -> str:
    parent = _model_at(model, loc[:-1])
    field = _field_named(parent, str(loc[-1])) if parent else None
    return (field.description or "").rstrip(".") if field else ""


def _at(doc: Document, loc: KeyPath, *, code: str, message: str, hint: str = "") -> Problem:
    """A problem at ``loc`` in ``doc``: its file, line and key path."""
    return Problem(file=doc.file, line=doc.line(loc), path=format_path(loc), code=code, message=message, hint=hint)
