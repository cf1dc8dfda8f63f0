"""Undo of many codings asks the database whether anything but them (and their passages) would go with
them (:func:`coding.undo.capture.nothing_hangs_on`) before reading them back: it decides as the rows read
back do, and reads them back whenever something may hang on them."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from typing import Any

import pytest

from coding import Project
from coding.core.errors import UndoConflictError
from coding.undo import capture
from coding.undo import steps as steps_module
from tests.coding.dump import dump

DOC = "R5_uwv_zwolle"
SPANS = [(DOC, "Urgentiebesef", n, n + 6) for n in range(40, 340, 12)]


def _asked(monkeypatch: pytest.MonkeyPatch, fast: bool) -> list[tuple[str, bool]]:
    """What the database was asked (table, answer); with ``fast`` off the rows are always read back."""
    asked: list[tuple[str, bool]] = []
    real = capture.nothing_hangs_on

    def ask(session: Any, table: Any, runs: Any) -> bool:
        answer = real(session, table, runs) if fast else False
        asked.append((table.name, answer))
        return answer

    monkeypatch.setattr(steps_module, "nothing_hangs_on", ask)
    return asked


def _judged(project: Project, passage_id: int) -> None:
    code, scale = next((c, c.scale) for c in project.codes.tree() if c.scale)
    project.assess("zwolle", code.id, scale[0], note="omdat", evidence=[passage_id])


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize("what", ["nothing", "review", "evidence", "evidence kept"])
def test_undo_of_many_codings_decides_as_the_rows_read_back(
    coded_project: Project, monkeypatch: pytest.MonkeyPatch, what: str, fast: bool
) -> None:
    """Nothing on them: undone without reading them back. A review on one of them, a judgement's evidence
    on one of their passages (which goes with its last coding): refused. Evidence on such a passage that
    another action's coding keeps: undone, the passage and the evidence stay (the database's answer is
    "maybe", the rows read back tell)."""
    project = coded_project
    ids = project.codings.code_many(SPANS)
    command = project.history._commands[-1]
    with closing(sqlite3.connect(project.path)) as conn:
        passage = conn.execute("SELECT passage_id FROM coding WHERE id = ?", (ids[3],)).fetchone()[0]
    if what == "review":
        project.reviews.mark(ids[len(ids) // 2], "question", "bron?", reviewer="Anna")
    elif what == "evidence":
        _judged(project, passage)
    elif what == "evidence kept":
        project.codings.code_many([(DOC, "4a", *SPANS[3][2:])])
        _judged(project, passage)
    before = dump(project.path)
    asked = _asked(monkeypatch, fast)
    if what in ("review", "evidence"):
        with pytest.raises(UndoConflictError):
            project.undo_command(command)
        assert dump(project.path) == before
    else:
        project.undo_command(command)
        after = dump(project.path)
        assert len(after["coding"]) == len(before["coding"]) - len(ids)
        if what == "evidence kept":
            assert after["judgement_evidence"] == before["judgement_evidence"]
            assert passage in {row[0] for row in after["passage"]}
    assert ("coding", fast and what == "nothing") in asked
