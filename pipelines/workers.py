"""The worker processes of a batch: when they pay, and how they start (light: the command line
starts them before it loads the pipeline itself, so both load at once on two cores)."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from extract.files import is_pdf

PARALLEL_MIN_TEXTS = 16  # text files parse fast: fewer than this are not worth worker processes
PRELOAD = ["pipelines.ingest"]  # what the worker server imports once, for every worker it forks


def _readable_pdf(path: Path) -> bool:
    try:
        return path.is_file() and is_pdf(path)  # never open a FIFO or device to look
    except OSError:
        return False  # the batch reports why it cannot be read


def worth_workers(paths: list[Path], jobs: int) -> bool:
    """Whether parsing `paths` is worth starting worker processes (about a second each): two
    or more files, among them a PDF or many texts."""
    return (
        jobs > 1
        and len(paths) > 1
        and (any(map(_readable_pdf, paths)) or len(paths) >= PARALLEL_MIN_TEXTS)
    )


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


def pool(jobs: int) -> ProcessPoolExecutor | None:
    """A pool of `jobs` worker processes forked from that server; None where the system cannot
    start one (the files are then read in this process)."""
    try:
        return ProcessPoolExecutor(max_workers=jobs, mp_context=_context())
    except (OSError, ValueError, NotImplementedError):
        return None
