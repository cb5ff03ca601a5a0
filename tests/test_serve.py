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

from wijkkaart.render.csp import policy

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
def serving(root: Path, builder: str = "mkdocs", before: str = "") -> Iterator[tuple[str, _Log]]:
    """``<builder> serve`` of the site in ``root`` (in a process that first runs the Python in ``before``):
    its address once it serves, and its log."""
    port = _free_port()
    start = f"{before}\nfrom {builder}.__main__ import cli\ncli()"
    server = subprocess.Popen(
        [sys.executable, "-c", start, "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"],
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


# A step that fails for data that checks out: here, when an organisation's description says KAPOT.
LATE_FAULTS = {
    "agenda (iCal)": "import wijkkaart.exports.ical as m\nmade = m.ical_files\n",
    "zoekindex (Pagefind)": "import wijkkaart.render.search as m\nmade = m.build_search_index\n",
}
FAILING = (
    "def failing(*args):\n"
    "    if 'KAPOT' in repr(args):  # the data it is given, not the file: the last good site's goes through\n"
    "        raise OSError(28, 'No space left on device')\n"
    "    return made(*args)\n"
)


@pytest.mark.parametrize("step", LATE_FAULTS)
def test_serve_keeps_the_last_good_site_when_a_step_fails_late(tmp_path: Path, step: str) -> None:
    """Data that checks out but makes a later step fail: the last good site is served, with the banner, and
    no request waits for a build that will not come."""
    name = "ical_files" if "iCal" in step else "build_search_index"
    root = example_copy(tmp_path)
    with serving(root, before=f"{LATE_FAULTS[step]}{FAILING}m.{name} = failing") as (url, log):
        page = url + "/organisaties/wijkz/"
        assert "met buurthuizen" in _get(page)
        org = root / "orgs" / "wijkz.yaml"
        good = org.read_text(encoding="utf-8")
        org.write_text(good.replace("met buurthuizen", "met KAPOT"), encoding="utf-8")
        failed = f"de stap '{step}' is mislukt (OSError: [Errno 28] No space left on device)"
        seen = log.wait_for(f"wijkkaart: {failed}; de site toont de laatste goede versie.")
        seen = log.wait_for("Documentation built", seen)
        html = _get(page)  # within _get's timeout: never waiting for a build that does not come
        assert "met buurthuizen" in html and "KAPOT" not in html
        assert "Het bouwen van de site is mislukt." in html
        shown = f"De stap &#39;{step}&#39; is mislukt (OSError: [Errno 28] No space left on device)."
        assert f"<li>{shown} Meld dit aan wie de site beheert." in html
        with urllib.request.urlopen(url + "/pagefind/pagefind-entry.json", timeout=10) as response:
            assert response.status == 200  # the last good site's search index
        assert not any("Traceback" in line or "appear stuck" in line for line in log.lines)

        org.write_text(good.replace("met buurthuizen", "met wijkhuizen"), encoding="utf-8")
        log.wait_for("Documentation built", seen)
        deadline = time.monotonic() + 20
        while "met wijkhuizen" not in _get(page) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "met wijkhuizen" in _get(page) and "Het bouwen van de site is mislukt." not in _get(page)


def test_serve_keeps_the_last_site_when_mkdocs_fails_to_write_it(tmp_path: Path) -> None:
    """A failure wijkkaart cannot show in a banner (here a full disk while mkdocs writes a page): the server
    sends the last site, whole, instead of holding every request until a rebuild succeeds."""
    before = (
        "import mkdocs.utils as m\nwrite = m.write_file\n"
        "def failing(content, path):\n    if b'KAPOT' in content:\n"
        "        raise OSError(28, 'No space left on device')\n    write(content, path)\n"
        "m.write_file = failing"
    )
    root = example_copy(tmp_path)
    with serving(root, before=before) as (url, log):
        page = url + "/organisaties/wijkz/"
        assert "met buurthuizen" in _get(page)
        org = root / "orgs" / "wijkz.yaml"
        good = org.read_text(encoding="utf-8")
        org.write_text(good.replace("met buurthuizen", "met KAPOT"), encoding="utf-8")
        seen = log.wait_for(
            "wijkkaart: de stap 'site schrijven (mkdocs), bij organisaties/wijkz.md' is mislukt "
            "(OSError: [Errno 28] No space left on device); de vorige site is niet veranderd."
        )
        seen = log.wait_for("wijkkaart: de site is niet opnieuw gebouwd; de server toont de vorige versie.", seen)
        for path in ("/organisaties/wijkz/", "/", "/wijken/moerwijk/", "/pagefind/pagefind-entry.json"):
            assert _get(url + path)  # whole, and at once: _get gives up after 10 seconds
        assert "met buurthuizen" in _get(page)
        assert not any("Traceback" in line or "appear stuck" in line for line in log.lines)

        org.write_text(good.replace("met buurthuizen", "met wijkhuizen"), encoding="utf-8")
        log.wait_for("Documentation built", seen)
        deadline = time.monotonic() + 20
        while "met wijkhuizen" not in _get(page) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "met wijkhuizen" in _get(page)
