"""The window on a team project (issue 23): connect, see the others' work, survive an outage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from coding import Project
from tests import pg_cluster
from tests.coding.interviews import R5, R6


@dataclass(frozen=True)
class Team:
    """A team project holding R5 (made by alice), on ``cluster``'s database ``database`` (``url``)."""

    cluster: pg_cluster.Cluster
    database: str
    url: str


def _prepared(cluster: pg_cluster.Cluster, window, tmp_path: Path) -> Team:  # type: ignore[no-untyped-def]
    """The window's demo project closed; a new database on ``cluster`` with a team project holding R5."""
    window.close_project()
    database = cluster.new_database()
    url = cluster.url(database)
    (tmp_path / "R5.txt").write_text(R5, encoding="utf-8")
    with Project.create(url, coder="alice") as team:
        team.import_files([tmp_path / "R5.txt"])
    return Team(cluster, database, url)


@pytest.fixture
def team(window, pg_server, tmp_path: Path) -> Iterator[Team]:  # type: ignore[no-untyped-def]
    """A team project on the session's server; closed in the window and dropped after the test."""
    made = _prepared(pg_server, window, tmp_path)
    yield made
    window.close_project()
    pg_server.drop(made.database)


@pytest.fixture
def own_team(window, tmp_path: Path) -> Iterator[Team]:  # type: ignore[no-untyped-def]
    """A team project on a server of the test's own, which the test may stop and start; removed after it."""
    cluster, reason = pg_cluster.start()
    if cluster is None:
        pytest.skip(f"PostgreSQL cannot start here: {reason}")
    try:
        yield _prepared(cluster, window, tmp_path)
    finally:
        window.close_project()
        cluster.remove()


def _connect(qtbot, window, cluster, database: str) -> None:  # type: ignore[no-untyped-def]
    from app.shell.team_connect import TeamConnectDialog

    def fill() -> None:
        dialog = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, TeamConnectDialog) and w.isVisible()
        )
        for field, value in (
            (dialog.host, str(cluster.socket)),
            (dialog.database, database),
            (dialog.user, "postgres"),
        ):
            field.clear()
            qtbot.keyClicks(field, value)
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)

    QTimer.singleShot(200, fill)
    qtbot.mouseClick(window.start.connect_button, Qt.MouseButton.LeftButton)


def _coding_count(window) -> int:  # type: ignore[no-untyped-def]
    return sum(d.coding_count for d in window.documents_dock.model.documents())


def test_connect_to_a_team_project_and_see_a_colleagues_coding(qtbot, window, team: Team) -> None:  # type: ignore[no-untyped-def]
    _connect(qtbot, window, team.cluster, team.database)
    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert "team project, owner" in window.windowTitle()
    assert window.workspace.project.is_team_project
    before = _coding_count(window)
    with Project.open(team.url, coder="bob") as bob:
        bob.code("R5", "Vertrouwen", 0, 20)
    qtbot.waitUntil(lambda: _coding_count(window) == before + 1, timeout=3000)


def test_a_dutch_title_names_the_role_in_dutch(dutch, qtbot, window, team: Team) -> None:  # type: ignore[no-untyped-def]
    """The research group's Dutch window said "(teamproject, owner)"."""
    assert window.open_project(team.url)
    assert "(teamproject, eigenaar)" in window.windowTitle()


def test_an_unreachable_server_shows_a_banner_and_work_carries_on_after(
    qtbot, window, own_team: Team
) -> None:  # type: ignore[no-untyped-def]
    cluster = own_team.cluster
    assert window.open_project(own_team.url)
    banner = window.connection_banner
    assert not banner.isVisible()
    cluster.stop("immediate")
    qtbot.waitUntil(banner.isVisible, timeout=5000)
    project = window.workspace.project
    project.store.set_patience(0, ())
    assert not window.workspace.perform(lambda: project.code("R5", "Vertrouwen", 0, 20))
    assert "cannot be reached" in window.last_problem
    cluster.start()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=8000)
    assert window.workspace.perform(lambda: project.code("R5", "Vertrouwen", 0, 20))
    assert len(project.quotes()) == 1


