"""Build steps that name themselves: a failure after the data checked out ends in one Dutch message that
says which step failed, never in a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from ..records.problems import DataError, Problem


class StepFailed(RuntimeError):
    """A step of the build failed for a reason other than the data (a fault, a full disk, a killed process)."""

    def __init__(self, step: str, detail: str) -> None:
        super().__init__(step, detail)
        self.step, self.detail = step, detail

    def __str__(self) -> str:
        return f"de stap '{self.step}' is mislukt ({self.detail})"

    def problem(self) -> Problem:
        """The failure as a problem for the banner that ``mkdocs serve`` shows over the last good site."""
        text = str(self)
        return Problem(
            "", 0, "", "build-step-failed", f"{text[:1].upper()}{text[1:]}.", "Meld dit aan wie de site beheert."
        )


def describe(err: BaseException) -> str:
    """An exception as one short line: its kind and its message."""
    text = str(err).strip().splitlines()
    return f"{type(err).__name__}: {text[0]}" if text else type(err).__name__


@contextmanager
def step(name: str) -> Iterator[None]:
    """Any failure inside becomes ``StepFailed(name, …)``; data problems and an already named step pass."""
    try:
        yield
    except (DataError, StepFailed):
        raise
    except Exception as err:
        raise StepFailed(name, describe(err)) from err
