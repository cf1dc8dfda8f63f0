"""The Speakers dialog acts through the one operation helper and follows the project's change
notifications: what changes elsewhere shows without reopening it; a refusal shows in its status
line and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app.speakers.speaker_table_model import NAME
from app.speakers.speakers_dialog import SpeakersDialog
from coding import Project


def _names(dialog: SpeakersDialog) -> list[str]:
    return [dialog.model.index(row, NAME).data() for row in range(dialog.model.rowCount())]


@pytest.mark.parametrize("in_worker", [False, True], ids=["read-at-once", "read-in-worker"])
def test_a_rename_made_elsewhere_shows_without_reopening(
    qtbot: QtBot, coded_project: Project, in_worker: bool, request: pytest.FixtureRequest
) -> None:
    """Without a workspace the list is read at once; with the window's, in a worker thread (the
    selection comes back when the rows arrive)."""
    from app.shell.workspace import Workspace

    workspace = Workspace(coded_project) if in_worker else None
    if workspace is not None:  # closed as the window closes it: left open, its timers went on after the test
        request.addfinalizer(workspace.close)
    dialog = SpeakersDialog(coded_project, workspace=workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reading is None)
    assert _names(dialog) == ["I", "R5"]
    dialog.select("I")
    coded_project.speakers.rename("R5", "Respondent 5")  # through the project, not the dialog
    qtbot.waitUntil(lambda: dialog.reading is None)
    assert _names(dialog) == ["I", "Respondent 5"]
    assert [index.row() for index in dialog.view.selectionModel().selectedRows()] == [0]  # still "I"
    coded_project.undo()  # the rename, undone elsewhere
    qtbot.waitUntil(lambda: dialog.reading is None)
    assert _names(dialog) == ["I", "R5"]
    coded_project.speakers.set_patterns([r"(?P<speaker>R\d):"])
    qtbot.waitUntil(lambda: dialog.reading is None)
    assert _names(dialog) == [] and "own patterns" in dialog.patterns_state.text()  # timestamps come first


def test_a_refused_action_shows_its_line_and_changes_nothing(qtbot: QtBot, coded_project: Project) -> None:
    dialog = SpeakersDialog(coded_project)
    qtbot.addWidget(dialog)
    dialog.show()
    turns = coded_project.documents.turns("R5_uwv_zwolle")
    qtbot.keyClicks(dialog.patterns_edit, "(?P<speaker>[")
    qtbot.mouseClick(dialog.apply_patterns_button, Qt.MouseButton.LeftButton)
    message = dialog.status.currentMessage()
    assert message.startswith("⚠ ") and "speaker pattern 1 is not a valid regular expression" in message
    assert [box for box in dialog.findChildren(QMessageBox) if box.isVisible()] == []
    assert coded_project.speakers.uses_default_patterns()
    assert coded_project.documents.turns("R5_uwv_zwolle") == turns and _names(dialog) == ["I", "R5"]


def test_opening_reads_the_speakers_once(qtbot: QtBot, coded_project: Project, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Listing the speakers reads every document's turns (seconds over a research group's 2,000):
    the dialog does it once when it opens, not once for the table and again for its scope."""
    from coding.speakers.speaker_service import SpeakerService

    calls: list[object] = []
    original = SpeakerService.list

    def counted(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Only this project's reads: a worker left by an earlier test may still list another project's speakers
        # (the class is patched), which once made this test count two in a full run.
        if self is coded_project.speakers:
            calls.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(SpeakerService, "list", counted)
    dialog = SpeakersDialog(coded_project)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _names(dialog) == ["I", "R5"]
    assert len(calls) == 1


def test_speakers_in_natural_order_and_sorted_by_a_click_on_a_header(
    qtbot: QtBot, project: Project, tmp_path: Path
) -> None:
    """Documents imported R12, R15, R1 listed their speakers R12, R15, R1; now I, R1, R12, R15, and a click
    on a header sorts by that column (again: the other way), the selected speaker staying selected."""
    from PySide6.QtTest import QTest

    from app.speakers.speaker_table_model import TURNS

    files = []
    for name, turns in (("R12", 3), ("R15", 1), ("R1", 2)):
        files.append(tmp_path / f"{name}.txt")
        files[-1].write_text(
            "".join(f"I: Vraag {n}?\n{name}: Antwoord {n}.\n" for n in range(turns)), "utf-8"
        )
    assert project.import_files(files).ok
    dialog = SpeakersDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert _names(dialog) == ["I", "R1", "R12", "R15"]
    dialog.select("R12")
    header = dialog.view.horizontalHeader()

    def click(column: int) -> None:
        middle = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
        QTest.mouseClick(
            header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(middle, header.height() // 2)
        )

    click(TURNS)
    turns = [dialog.model.index(row, TURNS).data() for row in range(dialog.model.rowCount())]
    assert turns == sorted(turns) and _names(dialog)[:3] == ["R15", "R1", "R12"]
    click(TURNS)
    assert _names(dialog) == ["I", "R12", "R1", "R15"]  # most turns first
    click(NAME)
    assert _names(dialog) == ["I", "R1", "R12", "R15"]
    click(NAME)
    assert _names(dialog) == ["R15", "R12", "R1", "I"]
    assert [dialog.model.speaker(i.row()).name for i in dialog.view.selectionModel().selectedRows()] == [
        "R12"
    ]


def _rename_r5_by_keyboard(qtbot: QtBot, dialog: SpeakersDialog) -> None:
    """R5 renamed "Respondent 5" as a user does: its name cell current, F2, the new name typed, Return."""
    from PySide6.QtWidgets import QApplication, QLineEdit

    dialog.view.setFocus()
    dialog.view.setCurrentIndex(dialog.model.index(_names(dialog).index("R5"), NAME))
    qtbot.keyClick(dialog.view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Respondent 5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_a_name_typed_while_an_import_writes_is_applied_when_it_is_done(
    qtbot: QtBot, coded_project: Project
) -> None:
    import threading

    from app.widgets.long_operation import running_operations
    from app.widgets.worker_write import write_in_worker

    dialog = SpeakersDialog(coded_project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reading is None)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    release = threading.Event()
    assert write_in_worker(dialog, coded_project, lambda _p: release.wait(30), title="Import", show="none")
    _rename_r5_by_keyboard(qtbot, dialog)  # refused while writing: the name typed was dropped
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(lambda: _names(dialog) == ["I", "Respondent 5"], timeout=5_000)


def test_a_name_typed_while_an_import_writes_is_applied_even_when_the_dialog_closed_first(
    qtbot: QtBot, coded_project: Project
) -> None:
    """Opened without the window's workspace (the import dialog's speakers step of a script, a test), the
    dialog kept the name in its own bridge: closed before the write was done, the name went with it."""
    import threading

    import shiboken6
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    from app.widgets.long_operation import running_operations
    from app.widgets.worker_write import write_in_worker

    dialog = SpeakersDialog(coded_project)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.reading is None)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    release = threading.Event()
    assert write_in_worker(None, coded_project, lambda _p: release.wait(30), title="Import", show="none")
    _rename_r5_by_keyboard(qtbot, dialog)  # kept: refused while writing
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # the dialog closes
    assert not dialog.isVisible()
    dialog.deleteLater()  # and goes, with its bridge
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(dialog)
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    assert [s.name for s in coded_project.speakers.list()] == ["I", "Respondent 5"]
