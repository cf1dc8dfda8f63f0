"""The Player dock fits beside the transcript on a laptop: at 1366 px the right-hand column holds
the details and the player, and a dock that needs 600 px squeezed the transcript's text to a
column of two words (seen under Xvfb at 1366×768)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow

LAPTOP_WIDTH = 1366


def test_the_player_dock_leaves_the_transcript_room_on_a_laptop(qtbot) -> None:  # type: ignore[no-untyped-def]
    from app.shell.application import application

    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    window.player_dock.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    needed = window.player_dock.minimumSizeHint().width()
    assert needed <= LAPTOP_WIDTH // 4, f"the Player dock needs {needed} px of a {LAPTOP_WIDTH} px screen"
    # the button the transcript's edit mode adds is part of it
    assert any(
        window.player_dock.controls.itemAt(i).widget() is not None
        and window.player_dock.controls.itemAt(i).widget().isVisibleTo(window.player_dock)
        for i in range(window.player_dock.controls.count())
    )
