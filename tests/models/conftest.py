"""Fixtures of the project-file tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project


@pytest.fixture
def closed(tmp_path: Path) -> Path:
    """A new project file (codebook rwb), closed: nothing open on it."""
    path = tmp_path / "closed.codewerk"
    with Project.create(path, codebook="rwb", coder="tester"):
        pass
    return path
