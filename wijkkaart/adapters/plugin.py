"""The mkdocs adapter: hands the core's pages to mkdocs and turns data problems into a clean abort.

Nothing here knows about organisations or wijken; a different site builder needs only a new adapter.
"""

from __future__ import annotations

import contextlib
import functools
import html
import logging
import re
import shutil
import sys
import time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.config_options import ExtraScriptValue
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, BuildError, PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import CountHandler

from ..pipeline.build import STYLESHEET, Site, build_site, publish, staged
from ..pipeline.parallel import Background
from ..pipeline.steps import StepFailed, describe, step
from ..pipeline.swap import Swap
from ..records.problems import DataError, Problem, Severity, errors, render, summary
from ..records.settings import DEFAULTS, Settings, site_url_problem
from ..render.csp import KnownInline, allow_script, with_csp
from ..render.offline import head_template
from ..render.pages import render_problem_banner
from ..render.urls import NAV_PAGES, PAGEFIND, SCRIPT
from .frames import TEMPLATE as FRAME_TEMPLATE
from .frames import Frames, untested

log = logging.getLogger("mkdocs.plugins.wijkkaart")
ANCHOR_ID = re.compile(r'id="([^"]+)"')  # white space before it is checked apart: a literal start is found fast
LIVE_RELOAD = re.compile(rb"<script>(.*)</script>", re.DOTALL)  # what the builder's server adds to a page
STAGING = ".wijkkaart-bestanden"  # hidden: mkdocs leaves it when it cleans the site folder
SEARCH_STEP = "zoekindex (Pagefind)"
BUILDERS = ("mkdocs", "properdocs")  # the loggers whose warnings stop a strict build
# Settings the theme writes into every page as they are (as HTML): escaped, so that they show as written.
# ``copyright`` is left as it is: Material documents it as HTML; the policy keeps any script in it from running.
SHOWN_SETTINGS = ("site_name", "site_description", "site_author", "repo_name")
UNSAFE_IN_SCRIPT = re.compile(r"[\"'`\\<>\s]")
UNCHANGED = "de vorige site is niet veranderd"
THEME_SCRIPT = "assets/javascripts/bundle."  # Material's one script
STYLESHEET_LINK = '<link rel="stylesheet"'
# Material's inline scripts in <head> (helpers for its settings) and after the content (its content tabs).
THEME_HELPERS = re.compile(r"<script>__md_scope=.*?</script>", re.DOTALL)
THEME_TABS = re.compile(
    r"(?:<script>var tabs=__md_get.*?</script>\s*)?<script>var target=document\.getElementById.*?</script>"
)


class _WrittenLater(File):
    """A file the second core writes into the staging folder, moved into the site after the pages: mkdocs
    knows it (for links to it) and does not copy it."""

    def copy_file(self, dirty: bool = False) -> None:
        return None


def _option(key: str, default: Any) -> Any:
    """Any value: ``Settings.from_options`` checks it, with the Dutch message ``wijkkaart check`` gives too."""
    return c.Type(object, default=default)


# One option per setting, so the plugin can never drift from what ``wijkkaart check`` reads.
WijkkaartConfig = type("WijkkaartConfig", (Config,), {key: _option(key, value) for key, value in DEFAULTS.items()})


