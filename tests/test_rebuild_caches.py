"""What `mkdocs serve` keeps from one rebuild to the next is used only while what it was
made from is unchanged: list entries (render/entries.py), the records' parsed data
(filecheck.py); and the server does not watch what the build writes, nor its reads (serve_watch.py)."""

from __future__ import annotations

import re
import time
from pathlib import Path

from factcheck import filecheck
from factcheck.model import build_model
from factcheck.render.entries import Entries
from factcheck.render.reading import Reader
from factcheck.serve_watch import ChangesObserver, HandWritten, notified, watched
from factcheck.site import generated_paths
from factcheck.translations import STALE
from factcheck.validate import check_tree
from watchdog.events import FileModifiedEvent, FileSystemEventHandler

from sitebuild import copy_project


def _rendering(digests: dict, calls: list, states: set = frozenset()) -> tuple[str, Reader]:
    reader = Reader("en")
    entries = Entries("test-list", reader, digests)

    def render(r: Reader) -> str:
        calls.append(digests["a.yaml"])
        r.states |= states
        return f"<p>{digests['a.yaml']}</p>"

    html = entries.entry(["a.yaml", "b.yaml"], render)
    entries.close()
    return html, reader


def test_an_entry_is_rendered_again_only_when_one_of_its_inputs_changed():
    calls: list = []
    assert _rendering({"a.yaml": "1", "b.yaml": "x"}, calls)[0] == "<p>1</p>"
    assert _rendering({"a.yaml": "1", "b.yaml": "x"}, calls)[0] == "<p>1</p>"
    assert calls == ["1"]  # the second rendering reused the entry
    assert _rendering({"a.yaml": "2", "b.yaml": "x"}, calls)[0] == "<p>2</p>"
    _rendering({"a.yaml": "2", "b.yaml": "y"}, calls)
    assert calls == ["1", "2", "2"]


def test_a_reused_entry_still_marks_its_page_as_partly_untranslated():
    calls: list = []
    _rendering({"a.yaml": "3", "b.yaml": "x"}, calls, {STALE})
    _, reader = _rendering({"a.yaml": "3", "b.yaml": "x"}, calls)
    assert calls == ["3"] and reader.states == {STALE}


def test_without_digests_nothing_is_kept():
    calls: list = []
    for _ in range(2):
        Entries("no-digests", "en", None).entry(["a.yaml"], lambda r: calls.append(r) or "")
    assert len(calls) == 2


def test_a_record_is_parsed_once_in_a_process_while_its_file_holds_the_same_bytes(tmp_path, monkeypatch):
    project = copy_project(tmp_path / "p")
    rel = "claims/black-mirror-nosedive.yaml"
    check_tree(project)  # fills the checker's cache: the next checks take the records from it
    reads: list = []
    original = filecheck.read_file
    monkeypatch.setattr(filecheck, "read_file", lambda *a: reads.append(a[0]) or original(*a))

    def slug_of() -> str:
        records, _ = check_tree(project)
        return next(r for r in records if r.path == rel).data["slug"]

    assert slug_of() == slug_of() == "black-mirror-nosedive"
    assert reads.count(rel) == 0  # parsed by the first check
    filecheck._READ[rel] = ("the digest of other bytes", {"slug": "stale"}, {})
    assert slug_of() == "black-mirror-nosedive"
    assert reads.count(rel) == 1


class _Seen:
    def __init__(self):
        self.events: list = []

    def dispatch(self, event):
        self.events.append(event.src_path)


def test_the_server_passes_on_changes_to_hand_written_files_only(tmp_path):
    project = copy_project(tmp_path / "p")
    docs = project / "docs"
    (docs / "claims").mkdir()
    (docs / "claims" / "x.md").write_text("generated\n", encoding="utf-8")
    (docs / "feed.xml").write_text("generated\n", encoding="utf-8")
    seen = _Seen()
    handler = HandWritten(seen, docs)
    for path in (docs / "claims" / "x.md", docs / "feed.xml", docs / "index.md", docs / "overrides" / "main.html"):
        handler.dispatch(FileModifiedEvent(str(path)))
    assert seen.events == [str(docs / "index.md"), str(docs / "overrides" / "main.html")]


