"""The Codebook's and the Documents dock's counts follow a coding by the change's own list of
codings (no recount of the project), and always equal a fresh count: after coding with a number
key, a second code of the same concept on the same words, Edit → Undo and Redo."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.codebook.code_tree_model import NAME, QUOTES
from app.documents.document_list_model import CODINGS
from app.shell.main_window import MainWindow
from coding.core.ids import CodeId, DocumentId
from tests.app.window_helpers import code_id, open_document, select_text

DIMENSION = "Vertrouwen/Betrouwbaarheid"
INDICATOR = "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"


def _shown(window: MainWindow) -> tuple[dict[CodeId, int], dict[DocumentId, int]]:
    """Every count the two docks show, read from their cells."""
    codebook, documents = window.codebook_dock.model, window.documents_dock.model
    assert codebook is not None and documents is not None
    codebook.flush()
    documents.flush()
    codes = {code.id: int(codebook.index_of(code.id, QUOTES).data()) for code in codebook.tree}
    shown = {
        d.id: int(documents.index_of(d.id).siblingAtColumn(CODINGS).data()) for d in documents.documents()
    }
    return codes, shown


def _fresh(window: MainWindow) -> tuple[dict[CodeId, int], dict[DocumentId, int]]:
    assert window.workspace is not None
    project = window.workspace.project
    counts = project.codes.passage_counts()
    return (
        {code.id: counts.get(code.id, 0) for code in project.codes.tree()},
        {d.id: d.coding_count or 0 for d in project.documents.list()},
    )


@pytest.fixture
def recounts(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Calls that count the whole project, made by the docks from now on."""
    assert window.workspace is not None
    project = window.workspace.project
    made: list[str] = []
    passage_counts, listed = project.codes.passage_counts, project.documents.list

    def counting_passages() -> Any:
        made.append("passage_counts")
        return passage_counts()

    def listing(*, with_counts: bool = True) -> Any:
        if with_counts:
            made.append("documents.list")
        return listed(with_counts=with_counts)

    monkeypatch.setattr(project.codes, "passage_counts", counting_passages)
    monkeypatch.setattr(project.documents, "list", listing)
    return made


def test_counts_follow_coding_undo_and_redo_without_a_recount(
    qtbot: Any, window: MainWindow, recounts: list[str]
) -> None:
    assert window.workspace is not None
    window.workspace.favourites.set([code_id(window, DIMENSION), code_id(window, INDICATOR)])
    document = open_document(window, "R12_uwv_zwolle")
    QApplication.processEvents()
    codes_before, documents_before = _shown(window)
    recounts.clear()

    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # the dimension, then its indicator, on the same words
        select_text(window, "Samen kom je veel verder.")
        qtbot.keyClick(window.view, key)
    QApplication.processEvents()
    codes, documents = _shown(window)
    assert recounts == [], "the docks adjusted their counts from the change"
    assert documents[document] == documents_before[document] + 2
    concept = code_id(window, "Vertrouwen")
    assert codes[concept] == codes_before[concept] + 1  # one passage, counted once
    assert (codes, documents) == _fresh(window)
    recounts.clear()

    window.window_actions.undo.trigger()
    QApplication.processEvents()
    shown = _shown(window)
    assert recounts == []
    assert shown == _fresh(window)
    assert shown[1][document] == documents_before[document] + 1
    recounts.clear()

    window.window_actions.undo.trigger()
    window.window_actions.redo.trigger()
    window.window_actions.redo.trigger()
    QApplication.processEvents()
    shown = _shown(window)
    assert recounts == []
    assert shown == _fresh(window)
    assert shown[1][document] == documents_before[document] + 2


def test_a_change_made_elsewhere_is_counted_afresh(window: MainWindow, recounts: list[str]) -> None:
    """Another program's change lists no codings: the docks count again and still agree."""
    assert window.workspace is not None
    project = window.workspace.project
    from coding import Aspect, Change

    document = project.documents.find("R12_uwv_zwolle").id
    project.codings.code(document, DIMENSION, 0, 30)
    recounts.clear()
    window.workspace.changed.emit(Change.about(Aspect.CODINGS, document_ids=None))
    QApplication.processEvents()
    assert _shown(window) == _fresh(window)
    assert "passage_counts" in recounts and "documents.list" in recounts


def test_counts_left_until_after_the_first_paint_include_codings_made_meanwhile(
    qtbot: Any, window: MainWindow
) -> None:
    """The codebook's first listing shows its passage counts once the tree was painted (a large
    project's window shows without waiting for them); a coding made before that is counted once."""
    from app.codebook.code_tree_model import CodeTreeModel

    assert window.workspace is not None
    project = window.workspace.project
    model = CodeTreeModel(window.workspace, window, totals_later=True)
    concept = code_id(window, "Vertrouwen")
    assert model.index_of(concept, QUOTES).data() == ""  # not counted yet: blank, not a wrong 0
    tip = model.index_of(concept, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert "Vertrouwen" in tip and "coding(s)" not in tip  # nor a wrong 0 in its tooltip
    before = project.codes.passage_counts()[concept]
    document = project.documents.find("R12_uwv_zwolle").id
    project.codings.code(document, DIMENSION, 0, 30)
    model.flush()
    changed: list[int] = []
    model.dataChanged.connect(lambda top, _bottom, _roles: changed.append(top.column()))
    model.load_totals()
    assert model.index_of(concept, QUOTES).data() == str(before + 1)
    direct = project.codes.counts().get(concept, 0)
    tip = model.index_of(concept, NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert f"{before + 1} coded passage(s) with its subcodes, {direct} coding(s)" in tip
    assert QUOTES in changed  # the column repaints
    assert {c.id: int(model.index_of(c.id, QUOTES).data()) for c in model.tree} == _fresh(window)[0]

    dock = window.codebook_dock  # the window's own dock counted right after its tree was painted
    assert dock.model is not None
    qtbot.waitUntil(lambda: dock.model.index_of(concept, QUOTES).data() != "", timeout=3000)
    assert _shown(window) == _fresh(window)


def test_the_codebook_counts_in_a_worker_and_again_after_a_coding_made_meanwhile(
    qtbot: Any, shown: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The codebook's first counts are made in a worker thread after its first paint; a coding
    committed after the worker read (made to wait until then) makes it count again."""
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.codebook_dock.model
    assert shown.workspace is not None and model is not None
    project = shown.workspace.project
    concept = code_id(shown, "Vertrouwen")
    assert model.index_of(concept, QUOTES).data() == ""
    read, coded = threading.Event(), threading.Event()
    counting = project.codes.passage_counts
    calls: list[str] = []

    def count_then_wait() -> dict[CodeId, int]:
        calls.append(threading.current_thread().name)
        counts = counting()
        if len(calls) == 1:  # the first count has read; the coding follows before it arrives
            read.set()
            coded.wait(10)
        return counts

    monkeypatch.setattr(project.codes, "passage_counts", count_then_wait)
    qtbot.waitUntil(read.is_set, timeout=5000)
    before = counting()[concept]
    document = project.documents.find("R12_uwv_zwolle").id
    project.codings.code(document, DIMENSION, 0, 30)
    coded.set()
    qtbot.waitUntil(lambda: model.index_of(concept, QUOTES).data() != "", timeout=5000)
    assert len(calls) == 2 and threading.main_thread().name not in calls  # again, off the GUI thread
    assert model.index_of(concept, QUOTES).data() == str(before + 1)
    assert _shown(shown)[0] == _fresh(shown)[0]
