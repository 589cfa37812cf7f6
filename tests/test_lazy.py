"""Generated files made only when missing (render.lazy): drawn in worker processes when there
are many, with the same bytes, in the same order, as one by one."""

from __future__ import annotations

import threading

from factcheck.editions import SiteInfo
from factcheck.render import lazy
from factcheck.render.cards import planned
from factcheck.render.qr import qr_svg

INFO = SiteInfo("Test Site", "https://example.org/")


def _many(n: int) -> list[lazy.Lazy]:
    cards = [planned(f"c{i}", f"Claim number {i}", INFO.name, f"example.org/c/{i}/")[1] for i in range(n)]
    codes = [lazy.Lazy(str(i), lambda i=i: qr_svg(f"https://example.org/claims/c{i}/")) for i in range(3)]
    return cards + codes  # the codes' lambdas are few enough to be made in this process


def test_many_files_are_made_in_workers_with_the_same_bytes_in_order(monkeypatch):
    pools = []

    class Counted(lazy.ProcessPoolExecutor):
        def __init__(self, *args, **kwargs):
            pools.append(self)
            super().__init__(*args, **kwargs)

    monkeypatch.setattr(lazy, "ProcessPoolExecutor", Counted)
    monkeypatch.setattr(lazy, "_alone", lambda: True)  # other tests leave server threads behind
    files = _many(lazy.PARALLEL_FROM)
    cards = files[: lazy.PARALLEL_FROM]
    assert list(lazy.make_all(cards)) == [f.make() for f in cards]
    assert len(pools) == (1 if (lazy.os.cpu_count() or 1) > 1 else 0)
    assert list(lazy.make_all(files[lazy.PARALLEL_FROM :])) == [f.make() for f in files[lazy.PARALLEL_FROM :]]


def test_with_other_threads_running_files_are_made_here(monkeypatch):
    monkeypatch.setattr(lazy, "ProcessPoolExecutor", None)  # would fail if used
    done = threading.Event()
    thread = threading.Thread(target=done.wait)
    thread.start()
    try:
        files = _many(lazy.PARALLEL_FROM)[: lazy.PARALLEL_FROM]
        assert list(lazy.make_all(files)) == [f.make() for f in files]
    finally:
        done.set()
        thread.join()
