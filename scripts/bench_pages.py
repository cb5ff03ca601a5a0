"""Benchmark: bytes a phone downloads (gzip) for the home page, a first search, an organisation page
(first visit, and the next page with what the browser already has), and wijk pages with their map; and
the GeoJSON size of every wijk boundary.

Builds the example site, opens pages in Debian's Chromium at 390×844, records every same-site request and
sums the gzipped size of each file. Wijk pages are scrolled so the lazy map loads; map tiles are excluded
(blocked). Prints figures; it asserts nothing.

    .venv/bin/python scripts/bench_pages.py                 # the example site
    .venv/bin/python scripts/bench_pages.py --site DIR      # a built site, e.g. 10,000 organisations
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from wijkkaart.geo.boundaries import build_geo  # noqa: E402
from wijkkaart.records.settings import read_settings  # noqa: E402
from wijkkaart.records.validate import build_catalog  # noqa: E402

TARGET_WIJK_KB = 250
TARGET_HOME_KB = 150
TARGET_QUERY_KB = 300
TARGET_ORG_KB = 100
TARGET_NEXT_KB = 15
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def build(out: Path) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=REPO, env=env, check=True)


def serve(root: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def gz_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6))


def weigh(seen: list[str], base: str, root: Path) -> tuple[int, int]:
    files = set()
    for url in seen:
        parts = urlsplit(url)
        if parts.netloc == urlsplit(base).netloc:
            local = root / parts.path.lstrip("/")
            files.add(local / "index.html" if local.is_dir() else local)
    return len(files), sum(gz_size(f) for f in files if f.is_file())


def page_weight(page, base: str, root: Path, path: str, scroll_map: bool = True) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(base + path, wait_until="networkidle")
    frame = page.locator("iframe.wk-map__frame")
    if scroll_map and frame.count():
        frame.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)
    return weigh(seen, base, root)


def first_query(page, base: str, root: Path, word: str) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.fill("#wk-q", word)
    page.locator("[data-wk-search-results] li").first.wait_for()
    page.wait_for_load_state("networkidle")
    return weigh(seen, base, root)


def weigh_new(seen: list[str], known: set[str], base: str, root: Path) -> tuple[int, int]:
    """Like ``weigh``, counting only files this browser has not loaded before (the host's caching)."""
    fresh = [url.split("#")[0] for url in seen if url.split("#")[0] not in known]
    return weigh(fresh, base, root)


def open_map(page) -> None:  # type: ignore[no-untyped-def]
    """Show the page's map (an organisation's is folded until asked for) and wait until it is drawn."""
    folded = page.locator("details.wk-map > summary")
    if folded.count():
        folded.click()
    frame = page.locator("iframe.wk-map__frame")
    if frame.count():
        frame.scroll_into_view_if_needed()
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(300)


def org_pages(page, base: str, root: Path, first: str, second: str) -> None:  # type: ignore[no-untyped-def]
    """An organisation page on a first visit (without and with its map), then the next one."""
    seen: list[str] = []
    page.on("request", lambda r: seen.append(r.url))
    page.goto(base + first, wait_until="networkidle")
    count, size = weigh(seen, base, root)
    print(f"  first visit {first}: {count} files {size / 1000:.1f} KB gz (target {TARGET_ORG_KB} KB)")
    open_map(page)
    count, size = weigh(seen, base, root)
    print(f"    after opening its map: {count} files {size / 1000:.1f} KB gz")
    known = {url.split("#")[0] for url in seen}
    seen.clear()
    page.goto(base + second, wait_until="networkidle")
    open_map(page)
    count, size = weigh_new(seen, known, base, root)
    print(f"  next page {second} (with map): {count} new files {size / 1000:.1f} KB gz (target {TARGET_NEXT_KB} KB)")


def measure(out: Path, wijken: list[str], orgs: list[str]) -> None:
    server, base = serve(out)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)

        def fresh_page():  # type: ignore[no-untyped-def]
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
            return context.new_page()

        page = fresh_page()
        count, size = page_weight(page, base, out, "/", scroll_map=False)
        print(f"\nHome page, first load:   {count:3d} files {size / 1000:7.1f} KB gz (target {TARGET_HOME_KB} KB)")
        count, size = first_query(page, base, out, "schulden")
        print(f"First search 'schulden': {count:3d} files {size / 1000:7.1f} KB gz (target {TARGET_QUERY_KB} KB)")
        page.context.close()
        print("\nOrganisation pages, gzip, tiles excluded:")
        page = fresh_page()
        org_pages(page, base, out, f"/organisaties/{orgs[0]}/", f"/organisaties/{orgs[1]}/")
        page.context.close()
        print(f"\nFirst visit of a wijk page with its map, gzip, tiles excluded (target {TARGET_WIJK_KB} KB):")
        for slug in wijken:
            page = fresh_page()
            count, size = page_weight(page, base, out, f"/wijken/{slug}/")
            print(f"  /wijken/{slug + '/':24} {count:3d} files {size / 1000:7.1f} KB")
            page.context.close()
        browser.close()
    server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--site", type=Path, help="a built site to weigh (e.g. the national benchmark's output)")
    args = parser.parse_args()
    if args.site:
        wijken = sorted(p.name for p in (args.site / "wijken").iterdir() if (p / "index.html").is_file())
        orgs = sorted(p.name for p in (args.site / "organisaties").iterdir() if (p / "index.html").is_file())
        measure(args.site, wijken[:3], orgs[:2])
        return
    settings = dataclasses.replace(read_settings(REPO))
    catalog, _ = build_catalog(settings)
    assert catalog is not None
    geo = build_geo(catalog, settings, catalog.register)
    print(f"GeoJSON per wijk (tolerance {geo.tolerance_m:g} m, limit 20 KB):")
    for slug, shape in sorted(geo.wijken.items()):
        print(f"  {slug:24} {shape.geojson_bytes / 1000:6.1f} KB raw")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "site"
        build(out)
        measure(out, sorted(catalog.wijken), ["schuldhulpmaatje-den-haag", "wijkz"])


if __name__ == "__main__":
    main()
