"""Problems found in the data: one record per problem, collected and reported at once.

Errors are data (as in frictionless-py): each problem has a stable ``code`` that tests and the
editors' documentation refer to, and a Dutch message plus a hint that tells the editor the fix.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    NOTICE = "notice"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in one file, at one line."""

    file: str
    line: int
    path: str
    code: str
    message: str
    hint: str = ""
    severity: Severity = Severity.ERROR

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self) -> str:
        """The problem as one line for a terminal: ``file:line pad: message (hint)``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        label = {Severity.ERROR: "", Severity.WARNING: "waarschuwing: ", Severity.NOTICE: "opmerking: "}[self.severity]
        path = f" {self.path}:" if self.path else ""
        hint = f" {self.hint}" if self.hint else ""
        return f"{where}{path} {label}{self.message}{hint} [{self.code}]"

    def github(self) -> str:
        """The problem as a GitHub Actions annotation, shown on the line in a pull request."""
        level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.NOTICE: "notice"}[self.severity]
        body = f"{self.path}: {self.message}" if self.path else self.message
        if self.hint:
            body = f"{body} {self.hint}"
        return f"::{level} file={self.file},line={max(self.line, 1)},title={self.code}::{_escape(body)}"


def _escape(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


class DataError(Exception):
    """Raised by the core when the data has errors; carries every problem found."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__(summary(self.problems))


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.is_error]


def warnings(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.WARNING]


def summary(problems: Sequence[Problem]) -> str:
    """A short Dutch count such as ``2 fouten en 1 waarschuwing``."""
    n_err, n_warn = len(errors(problems)), len(warnings(problems))
    parts = [
        f"{n_err} {'fout' if n_err == 1 else 'fouten'}",
        f"{n_warn} {'waarschuwing' if n_warn == 1 else 'waarschuwingen'}",
    ]
    return " en ".join(parts)


def render(problems: Iterable[Problem], fmt: str = "text") -> str:
    """All problems in a stable order, in the requested output format."""
    ordered = sorted(problems, key=lambda p: (p.file, p.line, p.path, p.code))
    lines = [p.github() if fmt == "github" else p.text() for p in ordered]
    return "\n".join(lines)
