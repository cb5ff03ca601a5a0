"""Shared test helpers: where things are, and a site copy with a fixed 'today'."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

from wijkkaart.records.settings import Settings, read_settings

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
ACCEPTED = DATA / "accepted"  # mistakes of YAML rather than of the editor: read as the editor meant
GEO = REPO.parent / "shared" / "geo"
TODAY = date(2026, 11, 24)


def site_copy(tmp: Path, overlay: Path | None = None) -> Path:
    """A copy of the valid test site, with the files of ``overlay`` laid over it."""
    root = tmp / "site"
    shutil.copytree(VALID, root)
    if overlay is not None:
        for path in overlay.rglob("*"):
            if path.is_file() and path.name != "expected.txt":
                target = root / path.relative_to(overlay)
                target.parent.mkdir(parents=True, exist_ok=True)
                if path.suffix == ".generate":  # too big to commit: "<size in bytes>" of YAML comments
                    _generate(target.with_suffix(""), int(path.read_text(encoding="utf-8")))
                else:
                    shutil.copyfile(path, target)
    return root


def cli_site_copy(tmp: Path, overlay: Path | None = None) -> Path:
    """Like ``site_copy`` (the geodata comes from the package, as on a real site)."""
    return site_copy(tmp, overlay)


def _generate(target: Path, size: int) -> None:
    line = b"# " + b"x" * 97 + b"\n"
    with target.open("wb") as handle:
        for _ in range(size // len(line)):
            handle.write(line)


def settings_for(root: Path, today: date = TODAY) -> Settings:
    """The site's own settings with a fixed 'today'; the geodata comes from the package."""
    return read_settings(root, today=today)


def example_copy(tmp: Path, site_url: str | None = None) -> Path:
    """A copy of the example site (without .venv, site, tests); nothing beside it, as on a real site."""
    root = tmp / "example"
    shutil.copytree(REPO, root, ignore=shutil.ignore_patterns(".venv", "site", ".git", "tests", "*.egg-info", ".cache"))
    config = root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if site_url:
        text = text.replace("site_url: http://127.0.0.1:8000/", f"site_url: {site_url}")
    config.write_text(text, encoding="utf-8")
    return root


EXAMPLES = REPO / "examples"


def example_site(tmp: Path, name: str) -> Path:
    """A copy of ``examples/<name>`` in ``tmp``, standalone as a site owner would have it: nothing beside it,
    the geodata from the package."""
    root = tmp / name
    shutil.copytree(EXAMPLES / name, root, ignore=shutil.ignore_patterns("site", ".cache"))
    return root


def build_strict(root: Path, out: Path) -> str:
    """``mkdocs build --strict`` of the site in ``root`` into ``out``, in a fresh process; its log, which
    holds no warning."""
    completed = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
        cwd=root,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr, completed.stderr
    return completed.stderr


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def build_example(out: Path, before: str = "", builder: str = "mkdocs") -> str:
    """A strict build of the example site into ``out`` by ``builder`` (``mkdocs`` or ``properdocs``), in a
    fresh process that first runs the Python in ``before``; its log, which holds no warning."""
    start = f"{before}from {builder}.__main__ import cli; cli()"
    completed = subprocess.run(
        [sys.executable, "-c", start, "build", "--strict", "-f", "mkdocs.yml", "-d", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "WARNING" not in completed.stderr, completed.stderr
    return completed.stderr


def serve_dir(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve a folder on 127.0.0.1 (a free port) in a background thread."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def serve_counting(root: Path) -> tuple[http.server.ThreadingHTTPServer, str, list[str]]:
    """Like ``serve_dir``, also listing the path of every request that reached the server (not the browser's
    cache)."""
    asked: list[str] = []

    class Counting(_QuietHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Counting, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}", asked


REPORT: list[str] = []


def report(line: str) -> None:
    """A figure for the end of the test run (bad inputs, fuzz cases, pages audited, …)."""
    REPORT.append(line)
