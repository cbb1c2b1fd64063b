"""The worker processes that read files: one process a file, under hard limits (memory, CPU
time), at most `jobs` at once. A file whose worker is killed by a limit or crashes fails alone,
with that reason; the batch goes on. They are forked from a server that has the pipeline
imported (light module: the command line starts that server before it loads the pipeline itself,
so both load at once on two cores), so they hold none of the parent's files or locks.
"""

from __future__ import annotations

import multiprocessing
import resource
import signal
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

PRELOAD = ["pipelines.worker_preload"]  # what the worker server loads once, for every worker


def isolated(path: Path) -> bool:
    """Whether `path` is read in an isolated worker, under the hard limits: every regular file
    (what is not one is never opened, and is reported by the batch)."""
    try:
        return path.is_file()  # never open a FIFO or device to look
    except OSError:
        return False


def _context() -> multiprocessing.context.BaseContext:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(PRELOAD)
    return context


def start_server() -> None:
    """Start the server workers are forked from now: it imports the pipeline while this process
    goes on (a fresh process: it holds none of this process's files or locks). Where the system
    cannot start one, the batch later reads its files in this process."""
    try:
        from multiprocessing import forkserver

        _context()
        forkserver.ensure_running()
    except (OSError, ValueError):
        pass


@dataclass(frozen=True)
class Limits:
    """Hard limits of one worker process (0: none)."""

    memory_mb: int  # address space: a decompression bomb meets MemoryError, or is killed
    cpu_seconds: int  # CPU time: past it the process is killed (SIGXCPU)


class WorkerStopped(Exception):
    """A worker process ended without a result: killed by a limit, or crashed."""


class WorkerUnavailable(Exception):
    """No worker process could be started for the task (the caller runs it itself)."""


CPU_KILL_AFTER = 1  # seconds of CPU past the limit before the kernel kills: SIGXCPU comes first


def _limit(kind: int, value: int, hard_extra: int = 0) -> None:
    if value > 0:
        resource.setrlimit(kind, (value, value + hard_extra))


def _run(conn: Connection, limits: Limits, task: Callable[..., Any], args: tuple) -> None:
    """In the worker: set the limits, run the task, send its result back. The CPU limit's hard
    bound stands a second past its soft one: at a soft limit equal to the hard one the kernel
    sends SIGKILL, not SIGXCPU, and the file's reason would not name the CPU limit."""
    _limit(resource.RLIMIT_AS, limits.memory_mb << 20)
    _limit(resource.RLIMIT_CPU, limits.cpu_seconds, CPU_KILL_AFTER)
    conn.send(task(*args))
    conn.close()


def _why(exitcode: int | None, limits: Limits) -> str:
    if exitcode is not None and exitcode < 0:
        name = signal.Signals(-exitcode).name
        if -exitcode == signal.SIGXCPU:
            return f"killed at the CPU limit of {limits.cpu_seconds} s ({name})"
        return f"killed by {name} (the memory limit of {limits.memory_mb} MB, or a crash)"
    return f"the worker process ended without a result (exit code {exitcode})"


class IsolatedPool:
    """Runs each submitted task in a process of its own, at most `jobs` at once, under
    `limits`; a context manager like concurrent.futures' executors."""

    def __init__(self, jobs: int, limits: Limits) -> None:
        self.jobs, self.limits = jobs, limits
        self._context = _context()
        self._queue: deque[tuple[Future, Callable[..., Any], tuple]] = deque()
        self._wake = threading.Condition()
        self._closed = False
        self._manager = threading.Thread(target=self._manage, daemon=True)
        self._manager.start()

    def submit(self, task: Callable[..., Any], *args: Any) -> Future:
        future: Future = Future()
        with self._wake:
            self._queue.append((future, task, args))
            self._wake.notify()
        return future

    def _start(self, future: Future, task: Callable[..., Any], args: tuple) -> tuple:
        parent, child = self._context.Pipe(duplex=False)
        process = self._context.Process(target=_run, args=(child, self.limits, task, args))
        process.start()
        child.close()
        return process, parent, future

    def _manage(self) -> None:
        running: list[tuple] = []
        while True:
            with self._wake:
                while not self._queue and not running and not self._closed:
                    self._wake.wait()
                if self._closed and not self._queue and not running:
                    return
                while self._queue and len(running) < self.jobs:
                    future, task, args = self._queue.popleft()
                    try:
                        running.append(self._start(future, task, args))
                    except OSError as err:
                        future.set_exception(WorkerUnavailable(str(err)))
            if not running:
                continue
            ready = wait([conn for _, conn, _ in running] + [p.sentinel for p, _, _ in running])
            for entry in list(running):
                process, conn, future = entry
                if conn not in ready and process.sentinel not in ready:
                    continue
                try:
                    future.set_result(conn.recv())
                except (EOFError, OSError):
                    process.join()
                    future.set_exception(WorkerStopped(_why(process.exitcode, self.limits)))
                except Exception as err:  # a result that cannot be read back: that file's
                    future.set_exception(WorkerStopped(f"its result could not be read ({err})"))
                process.join()
                conn.close()
                running.remove(entry)

    def __enter__(self) -> IsolatedPool:
        return self

    def __exit__(self, *exc: object) -> None:
        with self._wake:
            for future, _, _ in self._queue:  # the batch stopped early: what never started
                future.cancel()
            self._queue.clear()
            self._closed = True
            self._wake.notify()
        self._manager.join()


def pool(jobs: int, limits: Limits) -> IsolatedPool | None:
    """A pool of `jobs` isolated workers forked from that server; None where the system cannot
    start one (the files are then read in this process)."""
    try:
        return IsolatedPool(jobs, limits)
    except (OSError, ValueError, NotImplementedError):
        return None
