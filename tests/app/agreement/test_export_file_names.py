"""In Dutch the file names the window's exports propose are Dutch too: the agreement workbook was offered
as ``agreement.xlsx`` and the search hits as ``hits.csv`` in a Dutch window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from app.shell.main_window import MainWindow
from app.widgets import file_dialogs
from tests.app.agreement.test_agreement_window import _open_agreement, _second_coder


@pytest.fixture
def proposed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names the save dialogs propose (each dialog cancelled)."""
    names: list[str] = []

    def save_file_name(_parent, _caption, proposal, _filter):  # type: ignore[no-untyped-def]
        names.append(Path(proposal).name)
        return "", ""

    monkeypatch.setattr(file_dialogs, "save_file_name", save_file_name)
    return names


def test_the_exports_propose_dutch_file_names(dutch, qtbot, window: MainWindow, proposed: list[str]) -> None:  # type: ignore[no-untyped-def]
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(first))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_b == "Bram")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    window.window_actions.search.trigger()  # View → Search and suggestions…
    panel = window.language_window.search  # type: ignore[union-attr]
    panel._ask_export()  # Export CSV… (disabled until there are hits)
    window.language_window.frequencies._ask_export()  # type: ignore[union-attr]
    assert proposed == ["overeenstemming.xlsx", "treffers.csv", "frequenties.csv"]
