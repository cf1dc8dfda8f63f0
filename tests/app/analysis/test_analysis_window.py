"""Analysis → Co-occurrence and Code × case matrix, driven through the window with real clicks and keys."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTableView

from app.analysis.analysis_window import AnalysisWindow
from app.analysis.heat_table_model import CELL_ROLE
from app.shell.main_window import MainWindow
from app.widgets import file_dialogs
from tests.app.window_helpers import hold_reads


def _open(window: MainWindow, tab: str) -> AnalysisWindow:
    action = (
        window.window_actions.cooccurrence if tab == "cooccurrence" else window.window_actions.code_matrix
    )
    action.trigger()  # Analysis → …
    analysis = window.analysis_window
    assert analysis is not None and analysis.isVisible()
    QApplication.processEvents()
    return analysis


def _choose(qtbot, combo: QComboBox, label: str) -> None:  # type: ignore[no-untyped-def]
    """Choose an entry by typing its first letters into the focused combo, as a user would."""
    combo.setFocus()
    index = combo.findText(label)
    assert index >= 0, label
    while combo.currentIndex() != index:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)
    QApplication.processEvents()


def _click(qtbot, table: QTableView, index: QModelIndex) -> None:  # type: ignore[no-untyped-def]
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def test_cooccurrence_heat_map_lists_the_quotes_of_a_cell(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    analysis = _open(window, "cooccurrence")
    view = analysis.cooccurrence
    qtbot.waitUntil(lambda: view.cooccurrence.rowCount() > 0)
    _choose(qtbot, view.unit, "Same document")
    qtbot.waitUntil(lambda: view.table_data is not None and view.table_data.unit == "document")
    model = view.cooccurrence
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    row, column = names.index("Vertrouwen"), names.index("Coördinatie")
    cell = model.index(row, column)
    project = window.workspace.project  # type: ignore[union-attr]
    expected = project.analysis.cooccurrence(unit="document")
    trust, coordination = cell.data(CELL_ROLE)
    assert cell.data() == str(expected.count(trust, coordination)) == "4"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) is not None  # on the heat map
    assert model.index(row, row).data() == f"({expected.n(trust)})"

    _click(qtbot, view.table, cell)
    quotes = view.quotes.records()
    wanted = project.analysis.cooccurrence_quotes(trust, coordination, unit="document")
    assert [q.coding_id for q in quotes] == [q.coding_id for q in wanted] and quotes
    assert view.quotes_title.text() == f"Vertrouwen × Coördinatie: {len(quotes)} quote(s)"

    _choose(qtbot, view.measure, "c-coefficient")
    assert cell.data() == f"{expected.c(trust, coordination):.2f}"

    # double-click a quote: the transcript shows it
    first = view.quote_table.model().index(0, 2)
    rect = view.quote_table.visualRect(first)
    qtbot.mouseClick(view.quote_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.quote_table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.view.current_coding == quotes[0].coding_id


def test_a_group_value_and_a_new_coding_refresh_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    view = _open(window, "cooccurrence").cooccurrence
    _choose(qtbot, view.unit, "Same document")
    _choose(qtbot, view.by, "Region = Zwolle")
    qtbot.waitUntil(lambda: view.table_data is not None and view.table_data.by == "region")
    model = view.cooccurrence
    assert model.group == "Zwolle"
    project = window.workspace.project  # type: ignore[union-attr]
    trust = project.codes.id_of("Vertrouwen")
    matrix = project.analysis.matrix()
    document = next(
        d
        for d in project.documents.list()
        if d.attributes.get("region") == "Zwolle" and matrix.count(trust, d.name)
    )
    absent = next(c for c in matrix.codes if c.parent_id is None and not matrix.count(c.id, document.name))
    rows = [model.index(r, 0).data(CELL_ROLE)[0] for r in range(model.rowCount())]
    cell = model.index(rows.index(trust), rows.index(absent.id))
    before = int(cell.data())
    project.code(document.id, absent.id, 0, 40)  # as a script or the CLI would: the window hears of it
    qtbot.waitUntil(lambda: model.index(rows.index(trust), rows.index(absent.id)).data() == str(before + 1))


def test_matrix_by_region_lists_a_cells_quotes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    analysis = _open(window, "matrix")
    assert analysis.tabs.currentWidget() is analysis.matrix
    view = analysis.matrix
    _choose(qtbot, view.columns, "Region")
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix.columns_by == "region")
    model = view.matrix_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        "Midden-Gelderland",
        "Zuidoost-Brabant",
        "Zwolle",
    ]
    project = window.workspace.project  # type: ignore[union-attr]
    trust = project.codes.id_of("Vertrouwen")
    cell = model.index(0, 2)
    assert cell.data(CELL_ROLE) == (trust, "Zwolle")
    assert cell.data() == str(project.analysis.matrix(columns="region").count(trust, "Zwolle"))
    _click(qtbot, view.table, cell)
    assert view.quotes.rowCount() == int(cell.data()) > 0
    assert {q.attributes["region"] for q in view.quotes.records()} == {"Zwolle"}
    _choose(qtbot, view.measure, "Presence (0/1)")
    assert cell.data() == "1"


def test_export_writes_the_table_shown_as_a_workbook(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import threading

    from openpyxl import load_workbook

    from app.analysis import cooccurrence_view

    view = _open(window, "cooccurrence").cooccurrence
    qtbot.waitUntil(lambda: view.table_data is not None)  # counted in a worker thread
    _choose(qtbot, view.measure, "c-coefficient")
    target = tmp_path / "samen"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_args, **_kw: (str(target), ""))
    threads: list[threading.Thread] = []
    original = cooccurrence_view.export_cooccurrence

    def spy(*args, **kwargs):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return original(*args, **kwargs)

    monkeypatch.setattr(cooccurrence_view, "export_cooccurrence", spy)
    qtbot.mouseClick(view.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.exporting is not None and not view.exporting.running)
    assert threads and threads[0] is not threading.main_thread()  # written in a worker thread
    sheet = load_workbook(tmp_path / "samen.xlsx")["Co-occurrence"]
    assert sheet["A3"].value.startswith("Measure: c")
    assert sheet["A5"].value == "Code" and sheet["B5"].value == "Vertrouwen"
    assert "Exported samen.xlsx" in view.window().statusBar().currentMessage()


def test_the_tables_are_counted_in_a_worker_while_the_window_answers(
    qtbot, window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """Over a research group's 200,000 codings a table takes seconds: it is counted off the GUI
    thread, a busy bar says so in the window's status line, and the window keeps answering."""
    import threading

    from PySide6.QtWidgets import QWidget

    from coding.analysis.analysis_service import AnalysisService

    held = hold_reads(monkeypatch, AnalysisService, "cooccurrence", "matrix")
    release, threads = held.release, held.threads

    for tab, name in (("cooccurrence", "cooccurrence"), ("matrix", "matrix")):
        release.clear()
        analysis = _open(window, tab)
        view = analysis.cooccurrence if tab == "cooccurrence" else analysis.matrix
        qtbot.waitUntil(lambda name=name: bool(threads[name]))
        assert threads[name][0] is not threading.main_thread()
        busy = analysis.statusBar().findChild(QWidget, "operationProgress")
        assert busy is not None and busy.isVisible()
        # the window answers meanwhile: a key in a control of the other tab's kind is taken at once
        _choose(qtbot, view.measure, view.measure.itemText(1))
        assert view.measure.currentIndex() == 1
        release.set()
        qtbot.waitUntil(lambda view=view: view.computing is None and view.model.rowCount() > 0)
        bar = analysis.statusBar()
        qtbot.waitUntil(
            lambda bar=bar: not [w for w in bar.findChildren(QWidget, "operationProgress") if w.isVisible()]
        )
        threads[name].clear()


