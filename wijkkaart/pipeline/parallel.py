"""Work on the machine's second core: a forked process computes, the build goes on, the result comes back.

A fork shares the parent's memory (the catalog, the geometry) without copying or pickling it; only the
result travels back, pickled through a pipe. Elsewhere than Linux, on one core, or when asked not to, the
work runs here.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from typing import Generic, TypeVar, cast

from ..records.problems import DataError
from .steps import StepFailed, describe

T = TypeVar("T")
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies


class Background(Generic[T]):
    """``work`` started now (in a forked process when ``parallel``); ``result()`` waits for it.

    A failure in ``work`` is raised by ``result()`` (here or there alike) as ``StepFailed``: the step it
    named itself, else ``step``; and again by every later call of ``result()``.
    """

    def __init__(self, work: Callable[[], T], parallel: bool = True, step: str = "tweede kern") -> None:
        self.seconds = 0.0
        self.step = step
        self.forked = parallel and _can_fork()
        self._value: T | None = None
        self._failure: StepFailed | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if not self.forked:
            started = time.perf_counter()
            try:
                self._value = work()
            except DataError:
                raise
            except Exception as err:
                self._failure = _named(err, step)
            self.seconds = time.perf_counter() - started
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def run() -> None:
            _die_with_parent()
            started = time.perf_counter()
            try:
                send.send((True, work(), time.perf_counter() - started))
            except BaseException as err:  # every failure goes back to the parent
                send.send((False, _named(err, step), 0.0))

        self._process = context.Process(target=run, daemon=True)
        # What exists now lives on in both processes: out of the collector's sight, so that a collection in
        # either does not write to (and so copy) every page of the memory they share.
        gc.freeze()
        self._process.start()
        send.close()

    def result(self) -> T:
        if self._process is not None:
            self._receive_result(self._process)
        if self._failure is not None:
            raise self._failure
        return cast(T, self._value)

    def _receive_result(self, process: multiprocessing.process.BaseProcess) -> None:
        self._process = None
        try:
            with _collector_paused():  # unpickling makes millions of objects: no collections meanwhile
                ok, value, self.seconds = self._receive.recv()  # before join: a large result fills the pipe
        except EOFError:
            process.join()
            ok, value = False, StepFailed(self.step, f"het hulpproces stopte (code {process.exitcode})")
        process.join()
        self._receive.close()
        if ok:
            self._value = value
        else:
            self._failure = value


def _named(err: BaseException, step: str) -> StepFailed:
    return err if isinstance(err, StepFailed) else StepFailed(step, describe(err))


def _die_with_parent() -> None:
    """A forked helper whose build is killed (``kill -9``) stops too, instead of writing on for nothing."""
    import ctypes

    with suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, 9)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off for a while (as it was before, afterwards). Unpickling 5,000
    parsed files took 0.7 s with it, 0.15-0.2 s without: each burst of new objects set off collections
    that walked every object of the build so far."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _can_fork() -> bool:
    """Linux only: on macOS a fork of a process with system frameworks loaded may crash; Windows has none."""
    return sys.platform.startswith("linux") and (os.cpu_count() or 1) > 1
