"""Benchmark: the disk space of a fresh install of wijkkaart from constraints.txt, and of what ``wijkkaart
check`` needs.

Makes a virtual environment in a temporary folder, installs wijkkaart (without the test tools) with the
exact versions of constraints.txt, and prints: the size of the environment, the largest installed
packages, and the packages whose modules ``wijkkaart check`` imports when it checks the example site, with
their size: what an install for checking alone would need. Prints figures; it asserts nothing.

    python3 scripts/bench_install.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGET_FULL_MB = 350
TARGET_CHECK_MB = 120
# Sites that, with the example, make the check use every validator (phone numbers, e-mail, errors of each kind).
CHECKED = [
    str(REPO / "tests" / "data" / "valid"),
    str(REPO / "tests" / "data" / "invalid" / "many-problems-many-files"),
]

# Run inside the fresh environment: each installed distribution's size (from its RECORD), and the
# distributions whose files ``wijkkaart check`` loads (Python modules and the libraries they link).
_PROBE = r"""
import contextlib, importlib.metadata as md, io, json, sys
from pathlib import Path
from wijkkaart.adapters.cli import main
from wijkkaart.records.settings import read_settings
from wijkkaart.records.validate import build_catalog
with contextlib.redirect_stderr(io.StringIO()), contextlib.redirect_stdout(io.StringIO()):
    code = main(["--root", sys.argv[1], "check"])
for site in sys.argv[2:]:  # in this process (check forks for large folders): every check, with and without errors
    build_catalog(read_settings(Path(site)), parallel=False)
loaded = {Path(m.__file__).resolve() for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
maps = [line.split()[-1] for line in Path("/proc/self/maps").read_text().splitlines() if ".so" in line]
loaded |= {Path(name).resolve() for name in maps}
sizes, used = {}, []
for dist in md.distributions():
    files = [Path(dist.locate_file(f)).resolve() for f in dist.files or []]
    sizes[dist.metadata["Name"]] = sum(f.stat().st_size for f in files if f.is_file())
    if any(f in loaded for f in files):
        used.append(dist.metadata["Name"])
print(json.dumps({"exit": code, "sizes": sizes, "used": sorted(used)}))
"""


def _megabytes(size: int) -> str:
    return f"{size / 1e6:.1f} MB"


def _folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="wijkkaart-install-") as name:
        venv = Path(name) / "venv"
        python = venv / "bin" / "python"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        env = {**os.environ, "PIP_CONSTRAINT": str(REPO / "constraints.txt"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
        pip = [str(python), "-m", "pip", "install", "--quiet", "--no-cache-dir"]
        subprocess.run([*pip, "pip"], check=True, env=env)
        before = _folder_size(venv)
        subprocess.run([*pip, str(REPO)], check=True, env=env)
        total = _folder_size(venv)
        probe = subprocess.run(
            [str(python), "-c", _PROBE, str(REPO), *CHECKED], check=True, capture_output=True, text=True, cwd=name
        )
    found = json.loads(probe.stdout)
    sizes: dict[str, int] = found["sizes"]
    used = [name for name in found["used"] if name not in ("pip", "setuptools")]
    needed = sum(sizes[name] for name in used)
    print(f"fresh install from constraints.txt: {_megabytes(total)} (target {TARGET_FULL_MB} MB)")
    print(
        f"  of which the empty environment with pip: {_megabytes(before)}; wijkkaart and its packages: "
        f"{_megabytes(total - before)}"
    )
    print("  largest packages: " + ", ".join(f"{n} {_megabytes(s)}" for n, s in _largest(sizes, 12)))
    print(
        f"wijkkaart check (exit {found['exit']}) loads {len(used)} packages: {_megabytes(needed)} "
        f"(target {TARGET_CHECK_MB} MB)"
    )
    print("  " + ", ".join(f"{n} {_megabytes(sizes[n])}" for n in sorted(used, key=lambda n: -sizes[n])))
    return 0


def _largest(sizes: dict[str, int], count: int) -> list[tuple[str, int]]:
    return sorted(sizes.items(), key=lambda item: -item[1])[:count]


if __name__ == "__main__":
    sys.exit(main())
