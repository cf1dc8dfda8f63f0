"""The Compare regions window: centred on the workbench, every region's column in view, Esc closes it,
its size and splitters are remembered, and it can be docked into the main window and back."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import QApplication, QToolBar

from app.judgements.compare_window import CompareWindow
from app.shell.main_window import MainWindow
from tests.app.window_helpers import hold_reads

SCREEN = QRect(0, 0, 1920, 1080)


def _open_compare(qtbot, window: MainWindow) -> CompareWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.view.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_C, keys)
    qtbot.waitUntil(lambda: window.compare_window is not None and window.compare_window.isVisible())
    compare = window.compare_window
    assert compare is not None
    qtbot.waitExposed(compare)
    for _ in range(3):
        QApplication.processEvents()
    return compare


def _open_compare_docked(qtbot, window: MainWindow):  # type: ignore[no-untyped-def]
    window.activateWindow()
    window.view.setFocus()
    keys = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window.view, Qt.Key.Key_C, keys)
    qtbot.waitUntil(lambda: window.compare_dock is not None and window.compare_dock.isVisible())
    return window.compare_dock


def test_compare_opens_centred_with_every_region_in_view_and_esc_closes(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(CompareWindow, "_area", lambda _self: SCREEN, raising=False)  # a 1920×1080 screen
    # The workbench on the same screen: the offscreen one is 800×800, and the workbench's own check
    # 300 ms after showing (fit_to_screen) would pull it back from (300, 200) while the test runs.
    monkeypatch.setattr(MainWindow, "available_area", lambda _self: SCREEN)
    window.move(300, 200)
    compare = _open_compare(qtbot, window)
    centre, own = window.frameGeometry().center(), compare.frameGeometry().center()
    assert SCREEN.contains(compare.frameGeometry())
    assert abs(own.x() - centre.x()) < 200 and abs(own.y() - centre.y()) < 200  # not in a corner

    tree = compare.view.tree
    header = tree.header()
    # the grid is read in a worker (LatestRead): at load 7 it had not arrived when the window showed
    qtbot.waitUntil(lambda: compare.view.model.columnCount() >= 4)  # the code, then the demo's regions
    columns = compare.view.model.columnCount()
    for column in range(columns):
        right = header.sectionViewportPosition(column) + header.sectionSize(column)
        assert right <= tree.viewport().width(), (column, right, tree.viewport().width())

    qtbot.keyClick(tree, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not compare.isVisible())


def test_size_and_splitter_are_remembered(qtbot, window: MainWindow, demo_copy: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(CompareWindow, "_area", lambda _self: SCREEN, raising=False)
    compare = _open_compare(qtbot, window)
    compare.resize(760, 560)  # within the offscreen screen, which restoring keeps to
    total = sum(compare.view.splitter.sizes())
    compare.view.splitter.setSizes([total - 300, 300])
    QApplication.processEvents()
    sizes = compare.view.splitter.sizes()
    compare.close()
    window.close_project()
    assert window.open_project(demo_copy), window.last_problem

    again = _open_compare(qtbot, window)
    assert again is not compare
    assert (again.width(), again.height()) == (760, 560)
    assert again.view.splitter.sizes() == sizes
    again.close()


def test_compare_docks_into_the_main_window_and_back(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(CompareWindow, "_area", lambda _self: SCREEN, raising=False)
    compare = _open_compare(qtbot, window)
    view = compare.view
    bar = compare.findChild(QToolBar, "compareToolbar")
    qtbot.mouseClick(bar.widgetForAction(compare.dock_action), Qt.MouseButton.LeftButton)
    dock = window.compare_dock
    assert dock is not None
    qtbot.waitUntil(dock.isVisible)
    assert not compare.isVisible() and view.window() is window

    qtbot.mouseClick(dock.window_button, Qt.MouseButton.LeftButton)  # back to its own window
    qtbot.waitUntil(compare.isVisible)
    assert view.window() is compare and not dock.isVisible()
    qtbot.mouseClick(bar.widgetForAction(compare.dock_action), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(dock.isVisible)
    compare_again = _open_compare_docked(qtbot, window)
    assert compare_again is dock  # Ctrl+Shift+C shows the dock now: the choice is remembered

    window.close_project()  # the docked view goes with the project
    assert window.compare_dock is not None and not window.compare_dock.isVisible()


def test_the_grid_is_read_in_a_worker_while_the_window_answers(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Over a research group's 200,000 codings the judgement grid takes seconds: the Compare window
    opens at once, the grid is read off the GUI thread with a busy bar in its status line, and it
    is read again there after a judgement is saved."""
    import threading

    from PySide6.QtWidgets import QWidget

    from coding.judgements.comparison import ComparisonService

    held = hold_reads(monkeypatch, ComparisonService, "grid")
    release, threads = held.release, held.threads["grid"]
    compare = _open_compare(qtbot, window)
    view = compare.view
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    busy = compare.statusBar().findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible()
    qtbot.keyClick(view.mode_box, Qt.Key.Key_Down)  # the window answers meanwhile
    assert view.mode == "scores"
    release.set()
    qtbot.waitUntil(lambda: view.reading is None and view.model.columnCount() >= 4)
    assert all(thread is not threading.main_thread() for thread in threads)


