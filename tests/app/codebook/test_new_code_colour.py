"""Creating a code asks its name and colour: a distinct palette colour is chosen for it, and the user
may pick another (two new codes never share the grey of an uncoloured code)."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QToolButton

from app.codebook.new_code_dialog import NewCodeDialog
from app.shell.main_window import MainWindow
from coding.codebook.code_colours import PALETTE


def _answer(qtbot, name: str, swatch: str | None, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewCodeDialog):
            QTimer.singleShot(50, fill)
            return
        seen.append(dialog.colour())
        qtbot.keyClicks(dialog.name_edit, name)
        if swatch is not None:
            qtbot.mouseClick(dialog.findChild(QToolButton, f"swatch{swatch}"), Qt.MouseButton.LeftButton)
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)

    QTimer.singleShot(50, fill)


def _press_new(qtbot, window: MainWindow, keys) -> None:  # type: ignore[no-untyped-def]
    tree = window.codebook_dock.tree
    window.activateWindow()
    tree.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tree)
    qtbot.keyClick(tree, Qt.Key.Key_N, keys)


def test_new_codes_get_distinct_colours_and_the_user_can_pick_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    codes = window.workspace.project.codes
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    suggested: list[str] = []

    _answer(qtbot, "Wantrouwen", None, suggested)
    _press_new(qtbot, window, keys)
    first = codes.resolve("Wantrouwen")
    _answer(qtbot, "Eigenbelang", None, suggested)
    _press_new(qtbot, window, keys)
    second = codes.resolve("Eigenbelang")
    assert first.colour != second.colour and "#9e9e9e" not in (first.colour, second.colour)
    assert [first.colour, second.colour] == suggested  # what the dialog proposed is what was stored

    _answer(qtbot, "Gekozen kleur", PALETTE[-1], suggested)
    _press_new(qtbot, window, keys)
    assert codes.resolve("Gekozen kleur").colour == PALETTE[-1]
