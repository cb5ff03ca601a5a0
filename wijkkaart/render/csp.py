"""A Content-Security-Policy for every page: scripts and styles only from the site itself, images from the
site and the tile server. Static hosts cannot send headers, so it goes in a ``<meta>`` tag, with the hashes
of the few inline scripts and styles the theme and folium write (never ``'unsafe-inline'``).

Only the inline scripts and styles the theme's templates (and wijkkaart's own) are known to write are
allowed, never every one found in a page: a ``<script>`` or ``<style>`` written into a page's Markdown, or
into a setting the theme shows, does not apply. ``KnownInline`` learns them as the templates render them:
each inline script and style of a template is wrapped, as the template is loaded, in a filter that notes
its text.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Callable, Collection
from urllib.parse import urlsplit

import jinja2

_INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>(.*?)</script>", re.DOTALL | re.IGNORECASE
)
# In a template's source: the opening tag (not ``src=``, not JSON), the script or style, the closing tag.
_TEMPLATE_INLINE = re.compile(
    r"(<(script|style)\b(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>)(.*?)(</\2>)",
    re.DOTALL | re.IGNORECASE,
)
_FILTER = "wijkkaart_known_inline"
_INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def policy(html: str, tiles_url: str, known: Collection[str] | None = None) -> str:
    """The policy for ``html``: its inline scripts and styles are allowed if ``known`` holds them (all of them
    without ``known``: only for a document wijkkaart writes whole, such as the map document)."""
    scripts = " ".join(sorted({_hash(m) for m in _INLINE_SCRIPT.findall(html) if known is None or m in known}))
    styles = " ".join(sorted({_hash(m) for m in _INLINE_STYLE.findall(html) if known is None or m in known}))
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


def with_csp(html: str, tiles_url: str, known: Collection[str] | None = None) -> str:
    """``html`` with its policy as the first element of ``<head>`` (so it governs everything after it)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, tiles_url, known)}">'
    found = _HEAD.search(html)
    return html[: found.end()] + tag + html[found.end() :] if found else html


def allow_script(html: str, script: str) -> str:
    """``html`` whose policy also allows the one inline script ``script``: the live-reload script that
    ``mkdocs serve`` adds to each page as it sends it (never in a build)."""
    return html.replace("script-src 'self'", f"script-src 'self' {_hash(script)}", 1)


class KnownInline:
    """The inline scripts and styles the templates of a jinja environment wrote so far, as they wrote them."""

    def __init__(self) -> None:
        self.texts: set[str] = set()

    def add_from(self, html: str) -> None:
        """The inline scripts and styles of ``html``, which wijkkaart wrote (a page's end of ``<head>``)."""
        self.texts.update(_INLINE_SCRIPT.findall(html), _INLINE_STYLE.findall(html))

    def install(self, env: jinja2.Environment) -> None:
        """From now on ``env`` loads its templates with each inline script noted here when rendered."""
        env.filters[_FILTER] = self._note
        if env.loader is not None:
            env.loader = _NotingLoader(env.loader)
        if env.cache is not None:
            env.cache.clear()

    def _note(self, text: str) -> str:
        self.texts.add(text)
        return text


class _NotingLoader(jinja2.BaseLoader):
    """Another loader's templates, each inline script and style wrapped in the filter that notes it (as it
    was, where the wrapped template would not compile)."""

    def __init__(self, loader: jinja2.BaseLoader) -> None:
        self.loader = loader

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str | None, Callable[[], bool] | None]:
        source, filename, uptodate = self.loader.get_source(environment, template)
        noted = _TEMPLATE_INLINE.sub(r"\1{% filter " + _FILTER + r" %}\3{% endfilter %}\4", source)
        if noted != source:
            try:
                environment.parse(noted)
            except jinja2.TemplateSyntaxError:
                return source, filename, uptodate
        return noted, filename, uptodate

    def list_templates(self) -> list[str]:
        return self.loader.list_templates()
