"""A backup made before a migration and a "Save a copy" survive a power loss: their contents are synced by
SQLite's commit, and their names by a sync of the folder they were created or moved into."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from models.database import backup_file, copy_database


@pytest.fixture
def synced_folders(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The inode of every folder synced from now on."""
    folders: list[int] = []
    real = os.fsync

    def fsync(descriptor: int) -> None:
        status = os.fstat(descriptor)
        if stat.S_ISDIR(status.st_mode):
            folders.append(status.st_ino)
        real(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    return folders


@pytest.mark.skipif(sys.platform == "win32", reason="a folder cannot be synced on Windows")
def test_a_copy_and_a_backup_sync_the_folder_they_are_put_in(
    closed: Path, tmp_path: Path, synced_folders: list[int]
) -> None:
    elsewhere = tmp_path / "kopieën"
    elsewhere.mkdir()
    copy_database(closed, elsewhere / "kopie.codewerk")
    assert synced_folders == [elsewhere.stat().st_ino]
    backup = backup_file(closed, "0021")
    assert backup.exists() and synced_folders[-1] == tmp_path.stat().st_ino
