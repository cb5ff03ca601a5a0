"""The safe YAML loader: positions, refusals, and values that keep their meaning."""

from __future__ import annotations

import pickle
import time
import tracemalloc
from pathlib import Path

from wijkkaart.records.load import as_written, format_path, load_file, load_text


def test_lines_of_keys_and_items() -> None:
    doc, problems = load_text("name: x\nservices:\n  - id: a\n    name: b\n  - id: c\n", "orgs/x.yaml")
    assert problems == []
    assert doc is not None
    assert doc.line(("services", 1, "id")) == 5
    assert doc.line(("services", 0, "name")) == 4
    assert doc.line(("services", 0, "missing")) == 3


def test_format_path() -> None:
    assert format_path(("services", 0, "schedule")) == "services[0].schedule"
    assert format_path(()) == ""


def test_a_number_keeps_the_characters_the_editor_wrote() -> None:
    doc, _ = load_text("phone: 0701234567\npc4: 2525\nprice: 2.50\nhex: 0x1F\n", "x.yaml")
    assert doc is not None
    assert doc.data == {"phone": 701234567, "pc4": 2525, "price": 2.5, "hex": 31}
    assert [as_written(v) for v in doc.data.values()] == ["0701234567", "2525", "2.50", "0x1F"]


def test_plain_values_are_read_as_yaml_1_2() -> None:
    text = "a: no\nb: on\nc: 9:30\nd: 1_000\ne: 190:20:30\nf: 2026-10-01\ng: True\nh: ~\nno: 1\n"
    doc, _ = load_text(text, "x.yaml")
    assert doc is not None
    assert doc.data == {
        "a": "no",
        "b": "on",
        "c": "9:30",
        "d": "1_000",
        "e": "190:20:30",
        "f": "2026-10-01",
        "g": True,
        "h": None,
        "no": 1,
    }


def test_yaml_spellings_of_infinity_and_nan_are_numbers() -> None:
    doc, _ = load_text("a: .nan\nb: -.inf\nc: .NaN\nd: +.Inf\ne: -.NaN\n", "x.yaml")
    assert doc is not None
    assert [str(v) for v in doc.data.values()] == ["nan", "-inf", "nan", "inf", "-.NaN"]


def test_numbers_survive_the_second_core() -> None:
    doc, _ = load_text("a: 2.50\nb: 007\n", "x.yaml")
    assert doc is not None
    again = pickle.loads(pickle.dumps(doc.data))
    assert [as_written(v) for v in again.values()] == ["2.50", "007"]


def test_billion_laughs_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1},*a{i - 1}]" for i in range(1, 10)]
    tracemalloc.start()
    started = time.perf_counter()
    doc, problems = load_text("\n".join(lines) + "\n", "bomb.yaml")
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert doc is None
    assert [p.code for p in problems] == ["yaml-alias"]
    assert elapsed < 1.0
    assert peak < 100_000_000


def test_large_file_is_refused_unread(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"name: x\n" + b"# " + b"x" * 2_000_000 + b"\n")
    doc, problems = load_file(big, "orgs/big.yaml")
    assert doc is None
    assert [(p.code, p.message) for p in problems] == [
        ("file-too-large", "het bestand is 2000 kB; de grens is 1000 kB.")
    ]


def test_multiple_documents_are_refused() -> None:
    doc, problems = load_text("name: a\n---\nname: b\n", "x.yaml")
    assert doc is None
    assert [(p.line, p.code) for p in problems] == [(2, "yaml-syntax")]


SAMPLE = """\
naam: "Inloop: koffie & hulp"
leeg: ''
getal: 12
kommagetal: 1.5
waar: true
niets: null
datum: 2026-03-01
telefoon: 070-1234567
code: 0123
lijst: [een, 2, 'drie', {sleutel: waarde}]
meerregelig: |
  Regel een
  regel twee
'12': sleutel die een getal lijkt
"""


def test_data_equals_ruamel_yaml_1_2_apart_from_dates() -> None:
    """ruamel.yaml reads YAML 1.2 as editors' extensions do; a date stays text here (the date fields read it)."""
    from ruamel.yaml import YAML

    doc, problems = load_text(SAMPLE, "x.yaml")
    assert doc is not None and problems == []
    expected = YAML(typ="safe", pure=True).load(SAMPLE)
    expected["datum"] = "2026-03-01"
    assert doc.data == expected
    assert [type(doc.data[k]).__name__ for k in ("naam", "getal", "kommagetal", "waar", "datum", "telefoon")] == [
        "str",
        "Integer",
        "Decimal",
        "bool",
        "str",
        "str",
    ]
    assert as_written(doc.data["code"]) == "0123"
