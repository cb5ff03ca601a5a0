"""The command line speaks Dutch: argparse's headings, help and errors included."""

from __future__ import annotations

import pytest

from wijkkaart.adapters.arguments import dutch
from wijkkaart.adapters.cli import main


@pytest.mark.parametrize(
    ("argv", "last_line"),
    [
        (["init"], "wijkkaart init: fout: dit ontbreekt: MAP, -g/--gemeente"),
        (
            ["nieuw"],
            "wijkkaart: fout: 'nieuw' kan niet bij OPDRACHT; kies uit 'check', 'schema', 'new', 'stale', "
            "'init', 'geodata'",
        ),
        (["check", "--bla"], "wijkkaart: fout: dit ken ik niet: --bla"),
        (["stale", "--months", "x"], "wijkkaart stale: fout: 'x' bij --months is geen getal"),
        (["check", "--format"], "wijkkaart check: fout: na --format hoort een waarde"),
    ],
)
def test_usage_errors_are_dutch(argv: list[str], last_line: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(argv)
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("gebruik: wijkkaart")
    assert err.splitlines()[-1] == last_line


@pytest.mark.parametrize("argv", [["--help"], ["new", "--help"], ["init", "--help"], ["check", "-h"]])
def test_help_has_no_english_headings(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(argv)
    out = capsys.readouterr().out
    assert out.startswith("gebruik: wijkkaart")
    assert "toon deze uitleg" in out
    for english in ("usage", "positional arguments", "options:", "show this help", "show program"):
        assert english not in out
    assert out.count("opties:") == 1


def test_an_unknown_message_stays_as_it_is() -> None:
    assert dutch("something new in a later Python") == "something new in a later Python"
