"""The import dialog driven like a user: files picked and dropped, a metadata sheet previewed,
the import run in the background with a progress bar, cancelled, the replace question answered,
the summary read, speakers confirmed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTreeView
from pytestqt.qtbot import QtBot

from app.importing.import_dialog import SETUP, SUMMARY, ImportDialog
from app.importing.import_models import ATTRIBUTES, NOTE
from app.importing.import_setup import REPLACE, SKIP
from app.speakers.speaker_table_model import INTERVIEWER, NAME
from app.widgets.file_drop import FileDropTarget, dropped_paths, paths_mime
from coding import Project
from tests.coding.importing.builders import make_docx

TRANSCRIPT = "[00:00:0{n}] Interviewer: Hoe gaat het in regio {n}?\n[00:00:1{n}] R{n}: Goed, één keer per week overleg.\n"


@pytest.fixture
def files(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "transcripten"
    folder.mkdir()
    paths = []
    for n in range(1, 5):
        path = folder / f"R{n}.txt"
        path.write_text(TRANSCRIPT.format(n=n), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture
def dialog(qtbot: QtBot, project: Project) -> Iterator[ImportDialog]:
    widget = ImportDialog(project)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    if widget.run is not None:
        widget.run.shutdown()


def _drop(qtbot: QtBot, widget: object, data: QMimeData) -> tuple[bool, bool]:
    """Drag ``data`` over a widget and drop it; (was the drag accepted, was the drop accepted)."""
    position = QPoint(20, 20)
    enter = QDragEnterEvent(
        position, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(widget, enter)
    drop = QDropEvent(
        position.toPointF(),
        Qt.DropAction.CopyAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def _run(qtbot: QtBot, dialog: ImportDialog) -> None:
    with qtbot.waitSignal(dialog.importFinished, timeout=20000):
        dialog.setup.import_button.click()


def test_files_and_a_folder_dropped_on_the_dialog(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path], tmp_path: Path
) -> None:
    (tmp_path / "notities.xyz").write_text("niet", encoding="utf-8")
    assert _drop(qtbot, dialog, paths_mime([files[2], tmp_path / "notities.xyz"])) == (True, True)
    assert dialog.setup.paths() == [files[2]]
    assert _drop(qtbot, dialog, paths_mime([files[0].parent])) == (True, True)
    assert dialog.setup.paths() == [
        files[2],
        files[0],
        files[1],
        files[3],
    ]  # the folder's files in order, no repeats
    text_only = QMimeData()
    text_only.setText("R1.txt")
    assert _drop(qtbot, dialog, text_only) == (False, False)
    assert dialog.setup.import_button.isEnabled()


def test_metadata_preview_shows_who_gets_what_and_the_mismatches(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path], tmp_path: Path
) -> None:
    sheet = tmp_path / "meta.csv"
    sheet.write_text(
        "bestand;respondent;regio\nR1.txt;R1;Zwolle\nR2;R2;Arnhem\nR9.txt;R9;Eindhoven\n", encoding="utf-8"
    )
    dialog.setup.add_paths(files[:3])
    dialog.setup.set_metadata_sheet(sheet)
    dialog.setup.set_common_attributes({"Rol": "UWV"})
    model = dialog.setup.file_model
    assert [model.index(r, ATTRIBUTES).data() for r in range(3)] == [
        "respondent=R1, regio=Zwolle, rol=UWV",  # the sheet's order, not alphabetical (user test)
        "respondent=R2, regio=Arnhem, rol=UWV",
        "rol=UWV",
    ]
    assert model.index(2, NOTE).data() == "no row in the metadata sheet"
    status = dialog.setup.sheet_status.text()
    assert "Rows without a file: R9.txt" in status and "Files without a row: R3.txt" in status
    _run(qtbot, dialog)
    report = dialog.report
    assert report is not None
    assert dialog.project.documents.get("R1").attributes == {
        "regio": "Zwolle",
        "respondent": "R1",
        "rol": "UWV",
    }
    assert list(dialog.project.documents.get("R1").attributes) == ["respondent", "regio", "rol"]
    assert report.rows_without_file == ["R9.txt"] and report.files_without_row == ["R3.txt"]
    summary = dialog.summary.toPlainText()
    assert "Rows for files that were not imported: R9.txt" in summary
    assert "Imported files without a row (no attributes from the sheet): R3.txt" in summary


def test_a_bad_metadata_sheet_is_shown_and_blocks_the_import(
    dialog: ImportDialog, files: list[Path], tmp_path: Path
) -> None:
    sheet = tmp_path / "meta.csv"
    sheet.write_text("respondent,regio\nR1,Zwolle\n", encoding="utf-8")
    dialog.setup.add_paths(files)
    dialog.setup.set_metadata_sheet(sheet)
    assert "meta.csv: the metadata sheet needs a 'file' column" in dialog.setup.sheet_status.text()
    assert not dialog.setup.import_button.isEnabled()
    dialog.setup.sheet_clear_button.click()
    assert dialog.setup.import_button.isEnabled()


def test_the_import_runs_in_the_background_and_summarises(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path], tmp_path: Path
) -> None:
    legacy = tmp_path / "R7.txt"
    legacy.write_bytes("Interviewer: Wat kost het?\r\nR7: € 5.000 – één keer.\r\n".encode("cp1252"))
    empty = tmp_path / "leeg.txt"
    empty.write_bytes(b"")
    dialog.setup.add_paths([*files, legacy, empty])
    progress: list[int] = []
    dialog.setup.import_button.click()
    assert dialog.pages.currentIndex() != SETUP
    dialog.run.progressed.connect(lambda done, total, name: progress.append(done))  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == SUMMARY, timeout=20000)
    report = dialog.report
    assert report is not None
    assert [d.name for d in report.imported] == ["R1", "R2", "R3", "R4", "R7"]
    assert [(p.file, p.reason) for p in report.skipped] == [("leeg.txt", "the file is empty")]
    assert dialog.progress_bar.value() == 6 and dialog.progress_bar.maximum() == 6
    assert progress == [1, 2, 3, 4, 5, 6]
    summary = dialog.summary.toPlainText()
    assert "Import finished: 5 imported, 1 skipped" in summary
    assert "R7\ntxt\nWindows-1252" in summary
    assert "leeg.txt: the file is empty" in summary
    assert "R7.txt: not valid UTF-8; read as Windows-1252" in summary
    assert "Interviewer (1), R7 (1)" in summary
    assert dialog.project.documents.get("R7").encoding == "cp1252"


def test_cancel_stops_after_the_current_file(qtbot: QtBot, dialog: ImportDialog, files: list[Path]) -> None:
    dialog.setup.add_paths(files)

    def cancel_after_first(done: int, _total: int, _name: str) -> None:
        if done == 1:
            dialog.cancel_button.click()

    dialog.setup.import_button.click()
    dialog.run.progressed.connect(cancel_after_first)  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    report = dialog.report
    assert report is not None and report.cancelled
    assert [d.name for d in report.imported] == ["R1"]
    assert [d.name for d in dialog.project.documents.list()] == ["R1"]
    assert "Import cancelled: 1 imported" in dialog.summary.toPlainText()


def _answer(dialog: ImportDialog, answers: list[str], asked: list[str]) -> None:
    def respond(box: QMessageBox) -> None:
        asked.append(box.text())
        label = answers.pop(0)
        button = next(b for b in box.buttons() if b.text() == label)
        QTimer.singleShot(0, button.click)

    dialog.replaceQuestion.connect(respond)


def test_the_replace_question_replace_and_skip(qtbot: QtBot, dialog: ImportDialog, files: list[Path]) -> None:
    project = dialog.project
    project.import_files(files[:2])
    project.code("R1", "Vertrouwen", text="één keer per week overleg")
    files[0].write_text(TRANSCRIPT.format(n=1) + "[00:00:30] Interviewer: Dank u.\n", encoding="utf-8")
    dialog.setup.add_paths(files)
    asked: list[str] = []
    _answer(dialog, ["Replace", "Skip"], asked)
    _run(qtbot, dialog)
    report = dialog.report
    assert report is not None
    assert asked == [
        "<b>R1.txt</b>: a document named 'R1' already exists.",
        "<b>R2.txt</b>: already imported as 'R2' (same content).",
    ]
    assert [r.document.name for r in report.replaced] == ["R1"] and report.replaced[0].lost == ()
    assert [(p.file, p.reason) for p in report.skipped] == [
        ("R2.txt", "already imported as 'R2' (same content); not replaced")
    ]
    assert project.documents.text("R1").endswith("Dank u.\n")
    assert [q.text for q in project.quotes("Vertrouwen")] == ["één keer per week overleg"]
    assert "text replaced; all codings kept" in dialog.summary.toPlainText()


def test_replace_all_asks_once(qtbot: QtBot, dialog: ImportDialog, files: list[Path]) -> None:
    dialog.project.import_files(files)
    for n, path in enumerate(files, start=1):
        path.write_text(TRANSCRIPT.format(n=n) + "Nieuw.\n", encoding="utf-8")
    dialog.setup.add_paths(files)
    asked: list[str] = []
    _answer(dialog, ["Replace all"], asked)
    _run(qtbot, dialog)
    assert len(asked) == 1
    assert dialog.report is not None and len(dialog.report.replaced) == 4


@pytest.mark.parametrize(("policy", "replaced", "skipped"), [(REPLACE, 1, 0), (SKIP, 0, 1)])
def test_replace_policy_without_asking(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path], policy: str, replaced: int, skipped: int
) -> None:
    dialog.project.import_files(files[:1])
    files[0].write_text("I: Anders.\n", encoding="utf-8")
    dialog.setup.add_paths(files[:1])
    dialog.setup.set_replace_policy(policy)
    asked: list[str] = []
    dialog.replaceQuestion.connect(lambda box: asked.append(box.text()))
    _run(qtbot, dialog)
    assert asked == []
    assert dialog.report is not None
    assert (len(dialog.report.replaced), len(dialog.report.skipped)) == (replaced, skipped)


def test_speakers_confirmed_after_the_import(qtbot: QtBot, dialog: ImportDialog, files: list[Path]) -> None:
    from app.shell.workspace import Workspace

    dialog.workspace = Workspace(dialog.project, dialog)  # as from the window: the list read in a worker
    dialog.setup.add_paths(files[:2])
    _run(qtbot, dialog)
    assert dialog.speakers_button.isEnabled()
    dialog.speakers_button.click()
    speakers = dialog.speakers_dialog
    assert speakers is not None and speakers.isVisible()
    qtbot.waitUntil(lambda: speakers.reading is None)
    model = speakers.model
    assert [
        (model.index(r, NAME).data(), model.index(r, INTERVIEWER).data(Qt.ItemDataRole.CheckStateRole))
        for r in range(model.rowCount())
    ] == [
        ("Interviewer", Qt.CheckState.Checked),
        ("R1", Qt.CheckState.Unchecked),
        ("R2", Qt.CheckState.Unchecked),
    ]
    speakers.edit_name("Interviewer")
    editor = speakers.view.viewport().findChild(QLineEdit)
    assert isinstance(editor, QLineEdit) and editor.text() == "Interviewer"
    editor.selectAll()
    qtbot.keyClicks(editor, "I")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
    qtbot.waitUntil(lambda: [s.name for s in dialog.project.speakers.list()] == ["I", "R1", "R2"])
    qtbot.waitUntil(lambda: speakers.reading is None)
    assert model.index(0, NAME).data() == "I"
    speakers.toggle_interviewer("R2")
    assert dialog.project.speakers.is_interviewer("R2")
    qtbot.waitUntil(lambda: speakers.reading is None)
    speakers.select("R1")
    speakers.not_speaker_button.click()
    assert [s.name for s in dialog.project.speakers.list()] == ["I", "R2"]
    speakers.patterns_edit.setPlainText("(?P<speaker>[")
    speakers.apply_patterns_button.click()
    assert "speaker pattern 1 is not a valid regular expression" in speakers.status.currentMessage()


def test_a_drop_target_for_the_document_list(qtbot: QtBot, files: list[Path]) -> None:
    tree = QTreeView()
    qtbot.addWidget(tree)
    target = FileDropTarget(tree)
    received: list[list[Path]] = []
    target.filesDropped.connect(received.append)
    assert _drop(qtbot, tree.viewport(), paths_mime(files[:2])) == (True, True)
    assert received == [files[:2]]
    other = QMimeData()
    other.setData("application/x-codewerk-codes", b"[1]")
    _drop(qtbot, tree.viewport(), other)
    assert received == [files[:2]]  # other drags go on to the view
    assert dropped_paths(None) == []


def test_an_import_of_word_files_in_the_dialog(qtbot: QtBot, dialog: ImportDialog, tmp_path: Path) -> None:
    make_docx(tmp_path / "R3_wijk.docx")
    dialog.setup.add_paths([tmp_path / "R3_wijk.docx"])
    _run(qtbot, dialog)
    assert dialog.project.documents.text("R3_wijk").startswith("Interview 3 – coördinatie in de wijk\n")


def test_closing_during_an_import_cancels_it_first(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path]
) -> None:
    dialog.setup.add_paths(files)
    dialog.setup.import_button.click()
    dialog.close()  # asks the run to stop; the dialog stays to show what was imported
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=20000)
    assert dialog.report is not None and dialog.report.cancelled
    assert dialog.isVisible() and dialog.pages.currentIndex() == SUMMARY
    assert len(dialog.project.documents.list()) == len(dialog.report.imported) < 4
    dialog.close()
    assert not dialog.isVisible()


def test_speakers_dialog_renames_in_one_document_and_restores_default_patterns(
    qtbot: QtBot, project: Project, files: list[Path]
) -> None:
    from app.speakers.speakers_dialog import SpeakersDialog

    project.import_files(files[:2])
    project.speakers.set_patterns([r"(?P<speaker>R\d):"])
    speakers = SpeakersDialog(project)
    qtbot.addWidget(speakers)
    speakers.show()
    assert "own patterns" in speakers.patterns_state.text()
    assert speakers.patterns_edit.toPlainText() == r"(?P<speaker>R\d):"
    assert [s.name for s in project.speakers.list()] == []  # timestamps first: nothing matches
    speakers.default_patterns_button.click()
    assert "default patterns" in speakers.patterns_state.text() and speakers.patterns_edit.toPlainText() == ""
    assert speakers.model.rowCount() == 3
    speakers.scope.setCurrentIndex(speakers.scope.findText("R2"))
    assert "'R2' only" in speakers.scope_note.text()
    assert [speakers.model.speaker(r).name for r in range(speakers.model.rowCount())] == ["Interviewer", "R2"]
    speakers.model.setData(speakers.model.index(0, NAME), "Onderzoeker")
    assert {s.name: s.documents for s in project.speakers.list()} == {
        "Interviewer": ("R1",),
        "Onderzoeker": ("R2",),
        "R1": ("R1",),
        "R2": ("R2",),
    }
    speakers.model.setData(speakers.model.index(1, NAME), "Onderzoeker")  # R2 → merges with the interviewer
    assert "R2" not in {s.name for s in project.speakers.list()}
    project.undo()
    speakers.model.reload()
    assert [speakers.model.speaker(r).name for r in range(speakers.model.rowCount())] == ["Onderzoeker", "R2"]


def test_importing_several_files_is_one_undo_step_and_one_change(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path]
) -> None:
    project = dialog.project
    changes: list[object] = []
    project.subscribe(changes.append)
    steps = project.history.undo_count
    dialog.setup.add_paths(files)
    _run(qtbot, dialog)
    assert [d.name for d in project.documents.list()] == ["R1", "R2", "R3", "R4"]
    assert project.history.undo_count == steps + 1
    assert project.history.undo_text == "Import 4 documents"
    assert len(changes) == 1
    project.undo()
    assert project.documents.list() == []


def test_a_full_disk_stops_the_import_with_one_message_and_nothing_stored(
    qtbot: QtBot, dialog: ImportDialog, tmp_path: Path
) -> None:
    """Issue 14 item 5 in the window: the message box names the project, the disk and the files."""
    from tests.coding.dump import dump
    from tests.coding.importing.test_import_full_disk import _limit_pages, _transcripts

    files = _transcripts(tmp_path / "groot", count=4, turns=120)
    project = dialog.project
    before = dump(project.store.path)
    _limit_pages(project, extra_pages=60)
    dialog.setup.add_paths(files)
    dialog.setup.import_button.click()
    qtbot.waitUntil(lambda: dialog.run is None, timeout=30000)
    boxes = [box for box in dialog.findChildren(QMessageBox) if box.isVisible()]
    assert [box.objectName() for box in boxes] == ["problemBox"]
    text = boxes[0].text()
    assert "not enough space on the disk of" in text and "Nothing was imported" in text
    assert "4 files not imported: R1.txt, R2.txt, R3.txt, R4.txt" in text
    assert dialog.pages.currentIndex() == SETUP and dialog.report is None
    assert dump(project.store.path) == before
    assert not project.history.can_undo
    boxes[0].close()


# No ``no_qt_log`` mark, unlike tests/app/media: attaching recordings only stores their paths and never loads
# QtMultimedia, so no FFmpeg thread logs through pytest-qt's Python handler (the GIL inversion the mark avoids);
# all Qt logs here is the offscreen platform's "does not support propagateSizeHints()", as for every window.
def test_recordings_beside_the_files_are_offered(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path]
) -> None:
    from tests.recordings import write_wav

    folder = files[0].parent
    write_wav(folder / "R1.wav", seconds=0.2)
    (folder / "R3.MP3").write_bytes((folder / "R1.wav").read_bytes())
    (folder / "R9.wav").write_bytes((folder / "R1.wav").read_bytes())  # no transcript of that name
    dialog.setup.add_paths([folder])
    _run(qtbot, dialog)
    offer = dialog.recordings_button
    assert offer.isVisible() and offer.text() == "Attach 2 recording(s)"
    assert offer.toolTip().endswith("R1.wav, R3.MP3")
    project = dialog.project
    assert project.media.list() == []
    steps = project.history.undo_count
    qtbot.mouseClick(offer, Qt.MouseButton.LeftButton)
    assert [(m.document, m.location.name) for m in project.media.list()] == [
        ("R1", "R1.wav"),
        ("R3", "R3.MP3"),
    ]
    assert not offer.isEnabled() and offer.text() == "2 recording(s) attached"
    assert project.history.undo_count == steps + 1
    project.undo()
    assert project.media.list() == []


def test_no_offer_without_recordings(qtbot: QtBot, dialog: ImportDialog, files: list[Path]) -> None:
    dialog.setup.add_paths(files[:1])
    _run(qtbot, dialog)
    assert not dialog.recordings_button.isVisible()


def test_regio_typed_for_all_files_joins_the_projects_region(
    qtbot: QtBot, dialog: ImportDialog, files: list[Path], tmp_path: Path
) -> None:
    """A Dutch student types Regio (the label the window shows for ``region``) in the attributes for all
    files: the new document is grouped with the others by region, not under a second, empty "Regio"."""
    assert dialog.project.import_files([files[0]], attributes={"region": "Zwolle"}).ok
    make_docx(tmp_path / "R8_zwolle.docx")
    dialog.setup.add_paths([tmp_path / "R8_zwolle.docx"])
    view = dialog.setup.attribute_view
    for column, typed in enumerate(["Regio", "Zwolle"]):
        cell = view.visualRect(dialog.setup.attribute_model.index(0, column)).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=cell)
        qtbot.keyClick(view, Qt.Key.Key_F2)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit)
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
        cell_index = dialog.setup.attribute_model.index(0, column)
        qtbot.waitUntil(lambda cell_index=cell_index, typed=typed: cell_index.data() == typed)
    assert dialog.setup.file_model.index(0, ATTRIBUTES).data() == "regio=Zwolle"
    _run(qtbot, dialog)
    assert dialog.project.documents.get("R8_zwolle").attributes == {"region": "Zwolle"}
    assert dialog.project.documents.get("R1").attributes == {"region": "Zwolle"}
