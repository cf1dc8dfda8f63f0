"""The Search panel's and the Co-occurrence view's value filters offer "(no value)": the documents without a value
for the chosen attribute (none set, or an empty one), as the Quotes dock's filter and the Documents panel's groups
do. Chosen with the keyboard, as a user would."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from app.analysis.heat_table_model import CELL_ROLE
from app.language.kwic_table_model import LINE_ROLE
from app.language.search_panel import SearchPanel
from app.shell.main_window import MainWindow
from app.shell.project_bridge import ProjectBridge
from coding import Project
from coding.demo import build_demo_project


def _choose(qtbot, combo: QComboBox, label: str) -> None:  # type: ignore[no-untyped-def]
    """Choose an entry with the arrow keys in the focused combo."""
    combo.setFocus()
    index = combo.findText(label)
    assert index >= 0, (label, [combo.itemText(i) for i in range(combo.count())])
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
    QApplication.processEvents()


def _without_region(project: Project) -> set[str]:
    """Two documents without a region: one with an empty value, one with none at all."""
    documents = project.documents.list(with_counts=False)
    emptied, removed = documents[0], documents[-1]
    project.documents.set_attributes(emptied.id, {"region": ""})
    project.documents.set_attributes(removed.id, {"region": None})
    return {emptied.name, removed.name}


@pytest.fixture
def bridge(tmp_path: Path) -> Iterator[ProjectBridge]:
    project = build_demo_project(tmp_path / "demo.codewerk", coder="tester")
    bridge = ProjectBridge(project)
    yield bridge
    bridge.detach()
    project.close()


def test_the_search_panel_searches_the_documents_without_a_value(qtbot, bridge: ProjectBridge) -> None:  # type: ignore[no-untyped-def]
    project = bridge.project
    without = _without_region(project)
    project.assist.index()
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_mode("word")
    _choose(qtbot, panel.attribute, "Region")
    values = [panel.value.itemText(i) for i in range(panel.value.count())]
    assert values[-1] == "(no value)" and "" not in values
    _choose(qtbot, panel.value, "(no value)")
    panel.query.setFocus()
    qtbot.keyClicks(panel.query, "de")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.searching is None)  # searched in a worker thread
    lines = [panel.model.index(row, 0).data(LINE_ROLE) for row in range(panel.model.rowCount())]
    assert lines and {line.document for line in lines} == without  # both: the empty value and the missing one

    _choose(qtbot, panel.value, "Zwolle")  # a value again: only its documents
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.searching is None)
    lines = [panel.model.index(row, 0).data(LINE_ROLE) for row in range(panel.model.rowCount())]
    assert lines and {line.attributes["region"] for line in lines} == {"Zwolle"}


def test_co_occurrence_counts_the_documents_without_a_value(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    project = window.workspace.project  # type: ignore[union-attr]
    without = _without_region(project)
    window.window_actions.cooccurrence.trigger()  # Analysis → Co-occurrence
    analysis = window.analysis_window
    assert analysis is not None and analysis.isVisible()
    view = analysis.cooccurrence
    qtbot.waitUntil(lambda: view.cooccurrence.rowCount() > 0)
    _choose(qtbot, view.unit, "Same document")
    qtbot.waitUntil(lambda: view.table_data is not None and view.table_data.unit == "document")
    _choose(qtbot, view.by, "Region = (no value)")
    qtbot.waitUntil(lambda: view.table_data is not None and view.table_data.by == "region")
    model = view.cooccurrence
    expected = project.analysis.cooccurrence(unit="document", by="region")
    group = model.group
    assert group is not None and group in expected.groups and group not in {"", "Zwolle"}
    codes = [model.index(r, 0).data(CELL_ROLE)[0] for r in range(model.rowCount())]
    shown = {
        (a, b): model.index(r, c).data() for r, a in enumerate(codes) for c, b in enumerate(codes) if a != b
    }
    counts = {pair: str(expected.count(*pair, group)) for pair in shown}
    assert shown == counts and any(n != "0" for n in counts.values())
    a, b = next(pair for pair, n in counts.items() if n != "0")
    cell = model.index(codes.index(a), codes.index(b))
    view.table.scrollTo(cell)
    qtbot.mouseClick(
        view.table.viewport(), Qt.MouseButton.LeftButton, pos=view.table.visualRect(cell).center()
    )
    quotes = view.quotes.records()
    assert quotes and {q.document for q in quotes} <= without


def test_in_dutch_the_choice_is_geen_waarde(dutch, qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = window.workspace.project  # type: ignore[union-attr]
    _without_region(project)
    window.window_actions.cooccurrence.trigger()
    analysis = window.analysis_window
    assert analysis is not None
    by = analysis.cooccurrence.by
    assert by.findText("Regio = (geen waarde)") >= 0, [by.itemText(i) for i in range(by.count())]
    bridge = ProjectBridge(project)
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    _choose(qtbot, panel.attribute, "Regio")
    assert panel.value.itemText(panel.value.count() - 1) == "(geen waarde)"
    bridge.detach()
