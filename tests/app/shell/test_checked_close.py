"""A project file is checked for damage once more when the window closes it; opened again unchanged,
it is not checked a second time (``PRAGMA quick_check``: ≈ 25 ms on 20 MB, ≈ 0.25 s on 200 MB).
Any change to the file since (damage, another program's write, a copy put in its place) makes the
opening check it as before: a damaged file is still refused with one message and left as it was."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from app.shell import closed_checks, settings
from app.shell.main_window import MainWindow


@pytest.fixture
def main(shown: MainWindow) -> MainWindow:
    """The window shown with no project yet (``tests/app/conftest.py``)."""
    return shown


def _closed_checked(main: MainWindow, path: Path) -> None:
    for suffix in ("-wal", "-shm"):  # as a copied file comes: everything in the main file
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    assert main.open_project(path), main.last_problem
    main.close_project()
    closed_checks.wait()  # checked in a thread of its own
    assert settings.checked_mark(path) is not None


def _problem_boxes() -> list[QMessageBox]:
    return [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, QMessageBox) and w.objectName() == "problemBox" and w.isVisible()
    ]


def _damage(path: Path) -> None:
    """Overwrite the cells of one index page no first screen reads."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        page = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'ix_document_sha256'"
        ).fetchone()[0]
    data = bytearray(path.read_bytes())
    offset = (page - 1) * page_size
    data[offset + 8 : offset + page_size] = b"\xa5" * (page_size - 8)
    path.write_bytes(bytes(data))


def test_a_file_closed_checked_opens_again_without_the_check(
    main: MainWindow, demo_copy: Path, quick_checks: list[str]
) -> None:
    _closed_checked(main, demo_copy)
    assert quick_checks == ["check", "check"]  # opening, closing
    assert main.open_project(demo_copy), main.last_problem
    assert quick_checks == ["check", "check"]  # not again
    assert main.workspace is not None and not main.workspace.project.unchecked
    main.workspace.project.codes.create("Written after a spared check", inductive=True)  # writes go on


def test_a_file_damaged_after_a_checked_close_is_refused_with_one_message(
    main: MainWindow, demo_copy: Path, quick_checks: list[str]
) -> None:
    _closed_checked(main, demo_copy)
    stat = demo_copy.stat()
    _damage(demo_copy)
    os.utime(demo_copy, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # its time put back: still found
    damaged = demo_copy.read_bytes()
    assert not main.open_project(demo_copy)
    assert main.workspace is None
    assert main.last_problem.startswith("studie.codewerk: the project file is damaged (")
    boxes = _problem_boxes()
    assert len(boxes) == 1 and boxes[0].text() == main.last_problem
    boxes[0].close()
    assert demo_copy.read_bytes() == damaged  # left exactly as it was
    assert quick_checks[-1] == "check"


def test_a_file_another_program_wrote_is_checked_again(
    main: MainWindow, demo_copy: Path, quick_checks: list[str]
) -> None:
    _closed_checked(main, demo_copy)
    with closing(sqlite3.connect(demo_copy)) as conn:  # a script, the CLI: SQLite writing the file
        conn.execute("INSERT INTO setting (key, value) VALUES ('from a script', '\"1\"')")
        conn.commit()
    before = len(quick_checks)
    assert main.open_project(demo_copy), main.last_problem
    assert len(quick_checks) == before + 1


def test_a_large_file_closed_before_its_check_passed_keeps_no_mark(
    main: MainWindow, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _closed_checked(main, demo_copy)
    with closing(sqlite3.connect(demo_copy)) as conn:  # changed since: it is checked again
        conn.execute("INSERT INTO setting (key, value) VALUES ('from a script', '\"1\"')")
        conn.commit()
    monkeypatch.setattr("coding.project_file.CHECK_FIRST_BYTES", 0)  # every file counts as large
    assert main.open_project(demo_copy), main.last_problem
    assert main.workspace is not None and main.workspace.project.unchecked  # checked after the paint
    main.close_project()  # before the check ran
    closed_checks.wait()
    assert settings.checked_mark(demo_copy) is None
