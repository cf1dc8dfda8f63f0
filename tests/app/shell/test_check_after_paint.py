"""A large project file opens first and is checked for damage in a worker while the window shows
(``PRAGMA quick_check`` on 100 MB takes ≈ 0.15 s); a damaged one is then closed with one message
naming it, as a damaged small file is refused before it opens."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.shell.main_window import MainWindow


def _all_in_main_file(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:  # everything in the main file, as a copied file is
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")


def _damage(path: Path, index: str) -> None:
    """Overwrite the cells of one page no first screen reads (an index used when importing)."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()[0]
    data = bytearray(path.read_bytes())
    offset = (page - 1) * page_size
    data[offset + 8 : offset + page_size] = b"\xa5" * (page_size - 8)
    path.write_bytes(bytes(data))


@pytest.fixture
def main(shown: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """The window shown with no project yet (``tests/app/conftest.py``); every file counts as large."""
    monkeypatch.setattr("coding.project_file.CHECK_FIRST_BYTES", 0)
    return shown


def _problem_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "problemBox" and w.isVisible()
    ]


def test_a_damaged_large_file_opens_then_closes_with_one_message_naming_it(  # type: ignore[no-untyped-def]
    qtbot, main: MainWindow, demo_copy: Path
) -> None:
    _all_in_main_file(demo_copy)
    _damage(demo_copy, "ix_document_sha256")
    assert main.open_project(demo_copy), main.last_problem
    assert main.workspace is not None and main.workspace.project.unchecked  # shown before the check
    qtbot.waitUntil(lambda: main.workspace is None, timeout=10_000)
    assert main.last_problem.startswith("studie.codewerk: the project file is damaged (")
    boxes = _problem_boxes()
    assert len(boxes) == 1 and boxes[0].text() == main.last_problem
    boxes[0].close()


def test_an_intact_large_file_stays_open_once_checked(qtbot, main: MainWindow, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    _all_in_main_file(demo_copy)
    assert main.open_project(demo_copy), main.last_problem
    workspace = main.workspace
    assert workspace is not None and workspace.project.unchecked
    qtbot.waitUntil(lambda: not workspace.project.unchecked, timeout=10_000)
    QApplication.processEvents()
    assert main.workspace is workspace and not _problem_boxes()
