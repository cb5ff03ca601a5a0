"""Property-based fuzzing: random YAML and random mutations of valid files give a record or problems,
never an exception; and the whole pipeline (load → validate → catalog → pages → iCal → HSDS → finder, without
mkdocs) gives a site or problems, never an exception. The default run is short; ``-m fuzz`` runs 10,000 cases of
each kind.
"""

from __future__ import annotations

import copy
import os
import re
import shutil
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from wijkkaart.exports.hsds import hsds_files
from wijkkaart.exports.ical import ical_files
from wijkkaart.pipeline.build import build_site
from wijkkaart.records.model import Organisation, Wijk
from wijkkaart.records.problems import DataError, Problem
from wijkkaart.records.validate import build_catalog, read_record
from wijkkaart.render.finder import finder_files
from wijkkaart.render.pages import Renderer

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
        last = len(re.split(rb"\r\n|\r|\n", raw))  # lines as an editor (and YAML) counts them
        assert all(0 <= p.line <= last for p in problems), [p.text() for p in problems]


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


# The whole pipeline. Most byte mutations break the YAML; records with a value or two replaced mostly stay valid
# records, so the pages, the agenda and the open data see every kind of value.
ORGS = [(p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in sorted((VALID / "orgs").glob("*.yaml"))]
SCHEDULES = [
    "Mo-Fr 09:00-17:00",
    "Tu[1,3] 14:00-16:00",
    "Tu[-1] 19:00-21:00",
    "week 01-53/2 We 10:00-12:00",
    "Fr 09:00-10:30; PH off",
    "Mo-Fr 09:00-12:00; We 13:00-15:00",
    "Mo 10:00-12:00; Mo 14:00-16:00",
    "Su 23:00-23:59",
    "Sa 00:00-01:00",
    "Mo,We 10:00-12:00; Tu[2] off",
    "We[5] 10:00-11:00",
    "Mo 25:00-26:00",
    "24/7",
    "ma 10:00-12:00",
    "",
]
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=40)
TRICKY = st.sampled_from(
    ["2.50", "9:30", "no", "yes", "0x1F", "1_000", "<b>", "[x](javascript:y)", "€ 2", "2525 AB", "'", '"', "#", "&a"]
)
ANY = st.one_of(
    TEXT,
    TRICKY,
    st.sampled_from(SCHEDULES),
    st.integers(-5, 200_000),
    st.floats(allow_nan=False, width=32),
    st.booleans(),
    st.none(),
    st.dates().map(str),
    st.lists(st.sampled_from(["nl", "no", "EN", "ar", "xx", "zuid", "noord", "2525", "ontmoeting"]), max_size=3),
)
DATES = st.dates(min_value=date(2024, 1, 1), max_value=date(2028, 12, 31))
# Mostly a value of the same kind (so the record stays valid and the pipeline goes on), sometimes anything.
LIKE = {
    str: st.one_of(TEXT, TRICKY),
    bool: st.booleans(),
    int: st.integers(0, 120),
    float: st.floats(50.8, 53.5),
    date: DATES,
}
AREAS = [{"gemeente": True}, {"regio": True}, {"pc4": [2531]}, {"wijken": ["zuid"]}, {"gemeenten": ["Den Haag"]}]
EXTRA = [
    st.fixed_dictionaries({"status": st.just("temporarily_closed"), "status_note": TEXT, "closed_until": DATES}),
    st.fixed_dictionaries({"status": st.just("temporarily_closed"), "status_note": TEXT}),
    st.fixed_dictionaries({"valid_from": DATES, "valid_to": DATES}),
    st.fixed_dictionaries({"free": st.just(False), "fees_description": st.one_of(TEXT, TRICKY)}),
    st.fixed_dictionaries({"schedule": st.sampled_from(SCHEDULES)}),
    st.fixed_dictionaries({"schedule_note": TEXT}),
    st.fixed_dictionaries({"languages": st.lists(st.sampled_from(["nl", "no", "EN", "ar", "tr", "pl"]), max_size=3)}),
    st.fixed_dictionaries({"eligibility": st.fixed_dictionaries({"minimum_age": st.integers(0, 60)})}),
    st.fixed_dictionaries(
        {
            "service_area": st.sampled_from(
                [
                    {"gemeente": True},
                    {"regio": True},
                    {"pc4": [2531]},
                    {"wijken": ["zuid"]},
                    {"gemeenten": ["Den Haag"]},
                ]
            )
        }
    ),
]