def test_no_generated_folder_is_watched(tmp_path):
    project = copy_project(tmp_path / "p")
    docs = project / "docs"
    (docs / "claims").mkdir()
    generated = set(generated_paths(docs))
    folders = dict(watched(docs, generated))
    assert folders[docs] is False  # docs/ itself holds generated folders: without its subfolders
    assert folders[docs / "overrides"] is True
    assert docs / "claims" not in folders
    assert not any(Path(f).is_relative_to(g) for f in folders for g in generated)


def test_a_text_is_made_again_for_another_dict_only():
    from factcheck.model import Text, build_model

    raw = {"en": "A claim", "nl": "Een bewering"}
    first = Text.of(raw)
    build_model([])  # a modelling ends: what it made is kept for the next
    assert Text.of(raw) is first
    assert Text.of({"en": "A claim"}) is not first and Text.of({"en": "A claim"}).state["nl"] == "missing"
    build_model([])
    build_model([])  # not made in the last modelling: made again
    assert Text.of(raw) is not first and Text.of(raw) == first


def _events_seen(folder: Path, action) -> list[str]:
    """The kinds of event a fresh observer of the server's kind reports while `action` runs."""
    seen: list[str] = []
    handler = FileSystemEventHandler()
    handler.on_any_event = lambda event: seen.append(event.event_type)
    observer = ChangesObserver()
    observer.schedule(handler, str(folder))
    observer.start()
    try:
        time.sleep(0.2)  # the watch is in place
        action()
        time.sleep(0.5)
    finally:
        observer.stop()
        observer.join()
    return seen


def test_the_server_is_told_of_a_save_at_once_and_not_of_a_read(tmp_path):
    """`make serve`'s observer hears of changes from the system (MkDocs' own polls every half
    second), and not of the build's reads, each of which would start another rebuild."""
    from mkdocs.livereload import LiveReloadServer

    record, elsewhere = tmp_path / "claim.yaml", tmp_path / "elsewhere"
    record.write_text("id: 1\n")
    elsewhere.mkdir()
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    try:
        server.watch(str(tmp_path))
        notified(server, [str(tmp_path), str(elsewhere)])  # `elsewhere` was not watched, and is not now
        assert isinstance(server.observer, ChangesObserver)
        assert [e.watch.path for e in server.observer.emitters] == [str(tmp_path)]
    finally:
        server.server_close()
    assert _events_seen(tmp_path, record.read_text) == []
    assert "modified" in _events_seen(tmp_path, lambda: record.write_text("id: 2\n"))


def _new_process() -> None:
    """What a new process starts with: nothing read yet, nothing kept yet."""
    filecheck._READ.clear()
    filecheck._ON_DISK.clear()
    filecheck._KEPT.clear()


def test_a_new_process_models_the_records_from_the_data_kept_on_disk(tmp_path, monkeypatch):
    """A build whose check comes from the cache takes the records' data from what the last
    process kept, parsing only the files whose bytes changed; the model is the same."""
    project = copy_project(tmp_path / "p")
    rel = "claims/black-mirror-nosedive.yaml"
    _new_process()
    records, _ = check_tree(project)
    model = repr(build_model(records))  # models compare by their text: some parts compare by identity
    filecheck.keep_parsed(project, records)
    reads: list = []
    original = filecheck.read_file
    monkeypatch.setattr(filecheck, "read_file", lambda *a: reads.append(a[0]) or original(*a))

    _new_process()
    again, _ = check_tree(project)
    assert repr(build_model(again)) == model
    assert reads == []
    filecheck.keep_parsed(project, again)

    text = (project / rel).read_text(encoding="utf-8")
    (project / rel).write_text(re.sub(r"^(claim:\n  en: )", r"\1Edited ", text, count=1, flags=re.M))
    _new_process()
    edited, _ = check_tree(project)
    assert next(r for r in edited if r.path == rel).data["claim"]["en"].startswith("Edited ")
    assert repr(build_model(edited)) != model
    assert reads == [rel]  # parsed once, for the check and the model; the rest came from the caches

    _new_process()
    monkeypatch.setenv("FACTCHECK_NO_CACHE", "1")
    check_tree(project)
    assert len(reads) > 1  # every file parsed again
