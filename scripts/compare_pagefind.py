"""Compares Pagefind's plain binary (``pagefind-bin``) with its extended one (``pagefind-bin-extended``) on
the example site: the same input indexed by each, file by file. The extended binary adds word segmentation
for Chinese and Japanese; for Dutch text the index should be the same, which is why wijkkaart depends on the
plain one (10 MB instead of 57 MB). Prints what differs; it asserts nothing.

    .venv/bin/pip install pagefind-bin-extended   # only for this comparison
    .venv/bin/python scripts/compare_pagefind.py
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wijkkaart.pipeline.build import build_site  # noqa: E402
from wijkkaart.records.settings import read_settings  # noqa: E402
from wijkkaart.render.search import build_search_index, search_records  # noqa: E402


def _binaries() -> dict[str, Path]:
    import pagefind_bin
    import pagefind_bin_extended

    return {"plain": pagefind_bin.get_executable(), "extended": pagefind_bin_extended.get_executable()}


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def main() -> int:
    settings = read_settings(REPO)
    site = build_site(settings, with_maps=False, parallel=False)
    records = search_records(site.catalog, site.cards)
    indexes = {}
    with tempfile.TemporaryDirectory() as name:
        for kind, binary in [*_binaries().items(), ("plain again", _binaries()["plain"])]:
            os.environ["PAGEFIND_BINARY_PATH"] = str(binary)
            version = subprocess.run([binary, "--version"], capture_output=True, text=True, check=True).stdout
            count = build_search_index(Path(name) / kind, site.pages, records)
            indexes[kind] = _files(Path(name) / kind)
            size = sum(len(data) for data in indexes[kind].values())
            print(
                f"{kind:9} {version.strip():16} {binary.stat().st_size / 1e6:5.1f} MB binary, "
                f"{count} pages, {len(indexes[kind])} index files, {size / 1e3:.1f} kB"
            )
    for first, second in [("plain", "extended"), ("plain", "plain again")]:
        _compare(first, indexes[first], second, indexes[second])
    return 0


def _compare(first: str, one: dict[str, bytes], second: str, other: dict[str, bytes]) -> None:
    """File by file, and each file unpacked (Pagefind writes gzip; a file's name is a hash of its content)."""
    decoded, decoded_other = _decoded(one), _decoded(other)
    print(
        f"{first} / {second}: {len(one.keys() & other.keys())} files the same by name and bytes"
        f" of {len(one)}; decoded and with lists in order: "
        + ("the same" if decoded == decoded_other else f"{len(decoded ^ decoded_other)} differ")
    )


HASHED = re.compile(r"(?<=nl_)[0-9a-f]{7,10}")  # a file's name is a hash of its content


def _decoded(files: dict[str, bytes]) -> set[str]:
    """Each index file unpacked (gzip, Pagefind's signature, CBOR) with every list sorted: Pagefind writes
    some lists in an order that changes from run to run (and with it the hash in the file's name)."""
    import cbor2

    out = set()
    for name, data in files.items():
        if name.endswith(".json"):
            value = json.loads(data)
            value.pop("languages", None)  # names the meta file, whose name is a hash: compared apart
        elif name.endswith((".js", ".css", ".wasm")) or "wasm" in name:
            value = data.hex()
        else:
            raw = gzip.decompress(data)
            body = raw[raw.index(b"_dcd") + 4 :]
            value = json.loads(body) if body[:1] == b"{" else cbor2.loads(body)
        out.add(HASHED.sub("#", name) + ":" + _canonical(value))
    return out


def _canonical(value: object) -> str:
    if isinstance(value, list | tuple):
        return "[" + ",".join(sorted(_canonical(item) for item in value)) + "]"
    if isinstance(value, dict):
        return "{" + ",".join(f"{k!r}:{_canonical(v)}" for k, v in sorted(value.items(), key=repr)) + "}"
    return HASHED.sub("#", repr(value))


if __name__ == "__main__":
    sys.exit(main())