def _leaves(data: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in _leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in _leaves(value, (*path, i))] or [path]
    return [path]


@st.composite
def records(draw: st.DrawFn) -> tuple[str, bytes]:
    """A valid organisation with a few values replaced or added: its file name and its bytes."""
    name, original = draw(st.sampled_from(ORGS))
    data = copy.deepcopy(original)
    for _ in range(draw(st.integers(1, 3))):
        if draw(st.booleans()) and data.get("services"):
            # a copy: sampled_from gives the same object every time, and a later step may change it in place
            draw(st.sampled_from(data["services"])).update(copy.deepcopy(draw(st.one_of(EXTRA))))
            continue
        path = draw(st.sampled_from(_leaves(data)))
        if not path:
            continue
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        like = LIKE.get(type(parent[path[-1]]))
        parent[path[-1]] = copy.deepcopy(draw(ANY if like is None or draw(st.integers(0, 4)) == 0 else like))
    return name, yaml.safe_dump(data, allow_unicode=True, sort_keys=False).encode()


OUTCOMES: Counter[str] = Counter()


def _through_the_pipeline(root: Path, name: str, raw: bytes) -> None:
    (root / "orgs" / name).write_bytes(raw)
    settings = settings_for(root)
    try:
        site = build_site(settings, with_maps=False, parallel=False)
    except DataError as err:
        assert any(p.is_error and p.message and p.code for p in err.problems)
        OUTCOMES["geweigerd"] += 1
        return
    assert site.pages and all(p.content for p in site.pages)
    assert ical_files(site.catalog, settings)
    assert hsds_files(site.catalog, settings, None)
    assert finder_files(site.catalog, Renderer(site.catalog, settings, maps=False).finder_cards())
    OUTCOMES["gebouwd"] += 1


def _run_pipeline(tmp_path: Path, cases: int) -> None:
    memory = Path("/dev/shm")  # each case writes a file: in memory where the system has it (Linux)
    root = Path(tempfile.mkdtemp(dir=memory if os.access(memory, os.W_OK) else tmp_path)) / "site"
    try:
        _run_pipeline_in(root, cases)
    finally:
        shutil.rmtree(root.parent, ignore_errors=True)


def _run_pipeline_in(root: Path, cases: int) -> None:
    shutil.copytree(VALID, root)
    OUTCOMES.clear()
    started = time.perf_counter()

    changed: set[str] = set()

    @settings(max_examples=cases, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(records(), records(), mutations().map(lambda raw: ("buurthuis.yaml", raw))))
    def check(case: tuple[str, bytes]) -> None:
        for name in changed - {case[0]}:  # one file differs from the valid site: the one of this case
            shutil.copyfile(VALID / "orgs" / name, root / "orgs" / name)
        changed.clear()
        changed.add(case[0])
        _through_the_pipeline(root, *case)

    check()
    seconds = time.perf_counter() - started
    report(
        f"fuzz, hele keten (laden → controle → catalogus → pagina's → iCal → HSDS → zoeker): "
        f"{sum(OUTCOMES.values())} gevallen zonder exceptie ({OUTCOMES['gebouwd']} gebouwd, "
        f"{OUTCOMES['geweigerd']} geweigerd) in {seconds:.0f} s"
    )
    assert OUTCOMES["gebouwd"] >= cases // 10, OUTCOMES  # the generator reaches the end of the pipeline (~28 %)


def test_whole_pipeline_short(tmp_path: Path) -> None:
    _run_pipeline(tmp_path, 200)


@pytest.mark.fuzz
def test_whole_pipeline_long(tmp_path: Path) -> None:
    _run_pipeline(tmp_path, LONG)


def test_a_name_over_two_lines_goes_through_the_pipeline(tmp_path: Path) -> None:
    """Found by the long run: a service name with a new line broke the agenda's calendar name."""
    raw = (VALID / "orgs" / "geldhulp.yaml").read_text(encoding="utf-8")
    raw = raw.replace("name: Spreekuur Zuid", "name: '0\n\n    0'")
    root = tmp_path / "site"
    shutil.copytree(VALID, root)
    _through_the_pipeline(root, "geldhulp.yaml", raw.encode())
    settings_ = settings_for(root)
    catalog, _ = build_catalog(settings_)
    assert catalog is not None
    feed = dict(ical_files(catalog, settings_))["agenda/geldhulp/spreekuur-zuid.ics"]
    assert b"X-WR-CALNAME:0\\n0\r\n" in feed
