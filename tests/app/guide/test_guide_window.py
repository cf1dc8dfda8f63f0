"""Analysis → Interview guide (Ctrl+Alt+G): the answers per question × interview, read beside the
transcript, coded in one step; the Matches tab reviewed with the keyboard; the margin's references."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QTableView

from app.guide.guide_table_model import ANSWER_ROLE, first_words
from app.guide.guide_window import GuideWindow
from app.shell.main_window import MainWindow
from app.widgets import file_dialogs
from tests.app.window_helpers import hold_reads, written

DOC = "R12_uwv_zwolle"
CORPUS = Path(__file__).parents[2] / "data" / "devcorpus"


def _open_guide(qtbot, window: MainWindow) -> GuideWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.documents_dock.tree.setFocus()
    qtbot.keyClick(
        window.documents_dock.tree,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    qtbot.waitUntil(
        lambda: (found := window.findChild(GuideWindow, "guideWindow")) is not None and found.isVisible()
    )
    guide = window.findChild(GuideWindow, "guideWindow")
    assert guide is not None
    qtbot.waitExposed(guide)
    qtbot.waitUntil(lambda: guide.building is None)  # the table is built in a worker thread
    return guide


def _show_matches(qtbot, guide: GuideWindow) -> None:  # type: ignore[no-untyped-def]
    guide.tabs.setCurrentWidget(guide.review)
    qtbot.waitUntil(lambda: guide.review.reading is None)  # matched in a worker thread


def _click(qtbot, table: QTableView, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def _cell(guide: GuideWindow, ref: str, document: str) -> QModelIndex:
    return guide.model.index(guide.model.row_of(ref), guide.model.column_of(document))


def test_the_guide_view_shows_every_answer_and_the_transcript_jumps_to_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    guide = _open_guide(qtbot, window)
    table = project.guide.table()
    assert guide.model.rowCount() == len(table.questions) == 27
    assert guide.model.columnCount() == len(table.respondents) == 6
    # grouped by region: the columns run by region, each header names its group
    regions = [guide.model.column(c).group for c in range(guide.model.columnCount())]
    assert regions == sorted(regions, key=str.casefold) and guide.group_by.currentData() == "region"
    assert guide.model.headerData(0, Qt.Orientation.Horizontal).split("\n")[0] == regions[0]

    answer = table.answer("2b", DOC)
    assert answer is not None
    index = _cell(guide, "2b", DOC)
    assert index.data() == first_words(answer.text) and index.data().endswith("…")
    _click(qtbot, guide.table, index)
    assert (
        "onmisbaar" in guide.reader.toPlainText()
        and "Samen kom je veel verder." in guide.reader.toPlainText()
    )
    qtbot.waitUntil(lambda: window.view.document_id == project.documents.id_of(DOC))
    cursor = window.view.textCursor()
    assert window.view.from_qt(cursor.selectionStart()) == answer.asked_at

    # another attribute: the columns follow the role
    guide.group_by.setFocus()
    guide.group_by.setCurrentIndex(guide.group_by.findData("role"))
    roles = [guide.model.column(c).group for c in range(guide.model.columnCount())]
    assert roles == sorted(roles, key=str.casefold) and len(set(roles)) > 1
    assert guide.model.headerData(0, Qt.Orientation.Horizontal).split("\n")[0] == roles[0]


def test_code_the_confirmed_answers_of_a_question_in_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    guide = _open_guide(qtbot, window)
    index = _cell(guide, "2b", DOC)
    _click(qtbot, guide.table, index)
    qtbot.mouseClick(guide.code_button, Qt.MouseButton.LeftButton)
    assert "no confirmed answer to 2b" in guide.statusBar().currentMessage()
    answer = index.data(ANSWER_ROLE)
    project.guide.decide(DOC, answer.asked_at, "2b", "confirmed")  # (the Matches tab is tested below)
    qtbot.waitUntil(lambda: _cell(guide, "2b", DOC).data(ANSWER_ROLE).confirmed)
    code_id = project.codes.resolve("2b").id

    def coded() -> list[str]:
        return [p.text for p in project.codings.passages(DOC) if any(c.code_id == code_id for c in p.codings)]

    before = coded()
    _click(qtbot, guide.table, _cell(guide, "2b", DOC))
    qtbot.mouseClick(guide.code_button, Qt.MouseButton.LeftButton)
    written(qtbot)  # in a worker thread
    whole = answer.text  # the respondent's words, without the label
    assert whole in coded() and whole not in before
    assert guide.statusBar().currentMessage().startswith("Coded 1 passage(s)")
    qtbot.keyClick(guide.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: coded() == before)


def test_review_matches_with_the_keyboard_each_one_undo_step(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    project = window.workspace.project
    guide = _open_guide(qtbot, window)
    _show_matches(qtbot, guide)
    review = guide.review
    table = review.table
    rows = review.model.rows
    first = next(i for i, r in enumerate(rows) if r.document == DOC and r.question == "2b")
    row = rows[first]

    def decided() -> dict[str, bool]:
        return {m.question: m.confirmed for m in project.guide.match([DOC]).matches if m.start == row.start}

    _click(qtbot, table, review.model.index(first, 0))
    qtbot.waitUntil(lambda: window.view.document_id == project.documents.id_of(DOC))
    qtbot.keyClick(table, Qt.Key.Key_Space)
    assert decided() == {"2b": True}
    qtbot.waitUntil(lambda: review.model.rows[first].confirmed)
    assert table.currentIndex().row() == first + 1  # on to the next match
    # the margin shows the confirmed reference beside the question turn
    qtbot.waitUntil(lambda: (row.start, "2b", True) in window.view.margin.guide_marks)

    _click(qtbot, table, review.model.index(first, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert decided() == {}
    qtbot.waitUntil(lambda: review.model.row_of(row.key) < 0)
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo the clearing
    assert decided() == {"2b": True}

    # move: type another reference into the Question cell
    qtbot.waitUntil(lambda: review.model.row_of(row.key) >= 0)
    moved = review.model.row_of(row.key)
    _click(qtbot, table, review.model.index(moved, 4))  # F2 edits the question wherever in the row
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert editor is not table
    editor.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(editor, "4a")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: decided() == {"4a": True})  # the delegate commits on the next event
    qtbot.keyClick(table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step back: 2b again
    assert decided() == {"2b": True}
    qtbot.waitUntil(lambda: review.model.row_of(row.key) >= 0)
    _click(qtbot, table, review.model.index(review.model.row_of(row.key), 0))
    qtbot.keyClick(table, Qt.Key.Key_Backspace)  # the matcher decides again
    assert decided() == {"2b": False}
    assert "interviewer turns ask no guide question" in review.count.text()


def test_a_project_without_guide_opens_the_view_and_says_so(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Interviews without a guide still work: nothing is forced, the view says what is missing."""
    assert window.workspace is not None
    project = window.workspace.project
    for entry in project.guide.questions():
        project.codes.update(entry.code, guide_question="")
    guide = _open_guide(qtbot, window)
    assert guide.model.rowCount() == 0 and guide.model.columnCount() == 6
    assert guide.summary.text().startswith("The project has no guide")
    guide.tabs.setCurrentWidget(guide.review)
    qtbot.waitUntil(lambda: "0 matches" in guide.review.count.text())


