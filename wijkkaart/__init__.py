"""wijkkaart: a static-site generator for a neighbourhood social map (sociale kaart)."""

from __future__ import annotations

__version__ = "0.1.0"