def test_the_quote_list_read_in_the_background_waits_for_a_server_that_went_away(
    qtbot, window, own_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The Quotes dock shows a list's first rows and reads the rest in a worker: a server that stops
    answering in between (and while the rows are painted) leaves the rows empty, without a message
    or an error in the event loop, and the list completes when it is back."""
    from PySide6.QtWidgets import QMessageBox

    from app.quotes import quote_list

    monkeypatch.setattr(quote_list, "WINDOW", 2)
    cluster = own_team.cluster
    with Project.open(own_team.url, coder="alice") as team:
        for start in range(0, 100, 20):
            team.code("R5", "Vertrouwen", start, start + 10)
    assert window.open_project(own_team.url)
    model = window.quotes_dock.model
    qtbot.waitUntil(lambda: model.loaded and model.complete, timeout=5000)
    project = window.workspace.project
    project.store.set_patience(0, ())
    model.set_codes(None)
    assert not model.complete and model.rowCount() == 5
    cluster.stop("immediate")
    qtbot.wait(1500)  # the worker found it gone and waits to ask again
    assert not model.complete and model.rowCount() == 5
    cluster.start()
    qtbot.waitUntil(lambda: model.complete, timeout=10000)
    assert model.coding_ids() == [q.coding_id for q in project.quotes()]
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())


def test_search_and_anonymising_say_once_that_a_team_project_has_no_word_index(
    qtbot, window, team: Team
) -> None:  # type: ignore[no-untyped-def]
    """The word index, search, suggestions and anonymising work on project files only: on a team
    project their menu items say so in one message (box and status line) instead of raising inside
    the window, open nothing, and the window goes on working."""
    from PySide6.QtWidgets import QMessageBox

    assert window.open_project(team.url)
    for action in (window.window_actions.search, window.window_actions.anonymise):
        action.trigger()
        boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
        assert len(boxes) == 1, [b.text() for b in boxes]
        assert "project files only" in boxes[0].text() and "copy" in boxes[0].text()
        assert "project files only" in window.last_problem
        boxes[0].close()
        qtbot.waitUntil(
            lambda: (
                not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
            )
        )
    assert window.language_window is None
    project = window.workspace.project
    assert window.workspace.perform(lambda: project.code("R5", "Vertrouwen", 0, 20))


def test_a_coding_while_the_server_is_stopped_says_so_once_and_the_same_keys_code_it_after(
    qtbot, window, own_team: Team, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """The server stopped as an administrator stops it (``pg_ctl stop``, fast) in the middle of a
    session: coding the selection with its number key is not applied and says so once, in the
    status line (no box, nothing raised in the window); the window stays usable (opening another
    document says nothing new and leaves the transcript as it was), and when the server is back the
    same selection and key code it — no reconnecting, no restart, one undo step."""
    from PySide6.QtWidgets import QMessageBox

    from tests.app.window_helpers import codings_at, open_document, select_text

    cluster = own_team.cluster
    (tmp_path / "R6.txt").write_text(R6, encoding="utf-8")
    with Project.open(own_team.url, coder="alice") as team:
        team.import_files([tmp_path / "R6.txt"])
    assert window.open_project(own_team.url)
    workspace = window.workspace
    open_document(window, "R5")
    workspace.favourites.set(["Vertrouwen"])
    passage = "We vertrouwen elkaar."
    assert passage in window.view.text
    cluster.stop("fast")
    start, end = select_text(window, passage)
    shown: list[str] = []
    window.statusBar().messageChanged.connect(lambda text: text and shown.append(text))
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    QApplication.processEvents()
    assert [m for m in shown if "cannot be reached" in m] == [shown[0]]
    assert "not saved" in shown[0] and "try again" in shown[0]
    assert not any(isinstance(w, QMessageBox) and w.isVisible() for w in QApplication.topLevelWidgets())
    assert workspace.undo_stack.count() == 0
    qtbot.waitUntil(window.connection_banner.isVisible, timeout=5000)
    dock = window.documents_dock  # the window answers meanwhile: a click on another document
    row = next(r for r in range(dock.model.rowCount()) if dock.model.index(r, 0).data() == "R6")
    dock.tree.clicked.emit(dock.proxy.mapFromSource(dock.model.index(row, 0)))
    QApplication.processEvents()
    assert window.view.text.startswith("Interview R5") and len(shown) == 1  # R6 could not be read
    cluster.start()
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=8000)
    dock.tree.clicked.emit(dock.proxy.mapFromSource(dock.model.index(row, 0)))
    assert window.view.text == R6
    open_document(window, "R5")
    select_text(window, passage)
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Vertrouwen"]
    assert workspace.undo_stack.count() == 1
    assert [q.text for q in workspace.project.quotes()] == [passage]


def test_save_a_copy_of_a_team_project_as_a_file(
    qtbot, window, team: Team, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """File → Save a copy… on a team project writes a project file with everything on the server
    (where search and suggestions work), and the window goes on working on the server."""
    from app.shell import project_copy

    assert window.open_project(team.url)
    project = window.workspace.project
    assert window.workspace.perform(lambda: project.code("R5", "Vertrouwen", 0, 20))
    target = tmp_path / "kopie.codewerk"
    monkeypatch.setattr(project_copy, "ask_path", lambda _parent, _suggested: str(target))
    window.window_actions.save_copy.trigger()
    qtbot.waitUntil(lambda: str(target) in window.statusBar().currentMessage(), timeout=10000)
    assert window.workspace.project.is_team_project
    with Project.open(target) as copy:
        assert [q.text for q in copy.quotes()] == [q.text for q in project.quotes()]


def test_undo_while_the_server_is_stopped_says_so_and_undoes_when_it_is_back(
    qtbot, window, own_team: Team
) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+Z while the server is stopped takes nothing back and says so once; the undo stack keeps
    the step, and Ctrl+Z undoes it once the server is back."""
    from tests.app.window_helpers import codings_at, open_document, select_text

    cluster = own_team.cluster
    assert window.open_project(own_team.url)
    workspace = window.workspace
    open_document(window, "R5")
    workspace.favourites.set(["Vertrouwen"])
    start, end = select_text(window, "We vertrouwen elkaar.")
    qtbot.keyClick(window.view, Qt.Key.Key_1)
    assert codings_at(window, start, end) == ["Vertrouwen"]
    cluster.stop("fast")
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert "cannot be reached" in window.last_problem
    assert (workspace.undo_stack.count(), workspace.undo_stack.index()) == (1, 1)
    cluster.start()
    qtbot.waitUntil(lambda: not window.connection_banner.isVisible(), timeout=8000)
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.undo_stack.index() == 0
    assert workspace.project.quotes() == []
    assert codings_at(window, start, end) == []
