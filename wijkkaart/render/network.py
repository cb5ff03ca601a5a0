"""Who works with whom in a wijk (from the organisations' ``partners``), laid out once at build time.

A small circle layout drawn as SVG by a template: no client-side graph library. The template also
writes the same facts as a list, which is the accessible equivalent.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..records.catalog import Catalog, WijkEntry

SIZE = 360
RADIUS = 125
MAX_DRAWN = 14


@dataclass(frozen=True)
class Node:
    key: str
    name: str
    slug: str | None
    x: float
    y: float
    anchor: str


@dataclass(frozen=True)
class Edge:
    source: Node
    target: Node
    label: str


@dataclass(frozen=True)
class Network:
    nodes: list[Node]
    edges: list[Edge]

    @property
    def drawable(self) -> bool:
        return 1 < len(self.nodes) <= MAX_DRAWN and bool(self.edges)


def wijk_network(catalog: Catalog, wijk: WijkEntry) -> Network:
    orgs = catalog.orgs_in(catalog.services_for_wijk(wijk))
    pairs: list[tuple[str, str, str | None, str]] = []  # (from slug, to key, to slug, label)
    names: dict[str, tuple[str, str | None]] = {o.slug: (o.name, o.slug) for o in orgs}
    for org in orgs:
        for partner in org.org.partners:
            key = partner.org or f"naam:{partner.name}"
            if partner.org and partner.org in catalog.orgs:
                names.setdefault(key, (catalog.orgs[partner.org].name, partner.org))
            else:
                names.setdefault(key, (partner.name or key, None))
            pairs.append((org.slug, key, partner.org, partner.for_))
    nodes = _circle(names)
    return Network(list(nodes.values()), [Edge(nodes[a], nodes[b], label) for a, b, _, label in pairs])


def _circle(names: dict[str, tuple[str, str | None]]) -> dict[str, Node]:
    out = {}
    count = max(len(names), 1)
    for i, (key, (name, slug)) in enumerate(names.items()):
        angle = -math.pi / 2 + 2 * math.pi * i / count
        x, y = SIZE / 2 + RADIUS * math.cos(angle), SIZE / 2 + RADIUS * math.sin(angle)
        anchor = "middle" if abs(x - SIZE / 2) < 20 else ("start" if x > SIZE / 2 else "end")
        out[key] = Node(key, name, slug, round(x, 1), round(y, 1), anchor)
    return out
