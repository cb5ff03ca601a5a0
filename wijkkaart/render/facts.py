"""An entry's facts for display, declared once: how the card words them, which filters they feed (name in the
form, the address and the search index, label, values) and what the browser gets of them.

The card template, the filter form, the card data (``data-wk-entry``), the search index's filters, "Delen",
iCal and HSDS all read these tables; the browser gets them from the page (``browser_facts``, with ``tojson``)
and keeps no copy of its own. A new yes/no fact of services is one line in ``FACTS`` (and one in ``FILTERS``
when it filters).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from ..records.model import Service, Theme
from .text import dutch_list, languages

if TYPE_CHECKING:
    from ..records.catalog import Catalog, ServiceEntry
    from ..records.served import Reach


@dataclass(frozen=True)
class Fact:
    """One fact of a spreekuur/activity as the card shows it: ``<dt>label</dt><dd>words</dd>``."""

    key: str  # the model's field: also its name in the card data the browser reads
    label: str  # its heading on the card
    words: Callable[[Service], str]  # how the card says it
    yes: str = ""  # a yes/no fact: its words for true and false (the card, "Delen", iCal, HSDS)
    no: str = ""
    optional: bool = False  # may be left out (None): the card then says nothing of it, and its filter is
    # shown only once some service has it

    def value(self, service: Service) -> object:
        return getattr(service, self.key)


def _yes_no(key: str, label: str, yes: str, no: str, optional: bool = False) -> Fact:
    return Fact(key, label, lambda s: yes if getattr(s, key) else no, yes, no, optional)


WALK_IN = _yes_no("walk_in", "Hoe", "zonder afspraak", "op afspraak")
FREE = Fact("free", "Kosten", lambda s: "gratis" if s.free else s.fees_description or "", "gratis")
LANGUAGES = Fact("languages", "Talen", lambda s: languages(s.languages))
WHEELCHAIR = _yes_no("wheelchair_accessible", "Rolstoel", "rolstoeltoegankelijk", "niet rolstoeltoegankelijk", True)
FACTS = (WALK_IN, FREE, LANGUAGES, WHEELCHAIR)  # in the card's order


@dataclass(frozen=True)
class Filter:
    """A filter on lists of cards (and, with ``search``, on the word search's results)."""

    name: str  # in the form, the address (``?zonder_afspraak=1``) and the search index (``filter-…``)
    label: str  # before a choice, after a check box; the word search's select has it capitalised
    fact: str  # the card data it tests: a yes/no fact, a list ("has" the chosen value), or the times
    test: Literal["yes", "has", "when"]
    everything: str = ""  # a choice's option that filters nothing ("alle talen"); empty for a check box
    search: bool = False  # also a filter of the word search

    @property
    def check(self) -> bool:
        return self.test == "yes"


FILTERS = (
    Filter("thema", "Thema", "themes", "has", "alle thema's", search=True),
    Filter("wijk", "Wijk", "wijken", "has", search=True),  # the word search's only (a card is on its wijk page)
    Filter("taal", "Taal", "languages", "has", "alle talen", search=True),
    Filter("wanneer", "Wanneer", "time", "when", "altijd"),
    Filter("zonder_afspraak", WALK_IN.yes, WALK_IN.key, "yes", search=True),
    Filter("gratis", FREE.yes, FREE.key, "yes"),
    Filter("rolstoel", WHEELCHAIR.yes, WHEELCHAIR.key, "yes", search=True),
)
CARD_FILTERS = tuple(f for f in FILTERS if f.name != "wijk")
SEARCH_FILTERS = tuple(f for f in FILTERS if f.search)
WHEN = (("vandaag", "vandaag"), ("week", "deze week"))  # the "wanneer" filter's values and their words
SEARCH_YES_NO = ("ja", "nee")  # a yes/no fact's values in the word search's filters


def card_facts(service: Service) -> list[tuple[str, str]]:
    """The card's "how" facts as (label, words), in order."""
    return [(fact.label, fact.words(service)) for fact in FACTS if fact.value(service) is not None]


def card_values(service: Service) -> dict[str, object]:
    """The facts' values in the card data, by key (what the browser's filters test)."""
    return {fact.key: fact.value(service) for fact in FACTS}


def search_values(service: Service) -> dict[str, list[str]]:
    """The yes/no facts' values of the word search's filters, by filter name."""
    facts = {fact.key: fact for fact in FACTS}
    values = {f.name: facts[f.fact].value(service) for f in SEARCH_FILTERS if f.check}
    yes, no = SEARCH_YES_NO
    return {name: [yes if value else no] for name, value in values.items() if value is not None}


def known_facts(services: Iterable[Service]) -> set[str]:
    """The optional facts some service has (their filters are shown)."""
    optional = [fact for fact in FACTS if fact.optional]
    return {fact.key for service in services for fact in optional if fact.value(service) is not None}


def sentence(fact: Fact, service: Service) -> str:
    """The fact's words as a sentence ("Zonder afspraak.")."""
    words = fact.words(service)
    return words[:1].upper() + words[1:] + "."


def browser_facts() -> dict[str, object]:
    """What the browser's scripts know of the facts, handed to them with ``tojson`` (see head.html)."""
    return {
        "filters": [
            {"name": f.name, "label": f.label, "fact": f.fact, "test": f.test, "everything": f.everything}
            for f in CARD_FILTERS
        ],
        "search": [{"name": f.name, "label": f.label[:1].upper() + f.label[1:]} for f in SEARCH_FILTERS],
        "words": {fact.key: [fact.yes, fact.no] for fact in FACTS if fact.yes},
        "labels": {fact.key: fact.label for fact in FACTS},
    }


def filter_choices(
    themes: Sequence[Theme], codes: Sequence[str], known: Collection[str]
) -> list[tuple[Filter, list[tuple[str, str]]]]:
    """The filter form's filters with each choice's values and words (``themes`` and language ``codes``: those
    of the page's cards); a theme filter only with more than one theme to choose, an optional fact's only
    when it is ``known`` (see ``known_facts``)."""
    options = {
        "thema": [(t.id, t.name) for t in themes],
        "taal": [(code, languages([code])) for code in codes],
        "wanneer": list(WHEN),
    }
    optional = {fact.key for fact in FACTS if fact.optional}
    shown = [
        f
        for f in CARD_FILTERS
        if (f.name != "thema" or len(themes) > 1) and (f.fact not in optional or f.fact in known)
    ]
    return [(f, options.get(f.name, [])) for f in shown]


# Who is served: the whole gemeente(n) or the region, on the card ("Voor wie") and in the word search's filter.


def whole_area(catalog: Catalog, reach: Reach) -> str:
    """The whole gemeenten or region a service is for, in words ("" when it names only wijken or PC4s)."""
    served = catalog.served
    site = list(served.gemeenten)
    parts = []
    if reach.regio:
        names = dutch_list([served.display(g) for g in site])
        parts.append(f"iedereen in de regio ({names})" if len(site) > 1 else "iedereen in de gemeente")
    gemeenten = [g for g in reach.gemeenten if not (reach.regio and g in site)]
    if gemeenten == site and len(site) == 1:
        parts.append("iedereen in de gemeente")
    elif gemeenten:
        names = dutch_list([served.display(g) for g in gemeenten])
        parts.append(f"iedereen in de gemeente{'n' if len(gemeenten) > 1 else ''} {names}")
    return " en ".join(parts)


def whole_values(catalog: Catalog, entry: ServiceEntry) -> list[str]:
    """The word search's wijk filter for an entry without wijken: "hele gemeente", or on a regional site which
    gemeente or the region (the short words of what ``whole_area`` says on the card)."""
    served, reach = catalog.served, catalog.reach(entry)
    if not entry.citywide:
        return []
    if len(served.gemeenten) <= 1:
        return ["hele gemeente"]
    return (["hele regio"] if reach.regio else []) + [f"heel {served.display(g)}" for g in reach.gemeenten]
