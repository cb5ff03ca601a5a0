"""``mkdocs serve``: a data error while serving shows the Dutch problems and keeps the last good site."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkkaart.csp import policy

from .helpers import example_copy

TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
POLICY = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')
LIVE_RELOAD = re.compile(r"<script>(\s*var livereload = .*?)</script>(?=</body>)", re.DOTALL)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Log:
    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.lines: list[str] = []
        threading.Thread(target=self._read, args=(stream,), daemon=True).start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for line in stream:
            self.lines.append(line)

    def wait_for(self, text: str, after: int = 0, timeout: float = 60) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for i, line in enumerate(self.lines[after:], start=after):
                if text in line:
                    return i + 1
            time.sleep(0.1)
        raise AssertionError(f"not seen: {text!r}\n{''.join(self.lines)}")


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


@contextlib.contextmanager
def serving(root: Path, builder: str = "mkdocs") -> Iterator[tuple[str, _Log]]:
    """``<builder> serve`` of the site in ``root``: its address once it serves, and its log."""
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", builder, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        log = _Log(server.stdout)
        log.wait_for("Serving on")
        yield f"http://127.0.0.1:{port}", log
        assert server.poll() is None
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("builder", ["mkdocs", "properdocs"])
def test_serve_allows_exactly_its_live_reload_script(tmp_path: Path, builder: str) -> None:
    """The served page's policy is the page's own plus the hash of the one script the server adds."""
    with serving(example_copy(tmp_path), builder) as (url, _):
        html = _get(url + "/wijken/moerwijk/")
    script = LIVE_RELOAD.search(html)
    served = POLICY.search(html)
    assert script is not None and served is not None, html[-2000:]
    built = policy(POLICY.sub("", html.replace(f"<script>{script[1]}</script>", "")), TILES)  # as in a build
    digest = "'sha256-" + base64.b64encode(hashlib.sha256(script[1].encode()).digest()).decode() + "'"
    assert digest not in built
    assert served[1] == built.replace("script-src 'self'", f"script-src 'self' {digest}", 1)


def test_serve_keeps_the_last_good_site_on_bad_data(tmp_path: Path) -> None:
    root = example_copy(tmp_path)
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
        cwd=root,
        env=env,
        stderr=subprocess.STDOUT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        log = _Log(server.stdout)
        seen = log.wait_for("Serving on")
        url = f"http://127.0.0.1:{port}/wijken/moerwijk/"
        assert "Maatje aanvragen – wijkteam Moerwijk" in _get(url)

        wijk = root / "wijken" / "moerwijk.yaml"
        good = wijk.read_text(encoding="utf-8")
        wijk.write_text(good.replace("pc4: [2531, 2532, 2533]", "pc4: [2531, 2532, 253]"), encoding="utf-8")
        seen = log.wait_for("de site toont de laatste goede versie", seen)
        seen = log.wait_for("wijken/moerwijk.yaml:5 pc4[2]: '253' is geen postcodegebied (PC4).", seen)
        seen = log.wait_for("Documentation built", seen)
        assert server.poll() is None
        page = _get(url)
        assert "Maatje aanvragen – wijkteam Moerwijk" in page
        assert "De gegevens bevatten 1 fout." in page
        assert "&#39;253&#39; is geen postcodegebied (PC4)." in page
        assert not any("Traceback" in line for line in log.lines)

        wijk.write_text(
            good.replace("Wijk in Den Haag Zuidwest.", "Wijk in Den Haag Zuidwest, weer goed."), encoding="utf-8"
        )
        log.wait_for("Documentation built", seen)
        deadline = time.monotonic() + 20
        while "weer goed" not in _get(url) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "weer goed" in _get(url)
        assert "De gegevens bevatten" not in _get(url)
    finally:
        server.terminate()
        server.wait(timeout=10)
