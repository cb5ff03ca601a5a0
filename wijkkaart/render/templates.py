"""The jinja environment every page, card, banner and script template is rendered in: the site's own
templates before the package's, autoescaping, the text filters and the template globals."""

from __future__ import annotations

from pathlib import Path

import jinja2
from markupsafe import Markup

from ..records.catalog import group_by_theme
from ..records.settings import Settings
from . import facts, text
from .text import dutch_list
from .urls import EARLY_SCRIPT

PACKAGE_TEMPLATES = Path(__file__).parents[1] / "templates"


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory between builds (``mkdocs serve``, tests, fuzzing): each build makes its
    own environment, but a template whose source is unchanged (same checksum) is not compiled again."""

    def __init__(self) -> None:
        self.codes: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self.codes.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.codes[bucket.key] = bucket.bytecode_to_string()


_COMPILED = _CompiledTemplates()


def template_environment(settings: Settings | None) -> jinja2.Environment:
    """The page templates (with the site's overrides when ``settings`` is given), their filters and globals."""
    loaders: list[jinja2.BaseLoader] = []
    site_templates = settings.path(settings.templates_dir) if settings else None
    if site_templates is not None and site_templates.is_dir():
        loaders.append(jinja2.FileSystemLoader(site_templates))
    loaders.append(jinja2.FileSystemLoader(PACKAGE_TEMPLATES))
    env = jinja2.Environment(
        loader=jinja2.ChoiceLoader(loaders),
        autoescape=True,
        auto_reload=False,  # templates do not change during a build; checking costs a stat per render
        bytecode_cache=_COMPILED,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        markdown=lambda s: Markup(text.render_markdown(s)),
        dutch_date=text.dutch_date,
        meta_text=text.meta_text,
        languages=text.languages,
        phone=text.national_phone,
        dutch_list=dutch_list,
        unlabelled=text.without_example_label,
    )
    env.globals.update(group_by_theme=group_by_theme, whole_area=facts.whole_area, early_script=EARLY_SCRIPT)
    env.globals.update(card_facts=facts.card_facts, filter_choices=facts.filter_choices)
    return env
