"""Issue 19: an action written in a worker thread (``Project.write_in_worker``): its command plans and
commits there in its one transaction, is recorded and announced on the thread that began it, undo
takes it back exactly; meanwhile that thread's writes are refused at once and other threads' wait;
a cancel or a failure before the commit leaves the project exactly as it was. On a project file and
on a team server."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from sqlalchemy import select

from coding import Change, Project
from coding.core.errors import InvalidInputError, WriteCancelled, WriteUnderWayError
from coding.undo.command import Command, Writer
from models import Base, Code

pytestmark = pytest.mark.both_backends


def _rows(project: Project) -> dict[str, list[tuple[Any, ...]]]:
    with project.store.read() as session:
        return {
            table.name: sorted((tuple(row) for row in session.execute(select(table))), key=repr)
            for table in Base.metadata.sorted_tables
            if table.name not in ("setting", "alembic_version")
        }


def _names(project: Project) -> list[str]:
    """The codes' names as committed, by id (not the code tree the project caches until a change)."""
    with project.store.read() as session:
        return list(session.scalars(select(Code.name).order_by(Code.id)))


def _in_thread(work: Any) -> tuple[threading.Thread, dict[str, Any]]:
    outcome: dict[str, Any] = {}

    def run() -> None:
        try:
            outcome["value"] = work()
        except BaseException as error:
            outcome["error"] = error

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


class _Codes(Command):
    """Creates codes one by one; ``after_first`` runs between the first and the second."""

    text = "Create codes"

    def __init__(self, names: list[str], after_first: Any = None, fail: bool = False) -> None:
        super().__init__()
        self.names, self.after_first, self.fail = names, after_first, fail

    def plan(self, writer: Writer) -> Any:
        ids = []
        for n, name in enumerate(self.names):
            if n == 1 and self.after_first is not None:
                self.after_first()
            ids.append(writer.insert(Code, {"name": name, "parent_id": None, "position": 900 + n}))
        if self.fail:
            raise InvalidInputError("refused on purpose")
        return ids


def test_the_command_commits_in_the_worker_and_is_recorded_and_announced_by_finish(
    coded_project: Project,
) -> None:
    project = coded_project
    before, steps = _rows(project), project.history.undo_count
    heard: list[tuple[Change, int]] = []
    project.subscribe(lambda change: heard.append((change, threading.get_ident())))
    write = project.write_in_worker("Create codes")
    thread, outcome = _in_thread(lambda: write.run(lambda: project.execute(_Codes(["Eén", "Twee"]))))
    thread.join()
    assert "error" not in outcome
    assert {"Eén", "Twee"} <= set(_names(project))  # committed in the worker
    assert heard == [] and project.history.undo_count == steps  # not yet recorded, nor announced
    write.finish()
    assert [(change.tables, who) for change, who in heard] == [(frozenset({"code"}), threading.get_ident())]
    assert project.history.undo_count == steps + 1
    project.undo()
    assert _rows(project) == before
    project.redo()
    assert {"Eén", "Twee"} <= set(_names(project))


def test_while_it_is_written_the_starting_threads_writes_are_refused_and_others_wait(
    coded_project: Project,
) -> None:
    project = coded_project
    release = threading.Event()
    written = threading.Event()
    steps = project.history.undo_count

    def work() -> Any:
        project.execute(_Codes(["Eerste"]))
        written.set()
        release.wait(30)

    write = project.write_in_worker("Create codes")
    worker, _ = _in_thread(lambda: write.run(work))
    assert written.wait(30)
    before = _rows(project)
    with pytest.raises(WriteUnderWayError, match="Create codes"):
        project.execute(_Codes(["Tussendoor"]))  # at once: no waiting for the lock
    with pytest.raises(WriteUnderWayError):
        project.undo()
    with pytest.raises(WriteUnderWayError):
        project.write_in_worker("Another")
    assert _rows(project) == before
    other, outcome = _in_thread(lambda: project.execute(_Codes(["Later"])))
    other.join(0.5)
    assert other.is_alive()  # waits its turn
    release.set()
    worker.join()
    other.join(0.5)
    assert other.is_alive()  # until the action is recorded and announced
    write.finish()
    other.join(30)
    assert "error" not in outcome
    names = _names(project)
    assert names.index("Eerste") < names.index("Later")
    assert project.history.undo_count == steps + 2


