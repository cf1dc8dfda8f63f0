"""The project file itself follows the work: a copy of ``studie.codewerk`` made while the window is
open (a file manager, a mail attachment to the supervisor) holds what was just coded. Before, every
action stayed in the write-ahead log beside the file until SQLite's own checkpoint (every 1,000
pages), and a copy of the file alone missed it: a just-created project copied that way was empty."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from app.shell.main_window import MainWindow
from app.shell.workspace import CHECKPOINT_AFTER_MS
from coding import Project

COPY = "import shutil, sys\nshutil.copyfile(sys.argv[1], sys.argv[2])\n"


def _copy_of_the_file_alone(source: Path, target: Path) -> int:
    """Copy the project file (not its log) in another process, as a file manager does (this process
    must not open the file: closing it would drop SQLite's locks), and count the copy's codings."""
    target.unlink(missing_ok=True)
    subprocess.run([sys.executable, "-c", COPY, str(source), str(target)], check=True, timeout=60)
    with Project.open(target) as copy:
        return len(copy.quotes())


def test_a_copy_made_after_a_pause_holds_the_last_coding(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    assert window.workspace is not None
    project = window.workspace.project
    document = project.documents.list()[0]
    before = len(project.quotes())
    project.codings.code(document.id, "Stabiliteit", 0, 12)  # a coding, as any action commits one
    qtbot.wait(CHECKPOINT_AFTER_MS + 500)  # the user pauses
    assert _copy_of_the_file_alone(project.path, tmp_path / "kopie.codewerk") == before + 1
