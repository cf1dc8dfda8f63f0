"""Several coders writing a team project at once (issue 23): nothing refused that could be done,
nothing announced lost. The server gives up a transaction (serialization failure) when two
overlap; these tests make it do so for real — two coders coding the same span at the same moment,
and a server that refuses one commit (a deferred constraint trigger raising SQLSTATE 40001)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine

from coding import Aspect, Project
from coding.core.errors import ProjectBusyError
from models.server import parse
from tests.coding.interviews import R5

REFUSE_ONE_COMMIT = """
CREATE SEQUENCE refused_commits;
CREATE FUNCTION refuse_one_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF nextval('refused_commits') = 1 THEN
        RAISE EXCEPTION 'could not serialize access (refused once by the test)' USING ERRCODE = '40001';
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER refuse_one_commit AFTER INSERT ON coding
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_one_commit();
"""


@pytest.fixture
def team(team_url: str, tmp_path: Path) -> Iterator[Project]:
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    project = Project.create(team_url, coder="alice")
    project.import_files([tmp_path / "R5.txt"])
    project.history.clear()
    yield project
    project.close()


def _refuse_the_next_commit_of_a_coding(team_url: str) -> None:
    """The server refuses the next commit that inserted a coding, as it does when another
    coder's transaction overlapped (SQLSTATE 40001, at COMMIT); later commits go through."""
    engine = create_engine(parse(team_url))
    with engine.begin() as connection:
        connection.exec_driver_sql(REFUSE_ONE_COMMIT)
    engine.dispose()


def _heard(project: Project) -> Aspect | None:
    """What the others announced, waiting up to 3 s for the notification to arrive."""
    deadline = time.monotonic() + 3
    while time.monotonic() < deadline:
        change = project.store.others_change()
        if change is not None:
            return Aspect.CODINGS if change.touches(Aspect.CODINGS) else None
        time.sleep(0.05)
    return None


def test_a_group_whose_span_another_coder_codes_at_that_moment_is_tried_again(
    team: Project, team_url: str
) -> None:
    """Bob's two codings (one undo group) and Alice's coding of the same span meet on the server:
    it gives up Bob's transaction. The group begins again, applies Bob's first coding again (same
    ids) and codes the second on the passage Alice made: both coders' work is kept."""
    with Project.open(team_url, coder="bob") as bob:
        bob.code("R5", "Stabiliteit", 100, 120)  # bob is a coder of the project already
        failures: list[BaseException] = []
        alice_inside = threading.Event()

        def bobs_group() -> None:
            alice_inside.wait()
            try:
                with bob.group("Bob's two codings"):
                    bob.code("R5", "Output", 40, 60)
                    bob.code("R5", "Urgentiebesef", 0, 20)  # waits for Alice's passage, then refused
            except BaseException as exc:
                failures.append(exc)

        thread = threading.Thread(target=bobs_group)
        thread.start()
        with team.group("Alice's coding"):
            mine = team.code("R5", "Vertrouwen", 0, 20)
            alice_inside.set()
            time.sleep(1.0)  # Bob's insert of the same passage waits for this transaction
        thread.join(timeout=30)
        assert failures == []
        quotes = {(q.coder, q.code_path, q.start, q.end) for q in team.quotes()}
        assert {("bob", "Output"), ("bob", "Urgentiebesef"), ("alice", "Vertrouwen")} <= {
            (coder, code) for coder, code, _start, _end in quotes
        }
        passages = {q.passage_id for q in team.quotes() if (q.start, q.end) == (mine.start, mine.end)}
        assert len(passages) == 1  # one passage, both coders' codings on it
        assert bob.history.undo_count == 2  # the group is one undo step
        bob.undo()
        assert {(q.coder, q.code_path) for q in team.quotes() if q.coder == "bob"} == {("bob", "Stabiliteit")}


def test_a_group_whose_commit_the_server_refuses_is_tried_again(team: Project, team_url: str) -> None:
    _refuse_the_next_commit_of_a_coding(team_url)
    with team.group("Two codings"):
        first = team.code("R5", "Vertrouwen", 0, 20)
        second = team.code("R5", "Output", 40, 60)
    assert sorted(q.coding_id for q in team.quotes()) == sorted([first.id, second.id])
    assert team.history.undo_count == 1
    team.undo()
    assert team.quotes() == []


