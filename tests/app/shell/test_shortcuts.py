"""Application-wide keys work wherever the focus is (a text field of another Codewerk window), and the
shortcuts dialog, made from the actions, lists every one of them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from app.shell.shortcuts_dialog import ShortcutsDialog, keys_text


def _close_any_modal() -> None:
    """Before the dialog was made from the actions, a blocking message box opened: close it."""
    modal = QApplication.activeModalWidget()
    if modal is not None:
        modal.close()


def test_the_shortcuts_dialog_lists_every_shortcut(qtbot, window: MainWindow, request) -> None:  # type: ignore[no-untyped-def]
    guard = QTimer(window)  # a safety net that dies with the test: a bare singleShot outlived it and
    guard.setSingleShot(True)  # closed a later test's message box
    guard.timeout.connect(_close_any_modal)
    request.addfinalizer(guard.stop)
    guard.start(1000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog.isVisible()
    text = dialog.browser.toPlainText()
    for key in ("Ctrl+E", "Ctrl+Shift+C", "Ctrl+Shift+F", "Ctrl+Shift+I", "Ctrl+K", "Alt+Left", "F2"):
        assert key in text, key
    actions = [a for a in vars(window.window_actions).values() if isinstance(a, QAction)]
    actions += window.window_actions.favourite_keys
    actions += window.codebook_dock.tree.actions() + list(window.quotes_dock.review_actions.values())
    for action in actions:
        for key in keys_text(action).split(" or "):
            assert key in text, (key, action.text())
    area = window.screen().availableGeometry()
    assert dialog.frameGeometry().height() <= area.height()  # scrolls rather than outgrowing the screen
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_application_wide_keys_work_from_a_field_in_another_window(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    actions = window.window_actions
    window.view.setFocus()
    qtbot.keyClick(
        window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.language_window is not None and window.language_window.isVisible())
    language = window.language_window
    assert language is not None
    language.activateWindow()
    field = language.search.query
    field.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is field)

    actions.export.triggered.disconnect(window.export)  # the dialog itself is not what is tested here
    exported: list[bool] = []
    actions.export.triggered.connect(lambda *_: exported.append(True))
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [True]

    qtbot.keyClick(
        field, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(lambda: window.compare_window is not None and window.compare_window.isVisible())


def test_the_list_names_undo_and_leaves_out_keys_a_laptop_lacks(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z was listed as the last step ("Undo Import scriptie – Bram.codewerk"), and the standard keys'
    extras as "Ctrl+O or Open", "Ctrl+N or New", "F1 or Help" (keys of their own on a few keyboards)."""
    from tests.app.window_helpers import open_document, select_text

    open_document(window, "R12_uwv_zwolle")
    select_text(window, "Samen kom je veel verder.")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_2)  # coded with a favourite: a step to undo
    qtbot.waitUntil(lambda: window.window_actions.undo.isEnabled())
    assert window.window_actions.undo.text().replace("&", "") != "Undo"  # the menu names the step
    qtbot.keyClick(window.view, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    lines = dialog.browser.toPlainText().splitlines()
    undo = [lines[n + 1].strip() for n, line in enumerate(lines[:-1]) if line.strip() == "Ctrl+Z"]
    assert undo == ["Undo"], undo  # each key's cell, then its name's
    assert not any("Code passage" in line for line in lines)
    for extra in ("or Open", "or New", "or Close", "or Find", "or Help"):
        assert not any(extra in line for line in lines), extra
    assert "Ctrl+O" in lines and "F1" in lines
    qtbot.keyClick(dialog.browser, Qt.Key.Key_Escape)
