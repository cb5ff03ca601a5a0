"""The network view per wijk: who works with whom, for what, drawn at build time with a list equivalent."""

from __future__ import annotations

import dataclasses

from wijkkaart.pipeline.build import build_site
from wijkkaart.records.settings import read_settings
from wijkkaart.render.network import wijk_network

from .helpers import GEO, REPO, TODAY


def test_schilderswijk_network() -> None:
    settings = dataclasses.replace(read_settings(REPO, today=TODAY), geodata_dir=str(GEO))
    site = build_site(settings, with_maps=False)
    net = wijk_network(site.catalog, site.catalog.wijken["schilderswijk"])
    edges = {(e.source.name, e.target.name, e.label) for e in net.edges}
    assert ("Schilderswijk Moeders", "Centrum voor Jeugd en Gezin (CJG)", "duo-coaching van gezinnen") in edges
    assert ("SchuldHulpMaatje Den Haag", "Wijkz", "warme overdracht van hulpvragers") in edges
    assert net.drawable
    page = next(p.content for p in site.pages if p.src == "wijken/schilderswijk.md")
    assert page.count('class="wk-network__edge"') == len(net.edges) == 9
    assert 'werkt samen met <a href="../../organisaties/wijkz/">Wijkz</a>: warme overdracht van hulpvragers' in page
    assert 'role="img" aria-labelledby="netwerk-titel"' in page