def test_a_long_column_title_is_cut_with_an_ellipsis_not_clipped_at_both_ends(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """Documents as columns: "R15_vakbond_zuidoost-brabant" showed as "l5_vakbond_zuidoost-braba", its
    respondent lost: a centred title wider than its column was clipped at both ends. Qt's style cuts a
    header label as its header says (``textElideMode``) to the section's width; that text is checked."""
    analysis = _open(window, "matrix")
    view = analysis.matrix
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix_model.columnCount() > 0)
    header = view.table.horizontalHeader()
    metrics = header.fontMetrics()
    shown = []
    for column in range(view.matrix_model.columnCount()):
        title = str(view.matrix_model.headerData(column, Qt.Orientation.Horizontal))
        width = header.sectionSize(column) - 8
        text = metrics.elidedText(title, header.textElideMode(), width)
        assert metrics.horizontalAdvance(text) <= width or not text, (title, text, width)
        shown.append(text)
    assert any(text.startswith("R15_") and text.endswith("…") for text in shown), shown


def test_a_second_coders_codings_can_be_left_out_of_the_counts(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With one coder there is nothing to choose. Once a second coder's codings come in (a merge), a
    passage the first coded Vertrouwen and the second Coördinatie counted as the two codes applying
    together; Coder: counts one coder's codings only (or every coder's)."""
    view = _open(window, "cooccurrence").cooccurrence
    qtbot.waitUntil(lambda: view.table_data is not None)
    assert view.coder.isHidden()
    project = window.workspace.project  # type: ignore[union-attr]
    trust, coordination = project.codes.id_of("Vertrouwen"), project.codes.id_of("Coördinatie")
    for quote in project.quotes("Vertrouwen")[:3]:
        project.codings.code(quote.document_id, coordination, quote.start, quote.end, coder="Bram")
    every = project.analysis.cooccurrence().count(trust, coordination)
    alone = project.analysis.cooccurrence(coder="demo").count(trust, coordination)
    assert every > alone  # Bram's Coördinatie where demo coded Vertrouwen
    qtbot.waitUntil(lambda: not view.coder.isHidden(), timeout=5000)
    model = view.cooccurrence

    def cell() -> str:
        rows = [model.index(r, 0).data(CELL_ROLE)[0] for r in range(model.rowCount())]
        return str(model.index(rows.index(trust), rows.index(coordination)).data())

    qtbot.waitUntil(lambda: cell() == str(every), timeout=5000)  # every coder's: across coders
    _choose(qtbot, view.coder, "demo")
    qtbot.waitUntil(lambda: cell() == str(alone), timeout=5000)


def test_in_dutch_the_cases_without_a_region_are_geen_waarde(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The Documents panel and Compare say "(geen waarde)"; the matrix's column said "(none)" and the
    Excel sheets "(geen)"."""
    project = window.workspace.project  # type: ignore[union-attr]
    project.documents.set_attributes("R19_onderwijs_zuidoost-brabant", {"region": ""})
    analysis = _open(window, "matrix")
    view = analysis.matrix
    _choose(qtbot, view.columns, "Regio")
    qtbot.waitUntil(lambda: view.matrix is not None and view.matrix.columns_by == "region")
    model = view.matrix_model
    last = model.columnCount() - 1
    assert model.headerData(last, Qt.Orientation.Horizontal) == "(geen waarde)"
    assert "(geen waarde)" in str(model.index(0, last).data(Qt.ItemDataRole.ToolTipRole))
