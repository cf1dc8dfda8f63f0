"""Screenshots of the supervisor's review: the Quotes dock with *Questions to answer* and the Discussion,
and a page of the review workbook and of the review document as LibreOffice prints them.

Run on an X server of 1366×768 with a window manager, with LibreOffice and poppler-utils installed::

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/review_shots.py

Writes ``review_discussion.png``, ``review_workbook.png`` and ``review_document.png`` beside itself.
"""

from __future__ import annotations

import shutil
import subprocess
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
from coding.quotes.quote_service import TO_ANSWER  # noqa: E402


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def shoot(widget: QWidget, name: str) -> None:
    settle()
    frame = widget.frameGeometry()
    screen = QGuiApplication.primaryScreen()
    screen.grabWindow(0, frame.x(), frame.y(), frame.width(), frame.height()).save(str(HERE / name))
    print(f"wrote {HERE / name}")


def printed(source: Path, name: str, page: int) -> None:
    """One page of ``source`` as LibreOffice prints it, as a PNG."""
    soffice = shutil.which("soffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        print(f"skipped {name}: needs LibreOffice (soffice) and poppler-utils (pdftoppm)")
        return
    out = source.parent / "pdf"
    profile = (source.parent / "lo-profile").as_uri()
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    pdf = out / f"{source.stem}.pdf"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "90",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(HERE / Path(name).stem),
        ],
        check=True,
    )
    print(f"wrote {HERE / name}")


def main() -> int:
    application()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-shots-"))
    build_demo_project(folder / "demo.codewerk", coder="student").close()
    window = MainWindow()
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    assert window.open_project(folder / "demo.codewerk")
    settle(600)
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    quotes = project.quotes("Vertrouwen")
    project.reviews.mark(
        quotes[0].coding_id, "question", "Is dit vertrouwen of eerder gewoonte?", reviewer="Anna"
    )
    project.reviews.mark(quotes[1].coding_id, "agreed", "Sterk citaat.", reviewer="Anna")
    project.reviews.mark(
        quotes[2].coding_id, "disagree", "Hoort bij coördinatie, niet bij vertrouwen.", reviewer="Anna"
    )
    project.reviews.reply("Eens, ik verplaats het naar Coördinatie.", coding_id=quotes[2].coding_id)
    [judgement, *_] = project.judgements.list() or [None]
    if judgement is not None:
        project.reviews.mark_judgement(judgement.id, "question", "Onderbouwing mist R2.", reviewer="Anna")

    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    model.flush()
    dock.raise_()
    dock.review.setCurrentIndex(dock.review.findData(TO_ANSWER))
    settle()
    model.flush()
    table = dock.table
    QTest.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(model.index(0, 0)).center()
    )
    settle(500)
    shoot(window, "review_discussion.png")

    workbook = project.export(
        folder / "review-anna.xlsx", kind="review", reviewer="Anna", codes=["Vertrouwen"]
    )
    document = project.export(
        folder / "review-anna.docx", kind="review", reviewer="Anna", codes=["Vertrouwen"]
    )
    window.close_project()
    printed(workbook, "review_workbook.png", 2)
    printed(document, "review_document.png", 2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
