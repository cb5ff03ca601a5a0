"""The suite's rule for log output: a test that logs a warning fails, unless it takes and asserts it.

As in oprypin's mkdocs plugins: a warning nobody asserts is a fault, in the code or in the test. A test that
means to log warnings asks for the ``logged_warnings`` fixture and takes them (``logged_warnings.take()``),
comparing the exact messages; whatever is left at its end fails it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

# The root logger, and mkdocs's, which stops passing records up to the root once its command line has run.
WATCHED = ("", "mkdocs")


class LoggedWarnings(logging.Handler):
    """Every record of WARNING or worse logged during one test, once each."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if all(record is not seen for seen in self.records):  # one record can reach two watched loggers
            self.records.append(record)

    def take(self) -> list[str]:
        """The messages logged so far, in order; taken, they no longer fail the test."""
        messages = [record.getMessage() for record in self.records]
        self.records.clear()
        return messages


@pytest.fixture(autouse=True)
def logged_warnings() -> Iterator[LoggedWarnings]:
    handler = LoggedWarnings()
    loggers = [logging.getLogger(name) for name in WATCHED]
    for logger in loggers:
        logger.addHandler(handler)
    try:
        yield handler
    finally:
        for logger in loggers:
            logger.removeHandler(handler)
    if handler.records:
        lines = "\n".join(f"  {r.levelname} {r.name}: {r.getMessage()}" for r in handler.records)
        pytest.fail(f"the test logged warnings it did not take (logged_warnings.take()):\n{lines}", pytrace=False)
