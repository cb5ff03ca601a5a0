"""Read YAML safely and keep where every value came from (file and line).

PyYAML's safe loader silently accepts duplicate keys and expands aliases ("billion laughs"), and it
forgets line numbers once it builds Python objects. We compose the node graph (linear in the size of
the file, aliases are shared nodes), walk it ourselves and build plain data plus a map from key path
to line. Only the standard scalar, list and mapping tags are accepted.

Plain values are read as YAML 1.2 (its core schema, as editors' YAML extensions read them): ``no``, ``on``
and ``9:30`` stay text, dates stay text (the date fields read them). A number remembers how the editor
wrote it (``Number.source``), so a text field keeps ``2.50`` or ``0x1F`` exactly as written.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

from .problems import Problem, Severity

MAX_BYTES = 1_000_000
KeyPath = tuple[str | int, ...]

_Base: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[valid-type,misc]
    """PyYAML's (C) safe loader with the YAML 1.2 core schema's plain values instead of YAML 1.1's."""

    yaml_implicit_resolvers: ClassVar[dict[str | None, list[tuple[str, re.Pattern[str]]]]] = {}


_INT = re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)
_IMPLICIT = (
    ("tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")),
    ("tag:yaml.org,2002:int", _INT, list("-+0123456789")),
    ("tag:yaml.org,2002:float", _FLOAT, list("-+.0123456789")),
)
for _tag, _pattern, _first in _IMPLICIT:
    _Loader.add_implicit_resolver(_tag, _pattern, _first)

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"  # its value is the node's text: no constructor needed (most scalars)
_MAP_TAG = "tag:yaml.org,2002:map"
_INVISIBLE_BREAKS = "\x85\u2028\u2029"  # line breaks to YAML, invisible in an editor: read as a space


class Number:
    """A number as the editor wrote it: ``source`` is the text in the file (``2.50``, ``0x1F``)."""

    source: str


class Integer(int, Number):
    def __new__(cls, value: int, source: str) -> Integer:
        made = super().__new__(cls, value)
        made.source = source
        return made

    def __getnewargs__(self) -> tuple[int, str]:  # type: ignore[override]
        return int(self), self.source


class Decimal(float, Number):
    def __new__(cls, value: float, source: str) -> Decimal:
        made = super().__new__(cls, value)
        made.source = source
        return made

    def __getnewargs__(self) -> tuple[float, str]:  # type: ignore[override]
        return float(self), self.source


def as_written(value: object) -> str:
    """A scalar's text as the editor wrote it (a number's own characters)."""
    return value.source if isinstance(value, Number) else str(value)


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


def load_file(path: Path, shown_as: str, root: Path | None = None) -> tuple[Document | None, list[Problem]]:
    """Load one YAML file; on any problem return ``None`` and the problems."""
    raw, problems = read_regular(path, shown_as, root)
    return (None, problems) if raw is None else load_bytes(raw, shown_as)


def read_regular(path: Path, shown_as: str, root: Path | None = None) -> tuple[bytes | None, list[Problem]]:
    """The bytes of a regular file of at most ``MAX_BYTES``; ``None`` and a problem for anything else: a folder,
    a pipe or device (never waited for: opened without blocking, its kind checked before reading), a link to
    outside ``root``, a file too large (refused unread)."""
    try:
        if root is not None and path.is_symlink() and not path.resolve().is_relative_to(root.resolve()):
            return None, [
                _problem(
                    shown_as,
                    0,
                    "link-outside-site",
                    "dit is een snelkoppeling naar een bestand buiten de site.",
                    "Zet het bestand zelf in de map van de site.",
                )
            ]
        handle = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except (OSError, RuntimeError):  # a dangling link, no permission, a loop of links
        return None, [_unreadable(shown_as)]
    kind = os.fstat(handle)
    if not stat.S_ISREG(kind.st_mode):
        os.close(handle)
        if stat.S_ISDIR(kind.st_mode):
            return None, [
                _problem(
                    shown_as,
                    0,
                    "not-a-file",
                    "dit is een map, geen bestand; de gegevens erin worden niet gelezen.",
                    "Zet de gegevens in een bestand met deze naam, of geef de map een naam zonder .yaml.",
                )
            ]
        return None, [
            _problem(
                shown_as,
                0,
                "not-a-file",
                "dit is geen gewoon bestand (maar bv. een pipe of apparaat) en wordt niet gelezen.",
                "Zet hier een gewoon tekstbestand.",
            )
        ]
    with os.fdopen(handle, "rb") as file:
        if kind.st_size > MAX_BYTES:
            return None, [_too_large(shown_as, kind.st_size)]
        try:
            return file.read(MAX_BYTES + 1), []
        except OSError:
            return None, [_unreadable(shown_as)]


