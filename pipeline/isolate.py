"""Each source is read in a worker process that can be killed.

A pathological file (a PDF page of a million drawing operations, a regular expression
that backtracks for hours, a library that leaks or crashes) then costs its own time limit
and nothing more: the worker is killed, the source gets a one-line error, a fresh worker
takes the next source, and the run goes on. Workers also cap their address space, so one
file cannot take the machine's memory; several work at once, so the run is faster too.

Workers are forked from a forkserver that has the pipeline imported and warmed up
(`pipeline.preload`): starting one costs milliseconds, and no worker inherits the parent's
threads (a progress bar has one).
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path

from pipeline.ingest import SourceResult, error_result, process_source


class WorkerStartError(RuntimeError):
    """Worker processes cannot be started here (no forkserver socket, process limits)."""


@dataclass(frozen=True)
class Limits:
    """What one source may cost. `seconds` is wall time; `memory_mb` is the worker's address space."""

    seconds: float = 120.0
    memory_mb: int = 3072
    jobs: int = max(1, min(4, os.cpu_count() or 1))


def _cap_memory(memory_mb: int) -> None:
    try:
        import resource

        limit = memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (ImportError, ValueError, OSError):  # not on this platform: the time limit still holds
        pass


Work = Callable[[Path, Path, bool], SourceResult]


def _serve(conn: Connection, memory_mb: int, debug: bool, work: Work) -> None:
    """A worker: read (root, path) jobs from `conn` and send back their SourceResult, until None."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    _cap_memory(memory_mb)
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        root, path = job
        try:
            result = work(root, path, debug)
        except MemoryError:
            result = error_result(root, path, "document is too large to read within the memory limit")
        try:
            conn.send(result)
        except MemoryError:
            conn.send(error_result(root, path, "document is too large to read within the memory limit"))


class _Worker:
    def __init__(self, ctx: mp.context.BaseContext, limits: Limits, debug: bool, work: Work) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_serve, args=(child, limits.memory_mb, debug, work), daemon=True)
        with _main_hidden():
            self.proc.start()
        child.close()
        self.job: tuple[int, Path] | None = None
        self.deadline = 0.0

    def give(self, index: int, root: Path, path: Path, seconds: float) -> None:
        self.job = (index, path)
        self.deadline = time.monotonic() + seconds
        self.conn.send((root, path))

    def stop(self, kill: bool = False) -> None:
        if not kill:
            try:
                self.conn.send(None)
            except OSError:
                kill = True
        if kill and self.proc.is_alive():
            self.proc.kill()
        self.proc.join(timeout=None if kill else 5)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


@contextlib.contextmanager
def _main_hidden() -> Iterator[None]:
    """Start a worker without re-running the caller's `__main__` in it.

    multiprocessing re-imports the parent's main script in each new process; that script may
    be stdin or `-c` (which cannot be re-read) or a program with side effects. Workers need
    nothing from it: their code and `work` live in importable modules.
    """
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved = {k: main.__dict__[k] for k in ("__file__", "__spec__") if k in main.__dict__}
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


def _context() -> mp.context.BaseContext:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["pipeline.preload"])
        return ctx
    return mp.get_context("spawn")


def _death(proc: mp.process.BaseProcess, limits: Limits) -> str:
    code = proc.exitcode
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code == signal.SIGKILL:
            return (f"reading was stopped by the system ({name}), most likely out of memory "
                    f"(limit {limits.memory_mb} MB per source)")
        return f"the reader crashed ({name}); the file is probably damaged"
    return f"the reader exited unexpectedly (exit status {code})"


def read_isolated(root: Path, paths: list[Path], limits: Limits, debug: bool = False,
                  on_done: Callable[[Path, SourceResult], None] | None = None,
                  work: Work = process_source) -> list[SourceResult]:
    """`work` (`process_source`) for every path, each in a worker under `limits`; results in the
    order of `paths`. `on_done` hears of each source as it finishes (a progress bar)."""
    results: list[SourceResult | None] = [None] * len(paths)
    if not paths:
        return []
    try:
        ctx = _context()
        workers = [_Worker(ctx, limits, debug, work) for _ in range(min(limits.jobs, len(paths)))]
    except OSError as e:
        raise WorkerStartError(f"cannot start worker processes ({e.strerror or e})") from e
    queue: Iterator[tuple[int, Path]] = iter(enumerate(paths))
    pending = len(paths)

    def finish(w: _Worker, result: SourceResult) -> None:
        nonlocal pending
        assert w.job is not None
        index, path = w.job
        results[index] = result
        w.job = None
        pending -= 1
        if on_done:
            on_done(path, result)

    def feed(w: _Worker) -> None:
        job = next(queue, None)
        if job is not None:
            w.give(job[0], root, job[1], limits.seconds)

    try:
        for w in workers:
            feed(w)
        while pending:
            busy = [w for w in workers if w.job is not None]
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
            ready = wait([w.conn for w in busy], timeout=timeout)
            for i, w in enumerate(workers):
                if w.job is None:
                    continue
                if w.conn in ready:
                    try:
                        result = w.conn.recv()
                    except (EOFError, OSError):
                        w.proc.join(timeout=5)
                        result = error_result(root, w.job[1], _death(w.proc, limits))
                        finish(w, result)
                        w.stop(kill=True)
                        workers[i] = w = _Worker(ctx, limits, debug, work)
                    else:
                        finish(w, result)
                    feed(w)
                elif time.monotonic() >= w.deadline:
                    path = w.job[1]
                    w.stop(kill=True)
                    finish(w, error_result(root, path, f"took longer than {limits.seconds:g} s to read; "
                                                       f"stopped (time limit per source, see --timeout)"))
                    workers[i] = w = _Worker(ctx, limits, debug, work)
                    feed(w)
    finally:
        for w in workers:
            w.stop(kill=w.job is not None)
    return [r for r in results if r is not None]
