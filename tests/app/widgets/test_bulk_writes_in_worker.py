"""Issue 19: the bulk writes (code all turns of a speaker, code a guide question's confirmed answers,
merge two codes, delete a code, import a supervisor's review, accept all suggestions for a code) commit
in a worker thread (``write_in_worker``): at ten times the corpus each took seconds to a minute of a
frozen window, and so did its undo and redo.

Each test drives the real widget with the user's clicks and keys while the command is held inside its
open transaction in the worker: the window answers (a timer fires), another write is refused with the
line naming the action, nothing is committed yet; released, the step is one entry on the undo stack,
Edit → Undo (in a worker too) gives the file's rows back exactly and Edit → Redo the written ones.
Each fails on the code before: the command ran on the GUI thread (the held plan gives up there)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from app.codebook.code_picker import CodePicker
from app.guide.guide_table_model import ANSWER_ROLE
from app.shell.main_window import MainWindow
from app.widgets import operations
from app.widgets.long_operation import running_operations
from coding.codebook.code_commands import DeleteCode, MergeCodes
from coding.language.suggestions.commands import AcceptSuggestions
from coding.passages.bulk_coding import ApplyCodings
from coding.reviews.review_commands import SetReviewMarks
from coding.reviews.review_layout import ID_COLUMN, QUOTE_BLOCK, REVIEW_COLUMN
from tests.app.guide.test_guide_window import _cell, _click, _open_guide
from tests.app.speakers.test_speaker_coding import choose_code
from tests.app.window_helpers import (
    HeldWrite,
    code_interviewer_turns_everywhere,
    hold_reads,
    hold_write,
    open_document,
    select_text,
    tree_index,
    written,
)
from tests.coding.dump import dump


def _held_then_undone(
    qtbot, window: MainWindow, held: HeldWrite, act: Callable[[], object], status: QWidget | None = None
) -> None:  # type: ignore[no-untyped-def]
    """``act`` (the user's gesture) starts the write; check it while held, then release, undo, redo."""
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    steps = workspace.undo_stack.count()
    before = dump(project.path)
    act()
    qtbot.waitUntil(held.entered.is_set, timeout=10_000)
    assert held.threads[0] is not threading.main_thread()  # planned and written in a worker thread
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: bool(ticks))  # the window answers meanwhile
    if status is not None:
        busy = status.findChild(QWidget, "operationProgress")
        assert busy is not None and busy.isVisible()
    assert not operations.perform(window, lambda: project.codes.create("Tussendoor"))  # refused at once
    assert "is still being written" in operations.last_problem(window)
    assert dump(project.path) == before  # nothing committed while it is held
    held.release.set()
    written(qtbot)
    assert workspace.undo_stack.count() == steps + 1
    after = dump(project.path)
    assert after != before
    window.window_actions.undo.trigger()  # Edit → Undo: in a worker thread too
    written(qtbot)
    assert dump(project.path) == before and workspace.undo_stack.index() == steps
    window.window_actions.redo.trigger()
    written(qtbot)
    assert dump(project.path) == after and workspace.undo_stack.index() == steps + 1


def test_code_menu_codes_the_speaker_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    held = hold_write(monkeypatch, ApplyCodings)
    pickers: list[CodePicker] = []
    window.controller.pick_code = pickers.append
    open_document(window, "R8_wethouder_zwolle")
    select_text(window, "Heel belangrijk. Wij hadden hier eigenlijk al het gevoel")

    def code_r8() -> None:
        window.window_actions.speaker_turns.trigger()  # Code → Code all turns of this speaker…
        choose_code(qtbot, pickers[0], "Coordinatie")

    _held_then_undone(qtbot, window, held, code_r8, window.statusBar())


