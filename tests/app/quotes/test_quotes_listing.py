"""The Quotes dock lists every quote once the window has been painted, and never before codes chosen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from coding.core.text import fold


def _open(qtbot, demo_copy: Path, *, show: bool) -> MainWindow:  # type: ignore[no-untyped-def]
    from app.shell.application import application

    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1500, 950)
    assert window.open_project(demo_copy), window.last_problem
    if show:
        window.show()
        qtbot.waitExposed(window)
    return window


def test_every_quote_is_listed_right_after_the_first_paint(qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, demo_copy, show=False)
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and not model.loaded  # nothing read while the window is not shown
    QApplication.processEvents()
    assert not model.loaded and dock.count.text() == "Listing quotes …"

    window.show()
    qtbot.waitUntil(lambda: model.loaded)
    project = window.workspace.project  # type: ignore[union-attr]
    assert len(model.quotes()) == len(project.quotes()) > 0
    assert dock.count.text() == f"{len(project.quotes())} quote(s)"
    window.close_project()


def test_codes_chosen_first_are_listed_and_not_replaced_by_all(qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window = _open(qtbot, demo_copy, show=False)
    project = window.workspace.project  # type: ignore[union-attr]
    trust = project.codes.get("Vertrouwen")
    window.quotes_dock.show_codes([trust.id], trust.name)
    window.show()
    qtbot.waitExposed(window)
    for _ in range(5):
        QApplication.processEvents()
    model = window.quotes_dock.model
    assert model is not None
    assert [q.coding_id for q in model.quotes()] == [q.coding_id for q in project.quotes("Vertrouwen")]
    window.close_project()


def test_coder_choices_follow_the_listed_quotes_not_each_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded)
    project = window.workspace.project  # type: ignore[union-attr]
    coders = sorted({q.coder for q in project.quotes() if q.coder}, key=fold)
    choices = [dock.coder.itemText(i) for i in range(dock.coder.count())]
    assert choices == ["Any coder", "Mine", "Other coders", "Consensus", *coders] and coders

    refills: list[list[str]] = []
    model.codersChanged.connect(refills.append)
    dock.coder.setCurrentIndex(4)
    dock.text.setText("vertrouwen")
    dock.text.clear()
    assert refills == []  # filtering keeps the list of coders as it is
    assert dock.coder.currentData() == coders[0]

    model.set_codes(None)  # the list replaced: the coders are read again, the choice kept
    assert refills == [coders]
    assert dock.coder.currentData() == coders[0]


def test_coder_layer_choices_filter_mine_others_and_consensus(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    model = dock.model
    assert model is not None and window.workspace is not None
    project = window.workspace.project
    qtbot.waitUntil(lambda: model.loaded)
    [first] = project.quotes()[:1]
    project.coder = first.coder or ""
    project.codings.code(first.document_id, first.code_id, first.start, first.end, coder="Bram")
    project.codings.code(first.document_id, first.code_id, first.start, first.end, coder="consensus")
    model.set_codes(None)
    total = len(project.quotes())

    def shown_coders() -> set[str]:
        return {model.quote(row).coder or "" for row in range(model.rowCount())}

    def choose(text: str) -> None:
        dock.coder.setCurrentIndex(dock.coder.findText(text))

    choose("Mine")
    assert shown_coders() == {first.coder} and model.rowCount() == total - 2
    choose("Other coders")
    assert shown_coders() == {"Bram"}
    choose("Consensus")
    assert shown_coders() == {"consensus"}
    choose("Any coder")
    assert model.rowCount() == total
