"""Qt's own file dialog in Dutch: PySide6's qtbase_nl.qm lacks two labels as Qt 6 writes them
("&Look in:", "Files of &type:"), so File → Open… showed them in English among Dutch ones."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel

from app.shell.main_window import MainWindow


def test_the_open_dialog_labels_are_dutch(dutch, qtbot) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    labels: list[str] = []

    def collect() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(50, collect)
            return
        labels.extend(label.text() for label in dialog.findChildren(QLabel) if label.text())
        dialog.reject()

    QTimer.singleShot(50, collect)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File → Open…
    qtbot.waitUntil(lambda: bool(labels), timeout=5000)
    plain = {label.replace("&", "") for label in labels}
    assert {"Zoeken in:", "Bestandstype:"} <= plain, plain
    assert not plain & {"Look in:", "Files of type:"}
