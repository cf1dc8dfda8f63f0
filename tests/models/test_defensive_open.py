"""Project files made elsewhere are opened defensively: a damaged file is refused with one message
naming it (and left as it was), and every connection distrusts what the schema could make it do."""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from coding import Project
from coding.core.errors import ProjectFileError
from tests.conftest import TRANSCRIPT


def _project_with_data(path: Path, tmp_path: Path) -> None:
    source = tmp_path / "R5.txt"
    source.write_text(TRANSCRIPT * 40, encoding="utf-8")
    with Project.create(path, codebook="rwb", coder="tester") as project:
        project.import_files([source])
        project.code("R5", "4a", 127, 166)
    with closing(sqlite3.connect(path)) as conn:  # everything in the main file, as a copied file is
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")


def _page_of(path: Path, index: str) -> int:
    with closing(sqlite3.connect(path)) as conn:
        row = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (index,)).fetchone()
    return int(row[0])


def test_a_damaged_project_file_is_refused_with_one_message_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "studie.codewerk"
    _project_with_data(path, tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    page = _page_of(path, "turn")
    data = bytearray(path.read_bytes())
    offset = (page - 1) * page_size
    data[offset + 8 : offset + page_size] = b"\xa5" * (page_size - 8)  # the page's cells, overwritten
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError) as caught:
        Project.open(path)
    message = str(caught.value)
    assert message.startswith("studie.codewerk: the project file is damaged (")
    assert "\n" not in message
    assert path.read_bytes() == bytes(data)  # refused, not touched


def test_an_intact_project_opens(tmp_path: Path) -> None:
    path = tmp_path / "studie.codewerk"
    _project_with_data(path, tmp_path)
    with Project.open(path) as project:
        assert [d.name for d in project.documents.list()] == ["R5"]


def test_every_connection_distrusts_the_schema_and_checks_cell_sizes(project: Project) -> None:
    with project.store.read() as session:
        assert session.execute(text("PRAGMA trusted_schema")).scalar_one() == 0
        assert session.execute(text("PRAGMA cell_size_check")).scalar_one() == 1


def test_a_view_made_elsewhere_cannot_call_an_application_function(project: Project) -> None:
    """What ``trusted_schema=OFF`` is for: a schema object does not get to run the program's own
    (not innocuous) SQL functions when the project is read."""
    with project.store.write() as session:
        session.execute(text("CREATE VIEW sneaky AS SELECT codewerk_probe() AS x"))
    calls: list[int] = []
    with project.store.read() as session:
        raw = session.connection().connection.driver_connection
        assert raw is not None
        raw.create_function("codewerk_probe", 0, lambda: calls.append(1) or 1)
        with pytest.raises(Exception, match="unsafe use of"):
            session.execute(text("SELECT x FROM sneaky")).all()
    assert calls == []


def test_a_small_file_is_checked_before_it_opens_even_when_a_later_check_is_offered(tmp_path: Path) -> None:
    path = tmp_path / "studie.codewerk"
    _project_with_data(path, tmp_path)
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    offset = (_page_of(path, "turn") - 1) * page_size
    data[offset + 8 : offset + page_size] = b"\xa5" * (page_size - 8)
    path.write_bytes(bytes(data))
    with pytest.raises(ProjectFileError, match=r"^studie\.codewerk: the project file is damaged \("):
        Project.open(path, check_later=True)


def _damaged_index(path: Path, index: str) -> None:
    """Overwrite the cells of one index page that opening and listing do not read."""
    with closing(sqlite3.connect(path)) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(path.read_bytes())
    offset = (_page_of(path, index) - 1) * page_size
    data[offset + 8 : offset + page_size] = b"\xa5" * (page_size - 8)
    path.write_bytes(bytes(data))


def test_a_write_into_a_large_file_opened_unchecked_waits_for_the_check_and_is_refused_if_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coding.project_file.CHECK_FIRST_BYTES", 0)  # every file counts as large
    path = tmp_path / "studie.codewerk"
    _project_with_data(path, tmp_path)
    _damaged_index(path, "ix_document_sha256")
    project = Project.open(path, check_later=True)
    try:
        assert project.unchecked
        assert [d.name for d in project.documents.list()] == ["R5"]  # reading goes on meanwhile
        damaged = r"^studie\.codewerk: the project file is damaged \("
        with pytest.raises(ProjectFileError, match=damaged):  # the write ran the check itself
            project.code("R5", "4a", 0, 10)
        with pytest.raises(ProjectFileError, match=damaged):  # and every later write is refused
            project.codes.create("Nieuw")
        with pytest.raises(ProjectFileError, match=damaged):
            project.check_file()
    finally:
        project.close()
    with closing(sqlite3.connect(path)) as conn:  # nothing was written
        assert conn.execute("SELECT count(*) FROM coding").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM code WHERE name = 'Nieuw'").fetchone() == (0,)


def test_a_write_meanwhile_waits_for_the_check_under_way(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("coding.project_file.CHECK_FIRST_BYTES", 0)
    path = tmp_path / "studie.codewerk"
    _project_with_data(path, tmp_path)
    project = Project.open(path, check_later=True)
    assert project.unchecked
    checking, release = threading.Event(), threading.Event()
    events: list[str] = []
    check = project.store._pending_check
    assert check is not None

    def slow_check() -> None:  # the real check, held until the test lets it finish
        checking.set()
        release.wait(10)
        check()
        events.append("checked")

    project.store.check_before_writing(slow_check)
    checker = threading.Thread(target=project.check_file)  # the window's worker
    checker.start()
    assert checking.wait(10)

    def write() -> None:
        project.code("R5", "4a", 0, 10)
        events.append("written")

    writer = threading.Thread(target=write)
    writer.start()
    writer.join(0.3)  # time enough for an ungated write to finish
    release.set()
    checker.join(10)
    writer.join(10)
    try:
        assert events == ["checked", "written"]
        assert not project.unchecked
        assert len(project.quotes()) == 2
    finally:
        project.close()
