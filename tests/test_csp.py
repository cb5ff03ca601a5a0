"""The policy allows the inline scripts and styles the templates are known to write, and no other."""

from __future__ import annotations

import re

import jinja2

from wijkkaart.render.csp import KnownInline, _hash, policy, with_csp

THEME = {
    "main.html": (
        '<html><head><script>var base = "{{ base }}";</script><script src="x.js"></script>'
        '<script id="c" type="application/json">{"a": 1}</script><style>:root{--f:"{{ font }}"}</style></head>'
        "<body>{{ content }}{% include 'end.html' %}</body></html>"
    ),
    "end.html": "<script>\n  start({{ depth }})\n</script>",
    "broken.html": "<script>{% if x %}</script>",
}


def _rendered(env: jinja2.Environment, **values: object) -> str:
    return env.get_template("main.html").render(**values)


def test_only_the_scripts_the_templates_wrote_are_allowed() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    env.get_template("main.html")  # already loaded (and cached) before: loaded again, noted
    known = KnownInline()
    known.install(env)
    content = "<p>Tekst</p><script>alert(1)</script><style>body{display:none}</style>"
    html = _rendered(env, base="../..", depth=2, font="Roboto", content=content)
    scripts, style = {'var base = "../..";', "\n  start(2)\n"}, ':root{--f:"Roboto"}'
    assert known.texts == {*scripts, style}
    made = policy(html, "", known.texts)
    allowed = re.search(r"script-src ([^;]*)", made)
    assert allowed is not None
    assert allowed[1].split() == ["'self'", "'wasm-unsafe-eval'", *sorted(_hash(s) for s in scripts)]
    assert f"style-src 'self' {_hash(style)};" in made
    assert _hash("alert(1)") not in with_csp(html, "", known.texts)
    assert _hash("alert(1)") in with_csp(html, "")  # a document wijkkaart writes whole (the map): every script


def test_a_template_that_would_not_compile_noted_is_loaded_as_it_is() -> None:
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    KnownInline().install(env)
    source, _, _ = env.loader.get_source(env, "broken.html")  # type: ignore[union-attr]
    assert source == THEME["broken.html"]
