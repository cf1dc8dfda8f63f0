"""The Compare view driven like a user: click a cell, pick a score, type, check evidence, save, undo."""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSeries, QLineSeries, QScatterSeries
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QApplication

from app.judgements.compare_view import CompareView
from app.judgements.judgement_grid_model import CELL_ROLE
from app.shell.project_bridge import ProjectBridge
from app.shell.undo_stack import UndoStackRecorder
from coding import Project
from coding.judgements.comparison import NO_GROUP, heat_colour
from tests.regions import HOSTILE, LONG_A, LONG_B, Regions, build_regions


@pytest.fixture
def regions(project: Project) -> Regions:
    return build_regions(project)


@pytest.fixture
def stack(regions: Regions) -> Iterator[QUndoStack]:
    stack = QUndoStack()
    recorder = UndoStackRecorder(regions.project, stack)
    yield stack
    recorder.detach()


@pytest.fixture
def view(qtbot, regions: Regions, stack: QUndoStack) -> Iterator[CompareView]:  # type: ignore[no-untyped-def]
    bridge = ProjectBridge(regions.project)
    widget = CompareView(bridge)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    bridge.detach()


def click_cell(qtbot, view: CompareView, code_id, value: str) -> None:  # type: ignore[no-untyped-def]
    index = view.model.index_of(code_id, value)
    view.tree.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    rect = view.tree.visualRect(index)
    assert rect.isValid(), f"cell {value} is not visible"
    qtbot.mouseClick(view.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def cell_text(view: CompareView, code_id, value: str) -> str:  # type: ignore[no-untyped-def]
    return str(view.model.index_of(code_id, value).data())


def test_columns_are_the_regions_and_cells_show_score_count_and_first_words(
    view: CompareView, regions: Regions
) -> None:
    model = view.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Code", LONG_A, LONG_B, HOSTILE, "Zwolle", "(no value)"]  # not the marker "(none)"
    assert view.attribute_box.currentData() == "region"
    assert cell_text(view, regions.trust, "Zwolle") == "+  (3)  partners komen afspraken na"
    assert cell_text(view, regions.trust, LONG_A) == "(1)"
    background = view.model.index_of(regions.trust, HOSTILE).data(Qt.ItemDataRole.BackgroundRole)
    assert isinstance(background, QColor) and background.red() > background.green()  # -/- is red
    # concepts expand to their dimensions and indicators
    trust = model.index_of(regions.trust)
    assert model.rowCount(trust) == 3
    assert model.index(0, 0, trust).data() == "Betrouwbaarheid"


def test_click_a_cell_pick_a_score_type_check_evidence_save_and_undo(
    qtbot,
    view: CompareView,
    regions: Regions,
    stack: QUndoStack,  # type: ignore[no-untyped-def]
) -> None:
    project = regions.project
    click_cell(qtbot, view, regions.trust, LONG_A)
    editor = view.editor
    assert editor.title.text().startswith(f"Vertrouwen × {LONG_A}: 1 quote(s)")
    assert [editor.score_box.itemText(i) for i in range(editor.score_box.count())] == [
        "(no score)",
        "-/-",
        "-",
        "+/-",
        "+",
        "+/+",
    ]
    assert editor.passages.rowCount() == 1
    assert "Vertrouwen is er zeker" in editor.passages.index(0).data()

    editor.score_box.setCurrentIndex(editor.score_box.findText("+/+"))
    editor.justification.setFocus()
    qtbot.keyClicks(editor.justification, "goede klik tussen wethouders")
    editor.passage_list.setCurrentIndex(editor.passages.index(0))
    editor.passage_list.setFocus()
    qtbot.keyClick(editor.passage_list, Qt.Key.Key_Space)
    assert editor.passages.evidence() == [editor.passages.passages()[0].passage_id]
    assert editor.dirty
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    judgement = next(a for a in project.judgements.list(by="region") if a.value == LONG_A)
    assert (judgement.code_id, judgement.score, judgement.justification) == (
        regions.trust,
        "+/+",
        "goede klik tussen wethouders",
    )
    assert judgement.evidence == (editor.passages.passages()[0].passage_id,)
    assert stack.count() == 1 and stack.undoText() == "Judge Vertrouwen for " + LONG_A
    assert cell_text(view, regions.trust, LONG_A) == "+/+  (1)  goede klik tussen wethouders"
    assert not editor.dirty and editor.clear_button.isEnabled()

    project.undo()  # Ctrl+Z in the window goes through the same stack
    assert all(a.value != LONG_A for a in project.judgements.list(by="region"))
    assert cell_text(view, regions.trust, LONG_A) == "(1)"
    assert editor.score() == "" and editor.justification.toPlainText() == ""
    stack.redo()
    assert cell_text(view, regions.trust, LONG_A).startswith("+/+")


def test_clear_removes_the_judgement_undoably(
    qtbot, view: CompareView, regions: Regions, stack: QUndoStack
) -> None:  # type: ignore[no-untyped-def]
    click_cell(qtbot, view, regions.trust, "Zwolle")
    editor = view.editor
    assert editor.score() == "+"
    assert editor.passages.evidence() == [regions.zwolle_evidence]
    qtbot.mouseClick(editor.clear_button, Qt.MouseButton.LeftButton)
    assert cell_text(view, regions.trust, "Zwolle") == "(3)"
    stack.undo()
    assert cell_text(view, regions.trust, "Zwolle").startswith("+  (3)")
    assert regions.project.comparison.grid().cell(regions.trust, "Zwolle").evidence == (
        regions.zwolle_evidence,
    )


def test_an_open_code_takes_free_text(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    project = regions.project
    open_code = project.codes.id_of("5a")
    view.select_cell(open_code, "Zwolle")
    editor = view.editor
    assert editor.score_stack.currentWidget() is editor.score_edit
    qtbot.keyClicks(editor.score_edit, "werkgevers versus gemeenten")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert project.comparison.grid().cell(open_code, "Zwolle").score == "werkgevers versus gemeenten"


def test_the_none_column_cannot_be_judged(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    click_cell(qtbot, view, regions.urgency, NO_GROUP)
    editor = view.editor
    assert editor.passages.rowCount() == 1
    assert not editor.save_button.isEnabled()
    assert "cannot be judged" in editor.message.text()


def test_in_dutch_the_column_without_a_region_is_geen_waarde(
    dutch, qtbot, view: CompareView, regions: Regions
) -> None:  # type: ignore[no-untyped-def]
    """The Documents panel says "(geen waarde)"; the grid's header, its tip and the cell's title said "(none)".
    ``dutch`` comes first: the view is made in Dutch."""
    last = view.model.columnCount() - 1
    assert view.model.headerData(last, Qt.Orientation.Horizontal) == "(geen waarde)"
    assert view.model.headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == (
        "Regio: (geen waarde)"
    )
    click_cell(qtbot, view, regions.urgency, NO_GROUP)
    assert "(geen waarde)" in view.editor.title.text() and "(none)" not in view.editor.title.text()
    assert "regio" in view.editor.message.text() and "region" not in view.editor.message.text()


def test_unsaved_typing_survives_other_changes(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    click_cell(qtbot, view, regions.trust, LONG_B)
    qtbot.keyClicks(view.editor.justification, "half af")
    quote = regions.project.quotes("Urgentiebesef")[0]
    regions.project.codings.set_memo(quote.coding_id, "elders bewerkt")
    assert view.editor.justification.toPlainText() == "half af"


def test_frequency_modes_colour_a_heat_map_and_draw_a_chart(
    qtbot, view: CompareView, regions: Regions, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    assert not view.chart.isVisible()
    view.set_mode("quotes")
    assert view.chart.isVisible() and view.save_chart_button.isVisible()
    index = view.model.index_of(regions.trust, "Zwolle")
    assert index.data() == "3"
    assert index.data(Qt.ItemDataRole.BackgroundRole) == QColor(heat_colour(3, 3))
    assert view.model.index_of(regions.trust, NO_GROUP).data(Qt.ItemDataRole.BackgroundRole) is None
    assert view.chart.series_names == [LONG_A, LONG_B, HOSTILE, "Zwolle", "(no value)"]
    assert view.chart.categories[-1] == "Vertrouwen"  # drawn top-down: the first concept on top
    view.set_mode("documents")
    assert view.model.index_of(regions.trust, "Zwolle").data() == "2"
    assert view.chart.chart.title() == "Documents per concept and region"
    png = view.chart.save(tmp_path / "chart.png")
    svg = view.chart.save(tmp_path / "chart.svg")
    assert png.read_bytes().startswith(b"\x89PNG")
    assert b"<svg" in svg.read_bytes()
    view.set_mode("judgements")
    assert cell_text(view, regions.trust, "Zwolle").startswith("+  (3)")


def test_another_attribute_gives_other_columns(view: CompareView, regions: Regions) -> None:
    view.set_attribute("role")
    model = view.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, model.columnCount())] == [
        "Beleid",
        "Onderwijs",
        "UWV",
        "Vakbond",
        "Wethouder",
    ]
    assert view.model.index_of(regions.trust, "Onderwijs").data(CELL_ROLE).quotes == 3


def test_clicking_keeps_expanded_rows_after_a_refresh(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    trust = view.model.index_of(regions.trust)
    view.tree.expand(trust)
    click_cell(qtbot, view, regions.trust, LONG_A)
    view.editor.score_box.setCurrentIndex(view.editor.score_box.findText("-"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert view.tree.isExpanded(view.model.index_of(regions.trust))
    assert view.tree.currentIndex() == view.model.index_of(regions.trust, LONG_A)


def radar_points(view: CompareView) -> dict[str, list[tuple[float, float]]]:
    return {
        series.name(): [(point.x(), point.y()) for point in series.points()]
        for series in view.score_chart.radar.series()
        if isinstance(series, QScatterSeries)
    }


def test_scores_chart_as_spider_and_bars_follows_judgements_and_saves(
    qtbot, view: CompareView, regions: Regions, stack: QUndoStack, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    assert not view.score_chart.isVisible() and not view.chart_kind_box.isVisible()
    view.set_mode("scores")
    assert (
        view.score_chart.isVisible()
        and view.chart_kind_box.isVisible()
        and view.save_chart_button.isVisible()
    )
    assert not view.chart.isVisible()
    assert cell_text(view, regions.trust, "Zwolle").startswith("+  (3)")  # the grid shows judgements
    chart = view.score_chart
    assert chart.categories == ["Vertrouwen", "Urgentiebesef"]
    assert chart.kind == "radar" and chart.view is chart.bars_view  # two concepts: bars, not a line
    assert chart.series_names == [LONG_B, HOSTILE, "Zwolle"]
    assert f"not judged yet: {LONG_A}" in chart.radar.title()
    assert radar_points(view) == {LONG_B: [(0, 3)], HOSTILE: [(0, 1)], "Zwolle": [(0, 4), (1, 5)]}
    # Zwolle's two concepts joined around the circle (and back to the first at angle 2)
    lines = [
        s for s in chart.radar.series() if isinstance(s, QLineSeries) and not isinstance(s, QScatterSeries)
    ]
    assert [[(p.x(), p.y()) for p in line.points()] for line in lines] == [[(0, 4), (1, 5), (2, 4)]]

    click_cell(qtbot, view, regions.urgency, LONG_A)  # judge another region: the chart follows
    view.editor.score_box.setCurrentIndex(view.editor.score_box.findText("-"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert chart.series_names == [LONG_A, LONG_B, HOSTILE, "Zwolle"]
    assert radar_points(view)[LONG_A] == [(1, 2)]

    view.set_chart_kind("bars")
    assert chart.view is chart.bars_view and chart.stack.currentWidget() is chart.bars_view
    bars = next(s for s in chart.bars.series() if isinstance(s, QBarSeries))
    values = {bar_set.label(): [bar_set.at(i) for i in range(bar_set.count())] for bar_set in bars.barSets()}
    assert values == {LONG_A: [0, 2], LONG_B: [3, 0], HOSTILE: [1, 0], "Zwolle": [4, 5]}
    stack.undo()
    assert LONG_A not in chart.series_names

    monkeypatch.setattr(
        "app.widgets.file_dialogs.save_file_name",
        lambda *_a, **_k: (str(tmp_path / "scores.svg"), ""),
    )
    saved = view.ask_save_chart()
    assert saved == tmp_path / "scores.svg" and b"<svg" in saved.read_bytes()
    view.set_chart_kind("radar")
    png = chart.save(tmp_path / "spider.png")
    assert png.read_bytes().startswith(b"\x89PNG")
    view.set_mode("judgements")
    assert not view.score_chart.isVisible()


def test_with_fewer_than_three_judged_concepts_the_spider_shows_as_grouped_bars(
    qtbot, view: CompareView, regions: Regions, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A spider of one or two concepts is a dot or a single line: the chart shows bars, one group per
    concept and one bar per region in the spider's colours, on screen and when saved; the spider
    comes back with the third judged concept."""
    view.set_mode("scores")
    chart = view.score_chart
    assert chart.kind == "radar" and view.chart_kind_box.currentData() == "radar"
    assert chart.stack.currentWidget() is chart.bars_view and chart.bars_view.isVisible()
    assert not chart.radar_view.isVisible()
    bars = next(s for s in chart.bars.series() if isinstance(s, QBarSeries))
    colours = {s.name(): s.color().name() for s in chart.radar.series() if isinstance(s, QScatterSeries)}
    assert {b.label(): b.color().name() for b in bars.barSets()} == colours
    assert [b.count() for b in bars.barSets()] == [2, 2, 2]  # a group per concept
    saved = chart.save(tmp_path / "two.svg").read_text()
    assert "Zwolle" in saved and "Urgentiebesef" in saved
    third = regions.project.codes.id_of("Overwinnen van cultuurverschillen")
    click_cell(qtbot, view, third, "Zwolle")
    view.editor.score_box.setCurrentIndex(view.editor.score_box.findText("+/-"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert len(chart.categories) == 3
    assert chart.stack.currentWidget() is chart.radar_view and chart.radar_view.isVisible()
    view.set_chart_kind("bars")
    assert chart.stack.currentWidget() is chart.bars_view


def _widths(view: CompareView) -> list[int]:
    return [view.tree.columnWidth(c) for c in range(view.model.columnCount() - 1)]  # the last one stretches


def _widths_fit_the_grid(view: CompareView) -> bool:
    """The columns are what the view gives the grid's present width (computing them again changes nothing)."""
    shown = _widths(view)
    view._column_widths()
    return _widths(view) == shown


def test_the_groups_share_the_grid_when_it_gets_wider(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    """The grid's width changes with its splitter (dragged, or a layout restored on opening): the group
    columns must share it again. Before, a restored layout left the columns as they were and only
    the last one took the new room."""
    from PySide6.QtWidgets import QApplication

    view.splitter.setSizes([500, 900])  # a narrow grid, as restore_layout sets it (no splitterMoved)
    QApplication.processEvents()
    assert _widths_fit_the_grid(view)
    handle = view.splitter.handle(1)
    centre = handle.rect().center()
    qtbot.mousePress(handle, Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseMove(handle, pos=centre + QPoint(200, 0))
    qtbot.mouseMove(handle, pos=centre + QPoint(400, 0))
    qtbot.mouseRelease(handle, Qt.MouseButton.LeftButton, pos=centre + QPoint(400, 0))
    QApplication.processEvents()
    assert view.splitter.sizes()[0] > 800
    assert _widths_fit_the_grid(view)
    view.splitter.setSizes([1100, 300])
    QApplication.processEvents()
    assert _widths_fit_the_grid(view)


def test_the_scores_chart_title_fits_the_chart_at_1366_by_768(
    qtbot, view: CompareView, regions: Regions
) -> None:  # type: ignore[no-untyped-def]
    """The Compare window beside a 1366×768 laptop's main window (1280 wide): the title with the regions
    not judged yet ran past the chart's edge and was cut ("… (nog niet beoordeeld: Midden-Gelderland,
    Zuido…"); the regions not judged yet are on lines of their own, each within the chart."""
    from PySide6.QtGui import QFontMetrics

    view.resize(1280, 700)
    view.set_mode("scores")
    QApplication.processEvents()
    chart = view.score_chart.chart
    lines = chart.title().split("<br>")
    assert len(lines) >= 2 and lines[1].startswith("(not judged yet: ")
    metrics = QFontMetrics(chart.titleFont())
    width = view.score_chart.view.width()
    assert all(metrics.horizontalAdvance(html.unescape(line)) < width for line in lines), (width, lines)


def test_a_hint_says_why_the_chosen_spider_shows_as_bars(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    """With "Spider chart" chosen and two judged concepts the chart showed bars without a word why;
    a line above the chart says it, and goes when the spider can be drawn or bars are chosen."""
    view.set_mode("scores")
    chart = view.score_chart
    assert chart.stack.currentWidget() is chart.bars_view
    assert chart.hint.isVisible() and "at least three judged concepts" in chart.hint.text()
    assert chart.hint.geometry().bottom() < chart.stack.geometry().top()  # above the chart, not over it
    qtbot.keyClick(view.chart_kind_box, Qt.Key.Key_Down)  # Bar chart: chosen, so nothing to explain
    assert view.chart_kind_box.currentData() == "bars" and not chart.hint.isVisible()
    qtbot.keyClick(view.chart_kind_box, Qt.Key.Key_Up)
    assert view.chart_kind_box.currentData() == "radar" and chart.hint.isVisible()
    third = regions.project.codes.id_of("Overwinnen van cultuurverschillen")
    click_cell(qtbot, view, third, "Zwolle")
    view.editor.score_box.setCurrentIndex(view.editor.score_box.findText("+/-"))
    qtbot.mouseClick(view.editor.save_button, Qt.MouseButton.LeftButton)
    assert chart.stack.currentWidget() is chart.radar_view and not chart.hint.isVisible()
