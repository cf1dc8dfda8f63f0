"""Screenshots of the window and each dock on the demo project (docs/screenshots/, shown in the README)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication, QWidget

from app.shell.application import application
from app.shell.main_window import MainWindow
from app.shell.theme import dark_palette
from tests.app.conftest import SCREENSHOTS
from tests.app.window_helpers import open_document, select_text, tree_index


def _save(widget: QWidget, name: str) -> QImage:
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    image = QImage(str(path))
    assert not image.isNull() and image.width() > 200 and image.height() > 150
    return image


def _colours(image: QImage, step: int = 7) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), step) for y in range(0, image.height(), step)}


def test_main_window_and_docks(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    # a 1920×1080 screen (the offscreen one is 800×800, and the window keeps to its screen)
    monkeypatch.setattr(MainWindow, "available_area", lambda _self: QRect(0, 0, 1920, 1080))
    workspace.favourites.set(
        ["Vertrouwen", "Overwinnen van cultuurverschillen", "Urgentiebesef", "Coördinatie"]
    )
    window.resize(1600, 1000)
    window.reset_layout()  # the docks at their first sizes in the larger window
    QApplication.processEvents()
    open_document(window, "R8_wethouder_zwolle")
    window.codebook_dock.tree.setCurrentIndex(tree_index(window, "Vertrouwen"))
    window.quotes_dock.set_attribute_filter("region", "Zwolle")
    quote = next(q for q in workspace.project.quotes("7b") if q.document == "R8_wethouder_zwolle")
    window.jump_to_quote(quote)
    select_text(window, "Dat was een bewuste keuze.")
    window.view.verticalScrollBar().setValue(0)
    reviews = workspace.project.reviews
    for quote in workspace.project.quotes("Vertrouwen", where={"region": "Zwolle"})[:3]:
        status = "question" if quote.document == "R12_uwv_zwolle" else "agreed"
        reviews.mark(
            quote.coding_id, status, "Is dit betrouwbaarheid of openheid?" if status == "question" else ""
        )
    window.quotes_dock.model.flush()
    window.statusBar().clearMessage()

    main = _save(window, "main_window")
    assert len(_colours(main)) > 40  # highlights and stripes in many code colours
    _save(window.documents_dock, "documents_dock")
    _save(window.codebook_dock, "codebook_dock")
    _save(window.quotes_dock, "quotes_dock")
    _save(window.details_dock, "details_dock")
    _save(window.panel, "transcript")

    # the searchable code picker (Ctrl+K or the context menu)
    select_text(window, "Dat was een bewuste keuze.")
    picker = window.controller.open_picker()
    assert picker is not None
    qtbot.keyClicks(picker.search, "vertrouw")
    assert picker.proxy.rowCount() >= 1
    _save(picker, "code_picker")
    picker.reject()

    # the same window in a dark palette (what a system in dark mode gets)
    app = QApplication.instance()
    light = app.palette()
    app.setPalette(dark_palette())
    window.view.refresh_palette()
    try:
        dark = _save(window, "main_window_dark")
        assert QColor(dark.pixel(dark.width() // 2, dark.height() // 3)).lightness() < 128
    finally:
        app.setPalette(light)
        window.view.refresh_palette()


def test_start_screen(qtbot, demo_file, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import shutil

    from app.shell.settings import remember_project

    monkeypatch.setenv("HOME", str(tmp_path))
    for name in ("Scriptie RWB/rwb-studie.codewerk", "Pilot/pilot-interviews.codewerk"):
        target = tmp_path / "Documenten" / name
        target.parent.mkdir(parents=True)
        shutil.copyfile(demo_file, target)
        remember_project(target)
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1100, 700)
    window.show()
    assert window.start.recent_model.index(0, 0).data().endswith("~/Documenten/Pilot")
    _save(window, "start_screen")
