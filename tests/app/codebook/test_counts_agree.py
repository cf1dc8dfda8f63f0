"""One count everywhere: a passage coded with a dimension and its indicator counts once for the
concept in the Codebook, as in Compare, and the tooltip says so."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.codebook.code_tree_model import QUOTES
from app.shell.main_window import MainWindow
from coding.core.counting import COUNT_RULE
from tests.app.window_helpers import code_id, codings_at, open_document, select_text, tree_index

DIMENSION = "Vertrouwen/Betrouwbaarheid"
INDICATOR = "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"


def _quotes_column(window: MainWindow, reference: str) -> int:
    model = window.codebook_dock.model
    assert model is not None
    model.flush()
    index = tree_index(window, reference).siblingAtColumn(QUOTES)
    return int(index.data())


def test_a_passage_with_a_dimension_and_its_indicator_counts_once(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    workspace.favourites.set([code_id(window, DIMENSION), code_id(window, INDICATOR)])
    open_document(window, "R12_uwv_zwolle")
    before = _quotes_column(window, "Vertrouwen")
    for key in (Qt.Key.Key_1, Qt.Key.Key_2):  # the same words with the dimension, then its indicator
        start, end = select_text(window, "Samen kom je veel verder.")
        qtbot.keyClick(window.view, key)
    assert len(codings_at(window, start, end)) == 2
    QApplication.processEvents()

    codebook = _quotes_column(window, "Vertrouwen")
    assert codebook == before + 1  # once, not twice
    compare_row = next(
        r
        for r in workspace.project.comparison.grid("region").rows
        if r.code.id == code_id(window, "Vertrouwen")
    )
    assert codebook == compare_row.quotes
    assert (
        _quotes_column(window, DIMENSION)
        == workspace.project.comparison.grid("region").row(code_id(window, DIMENSION)).quotes
    )
    tip = str(tree_index(window, "Vertrouwen").siblingAtColumn(QUOTES).data(Qt.ItemDataRole.ToolTipRole))
    assert COUNT_RULE in tip
