"""Every export (and the respondent register) is written beside its target and moved into place."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from coding.core.errors import InvalidInputError
from coding.exporting import write_atomically
from coding.exporting.temporaries import PREFIX, remove_stale_temporaries, temporary_name

ROOT = Path(__file__).resolve().parents[3]


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


# Issue 14 item 8: the file belongs to the user, and killed exports leave nothing behind for good.


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def test_a_new_export_gets_the_mode_of_any_new_file(tmp_path: Path, umask_022: None) -> None:
    target = write_atomically(
        tmp_path / "a.csv", lambda t: t.write_text("x", encoding="utf-8"), overwrite=False
    )
    assert stat.S_IMODE(target.stat().st_mode) == 0o644  # not mkstemp's 0600
    os.umask(0o077)
    other = write_atomically(
        tmp_path / "b.csv", lambda t: t.write_text("x", encoding="utf-8"), overwrite=False
    )
    assert stat.S_IMODE(other.stat().st_mode) == 0o600  # the user's umask is respected


def test_an_overwritten_export_keeps_its_mode(tmp_path: Path, umask_022: None) -> None:
    target = tmp_path / "a.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomically(target, lambda t: t.write_text("new", encoding="utf-8"), overwrite=True)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640 and target.read_text(encoding="utf-8") == "new"


_HANG = """
import sys, time
from pathlib import Path
from coding.exporting import write_atomically

def hang(temporary):
    temporary.write_text("half", encoding="utf-8")
    print(temporary, flush=True)
    time.sleep(60)

write_atomically(Path(sys.argv[1]), hang, overwrite=False)
"""


def _start_export(target: Path) -> tuple[subprocess.Popen[str], Path]:
    process = subprocess.Popen(
        [sys.executable, "-c", _HANG, str(target)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    assert process.stdout is not None
    temporary = Path(process.stdout.readline().strip())
    assert temporary.exists() and temporary.parent == target.parent
    return process, temporary


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@pytest.mark.skipif(sys.platform == "win32", reason="advisory locks (fcntl) are POSIX only")
def test_a_killed_exports_temporary_is_removed_by_the_next_export_but_a_live_one_is_not(
    tmp_path: Path,
) -> None:
    killed, stranded = _start_export(tmp_path / "quotes.docx")
    killed.kill()
    killed.wait()
    assert stranded.exists()  # kill -9: nothing could clean up
    live, writing = _start_export(tmp_path / "other.docx")
    try:
        _age(stranded, 60)
        _age(writing, 60)
        legacy = tmp_path / ".quotes-k3j_x9a2.docx"  # what mkstemp left before (14 of 40 kills)
        legacy.write_text("half", encoding="utf-8")
        _age(legacy, 2 * 24 * 3600)
        recent_legacy = tmp_path / ".quotes-abcdefgh.docx"
        recent_legacy.write_text("half", encoding="utf-8")
        mine = tmp_path / ".codewerk-partial-notes.txt"  # not ours by pattern: a user's file
        mine.write_text("keep", encoding="utf-8")
        _age(mine, 2 * 24 * 3600)
        write_atomically(
            tmp_path / "quotes.docx", lambda t: t.write_text("ok", encoding="utf-8"), overwrite=True
        )
        assert not stranded.exists() and not legacy.exists()
        assert writing.exists(), "the temporary of an export still running was removed"
        assert recent_legacy.exists() and mine.exists()
    finally:
        live.kill()
        live.wait()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [".codewerk-partial-notes.txt", ".quotes-abcdefgh.docx", "quotes.docx", writing.name]
    )


def test_a_young_unlocked_temporary_is_left_alone(tmp_path: Path) -> None:
    """Between its creation and its lock a temporary is unlocked for an instant: not taken for stale."""
    young = tmp_path / f"{PREFIX}0123456789ab-quotes.docx"
    young.write_text("starting", encoding="utf-8")
    assert remove_stale_temporaries(tmp_path / "quotes.docx") == []
    _age(young, 3600)
    assert remove_stale_temporaries(tmp_path / "quotes.docx") == [young]


def test_a_long_target_name_still_gives_a_valid_temporary_name(tmp_path: Path) -> None:
    target = tmp_path / ("é" * 120 + ".xlsx")
    name = temporary_name(target)
    assert name.startswith(PREFIX) and name.endswith(".xlsx") and len(name.encode()) <= 255


def test_a_folder_as_target_is_refused_with_one_message(tmp_path: Path) -> None:
    """Issue 14 item 6: exporting onto a path that is a folder gave IsADirectoryError."""
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(InvalidInputError, match=r"^out\.xlsx: is a folder; choose a file name inside it$"):
        write_atomically(tmp_path / "out.xlsx", lambda t: t.write_text("x", encoding="utf-8"), overwrite=True)
    assert [p.name for p in tmp_path.iterdir()] == ["out.xlsx"]


def test_a_full_disk_says_so_and_leaves_nothing(tmp_path: Path) -> None:
    """Issue 14 item 5: OSError 28 while writing an export is one clear message, no partial file."""

    def full(temporary: Path) -> None:
        temporary.write_text("half", encoding="utf-8")
        raise OSError(28, "No space left on device")

    with pytest.raises(InvalidInputError, match=r"^out\.csv: not enough space on the disk of "):
        write_atomically(tmp_path / "out.csv", full, overwrite=False)
    assert list(tmp_path.iterdir()) == []
