"""After an export the user is told where the file went and can open it or its folder; the next export
dialog starts with the same choices."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from app.exporting.export_dialog import ExportDialog
from app.shell.main_window import MainWindow


def _close_any_modal() -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None:  # before the fix the dialog blocked (exec): do not hang the run
        modal.close()


def _open_dialog(qtbot, window: MainWindow) -> ExportDialog:  # type: ignore[no-untyped-def]
    before = set(window.findChildren(ExportDialog))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in set(window.findChildren(ExportDialog)) - before))
    return next(d for d in set(window.findChildren(ExportDialog)) - before if d.isVisible())


def test_export_says_where_and_opens_the_folder_and_remembers_choices(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch, request
) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    guard = QTimer(window)  # a safety net that dies with the test: a bare singleShot outlived it and
    guard.setSingleShot(True)  # closed a later test's message box
    guard.timeout.connect(_close_any_modal)
    request.addfinalizer(guard.stop)
    guard.start(4000)
    dialog = _open_dialog(qtbot, window)
    dialog.format_box.setFocus()
    for _ in range(3):  # Excel → Word quotes → Word transcript → CSV
        qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)
    assert dialog.export_format.suffix == ".csv"
    qtbot.mouseClick(dialog.reviews_check, Qt.MouseButton.LeftButton)
    assert dialog.reviews_check.isChecked()
    target = tmp_path / "uitvoer" / "citaten.csv"
    target.parent.mkdir()
    dialog.path_edit.setFocus()
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=20000)
    assert target.exists()

    box = dialog.done_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    assert str(target) in box.text()
    folder = box.findChild(QPushButton, "openExportFolder")
    qtbot.mouseClick(folder, Qt.MouseButton.LeftButton)
    assert [Path(u.toLocalFile()) for u in opened] == [target.parent]
    box.close()

    again = _open_dialog(qtbot, window)
    assert again.export_format.suffix == ".csv"
    assert again.reviews_check.isChecked()
    assert Path(again.path_edit.text()).parent == target.parent
    again.reject()
