"""Language codes editors may use, with their Dutch names (from CLDR via babel)."""

from __future__ import annotations

from functools import cache


@cache
def _names() -> dict[str, str]:
    from babel import Locale

    return {code: name for code, name in Locale("nl").languages.items() if "_" not in code}


def language_name(code: str) -> str | None:
    """``'ar'`` → ``'Arabisch'``; ``None`` for an unknown code."""
    return _names().get(code)


@cache
def language_codes() -> frozenset[str]:
    """Every code an editor may write: ``nl``, ``NL`` or ``Nl`` (one list for the check and the JSON Schema)."""
    return frozenset(form for code in _names() for form in (code, code.upper(), code.capitalize()))