def test_guide_window_codes_the_confirmed_answers_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    guide = _open_guide(qtbot, window)
    answer = _cell(guide, "2b", "R12_uwv_zwolle").data(ANSWER_ROLE)
    project.guide.decide("R12_uwv_zwolle", answer.asked_at, "2b", "confirmed")
    qtbot.waitUntil(lambda: _cell(guide, "2b", "R12_uwv_zwolle").data(ANSWER_ROLE).confirmed)
    held = hold_write(monkeypatch, ApplyCodings)

    def code_answers() -> None:
        _click(qtbot, guide.table, _cell(guide, "2b", "R12_uwv_zwolle"))
        qtbot.mouseClick(guide.code_button, Qt.MouseButton.LeftButton)

    _held_then_undone(qtbot, window, held, code_answers, guide.statusBar())


def test_a_question_without_confirmed_answers_is_refused_at_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    guide = _open_guide(qtbot, window)
    _click(qtbot, guide.table, _cell(guide, "2b", "R12_uwv_zwolle"))
    qtbot.mouseClick(guide.code_button, Qt.MouseButton.LeftButton)
    assert not running_operations()  # no worker started for nothing
    assert "no confirmed answer to 2b" in guide.statusBar().currentMessage()


def test_codebook_merges_two_codes_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    held = hold_write(monkeypatch, MergeCodes)
    dock = window.codebook_dock
    dock.confirm = lambda *_args: True
    pickers: list[CodePicker] = []
    dock.pick_code = pickers.append
    dock.tree.setCurrentIndex(tree_index(window, "Vertrouwen/Betrouwbaarheid"))

    def merge() -> None:
        dock.merge_action.trigger()  # Merge… → pick the target
        qtbot.keyClicks(pickers[0].search, "Stabiliteit")
        qtbot.keyClick(pickers[0].search, Qt.Key.Key_Return)

    _held_then_undone(qtbot, window, held, merge, window.statusBar())


def test_codebook_deletes_a_code_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    held = hold_write(monkeypatch, DeleteCode)
    dock = window.codebook_dock
    dock.confirm = lambda *_args: True
    tree = dock.tree
    tree.setCurrentIndex(tree_index(window, "Vertrouwen"))
    tree.setFocus()
    _held_then_undone(
        qtbot, window, held, lambda: qtbot.keyClick(tree, Qt.Key.Key_Delete), window.statusBar()
    )


def test_a_supervisors_review_is_written_in_a_worker(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    assert window.workspace is not None
    project = window.workspace.project
    path = project.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    book = load_workbook(path)
    marked = 0
    for sheet in book.worksheets[1:]:
        quotes = False
        for row in sheet.iter_rows():
            ident = row[ID_COLUMN - 1].value if len(row) >= ID_COLUMN else None
            if isinstance(ident, str) and ident.startswith("codewerk:"):
                quotes = ident == QUOTE_BLOCK
            elif quotes and ident:
                row[REVIEW_COLUMN - 1].value = "agreed"
                marked += 1
    assert marked > 10
    book.save(path)
    shown: list[QMessageBox] = []
    monkeypatch.setattr(QMessageBox, "open", lambda box: shown.append(box))
    held = hold_write(monkeypatch, SetReviewMarks)
    _held_then_undone(qtbot, window, held, lambda: window.import_review(path=path))
    assert f"{marked} mark(s) added" in shown[0].text()


def test_accept_all_suggestions_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    window.search()
    language = window.language_window
    assert language is not None
    queue = language.suggestions
    language.tabs.setCurrentWidget(queue)
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)  # indexes, finds, stores
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    written(qtbot)
    code = next(s.code_id for s in project.assist.suggestions.list())
    queue.scope.set_code(code)
    qtbot.waitUntil(lambda: queue.reading is None and queue.accept_all_button.isEnabled())
    held = hold_write(monkeypatch, AcceptSuggestions)
    _held_then_undone(
        qtbot,
        window,
        held,
        lambda: qtbot.mouseClick(queue.accept_all_button, Qt.MouseButton.LeftButton),
        queue.status,
    )


