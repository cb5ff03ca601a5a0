"""Benchmark: the kitchen table on slow data. A phone (390×844, Debian's Chromium) on a throttled connection
(Chromium's own network emulation over CDP: 400 kbit/s each way, 400 ms round trip; the page and its
service worker alike), cold cache.

Measures, on the example site served with gzip and the caching headers of a static host (ETag,
``Cache-Control: max-age=600``):

- the bytes of a first visit to the home, a wijk and an organisation page, with the service worker and
  without it (counted by the server: what really went over the wire, the worker's own requests included);
- what a next page fetches with the service worker on (the files besides its HTML: none should be new);
- the time from opening the home page to the postcode answer on screen, typing at once (the postcode is
  typed as soon as the box is there, and sent as soon as the page's scripts have started);
- the time from opening the home page to a first word-search result.

Prints figures; it asserts nothing.

    .venv/bin/python scripts/bench_slow.py            # builds the example site
    .venv/bin/python scripts/bench_slow.py --site DIR # a built site (its home page has the postcode finder)
    .venv/bin/python scripts/bench_slow.py --runs 5
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import http.server
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from playwright.sync_api import Browser, Page, sync_playwright

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--host-resolver-rules=MAP *.openstreetmap.org ~NOTFOUND",
]
KBIT = 400
RTT_MS = 400
TARGET_POSTCODE_S = 2.5
TARGET_SW_RATIO = 1.05
POSTCODE, ANSWER = "2533 AB", "Maatje aanvragen – wijkteam Moerwijk"
WORD = "schulden"
PAGES = {"home": "/", "wijk": "/wijken/moerwijk/", "organisatie": "/organisaties/schuldhulpmaatje-den-haag/"}
TEXT = (".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".xml", ".txt", ".ics", ".geojson", "/")


class Wire:
    """What the server sent: (path, bytes) per response, the headers included."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sent: list[tuple[str, int]] = []

    def add(self, path: str, size: int) -> None:
        with self.lock:
            self.sent.append((path, size))

    def take(self) -> list[tuple[str, int]]:
        with self.lock:
            sent, self.sent = self.sent, []
        return sent


