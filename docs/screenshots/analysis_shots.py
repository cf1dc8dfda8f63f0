"""Screenshots of Analysis → Co-occurrence / Code × case matrix and of the Quotes dock's query bar.

Run on an X server of 1366×768 with a window manager, e.g.::

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/analysis_shots.py

Writes ``analysis_cooccurrence.png``, ``analysis_matrix.png`` and ``quotes_query.png`` beside itself.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.shell.application import application  # noqa: E402
from app.shell.main_window import MainWindow  # noqa: E402
from coding.demo import build_demo_project  # noqa: E402


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    """The window with its frame, as the screen shows it."""
    settle()
    frame = widget.frameGeometry()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(HERE / name))
    print(f"wrote {HERE / name}")


def main() -> int:
    application()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-shots-"))
    build_demo_project(folder / "demo.codewerk", coder="demo").close()
    window = MainWindow()
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    assert window.open_project(folder / "demo.codewerk")
    settle(600)

    window.analyse("cooccurrence")
    analysis = window.analysis_window
    assert analysis is not None
    analysis.setGeometry(20, 20, 1320, 700)
    view = analysis.cooccurrence
    view.unit.setCurrentIndex(view.unit.findData("document"))
    settle()
    model = view.cooccurrence
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    cell = model.index(names.index("Vertrouwen"), names.index("Coördinatie"))
    rect = view.table.visualRect(cell)
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shoot(analysis, "analysis_cooccurrence.png")

    analysis.show_tab("matrix")
    matrix = analysis.matrix
    matrix.columns.setCurrentIndex(matrix.columns.findData("region"))
    settle()
    cell = matrix.matrix_model.index(0, 2)
    QTest.mouseClick(
        matrix.table.viewport(), Qt.MouseButton.LeftButton, pos=matrix.table.visualRect(cell).center()
    )
    shoot(analysis, "analysis_matrix.png")
    analysis.hide()

    dock = window.quotes_dock
    dock.setFloating(False)
    dock.show()
    dock.raise_()
    window.activateWindow()
    edit = dock.query_bar.edit
    edit.setFocus()
    edit.insert("Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef")  # QTest types ASCII only
    QTest.keyClick(edit, Qt.Key.Key_Return)
    settle()
    QTest.keyClicks(edit, " OR Sam")  # the completion list while typing a name
    shoot(window, "quotes_query.png")
    window.close_project()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
