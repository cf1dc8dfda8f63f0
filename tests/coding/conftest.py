"""Fixtures shared by the service tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from tests.coding.interviews import R5, R6


@pytest.fixture
def interviews(project: Project, tmp_path: Path) -> Project:
    """The project with R5 and R6 imported, and an empty undo history."""
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    (tmp_path / "R6.txt").write_text(R6, encoding="utf-8")
    project.import_files([tmp_path / "R5.txt", tmp_path / "R6.txt"])
    project.history.clear()
    return project
