"""Two programs writing one project file (issue 14.1): writes wait for each other, never fail at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import func, select

from coding import Aspect, Change, Project
from coding.cli.main import main
from coding.core.errors import ProjectBusyError, UndoConflictError
from models import Coding
from tests.writers import other_writer


def _codings(project: Project) -> int:
    with project.store.read() as session:
        return int(session.execute(select(func.count()).select_from(Coding)).scalar_one())


def test_a_write_waits_for_another_program_instead_of_failing(interviews: Project) -> None:
    # Before BEGIN IMMEDIATE, a coding read the document, then found the file changed by the other
    # program when it came to write, and failed at once with "database is locked".
    before = _codings(interviews)
    with other_writer(interviews.store.path, hold=0.05):
        for offset in range(8):
            interviews.code("R5", "Vertrouwen", offset * 10, offset * 10 + 5)
            time.sleep(0.03)
    assert _codings(interviews) == before + 8


def test_a_project_that_stays_busy_says_so_in_one_sentence_and_applies_nothing(interviews: Project) -> None:
    interviews.store.set_patience(100, (0.01, 0.02))
    before = _codings(interviews)
    with other_writer(interviews.store.path, hold=5, once=True), pytest.raises(ProjectBusyError) as raised:
        interviews.code("R5", "Vertrouwen", 0, 5)
    message = str(raised.value)
    assert "the project is busy" in message and "nothing was changed" in message
    assert "\n" not in message
    assert _codings(interviews) == before
    assert interviews.history.undo_count == 0


def test_the_cli_exits_1_with_the_message_when_the_project_stays_busy(
    interviews: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("coding.core.store.BUSY_TIMEOUT_MS", 100)
    monkeypatch.setattr("coding.core.store.RETRY_DELAYS", (0.01,))
    path = interviews.store.path
    with other_writer(path, hold=5, once=True):
        code = main(["code", str(path), "R5", "Vertrouwen", "--span", "0:5"])
    err = capsys.readouterr().err
    assert code == 1
    assert "the project is busy" in err
    assert "Traceback" not in err


def test_undo_waits_for_the_other_program_too(interviews: Project) -> None:
    before = _codings(interviews)
    interviews.code("R5", "Vertrouwen", 0, 5)
    with other_writer(interviews.store.path, hold=0.05):
        time.sleep(0.02)
        interviews.undo()
    assert _codings(interviews) == before


def test_changes_other_programs_commit_are_announced(interviews: Project) -> None:
    seen: list[Change] = []
    interviews.subscribe(seen.append)
    assert interviews.notice_others() is False
    interviews.code("R5", "Vertrouwen", 0, 5)  # our own change is announced once, by execute
    assert interviews.notice_others() is False
    assert len(seen) == 1
    with Project.open(interviews.store.path, coder="other") as other:
        other.code("R6", "Vertrouwen", 0, 5)
    assert interviews.notice_others() is True
    assert seen[-1].touches(Aspect.CODINGS) and seen[-1].document_ids is None
    assert interviews.notice_others() is False


def test_a_look_landing_between_our_own_commit_and_its_mark_announces_nothing(
    interviews: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A worker storing Find's state commits part after part; the window's look every 500 ms (notice_others)
    # landed between a commit and the writer's mark_seen, took it for another program's and announced every
    # table changed: every view read everything again on the GUI thread (0.8-2.5 s each at ten times the corpus).
    seen: list[Change] = []
    interviews.subscribe(seen.append)
    looked: list[bool] = []
    mark = interviews.store.mark_seen

    def look_then_mark() -> None:  # the look lands right after the commit, before its mark
        looked.append(interviews.notice_others())
        mark()

    monkeypatch.setattr(interviews.store, "mark_seen", look_then_mark)
    interviews.code("R5", "Vertrouwen", 0, 5)
    assert looked == [False]
    monkeypatch.setattr(interviews.store, "mark_seen", mark)
    assert interviews.notice_others() is False
    assert len(seen) == 1  # the coding's own change, nothing "from outside"
    with Project.open(interviews.store.path, coder="other") as other:  # another program's commits still count
        other.code("R6", "Vertrouwen", 0, 5)
    assert interviews.notice_others() is True


def test_undo_takes_back_my_coding_and_keeps_theirs_on_the_same_passage(interviews: Project) -> None:
    before = _codings(interviews)
    mine = interviews.code("R5", "Vertrouwen", 0, 20)
    with Project.open(interviews.store.path, coder="other") as other:
        theirs = other.code("R5", "Betrouwbaarheid", 0, 20)  # the same passage: it carries their coding too
    interviews.undo()
    assert _codings(interviews) == before + 1
    assert [a.coding_id for p in interviews.codings.passages("R5") for a in p.codings] == [theirs.id]
    interviews.redo()
    assert {c.coder for p in interviews.codings.passages("R5") for c in p.codings} == {"tester", "other"}
    assert mine.passage_id == theirs.passage_id


def test_undo_refuses_when_someone_else_changed_the_same_row(interviews: Project) -> None:
    created = interviews.codes.create("Nieuw")
    with Project.open(interviews.store.path, coder="other") as other:
        other.codes.rename(created.id, "Hernoemd")
    with pytest.raises(UndoConflictError) as raised:
        interviews.undo()
    assert "someone else" in str(raised.value)
    interviews.notice_others()
    assert any(code.name == "Hernoemd" for code in interviews.codes.tree().codes)
    assert interviews.history.can_undo


def test_opening_the_project_again_in_one_process_keeps_the_first_ones_locks(interviews: Project) -> None:
    # Opening read the file's header with a plain open(); closing that descriptor dropped every
    # POSIX lock this process held on the file, so another program closing its last connection
    # could checkpoint and delete the WAL under the open project: a damaged file, lost writes.
    path = interviews.store.path
    interviews.code("R5", "Vertrouwen", 0, 5)
    assert Path(f"{path}-wal").exists()
    Project.open(path).close()
    script = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); c.execute('select 1 from coding'); c.close()"
    )
    subprocess.run([sys.executable, "-c", script, str(path)], check=True)
    assert Path(f"{path}-wal").exists()  # we still hold it: the other program left it alone
    interviews.code("R5", "Vertrouwen", 10, 15)
    with closing(sqlite3.connect(path)) as check:
        assert check.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