def test_a_second_coders_codings_can_be_left_out_of_the_grid(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With one coder there is nothing to choose. Once a second coder's codings come in (a merge), the grid
    counted them with the first's: passages Bram coded Vertrouwen that the demo coder did not. Coder: counts
    one coder's codings only, in the grid and in the cell's quotes, or every coder's again."""
    from app.judgements.judgement_grid_model import CELL_ROLE
    from tests.app.analysis.test_analysis_window import _choose

    compare = _open_compare(qtbot, window)
    view = compare.view
    qtbot.waitUntil(lambda: view.reading is None)
    assert view.coder_box.isHidden() and view.coder_label.isHidden()
    project = window.workspace.project  # type: ignore[union-attr]
    trust = project.codes.id_of("Vertrouwen")
    coded = {(q.document_id, q.start, q.end) for q in project.quotes("Vertrouwen")}
    others = [q for q in project.quotes("Coördinatie") if (q.document_id, q.start, q.end) not in coded]
    document = others[0].document_id
    region = project.documents.get(document).attributes["region"]
    for quote in [q for q in others if q.document_id == document][:2]:
        project.codings.code(document, trust, quote.start, quote.end, coder="Bram")
    every = project.comparison.grid().cell(trust, region).quotes
    alone = project.comparison.grid(coder="demo").cell(trust, region).quotes
    assert every > alone  # Bram's Vertrouwen where demo coded only Coördinatie

    def counted() -> int:
        return int(view.model.index_of(trust, region).data(CELL_ROLE).quotes)

    qtbot.waitUntil(lambda: not view.coder_box.isHidden(), timeout=5000)  # a second coder: the choice shows
    qtbot.waitUntil(lambda: view.reading is None and counted() == every, timeout=5000)
    _choose(qtbot, view.coder_box, "demo")
    qtbot.waitUntil(lambda: view.reading is None and counted() == alone, timeout=5000)
    index = view.model.index_of(trust, region)
    view.tree.scrollTo(index)
    qtbot.mouseClick(
        view.tree.viewport(), Qt.MouseButton.LeftButton, pos=view.tree.visualRect(index).center()
    )
    assert view.editor.passages.rowCount() == alone  # the cell's quotes: demo's only
    assert f": {alone} quote(s)" in view.editor.title.text()
    _choose(qtbot, view.coder_box, "All coders")
    qtbot.waitUntil(lambda: view.reading is None and counted() == every, timeout=5000)
    qtbot.waitUntil(lambda: view.editor.passages.rowCount() == every)  # shown again, Bram's too
