"""File → Save a copy: a consistent copy of everything committed, which opens on its own; the
project's own file and an existing file are refused (unless replacing was allowed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import InvalidInputError


def test_a_copy_holds_everything_committed_and_opens(tmp_path: Path) -> None:
    with Project.create(tmp_path / "studie.codewerk", codebook="rwb", coder="t") as project:
        project.codes.create("Wantrouwen")
        copy = project.save_copy(tmp_path / "kopie")
        assert copy == tmp_path / "kopie.codewerk"
        project.codes.create("Na de kopie")
        with pytest.raises(InvalidInputError, match="exists"):
            project.save_copy(copy)
        with pytest.raises(InvalidInputError, match="own file"):
            project.save_copy(tmp_path / "studie.codewerk")
        with pytest.raises(InvalidInputError, match="no such folder"):
            project.save_copy(tmp_path / "nergens" / "kopie.codewerk")
    with Project.open(copy) as copied:
        names = {code.name for code in copied.codes.tree()}
        assert "Wantrouwen" in names and "Na de kopie" not in names
    assert not list(tmp_path.glob("*.partial"))


def test_replacing_a_copy_when_allowed(tmp_path: Path) -> None:
    with Project.create(tmp_path / "studie.codewerk", codebook=None, coder="t") as project:
        copy = project.save_copy(tmp_path / "kopie.codewerk")
        project.codes.create("Later")
        project.save_copy(copy, overwrite=True)
    with Project.open(copy) as copied:
        assert [code.name for code in copied.codes.tree()] == ["Later"]