def test_export_from_the_view_asks_for_a_file_and_writes_it(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import openpyxl

    guide = _open_guide(qtbot, window)
    target = tmp_path / "antwoorden.xlsx"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: (str(target), ""))
    qtbot.mouseClick(guide.export_button, Qt.MouseButton.LeftButton)
    assert guide.statusBar().currentMessage() == f"Wrote {target}"
    sheet = openpyxl.load_workbook(target).worksheets[0]
    header = [c.value for c in sheet[1]][1:]
    assert header == [
        f"{guide.model.column(c).respondent.document} ({guide.model.column(c).group})" for c in range(6)
    ]


def _without_guide(project) -> None:  # type: ignore[no-untyped-def]
    for entry in project.guide.questions():
        project.codes.update(entry.code, guide_question="", guide_prompts=())


def test_import_a_guide_from_the_view_fills_the_table_and_undo_takes_it_back(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """A project without a guide: the view points to its Import guide… button, which attaches a guide
    document's questions (one undoable step) and lists the question no code carries."""
    from PySide6.QtWidgets import QMessageBox

    assert window.workspace is not None
    project = window.workspace.project
    _without_guide(project)
    document = tmp_path / "guide_rwb.txt"  # the study's guide and one question of no code
    document.write_text(
        (CORPUS / "guide_rwb.txt").read_text(encoding="utf-8")
        + "\nThema 12 – Toekomst\n\n12. Waar staat het Werkbedrijf over vijf jaar?\n",
        encoding="utf-8",
    )
    guide = _open_guide(qtbot, window)
    assert guide.model.rowCount() == 0
    assert guide.no_guide.isVisible() and guide.import_first.isVisible() and guide.import_button.isVisible()
    assert "Import guide…" in guide.summary.text()
    asked: list[str] = []

    def choose(_parent, _caption, _folder, filter_):  # type: ignore[no-untyped-def]
        asked.append(filter_)
        return str(document), filter_

    monkeypatch.setattr(file_dialogs, "open_file_name", choose)
    qtbot.mouseClick(guide.import_first, Qt.MouseButton.LeftButton)
    assert asked and "*.docx" in asked[0] and "*.txt" in asked[0]
    qtbot.waitUntil(lambda: guide.model.rowCount() == 27)
    assert not guide.no_guide.isVisible()
    assert guide.model.entry(0).ref == "1a" and guide.model.entry(0).question.startswith(
        "Zitten alle partijen"
    )
    report = guide.findChild(QMessageBox, "guideImportReport")
    assert report is not None and report.isVisible()
    assert report.text() == (
        "Attached 27 guide question(s) from guide_rwb.txt; "
        "could not place 1 question(s), no code has the reference: 12"
    )
    assert "4a  " in report.detailedText()
    assert guide.statusBar().currentMessage() == report.text()
    qtbot.mouseClick(report.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not report.isVisible())

    guide.activateWindow()
    qtbot.waitUntil(guide.isActiveWindow)
    guide.table.setFocus()
    qtbot.keyClick(guide.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # one step back
    assert project.guide.questions() == []
    qtbot.waitUntil(lambda: guide.model.rowCount() == 0)
    assert guide.no_guide.isVisible()


def test_a_bad_guide_document_is_refused_with_its_name_and_attaches_nothing(
    qtbot, window: MainWindow, monkeypatch, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    assert window.workspace is not None
    project = window.workspace.project
    _without_guide(project)
    bad = tmp_path / "topiclijst.txt"
    bad.write_text("1a. Eerste vraag?\n1a. Nog eens dezelfde?\n", encoding="utf-8")
    guide = _open_guide(qtbot, window)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: (str(bad), ""))
    qtbot.mouseClick(guide.import_button, Qt.MouseButton.LeftButton)
    box = guide.findChild(QMessageBox, "problemBox")
    assert box is not None and box.isVisible()
    assert box.text() == "topiclijst.txt: question 1a appears twice (lines 1 and 2)"
    assert project.guide.questions() == []
    assert not window.workspace.undo_stack.undoText().startswith("Attach interview guide")
    box.close()


def test_file_menu_imports_a_guide_too(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMessageBox

    assert window.workspace is not None
    project = window.workspace.project
    _without_guide(project)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: (str(CORPUS / "guide_rwb.txt"), ""))
    file_menu = window.menuBar().actions()[0].menu()
    assert window.window_actions.import_guide in file_menu.actions()
    window.window_actions.import_guide.trigger()
    assert len(project.guide.questions()) == 27
    report = window.findChild(QMessageBox, "guideImportReport")
    assert report is not None
    report.close()


def test_the_guide_is_matched_in_a_worker_while_the_window_answers(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Over a research group's 2,000 interviews matching the guide takes seconds: the Answers table
    and the Matches list are built off the GUI thread, a busy bar says so, the window answers."""
    import threading

    from PySide6.QtWidgets import QWidget

    from coding.guide.guide_service import GuideService

    held = hold_reads(monkeypatch, GuideService, "table", "match")
    release, threads = held.release, held.threads

    guide = _open_guide_now(qtbot, window)
    qtbot.waitUntil(lambda: bool(threads["table"]))
    assert threads["table"][0] is not threading.main_thread()
    busy = guide.statusBar().findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible()
    assert guide.building is not None and guide.model.rowCount() == 0
    # the window answers meanwhile: the Matches tab comes up at once, matched in a worker too
    bar = guide.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert guide.tabs.currentWidget() is guide.review
    qtbot.waitUntil(lambda: bool(threads["match"]))
    assert threads["match"][0] is not threading.main_thread()
    release.set()
    qtbot.waitUntil(lambda: guide.building is None and guide.review.reading is None)
    assert guide.model.rowCount() == 27 and guide.review.model.rowCount() > 0
    qtbot.waitUntil(
        lambda: not [w for w in guide.statusBar().findChildren(QWidget, "operationProgress") if w.isVisible()]
    )


def _open_guide_now(qtbot, window: MainWindow) -> GuideWindow:  # type: ignore[no-untyped-def]
    """Ctrl+Alt+G, without waiting for the table."""
    window.documents_dock.tree.setFocus()
    qtbot.keyClick(
        window.documents_dock.tree,
        Qt.Key.Key_G,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier,
    )
    guide = window.findChild(GuideWindow, "guideWindow")
    assert guide is not None and guide.isVisible()
    return guide


def test_interviews_group_by_a_dutch_sheets_regio_and_the_choice_reads_whole(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """A project whose metadata sheet was Dutch (``regio``): the Documents panel grouped by it, the guide
    view showed "Niet groe…" (not grouped, and the box cut its own text)."""
    assert window.workspace is not None
    project = window.workspace.project
    with project.group("regio"):
        for document in project.documents.list():
            project.documents.set_attributes(
                document.id, {"regio": document.attributes["region"], "region": None}
            )
    guide = _open_guide(qtbot, window)
    assert guide.group_by.currentData() == "regio"
    for index in range(guide.group_by.count()):  # every choice fits the box
        guide.group_by.setCurrentIndex(index)
        QApplication.processEvents()
        shown = guide.group_by.fontMetrics().horizontalAdvance(guide.group_by.currentText())
        assert shown < guide.group_by.width() - 16, guide.group_by.currentText()


def test_the_table_cuts_the_words_of_the_cells_it_shows_only(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """2,000 interviews × 27 questions: cutting every answer's first words when the table arrived froze
    the window (1.3 s); a cell's words are cut when it is shown, the same words."""
    from app.guide import guide_table_model

    cut: list[str] = []

    def counting(text: str, *args: int) -> str:
        cut.append(text)
        return first_words(text, *args)

    monkeypatch.setattr(guide_table_model, "first_words", counting)
    window.resize(700, 500)
    guide = _open_guide(qtbot, window)
    guide.resize(360, 260)
    QApplication.processEvents()
    answers = guide.model.table.answers  # type: ignore[union-attr]
    texts = {a.text for a in answers.values()}
    assert 0 < len([t for t in cut if t in texts]) < len(answers)  # the question headers cut aside
    assert window.workspace is not None
    table = window.workspace.project.guide.table()
    far = _cell(guide, "10b" if guide.model.row_of("10b") >= 0 else "7a", DOC)
    answer = table.answer(guide.model.entry(far.row()).ref, DOC)
    guide.table.scrollTo(far)
    QApplication.processEvents()
    assert far.data() == (first_words(answer.text) if answer is not None else "")
    for row in range(guide.model.rowCount()):  # every cell's words as cut from its answer
        for column in range(guide.model.columnCount()):
            index = guide.model.index(row, column)
            found = table.answer(guide.model.entry(row).ref, guide.model.column(column).respondent.document)
            assert index.data() == (first_words(found.text) if found is not None else "")


def test_the_margin_matches_the_open_document_in_a_worker(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The guide references beside the interviewer's turns are matched off the GUI thread (over 2,000
    interviews 0.05-0.12 s on opening a document and after every change of the codes); a document
    opened meanwhile never shows the previous one's marks."""
    import threading

    from coding.guide.guide_service import GuideService

    assert window.workspace is not None
    project = window.workspace.project
    held = hold_reads(monkeypatch, GuideService, "match")
    other = next(d for d in project.documents.list() if d.name != DOC)
    window.open_document(project.documents.id_of(DOC))
    qtbot.waitUntil(lambda: bool(held.threads.get("match")))
    assert held.threads["match"][0] is not threading.main_thread()
    assert window.view.margin.guide_marks == []  # not yet: the window answers meanwhile
    window.open_document(other.id)  # before the first matching is in
    held.release.set()
    expected = [(m.start, m.question, m.confirmed) for m in project.guide.match([other.id]).matches]
    assert expected
    qtbot.waitUntil(lambda: window.view.margin.guide_marks == expected)
    assert window.view.document_id == other.id
