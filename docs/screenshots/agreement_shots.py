"""Screenshot of Analysis → Intercoder agreement on the demo project with a second coder.

Run on an X server of 1366×768 with a window manager, e.g.::

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/agreement_shots.py

Writes ``agreement_window.png`` beside itself, and ``agreement_workbook.png``, the first page of its
Export to Excel… as LibreOffice prints it (needs LibreOffice and poppler-utils). The second coder
("Bram") recodes the demo's passages: most the same, some moved, some with another code, a few left
out (seeded).
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.shell.application import application  # noqa: E402
from app.shell.main_window import MainWindow  # noqa: E402
from coding import Project  # noqa: E402
from coding.demo import build_demo_project  # noqa: E402
from coding.exporting.agreement_xlsx import write_agreement_xlsx  # noqa: E402

sys.path.insert(0, str(HERE))
from review_shots import printed  # noqa: E402


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    settle()
    frame = widget.frameGeometry()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(HERE / name))
    print(f"wrote {HERE / name}")


def second_coder(path: Path) -> None:
    with Project.open(path, coder="Bram") as project:
        rng = random.Random(15)
        codes = [c.id for c in project.codes.tree()]
        items = []
        for quote in project.quotes():
            roll = rng.random()
            if roll < 0.1:
                continue
            code = quote.code_id if roll < 0.8 else rng.choice(codes)
            items.append((quote.document_id, code, quote.start, quote.end))
        project.codings.code_many(items, skip_existing=True)


def main() -> int:
    application()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-shots-"))
    path = folder / "demo.codewerk"
    build_demo_project(path, coder="demo").close()
    second_coder(path)
    window = MainWindow()
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    assert window.open_project(path)
    settle(600)
    window.show_agreement()
    dialog = window.agreement_window
    assert dialog is not None
    dialog.setGeometry(20, 20, 1320, 700)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData("demo"))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    dialog.unit.setCurrentIndex(dialog.unit.findData("sentence"))
    settle(800)
    dialog.list.selectRow(0)
    shoot(dialog, "agreement_window.png")
    assert dialog.report is not None
    workbook = write_agreement_xlsx(dialog.report, folder / "agreement.xlsx")
    printed(workbook, "agreement_workbook.png", 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