class WijkkaartPlugin(BasePlugin[WijkkaartConfig]):  # type: ignore[valid-type]
    def __init__(self) -> None:
        self.site: Site | None = None
        self.settings: Settings | None = None
        self.head: jinja2.Template | None = None
        self.heads: dict[str, str] = {}  # the head's end per depth: a few texts for all pages
        self.serving = False
        self.pending: list[Problem] = []
        self.generated: set[str] = set()
        self.search: Background[int] | None = None
        self.clock = 0.0
        self.staging: Path | None = None
        self.nav_pages: list[Page] = []
        self.frames: Frames | None = None
        self.known = KnownInline()
        self.dirty = False
        self.good: Site | None = None  # in serve: the last site whose build went well from start to end
        self.swap: Swap | None = None
        self.site_dir = ""  # where the site goes, while the builders write into the fresh folder
        self.built: MkDocsConfig | None = None
        self.warnings: CountHandler | None = None
        self.phase = "instellingen lezen"
        self.page_errors = _PageErrors()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving, self.dirty = command == "serve", dirty

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        config_file = Path(config.config_file_path or "mkdocs.yml").resolve()
        _require_material(config)
        _no_web_fonts(config)
        config.extra.setdefault("generator", False)  # no "Made with Material for MkDocs" in English
        _dutch_theme(config)
        _escape_shown_settings(config)
        if not self.serving:
            _tell_local_site_url(config)
        options = {**dict(self.config), "site_url": config.site_url or ""}
        self.settings = Settings.from_options(config_file.parent, options, config=config_file)
        _warn_without_site_url(self.settings)
        self.head, self.heads = head_template(self.settings), {}
        config.extra_css.append(STYLESHEET)
        script = ExtraScriptValue(SCRIPT)
        script.type = "module"
        script.async_ = True  # runs once fetched (and the page read), not after the theme's script
        config.extra_javascript.append(script)
        self._build_beside(config)
        self.page_errors.install()
        return config

    def _build_beside(self, config: MkDocsConfig) -> None:
        """Every builder (this one, mkdocs, other plugins) writes into a fresh folder, which takes the site
        folder's place only when all of it is written (see ``swap``); in ``serve`` too, whose server then
        always has a whole site to send."""
        self.site_dir, self.built = config.site_dir, config
        with _failing_as("een nieuwe map voor de site maken"):
            self.swap = Swap.prepare(Path(config.site_dir), self.dirty)
        config.site_dir = str(self.swap.fresh)
        (log.debug if self.serving else log.info)(
            "wijkkaart: de site komt eerst in %s en neemt pas als alles klaar is de plaats in van %s.",
            self.swap.fresh,
            self.swap.site,
        )
        if config.strict:  # mkdocs counts the warnings after the last plugin: the site must not be replaced
            self.warnings = CountHandler()
            self.warnings.setLevel(logging.WARNING)
            for name in BUILDERS:
                logging.getLogger(name).addHandler(self.warnings)

    def on_pre_build(self, config: MkDocsConfig) -> None:
        assert self.settings is not None
        # The second core writes its files beside the site and goes on while mkdocs writes the pages. Not in
        # serve: no fork beside its threads, and the last good site must stay whole in memory.
        self.phase = "gegevens en pagina's maken"
        self.staging = None if self.serving else Path(config.site_dir) / STAGING
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
        try:
            self.site = build_site(self.settings, parallel=not self.serving, folder=self.staging)
        except StepFailed as err:
            if self.serving and self.site is not None:
                self._keep_last_good_site([err.problem()], f"wijkkaart: {err}")
                return
            raise PluginError(f"wijkkaart: {err}; {UNCHANGED}.") from None
        except DataError as err:
            if self.serving and self.site is not None:
                self._keep_last_good_site(err.problems, f"wijkkaart: de gegevens bevatten {summary(err.problems)}")
                return
            for problem in err.problems:
                (log.error if problem.is_error else log.warning)(problem.text())
            raise PluginError(
                f"wijkkaart: de gegevens bevatten {summary(err.problems)}; er is niets gebouwd."
            ) from None
        self.pending = []
        for problem in self.site.problems:
            (log.info if problem.severity is Severity.NOTICE else log.warning)(problem.text())

    def _keep_last_good_site(self, problems: list[Problem], headline: str) -> None:
        """While serving, bad data or a failed step must not take the site away (nor leave the server waiting
        for a build that never ends): show the problems, serve the last good site."""
        self.pending = errors(problems)
        if all(problem.code == "build-step-failed" for problem in problems):  # the headline says it all
            print(f"{headline}; de site toont de laatste goede versie.", file=sys.stderr, flush=True)
            return
        print(f"{headline}; de site toont de laatste goede versie:", file=sys.stderr)
        print(render(problems), file=sys.stderr, flush=True)

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        """A generated page's body is HTML that Markdown passes through unchanged (tested), so it skips the
        Markdown pass (a converter with every extension, made anew for each page)."""
        if page.file.src_uri in self.generated:
            page.render = functools.partial(_as_it_is, page)  # type: ignore[method-assign]
        return page

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.pending and self.settings is not None:
            return render_problem_banner(self.pending, self.settings) + html
        return html

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        assert self.settings is not None and self.head is not None
        root = "../" * page.url.count("/")
        if root not in self.heads:
            self.heads[root] = self.head.render(root=root)
            self.known.add_from(self.heads[root])
        # Before the theme's stylesheets: the finder's script is fetched together with the styles.
        output, helpers = _theme_inline_scripts_aside(output)
        at = output.find(STYLESHEET_LINK)
        at = at if at >= 0 else output.find("</head>")
        output = output[:at] + helpers + self.heads[root] + output[at:]
        return with_csp(_theme_script_later(_dutch_landmarks(output)), self.settings.tiles_url, self.known.texts)

    def on_post_template(self, output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
        assert self.settings is not None
        if not template_name.endswith(".html"):
            return output_content
        if template_name == "404.html":
            output_content = _dutch_not_found(output_content, config.site_url or "/")
        return with_csp(output_content, self.settings.tiles_url, self.known.texts)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        assert self.site is not None
        self._start_search(config, files)
        self.generated = set()
        for page in self.site.pages:
            if files.get_file_from_path(page.src) is not None:
                log.info("wijkkaart: %s staat in de docs-map; die pagina gaat voor.", page.src)
                continue
            files.append(File.generated(config, page.src, content=page.content, inclusion=_inclusion(page.src)))
            self.generated.add(page.src)
        for asset in self.site.assets:
            files.append(File.generated(config, asset.path, content=asset.content))
        if self.staging is not None:
            for path in self.site.later:
                files.append(_WrittenLater.generated(config, path, abs_src_path=str(staged(self.staging, path))))
        self.clock = time.perf_counter()
        self.phase = "site schrijven (mkdocs)"
        return files

    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        self.nav_pages = list(nav.pages)
        return nav

    def on_env(self, env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
        """Generated pages are rendered through frames (see ``frames``): the theme once per kind of page; by
        the theme page by page when frames are not tested with it."""
        untested_theme = untested(config.theme.name)
        if untested_theme is not None:
            log.info("wijkkaart: gedeelde kaders zijn niet getest met %s; het thema maakt elke pagina.", untested_theme)
        self.frames = Frames(env, self.nav_pages, enabled=untested_theme is None)
        self.frames.install()
        self.known = KnownInline()  # what the policy allows inline: what the theme's templates write
        self.known.install(env)
        self._lap("mkdocs: pages read")
        return env

    def _lap(self, step: str) -> None:
        """Time spent by mkdocs itself, for the benchmark script."""
        now = time.perf_counter()
        if self.site is not None:
            self.site.timings[step] = now - self.clock
        self.clock = now

    def _start_search(self, config: MkDocsConfig, files: Files) -> None:
        """Pagefind indexes the generated pages while mkdocs writes them: its input is written and the
        index made on the second core. In serve it is made here, and if it fails the last good site is
        served (with its index) and the banner."""
        self.search = self._search(config, files)
        if not self.serving or self.good is None or self.good is self.site:
            return
        try:
            self.search.result()
        except StepFailed as err:
            self._keep_last_good_site([err.problem()], f"wijkkaart: {err}")
            self.site = self.good
            self.search = self._search(config, files)

    def _search(self, config: MkDocsConfig, files: Files) -> Background[int]:
        from ..render.search import build_search_index, search_records

        assert self.site is not None
        catalog, cards, output = self.site.catalog, self.site.cards, Path(config.site_dir) / PAGEFIND
        pages = [p for p in self.site.pages if files.get_file_from_path(p.src) is None]
        return Background(
            lambda: build_search_index(output, pages, search_records(catalog, cards)), not self.serving, SEARCH_STEP
        )

    @event_priority(-100)  # last: other plugins write into the fresh folder too, before it replaces the site
    def on_post_build(self, config: MkDocsConfig) -> None:
        assert self.site is not None and self.search is not None
        self.phase = "site afronden"
        try:
            self._finish(config)
        except StepFailed as err:
            raise PluginError(f"wijkkaart: {err}; {UNCHANGED}.") from None
        if self.serving and not self.pending:
            self.good = self.site
        self._replace_site(config)

    def _replace_site(self, config: MkDocsConfig) -> None:
        """The fresh folder takes the site's place, unless mkdocs is about to stop for a warning (strict)."""
        counted = self.warnings is not None and self.warnings.get_counts()
        self._stop_counting()
        swap, self.swap = self.swap, None
        if swap is None:
            return
        config.site_dir, self.built = self.site_dir, None
        if counted:
            swap.abandon()
            return
        with _failing_as("de nieuwe site op zijn plaats zetten"):
            swap.commit()

    def _stop_counting(self) -> None:
        self.page_errors.remove()
        if self.warnings is not None:
            for name in BUILDERS:
                logging.getLogger(name).removeHandler(self.warnings)
            self.warnings = None

    def _finish(self, config: MkDocsConfig) -> None:
        assert self.site is not None and self.search is not None
        self._lap("mkdocs: pages and files written")
        if self.frames is not None:
            log.info("wijkkaart: %d pagina's in een gedeeld kader van het thema.", self.frames.filled)
            for uses in self.frames.refused:
                log.info("wijkkaart: geen gedeeld kader: het thema kijkt naar de waarden (%s).", ", ".join(uses))
            self.frames = None  # it holds on to the first page of each kind
        self._publish(config)
        started = time.perf_counter()
        try:
            count = self.search.result()
        except StepFailed as err:
            if not self.serving:
                raise
            self._keep_last_good_site([err.problem()], f"wijkkaart: {err}")  # no index, and no older one
            count = 0
        if self.search.forked:
            self.site.timings["waiting for pagefind"] = time.perf_counter() - started
            self.site.timings["search index (second core)"] = self.search.seconds
        else:
            self.site.timings["search index"] = self.search.seconds
        self.search = None
        log.info("wijkkaart: zoekindex gemaakt met %d onderdelen.", count)

    def _publish(self, config: MkDocsConfig) -> None:
        """Wait for the second core, report what it found, and move its files into the site."""
        assert self.site is not None
        known = len(self.site.problems)
        self.site.finish()
        for problem in self.site.problems[known:]:
            (log.info if problem.severity is Severity.NOTICE else log.warning)(problem.text())
        if self.staging is not None:
            with step("bestanden van de tweede kern plaatsen"):
                moved = publish(self.staging, Path(config.site_dir))
            missing = set(self.site.later) - set(moved)
            self.staging = None
            if missing:  # a fault in wijkkaart, not in the data: mkdocs was told these files would exist
                raise PluginError(f"wijkkaart: {len(missing)} bestanden ontbreken, bv. {min(missing)}.")

    @event_priority(-100)
    def on_build_error(self, *, error: Exception) -> None:
        """Let running work finish (the index cleans up after itself), remove the fresh folder (the site stays
        as it was), and turn a failure that is not one of wijkkaart's own into one Dutch message, not a
        traceback."""
        if self.search is not None:
            with contextlib.suppress(RuntimeError):
                self.search.result()
            self.search = None
        if self.site is not None:
            with contextlib.suppress(RuntimeError):
                self.site.finish()
        self.staging = None
        self._stop_counting()
        if self.swap is not None:
            self.swap.abandon()
            self.swap = None
        if self.built is not None:
            self.built.site_dir, self.built = self.site_dir, None
        if not isinstance(error, (BuildError, Abort)):
            phase = f"{self.phase}, bij {self.page_errors.page}" if self.page_errors.page else self.phase
            log.error(f"wijkkaart: {StepFailed(phase, describe(error))}; {UNCHANGED}.")
            raise Abort("Aborted with a BuildError!") from None

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        assert self.settings is not None
        for name in (
            self.settings.orgs_dir,
            self.settings.wijken_dir,
            self.settings.themes_file,
            self.settings.templates_dir,
        ):
            path = self.settings.path(name)
            if path.exists():
                server.watch(str(path))
        _allow_live_reload(server)
        _never_waiting(server)
        return server


class _PageErrors(logging.Filter):
    """mkdocs logs a failure while it writes a page (a full disk) in English before it raises it; the page is
    named in wijkkaart's one Dutch message instead."""

    START = "Error building page '"

    def __init__(self) -> None:
        super().__init__()
        self.page = ""

    def install(self) -> None:
        self.page = ""
        for name in BUILDERS:
            logging.getLogger(f"{name}.commands.build").addFilter(self)

    def remove(self) -> None:
        for name in BUILDERS:
            logging.getLogger(f"{name}.commands.build").removeFilter(self)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if not message.startswith(self.START) or message.endswith(":"):  # a BuildError: mkdocs prints it next
            return True
        self.page = message[len(self.START) :].split("'", 1)[0]
        return False


@contextlib.contextmanager
def _failing_as(name: str) -> Any:
    """A failure of the file system in step ``name`` as one Dutch message for mkdocs."""
    try:
        yield
    except OSError as err:
        raise PluginError(f"wijkkaart: {StepFailed(name, describe(err))}; {UNCHANGED}.") from None


def _require_material(config: MkDocsConfig) -> None:
    """The pages, frames and offline service worker are made for Material for MkDocs; under another theme the
    site would look whole and work half."""
    name = config.theme.name
    if name != "material":
        named = f"het thema '{name}'" if name else "een thema zonder naam"
        raise PluginError(
            f"wijkkaart: {named} wordt niet ondersteund; wijkkaart werkt alleen met Material for MkDocs. "
            "Zet in mkdocs.yml onder 'theme:' de regel 'name: material'."
        )


def _escape_shown_settings(config: MkDocsConfig) -> None:
    """``site_name: Geld & Zo`` shows as written, and ``<script>`` in it as text, not as a script. Material
    writes ``extra.scope`` into one of its scripts: only a plain path or address is let through."""
    for key in SHOWN_SETTINGS:
        value = config.get(key)
        if isinstance(value, str):
            config[key] = html.escape(value)
    extra: dict[str, Any] = dict(config.extra or {})
    scope = extra.get("scope")
    if scope is not None and (not isinstance(scope, str) or UNSAFE_IN_SCRIPT.search(scope)):
        raise PluginError(
            f"wijkkaart: 'extra.scope' in mkdocs.yml moet een pad of adres zijn, zonder aanhalingstekens, "
            f"'\\', '<' of '>' (nu: {scope!r}). Schrijf bv. 'scope: /sociale-kaart/' of laat het weg."
        )


def _no_web_fonts(config: MkDocsConfig) -> None:
    """Material fetches Roboto from Google Fonts unless ``font`` is false: no requests to other sites."""
    config.theme["font"] = False


def _dutch_theme(config: MkDocsConfig) -> None:
    """Material's own words (labels for screen readers, the search box, "naar boven") in Dutch, also where
    mkdocs.yml does not say ``language: nl`` (Material's default is English)."""
    if config.theme.get("language") in (None, "", "en"):
        config.theme["language"] = "nl"


def _tell_local_site_url(config: MkDocsConfig) -> None:
    """A build for this computer's own address (the fallback of a new site's ``site_url``) is fine to try out,
    but must not be published: QR codes, links in the open data and the sitemap would point to it."""
    host = urlsplit(config.site_url or "").hostname or ""
    if host in {"127.0.0.1", "localhost", "::1", "0.0.0.0"}:
        log.info(
            "wijkkaart: de site wordt gebouwd voor het adres %s: goed om te proberen op deze computer, niet om te "
            "publiceren (QR-codes en links zouden naar deze computer wijzen). Zet voor de echte site de "
            "omgevingsvariabele SITE_URL, bv. SITE_URL=https://kaart.voorbeeld.nl/ mkdocs build",
            config.site_url,
        )


def _warn_without_site_url(settings: Settings) -> None:
    missing = site_url_problem(settings)
    if missing is not None:
        log.warning("wijkkaart: %s", missing.text())


# The theme's English landmark names (its Dutch translation leaves them as they are).
LANDMARKS = (('aria-label="Header"', 'aria-label="Paginakop"'), ('aria-label="Tabs"', 'aria-label="Hoofdmenu"'))
NOT_FOUND = "<h1>404 - Not found</h1>"


def _dutch_landmarks(page: str) -> str:
    for english, dutch in LANDMARKS:
        page = page.replace(english, dutch, 1)
    return page


def _dutch_not_found(page: str, home: str) -> str:
    """The theme's 404 page in Dutch, with the way home (a 404 page is shown at any address: a full link)."""
    dutch = (
        "<h1>Deze pagina bestaat niet</h1>\n<p>De pagina is verplaatst of weggehaald, of het adres klopt niet."
        f' Ga naar de <a href="{html.escape(home)}">startpagina</a> en zoek daar op postcode, wijk of woord.</p>'
    )
    return _dutch_landmarks(page.replace(NOT_FOUND, dutch, 1))


def _theme_inline_scripts_aside(page: str) -> tuple[str, str]:
    """A browser reads no further than an inline script until the stylesheets above it are in (material's is
    23 KB): the theme's helpers, which need no styles, are taken out (to go before the stylesheets), and the
    script of its content tabs, which needs only the content, goes to the end of ``<body>``. The page is then
    read up to the finder's script, which runs, while the stylesheets still load."""
    helpers = THEME_HELPERS.search(page)
    if helpers is not None:
        page = page[: helpers.start()] + page[helpers.end() :]
    tabs = THEME_TABS.search(page)
    end = page.rfind("</body>")
    if tabs is not None and end > tabs.end():
        page = page[: tabs.start()] + page[tabs.end() : end] + tabs[0] + page[end:]
    return page, helpers[0] if helpers is not None else ""


def _theme_script_later(page: str) -> str:
    """Material's script (35 KB) at the end of the page is fetched after the finder's and does not hold up the
    page being read (``defer``: it runs at the same point, after the page is read); on a slow connection the
    postcode answer no longer waits for it."""
    start = page.rfind(THEME_SCRIPT)
    if start < 0:
        return page
    end = page.find('"></script>', start)
    return page[:end] + '" defer fetchpriority="low"' + page[end + 1 :] if end > 0 else page


def _inclusion(src: str) -> InclusionLevel:
    """Generated pages stay out of the navigation, except the start, wijken and thema's pages; a site may still
    list any page in its ``nav``."""
    return InclusionLevel.UNDEFINED if src in NAV_PAGES else InclusionLevel.NOT_IN_NAV


def _never_waiting(server: Any) -> None:
    """The builder's server holds every request until a rebuild succeeds (it "appears stuck"); a rebuild
    that fails for a reason wijkkaart cannot turn into a banner (a theme's template, a full disk) leaves the
    last site whole (see ``swap``), and the server sends it: the failure is logged, not raised."""
    rebuild = getattr(server, "builder", None)
    if rebuild is None:
        return

    def builder(*args: Any, **kwargs: Any) -> None:
        try:
            rebuild(*args, **kwargs)
        except (Exception, SystemExit):  # mkdocs' Abort is a SystemExit; its message is logged already
            log.error("wijkkaart: de site is niet opnieuw gebouwd; de server toont de vorige versie.")

    server.builder = builder


def _allow_live_reload(server: Any) -> None:
    """The builder's server adds an inline script to every page it sends, which reloads the page when the
    site is rebuilt; each page's policy is made to allow exactly that script. The server has no public way
    to do so: this wraps the method that adds the script (the same in MkDocs 1.6 and ProperDocs; tested)."""
    inject = getattr(server, "_inject_js_into_html", None)
    if inject is None:
        log.info("wijkkaart: de pagina's laden niet vanzelf opnieuw (het beleid laat het script niet toe).")
        return

    def injected(content: bytes, epoch: int) -> bytes:
        output: bytes = inject(content, epoch)
        end = content.rfind(b"</body>")
        added = output[end : end + len(output) - len(content)] if end >= 0 else output[len(content) :]
        script = LIVE_RELOAD.fullmatch(added)
        if script is None:
            return output
        return allow_script(output.decode("utf-8"), script[1].decode("utf-8")).encode("utf-8")

    server._inject_js_into_html = injected


def _as_it_is(page: Page, config: MkDocsConfig, files: Files) -> None:
    """``Page.render`` for a generated page: its body as it is, with what Markdown would have found in it (no
    headings for the table of contents, as they are HTML; the ids that links from other pages may name), to
    be rendered through a frame of the theme (see ``frames``)."""
    assert page.markdown is not None
    page.content = page.markdown
    page.meta.setdefault("template", FRAME_TEMPLATE)
    page.toc = get_toc([])
    text = page.markdown
    page.present_anchor_ids = {found[1] for found in ANCHOR_ID.finditer(text, 1) if text[found.start() - 1].isspace()}
