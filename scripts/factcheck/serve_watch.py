"""What `mkdocs serve` watches under docs/: the hand-written pages and assets, not what the
build generates there. MkDocs watches the whole of docs/, so each rebuild's own writes
started another rebuild, and polling the thousands of generated files every half second
took a share of the two cores from the build itself.

A folder that holds generated files or folders is watched without its subfolders, and
each hand-written subfolder the same way; events for the generated files directly in such
a folder (feed.xml, a translation's fallback pages and shared assets) are dropped. A
folder created by hand in such a folder while serving is seen after a restart.

MkDocs' observer polls every half second, so a save waited a quarter of a second on average
before its rebuild began; the system's own notifications (inotify on Linux; watchdog falls
back to polling where there are none) report it at once."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from watchdog.events import (
    FileAttribEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer

from .site import generated_paths


def watched(docs: Path, generated: set[Path]) -> Iterator[tuple[Path, bool]]:
    """(folder, with its subfolders) for every hand-written folder under docs/."""
    if not any(path.is_relative_to(docs) for path in generated):
        yield docs, True
        return
    yield docs, False
    for folder in sorted(p for p in docs.iterdir() if p.is_dir() and p not in generated):
        yield from watched(folder, generated)


class HandWritten(FileSystemEventHandler):
    """Passes on to `handler` the events of hand-written files only."""

    def __init__(self, handler: FileSystemEventHandler, docs: Path):
        self.handler, self.docs = handler, docs

    def dispatch(self, event: FileSystemEvent) -> None:
        paths = [Path(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        generated = generated_paths(self.docs)  # read at each event: a page may have been translated since
        if any(not any(p == g or p.is_relative_to(g) for g in generated) for p in paths):
            self.handler.dispatch(event)


class ChangesObserver(Observer):
    """Reports the events that change a file: inotify also reports each file opened and
    closed unwritten, and every read of the build would start another rebuild."""

    KINDS = [FileCreatedEvent, FileModifiedEvent, FileAttribEvent, FileClosedEvent, FileDeletedEvent, FileMovedEvent]

    def schedule(self, event_handler, path, **kwargs):
        return super().schedule(event_handler, path, **{**kwargs, "event_filter": self.KINDS})


def notified(server, paths: list[str]) -> None:
    """Give the server an observer told of changes by the system, before it starts; the
    paths it already watches among `paths` are watched again by the new one."""
    again = []
    for path in paths:
        try:
            server.unwatch(path)
        except KeyError:  # not watched (the theme's folders, without --watch-theme)
            continue
        again.append(path)
    server.observer = ChangesObserver()
    for path in again:
        server.watch(path)


def watch_hand_written(server, docs: Path) -> None:
    """Replace the server's watch of docs/ with watches of its hand-written folders. The
    server makes its handler in watch(); it is wrapped on its way to the observer."""
    server.unwatch(str(docs))
    observer, generated = server.observer, set(generated_paths(docs))
    schedule = observer.schedule
    observer.schedule = lambda handler, path, **kw: schedule(HandWritten(handler, docs), path, **kw)
    try:
        for folder, recursive in watched(docs, generated):
            server.watch(str(folder), recursive=recursive)
    finally:
        del observer.schedule
