"""Build steps as data: each step declares its Dutch name, what it needs, what it writes and on which core it
runs; a plan puts the steps on the two cores; a failure after the data checked out ends in one Dutch message
that says which step failed, never in a traceback.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property
from typing import TYPE_CHECKING, Literal

from ..records.catalog import Catalog
from ..records.problems import DataError, Problem
from ..records.settings import Settings

if TYPE_CHECKING:
    from ..geo.boundaries import Geo
    from ..render.pages import Page, Renderer

# What a step may need: the catalog (always there), what an earlier step gives (the geometry, the cards the
# browser shows), or a hash of every file the build made (there once both cores are done).
Need = Literal["catalog", "geometry", "cards", "files"]
GIVEN = frozenset({"catalog"})  # there before the first step
AT_THE_END = frozenset({"catalog", "files"})  # there for the steps that run last


class Core(Enum):
    """Where a step runs when the build has a second core."""

    FIRST = "de eerste kern"  # in the build's own process, before the site builder gets the pages
    SECOND = "de tweede kern"  # in the forked process, beside the pages and the site builder
    SPARE = "de tweede kern als die tijd heeft"  # there when nothing waits for it or its slow step is cached
    LAST = "de eerste kern, als laatste"  # once the second core is done (what it needs comes from both)


@dataclass(frozen=True)
class Asset:
    """A file the site serves as it is (a map document, a vendored script), by its site path."""

    path: str
    content: bytes


@dataclass
class Work:
    """What the steps read (catalog, settings) and what they give each other (geometry, cards, pages, the
    hashes of every file). A forked second core works on a copy (see ``beside``)."""

    catalog: Catalog
    settings: Settings
    maps: bool = True
    geo: Geo | None = None
    cards: dict[str, str] = field(default_factory=dict)  # each entry's card as the browser shows it, by uid
    pages: list[Page] = field(default_factory=list)
    hashes: list[tuple[str, str]] = field(default_factory=list)  # (site path, sha256) of every file made
    problems: list[Problem] = field(default_factory=list)  # found by the steps (the data's own are found before)

    @cached_property
    def renderer(self) -> Renderer:
        from ..render.pages import Renderer

        return Renderer(self.catalog, self.settings, maps=self.maps)

    def beside(self) -> Work:
        """The second core's own: the same catalog and settings, its own problems."""
        return Work(self.catalog, self.settings, self.maps)


@dataclass(frozen=True)
class Step:
    """One step of the build, declared.

    ``name`` is what a failure says ("de stap 'kaarten' is mislukt"). ``needs`` what it reads besides the
    settings ``options`` (each need given by an earlier step on the same core, see ``plan``); ``gives`` what
    it adds to ``Work`` for later steps. ``writes`` lists the site paths of the files it makes, from the
    catalog alone, without doing the work (the site builder is told them before the second core has made
    them); ``None`` for a step whose output goes to the builder with its content (the pages). ``core``: see
    ``Core``.
    """

    name: str
    run: Callable[[Work], list[Asset]]
    writes: Callable[[Catalog], list[str]] | None
    needs: tuple[Need, ...] = ("catalog",)
    gives: Need | None = None
    options: tuple[str, ...] = ()
    core: Core = Core.FIRST


@dataclass(frozen=True)
class Plan:
    """The steps in the order they run: on the first core, on the second (beside the first), and last."""

    first: tuple[Step, ...]
    second: tuple[Step, ...]
    last: tuple[Step, ...]

    def later(self, catalog: Catalog) -> list[str]:
        """The site paths of the files the second core and the last steps make, before they are made."""
        return [path for s in self.second + self.last if s.writes is not None for path in s.writes(catalog)]


def plan(steps: Sequence[Step], parallel: bool, spare: bool, staged: bool = False) -> Plan:
    """Each step on its core: with ``parallel`` the second core's steps there, and the spare ones too when
    ``spare`` (the second core has the time); without it all of them here, in the order declared. A plan in
    which a step would lack what it needs, or (``staged``: the second core's files written beside the site
    and announced before they exist) in which a step there cannot say what it writes, is a fault of wijkkaart."""

    def second(s: Step) -> bool:
        return parallel and (s.core is Core.SECOND or (s.core is Core.SPARE and spare))

    made = Plan(
        tuple(s for s in steps if s.core is not Core.LAST and not second(s)),
        tuple(s for s in steps if s.core is not Core.LAST and second(s)),
        tuple(s for s in steps if s.core is Core.LAST),
    )
    _check(made.first, GIVEN)
    _check(made.second, GIVEN)
    _check(made.last, AT_THE_END)
    unknown = [s.name for s in made.second + made.last if s.writes is None] if staged else []
    if unknown:
        raise ValueError(f"de stap '{unknown[0]}' zegt niet vooraf welke bestanden hij maakt")
    return made


def _check(steps: Sequence[Step], given: frozenset[str]) -> None:
    there = set(given)
    for s in steps:
        missing = [need for need in s.needs if need not in there]
        if missing:
            raise ValueError(f"de stap '{s.name}' mist {', '.join(missing)} op {s.core.value}")
        if s.gives is not None:
            there.add(s.gives)


def run_steps(steps: Sequence[Step], work: Work, laps: dict[str, float], suffix: str = "") -> list[Asset]:
    """The steps one after another, each failure named after its step; the seconds of each into ``laps``."""
    made: list[Asset] = []
    for s in steps:
        started = time.perf_counter()
        with step(s.name):
            made += s.run(work)
        laps[s.name + suffix] = time.perf_counter() - started
    return made


class StepFailed(RuntimeError):
    """A step of the build failed for a reason other than the data (a fault, a full disk, a killed process)."""

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(step, detail)
        self.step, self.detail = step, detail

    def __str__(self) -> str:
        return f"de stap '{self.step}' is mislukt ({self.detail})"

    def problem(self) -> Problem:
        """The failure as a problem for the banner that ``mkdocs serve`` shows over the last good site."""
        text = str(self)
        return Problem(
            file="",
            line=0,
            path="",
            code="build-step-failed",
            message=f"{text[:1].upper()}{text[1:]}.",
            hint="Meld dit aan wie de site beheert.",
        )


def describe(err: BaseException) -> str:
    """An exception as one short line: its kind and its message."""
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


@contextmanager
def step(name: str) -> Iterator[None]:
    """Any failure inside becomes ``StepFailed(name, …)``; data problems and an already named step pass."""
    try:
        yield
    except (DataError, StepFailed):
        raise
    except Exception as err:
        raise StepFailed(name, describe(err)) from err
