"""The theme around a generated page, rendered once for each kind of page (used by the mkdocs adapter).

The theme's templates cost about 1 ms a page, the largest part of a large site's build. The 10,000
pages of the organisations get the same header, navigation and footer and differ only in their title,
description, canonical address and body. A frame is the theme's output for a page rendered with stand-ins
for those values; each page of the kind gets the frame with its own values put in their place. Pages are
of one kind when they lie in the same folder (so their relative links to the rest of the site are the
same), outside the navigation, without a table of contents, and agree in everything else the theme is
given (other metadata, the context of other plugins).

A frame is used only once it has proved itself. Two pages of the kind must give the same frame, and the
first page's frame, filled in, must give exactly what the theme rendered for that page. Otherwise the
pages of that kind are rendered by the theme one by one, as mkdocs would.

A frame is right for every page of its kind only if the theme writes the values it leaves open as they are.
A theme that looks at a value (its length, a word in it, a comparison) or changes it on its way in (a filter
such as ``striptags``, ``truncate`` or ``upper``) would give another page something else. Both are caught
before a frame is used: the stand-ins note every use other than being written out or tested for being empty
(and the body's test for its own ``<h1``, part of its kind); and the theme renders the first page once more
with stand-ins that such filters change (markup, entities, quotes, capitals, a long run of words), which must
give the frame with only the stand-ins different.

Frames are used only with the theme and versions they are tested with (``TESTED_THEMES``: the real
templates of each version, in ``tests/test_frames.py``); with any other, the adapter lets the theme render
every page and logs so.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import posixpath
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, Protocol

import jinja2
from markupsafe import Markup

TEMPLATE = "wijkkaart-frame.html"
THEME_TEMPLATE = "main.html"
# Letters and digits only, so that no filter in a theme changes them; the body's stand-in keeps the one
# thing material's templates look for in a body (its own <h1>, or one made from the title).
_STAND_INS = {
    "title": "wkframe1titleq",
    "meta_title": "wkframe2metatitleq",
    "description": "wkframe3descriptionq",
    "canonical_url": "wkframe4canonicalq",
    "content": "wkframe5contentq",
}
_BODY_WITH_H1 = "<h1>wkframe6contentq</h1>"
_NAMES = {text: name for name, text in _STAND_INS.items()} | {_BODY_WITH_H1: "content"}
_OPEN_VALUE = re.compile("(" + "|".join(re.escape(text) for text in sorted(_NAMES, key=len, reverse=True)) + ")")
# What each stand-in gets for the second test: text that a filter which changes values would change.
_PROBE_TAIL = " <b class=\"x\">&amp; &#233;É 'q' </b>\n " + " Woord" * 60
_PROBES = {text: text + _PROBE_TAIL for text in _NAMES}
_H1 = ("__contains__", "<h1")  # the one look at a value a kind allows: material's test for the body's own <h1
# The themes whose real templates tests/test_frames.py renders: the package and the versions the tests were
# run with (scripts/test_frames_versions.sh); pyproject.toml pins mkdocs-material to their minor versions.
TESTED_THEMES = {"material": ("mkdocs-material", ("9.6.23", "9.7.7", "9.8.0", "9.8.1", "9.8.2"))}
_BUILD_WIDE = {"page", "build_date_utc"}  # the moment of the build: the same for all pages of a kind
_META_OPEN = {"title", "description", "template"}  # filled in, or (the template) this module's own


class Page(Protocol):
    """What a frame needs of a site builder's page (mkdocs' ``Page`` has it)."""

    @property
    def title(self) -> str | None: ...

    @property
    def meta(self) -> dict[str, Any]: ...

    @property
    def content(self) -> str | None: ...

    @property
    def toc(self) -> Any: ...

    @property
    def url(self) -> str: ...

    @property
    def canonical_url(self) -> str | None: ...

    @property
    def is_homepage(self) -> bool: ...

    @property
    def edit_url(self) -> str | None: ...


def _values(page: Page) -> dict[str, Any]:
    """The values a frame leaves open, by name."""
    return {
        "title": page.title,
        "meta_title": page.meta.get("title"),
        "description": page.meta.get("description"),
        "canonical_url": page.canonical_url,
        "content": page.content,
    }


def untested(theme: str | None) -> str | None:
    """The theme as installed, when frames are not tested with it (``None`` when they are)."""
    if theme not in TESTED_THEMES:
        return f"het thema {theme}"
    package, versions = TESTED_THEMES[theme]
    try:
        version = importlib.metadata.version(package)
    except importlib.metadata.PackageNotFoundError:
        version = "(niet gevonden)"
    return None if version in versions else f"{package} {version} (getest: {', '.join(versions)})"


class _Open(str):
    """A stand-in that notes in ``uses`` every use of it except being written out (``str``) or tested for
    being empty: whatever a theme does with a value beyond that may depend on the value."""

    uses: list[tuple[str, str]]

    def __new__(cls, text: str, uses: list[tuple[str, str]]) -> _Open:
        made = super().__new__(cls, text)
        made.uses = uses
        return made

    def __bool__(self) -> bool:
        return True  # a stand-in is only made for a value that is not empty

    def __contains__(self, part: object) -> bool:
        self.uses.append(("__contains__", str(part)))
        return str(part) in str(self)

    __hash__ = str.__hash__


def _noting(name: str) -> Any:
    plain = getattr(str, name)

    def noted(self: _Open, *args: Any, **kwargs: Any) -> Any:
        self.uses.append((name, ""))
        return plain(str(self), *args, **kwargs)

    return noted


_NOT_NOTED = {  # written out, tested for being empty, or Python's own machinery rather than a look at the value
    *("__new__", "__init__", "__str__", "__repr__", "__format__", "__hash__", "__bool__", "__contains__"),
    *("__getattribute__", "__setattr__", "__delattr__", "__getnewargs__", "__init_subclass__", "__subclasshook__"),
    *("__reduce__", "__reduce_ex__", "__dir__", "__sizeof__", "__class__", "__doc__"),
}
for _name in sorted(set(dir(str)) - _NOT_NOTED):
    if callable(getattr(str, _name)):
        setattr(_Open, _name, _noting(_name))


class _StandIn:
    """A page as the theme sees it, with stand-ins for the values a frame leaves open."""

    def __init__(self, page: Page, uses: list[tuple[str, str]], texts: dict[str, str] | None = None) -> None:
        values = _values(page)
        stand_in: dict[str, Any] = {name: _STAND_INS[name] for name, value in values.items() if value}
        if values["content"] and "<h1" in values["content"]:
            stand_in["content"] = _BODY_WITH_H1
        stand_in = {name: _Open((texts or {}).get(text, text), uses) for name, text in stand_in.items()}
        self._page = page
        self.title = stand_in.get("title", values["title"])
        self.canonical_url = stand_in.get("canonical_url", values["canonical_url"])
        self.content = stand_in.get("content", values["content"])
        self.meta = dict(page.meta)
        for key, name in (("title", "meta_title"), ("description", "description")):
            if name in stand_in:
                self.meta[key] = stand_in[name]
        self.active = True  # as while mkdocs renders the page itself

    def __getattr__(self, name: str) -> Any:
        return getattr(self._page, name)


@dataclass(frozen=True)
class _Frame:
    parts: list[str]  # text, then the name of a value, then text, ...

    @classmethod
    def of(cls, output: str) -> _Frame:
        parts = _OPEN_VALUE.split(output)
        parts[1::2] = [_NAMES[text] for text in parts[1::2]]
        return cls(parts)

    def fill(self, page: Page) -> str:
        values = _values(page)
        parts = self.parts[:]
        parts[1::2] = [values[name] for name in parts[1::2]]
        return "".join(parts)


@dataclass(frozen=True)
class _First:
    """The first page of a kind: what the theme made of it, kept until a second page can confirm a frame."""

    context: dict[str, Any]
    digest: bytes


def _digest(text: str) -> bytes:
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def _same(value: Any) -> Hashable:
    """What decides whether two pages' context values count as the same. An object by its identity: as
    the context it was first seen in is kept, no later object can take its ``id``."""
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return id(value)


class Frames:
    """Renders pages through a frame of their kind where one has proved itself, else through the theme."""

    def __init__(self, env: jinja2.Environment, nav_pages: Iterable[object], enabled: bool = True) -> None:
        self.env = env
        self.enabled = enabled  # False: the theme renders every page (see ``untested``)
        self.in_nav = {id(page) for page in nav_pages}
        self.kinds: dict[Hashable, _First | _Frame | None] = {}
        self.kept: list[dict[str, Any]] = []  # the first page of each kind's context: see ``_same``
        self.filled = 0
        self.refused: list[list[str]] = []  # per kind whose values the theme looks at or changes: what it did

    def install(self) -> None:
        """Make ``TEMPLATE`` a template that renders the page through this object."""
        loader = jinja2.DictLoader({TEMPLATE: "{{ wijkkaart_frame() }}"})
        self.env.loader = jinja2.ChoiceLoader([loader, self.env.loader] if self.env.loader else [loader])
        self.env.globals["wijkkaart_frame"] = jinja2.pass_context(lambda ctx: self.render(ctx))

    def render(self, ctx: jinja2.runtime.Context) -> Markup:
        context = {key: value for key, value in ctx.get_all().items() if self.env.globals.get(key) is not value}
        return Markup(self._render(context))

    def _render(self, context: dict[str, Any]) -> str:
        theme = self.env.get_template(THEME_TEMPLATE)
        kind = self._kind(context)
        state = self.kinds.get(kind, None) if kind is not None else None
        if kind is not None and isinstance(state, _First):
            state = self.kinds[kind] = self._confirm(theme, state, context)
        if isinstance(state, _Frame):
            self.filled += 1
            return state.fill(context["page"])
        output = theme.render(context)
        if kind is not None and kind not in self.kinds:
            self.kinds[kind] = _First(context, _digest(output))
            self.kept.append(context)
        return output

    def _kind(self, context: dict[str, Any]) -> Hashable | None:
        """What a page's frame depends on, or ``None`` for a page that gets none (in the navigation, with a
        table of contents, or with values the theme might treat as other than text)."""
        page = context.get("page")
        if not self.enabled or page is None or id(page) in self.in_nav or len(page.toc) or page.content is None:
            return None
        values = _values(page)
        if any(value is not None and not isinstance(value, str) for value in values.values()):
            return None
        meta = tuple(sorted((key, repr(value)) for key, value in page.meta.items() if key not in _META_OPEN))
        scope = tuple(sorted((key, _same(value)) for key, value in context.items() if key not in _BUILD_WIDE))
        return (
            posixpath.dirname(page.url.rstrip("/")),
            page.url.count("/"),
            tuple(bool(value) for value in values.values()),
            "<h1" in page.content,
            meta,
            page.is_homepage,
            page.edit_url,
            scope,
        )

    def _confirm(self, theme: jinja2.Template, first: _First, context: dict[str, Any]) -> _Frame | None:
        uses: list[tuple[str, str]] = []
        frame = theme.render({**first.context, "page": _StandIn(first.context["page"], uses)})
        if frame != theme.render({**context, "page": _StandIn(context["page"], uses)}):
            return None
        probed = theme.render({**first.context, "page": _StandIn(first.context["page"], uses, _PROBES)})
        for text, probe in _PROBES.items():
            probed = probed.replace(probe, text)
        if probed != frame or set(uses) - {_H1}:
            self.refused.append(sorted({name for name, _ in uses if (name, _) != _H1}) or ["filter"])
            return None
        made = _Frame.of(frame)
        return made if _digest(made.fill(first.context["page"])) == first.digest else None
