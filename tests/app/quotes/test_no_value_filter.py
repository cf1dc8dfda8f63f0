"""The Quotes dock's value filter offers "(no value)": the quotes of the documents without a value for the
chosen attribute (a region left empty), as the Documents panel groups them, in English and in Dutch."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication

from app.quotes.quote_table_model import QUOTE_ROLE, TEXT
from app.quotes.quotes_dock import QuotesDock
from app.shell.main_window import MainWindow
from coding.core.ids import CodingId
from coding.core.records import Quote

EMPTIED = "R12_uwv_zwolle"


def _listed(qtbot, window: MainWindow) -> QuotesDock:  # type: ignore[no-untyped-def]
    dock = window.quotes_dock
    model = dock.model
    assert model is not None
    qtbot.waitUntil(lambda: model.loaded and model.complete)
    return dock


def _values(dock: QuotesDock) -> list[str]:
    return [dock.value.itemText(i) for i in range(dock.value.count())]


def _rows(dock: QuotesDock) -> set[CodingId]:
    model = dock.model
    assert model is not None
    found = set()
    for row in range(model.rowCount()):
        quote = model.index(row, TEXT).data(QUOTE_ROLE)
        assert isinstance(quote, Quote)
        found.add(quote.coding_id)
    return found


def _choose_value(qtbot, dock: QuotesDock, label: str) -> None:  # type: ignore[no-untyped-def]
    """Choose the value ``label`` with the arrow keys in the focused combo, as a keyboard user does (the
    offscreen platform's popups take no clicks)."""
    dock.value.setFocus()
    row = dock.value.findText(label)
    assert row >= 0, _values(dock)
    while dock.value.currentIndex() != row:
        key = Qt.Key.Key_Down if dock.value.currentIndex() < row else Qt.Key.Key_Up
        qtbot.keyClick(dock.value, key)
    assert dock.value.currentText() == label


def _empty_the_region(qtbot, window: MainWindow, dock: QuotesDock) -> None:  # type: ignore[no-untyped-def]
    assert window.workspace is not None
    window.workspace.project.documents.set_attributes(EMPTIED, {"region": ""})
    qtbot.waitUntil(lambda: dock.value.count() == 5)  # (any), three regions, (no value)


def test_no_value_lists_the_quotes_of_documents_without_the_attribute(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = _listed(qtbot, window)
    assert window.workspace is not None
    project = window.workspace.project
    assert dock.attribute.currentData() == "region"
    assert "(no value)" not in _values(dock)  # every demo document has a region

    _empty_the_region(qtbot, window, dock)
    assert _values(dock)[-1] == "(no value)"
    everything = {q.coding_id for q in project.quotes()}
    emptied = {q.coding_id for q in project.quotes() if q.document == EMPTIED}
    assert 0 < len(emptied) < len(everything)
    _choose_value(qtbot, dock, "(no value)")
    qtbot.waitUntil(lambda: _rows(dock) == emptied)
    assert dock.count.text() == f"{len(emptied)} of {len(everything)} quote(s)"

    _choose_value(qtbot, dock, "Zwolle")  # the emptied document is no longer one of Zwolle's
    zwolle = {q.coding_id for q in project.quotes(where={"region": "Zwolle"})}
    qtbot.waitUntil(lambda: _rows(dock) == zwolle)
    assert zwolle and not zwolle & emptied

    _choose_value(qtbot, dock, "(no value)")
    qtbot.waitUntil(lambda: _rows(dock) == emptied)
    project.documents.set_attributes(EMPTIED, {"region": "Zwolle"})  # every document has a region again
    qtbot.waitUntil(lambda: "(no value)" not in _values(dock))
    assert dock.value.currentText() == "(any)"
    qtbot.waitUntil(lambda: _rows(dock) == everything)


def test_no_value_reads_as_the_documents_panel_says_it_in_dutch(qtbot, dutch, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """One text and one translation: the value filter and the Documents panel's group both read
    "(geen waarde)" (also in the group's tip)."""
    dock = _listed(qtbot, window)
    _empty_the_region(qtbot, window, dock)
    assert _values(dock)[-1] == "(geen waarde)"
    _choose_value(qtbot, dock, "(geen waarde)")

    tree = window.documents_dock.tree
    model = tree.model()

    def groups() -> list[QModelIndex]:
        return [model.index(row, 0) for row in range(model.rowCount())]

    qtbot.waitUntil(lambda: any(str(g.data()).startswith("(geen waarde)") for g in groups()))
    group = next(g for g in groups() if str(g.data()).startswith("(geen waarde)"))
    assert group.data() == "(geen waarde)  (1)"
    assert "(geen waarde)" in str(group.data(Qt.ItemDataRole.ToolTipRole))
    QApplication.processEvents()
