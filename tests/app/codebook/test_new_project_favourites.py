"""A new project from the rwb codebook has the six heart concepts on the number keys 1–6, as the demo has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from app.shell.application import application
from app.shell.main_window import MainWindow
from tests.app.window_helpers import codings_at, open_document, select_text
from tests.mini_codebook import MINI_CODEBOOK

DEMO_TEXT = Path(__file__).parents[3] / "resources" / "demo" / "R8_wethouder_zwolle.txt"


def test_a_new_rwb_project_codes_with_key_1_at_once(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    assert window.new_project(tmp_path / "scriptie")
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    assert [project.codes.tree().get(c).name for c in project.favourites.list()] == [
        "Vertrouwen",
        "Overwinnen van cultuurverschillen",
        "Urgentiebesef",
        "Congruentie van doelen",
        "Coördinatie",
        "Stabiliteit",
    ]
    assert not workspace.undo_stack.canUndo()  # a preference, not a step to undo
    project.import_files([DEMO_TEXT])
    window.documents_dock.model.flush()  # the dock takes the change after the event
    open_document(window, "R8_wethouder_zwolle")
    start, end = select_text(window, "Dat vertrouwen is er gewoon")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    QApplication.processEvents()
    assert codings_at(window, start, end) == ["Vertrouwen"]
    window.close()


def test_a_new_project_starts_from_the_students_own_codebook_file(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """File → New project offered the built-in codebook or an empty tree; a student with a codebook file of
    her own (YAML, or a .qdc from another program) had to go to the command line. A third choice asks for
    the file: its codes, and its favourites on the number keys."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from app.shell import project_files

    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    book = tmp_path / "mijn-codeboek.yaml"
    book.write_text(MINI_CODEBOOK + "  - name: Tweede\nfavourites: [Tweede, Eerste/Kind]\n", encoding="utf-8")
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    steps: list[str] = []

    def answer() -> None:  # each modal dialog as it comes: the file to create, the choice, the codebook
        box = QApplication.activeModalWidget()
        if isinstance(box, QFileDialog) and not steps:
            name = box.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText(str(tmp_path / "scriptie.codewerk"))
            steps.append("project")
            qtbot.keyClick(name, Qt.Key.Key_Return)
        elif isinstance(box, QInputDialog):
            combo = box.findChild(QComboBox)
            if combo is None or combo.count() < 3:  # no codebook file to choose: nothing more to answer
                steps.append("no file to choose")
                box.reject()
                return
            combo.setCurrentIndex(2)
            steps.append("choice")
            box.accept()
        elif isinstance(box, QFileDialog) and steps == ["project", "choice"]:
            name = box.findChild(QLineEdit, "fileNameEdit")
            assert name is not None
            name.setText(book.name)  # typed, as the student does, in the folder the dialog opened in
            steps.append("codebook")
            qtbot.keyClick(name, Qt.Key.Key_Return)
        if len(steps) < 3:
            QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    project_files.ask_new_project(window)
    assert steps == ["project", "choice", "codebook"]
    workspace = window.workspace
    assert workspace is not None and workspace.project.path.name == "scriptie.codewerk"
    project = workspace.project
    assert [code.name for code in project.codes.tree().roots()] == ["Eerste", "Tweede"]
    tree = project.codes.tree()
    assert [tree.get(c).name for c in project.favourites.list()] == ["Tweede", "Kind"]
    window.close()
