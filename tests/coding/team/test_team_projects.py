"""Team projects on PostgreSQL (issue 23): a URL is a project; several coders at once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from coding import Aspect, Change, Project
from coding.core.errors import CodewerkError, NotAllowedError, ProjectFileError, UndoConflictError
from models.database import head_revision, revision_graph
from models.server import parse
from tests.coding.interviews import R5, R6


@pytest.fixture
def team(team_url: str, tmp_path: Path) -> Project:
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    (tmp_path / "R6.txt").write_text(R6, encoding="utf-8")
    project = Project.create(team_url, coder="alice")
    project.import_files([tmp_path / "R5.txt", tmp_path / "R6.txt"])
    project.history.clear()
    yield project
    project.close()


def test_a_url_is_a_project_created_by_the_same_migrations(team: Project, team_url: str) -> None:
    assert team.is_team_project and "@" in team.location and team.role == "owner"
    engine = create_engine(parse(team_url))
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            == head_revision()
        )
    engine.dispose()
    coding = team.code("R5", "Vertrouwen", 0, 20)
    with Project.open(team_url, coder="bob") as again:
        assert [q.coding_id for q in again.quotes("Vertrouwen")] == [coding.id]


def test_every_migration_runs_on_postgresql(pg_server) -> None:  # type: ignore[no-untyped-def]
    from alembic import command

    from models.database import _alembic_config

    url = parse(pg_server.url(pg_server.new_database()))
    engine = create_engine(url)
    order: list[str] = []
    graph = revision_graph()
    current = next(r for r, downs in graph.items() if not downs)
    while True:
        order.append(current)
        following = [r for r, downs in graph.items() if current in downs]
        if not following:
            break
        current = following[0]
    for revision in order:  # one migration at a time, each its own transaction
        with engine.begin() as connection:
            config = _alembic_config()
            config.attributes["connection"] = connection
            command.upgrade(config, revision)
    with engine.connect() as connection:
        assert (
            connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
            == head_revision()
        )
    engine.dispose()


def test_two_coders_see_each_others_work_and_lose_nothing(team: Project, team_url: str) -> None:
    seen: list[Change] = []
    team.subscribe(seen.append)
    with Project.open(team_url, coder="bob") as bob:
        mine = team.code("R5", "Vertrouwen", 0, 20)
        bob.code("R5", "Vertrouwen", 0, 20)  # the same passage, each their own coding
        assert team.notice_others()
        change = seen[-1]
        assert change.touches(Aspect.CODINGS) and change.document_ids == frozenset({mine.document_id})
        assert bob.notice_others()  # alice's coding reached bob
        assert not bob.notice_others()
        coders = {q.coder for q in team.quotes("Vertrouwen")}
        assert coders == {"alice", "bob"}


def test_undo_takes_back_only_my_action_and_refuses_over_someone_elses_change(
    team: Project, team_url: str
) -> None:
    created = team.codes.create("Nieuw thema")
    with Project.open(team_url, coder="bob") as bob:
        bob.code("R5", "Vertrouwen", 0, 20)
        bob.codes.rename(created.id, "Hernoemd door Bob")
    with pytest.raises(UndoConflictError, match="someone else"):
        team.undo()
    team.notice_others()
    names = [c.name for c in team.codes.tree().codes]
    assert "Hernoemd door Bob" in names
    assert len(team.quotes("Vertrouwen")) == 1  # bob's coding is untouched


def _login(pg_server, team_url: str, name: str, role: str) -> str:  # type: ignore[no-untyped-def]
    import io
    import sys

    from coding.cli.main import main

    stdin = sys.stdin
    sys.stdin = io.StringIO("wachtwoord\n")
    try:
        assert main(["server", "add-user", team_url, name, "--role", role, "--password-stdin"]) == 0
    finally:
        sys.stdin = stdin
    database = parse(team_url).database
    return str(pg_server.url(database, name, "wachtwoord"))


def test_roles_limit_what_each_person_changes(pg_server, team: Project, team_url: str) -> None:  # type: ignore[no-untyped-def]
    reviewer_url = _login(pg_server, team_url, "rita", "reviewer")
    coder_url = _login(pg_server, team_url, "cas", "coder")
    with Project.open(reviewer_url) as rita:
        assert rita.role == "reviewer" and rita.coder == "tester"  # CODEWERK_CODER wins in tests
        with pytest.raises(NotAllowedError, match=r"you are a reviewer .* review marks and comments"):
            rita.code("R5", "Vertrouwen", 0, 20)
        assert rita.quotes() == []
    with Project.open(coder_url) as cas:
        assert cas.role == "coder"
        cas.code("R5", "Vertrouwen", 0, 20)
        with pytest.raises(NotAllowedError, match="you are a coder"):
            cas.codes.create("Eigen code")
    assert len(team.quotes()) == 1


def test_bad_addresses_get_one_clear_message(pg_server, team: Project, team_url: str) -> None:  # type: ignore[no-untyped-def]
    database = str(parse(team_url).database)
    with pytest.raises(ProjectFileError, match="refused the user name or password"):
        Project.open(pg_server.url(database, "postgres_niet", "fout"))
    with pytest.raises(ProjectFileError, match="no such database"):
        Project.open(pg_server.url("bestaat_niet"))
    other = pg_server.new_database("other")
    pg_server.psql("CREATE TABLE klanten (id int)", other)
    with pytest.raises(ProjectFileError, match="not a Codewerk project"):
        Project.open(pg_server.url(other))
    empty = pg_server.new_database("empty")
    with pytest.raises(ProjectFileError, match="empty, not a Codewerk project"):
        Project.open(pg_server.url(empty))
    pg_server.psql("UPDATE alembic_version SET version_num = '9999'", database)
    with pytest.raises(ProjectFileError, match="newer Codewerk"):
        Project.open(team_url)


def test_an_older_database_is_copied_before_it_is_upgraded(team: Project, team_url: str) -> None:
    from alembic import command

    from models.database import _alembic_config

    team.code("R5", "Vertrouwen", 0, 20)
    team.code("R6", "Vertrouwen", 5, 30)
    team.close()
    previous = revision_graph()[head_revision()][0]
    engine = create_engine(parse(team_url))
    with engine.begin() as connection:  # the database as an older Codewerk left it
        config = _alembic_config()
        config.attributes["connection"] = connection
        command.downgrade(config, previous)
    with Project.open(team_url, coder="alice") as again:
        backup = again.store.upgrade_backup  # type: ignore[attr-defined]
        assert len(again.quotes("Vertrouwen")) == 2
    assert backup is not None and backup.startswith("codewerk_backup_") and backup.endswith(previous)
    with engine.connect() as connection:
        copied = connection.execute(text(f'SELECT count(*) FROM "{backup}".coding')).scalar_one()
        version = connection.execute(text(f'SELECT version_num FROM "{backup}".alembic_version')).scalar_one()
        head = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    engine.dispose()
    assert (copied, version, head) == (2, previous, head_revision())
    with Project.open(team_url, coder="bob") as current:  # at head now: nothing copied again
        assert current.store.upgrade_backup is None  # type: ignore[attr-defined]


def test_language_assistance_is_refused_on_a_team_project(team: Project) -> None:
    """The index, search and suggestions read SQLite's own connection (``?`` placeholders, PRAGMAs), so
    a team project refuses them with one clear message instead of failing inside a query."""
    for _attempt in range(2):  # refused each time, nothing half-made kept
        with pytest.raises(CodewerkError) as refused:
            _ = team.assist
        message = str(refused.value)
        assert team.store.name in message and "copy" in message
    assert team._assist is None
    assert [q.coding_id for q in team.quotes("Vertrouwen")] == []  # the project itself still works
