"""Fixtures: one strict build of the example site per run, served on 127.0.0.1 for browser tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .helpers import build_example, serve_dir


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


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    from .helpers import REPORT

    if REPORT:
        terminalreporter.section("wijkkaart: tellingen")
        for line in REPORT:
            terminalreporter.write_line(line)
