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
from contextlib import contextmanager
from typing import Generic, TypeVar, cast

T = TypeVar("T")


class Background(Generic[T]):
    """``work`` started now (in a forked process when ``parallel``); ``result()`` waits for it."""

    def __init__(self, work: Callable[[], T], parallel: bool = True) -> None:
        self.seconds = 0.0
        self.forked = parallel and _can_fork()
        self._value: T | None = None
        self._process: multiprocessing.process.BaseProcess | None = None
        if not self.forked:
            started = time.perf_counter()
            self._value = work()
            self.seconds = time.perf_counter() - started
            return
        context = multiprocessing.get_context("fork")
        self._receive, send = context.Pipe(duplex=False)

        def run() -> None:
            started = time.perf_counter()
            try:
                send.send((True, work(), time.perf_counter() - started))
            except BaseException as err:  # every failure goes back to the parent
                send.send((False, f"{type(err).__name__}: {err}", 0.0))

        self._process = context.Process(target=run, daemon=True)
        # What exists now lives on in both processes: out of the collector's sight, so that a collection in
        # either does not write to (and so copy) every page of the memory they share.
        gc.freeze()
        self._process.start()
        send.close()

    def result(self) -> T:
        if self._process is None:
            return self._value  # type: ignore[return-value]
        try:
            with _collector_paused():  # unpickling makes millions of objects: no collections meanwhile
                ok, value, self.seconds = self._receive.recv()  # before join: a large result fills the pipe
        except EOFError:
            ok, value = False, f"het hulpproces stopte (code {self._process.exitcode})"
        self._process.join()
        self._process = None
        if not ok:
            raise RuntimeError(f"wijkkaart: {value}")
        self._value = cast(T, value)
        return self._value


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
