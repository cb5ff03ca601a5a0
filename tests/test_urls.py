"""Relative links between directory URLs, as ``posixpath.relpath`` would make them."""

from __future__ import annotations

import itertools
import posixpath

from wijkkaart.render.urls import Links, relative

PATHS = ["", "wijken/", "wijken/a/", "wijken/a/print/", "wijken/ab/", "organisaties/a/", "themas/", "a/b/c/", "a/"]


def test_relative_agrees_with_relpath_for_every_pair() -> None:
    for here, target in itertools.product(PATHS, PATHS):
        rel = posixpath.relpath("/" + target, "/" + here)
        assert relative(target, here) == ("./" if rel == "." else rel + "/"), (here, target)


def test_links_between_pages() -> None:
    links = Links("wijken/moerwijk.md")
    assert links.wijk("moerwijk") == "./"
    assert links.wijk("centrum") == "../centrum/"
    assert links.org("wijkz", "kaarttafel") == "../../organisaties/wijkz/#kaarttafel"
    assert links.to("index.md") == "../../"
    assert links.map_frame() == "../../assets/wijkkaart/kaart.html#wijken/moerwijk/"
    assert Links("index.md").map_frame() == "assets/wijkkaart/kaart.html"
