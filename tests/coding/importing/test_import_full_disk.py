"""Issue 14 item 5: an import onto a full disk ends with one clear message, nothing of it stored.

SQLite says "database or disk is full" when a page cannot be written: on a full disk, over a
quota, or past the connection's ``max_page_count``. The first tests use that limit (any machine);
the last ones use a real, tiny file system (a tmpfs mounted for the test, which needs root).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from coding import Project
from coding.cli.main import main
from coding.core.errors import DiskFullError
from tests.coding.dump import dump

WORDS = ("vertrouwen", "gemeente", "werkgever", "afspraak", "samenwerking", "regio", "urgentie")


def _transcripts(folder: Path, count: int, turns: int, seed: int = 7) -> list[Path]:
    """Files of random (incompressible enough) Dutch-looking turns, about 0.9 KB per turn."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(count):
        lines = [
            f"[00:{i // 60 % 60:02d}:{i % 60:02d}] R{index}: "
            + " ".join(f"{rng.choice(WORDS)}{rng.randrange(10**6)}" for _ in range(60))
            for i in range(turns)
        ]
        path = folder / f"R{index + 1}.txt"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _limit_pages(project: Project, extra_pages: int) -> None:
    """Let the project's file grow by ``extra_pages`` pages at most: later writes find it full."""
    engine = project.store.engine
    with engine.connect() as connection:
        pages = int(connection.exec_driver_sql("PRAGMA page_count").scalar_one())

    @event.listens_for(engine, "connect")
    def limit(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count = {pages + extra_pages}")
        cursor.close()

    engine.dispose()  # connections opened from now on have the limit


def test_a_full_disk_midway_stores_nothing_and_names_every_file(project: Project, tmp_path: Path) -> None:
    files = _transcripts(tmp_path / "in", count=4, turns=120)  # ≈ 110 KB each
    before = dump(project.store.path)
    undo_before = project.history.can_undo
    _limit_pages(project, extra_pages=60)  # ≈ 240 KB: the first file fits, a later one does not
    with pytest.raises(DiskFullError) as raised:
        project.import_files(files)
    message = str(raised.value)
    assert message.startswith(f"{project.store.path.name}: not enough space on the disk of {tmp_path}; ")
    assert "while storing R" in message
    assert "Nothing was imported and the project is as it was" in message
    assert "4 files not imported: R1.txt, R2.txt, R3.txt, R4.txt" in message
    assert "\n" not in message
    assert dump(project.store.path) == before
    assert project.history.can_undo == undo_before
    # with room again, the same import works (the project was left usable)
    _limit_pages(project, extra_pages=100_000)
    report = project.import_files(files)
    assert [d.name for d in report.imported] == ["R1", "R2", "R3", "R4"]


def test_the_window_s_batch_stops_at_the_full_disk_and_refuses_the_rest(
    project: Project, tmp_path: Path
) -> None:
    """The window stores file by file: after the full disk, no later file is stored on its own."""
    files = _transcripts(tmp_path / "in", count=4, turns=120)
    before = dump(project.store.path)
    _limit_pages(project, extra_pages=60)
    batch = project.importer.batch(files)
    errors = []
    for path in files:
        try:
            batch.store(batch.prepare(path))
        except DiskFullError as exc:
            errors.append(str(exc))
    assert len(errors) >= 2 and len(set(errors)) == 1  # the same one message for every later file
    with pytest.raises(DiskFullError):
        batch.finish()
    assert batch.report.imported == [] and batch.report.not_imported == [
        "R1.txt",
        "R2.txt",
        "R3.txt",
        "R4.txt",
    ]
    assert batch.report.stopped == errors[0] and not batch.report.ok
    assert dump(project.store.path) == before


def test_one_command_on_a_full_disk_says_so(project: Project) -> None:
    _limit_pages(project, extra_pages=0)
    refused: list[str] = []
    created = 0
    for index in range(200):  # fills the pages the file has free first
        try:
            project.codes.create(f"Nieuwe code {index}", description="x" * 3000)
        except DiskFullError as exc:
            refused.append(str(exc))
            break
        created += 1
    assert refused and refused[0].endswith("; nothing was changed")
    assert refused[0].startswith(f"{project.store.path.name}: not enough space on the disk of ")
    names = {code.name for code in project.codes.tree()}
    assert f"Nieuwe code {created}" not in names
    assert all(f"Nieuwe code {index}" in names for index in range(created))


# -- a real full disk -----------------------------------------------------------------------


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 1.5 MB tmpfs: room for a new project and a little more."""
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small file system needs root and mount(8)")
    folder = tmp_path / "small"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1536k", "tmpfs", str(folder)],
        check=False,
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {mounted.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_the_cli_import_onto_a_full_disk_prints_one_line_and_changes_nothing(
    small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project_file = small_disk / "studie.codewerk"
    assert main(["new", str(project_file)]) == 0
    files = _transcripts(tmp_path / "in", count=5, turns=400)  # ≈ 1.8 MB in all
    before = dump(project_file)
    capsys.readouterr()
    assert main(["import", str(project_file), *map(str, files)]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    lines = [line for line in err.splitlines() if "not enough space" in line]
    assert len(lines) == 1, err
    assert f"studie.codewerk: not enough space on the disk of {small_disk}; the import stopped" in lines[0]
    assert "5 files not imported: R1.txt, R2.txt, R3.txt, R4.txt, R5.txt" in lines[0]
    assert dump(project_file) == before
    # the project still opens and imports what fits; an index that does not fit is said in one line
    code = main(["import", str(project_file), str(files[0])])
    out, err = capsys.readouterr()
    assert "Imported 1 document(s)" in out and "Traceback" not in out + err
    assert code == 0 or err.strip().splitlines()[-1].startswith(
        "codewerk: the documents were imported, but the search index was not updated: studie.codewerk: "
        "not enough space on the disk of"
    )


@pytest.mark.parametrize("room_kb", [4, 200])  # full at the file's creation / while loading the codebook
def test_a_new_project_on_a_full_disk_is_one_line_and_leaves_no_file(
    small_disk: Path, room_kb: int, capsys: pytest.CaptureFixture[str]
) -> None:
    filler = small_disk / "filler"
    filler.write_bytes(b"\0" * (1536 - room_kb) * 1024)
    capsys.readouterr()
    assert main(["new", str(small_disk / "studie.codewerk")]) == 1
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert err.strip() == (
        f"codewerk: error: studie.codewerk: not enough space on the disk of {small_disk}; no project was created"
    )
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
