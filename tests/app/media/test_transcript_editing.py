"""Correcting the transcript while listening, with real clicks and keys: the edit mode, typing, F8
for the player's time, 2 s back on every pause; leaving saves one undoable action that keeps every
coding on its passage, and one Undo restores the project exactly."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt

from app.shell.main_window import MainWindow
from coding.media.transcription import stamp
from tests.app.media.test_player_dock import _loaded, player_window  # noqa: F401  (the fixture)
from tests.coding.dump import dump

#: No pytest-qt Qt-message capture here: its handler is Python, called on whichever thread logs, so
#: FFmpeg's threads would need the GIL to log (a second way to the GIL/Qt-lock inversion that
#: ``app.media.player_dock.settle_overrides`` closes for the audio renderer).
pytestmark = pytest.mark.no_qt_log


def _after(window: MainWindow, needle: str) -> QPoint:
    """Just after ``needle`` (its last character's right edge) in the transcript as shown."""
    view = window.view
    offset = view.text.index(needle) + len(needle) - 1
    rect = view.span_rects(offset, offset + 1)[0]
    return QPoint(int(rect.right()) - 1, int(rect.center().y()))


def test_correcting_while_listening_keeps_the_codings_and_is_one_undo(
    qtbot,
    player_window: MainWindow,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    window = player_window
    assert window.workspace is not None
    project = window.workspace.project
    project.code("R9", "4a", text="We spreken elkaar elke week")
    project.code("R9", "Vertrouwen", text="Dat groeit langzaam")
    stack = window.workspace.undo_stack
    before, steps = dump(project.path), stack.count()
    view, dock, editor = window.view, window.player_dock, window.transcript_editor
    qtbot.waitUntil(lambda: _loaded(window), timeout=10000)

    qtbot.mouseClick(editor.button, Qt.MouseButton.LeftButton)
    assert view.editing and not view.isReadOnly() and editor.action.isChecked()
    assert dock.rewind_on_pause == 2000

    # play, pause: the recording jumps 2 s back
    qtbot.mouseClick(dock.forward_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.position() >= 4900, timeout=3000)
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: dock.is_playing() and dock.position() >= 5300, timeout=5000)
    qtbot.keyClick(view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dock.is_playing(), timeout=3000)
    qtbot.waitUntil(lambda: dock.position() <= 4500, timeout=3000)
    now = stamp(dock.position() / 1000)

    # edits from the end backwards, each where a click put the cursor
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "langzaam"))
    qtbot.keyClicks(view, " maar zeker (90%)")  # digits type, they do not code with a favourite
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "elke week."))
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.keyClick(view, Qt.Key.Key_F8)
    qtbot.keyClicks(view, "I: Echt?")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "elkaar"))
    qtbot.keyClicks(view, " nu")
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "verloopt "))
    for _ in range(3):  # Delete deletes text (it does not remove a coding)
        qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert stack.count() == steps  # nothing saved while typing

    qtbot.mouseClick(editor.button, Qt.MouseButton.LeftButton)
    assert not view.editing and view.isReadOnly() and not editor.action.isChecked()
    assert dock.rewind_on_pause == 0
    expected = (
        "[00:00:00] I: Hoe verloopt samenwerking?\n"
        "[00:00:02] R9: We spreken elkaar nu elke week.\n"
        f"[{now}] I: Echt?\n"
        "[00:00:04] I: En het vertrouwen?\n"
        "[00:00:06] R9: Dat groeit langzaam maar zeker (90%).\n"
    )
    assert project.documents.text("R9") == expected
    assert view.text == expected  # shown as stored
    assert {q.text for q in project.quotes()} == {"We spreken elkaar nu elke week", "Dat groeit langzaam"}
    turns = project.documents.turns("R9")
    assert [(t.speaker, expected[t.start : t.end].split("] ")[1]) for t in turns][2] == ("I", "I: Echt?")
    assert turns[2].timestamp == float(
        sum(int(p) * f for p, f in zip(now.split(":"), (3600, 60, 1), strict=True))
    )
    assert stack.count() == steps + 1 and stack.undoText().startswith("Correct transcript")

    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: stack.index() == steps, timeout=3000)
    assert dump(project.path) == before
    qtbot.waitUntil(lambda: "nu elke week" not in view.text, timeout=3000)


def test_ctrl_z_while_editing_undoes_typing_not_the_project(
    qtbot,
    player_window: MainWindow,  # noqa: F811
) -> None:  # type: ignore[no-untyped-def]
    window = player_window
    assert window.workspace is not None
    project = window.workspace.project
    view, editor = window.view, window.transcript_editor
    before = dump(project.path)
    qtbot.keyClick(
        view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert view.editing
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "langzaam"))
    qtbot.keyClicks(view, "xyz")
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "xyz" not in view.edited_text()
    qtbot.keyClick(
        view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert not view.editing and not editor.action.isChecked()
    assert dump(project.path) == before  # nothing changed, nothing saved


def test_opening_another_document_saves_the_corrections(
    qtbot,
    player_window: MainWindow,  # noqa: F811
    tmp_path,
) -> None:  # type: ignore[no-untyped-def]
    window = player_window
    assert window.workspace is not None
    project = window.workspace.project
    (tmp_path / "R8.txt").write_text("I: Vraag?\nR8: Antwoord.\n", encoding="utf-8")
    project.import_files([tmp_path / "R8.txt"])
    project.code("R9", "4a", text="Dat groeit langzaam")
    view, editor = window.view, window.transcript_editor
    r9 = view.document_id
    qtbot.mouseClick(editor.button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=_after(window, "Dat groeit"))
    qtbot.keyClicks(view, " echt")
    window.open_document(project.documents.get("R8").id)
    assert view.text.startswith("I: Vraag?") and not view.editing and view.isReadOnly()
    assert not editor.editing and not editor.action.isChecked()
    assert r9 is not None and "Dat groeit echt langzaam" in project.documents.text(r9)
    assert {q.text for q in project.quotes()} == {"Dat groeit echt langzaam"}
