"""The safe YAML loader: positions, refusals, and values that keep their meaning."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

from wijkkaart.load import format_path, load_file, load_text


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


def test_leading_zero_number_stays_text() -> None:
    doc, _ = load_text("phone: 0701234567\npc4: 2525\n", "x.yaml")
    assert doc is not None
    assert doc.data == {"phone": "0701234567", "pc4": 2525}


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


def test_data_equals_pyyaml_safe_load_apart_from_leading_zeros() -> None:
    import yaml

    doc, problems = load_text(SAMPLE, "x.yaml")
    assert doc is not None and problems == []
    expected = yaml.safe_load(SAMPLE)
    expected["code"] = "0123"  # kept as text, never YAML 1.1's octal (see above)
    assert doc.data == expected
    assert [type(doc.data[k]).__name__ for k in ("naam", "getal", "kommagetal", "waar", "datum", "telefoon")] == [
        "str",
        "int",
        "float",
        "bool",
        "date",
        "str",
    ]
