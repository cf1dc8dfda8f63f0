"""The Player dock with a real recording (a generated WAV): a click on a turn's timestamp plays
from there, the turn being played is tinted, Ctrl+Space pauses, speed and skips work, and a
missing file is one line while the transcript keeps working."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from coding import Project
from tests.app.window_helpers import first_document_shown
from tests.recordings import write_wav

#: No pytest-qt Qt-message capture here: its handler is Python, called on whichever thread logs, so
#: FFmpeg's threads would need the GIL to log (a second way to the GIL/Qt-lock inversion that
#: ``app.media.player_dock.settle_overrides`` closes for the audio renderer).
pytestmark = pytest.mark.no_qt_log

TRANSCRIPT = (
    "[00:00:00] I: Hoe verloopt de samenwerking?\n"
    "[00:00:02] R9: We spreken elkaar elke week.\n"
    "[00:00:04] I: En het vertrouwen?\n"
    "[00:00:06] R9: Dat groeit langzaam.\n"
)


def _multimedia_problem() -> str | None:
    try:
        from PySide6.QtMultimedia import QMediaPlayer  # noqa: F401
    except ImportError as exc:  # pragma: no cover - depends on the wheel
        return f"QtMultimedia cannot be imported here: {exc}"
    return None


@pytest.fixture
def player_window(qtbot, tmp_path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    problem = _multimedia_problem()
    if problem:
        pytest.skip(problem)
    from app.shell.application import application

    (tmp_path / "R9.txt").write_text(TRANSCRIPT, encoding="utf-8")
    write_wav(tmp_path / "R9.wav", seconds=8.0)
    path = tmp_path / "luister.codewerk"
    with Project.create(path, codebook="rwb", coder="tester") as project:
        project.import_files([tmp_path / "R9.txt"])
        project.media.attach("R9", tmp_path / "R9.wav")
    application()
    main = MainWindow()
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(main.isActiveWindow)
    assert main.open_project(path), main.last_problem
    QApplication.processEvents()
    yield main
    main.close_project()


def _loaded(window: MainWindow) -> bool:
    """The recording is loaded; when QtMultimedia cannot play it here, the test skips, saying why."""
    dock = window.player_dock
    if dock.problem:
        pytest.skip(f"QtMultimedia cannot play here: {dock.problem}")
    return dock.player is not None and dock.player.duration() > 0


def _label_point(window: MainWindow, needle: str) -> QPoint:
    view = window.view
    offset = view.text.index(needle)
    rect = view.span_rects(offset, offset + 3)[0]
    return rect.center().toPoint()


def test_clicking_a_turns_timestamp_plays_from_there_and_tints_the_turn(
    qtbot, player_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    window, dock = player_window, player_window.player_dock
    assert dock.isVisible() and dock.media is not None and dock.media.found
    assert (
        "Recording" in window.details_dock.info.text() and "R9.wav (audio)" in window.details_dock.info.text()
    )
    qtbot.waitUntil(lambda: _loaded(window), timeout=10000)
    assert dock.position() < 1000
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=_label_point(window, "[00:00:04]")
    )
    qtbot.waitUntil(lambda: dock.position() >= 4000, timeout=5000)
    assert dock.is_playing()
    turn = window.view.playing_turn
    assert turn is not None and turn.timestamp == 4.0 and turn.speaker == "I"
    # a click in a turn's words selects words for coding, as before: it does not seek
    qtbot.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, pos=_label_point(window, "langzaam"))
    assert dock.position() < 6000
    qtbot.keyClick(window.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not dock.is_playing(), timeout=3000)
    paused_at = dock.position()
    qtbot.mouseClick(dock.back_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.position() <= max(0, paused_at - 4900), timeout=3000)
    before = dock.position()
    qtbot.mouseClick(dock.forward_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.position() >= before + 4900, timeout=3000)
    assert not dock.is_playing()
    dock.speed.setCurrentIndex(dock.speed.findData(2.0))
    assert dock.player.playbackRate() == 2.0


def test_a_missing_recording_is_one_line_and_is_found_again(
    qtbot, player_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, dock = player_window, player_window.player_dock
    window.close_project()
    moved = tmp_path / "verhuisd"
    moved.mkdir()
    shutil.move(tmp_path / "R9.wav", moved / "R9.wav")
    assert window.open_project(tmp_path / "luister.codewerk"), window.last_problem
    first_document_shown(qtbot, window)  # (after the window's paint)
    assert dock.media is not None and not dock.media.found
    assert dock.message.text().startswith("R9.wav: missing")
    assert "R9.wav — missing" in window.details_dock.info.text()
    assert not dock.play_button.isEnabled() and dock.relink_button.isVisible()
    qtbot.mouseClick(
        window.view.viewport(), Qt.MouseButton.LeftButton, pos=_label_point(window, "[00:00:04]")
    )
    assert window.view.document_id is not None  # the transcript keeps working
    dock.relink(moved)
    qtbot.waitUntil(lambda: dock.media is not None and dock.media.found, timeout=3000)
    assert dock.play_button.isEnabled()
    qtbot.waitUntil(lambda: _loaded(window), timeout=10000)


def test_an_unsupported_file_is_refused_with_one_line(
    qtbot, player_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, dock = player_window, player_window.player_dock
    bad = tmp_path / "R9.aiff"
    bad.write_bytes(b"FORM")
    assert not dock.attach(bad)
    assert "R9.aiff: is not a supported recording" in window.last_problem
    assert dock.media is not None and dock.media.location.name == "R9.wav"


def test_the_quotes_dock_shows_each_quotes_turn_time(qtbot, player_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from app.quotes.quote_table_model import TIME

    window = player_window
    assert window.workspace is not None
    window.workspace.project.code("R9", "4a", text="Dat groeit langzaam")
    model = window.quotes_dock.model
    assert model is not None
    model.set_codes(None)
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=3000)
    assert model.headerData(TIME, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) == "Time"
    assert model.data(model.index(0, TIME), Qt.ItemDataRole.DisplayRole) == "00:00:06"
    # a double click on the quote plays its turn
    dock = window.player_dock
    qtbot.waitUntil(lambda: _loaded(window), timeout=10000)
    table = window.quotes_dock.table
    rect = table.visualRect(table.model().index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: dock.position() >= 6000, timeout=5000)
    assert dock.is_playing()
