"""Generated files made only when missing: their name holds the digest of what they are
made from (social cards, QR codes), so a file of that name that exists is up to date."""

from __future__ import annotations

import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterator

# Below this many files, starting worker processes costs more than it saves.
PARALLEL_FROM = 32


@dataclass(frozen=True)
class Lazy:
    """A file's digest and how to make its bytes (site.write_changed calls `make` only when
    the file is missing). Two are equal when their digests are."""

    digest: str
    make: Callable[[], bytes] = field(compare=False)  # picklable (a functools.partial), for make_all


def _make(lazy: Lazy) -> bytes:
    return lazy.make()


def _alone() -> bool:
    return threading.active_count() == 1


def make_all(lazies: list[Lazy]) -> Iterator[bytes]:
    """Every file's bytes, in order, one at a time (thousands of cards do not fit in memory
    together). Drawing is CPU-bound and each file independent, so a cold build uses every
    core, in forked workers. Not where threads run (`mkdocs serve`): a fork there could
    copy a lock another thread holds; spawned workers would re-run the caller's script."""
    workers = os.cpu_count() or 1
    if len(lazies) < PARALLEL_FROM or workers == 1 or not _alone():
        yield from (lazy.make() for lazy in lazies)
        return
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("fork")) as pool:
        yield from pool.map(_make, lazies, chunksize=max(1, len(lazies) // (workers * 8)))
