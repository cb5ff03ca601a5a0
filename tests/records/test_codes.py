"""The registry of problem codes: checked as it is imported, and the one source of a problem's code and severity.

The tables in README and CONTRIBUTING and the codes the package uses are checked in ``tests/test_editors.py``.
"""

from __future__ import annotations

import pytest

from wijkkaart.records.codes import Code, _registry
from wijkkaart.records.problems import Problem, Severity


def test_the_registry_refuses_a_code_twice_a_bad_name_and_a_text_that_would_break_the_table() -> None:
    good = {
        "severity": Severity.ERROR,
        "title": "Leeg bestand",
        "explanation": "er staat niets in",
        "fix": "vul het in",
    }
    assert list(_registry(Code(code="empty-file", **good))) == ["empty-file"]
    for codes in (
        [Code(code="empty-file", **good), Code(code="empty-file", **good)],
        [Code(code="Empty_File", **good)],
        [Code(code="empty-file", **{**good, "fix": "vul het in."})],
        [Code(code="empty-file", **{**good, "explanation": "a | b"})],
        [Code(code="empty-file", **{**good, "title": "leeg bestand"})],
    ):
        with pytest.raises(ValueError, match="problem code"):
            _registry(*codes)


def test_a_problem_takes_its_severity_from_the_registry_and_refuses_an_unknown_code() -> None:
    where = {"file": "orgs/a.yaml", "line": 3, "path": "name", "message": "m.", "hint": "h."}
    assert Problem(code="hidden-file", **where).severity is Severity.WARNING
    assert (
        Problem(code="location-approximate", **where).text()
        == "orgs/a.yaml:3 name: opmerking: m. h. [location-approximate]"
    )
    assert Problem(code="empty-file", **where).is_error
    with pytest.raises(ValueError, match="unknown problem code 'emtpy-file'"):
        Problem(code="emtpy-file", **where)
    with pytest.raises(TypeError):
        Problem("orgs/a.yaml", 3, "name", "empty-file", "m.", "h.")  # keyword only
