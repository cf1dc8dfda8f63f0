"""The window's file dialogs never open a listed file: a dialog that lists the project's own folder
used to open ``studie.codewerk`` to guess its type, which dropped this process's locks on it, after
which a ``codewerk`` command run beside the window deleted the write-ahead log the window was writing
to: the window's next codings went into a deleted file and were lost."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QFileSystemModel
from pytestqt.qtbot import QtBot

from app.shell.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[3]
COUNT = "import sys\nfrom coding import Project\nwith Project.open(sys.argv[1]) as p:\n    print(len(p.quotes()))\n"


def _other_program(path: Path) -> int:
    """Open the project in another process (as ``codewerk quotes`` does), count its quotes, close it."""
    done = subprocess.run(
        [sys.executable, "-c", COUNT, str(path)],
        check=False,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    return int(done.stdout.split()[-1])


def test_a_dialog_on_the_project_folder_keeps_the_window_s_work(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.workspace is not None
    project = window.workspace.project
    monkeypatch.setenv("HOME", str(project.path.parent))  # File → Open… starts in the home folder
    listed: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        model = box.findChild(QFileSystemModel) if isinstance(box, QFileDialog) else None
        index = model.index(str(project.path)) if model is not None else None
        if box is None or model is None or index is None or not index.isValid():
            QTimer.singleShot(50, look)
            return
        type_column = model.index(index.row(), 2, index.parent())
        if not type_column.data():  # the type is asked for in a thread: the file is listed when it is in
            QTimer.singleShot(50, look)
            return
        listed.append(str(type_column.data()))
        box.reject()

    QTimer.singleShot(50, look)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)  # File → Open…, then Cancel
    qtbot.waitUntil(lambda: bool(listed), timeout=10000)
    assert listed == ["CODEWERK file"]
    assert window.workspace is not None and window.workspace.project is project
    before = len(project.quotes())
    assert _other_program(project.path) == before  # a command run beside the window, then closed
    assert Path(f"{project.path}-wal").exists()
    document = project.documents.list()[0]
    project.codings.code(document.id, "Vertrouwen", 0, 20)  # the window goes on coding
    assert _other_program(project.path) == before + 1


def test_every_file_dialog_of_the_window_goes_through_file_dialogs() -> None:
    """A ``QFileDialog`` made anywhere else would list files with Qt's own icon provider again."""
    here = ROOT / "app" / "widgets" / "file_dialogs.py"
    direct = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "app").rglob("*.py"))
        if path != here
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if "QFileDialog.get" in line or "QFileDialog(" in line
    ]
    assert direct == []


def _folder_of_next_dialog(seen: list[str]) -> Callable[[], None]:
    """A function that, called by a timer, waits for the next modal file dialog, appends the folder it
    opened in to ``seen`` and cancels it."""

    def look() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QFileDialog):
            QTimer.singleShot(50, look)
            return
        seen.append(box.directory().absolutePath())
        box.reject()

    return look


def test_a_dialog_given_no_folder_opens_beside_the_project(qtbot: QtBot, window: MainWindow) -> None:
    """File → Import documents… → Add files… opened in the folder the program was started from; it now
    opens where the project is (transcripts usually lie beside it), until a dialog is accepted elsewhere."""
    assert window.workspace is not None
    window.import_files()
    dialog = window.import_dialog
    assert dialog is not None
    seen: list[str] = []
    look = _folder_of_next_dialog(seen)
    QTimer.singleShot(50, look)
    dialog.setup.add_files_button.click()
    qtbot.waitUntil(lambda: bool(seen), timeout=10000)
    assert Path(seen[0]) == window.workspace.project.path.parent.resolve()
    dialog.reject()


def test_a_files_size_type_and_date_are_shown_whole(qtbot: QtBot, tmp_path: Path) -> None:
    """In Dutch at 1366×768 the dialog's columns showed "668...KiB" and "CO...nd" (CODEWERK-bestand):
    Qt's dialog opens narrow with narrow columns. It opens wide enough and sizes the size, type and date
    columns to what they show; the name takes the rest."""
    from PySide6.QtWidgets import QTreeView

    from app.widgets import file_dialogs

    (tmp_path / "scriptie – Bram.codewerk").write_bytes(b"x" * 684_032)
    (tmp_path / "beoordeling-jansen.docx").write_bytes(b"x" * 22_000)
    box = file_dialogs.dialog(None, "Pakket voor een tweede codeur", str(tmp_path / "studie.codewerk"))
    qtbot.addWidget(box)
    box.setViewMode(QFileDialog.ViewMode.Detail)
    box.show()
    tree = box.findChild(QTreeView, "treeView")
    assert tree is not None
    qtbot.waitUntil(lambda: tree.model().rowCount(tree.rootIndex()) == 2, timeout=10000)
    QApplication.processEvents()
    header = tree.header()
    for column in (1, 2, 3):
        assert header.sectionSize(column) >= tree.sizeHintForColumn(column), column
    assert header.sectionSize(0) >= 250  # the names keep room
    box.reject()


def test_open_and_new_project_look_in_the_last_projects_folder(qtbot: QtBot, window: MainWindow) -> None:
    """File → Open… and New project… opened in the home folder even when every project of the study
    lies in another (the demo copy here); they open where the project opened last is."""
    assert window.workspace is not None
    folder = window.workspace.project.path.parent.resolve()
    seen: list[str] = []
    look = _folder_of_next_dialog(seen)
    for count, action in enumerate(
        (window.window_actions.open_project, window.window_actions.new_project), start=1
    ):
        QTimer.singleShot(50, look)
        action.trigger()  # File → Open…, File → New project…
        qtbot.waitUntil(lambda count=count: len(seen) == count, timeout=10000)  # type: ignore[misc]
    assert [Path(s) for s in seen] == [folder, folder]


def test_new_project_never_looks_in_the_demos_hidden_folder(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After the demo (kept in ~/.local/share/Codewerk) New project… proposed that hidden folder, where a
    new study is lost to a file manager; it looks in the folder of the last project a file manager shows,
    else in Documents."""
    from app.shell import settings

    assert window.workspace is not None
    study = window.workspace.project.path.parent.resolve()
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    demo = home / ".local" / "share" / "Codewerk" / "demo.codewerk"
    demo.parent.mkdir(parents=True)
    demo.write_bytes(b"")
    settings.remember_project(window.workspace.project.path)
    settings.remember_project(demo)  # the demo opened last
    seen: list[str] = []
    look = _folder_of_next_dialog(seen)
    QTimer.singleShot(50, look)
    window.window_actions.new_project.trigger()
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=10000)
    settings.settings().setValue("recent_projects", [str(demo)])  # only the demo: Documents
    QTimer.singleShot(50, look)
    window.window_actions.open_project.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10000)
    assert [Path(s) for s in seen] == [study, (home / "Documents").resolve()]