def test_after_a_bulk_coding_on_a_big_project_the_docks_count_again_in_a_worker(  # type: ignore[no-untyped-def]
    qtbot, window: MainWindow, monkeypatch
) -> None:
    """A change that does not list its codings (more than ``MAX_CODED``: every turn of a speaker) on a
    project of many codings: the Codes and Documents docks count afresh in a worker thread (0.4-0.5 s
    each over 200,000 codings), the old counts shown meanwhile, the new ones exact when they arrive."""
    from app.codebook.code_tree_model import QUOTES
    from app.documents.document_list_model import CODINGS
    from app.shell import deferred_changes
    from coding.codebook.code_service import CodeService
    from coding.documents.document_service import DocumentService
    from coding.undo import delta

    assert window.workspace is not None
    project = window.workspace.project
    monkeypatch.setattr(deferred_changes, "COUNT_IN_WORKER_OVER", 0)
    monkeypatch.setattr(delta, "MAX_CODED", 3)
    codes, documents = window.codebook_dock.model, window.documents_dock.model
    assert codes is not None and documents is not None
    qtbot.waitUntil(lambda: codes.counted and documents.counted and not running_operations())
    document = project.documents.id_of("R12_uwv_zwolle")

    def shown() -> tuple[object, object]:
        return (
            tree_index(window, "Stabiliteit").siblingAtColumn(QUOTES).data(),
            documents.index_of(document).siblingAtColumn(CODINGS).data(),
        )

    before = shown()
    held = hold_reads(monkeypatch, CodeService, "passage_counts")
    held_documents = hold_reads(monkeypatch, DocumentService, "coding_counts")
    code_interviewer_turns_everywhere(qtbot, window, "Stabiliteit")
    qtbot.waitUntil(
        lambda: bool(held.threads.get("passage_counts") and held_documents.threads.get("coding_counts"))
    )
    counting = [*held.threads["passage_counts"], *held_documents.threads["coding_counts"]]
    assert all(thread is not threading.main_thread() for thread in counting)
    assert shown() == before  # the old counts until the new ones arrive
    held.release.set()
    held_documents.release.set()
    written(qtbot)
    stabiliteit = project.codes.resolve("Stabiliteit").id
    expected = (
        str(project.codes.passage_counts()[stabiliteit]),
        str(project.documents.coding_counts()[document]),
    )
    qtbot.waitUntil(lambda: shown() == expected)
    assert expected != before


def test_a_bulk_coding_in_many_documents_adjusts_their_counts_at_once(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Counts moved in more than ``ADJUST_ROWS_UP_TO`` documents are adjusted in one pass and announced
    once (row by row the dock measured the largest count again for each: 21 s for 2,000 interviews)."""
    from app.documents import document_list_model
    from app.documents.document_list_model import CODINGS

    assert window.workspace is not None
    project = window.workspace.project
    monkeypatch.setattr(document_list_model, "ADJUST_ROWS_UP_TO", 1)
    documents = window.documents_dock.model
    assert documents is not None
    qtbot.waitUntil(lambda: documents.counted and not running_operations())
    measured: list[int] = []  # the dock measures the largest count again on every announcement
    largest = document_list_model.DocumentListModel.largest_count

    def counted_largest(self):  # type: ignore[no-untyped-def]
        measured.append(1)
        return largest(self)

    monkeypatch.setattr(document_list_model.DocumentListModel, "largest_count", counted_largest)
    announced: list[tuple[int, int]] = []

    def ranges(top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        if top.row() != bottom.row():  # a range of rows (one row: the current document's bold name)
            announced.append((top.column(), bottom.column()))

    documents.dataChanged.connect(ranges)
    code_interviewer_turns_everywhere(qtbot, window, "Stabiliteit")
    written(qtbot)
    documents.flush()
    assert announced and set(announced) == {(CODINGS, CODINGS)}  # ranges of rows: the names left alone
    fresh = project.documents.coding_counts()
    listed = project.documents.list(with_counts=False)
    assert len(listed) > 2
    for info in listed:
        assert documents.index_of(info.id).siblingAtColumn(CODINGS).data() == str(fresh.get(info.id, 0))
    assert 0 < len(measured) < 2 * len(listed)  # not once for each document and once for its group
