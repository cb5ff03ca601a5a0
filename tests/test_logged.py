"""The suite's log rule (tests/logged.py), tried on tests of its own: a warning nobody takes fails its test."""

from __future__ import annotations

import pytest

from .helpers import REPO

CONFTEST = "from tests.logged import logged_warnings\n__all__ = ['logged_warnings']\n"
TESTS = """
import logging

def test_quiet():
    logging.getLogger("mkdocs.plugins.wijkkaart").info("wijkkaart: 3 pagina's")

def test_untaken():
    logging.getLogger("mkdocs.plugins.wijkkaart").warning("wijkkaart: let op")

def test_taken(logged_warnings):
    logging.getLogger("mkdocs.plugins.wijkkaart").warning("wijkkaart: %s", "let op")
    logging.getLogger("elders").error("kapot")
    assert logged_warnings.take() == ["wijkkaart: let op", "kapot"]

def test_taken_then_another(logged_warnings):
    logging.getLogger("x").warning("een")
    logged_warnings.take()
    logging.getLogger("x").warning("twee")

def test_not_passed_up(logged_warnings):
    logger = logging.getLogger("mkdocs")
    logger.propagate = False
    try:
        logging.getLogger("mkdocs.plugins.x").warning("binnen mkdocs")
    finally:
        logger.propagate = True
"""


def test_a_warning_fails_its_test_unless_the_test_takes_it(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a process of its own: the inner tests' warnings must not reach this test's own log rule."""
    monkeypatch.setenv("PYTHONPATH", str(REPO))
    pytester.makeconftest(CONFTEST)
    pytester.makepyfile(test_logging=TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider")
    outcomes = result.parseoutcomes()
    assert (outcomes["passed"], outcomes["errors"]) == (5, 3)  # a teardown error is reported beside the pass
    errors = [line.split(" - ")[0] for line in result.outlines if line.startswith("ERROR ")]
    assert errors == [
        "ERROR test_logging.py::test_untaken",
        "ERROR test_logging.py::test_taken_then_another",
        "ERROR test_logging.py::test_not_passed_up",
    ]
    result.stdout.fnmatch_lines(["the test logged warnings it did not take (logged_warnings.take()):"])
    result.stdout.fnmatch_lines(["  WARNING mkdocs.plugins.wijkkaart: wijkkaart: let op"])
    result.stdout.fnmatch_lines(["  WARNING x: twee"])
    result.stdout.fnmatch_lines(["  WARNING mkdocs.plugins.x: binnen mkdocs"])
    assert "WARNING x: een" not in result.stdout.str()
