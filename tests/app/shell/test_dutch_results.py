"""What the walk of ``test_dutch.py`` does not open, in Dutch: an export carried out to the end (its
progress, the line in the status bar and the box saying where the file went) and the Compare window's
charts (their titles, axes and kinds) with a cell chosen for judging."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from app.exporting.export_dialog import ExportDialog
from app.judgements.compare_view import CompareView
from app.shell.main_window import MainWindow
from app.widgets import operations
from tests.app.shell.test_dutch import _catalogue, _english, _literals, _texts


def _chart_texts(chart: QChart) -> list[str]:
    return [chart.title(), *(axis.titleText() for axis in chart.axes())]


def _close_any_modal() -> None:
    modal = QApplication.activeModalWidget()
    if modal is not None:  # a dialog left open would block the run
        modal.close()


def test_an_export_to_the_end_in_dutch(dutch, qtbot, window: MainWindow, tmp_path: Path, request) -> None:  # type: ignore[no-untyped-def]
    guard = QTimer(window)
    guard.setSingleShot(True)
    guard.timeout.connect(_close_any_modal)
    request.addfinalizer(guard.stop)
    guard.start(15000)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File → Exporteren…
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)))
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    target = tmp_path / "uitvoer.xlsx"
    dialog.path_edit.setFocus()
    dialog.path_edit.selectAll()
    qtbot.keyClicks(dialog.path_edit, str(target))
    titles: list[str] = []
    dialog.running = None
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    if dialog.running is not None:  # the progress display's title
        titles.append(dialog.running.title)
    qtbot.waitUntil(lambda: dialog.exported is not None, timeout=20000)
    box = dialog.done_box
    assert isinstance(box, QMessageBox)
    qtbot.waitUntil(box.isVisible)
    line = operations.status_line(dialog)  # the dialog's own status line (the rule in operations)
    assert line is not None
    told = line.currentMessage()
    shown = [*titles, *_texts(box), box.text(), told]
    box.close()
    assert box.windowTitle() == "Geëxporteerd" and box.text().startswith("Geëxporteerd naar"), box.text()
    assert told.startswith("Geëxporteerd naar"), told
    sources, dutch_texts = _catalogue()
    assert not _english(shown, sources, dutch_texts, _literals()), shown


def test_the_compare_charts_in_dutch(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.compare.trigger()
    QApplication.processEvents()
    views = [v for top in QApplication.topLevelWidgets() for v in top.findChildren(CompareView)]
    views += window.findChildren(CompareView)
    view = next(v for v in views if v.isVisible())
    qtbot.waitUntil(lambda: view.reading is None)  # the grid is read in a worker thread
    shown: list[str] = []
    view.mode_box.setFocus()
    qtbot.keyClick(view.mode_box, Qt.Key.Key_Down)  # Oordelen en grafiek van de oordelen
    assert view.mode == "scores"
    qtbot.waitUntil(lambda: view.reading is None)  # the chart comes with the grid, read in a worker
    shown += [*_chart_texts(view.score_chart.radar), *_chart_texts(view.score_chart.bars)]
    shown += [view.chart_kind_box.itemText(i) for i in range(view.chart_kind_box.count())]
    shown.append(
        view.score_chart.hint.text()
    )  # why bars show for a spider (hidden: the demo has more concepts)
    assert view.score_chart.hint.text().startswith("Een spingrafiek heeft minstens drie")
    assert view.score_chart.radar.title().startswith("Oordelen per concept en"), (
        view.score_chart.radar.title()
    )
    row = next(r for r in range(view.model.rowCount()) if view.model.index(r, 0).data() == "Samenstelling")
    index = view.model.index(row, 1)  # quotes, no judgement yet: the score box offers "no score"
    rect = view.tree.visualRect(index)
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    shown += list(_texts(view.window()))
    box = view.editor.score_box
    shown += [box.itemText(i) for i in range(box.count())]
    qtbot.keyClick(view.mode_box, Qt.Key.Key_Down)  # Citaten (heatmap): the frequency chart
    assert view.mode == "quotes"
    qtbot.waitUntil(lambda: view.reading is None)  # the chart comes with the grid, read in a worker
    shown += _chart_texts(view.chart.chart)
    qtbot.keyClick(view.mode_box, Qt.Key.Key_Down)  # Documenten (heatmap)
    qtbot.waitUntil(lambda: view.reading is None)  # the chart comes with the grid, read in a worker
    shown += _chart_texts(view.chart.chart)
    sources, dutch_texts = _catalogue()
    left = _english(shown, sources, dutch_texts, _literals())
    assert not left, f"left in English in the Compare window's charts: {left}"


def test_numbers_in_widgets_are_written_the_dutch_way(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The agreement window's overlap reads 0,50 in Dutch, as the domain writes 2.604 and 0,09."""
    from app.agreement.agreement_window import AgreementWindow

    window.window_actions.agreement.trigger()
    QApplication.processEvents()
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, AgreementWindow) and w.isVisible()]
    assert shown
    assert shown[0].overlap.text() == "0,50", shown[0].overlap.text()
    shown[0].close()
