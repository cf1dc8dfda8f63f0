"""``codewerk copy`` between a file and a server, ``codewerk server init``, a lost connection."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, select

from coding import Project
from coding.cli.main import main
from coding.core.errors import CodewerkError, InvalidInputError, ServerUnreachableError
from models.copy import tables
from models.database import make_engine
from models.server import parse
from tests import pg_cluster


def _rows(engine: Engine) -> dict[str, list[dict[str, Any]]]:
    with engine.connect() as connection:
        return {
            t.name: [
                dict(r) for r in connection.execute(select(t).order_by(*t.primary_key.columns)).mappings()
            ]
            for t in tables()
        }


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_copy_to_the_server_and_back_keeps_every_row(
    coded_project: Project, pg_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    source = coded_project.store.path
    coded_project.close()
    server = pg_server.url(pg_server.new_database())
    back = tmp_path / "terug.codewerk"
    assert _run("copy", str(source), server)[0] == 0
    assert _run("copy", server, str(back))[0] == 0
    original = _rows(make_engine(source))
    on_server = _rows(create_engine(parse(server)))
    returned = _rows(make_engine(back))
    assert sum(len(rows) for rows in original.values()) > 50
    for name in original:
        assert on_server[name] == original[name], name
        assert returned[name] == original[name], name
    # New rows on the server continue after the copied ids.
    with Project.open(server, coder="bob") as team:
        document = team.documents.list()[0]
        coding = team.code(document.id, "Vertrouwen", 1, 4)
        assert coding.id > max(row["id"] for row in original["coding"])


def test_save_a_copy_of_a_team_project_as_a_file_where_search_works(
    coded_project: Project, pg_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """File → Save a copy… of a team project: every row of the server, as a project file that opens
    on its own and takes the word index (which the team project refuses, pointing here)."""
    source = coded_project.store.path
    coded_project.close()
    server = pg_server.url(pg_server.new_database())
    assert _run("copy", str(source), server)[0] == 0
    with Project.open(server, coder="bob") as team:
        document = team.documents.list()[0]
        team.code(document.id, "Vertrouwen", 1, 4)
        with pytest.raises(CodewerkError, match="Save a copy"):
            _ = team.assist
        copy = team.save_copy(tmp_path / "kopie")
        assert copy == tmp_path / "kopie.codewerk"
        with pytest.raises(InvalidInputError, match="exists"):
            team.save_copy(copy)
        team.code(document.id, "Vertrouwen", 5, 9)
        assert team.save_copy(copy, overwrite=True) == copy
        on_server = _rows(create_engine(parse(server)))
    assert _rows(make_engine(copy)) == on_server
    assert not list(tmp_path.glob("*.partial*"))
    with Project.open(copy) as copied:
        assert not copied.is_team_project
        assert copied.assist.index().documents > 0
        assert copied.assist.search("vertrouwen", mode="lemma").lines


def test_the_language_subcommands_say_once_that_a_team_project_has_no_word_index(
    pg_server, team_url: str
) -> None:  # type: ignore[no-untyped-def]
    """Every subcommand that reads the word index (SQLite's own SQL) refuses a team project with the
    one message that says where it works, and exit status 1 — no traceback, nothing changed."""
    assert _run("server", "init", team_url)[0] == 0
    for argv in (
        ("index", team_url),
        ("search", team_url, "vertrouwen", "--lemma"),
        ("frequencies", team_url),
        ("suggest", team_url),
        ("register", team_url),
        ("anonymise", team_url),
    ):
        code, out, err = _run(*argv)
        assert code == 1 and out == "", argv
        lines = err.strip().splitlines()
        assert len(lines) == 1 and "project files only" in lines[0] and "Save a copy" in lines[0], argv


def test_copy_never_overwrites(coded_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "bestaat.codewerk"
    target.write_bytes(b"iets")
    code, _out, err = _run("copy", str(coded_project.store.path), str(target))
    assert code == 1 and "already exists" in err
    assert target.read_bytes() == b"iets"


def test_server_init_prepares_a_database_and_prints_the_sql(pg_server) -> None:  # type: ignore[no-untyped-def]
    url = pg_server.url(pg_server.new_database())
    code, out, err = _run("server", "init", url, "--codebook", "rwb")
    assert code == 0, err
    assert "CREATE TABLE coding" in out and "GRANT" in out and "CREATE TRIGGER" in out
    with Project.open(url) as team:
        assert team.codes.tree().codes
    code, _out, err = _run("server", "init", url)
    assert code == 1 and "already holds a Codewerk project" in err


def test_a_lost_connection_loses_nothing_and_work_carries_on(tmp_path: Path) -> None:
    cluster, reason = pg_cluster.start()  # its own: this test stops the server
    if cluster is None:
        pytest.skip(f"PostgreSQL cannot start here: {reason}")
    try:
        url = cluster.url(cluster.new_database())
        (tmp_path / "R5.txt").write_text("I: Vraag?\nR5: Ik vertrouw de anderen wel.\n", encoding="utf-8")
        with Project.create(url, coder="alice") as team:
            team.import_files([tmp_path / "R5.txt"])
            team.store.set_patience(0, ())
            cluster.stop("immediate")
            with pytest.raises(ServerUnreachableError, match="cannot be reached"):
                team.code("R5", "Vertrouwen", 14, 30)
            with pytest.raises(ServerUnreachableError):
                team.notice_others()
            cluster.start()
            coding = team.code("R5", "Vertrouwen", 14, 30)
            assert [q.coding_id for q in team.quotes()] == [coding.id]  # nothing half-written before
            assert team.history.undo_count == 2
    finally:
        cluster.remove()


def test_the_cli_asks_for_a_password_at_a_terminal(
    pg_server, team_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from coding.cli import opening

    assert _run("server", "init", team_url, "--codebook", "none")[0] == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("wachtwoord\n"))
    assert _run("server", "add-user", team_url, "petra", "--role", "coder", "--password-stdin")[0] == 0
    database = str(parse(team_url).database)
    url = pg_server.url(database, "petra")  # no password in the address
    code, _out, err = _run("documents", url)
    assert code == 1 and "asks for a password" in err  # not a terminal: one message
    monkeypatch.setattr("sys.stdin.isatty", lambda: True, raising=False)
    monkeypatch.setattr(opening.getpass, "getpass", lambda _prompt: "wachtwoord")
    code, _out, err = _run("documents", url)
    assert code == 0, err