def _unreadable(shown_as: str) -> Problem:
    return _problem(
        shown_as,
        0,
        "unreadable-file",
        "het bestand kan niet gelezen worden.",
        "Controleer of het bestaat (geen kapotte snelkoppeling) en leesbaar is.",
    )


def _too_large(shown_as: str, size: int) -> Problem:
    return _problem(
        shown_as,
        1,
        "file-too-large",
        f"het bestand is {size // 1000} kB; de grens is 1000 kB.",
        "Splits de gegevens over meer bestanden.",
    )


def load_bytes(raw: bytes, shown_as: str) -> tuple[Document | None, list[Problem]]:
    if len(raw) > MAX_BYTES:
        return None, [_too_large(shown_as, len(raw))]
    text, problems = _decode(raw, shown_as)
    if text is None:
        return None, problems
    doc, more = load_text(text, shown_as)
    return doc, problems + more


def load_text(text: str, shown_as: str) -> tuple[Document | None, list[Problem]]:
    stray = _NOT_PRINTABLE.search(text)
    if stray:
        return None, [
            _problem(
                shown_as,
                _line_at(text, stray.start()),
                "control-character",
                f"er staat een onzichtbaar stuurteken (U+{ord(stray[0]):04X}) op deze regel.",
                "Haal het teken weg; het komt vaak mee bij kopiëren en plakken.",
            )
        ]
    text, problems = _invisible_breaks(text, shown_as)
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as err:
        return None, [syntax_problem(err, shown_as, text)]
    except yaml.YAMLError:
        return None, [_problem(shown_as, 1, "yaml-syntax", _UNREADABLE, _UNREADABLE_HINT)]
    if root is None:
        return None, [
            _problem(shown_as, 1, "empty-file", "het bestand is leeg.", "Vul de gegevens in of verwijder het bestand.")
        ]
    walker = _Walker(shown_as)
    data = walker.value(root, ())
    if walker.problems:
        return None, walker.problems
    return Document(shown_as, data, walker.lines), problems


# Characters YAML does not allow (its "printable" set, plus the byte order mark inside the text).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]")
_UNREADABLE = "de YAML kan op deze regel niet gelezen worden."
_UNREADABLE_HINT = "Controleer inspringing, dubbele punten en aanhalingstekens op deze regel."


