"""Read YAML safely and keep where every value came from (file and line).

PyYAML's safe loader silently accepts duplicate keys and expands aliases ("billion laughs"), and it
forgets line numbers once it builds Python objects. We compose the node graph (linear in the size of
the file, aliases are shared nodes), walk it ourselves and build plain data plus a map from key path
to line. Only the standard scalar, list and mapping tags are accepted.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import Problem, Severity

MAX_BYTES = 1_000_000
KeyPath = tuple[str | int, ...]

_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"  # its value is the node's text: no constructor needed (most scalars)
_LEADING_ZERO = re.compile(r"^0[0-9_]+$")
_MAP_TAG = "tag:yaml.org,2002:map"


@dataclass
class Document:
    """One YAML file: its plain data and the line of every key path in it."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)

    def line(self, path: KeyPath) -> int:
        """The line of ``path``, or of its nearest parent that has one."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.lines:
                return self.lines[path[:end]]
        return 1


def format_path(path: KeyPath) -> str:
    """``('services', 0, 'schedule')`` → ``services[0].schedule``."""
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def load_file(path: Path, shown_as: str) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file; on any problem return ``None`` and the problems."""
    return load_bytes(path.read_bytes(), shown_as)


def load_bytes(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        kb = len(raw) // 1000
        return None, [
            _problem(
                shown_as,
                1,
                "file-too-large",
                f"het bestand is {kb} kB; de grens is 1000 kB.",
                "Splits de gegevens over meer bestanden.",
            )
        ]
    text, problems = _decode(raw, shown_as)
    if text is None:
        return None, problems
    doc, more = load_text(text, shown_as)
    return doc, problems + more


def load_text(text: str, shown_as: str) -> tuple[Document | None, list[Problem]]:
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return None, [_syntax_problem(err, shown_as, text)]
    except yaml.YAMLError as err:
        return None, [
            _problem(
                shown_as,
                1,
                "yaml-syntax",
                f"het bestand is geen geldige YAML ({err}).",
                "Controleer inspringing en dubbele punten.",
            )
        ]
    if root is None:
        return None, [
            _problem(shown_as, 1, "empty-file", "het bestand is leeg.", "Vul de gegevens in of verwijder het bestand.")
        ]
    walker = _Walker(shown_as)
    data = walker.value(root, ())
    if walker.problems:
        return None, walker.problems
    return Document(shown_as, data, walker.lines), []


def _decode(raw: bytes, shown_as: str) -> tuple[str | None, list[Problem]]:
    problems: list[Problem] = []
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
        problems.append(
            _problem(
                shown_as,
                1,
                "byte-order-mark",
                "het bestand begint met een BOM-teken.",
                "Sla het op als UTF-8 zonder BOM.",
                Severity.WARNING,
            )
        )
    try:
        return raw.decode("utf-8"), problems
    except UnicodeDecodeError as err:
        line = raw[: err.start].count(b"\n") + 1
        return None, [
            _problem(
                shown_as,
                line,
                "not-utf8",
                "het bestand bevat tekens die geen UTF-8 zijn.",
                "Sla het bestand op als UTF-8 (Unicode).",
            )
        ]


_SYNTAX_HINTS = (
    ("'\\t'", "er staat een tab in de inspringing.", "Gebruik spaties in plaats van tabs."),
    (
        "mapping values are not allowed",
        "een dubbele punt staat op een onverwachte plek.",
        "Zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing.",
    ),
    (
        "could not find expected ':'",
        "een regel mist de dubbele punt na de sleutel.",
        "Schrijf 'sleutel: waarde'; zet tekst over meer regels na '|'.",
    ),
    (
        "expected <block end>",
        "de inspringing klopt niet.",
        "Laat sleutels van hetzelfde niveau precies even ver inspringen (met spaties).",
    ),
    (
        "found undefined alias",
        "er wordt verwezen naar een onbekend anker (*).",
        "Gebruik geen ankers (&) en verwijzingen (*); schrijf de waarde uit.",
    ),
    (
        "found unexpected end of stream",
        "een aanhalingsteken of haakje wordt niet gesloten.",
        "Sluit elk aanhalingsteken en haakje op dezelfde regel.",
    ),
    (
        "but found another document",
        "het bestand bevat meer dan één document ('---').",
        "Zet één organisatie of wijk per bestand.",
    ),
)


def _syntax_problem(err: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    opened = "end of stream" in (err.problem or "") and err.context_mark is not None
    mark = err.context_mark if opened else (err.problem_mark or err.context_mark)
    line = mark.line + 1 if mark else 1
    detail = f"{err.context or ''} {err.problem or ''}"
    if "\t" in "".join(text.splitlines()[line - 1 : line]):
        detail = "'\\t'"
    for needle, message, hint in _SYNTAX_HINTS:
        if needle in detail:
            return _problem(shown_as, line, "yaml-syntax", message, hint)
    return _problem(
        shown_as,
        line,
        "yaml-syntax",
        f"de YAML kan niet gelezen worden ({err.problem}).",
        "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel.",
    )


def _problem(file: str, line: int, code: str, message: str, hint: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(file, line, "", code, message, hint, severity)


class _Walker:
    """Turns a composed node graph into plain data, recording lines and problems."""

    def __init__(self, shown_as: str) -> None:
        self.file = shown_as
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")

    def value(self, node: yaml.Node, path: KeyPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        if id(node) in self.seen:
            if any(p.code == "yaml-alias" for p in self.problems):
                return None  # one report per file is enough (an alias bomb repeats thousands of times)
            return self._fail(
                node,
                path,
                "yaml-alias",
                "ankers (&) en verwijzingen (*) zijn niet toegestaan.",
                "Schrijf de waarde voluit.",
            )
        self.seen.add(id(node))
        if isinstance(node, yaml.MappingNode) and node.tag == _MAP_TAG:
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ_TAG:
            return [self.value(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            return self._scalar(node, path)
        return self._fail(
            node,
            path,
            "yaml-tag",
            f"de markering '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is niet toegestaan.",
            "Verwijder de markering die met '!' begint.",
        )

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key_node, value_node in _pairs(node):
            key = self._key(key_node, path)
            if key is None:
                continue
            if key in out:
                self._fail(
                    key_node,
                    (*path, key),
                    "duplicate-key",
                    f"de sleutel '{key}' staat er twee keer.",
                    "Houd één van de twee en voeg ze samen.",
                )
                continue
            self.lines[(*path, key)] = key_node.start_mark.line + 1
            out[key] = self.value(value_node, (*path, key))
        return out

    def _key(self, node: yaml.Node, path: KeyPath) -> str | None:
        if isinstance(node, yaml.ScalarNode) and node.tag in _SCALAR_TAGS:
            return node.value if node.tag == _STR_TAG else str(self.constructor.construct_object(node))
        self._fail(node, path, "yaml-key", "een sleutel moet een gewoon woord zijn.", "Schrijf 'sleutel: waarde'.")
        return None

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        if node.tag == _STR_TAG:
            return node.value
        if node.tag == "tag:yaml.org,2002:int" and _LEADING_ZERO.match(node.value):
            return node.value  # a phone number or code, never YAML 1.1's octal
        try:
            return self.constructor.construct_object(node)
        except (ValueError, yaml.YAMLError):
            return self._fail(
                node,
                path,
                "bad-date",
                f"'{node.value}' is geen bestaande datum.",
                "Schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2026-03-01.",
            )

    def _fail(self, node: yaml.Node, path: KeyPath, code: str, message: str, hint: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(Problem(self.file, line, format_path(path), code, message, hint))


def _pairs(node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    yield from node.value
