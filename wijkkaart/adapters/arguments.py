"""The command line's parser in Dutch: argparse's own words ("usage:", "show this help message", its error
messages) would otherwise be the only English a site owner or editor meets."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable
from typing import Any, NoReturn

_ERRORS = (
    (r"the following arguments are required: (.+)", r"dit ontbreekt: \1"),
    (r"argument (\S+): invalid choice: (.+) \(choose from (.+)\)", r"\2 kan niet bij \1; kies uit \3"),
    (r"argument (\S+): invalid (?:int|float) value: (.+)", r"\2 bij \1 is geen getal"),
    (r"argument (\S+): expected one argument", r"na \1 hoort een waarde"),
    (r"unrecognized arguments: (.+)", r"dit ken ik niet: \1"),
    (r"ambiguous option: (\S+) could match (.+)", r"\1 kan meer dan één optie zijn: \2"),
)


def dutch(message: str) -> str:
    """argparse's error message in Dutch; one it does not know stays as it is."""
    for pattern, words in _ERRORS:
        if re.fullmatch(pattern, message):
            return re.sub(pattern, words, message)
    return message


class DutchFormatter(argparse.HelpFormatter):
    def add_usage(
        self, usage: str | None, actions: Iterable[argparse.Action], groups: Iterable[Any], prefix: str | None = None
    ) -> None:
        super().add_usage(usage, actions, groups, "gebruik: " if prefix is None else prefix)


class DutchParser(argparse.ArgumentParser):
    """An ArgumentParser whose help, headings and errors are Dutch (its subcommands' parsers too)."""

    def __init__(
        self, *, add_help: bool = True, parents: Iterable[argparse.ArgumentParser] = (), **kwargs: Any
    ) -> None:
        kwargs.setdefault("formatter_class", DutchFormatter)
        super().__init__(add_help=False, **kwargs)
        self._positionals.title = "argumenten"
        self._optionals.title = "opties"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="toon deze uitleg")
        for parent in parents:  # as argparse does with ``parents``, once the headings are Dutch
            self._add_container_actions(parent)
            self._defaults.update(parent._defaults)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: fout: {dutch(message)}\n")
