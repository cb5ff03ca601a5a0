"""A Content-Security-Policy for every page: scripts and styles only from the site itself, images from the
site and the tile server. Static hosts cannot send headers, so it goes in a ``<meta>`` tag, with the hashes
of the few inline scripts and styles the theme and folium write (never ``'unsafe-inline'``).
"""

from __future__ import annotations

import base64
import hashlib
import re
from urllib.parse import urlsplit

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)
_INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, tiles_url: str) -> str:
    scripts = " ".join(sorted({_hash(m) for m in _INLINE_SCRIPT.findall(html)}))
    styles = " ".join(sorted({_hash(m) for m in _INLINE_STYLE.findall(html)}))
    parts = urlsplit(tiles_url.replace("{s}", "a"))
    tiles = f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'wasm-unsafe-eval' {scripts}".strip(),
            f"style-src 'self' {styles}".strip(),
            f"img-src 'self' data: {tiles}".strip(),
            "font-src 'self'",
            "connect-src 'self'",
            "frame-src 'self'",
            "worker-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
        ]
    )


def with_csp(html: str, tiles_url: str) -> str:
    """``html`` with its policy as the first element of ``<head>`` (so it governs everything after it)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, tiles_url)}">'
    found = _HEAD.search(html)
    return html[: found.end()] + tag + html[found.end() :] if found else html


def allow_script(html: str, script: str) -> str:
    """``html`` whose policy also allows the one inline script ``script``: the live-reload script that
    ``mkdocs serve`` adds to each page as it sends it (never in a build)."""
    return html.replace("script-src 'self'", f"script-src 'self' {_hash(script)}", 1)