def test_a_cancel_before_the_commit_rolls_the_command_back(coded_project: Project) -> None:
    project = coded_project
    before, steps = _rows(project), project.history.undo_count
    stop = threading.Event()
    write = project.write_in_worker("Create codes")
    thread, outcome = _in_thread(
        lambda: write.run(
            lambda: project.execute(_Codes(["Een", "Twee", "Drie"], after_first=stop.set)), stop=stop.is_set
        )
    )
    thread.join()
    assert isinstance(outcome.get("error"), WriteCancelled)
    write.finish()
    assert _rows(project) == before
    assert project.history.undo_count == steps
    project.execute(_Codes(["Daarna"]))  # the lane is free again
    assert "Daarna" in _names(project)


def test_a_failing_command_in_the_worker_leaves_the_project_as_it_was(coded_project: Project) -> None:
    project = coded_project
    before, steps = _rows(project), project.history.undo_count
    heard: list[Change] = []
    project.subscribe(heard.append)
    write = project.write_in_worker("Create codes")
    thread, outcome = _in_thread(
        lambda: write.run(lambda: project.execute(_Codes(["Een", "Twee"], fail=True)))
    )
    thread.join()
    assert isinstance(outcome.get("error"), InvalidInputError)
    write.finish()
    assert _rows(project) == before and heard == [] and project.history.undo_count == steps


def test_a_group_in_the_worker_is_one_undo_step(coded_project: Project) -> None:
    project = coded_project
    before, steps = _rows(project), project.history.undo_count
    write = project.write_in_worker("Two codes")

    def work() -> None:
        with project.group("Two codes"):
            project.execute(_Codes(["Een"]))
            project.execute(_Codes(["Twee"]))

    thread, outcome = _in_thread(lambda: write.run(work))
    thread.join()
    assert "error" not in outcome
    write.finish()
    assert project.history.undo_count == steps + 1
    project.undo()
    assert _rows(project) == before


def test_the_code_tree_read_in_the_worker_and_on_the_gui_thread_is_each_ones_own(project: Project) -> None:
    """The code tree was cached once for every thread: read on the thread that began the write while the
    worker's group was open (the window redraws meanwhile), it was the committed one, and the worker then
    looked up the code it had just created in it: "code N does not exist" (Create code … and code all turns
    of I, now and then). The other way round, that thread saw the worker's code before it was committed."""
    project.codes.tree()  # cached, as the window's code tree has it
    write = project.write_in_worker("Create code and code")
    created, go = threading.Event(), threading.Event()

    def work() -> str:
        with project.group("Create code Nieuw and code"):
            code = project.codes.create("Nieuw")
            created.set()
            assert go.wait(30)
            return project.codes.get(code.id).name  # the worker reads its own group's code

    def in_worker() -> str:
        return write.run(work)

    thread, outcome = _in_thread(in_worker)
    assert created.wait(30)
    project.codes.invalidate()  # as a change noticed meanwhile does (``Project._announce``)
    shown = [code.name for code in project.codes.tree()]  # and the window reads the tree again
    go.set()
    thread.join(30)
    write.finish()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["value"] == "Nieuw"
    assert "Nieuw" not in shown  # not committed yet when read here
    assert "Nieuw" in [code.name for code in project.codes.tree()]  # committed and announced


def test_a_code_created_in_the_worker_outside_a_group_is_found_there(project: Project) -> None:
    project.codes.tree()
    write = project.write_in_worker("Create code")
    thread, outcome = _in_thread(lambda: write.run(lambda: project.codes.create("Nieuw").name))
    thread.join(30)
    write.finish()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["value"] == "Nieuw" and "Nieuw" in [code.name for code in project.codes.tree()]


def test_when_written_is_told_once_each_write_is_over_after_its_change(project: Project) -> None:
    """What waits for a write in a worker (a save kept meanwhile) is told when it is over, committed and
    announced, or failed: on the thread that began it, after the change."""
    heard: list[str] = []
    unsubscribe = project.subscribe(lambda change: heard.append("change"))
    stop = project.when_written(
        lambda: heard.append(f"over {threading.current_thread() is threading.main_thread()}")
    )
    write = project.write_in_worker("Create codes")
    thread, outcome = _in_thread(lambda: write.run(lambda: project.execute(_Codes(["Een"]))))
    thread.join(30)
    assert heard == []  # not before the beginning thread finishes it
    write.finish()
    write.finish()  # once
    assert heard == ["change", "over True"]
    failing = project.write_in_worker("Create codes")
    thread, outcome = _in_thread(lambda: failing.run(lambda: project.execute(_Codes(["Twee"], fail=True))))
    thread.join(30)
    assert "error" in outcome
    failing.finish()
    assert heard == ["change", "over True", "over True"]  # nothing committed, and over
    stop()
    unsubscribe()
    last = project.write_in_worker("Create codes")
    last.finish()
    assert heard == ["change", "over True", "over True"]
