"""Screenshot of the Player dock beside a transcript being corrected, at 1366×768.

Run on an X server of 1366×768 with a window manager, e.g.::

    Xvfb :99 -screen 0 1366x768x24 & DISPLAY=:99 openbox &
    DISPLAY=:99 QT_QPA_PLATFORM=xcb .venv/bin/python docs/screenshots/player_shots.py

Writes ``player_correct_1366x768.png`` beside itself: an interview with its (generated) recording,
two coded passages, the Player dock with the turns marked on its position bar, and *Correct
transcript* on with a time typed by F8.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from app.shell.application import application  # noqa: E402
from app.shell.main_window import MainWindow  # noqa: E402
from coding import Project  # noqa: E402
from tests.recordings import write_wav  # noqa: E402

TRANSCRIPT = (
    "[00:00:00] I: Hoe verloopt de samenwerking tussen de gemeente en het UWV?\n"
    "[00:00:06] R5: We spreken elkaar elke week. Ik vertrouw de andere partijen volledig, "
    "al kost het tijd.\n"
    "[00:00:18] I: En de urgentie?\n"
    "[00:00:22] R5: Die is hoog, heel hoog. Werkgevers vragen erom.\n"
    "[00:00:31] I: Hoe gaat het met de coördinatie?\n"
    "[00:00:35] R5: De secretaris doet het goed, maar de gemeente neemt veel ruimte.\n"
)


def settle(ms: int = 300) -> None:
    QTest.qWait(ms)
    QApplication.processEvents()


def main() -> int:
    application()
    folder = Path(tempfile.mkdtemp(prefix="codewerk-shots-"))
    (folder / "R5_uwv_zwolle.txt").write_text(TRANSCRIPT, encoding="utf-8")
    write_wav(folder / "R5_uwv_zwolle.wav", seconds=45.0)
    path = folder / "luister.codewerk"
    with Project.create(path, codebook="rwb", coder="demo") as project:
        project.import_files(
            [folder / "R5_uwv_zwolle.txt"], attributes={"respondent": "R5", "region": "Zwolle"}
        )
        project.media.attach("R5_uwv_zwolle", folder / "R5_uwv_zwolle.wav")
        project.code("R5_uwv_zwolle", "4a", text="Ik vertrouw de andere partijen volledig")
        project.code("R5_uwv_zwolle", "Urgentiebesef", text="Die is hoog, heel hoog")
    window = MainWindow()
    window.setGeometry(0, 0, 1366, 740)
    window.show()
    assert window.open_project(path), window.last_problem
    settle(1500)
    dock, view = window.player_dock, window.view
    dock.seek(24_000)
    window.transcript_editor.start()
    offset = view.text.index("Werkgevers")
    view.select_span(offset, offset)
    QTest.keyClick(view, Qt.Key.Key_F8)
    settle(800)
    screen = QGuiApplication.primaryScreen()
    name = HERE / "player_correct_1366x768.png"
    screen.grabWindow(0, 0, 0, 1366, 768).save(str(name))
    print(f"wrote {name}")
    window.transcript_editor.finish()
    window.close_project()
    return 0


if __name__ == "__main__":
    sys.exit(main())
