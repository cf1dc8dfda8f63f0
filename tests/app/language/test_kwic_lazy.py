"""The search panel builds keyword-in-context lines for the rows shown: scrolling shows the right
context, sorting by context (in a worker when many lines are missing) orders as sort_lines does."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView

from app.language.kwic_table_model import HIT, LEFT, LINE_ROLE, RIGHT
from app.language.search_panel import SearchPanel
from app.shell.project_bridge import ProjectBridge
from coding import Project
from coding.core.text import natural_key
from coding.demo import build_demo_project
from coding.language.kwic import DEFAULT_CONTEXT, context, sort_lines
from coding.language.kwic_lines import KwicLines

PATTERN = r"\w+"


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ProjectBridge]:
    project = build_demo_project(tmp_path / "demo.codewerk", coder="tester")
    bridge = ProjectBridge(project)
    try:
        yield bridge
    finally:
        bridge.detach()
        project.close()


def _expected(project: Project) -> list[tuple[str, int, int]]:
    """Every match of the pattern, in the documents' order, from the texts themselves."""
    corpus = project.assist.corpus()
    out = []
    for doc in corpus.documents:
        text = corpus.text(doc.id)
        out += [
            (doc.name, m.start(), m.end()) for m in re.finditer(PATTERN, text, re.IGNORECASE | re.MULTILINE)
        ]
    return sorted(out, key=lambda hit: (natural_key(hit[0]), hit[1]))


def _visible_rows(panel: SearchPanel) -> range:
    table = panel.table
    top = table.rowAt(0)
    bottom = table.rowAt(table.viewport().height() - 1)
    return range(top, (bottom if bottom >= 0 else panel.model.rowCount() - 1) + 1)


def _search(qtbot, panel: SearchPanel) -> None:  # type: ignore[no-untyped-def]
    panel.set_mode("regex")
    qtbot.keyClicks(panel.query, PATTERN)
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.searching is None, timeout=60_000)  # searched in a worker thread


def test_scrolling_the_hits_shows_each_rows_own_context(qtbot, bridge: ProjectBridge) -> None:  # type: ignore[no-untyped-def]
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    panel.resize(1000, 500)
    panel.show()
    qtbot.waitExposed(panel)
    _search(qtbot, panel)
    expected = _expected(bridge.project)
    model = panel.model
    assert model.rowCount() == len(expected) > 2000
    lines = model.all_lines()
    assert isinstance(lines, KwicLines)
    texts = {
        doc.id: bridge.project.assist.corpus().text(doc.id)
        for doc in bridge.project.assist.corpus().documents
    }

    panel.table.setFocus()
    seen = 0
    for key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageDown, Qt.Key.Key_End):
        modifier = (
            Qt.KeyboardModifier.ControlModifier if key == Qt.Key.Key_End else Qt.KeyboardModifier.NoModifier
        )
        qtbot.keyClick(panel.table, key, modifier)
        qtbot.wait(10)
        rows = _visible_rows(panel)
        assert len(rows) > 3
        for row in rows:
            line = model.index(row, 0).data(LINE_ROLE)
            assert (line.document, line.start, line.end) == expected[row]
            shown = tuple(model.index(row, column).data() for column in (LEFT, HIT, RIGHT))
            assert shown == context(texts[line.document_id], line.start, line.end, DEFAULT_CONTEXT)
            seen += 1
    assert seen > 10
    assert panel.table.rowAt(panel.table.viewport().height() - 1) in (model.rowCount() - 1, -1)
    # only what was shown or measured was built, not the thousands of rows scrolled past
    assert lines.built_count() < len(lines) // 2


def test_sorting_by_left_context_builds_the_lines_in_a_worker(qtbot, bridge: ProjectBridge) -> None:  # type: ignore[no-untyped-def]
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    _search(qtbot, panel)
    model = panel.model
    model.BUILD_AT_ONCE = 100  # this small corpus has a few thousand hits: make it wait for the worker
    lines = model.all_lines()
    assert lines.built_count() < len(lines)
    eager = sort_lines(list(model.kwic_lines()), "left")
    header = panel.table.horizontalHeader()
    with qtbot.waitSignal(model.layoutChanged, timeout=30_000):
        x = header.sectionViewportPosition(LEFT) + header.sectionSize(LEFT) // 2
        qtbot.mouseClick(
            header.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(x, 5),
        )
    assert header.sortIndicatorSection() == LEFT
    assert panel.sorting is not None
    shown = [model.index(row, 0).data(LINE_ROLE) for row in range(model.rowCount())]
    if header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder:
        eager = sort_lines(list(model.kwic_lines()), "left", descending=True)
    assert shown == eager
    panel.table.scrollTo(
        model.index(model.rowCount() // 2, HIT), QAbstractItemView.ScrollHint.PositionAtCenter
    )
    row = model.rowCount() // 2
    assert model.index(row, HIT).data() == eager[row].hit