def _line_at(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def _invisible_breaks(text: str, shown_as: str) -> tuple[str, list[Problem]]:
    """YAML ends a line at U+2028, U+2029 and U+0085, an editor does not: they are read as a space (so every
    line number stays the editor's) with a warning on the line where they are."""
    found = (
        [i for i, char in enumerate(text) if char in _INVISIBLE_BREAKS]
        if any(c in text for c in _INVISIBLE_BREAKS)
        else []
    )
    problems = [
        _problem(
            shown_as,
            line,
            "invisible-line-break",
            "er staat een onzichtbaar regeleinde (U+2028, U+2029 of U+0085) op deze regel; het telt als spatie.",
            "Haal het teken weg, of begin echt een nieuwe regel.",
            Severity.WARNING,
        )
        for line in sorted({_line_at(text, i) for i in found})
    ]
    for char in _INVISIBLE_BREAKS:
        text = text.replace(char, " ")
    return text, problems


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


# Parser messages (the ``problem`` of PyYAML's error), in Dutch; ``opened`` says the line is where the
# unclosed quote or bracket began (the parser notices it only later, often past the end of the file).
_SYNTAX_HINTS = (
    ("'\\t'", False, "er staat een tab in de inspringing.", "Gebruik spaties in plaats van tabs."),
    (
        "mapping values are not allowed",
        False,
        "een dubbele punt staat op een onverwachte plek.",
        "Zet tekst met ': ' erin tussen aanhalingstekens, of controleer de inspringing.",
    ),
    (
        "could not find expected ':'",
        False,
        "een regel mist de dubbele punt na de sleutel.",
        "Schrijf 'sleutel: waarde'; zet tekst over meer regels na '|'.",
    ),
    (
        "expected <block end>",
        False,
        "de inspringing klopt niet.",
        "Laat sleutels van hetzelfde niveau precies even ver inspringen (met spaties).",
    ),
    (
        "did not find expected key",
        False,
        "de inspringing klopt niet, of er staat tekst na een aanhalingsteken.",
        "Laat sleutels van hetzelfde niveau even ver inspringen; zet de hele tekst tussen de aanhalingstekens.",
    ),
    (
        "did not find expected '-' indicator",
        False,
        "een lijst en 'sleutel: waarde'-regels staan door elkaar.",
        "Begin elk onderdeel van de lijst met '- ', of laat de sleutel minder ver inspringen.",
    ),
    (
        "found undefined alias",
        False,
        "er wordt verwezen naar een onbekend anker (*).",
        "Gebruik geen ankers (&) en verwijzingen (*); schrijf de waarde uit.",
    ),
    (
        "did not find expected ',' or ']'",
        True,
        "een haakje '[' wordt niet gesloten, of er mist een komma.",
        "Sluit de lijst met ']' op dezelfde regel en zet komma's tussen de onderdelen.",
    ),
    (
        "did not find expected ',' or '}'",
        True,
        "een accolade '{' wordt niet gesloten, of er mist een komma.",
        "Sluit met '}' op dezelfde regel en zet komma's tussen de sleutels.",
    ),
    (
        "found unexpected end of stream",
        True,
        "een aanhalingsteken of haakje wordt niet gesloten.",
        "Sluit elk aanhalingsteken en haakje op dezelfde regel.",
    ),
    (
        "found unknown escape character",
        False,
        "een '\\' tussen dubbele aanhalingstekens is geen bekende code.",
        "Gebruik enkele aanhalingstekens ('…'), of schrijf '\\\\'.",
    ),
    (
        "found character that cannot start any token",
        False,
        "een waarde begint met een teken dat in YAML iets anders betekent (zoals @, ` of %).",
        "Zet de tekst tussen aanhalingstekens.",
    ),
    (
        "but found another document",
        False,
        "het bestand bevat meer dan één document ('---').",
        "Zet één organisatie of wijk per bestand.",
    ),
)


def syntax_problem(err: yaml.MarkedYAMLError, shown_as: str, text: str) -> Problem:
    """PyYAML's error as a Dutch problem on the line where the mistake is (never past the end of the file)."""
    detail = err.problem or ""
    found = next(((o, m, h) for needle, o, m, h in _SYNTAX_HINTS if needle in detail), None)
    use_context = found is not None and found[0] and err.context_mark is not None
    mark = err.context_mark if use_context else (err.problem_mark or err.context_mark)
    last = text.count("\n") + (0 if text.endswith("\n") else 1)
    line = max(1, min(mark.line + 1 if mark else 1, last))
    if "\t" in "".join(text.splitlines()[line - 1 : line]) and "cannot start any token" in detail:
        found = (False, *_SYNTAX_HINTS[0][2:])
    if found is None:
        return _problem(shown_as, line, "yaml-syntax", _UNREADABLE, _UNREADABLE_HINT)
    return _problem(shown_as, line, "yaml-syntax", found[1], found[2])


def _problem(file: str, line: int, code: str, message: str, hint: str, severity: Severity = Severity.ERROR) -> Problem:
    return Problem(file, line, "", code, message, hint, severity)


class _Walker:
    """Turns a composed node graph into plain data, recording lines and problems."""

    def __init__(self, shown_as: str) -> None:
        self.file = shown_as
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.seen: set[int] = set()

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
            return str(node.value)
        self._fail(node, path, "yaml-key", "een sleutel moet een gewoon woord zijn.", "Schrijf 'sleutel: waarde'.")
        return None

    def _scalar(self, node: yaml.ScalarNode, path: KeyPath) -> Any:
        text: str = node.value
        if node.tag == _STR_TAG:
            return text
        if node.tag.endswith(":null") and text in ("", "~", "null", "Null", "NULL"):
            return None
        if node.tag.endswith(":bool") and text.lower() in ("true", "false"):
            return text.lower() == "true"
        if node.tag.endswith(":int") and _INT.match(text):
            base = {"0o": 8, "0x": 16}.get(text[:2], 10)
            return Integer(int(text[2:] if base != 10 else text, base), text)
        if node.tag.endswith(":float") and _FLOAT.match(text):
            special = text.lower().lstrip("+-") in (".inf", ".nan")  # YAML 1.2's spelling of these floats
            return Decimal(float(text.replace(".", "", 1) if special else text), text)
        return text  # an explicit tag (!!int) on something else: the characters as written

    def _fail(self, node: yaml.Node, path: KeyPath, code: str, message: str, hint: str) -> None:
        line = node.start_mark.line + 1
        self.problems.append(Problem(self.file, line, format_path(path), code, message, hint))


def _pairs(node: yaml.MappingNode) -> Iterator[tuple[yaml.Node, yaml.Node]]:
    yield from node.value
