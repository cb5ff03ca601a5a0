"""Benchmark at national scale: build N synthetic organisations and print where the time goes.

    .venv/bin/python scripts/bench_scale.py --sizes 1000 5000 10000

For each N: generate the dataset (scripts/generate_dataset.py, seed 1), build it with mkdocs in a fresh
process, and print seconds per step (load and validate / each declared build step by its Dutch name, those
on the second core marked so / mkdocs itself / Pagefind), peak RSS, site size and the gzipped HTML of a
home, wijk, org and theme page. Alternating with it, a plain mkdocs-material build of as many plain Markdown pages runs,
for the ratio. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def one(site: Path, out: Path) -> None:
    """Child process: build ``site`` into ``out`` and print a JSON line of figures."""
    import logging

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    os.chdir(site)
    config = load_config(str(site / "mkdocs.yml"), site_dir=str(out))
    started = time.perf_counter()
    build(config)
    total = time.perf_counter() - started
    plugin = config.plugins.get("wijkkaart")
    timings = dict(plugin.site.timings) if plugin is not None and plugin.site else {}
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the forked exports, Pagefind
    print(json.dumps({"total": total, "timings": timings, "peak_mb": peak_mb, "child_mb": child_mb}))


def run_child(site: Path, out: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, __file__, "--one", str(site), str(out)], env=ENV, capture_output=True, text=True, check=True
    )
    return dict(json.loads(completed.stdout.strip().splitlines()[-1]))


def plain_site(folder: Path, pages: int) -> Path:
    docs = folder / "docs"
    docs.mkdir(parents=True)
    text = "Een gewone pagina met wat tekst over hulp in de wijk. " * 20
    for n in range(pages):
        (docs / f"pagina-{n:05d}.md").write_text(f"# Pagina {n}\n\n{text}\n", encoding="utf-8")
    (docs / "index.md").write_text("# Start\n", encoding="utf-8")
    (folder / "mkdocs.yml").write_text(
        "site_name: Gewoon\ntheme:\n  name: material\n  font: false\nnav:\n  - Start: index.md\nplugins: []\n",
        encoding="utf-8",
    )
    return folder


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def gz_kb(path: Path) -> float:
    return len(gzip.compress(path.read_bytes())) / 1000 if path.is_file() else float("nan")


def bench(n: int, tmp: Path) -> dict[str, float]:
    site = tmp / f"data-{n}"
    subprocess.run(
        [sys.executable, str(REPO / "scripts" / "generate_dataset.py"), str(site), "--orgs", str(n)], check=True
    )
    pages = sum(1 for _ in (site / "orgs").iterdir()) + sum(1 for _ in (site / "wijken").iterdir()) * 2 + 15
    plain = plain_site(tmp / f"plain-{n}", pages)
    ours = run_child(site, tmp / f"out-{n}")
    base = run_child(plain, tmp / f"plain-out-{n}")
    out = tmp / f"out-{n}"
    timings = dict(ours["timings"])  # type: ignore[arg-type]
    steps = sum(seconds for step, seconds in timings.items() if "second core" not in step)
    print(f"\nN = {n} organisaties ({pages} pagina's)")
    for step, seconds in timings.items():
        print(f"  {step:26} {seconds:7.1f} s")
    print(f"  {'mkdocs (de rest)':26} {float(ours['total']) - steps:7.1f} s")  # type: ignore[arg-type]
    print(
        f"  {'totaal':26} {float(ours['total']):7.1f} s   (gewone material-site: {float(base['total']):.1f} s, "  # type: ignore[arg-type]
        f"verhouding {float(ours['total']) / float(base['total']):.2f})"
    )  # type: ignore[arg-type]
    print(
        f"  piek-RSS {float(ours['peak_mb']):.0f} MB (grootste hulpproces {float(ours['child_mb']):.0f} MB), "  # type: ignore[arg-type]
        f"site {size_mb(out):.0f} MB"
    )
    print(
        f"  HTML gzip: home {gz_kb(out / 'index.html'):.1f} KB, "
        f"wijk {gz_kb(out / 'wijken/wijk-0001/index.html'):.1f} KB, "
        f"org {gz_kb(out / 'organisaties/org-00001/index.html'):.1f} KB, "
        f"thema {gz_kb(out / 'themas/geld-en-schulden/index.html'):.1f} KB"
    )
    again = run_child(site, tmp / f"again-{n}")  # the same data once more: the geometry from the cache
    print(f"  {'tweede bouw (cache)':26} {float(again['total']):7.1f} s")  # type: ignore[arg-type]
    for step, seconds in dict(again["timings"]).items():  # type: ignore[call-overload]
        print(f"    {step:24} {seconds:7.1f} s")
    return {"n": n, "total": float(ours["total"])}  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 10000])
    parser.add_argument("--one", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one(*args.one)
        return
    print(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory() as tmp:
        results = [bench(n, Path(tmp)) for n in args.sizes]
    for a, b in itertools.pairwise(results):
        doublings = math.log2(b["n"] / a["n"])
        print(
            f"N {a['n']:.0f} → {b['n']:.0f}: tijd x{b['total'] / a['total']:.2f} "
            f"(x{(b['total'] / a['total']) ** (1 / doublings):.2f} per verdubbeling)"
        )


if __name__ == "__main__":
    main()
