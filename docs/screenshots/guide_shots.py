"""Screenshot of Analysis → Interview guide on the demo project, at 1366×768.

Run on an X server of 1366×768 with a window manager, e.g.::

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/guide_shots.py

Writes ``guide_view_1366x768.png`` beside itself: the answers per guide question × interview, grouped by
region, a few matches confirmed (green), one answer read beside the table.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.guide.guide_window import GuideWindow, show_guide  # noqa: E402
from app.shell.application import application  # noqa: E402
from app.shell.main_window import MainWindow  # noqa: E402
from coding import Project  # noqa: E402
from coding.demo import build_demo_project  # noqa: E402


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def main() -> int:
    application()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-shots-"))
    path = folder / "demo.codewerk"
    build_demo_project(path, coder="demo").close()
    with Project.open(path, coder="demo") as project:
        for match in project.guide.match().matches[::3]:
            project.guide.decide(match.document, match.start, match.question, "confirmed")
    window = MainWindow()
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    assert window.open_project(path)
    settle(600)
    show_guide(window)
    guide = window.findChild(GuideWindow, "guideWindow")
    assert guide is not None
    guide.setGeometry(0, 0, 1366, 768)
    settle(600)
    row = guide.model.row_of("4b")
    column = next(
        c for c in range(guide.model.columnCount()) if guide.model.answer(guide.model.index(row, c))
    )
    guide.table.setCurrentIndex(guide.model.index(row, column))
    guide.raise_()
    guide.activateWindow()
    settle(800)
    screen = QGuiApplication.primaryScreen()
    name = HERE / "guide_view_1366x768.png"
    screen.grabWindow(0, 0, 0, 1366, 768).save(str(name))
    print(f"wrote {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
