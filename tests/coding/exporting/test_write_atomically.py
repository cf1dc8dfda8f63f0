"""Every export (and the respondent register) is written beside its target and moved into place."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.core.errors import InvalidInputError
from coding.exporting import write_atomically


def test_a_failed_write_leaves_neither_half_a_file_nor_the_old_one_changed(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")

    def fail(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_atomically(target, fail, overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"] and target.read_text(encoding="utf-8") == "old"
    assert write_atomically(target, lambda t: t.write_text("new", encoding="utf-8"), overwrite=True) == target
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"] and target.read_text(encoding="utf-8") == "new"


def test_an_existing_file_or_a_missing_folder_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old", encoding="utf-8")
    with pytest.raises(
        InvalidInputError, match=r"^out\.csv: already exists; choose another name or allow overwriting$"
    ):
        write_atomically(target, lambda t: t.write_text("new", encoding="utf-8"), overwrite=False)
    missing = tmp_path / "nowhere" / "out.csv"
    with pytest.raises(InvalidInputError, match=r"^out\.csv: the folder .*nowhere does not exist$"):
        write_atomically(missing, lambda t: t.write_text("new", encoding="utf-8"), overwrite=True)
    assert target.read_text(encoding="utf-8") == "old"
