"""A new project from the rwb codebook has the six heart concepts on the number keys 1–6, as the demo has."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.shell.application import application
from app.shell.main_window import MainWindow
from tests.app.window_helpers import codings_at, open_document, select_text

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
