"""Coding by speaker in the window: "code all turns of R8" from the transcript's context menu, the Code
menu and the Speakers dialog, and coding a selection without the interviewer's turns; one undo step each."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from app.codebook.code_picker import CodePicker
from app.shell.main_window import MainWindow
from app.speakers.speakers_dialog import SpeakersDialog
from tests.app.conftest import SCREENSHOTS
from tests.app.window_helpers import open_document, select_chars, select_text, written

ANSWER = "Heel belangrijk. Wij hadden hier eigenlijk al het gevoel"


def right_click(qtbot, window: MainWindow, offset: int, choose: str, screenshot: str = "") -> None:  # type: ignore[no-untyped-def]
    """Right-click the transcript at a character and trigger the menu item whose text starts with ``choose``."""
    view = window.view
    rect = view.span_rects(offset, offset + 1)[0]
    point = QPoint(int(rect.center().x()), int(rect.center().y()))
    chosen: list[str] = []

    def pick_from_menu() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        action = next(a for a in menu.actions() if a.text().startswith(choose))
        chosen.append(action.text())
        if screenshot:
            SCREENSHOTS.mkdir(parents=True, exist_ok=True)
            menu.grab().save(str(SCREENSHOTS / f"{screenshot}.png"))
        menu.close()
        action.trigger()

    QTimer.singleShot(50, pick_from_menu)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, view.viewport().mapToGlobal(point))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(lambda: bool(chosen))


def choose_code(qtbot, picker: CodePicker, typed: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(picker.search, typed)
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)


def quotes(window: MainWindow, code: str, document: str | None = None) -> list[str]:
    assert window.workspace is not None
    found = window.workspace.project.quotes(code, include_subcodes=False)
    return [q.text for q in found if document is None or q.document == document]


def test_context_menu_codes_all_turns_of_the_speaker_in_this_document(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pickers: list[CodePicker] = []
    window.controller.pick_code = pickers.append
    open_document(window, "R8_wethouder_zwolle")
    project = window.workspace.project  # type: ignore[union-attr]
    turns = [t for t in project.documents.turns("R8_wethouder_zwolle") if t.speaker == "R8"]
    before = len(quotes(window, "Stabiliteit"))
    right_click(
        qtbot,
        window,
        window.view.text.index(ANSWER) + 5,
        "Code all turns of R8 in this document",
        "speaker_menu",
    )
    assert pickers and pickers[0].windowTitle() == "Code all turns of R8 in this document with…"
    choose_code(qtbot, pickers[0], "Stabiliteit")
    written(qtbot)  # in a worker thread
    coded = quotes(window, "Stabiliteit", "R8_wethouder_zwolle")
    assert len(coded) == len(turns) > 5
    assert coded[0].startswith(ANSWER)  # the words, without "[00:00:14] R8: "
    assert "Coded" in window.statusBar().currentMessage()
    assert window.workspace.undo_stack.undoText() == "Code all turns of R8 with Stabiliteit"  # type: ignore[union-attr]
    # the transcript shows the new passages at once
    assert window.view.index.innermost(window.view.text.index(ANSWER) + 5) is not None
    window.window_actions.undo.trigger()
    written(qtbot)  # in a worker thread
    assert len(quotes(window, "Stabiliteit")) == before


def test_context_menu_codes_a_speaker_in_all_documents(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pickers: list[CodePicker] = []
    window.controller.pick_code = pickers.append
    open_document(window, "R12_uwv_zwolle")
    project = window.workspace.project  # type: ignore[union-attr]
    question = window.view.text.index("I: ") + 5
    right_click(qtbot, window, question, "Code all turns of I in all documents")
    qtbot.keyClicks(pickers[0].search, "Vragen van de interviewer")  # no such code: create it
    assert not pickers[0].create_button.isHidden()
    qtbot.mouseClick(pickers[0].create_button, Qt.MouseButton.LeftButton)
    written(qtbot)  # in a worker thread
    coded = project.quotes("Vragen van de interviewer", include_subcodes=False)
    assert {q.document for q in coded} == {d.name for d in project.documents.list()}
    assert window.workspace.undo_stack.undoText() == (  # type: ignore[union-attr]
        "Create code Vragen van de interviewer and code all turns of I"
    )
    window.window_actions.undo.trigger()
    written(qtbot)  # in a worker thread
    assert all(c.name != "Vragen van de interviewer" for c in project.codes.tree())


def test_code_menu_codes_the_respondents_words_of_a_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pickers: list[CodePicker] = []
    window.controller.pick_code = pickers.append
    open_document(window, "R8_wethouder_zwolle")
    text = window.view.text
    start = text.index("[00:00:06] I:")
    end = text.index("[00:01:15] I:")  # two questions and two answers
    select_chars(window, start, end)
    before = quotes(window, "3a", "R8_wethouder_zwolle")  # the demo has one already
    qtbot.keyClick(
        window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert pickers and pickers[0].windowTitle() == "Code the respondent's words in the selection with…"
    choose_code(qtbot, pickers[0], "3a")
    written(qtbot)  # in a worker thread
    coded = [q for q in quotes(window, "3a", "R8_wethouder_zwolle") if q not in before]
    assert len(coded) == 2
    assert all(q.startswith("[00:00:") and " R8: " in q and "I:" not in q for q in coded)
    assert window.workspace.undo_stack.undoText().startswith("Code respondent's words with")  # type: ignore[union-attr]
    window.window_actions.undo.trigger()
    written(qtbot)  # in a worker thread
    assert quotes(window, "3a", "R8_wethouder_zwolle") == before
    # only the interviewer's words: refused with a message, nothing coded
    question = text.index("Is er een heldere visie?")
    select_chars(window, question, question + 10)
    picker = window.controller.open_respondent_picker()
    assert picker is not None
    choose_code(qtbot, picker, "3a")
    written(qtbot)  # in a worker thread
    assert "only the interviewer's words" in window.last_problem
    assert quotes(window, "3a", "R8_wethouder_zwolle") == before


def test_code_menu_codes_the_speaker_at_the_cursor(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    pickers: list[CodePicker] = []
    window.controller.pick_code = pickers.append
    open_document(window, "R8_wethouder_zwolle")
    select_text(window, ANSWER)
    window.window_actions.speaker_turns.trigger()
    choose_code(qtbot, pickers[0], "Coordinatie")
    written(qtbot)  # in a worker thread
    assert len(quotes(window, "Coördinatie", "R8_wethouder_zwolle")) > 5
    select_chars(window, 0, 5)  # the title line: no speaker there
    window.window_actions.speaker_turns.trigger()
    assert len(pickers) == 1 and "Put the cursor in a speaker's turn" in window.statusBar().currentMessage()


def test_speakers_dialog_codes_all_turns_of_the_selected_speaker(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.workspace.project  # type: ignore[union-attr]
    dialog = SpeakersDialog(project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    pickers: list[CodePicker] = []
    dialog.pick_code = pickers.append
    qtbot.mouseClick(dialog.code_turns_button, Qt.MouseButton.LeftButton)
    assert not pickers and "Select a speaker" in dialog.status.currentMessage()
    dialog.select("R12")
    qtbot.mouseClick(dialog.code_turns_button, Qt.MouseButton.LeftButton)
    assert pickers[0].windowTitle() == "Code all turns of R12 (all documents) with…"
    choose_code(qtbot, pickers[0], "Urgentiebesef")
    written(qtbot)  # in a worker thread
    turns = [t for t in project.documents.turns("R12_uwv_zwolle") if t.speaker == "R12"]
    assert len(quotes(window, "Urgentiebesef", "R12_uwv_zwolle")) == len(turns)
    assert "Coded" in dialog.status.currentMessage() and "R12" in dialog.status.currentMessage()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    assert dialog.grab().save(str(SCREENSHOTS / "speakers_code_turns.png"))
    assert window.workspace.undo_stack.undoText() == "Code all turns of R12 with Urgentiebesef"  # type: ignore[union-attr]
    window.window_actions.undo.trigger()
    written(qtbot)  # in a worker thread
    assert len(quotes(window, "Urgentiebesef", "R12_uwv_zwolle")) < len(turns)
    # in one document only
    dialog.scope.setCurrentIndex(dialog.scope.findText("R8_wethouder_zwolle"))
    dialog.select("I")
    qtbot.mouseClick(dialog.code_turns_button, Qt.MouseButton.LeftButton)
    choose_code(qtbot, pickers[1], "Stabiliteit")
    written(qtbot)  # in a worker thread
    assert {
        q.document for q in project.quotes("Stabiliteit", include_subcodes=False) if q.text.endswith("?")
    } == {"R8_wethouder_zwolle"}
    dialog.close()


def test_tools_speakers_reads_the_list_in_a_worker_while_the_dialog_answers(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Listing the speakers reads every document's turns (seconds over a research group's 2,000):
    Tools → Speakers opens at once and reads them off the GUI thread with a busy bar, answering keys
    meanwhile; after a change the rows are read there again and the selection comes back with them."""
    import threading

    from PySide6.QtWidgets import QWidget

    from coding.speakers.speaker_service import SpeakerService
    from tests.app.window_helpers import hold_reads

    held = hold_reads(monkeypatch, SpeakerService, "list")
    threads = held.threads["list"]
    project = window.workspace.project  # type: ignore[union-attr]
    seen: dict[str, object] = {}

    def look() -> None:  # in the dialog's own event loop (Tools → Speakers is modal)
        dialog = QApplication.activeModalWidget()
        try:
            check(dialog)
        finally:  # never left open: the test goes on
            if dialog is not None:
                dialog.reject()

    def check(dialog: QWidget | None) -> None:
        assert isinstance(dialog, SpeakersDialog)
        qtbot.waitUntil(lambda: bool(threads))
        seen["thread"] = threads[0]
        busy = dialog.status.findChild(QWidget, "operationProgress")
        seen["busy"] = busy is not None and busy.isVisible()
        seen["rows while reading"] = dialog.model.rowCount()
        qtbot.keyClicks(dialog.patterns_edit, "R")  # the dialog answers meanwhile
        seen["typed"] = dialog.patterns_edit.toPlainText()
        held.release.set()
        qtbot.waitUntil(lambda: getattr(dialog, "reading", 0) is None and dialog.model.rowCount() > 0)
        dialog.select("R12")
        held.release.clear()
        project.speakers.rename("R8", "Respondent 8")  # elsewhere: the list is read again
        qtbot.waitUntil(lambda: len(threads) > 1)
        seen["again"] = threads[1]
        held.release.set()
        qtbot.waitUntil(
            lambda: getattr(dialog, "reading", 0) is None and dialog.model.row_of("Respondent 8") >= 0
        )
        rows = [index.row() for index in dialog.view.selectionModel().selectedRows()]
        seen["selected"] = [dialog.model.speaker(row).name for row in rows]

    QTimer.singleShot(0, look)
    window.window_actions.speakers.trigger()  # Tools → Speakers…
    assert seen["thread"] is not threading.main_thread(), seen
    assert seen["again"] is not threading.main_thread()
    assert seen["busy"] is True and seen["rows while reading"] == 0
    assert seen["typed"] == "R"
    assert seen["selected"] == ["R12"]