def handler(root: Path, wire: Wire) -> type[http.server.BaseHTTPRequestHandler]:
    class Host(http.server.SimpleHTTPRequestHandler):
        """A static host: gzip for text, ETag and a ten-minute cache lifetime (as GitHub Pages sends)."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, directory=str(root), **kwargs)

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                if not self.path.split("?")[0].endswith("/"):
                    return super().do_GET()
                path = os.path.join(path, "index.html")
            if not os.path.isfile(path):
                self._send(404, b"niet gevonden", "text/plain", None)
                return
            body = Path(path).read_bytes()
            tag = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
            if self.headers.get("If-None-Match") == tag:
                self._send(304, b"", None, tag)
                return
            self._send(200, body, self.guess_type(path), tag)

        def _send(self, status: int, body: bytes, kind: str | None, tag: str | None) -> None:
            zipped = (kind is not None and self.path.split("?")[0].endswith(TEXT)) or (kind or "").startswith("text/")
            if body and zipped and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, compresslevel=6)
                encoding = "gzip"
            else:
                encoding = None
            self.send_response(status)
            if kind:
                self.send_header("Content-Type", kind)
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if tag:
                self.send_header("ETag", tag)
            self.send_header("Cache-Control", "max-age=600")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            wire.add(self.path.split("?")[0], len(body) + 200)  # about 200 bytes of headers

    return Host


@contextmanager
def serve(root: Path) -> Iterator[tuple[str, Wire]]:
    wire = Wire()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler(root, wire))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", wire
    finally:
        server.shutdown()


@contextmanager
def phone(browser: Browser, worker: bool) -> Iterator[Page]:
    """A fresh phone (cold cache), its connection throttled."""
    context = browser.new_context(
        viewport={"width": 390, "height": 844},
        is_mobile=True,
        has_touch=True,
        locale="nl-NL",
        service_workers="allow" if worker else "block",
        bypass_csp=True,  # for the measuring scripts only (they are evaluated strings)
    )
    # No request routing here: Playwright's routing turns the browser's HTTP cache off. Map tiles fail by
    # name (ARGS), as on a machine without internet.
    context.add_init_script(LISTENING)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", conditions())
    try:
        yield page
    finally:
        context.close()


def conditions() -> dict[str, Any]:
    rate = KBIT * 1000 / 8
    return {"offline": False, "latency": RTT_MS, "downloadThroughput": rate, "uploadThroughput": rate}


def throttle_workers(browser: Browser) -> None:
    """Chromium's emulation is per target: a page's does not slow its service worker's own requests. Each
    worker is throttled alike as it starts (the browser's CDP session, attached to it as it appears)."""
    import json

    cdp = browser.new_browser_cdp_session()

    def tell(session: str, method: str, params: dict[str, Any]) -> None:
        message = json.dumps({"id": 1, "method": method, "params": params})
        cdp.send("Target.sendMessageToTarget", {"sessionId": session, "message": message})

    def created(event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] == "service_worker":
            cdp.send("Target.attachToTarget", {"targetId": event["targetInfo"]["targetId"], "flatten": False})

    def attached(event: dict[str, Any]) -> None:
        if event["targetInfo"]["type"] == "service_worker":
            tell(event["sessionId"], "Network.enable", {})
            tell(event["sessionId"], "Network.emulateNetworkConditions", conditions())

    cdp.on("Target.targetCreated", created)
    cdp.on("Target.attachedToTarget", attached)
    cdp.send("Target.setDiscoverTargets", {"discover": True})


def settle(page: Page) -> None:
    """Wait until the page and its service worker (which keeps what the page loaded) have gone quiet."""
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(2500)
    page.wait_for_load_state("networkidle")


def first_visit(browser: Browser, base: str, wire: Wire, path: str, worker: bool) -> int:
    with phone(browser, worker) as page:
        wire.take()
        page.goto(base + path, wait_until="load")
        if worker:
            page.evaluate("navigator.serviceWorker.ready")
        settle(page)
        return sum(size for _, size in wire.take())


def next_page(browser: Browser, base: str, wire: Wire) -> list[tuple[str, int]]:
    """With the worker: the home page, then an organisation page; what the second fetched besides its HTML."""
    with phone(browser, True) as page:
        page.goto(base + "/", wait_until="load")
        page.evaluate("navigator.serviceWorker.ready")
        settle(page)
        wire.take()
        page.goto(base + PAGES["organisatie"], wait_until="load")
        settle(page)
        return [(p, s) for p, s in wire.take() if not p.endswith("/")]


# The moment the page's scripts listen to the postcode form (or the word box): a person's Enter from then on
# is answered by the script (before it, the form would be sent to the host as an ordinary form).
LISTENING = """
const listen = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, ...rest) {
  if (this instanceof HTMLElement && ((type === "submit" && this.matches("form[data-wk-postcode]"))
      || (type === "input" && this.id === "wk-q"))) window.__wkListening = (window.__wkListening || 0) + 1;
  return listen.call(this, type, ...rest);
};
"""
SCRIPTS_READY = "window.__wkListening >= 2"
# The moment of the next frame: an answer in the page is on screen only once the browser draws again (it does
# not while a stylesheet it waits for is still loading).
ON_SCREEN = "new Promise((done) => requestAnimationFrame(() => done(performance.now())))"


def postcode_answer(browser: Browser, base: str, worker: bool) -> float:
    with phone(browser, worker) as page:
        page.goto(base + "/", wait_until="commit")
        page.locator("#wk-postcode").fill(POSTCODE)  # as soon as the box is there
        page.wait_for_function(SCRIPTS_READY, polling=50)
        page.locator("#wk-postcode").press("Enter")
        page.locator("[data-wk-results]").get_by_role("heading", name=ANSWER).wait_for()
        return float(page.evaluate(ON_SCREEN)) / 1000


def first_result(browser: Browser, base: str, worker: bool) -> float:
    with phone(browser, worker) as page:
        page.goto(base + "/", wait_until="commit")
        page.locator("#wk-q").wait_for(state="attached")
        page.wait_for_function(SCRIPTS_READY, polling=50)
        page.locator("#wk-q").fill(WORD)
        page.locator("[data-wk-search-results] li").first.wait_for()
        return float(page.evaluate(ON_SCREEN)) / 1000


def blocking(browser: Browser, base: str) -> None:
    """What the browser waits for before the postcode can be answered: each file's start and end."""
    with phone(browser, False) as page:
        page.goto(base + "/", wait_until="commit")
        page.locator("#wk-postcode").fill(POSTCODE)
        page.wait_for_function(SCRIPTS_READY, polling=50)
        listening = float(page.evaluate("performance.now()"))
        page.locator("#wk-postcode").press("Enter")
        page.locator("[data-wk-results]").get_by_role("heading", name=ANSWER).wait_for()
        done = float(page.evaluate(ON_SCREEN))
        entries = page.evaluate(
            """() => [performance.getEntriesByType("navigation")[0], ...performance.getEntriesByType("resource")]
                .map(e => [e.name.replace(location.origin, ""), e.startTime, e.responseEnd, e.initiatorType,
                           e.renderBlockingStatus || ""])"""
        )
    print("\nWhat the postcode answer waited for, without the worker (ms from opening):")
    for name, start, end, kind, blocks in sorted(entries, key=lambda e: e[1]):
        if "openstreetmap" in name:
            continue
        flag = " render-blocking" if blocks == "blocking" else ""
        print(f"  {start:6.0f} → {end:6.0f}  {kind:10} {name}{flag}")
    print(f"  scripts listening at {listening:.0f} ms, answer on screen at {done:.0f} ms")


def median(values: list[float]) -> str:
    return f"{statistics.median(values):.2f} s (runs: {', '.join(f'{v:.2f}' for v in values)})"


def measure(root: Path, runs: int) -> None:
    with serve(root) as (base, wire), sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        throttle_workers(browser)
        print(f"Throttled: {KBIT} kbit/s each way, {RTT_MS} ms round trip; cold cache; gzip; 390×844.")
        print("\nFirst visit, bytes over the wire (headers included):")
        for name, path in PAGES.items():
            without = first_visit(browser, base, wire, path, worker=False)
            with_sw = first_visit(browser, base, wire, path, worker=True)
            ratio = with_sw / without
            print(
                f"  {name:12} {path:42} without worker {without / 1000:6.1f} KB, with {with_sw / 1000:6.1f} KB"
                f" = {ratio:.3f}× (target ≤ {TARGET_SW_RATIO}×)"
            )
        fetched = next_page(browser, base, wire)
        listed = ", ".join(f"{p} ({s / 1000:.1f} KB)" for p, s in fetched) or "none"
        print(f"\nNext page with the worker ({PAGES['organisatie']} after /): files besides its HTML: {listed}")
        print(f"\nPostcode {POSTCODE} answered, typing at once (target ≤ {TARGET_POSTCODE_S} s):")
        for worker in (True, False):
            times = [postcode_answer(browser, base, worker) for _ in range(runs)]
            print(f"  {'with' if worker else 'without'} the worker: {median(times)}")
        print(f"First search result for '{WORD}':")
        for worker in (True, False):
            times = [first_result(browser, base, worker) for _ in range(runs)]
            print(f"  {'with' if worker else 'without'} the worker: {median(times)}")
        blocking(browser, base)
        browser.close()


def build(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=REPO, env=env, check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, help="a built site (default: build the example)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each kind (the median is shown)")
    args = parser.parse_args()
    if args.site:
        measure(args.site, args.runs)
        return
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        build(Path(tmp) / "site")
        print(f"(example built in {time.perf_counter() - started:.1f} s)")
        measure(Path(tmp) / "site", args.runs)


if __name__ == "__main__":
    main()
