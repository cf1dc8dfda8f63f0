"""Documents dock, details, find bar, start screen and the layout kept in QSettings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from app.shell.application import application
from app.shell.main_window import MainWindow
from app.shell.settings import recent_projects
from app.shell.start_screen import StartScreen
from tests.app.window_helpers import code_id, first_document_shown, open_document, select_text, tree_index


def _top_level(dock) -> list[str]:  # type: ignore[no-untyped-def]
    return [dock.proxy.index(r, 0).data() for r in range(dock.proxy.rowCount())]


def test_documents_grouped_by_region_with_counts_and_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dock = window.documents_dock
    project = window.workspace.project
    assert _top_level(dock) == ["Midden-Gelderland  (2)", "Zuidoost-Brabant  (2)", "Zwolle  (2)"]
    zwolle = dock.proxy.index(2, 0)
    total = sum(d.coding_count for d in project.documents.list() if d.attributes["region"] == "Zwolle")
    assert zwolle.siblingAtColumn(1).data() == str(total)
    assert [dock.proxy.index(r, 0, zwolle).data() for r in range(2)] == [  # natural order: R8 before R12
        "R8_wethouder_zwolle",
        "R12_uwv_zwolle",
    ]

    open_document(window, "R12_uwv_zwolle")
    select_text(window, "Samen kom je veel verder.")
    window.controller.code_selection(code_id(window, "2b"))
    dock.model.flush()  # counts follow right after the transcript has painted
    assert dock.proxy.index(2, 0).siblingAtColumn(1).data() == str(total + 1)

    dock.select_group_by("role")
    assert "UWV  (1)" in _top_level(dock)
    dock.select_group_by(None)
    assert len(_top_level(dock)) == 6
    qtbot.keyClicks(dock.filter, "uwv")
    assert _top_level(dock) == ["R12_uwv_zwolle"]
    dock.select_group_by("region")
    zwolle = dock.proxy.index(0, 0)
    assert _top_level(dock) == ["Zwolle  (2)"] and dock.proxy.rowCount(zwolle) == 1


def test_details_show_code_document_and_coding_memos(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    details = window.details_dock
    project = window.workspace.project
    open_document(window, "R8_wethouder_zwolle")
    assert "R8_wethouder_zwolle" in details.title.text()
    details.memo.setPlainText("Wethouder is positief over de regio.")
    details.save_memo()
    assert (
        project.memos.list(document="R8_wethouder_zwolle")[0].text == "Wethouder is positief over de regio."
    )

    window.codebook_dock.tree.setCurrentIndex(tree_index(window, "Vertrouwen"))
    assert "Vertrouwen" in details.title.text() and "scale" in details.info.text()

    quote = next(q for q in project.quotes("7b") if q.document == "R8_wethouder_zwolle")
    window.jump_to_quote(quote)
    assert details.memo.toPlainText() == quote.memo
    assert details.codings.isVisible() or details.codings_model.rowCount() >= 1
    point = window.view.span_rects(quote.start, quote.end)[0].center().toPoint()
    tooltip = window.view.tooltip_at(point)  # what hovering the passage shows
    assert "Overlapt met 4a" in tooltip and "7b" in tooltip and "4a" in tooltip
    details.memo.setPlainText("Vertrouwen door eerdere samenwerking.")
    window.view.setFocus()  # leaving the memo saves it
    QApplication.processEvents()
    details.save_memo()
    assert project.codings.get(quote.coding_id).memo == "Vertrouwen door eerdere samenwerking."


def test_find_in_transcript(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    open_document(window, "R8_wethouder_zwolle")
    view = window.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.panel.find_bar
    assert bar.isVisible()
    qtbot.keyClicks(bar.field, "GEMEENTE")
    count = view.text.lower().count("gemeente")
    assert count >= 2 and bar.count.text() == f"1 of {count}"
    first = view.selection_span()
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    second = view.selection_span()
    assert second[0] > first[0] and view.text[second[0] : second[1]].lower() == "gemeente"
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_start_screen_new_and_demo_projects_and_recent_list(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.pages.currentWidget() is window.start
    assert not any(d.isVisible() for d in window.docks)
    assert not window.window_actions.pick.isEnabled()

    window.start.demoRequested.emit()
    assert window.workspace is not None and len(window.workspace.project.documents.list()) == 6
    assert (tmp_path / "home" / ".local" / "share" / "Codewerk" / "demo.codewerk").exists()
    first_document_shown(qtbot, window)  # (after the window's paint)
    assert window.view.document_id is not None and window.view.index.passages  # a coded transcript is open
    assert all(d.isVisible() for d in window.docks)

    assert window.new_project(tmp_path / "nieuw")
    assert window.workspace.project.path.name == "nieuw.codewerk"
    assert len(window.workspace.project.codes.tree()) > 40 and window.view.document_id is None
    assert [p.name for p in recent_projects()] == ["nieuw.codewerk", "demo.codewerk"]
    assert not window.new_project(tmp_path / "nieuw")  # exists: refused, reported, the open project stays
    assert window.last_problem and window.workspace.project.path.name == "nieuw.codewerk"
    box = window.findChild(QMessageBox, "problemBox")
    assert box is not None and "nieuw.codewerk" in box.text()
    box.close()
    broken = tmp_path / "kapot.codewerk"
    broken.write_bytes(b"dit is geen SQLite-bestand")
    assert not window.open_project(broken)
    assert "kapot.codewerk" in window.last_problem and window.workspace.project.path.name == "nieuw.codewerk"
    window.close_project()
    assert window.start.recent_model.rowCount() == 2
    window.close()


def test_a_window_started_on_a_project_builds_its_start_screen_when_that_closes(
    qtbot, tmp_path: Path, demo_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    application()
    window = MainWindow()  # as `codewerk gui PROJECT` starts: the project opened before the window shows
    qtbot.addWidget(window)
    assert window.open_project(demo_copy)
    window.show()
    qtbot.waitExposed(window)
    assert window.findChild(StartScreen) is None  # not built for the first paint
    window.close_project()
    start = window.findChild(StartScreen)
    assert start is not None and window.pages.currentWidget() is start and start.isVisible()
    assert [p.name for p in recent_projects()] == [demo_copy.name]
    assert start.recent_model.rowCount() == 1  # read when it was built
    start.recent.activated.emit(start.recent_model.index(0, 0))  # its signals are wired
    assert window.workspace is not None and window.workspace.project.path == demo_copy
    window.close()


def test_dock_layout_is_kept_between_sessions(qtbot, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    application()
    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    first.open_project(demo_copy)
    first.quotes_dock.setFloating(True)
    first.details_dock.hide()
    first.close()
    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    second.open_project(demo_copy)
    assert second.quotes_dock.isFloating()
    assert not second.details_dock.isVisible()
    second.window_actions.reset_layout.trigger()
    assert second.details_dock.isVisible() and not second.quotes_dock.isFloating()
    second.close()


@pytest.mark.parametrize("first_uncoded", [False, True])
def test_opening_a_project_loads_only_the_first_document_with_codings(  # type: ignore[no-untyped-def]
    qtbot, demo_copy: Path, first_uncoded: bool
) -> None:
    from coding import Project

    kept = None
    if first_uncoded:  # only one document keeps its codings: that one opens, not the first
        with Project.open(demo_copy) as project:
            documents = project.documents.list()
            last = [d for d in documents if project.codings.passages(d.id)][-1]  # the last one coded
            assert last.id != documents[0].id
            kept = last.id
            for document in (d for d in documents if d.id != kept):
                for passage in project.codings.passages(document.id):
                    for coding in passage.codings:
                        project.codings.uncode(coding.coding_id)
    application()
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    shown: list[int] = []
    show_document = window.view.show_document

    def recording(document_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(document_id)
        return show_document(document_id, *args, **kwargs)

    window.view.show_document = recording  # type: ignore[method-assign]
    assert window.open_project(demo_copy), window.last_problem
    model = window.documents_dock.model
    assert model is not None
    first_document_shown(qtbot, window)  # (after the window's paint)
    qtbot.waitUntil(lambda: model.counted)
    listed = model.documents()
    expected = next(d for d in listed if d.coding_count)
    if kept is not None:
        assert listed[0].coding_count == 0 and expected.id == kept
    assert shown == [expected.id] and window.view.document_id == expected.id
    window.close_project()
