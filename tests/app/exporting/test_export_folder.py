"""Exports go first to a folder the user sees: the demo project lives in ~/.local/share/Codewerk, and its
exports were proposed there (a hidden folder no file manager shows). The folder an export went to is
kept per project; an existing file is replaced only when the user says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.exporting.export_dialog import ExportDialog
from app.widgets import file_dialogs
from coding import Project


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A home folder with Documents, as a desktop makes it (the test never writes to the real one)."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    return folder


def _copy(demo_file: Path, target: Path) -> Project:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(demo_file, target)
    return Project.open(target)


def _dialog(qtbot, project: Project) -> ExportDialog:  # type: ignore[no-untyped-def]
    dialog = ExportDialog(project)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _export(qtbot, dialog: ExportDialog) -> Path:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # written in a worker thread
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=20_000)
    assert dialog.done_box is not None
    dialog.done_box.close()
    assert dialog.exported is not None
    return dialog.exported


def test_the_demo_exports_to_documents_and_each_project_keeps_its_folder(
    qtbot, home: Path, demo_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    demo = _copy(demo_file, home / ".local" / "share" / "Codewerk" / "demo.codewerk")
    study = _copy(demo_file, tmp_path / "scriptie" / "studie.codewerk")
    try:
        # the demo's folder is hidden: Documents
        dialog = _dialog(qtbot, demo)
        assert Path(dialog.path_edit.text()) == home / "Documents" / "demo-region.xlsx"
        assert _export(qtbot, dialog) == home / "Documents" / "demo-region.xlsx"

        # a project in a folder the user sees: that folder, not where the demo's export went
        dialog = _dialog(qtbot, study)
        assert Path(dialog.path_edit.text()).parent == tmp_path / "scriptie"
        elsewhere = tmp_path / "uitvoer"
        elsewhere.mkdir()
        dialog.path_edit.setFocus()
        dialog.path_edit.selectAll()
        qtbot.keyClicks(dialog.path_edit, str(elsewhere / "tabel.xlsx"))
        assert _export(qtbot, dialog) == elsewhere / "tabel.xlsx"

        # each project proposes the folder of its own last export
        assert Path(_dialog(qtbot, study).path_edit.text()).parent == elsewhere
        again = _dialog(qtbot, demo)
        assert Path(again.path_edit.text()) == home / "Documents" / "demo-region.xlsx"

        # the file is there: replaced only when the user says so
        asked: list[str] = []

        def answer(_parent, _title, text, *_args):  # type: ignore[no-untyped-def]
            asked.append(text)
            return QMessageBox.StandardButton.No

        monkeypatch.setattr(QMessageBox, "question", answer)
        before = (home / "Documents" / "demo-region.xlsx").read_bytes()
        qtbot.mouseClick(again.export_button, Qt.MouseButton.LeftButton)
        assert asked and "demo-region.xlsx already exists" in asked[0]
        assert again.running is None and again.isVisible()
        assert (home / "Documents" / "demo-region.xlsx").read_bytes() == before
    finally:
        demo.close()
        study.close()


def test_a_hidden_folder_is_one_below_a_dot_name() -> None:
    assert file_dialogs.hidden(Path("/home/anna/.local/share/Codewerk"))
    assert not file_dialogs.hidden(Path("/home/anna/Documenten/scriptie"))