def test_after_a_refused_write_the_next_group_is_still_announced(team: Project, team_url: str) -> None:
    """A write the server refused at its commit had announced itself inside its transaction (gone
    with it); the next action — a group, announced after its commit — must still reach the others."""
    with Project.open(team_url, coder="bob") as bob:
        _refuse_the_next_commit_of_a_coding(team_url)
        team.store.set_patience(0, ())  # no second attempt: the refusal reaches us
        with pytest.raises(ProjectBusyError):
            team.code("R5", "Vertrouwen", 0, 20)
        assert _heard(bob) is None  # nothing was committed, nothing announced
        with team.group("Two codings"):
            team.code("R5", "Vertrouwen", 0, 20)
            team.code("R5", "Output", 40, 60)
        assert _heard(bob) is Aspect.CODINGS
        assert len(bob.quotes()) == 2


def test_a_coding_whose_commit_is_refused_while_another_coder_codes_that_span_is_kept(
    team: Project, team_url: str
) -> None:
    """The server refuses Alice's commit; before her second attempt Bob codes the same span (his
    passage now holds it). Her second attempt codes on Bob's passage instead of refusing her work as
    a conflict."""
    _refuse_the_next_commit_of_a_coding(team_url)
    with Project.open(team_url, coder="bob") as bob:
        bob.code("R5", "Stabiliteit", 100, 120)  # bob's first commit: the one refused, tried again
        team.store.set_patience(0, (1.5,))  # one more attempt, after Bob's coding below
        done: list[object] = []
        thread = threading.Thread(target=lambda: done.append(_attempt(team)))
        engine = create_engine(parse(team_url))
        _refuse_the_next_commit_of_a_coding_again(engine)
        thread.start()
        _wait_for_refusal(engine)
        engine.dispose()
        theirs = bob.code("R5", "Urgentiebesef", 0, 20)
        thread.join(timeout=30)
        assert len(done) == 1 and not isinstance(done[0], BaseException), done
        mine = {q.coder: q for q in team.quotes() if (q.start, q.end) == (theirs.start, theirs.end)}
        assert set(mine) == {"alice", "bob"} and mine["alice"].passage_id == mine["bob"].passage_id


def _attempt(project: Project) -> object:
    try:
        return project.code("R5", "Vertrouwen", 0, 20)
    except BaseException as exc:
        return exc


def _refuse_the_next_commit_of_a_coding_again(engine) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as connection:
        connection.exec_driver_sql("SELECT setval('refused_commits', 1, false)")  # nextval gives 1


def _wait_for_refusal(engine) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with engine.connect() as connection:
            if connection.exec_driver_sql("SELECT last_value FROM refused_commits").scalar_one() >= 1:
                with engine.connect() as again:
                    called = again.exec_driver_sql("SELECT is_called FROM refused_commits").scalar_one()
                if called:
                    return
        time.sleep(0.02)
    raise AssertionError("the server never refused the commit")


def test_a_group_whose_commit_is_refused_while_another_coder_codes_its_span_is_planned_again(
    team: Project, team_url: str
) -> None:
    """Bob's group is refused at its commit; before the next attempt Alice codes one of its spans.
    Its steps no longer fit (her passage holds the span), so the group is planned afresh: both of
    Bob's codings are kept, one of them on Alice's passage, as one undo step."""
    with Project.open(team_url, coder="bob") as bob:
        bob.code("R5", "Stabiliteit", 100, 120)
        _refuse_the_next_commit_of_a_coding(team_url)
        bob.store.set_patience(0, (1.5,))
        done: list[BaseException] = []

        def bobs_group() -> None:
            try:
                with bob.group("Bob's two codings"):
                    bob.code("R5", "Output", 40, 60)
                    bob.code("R5", "Urgentiebesef", 0, 20)
            except BaseException as exc:
                done.append(exc)

        engine = create_engine(parse(team_url))
        thread = threading.Thread(target=bobs_group)
        thread.start()
        _wait_for_refusal(engine)
        engine.dispose()
        team.store.set_patience(0, (0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0))
        alices = team.code("R5", "Vertrouwen", 0, 20)
        thread.join(timeout=30)
        assert done == []
        both = {
            q.coder: q.passage_id for q in team.quotes() if (q.start, q.end) == (alices.start, alices.end)
        }
        assert set(both) == {"alice", "bob"} and both["alice"] == both["bob"]
        assert {q.code_path for q in bob.quotes() if q.coder == "bob"} == {
            "Stabiliteit",
            "Output",
            "Urgentiebesef",
        }
        assert bob.history.undo_count == 2
