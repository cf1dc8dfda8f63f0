"""Run by test_field_shortcuts.py with Qt's X11 platform (under Xvfb): keys pressed in the window's
text fields, what each did printed as JSON. ``python -m tests.app.shell.field_keys_probe PROJECT SETTINGS``"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

CTRL = Qt.KeyboardModifier.ControlModifier


def wait_until(condition: Callable[[], object], ms: int = 5000) -> bool:
    for _ in range(ms // 20):
        if condition():
            return True
        QTest.qWait(20)
    return bool(condition())


def focus(field: QWidget) -> None:
    field.window().activateWindow()
    field.setFocus()
    if not wait_until(lambda: QApplication.focusWidget() is field):
        raise AssertionError(f"no focus in {field.objectName()}: {QApplication.focusWidget()}")


def main(project: str, settings_folder: str) -> dict[str, object]:
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, settings_folder)
    from app.shell.application import application
    from app.shell.main_window import MainWindow

    application()
    window = MainWindow()
    window.resize(1300, 740)
    window.show()
    QTest.qWaitForWindowExposed(window)
    assert window.open_project(project), window.last_problem
    actions = window.window_actions
    seen: dict[str, object] = {
        "end_of_line": [
            k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.MoveToEndOfLine)
        ]
    }
    # what the actions did, not their dialogs (the key is what is tested here)
    triggered: list[str] = []
    actions.export.triggered.disconnect(window.export)
    actions.export.triggered.connect(lambda *_: triggered.append("export"))
    actions.pick.triggered.disconnect()
    actions.pick.triggered.connect(lambda *_: triggered.append("pick"))
    actions.uncode.triggered.disconnect()
    actions.uncode.triggered.connect(lambda *_: triggered.append("uncode"))

    def press(field: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = CTRL) -> list[str]:
        focus(field)
        triggered.clear()
        QTest.keyClick(field, key, modifiers)
        QApplication.processEvents()
        return list(triggered)

    line = window.documents_dock.filter
    line.setText("zwolle")
    line.setCursorPosition(0)
    seen["line_ctrl_e"] = press(line, Qt.Key.Key_E)
    seen["line_cursor"] = line.cursorPosition()
    seen["line_ctrl_k"] = press(line, Qt.Key.Key_K)
    seen["line_after_ctrl_k"] = line.text()
    memo = window.details_dock.memo
    seen["memo_ctrl_e"] = press(memo, Qt.Key.Key_E)
    seen["quote_text_ctrl_e"] = press(window.quotes_dock.text, Qt.Key.Key_E)
    # keys no shortcut takes stay the field's: Ctrl+D deletes a letter (never the window's Delete)
    line.setText("zwolle")
    line.setCursorPosition(0)
    seen["line_ctrl_d"] = press(line, Qt.Key.Key_D)
    seen["line_after_ctrl_d"] = line.text()
    # a key of the same kind that no shortcut has still edits: Ctrl+U empties the line
    seen["line_ctrl_u"] = press(line, Qt.Key.Key_U)
    seen["line_after_ctrl_u"] = line.text()
    window.close()
    return seen


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1], sys.argv[2])))
