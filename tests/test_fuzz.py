"""Property-based fuzzing: random YAML and random mutations of valid files give a record or problems,
never an exception. The default run is short; ``-m fuzz`` runs 10,000 cases of each kind.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkkaart.model import Organisation, Wijk
from wijkkaart.problems import Problem
from wijkkaart.validate import build_catalog, read_record

from .helpers import VALID, report, settings_for

LONG = int(os.environ.get("WIJKKAART_FUZZ_CASES", "10000"))
SHORT = 150
VALID_FILES = [
    p.read_bytes() for p in sorted((VALID / "orgs").glob("*.yaml")) + sorted((VALID / "wijken").glob("*.yaml"))
]
KEYS = [
    "name",
    "description",
    "themes",
    "checked",
    "services",
    "locations",
    "pc4",
    "schedule",
    "walk_in",
    "id",
    "type",
    "service_area",
    "wijken",
    "gemeente",
    "postal_code",
    "url",
    "email",
    "phones",
    "number",
    "for",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=30),
    st.dates().map(str),
    st.sampled_from(["Fr 09:00-10:30", "25:00", "2525 AB", "<script>", "&a *a"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.text(max_size=8)), inner, max_size=5),
    ),
    max_leaves=25,
)


@st.composite
def mutations(draw: st.DrawFn) -> bytes:
    data = bytearray(draw(st.sampled_from(VALID_FILES)))
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(["delete", "insert", "replace", "swap-lines"]))
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        if kind == "delete" and data:
            del data[at : at + draw(st.integers(1, 12))]
        elif kind == "insert":
            data[at:at] = draw(
                st.sampled_from(
                    [
                        b":",
                        b"- ",
                        b"\t",
                        b"&x ",
                        b"*x",
                        b"!!python/object ",
                        b"\n  ",
                        b"'",
                        b'"',
                        b"[",
                        b"{",
                        b"#",
                        b"\xff",
                        b"\xef\xbb\xbf",
                        b"---\n",
                    ]
                )
            )
        elif kind == "replace" and data:
            data[at] = draw(st.integers(0, 255))
        else:
            lines = bytes(data).split(b"\n")
            i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


def _record_or_problems(raw: bytes) -> None:
    for model in (Organisation, Wijk):
        problems: list[Problem] = []
        result = read_record(raw, "orgs/fuzz.yaml", model, problems)
        assert result is not None or any(p.is_error for p in problems)
        assert all(isinstance(p, Problem) and p.message and p.code for p in problems)


def _run(strategy: st.SearchStrategy[bytes], cases: int) -> None:
    @settings(
        max_examples=cases,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(strategy)
    def check(raw: bytes) -> None:
        _record_or_problems(raw)

    check()
    report(f"fuzz: {cases} gevallen zonder exceptie")


RANDOM_YAML = documents.map(lambda d: yaml.safe_dump(d, allow_unicode=True).encode())


def test_random_yaml_short() -> None:
    _run(RANDOM_YAML, SHORT)


def test_mutated_valid_files_short() -> None:
    _run(mutations(), SHORT)


@pytest.mark.fuzz
def test_random_yaml_long() -> None:
    _run(RANDOM_YAML, LONG)


@pytest.mark.fuzz
def test_mutated_valid_files_long() -> None:
    _run(mutations(), LONG)


def test_mutations_through_the_whole_pipeline(tmp_path: Path) -> None:
    """Cross-file checks too: a mutated file in a whole site gives a catalog or problems."""

    @settings(max_examples=60, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(mutations())
    def check(raw: bytes) -> None:
        root = tmp_path / "site"
        shutil.rmtree(root, ignore_errors=True)
        shutil.copytree(VALID, root)
        (root / "orgs" / "buurthuis.yaml").write_bytes(raw)
        catalog, problems = build_catalog(settings_for(root))
        assert catalog is not None or any(p.is_error for p in problems)

    check()
