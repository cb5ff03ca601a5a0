"""Lighthouse (mobile) on the example's home, a wijk and an organisation page, served with gzip.

    .venv/bin/python scripts/lighthouse.py [--tile-stand-in] [--runs N] [--site DIR] [--keep DIR]

Installs npm's `lighthouse` into --lighthouse-dir when it is missing (never into the repository), runs it
with CHROME_PATH=/usr/bin/chromium, and prints the four category scores and every failing audit.
Prints figures; asserts nothing.

This machine has no internet, so map tiles fail to load and Chromium logs each failure as a console error
(Lighthouse's best-practices audit `errors-in-console`). With --tile-stand-in the tile server's host name
resolves, inside the browser Lighthouse drives, to a local HTTPS server (self-signed, made with openssl)
that answers every tile with a blank PNG: the site is unchanged and makes the very requests it makes on a
connected host; only the tiles' pictures (and bytes) differ.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import http.server
import json
import os
import re
import ssl
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[1]
PAGES = ["/", "/wijken/schilderswijk/", "/organisaties/schuldhulpmaatje-den-haag/"]
FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update"
METRICS = ("first-contentful-paint", "largest-contentful-paint", "total-blocking-time", "cumulative-layout-shift")
OPENSSL = ("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=tiles")
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
COMPRESS = (".html", ".css", ".js", ".json", ".svg", ".webmanifest", ".pf_meta", ".pf_index", ".pf_fragment")


def gzip_handler(root: Path) -> type[http.server.SimpleHTTPRequestHandler]:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(root), **kwargs)  # type: ignore[arg-type]

        def log_message(self, format: str, *args: object) -> None:
            pass

        def send_head(self):  # type: ignore[no-untyped-def]
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            if "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESS and path.is_file():
                body = gzip.compress(path.read_bytes())
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "max-age=3600")
                self.end_headers()
                return _Bytes(body)
            return super().send_head()

    return Handler


class _Bytes:
    def __init__(self, data: bytes) -> None:
        self.data = data

    def read(self, *_: object) -> bytes:
        data, self.data = self.data, b""
        return data

    def close(self) -> None:
        pass


class _Quiet(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser drops tile connections it no longer needs


class _Tile(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "image/png")
        self.send_header("Content-Length", str(len(BLANK_PNG)))
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()
        self.wfile.write(BLANK_PNG)

    def log_message(self, format: str, *args: object) -> None:
        pass


def tile_stand_in(folder: Path, site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A local HTTPS server answering every tile, and the Chromium flag that sends the tile host of ``site``
    to it."""
    key, cert = folder / "tile.key", folder / "tile.crt"
    subprocess.run(
        [*OPENSSL, "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    server = _Quiet(("127.0.0.1", 0), _Tile)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    host = _tile_host(site)
    rule = f"MAP {host} 127.0.0.1:{server.server_address[1]}"
    return server, f"--host-resolver-rules={rule!r} --ignore-certificate-errors"


def _tile_host(site: Path) -> str:
    """The tile server that ``site`` was built for: the one its pages' security policy lets images come from."""
    policy = re.search(r"img-src 'self' data: (\S+?);", (site / "index.html").read_text(encoding="utf-8"))
    if policy is None:
        raise SystemExit(f"{site / 'index.html'} names no tile server in its security policy")
    return str(urlsplit(policy[1]).hostname)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lighthouse-dir", type=Path, default=Path(tempfile.gettempdir()) / "wijkkaart-lighthouse")
    parser.add_argument("--site", type=Path, help="a site built already (default: build the example)")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="site paths to measure (default: %(default)s)")
    parser.add_argument("--tile-stand-in", action="store_true", help="answer map tiles locally (see above)")
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page (scores vary with load)")
    parser.add_argument("--keep", type=Path, help="keep each page's Lighthouse report (JSON) in this folder")
    args = parser.parse_args()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
    binary = args.lighthouse_dir / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        args.lighthouse_dir.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--silent", "--no-audit", "--no-fund", "lighthouse@12"],
            cwd=args.lighthouse_dir,
            check=True,
        )
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)],
                cwd=REPO,
                env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                check=True,
            )
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), gzip_handler(site))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}"
        flags, tiles = FLAGS, None
        if args.tile_stand_in:
            tiles, extra = tile_stand_in(Path(tmp), site)
            flags += " " + extra
        for page in args.pages:
            for run in range(1, args.runs + 1):
                name = (page.strip("/").replace("/", "_") or "home") + (f"-{run}" if args.runs > 1 else "")
                report = (args.keep or Path(tmp)) / f"{name}.json"
                _lighthouse(binary, base + page, report, flags)
                _print(page, report, audits=run == args.runs)
        server.shutdown()
        if tiles is not None:
            tiles.shutdown()


def _lighthouse(binary: Path, url: str, report: Path, flags: str) -> None:
    subprocess.run(
        [
            str(binary),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={report}",
            f"--chrome-flags={flags}",
            "--form-factor=mobile",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        check=False,
    )


def _print(page: str, report: Path, audits: bool) -> None:
    """The four scores and the performance metrics; with ``audits``, every audit that is not passed."""
    if not report.exists():
        print(f"{page}: Lighthouse gaf geen rapport")
        return
    data = json.loads(report.read_text())
    scores = {k: round(v["score"] * 100) for k, v in data["categories"].items() if v["score"] is not None}
    found = data["audits"]
    metrics = {key: found[key].get("numericValue") or 0 for key in METRICS}
    print(
        f"{page}: "
        + " / ".join(f"{k} {v}" for k, v in scores.items())
        + f" (FCP {metrics['first-contentful-paint']:.0f} ms, LCP {metrics['largest-contentful-paint']:.0f} ms,"
        + f" TBT {metrics['total-blocking-time']:.0f} ms, CLS {metrics['cumulative-layout-shift']:.3f})"
    )
    if not audits:
        return
    for audit in found.values():
        if (
            audit.get("score") is not None
            and audit["score"] < 1
            and audit.get("scoreDisplayMode") in ("binary", "numeric", "metricSavings")
        ):
            print(f"    - {audit['id']}: {audit['title']} ({audit.get('displayValue', audit['score'])})")


if __name__ == "__main__":
    main()
