"""The views' silent reads in workers run one after another: right after a project's first paint the
docks start five (the documents, the codebook's counts, the first quotes, the guide's marks, the saved
queries), and five threads asking for the interpreter at once kept the GUI thread waiting for it. A read
cancelled while it waits its turn does not read (the project closes without waiting for it); a read with
a busy bar runs at once beside them."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

import pytest

from app.shell.main_window import MainWindow
from coding.codebook.code_service import CodeService
from coding.documents.document_service import DocumentService
from tests.app.window_helpers import first_document_shown, hold_reads


def test_the_opening_reads_run_one_at_a_time(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "list", "coding_counts")
    counts = hold_reads(monkeypatch, CodeService, "passage_counts")
    assert shown.open_project(demo_copy), shown.last_problem
    qtbot.waitUntil(
        lambda: bool(held.threads["list"]) or bool(counts.threads["passage_counts"]), timeout=5000
    )
    qtbot.wait(300)  # the window answers meanwhile; the other reads wait their turn
    entered = [name for name, threads in (*held.threads.items(), *counts.threads.items()) if threads]
    assert len(entered) == 1, entered
    held.release.set()
    counts.release.set()
    documents = shown.documents_dock.model
    codes = shown.codebook_dock.model
    assert documents is not None and codes is not None
    qtbot.waitUntil(lambda: documents.listed and documents.counted and codes.counted, timeout=10_000)
    first_document_shown(qtbot, shown)
    threads = [t for name in ("list", "coding_counts") for t in held.threads[name]]
    threads += counts.threads["passage_counts"]
    assert threads and all(t is not threading.main_thread() for t in threads)


def test_reads_waiting_their_turn_are_not_read_when_the_project_closes(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    held = hold_reads(monkeypatch, DocumentService, "list")
    counts = hold_reads(monkeypatch, CodeService, "passage_counts")

    def entered() -> list[str]:
        return [name for name, threads in (*held.threads.items(), *counts.threads.items()) if threads]

    assert shown.open_project(demo_copy), shown.last_problem
    qtbot.waitUntil(lambda: bool(entered()), timeout=5000)  # one of them has its turn
    qtbot.wait(200)
    first = entered()
    assert len(first) == 1, first  # the other waits for it
    for release in (held.release, counts.release):
        threading.Timer(0.3, release.set).start()
    began = time.monotonic()
    shown.close_project()  # the reads are stopped: the one reading ends, the one waiting does not read
    assert time.monotonic() - began < 4.5  # (a held read waits 5 s at most)
    assert entered() == first
    assert shown.workspace is None and shown.last_problem == ""


def test_a_read_with_a_busy_bar_does_not_wait_for_the_silent_ones(
    qtbot: Any, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    workspace = window.workspace
    held = hold_reads(monkeypatch, DocumentService, "list")
    arrived: list[object] = []
    workspace.read_in_worker(lambda: workspace.project.documents.list(), arrived.append, title="held")
    qtbot.waitUntil(lambda: bool(held.threads["list"]), timeout=5000)  # a silent read holds its turn
    shown_at_once: list[int] = []
    workspace.read_in_worker(
        lambda: len(workspace.project.documents.order()), shown_at_once.append, title="busy", shown_in=window
    )
    qtbot.waitUntil(lambda: bool(shown_at_once), timeout=3000)  # read beside it
    assert not arrived
    held.release.set()
    qtbot.waitUntil(lambda: bool(arrived), timeout=5000)
