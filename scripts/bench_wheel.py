"""Build the wheel and print its size, and the size of the geodata in it (CBS PC4 register and polygons).

    .venv/bin/python scripts/bench_wheel.py

Uses ``pip wheel . --no-deps`` into a temporary folder; the figure goes into BENCHMARKS.md.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", str(REPO), "--no-deps", "-q", "-w", tmp],
            check=True,
        )
        wheel = next(Path(tmp).glob("wijkkaart-*.whl"))
        with zipfile.ZipFile(wheel) as archive:
            data = [i for i in archive.infolist() if i.filename.startswith("wijkkaart/geo/cbs/")]
            for info in sorted(data, key=lambda i: i.filename):
                print(f"{info.filename}: {info.file_size / 1e6:.2f} MB, {info.compress_size / 1e6:.2f} MB compressed")
            print(f"{wheel.name}: {wheel.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
