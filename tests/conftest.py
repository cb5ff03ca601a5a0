"""Fixtures: one strict build of the example site per run, served on 127.0.0.1 for browser tests; the fixed
clock; and no test that logs a warning it does not assert."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from wijkkaart.records.settings import TODAY_VARIABLE

from .helpers import TODAY, build_example, build_strict, example_site, serve_dir
from .logged import logged_warnings

__all__ = ["logged_warnings"]
pytest_plugins = ["pytester"]

# The fixed clock: every build and check in this process and in the ones it starts takes TODAY as today,
# whatever the calendar says (a test that wants another day passes its own ``today`` or sets the variable).
os.environ[TODAY_VARIABLE] = TODAY.isoformat()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    build_example(out)
    return out


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    server, url = serve_dir(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def built_examples(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The regional (IJmond) and the small (Dordrecht) example, each built strictly once per run."""
    built = {}
    for name in ("ijmond", "dordrecht"):
        root = example_site(tmp_path_factory.mktemp("voorbeeld"), name)
        build_strict(root, root / "site")
        built[name] = root / "site"
    return built


@pytest.fixture(scope="session")
def example_urls(built_examples: dict[str, Path]) -> Iterator[dict[str, str]]:
    servers = {name: serve_dir(path) for name, path in built_examples.items()}
    yield {name: url for name, (_, url) in servers.items()}
    for server, _ in servers.values():
        server.shutdown()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from .helpers import REPORT

    if REPORT:
        terminalreporter.section("wijkkaart: tellingen")
        for line in REPORT:
            terminalreporter.write_line(line)
