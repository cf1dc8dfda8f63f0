"""Shared fixtures: projects in temporary folders, small Dutch transcripts with accents and emoji."""

from __future__ import annotations

import faulthandler
import os
import sys
from collections.abc import Generator, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("CODEWERK_CODER", "tester")

from coding import Project
from coding.core import i18n

#: A test (setup, call and teardown) still running after this many seconds is taken as hung: every
#: thread's Python traceback is written to stderr and the run ends, failing, instead of blocking CI.
#: faulthandler's watchdog is a C thread, so it also ends a deadlock in which a thread holds the GIL
#: forever (the Player dock's GIL/Qt-mutex inversion, 2026-12-06), which pytest-timeout cannot: its
#: signal method waits for the main thread to run Python again and its thread method for the GIL.
HANG_SECONDS = float(os.environ.get("CODEWERK_TEST_HANG_SECONDS", "600"))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Generator[None, None, None]:
    try:  # the real stderr, kept by pytest's faulthandler plugin (fd 2 is captured during tests)
        from _pytest.faulthandler import fault_handler_stderr_fd_key

        stderr = item.config.stash[fault_handler_stderr_fd_key]
    except (ImportError, KeyError):  # pragma: no cover - another pytest, or -p no:faulthandler
        stderr = sys.__stderr__.fileno() if sys.__stderr__ is not None else 2
    if HANG_SECONDS > 0:
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True, file=stderr)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


# Property tests check what is computed, never how fast: no deadline and no "too slow" health check, which
# fail at random on a busy machine (a CI runner, or a laptop indexing). Tests may still set their own.
settings.register_profile("codewerk", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("codewerk")

TRANSCRIPT = (
    "Interview R5 – UWV, regio Zwolle\n"
    "\n"
    "[00:00:05] I: Hoe ervaart u het vertrouwen tussen de partijen?\n"
    "[00:00:12] R5: Eerlijk gezegd vertrouw ik de andere partijen volledig. We spreken elkaar elke week.\n"
    "Soms is er één wethouder die twijfelt, maar de coördinatie is goed. 👍\n"
    "[00:01:40] I: En de urgentie?\n"
    "[00:01:45] R5: De urgentie is hoog: er staan veel mensen aan de kant.\n"
)


@pytest.fixture(autouse=True)
def english_output(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Exports and messages in English whatever the machine's locale or saved choice; a test that
    wants Dutch sets it (``--language nl``, ``CODEWERK_LANGUAGE``)."""
    monkeypatch.setenv("CODEWERK_LANGUAGE", "en")
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "studie.codewerk"


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """Where ``project`` lives: ``file`` (SQLite), or ``server`` (PostgreSQL) in modules marked
    ``both_backends``, which run against both (issue 23)."""
    return str(getattr(request, "param", "file"))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "backend" in metafunc.fixturenames and metafunc.definition.get_closest_marker("both_backends"):
        metafunc.parametrize("backend", ["file", "server"], indirect=True)


@pytest.fixture
def project(project_path: Path, backend: str, request: pytest.FixtureRequest) -> Iterator[Project]:
    if backend == "server":
        cluster = request.getfixturevalue("pg_server")
        database = cluster.from_template()  # the same project, on the server
        with Project.open(cluster.url(database), coder="tester") as opened:
            yield opened
        cluster.drop(database)
        return
    with Project.create(project_path, codebook="rwb", coder="tester") as opened:
        yield opened


@pytest.fixture
def transcript_file(tmp_path: Path) -> Path:
    path = tmp_path / "R5_uwv_zwolle.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


@pytest.fixture
def coded_project(project: Project, transcript_file: Path) -> Project:
    """A project with one transcript (region Zwolle) and two codings."""
    project.import_files(
        [transcript_file], attributes={"respondent": "R5", "region": "Zwolle", "role": "UWV"}
    )
    project.code("R5_uwv_zwolle", "4a", text="vertrouw ik de andere partijen volledig")
    project.code("R5_uwv_zwolle", "Urgentiebesef", text="De urgentie is hoog")
    return project


@pytest.fixture(scope="session")
def pg_server() -> Iterator[object]:
    """One throwaway PostgreSQL cluster for the whole run (``tests/pg_cluster.py``); the tests
    that need it skip, with the reason, where it cannot start."""
    from tests import pg_cluster

    cluster, reason = pg_cluster.start()
    if cluster is None:
        pytest.skip(f"PostgreSQL cannot start here: {reason}")

    def fill(url: str) -> None:  # what the `project` fixture creates in a file
        Project.create(url, codebook="rwb", coder="tester").close()

    cluster.template_filler = fill
    yield cluster
    cluster.remove()


@pytest.fixture
def team_url(pg_server) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """The URL of a fresh, empty database on the test cluster (dropped afterwards)."""
    database = pg_server.new_database()
    yield str(pg_server.url(database))
    pg_server.drop(database)


_EXIT_STATUS: list[int] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    _EXIT_STATUS.append(int(exitstatus))


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config: pytest.Config) -> None:
    """Once QtMultimedia was loaded (the player tests), leave without the interpreter's teardown:
    its FFmpeg threads once kept a finished run from exiting for 20 minutes. Everything is reported
    by now; the exit status is the session's."""
    import sys

    if "PySide6.QtMultimedia" in sys.modules and _EXIT_STATUS and not hasattr(sys, "_called_from_xdist"):
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(_EXIT_STATUS[-1])


@pytest.fixture
def quick_checks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every ``PRAGMA quick_check`` run on a project file (at its opening or its closing), one entry each."""
    import sqlite3

    import models.database

    runs: list[str] = []
    real = models.database._quick_check

    def counted(conn: sqlite3.Connection) -> None:
        runs.append("check")
        real(conn)

    monkeypatch.setattr(models.database, "_quick_check", counted)
    return runs
