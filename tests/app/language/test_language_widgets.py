"""The language widgets driven like a user: search and code hits, review suggestions, anonymise,
frequencies with a chart, background indexing. Screenshots go to docs/screenshots/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication, QWidget

from app.language.anonymise_dialog import AnonymiseDialog, MentionTableModel
from app.language.frequency_view import FrequencyView
from app.language.kwic_table_model import HIT, LINE_ROLE
from app.language.search_panel import SearchPanel
from app.language.suggestion_queue import SuggestionQueue
from app.shell.project_bridge import ProjectBridge
from app.shell.workspace import Workspace
from app.widgets.long_operation import running_operations
from coding import Project
from coding.demo import build_demo_project
from tests.app.conftest import SCREENSHOTS
from tests.app.window_helpers import hold_reads
from tests.coding.language.conftest import ARNHEM, ZWOLLE


@pytest.fixture
def demo(tmp_path: Path) -> Iterator[Project]:
    project = build_demo_project(tmp_path / "demo.codewerk", coder="tester")
    try:
        yield project
    finally:
        project.close()


@pytest.fixture
def bridge(demo: Project) -> Iterator[ProjectBridge]:
    bridge = ProjectBridge(demo)
    yield bridge
    bridge.detach()


@pytest.fixture
def workspace(bridge: ProjectBridge) -> Iterator[Workspace]:
    """The project as a window holds it (its reads in worker threads); ``bridge``'s project, closed there."""
    workspace = Workspace(bridge.project)
    yield workspace
    workspace.close()


def _listed(qtbot, queue: SuggestionQueue) -> None:  # type: ignore[no-untyped-def]
    """Wait until the queue's rows, listed in a worker thread, are shown."""
    qtbot.waitUntil(lambda: queue.reading is None, timeout=10_000)


def _add_named_transcripts(project: Project, folder: Path) -> None:
    for name, text, region in (
        ("R5_uwv_zwolle", ZWOLLE, "Zwolle"),
        ("R9_wethouder_arnhem", ARNHEM, "Midden-Gelderland"),
    ):
        path = folder / f"{name}.txt"
        path.write_text(text, encoding="utf-8")
        project.import_files([path], attributes={"region": region, "respondent": name.split("_")[0]})


def _shot(widget: QWidget, name: str, size: tuple[int, int] = (1200, 700)) -> Path:
    widget.resize(*size)
    widget.show()
    QApplication.processEvents()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    assert widget.grab().save(str(path))
    return path


def test_search_panel_finds_lemmas_sorts_exports_and_codes_hits(
    qtbot, bridge: ProjectBridge, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = bridge.project
    project.assist.index()
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    panel.set_mode("lemma")
    qtbot.keyClicks(panel.query, "vertrouwen")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.searching is None)  # searched in a worker thread
    hits = [panel.model.index(row, HIT).data() for row in range(panel.model.rowCount())]
    assert hits and {h.lower() for h in hits} >= {"vertrouwen", "vertrouwt"}
    assert "hit(s) in" in panel.summary.text() and "forms:" in panel.summary.text()
    panel.query.setText("gemeente")
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.searching is None)  # searched in a worker thread
    panel.code.set_code(project.codes.id_of("1a"))
    _shot(panel, "search_panel")
    panel.query.setText("vertrouwen")

    panel.set_filter("region", "Zwolle")
    panel.answers_only.setChecked(True)
    qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: panel.searching is None)  # searched in a worker thread
    lines = [panel.model.index(row, 0).data(LINE_ROLE) for row in range(panel.model.rowCount())]
    assert lines and {line.attributes["region"] for line in lines} == {"Zwolle"}
    assert all(line.speaker.startswith("R") for line in lines)

    panel.table.sortByColumn(HIT, Qt.SortOrder.DescendingOrder)
    sorted_hits = [panel.model.index(row, HIT).data().lower() for row in range(panel.model.rowCount())]
    assert sorted_hits == sorted(sorted_hits, reverse=True)

    out = panel.export_csv(tmp_path / "hits.csv")
    assert out.read_text(encoding="utf-8-sig").count("\n") == panel.model.rowCount() + 1

    before = len(project.quotes("4c"))
    selection = panel.table.selectionModel()
    selection.select(
        panel.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
    )
    panel.code.set_code(project.codes.id_of("4c"))
    panel.unit.setCurrentIndex(panel.unit.findData("sentence"))
    qtbot.mouseClick(panel.code_button, Qt.MouseButton.LeftButton)
    quotes = project.quotes("4c")
    assert len(quotes) == before + 1 and "Coded 1 passage(s) (the sentence)" in panel.status.currentMessage()
    line = panel.model.line(0)
    new = next(q for q in quotes if q.document_id == line.document_id and q.start <= line.start < q.end)
    assert line.hit in new.text and new.text.endswith((".", "?", "!"))
    project.undo()
    assert len(project.quotes("4c")) == before


def test_search_panel_indexes_new_documents_in_the_background(
    qtbot, bridge: ProjectBridge, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    project = bridge.project
    project.assist.index()
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    _add_named_transcripts(project, tmp_path)
    panel.set_mode("word")
    panel.query.setText("vertrouwden")
    progress: list[int] = []
    panel.indexer.progress.connect(lambda percent, _name: progress.append(percent))
    with qtbot.waitSignal(panel.indexer.finished, timeout=60_000):
        panel.run_search()
        qtbot.waitUntil(lambda: panel.searching is None)  # searched in a worker thread
        assert "being indexed" in panel.summary.text() and panel.progress.isVisibleTo(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10_000)
    assert panel.model.line(0).document == "R5_uwv_zwolle"
    assert progress and progress[-1] == 100 and not panel.progress.isVisibleTo(panel)


def test_the_queue_shows_what_the_store_listed_without_listing_it_again(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    _listed(qtbot, queue)  # what was stored when it opened
    real_list = queue.service.list
    listed: list[object] = []

    def counted(*args: object, **kwargs: object) -> object:
        listed.append((args, kwargs))
        return real_list(*args, **kwargs)  # type: ignore[arg-type]

    queue.service.list = counted  # type: ignore[method-assign]
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    # the last listing is the store's, shown as it is (at 10x: 35,748 rows read once more, not twice more)
    assert listed[-1] == ((None,), {}) and ((None,), {}) not in listed[:-1]
    shown = [queue.model.item(row).id for row in range(queue.model.rowCount())]
    assert len(shown) > 5
    queue.reload()  # what reading again would show
    _listed(qtbot, queue)
    assert [queue.model.item(row).id for row in range(queue.model.rowCount())] == shown


def test_suggestion_queue_accept_reject_adjust_and_accept_all(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    project = workspace.project
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)  # indexes in the background first
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    assert queue.model.rowCount() > 5 and "open suggestion(s)" in queue.status.currentMessage()
    first = queue.current()
    assert first is not None and first.reason in queue.details.toPlainText()
    _shot(queue, "suggestion_queue", (1200, 760))

    coded_before = len(project.quotes(first.code_id))
    qtbot.mouseClick(queue.accept_button, Qt.MouseButton.LeftButton)
    assert len(project.quotes(first.code_id)) == coded_before + 1
    _listed(qtbot, queue)
    assert queue.model.row_of(first.id) < 0

    second = queue.current()
    assert second is not None
    qtbot.mouseClick(queue.reject_button, Qt.MouseButton.LeftButton)
    assert [s.id for s in project.assist.suggestions.list(status="rejected")] == [second.id]
    _listed(qtbot, queue)
    qtbot.mouseClick(queue.find_button, Qt.MouseButton.LeftButton)  # found in a worker thread, then stored
    qtbot.waitUntil(queue.find_button.isEnabled, timeout=60_000)
    assert all(not (s.text == second.text and s.code_id == second.code_id) for s in queue.model.items())

    third = queue.current()
    assert third is not None
    queue.end.setValue(third.start + 10)
    qtbot.mouseClick(queue.adjust_button, Qt.MouseButton.LeftButton)
    adjusted = project.assist.suggestions.get(third.id)
    _listed(qtbot, queue)
    assert adjusted.end <= third.start + 10 and queue.current().id == third.id  # type: ignore[union-attr]

    code = project.codes.get(queue.model.item(0).code_id)
    queue.scope.set_code(code.id)
    open_for_code = len(project.assist.suggestions.list(code.id))
    _listed(qtbot, queue)
    assert open_for_code == queue.model.rowCount() > 0
    qtbot.mouseClick(queue.accept_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)  # written in a worker thread
    _listed(qtbot, queue)
    assert project.assist.suggestions.list(code.id) == [] and queue.model.rowCount() == 0
    project.undo()
    assert len(project.assist.suggestions.list(code.id)) == open_for_code


def test_anonymise_dialog_register_find_and_replace(qtbot, bridge: ProjectBridge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    project = bridge.project
    _add_named_transcripts(project, tmp_path)
    project.code("R5_uwv_zwolle", "4a", text="we hebben Jan de Vries altijd vertrouwd")
    dialog = AnonymiseDialog(bridge)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.code_edit, "R5")
    qtbot.keyClicks(dialog.name_edit, "Jan de Vries")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.register_model.rowCount() == 1 and dialog.register_model.entry(0).name == "Jan de Vries"

    dialog.document.setCurrentIndex(dialog.document.findText("R5_uwv_zwolle"))
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    names = {m.text: row for row, m in enumerate(dialog.mention_model.mentions())}
    assert {"Jan de Vries", "Kampen", "Zwolle"} <= set(names)
    model = dialog.mention_model
    # keep the region name in the header; give Kampen another placeholder
    model.setData(
        model.index(names["Zwolle"], MentionTableModel.CHECK),
        Qt.CheckState.Unchecked.value,
        Qt.ItemDataRole.CheckStateRole,
    )
    model.setData(model.index(names["Kampen"], MentionTableModel.REPLACEMENT), "[plaats]")
    _shot(dialog, "anonymise_dialog", (1100, 720))
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    text = project.documents.text("R5_uwv_zwolle")
    assert (
        "Jan de Vries" not in text
        and "[R5]" in text
        and "In [plaats] vertrouwden" in text
        and "Zwolle" in text
    )
    assert [q.text for q in project.quotes("4a") if q.document == "R5_uwv_zwolle"] == [
        "we hebben [R5] altijd vertrouwd"
    ]
    assert "every coding kept its passage" in dialog.status.currentMessage()
    out = dialog.export_register(tmp_path / "register.csv")
    assert "Jan de Vries" in out.read_text(encoding="utf-8-sig")
    project.undo()
    assert "Jan de Vries" in project.documents.text("R5_uwv_zwolle")


def test_frequency_view_table_and_chart(qtbot, bridge: ProjectBridge, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    view = FrequencyView(bridge)
    qtbot.addWidget(view)
    view.top.setValue(15)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.table is not None, timeout=60_000)  # counted in a worker thread
    table = view.model.table
    assert table is not None and table.groups == ("Midden-Gelderland", "Zuidoost-Brabant", "Zwolle")
    assert (
        view.model.rowCount() == 15
        and view.model.headerData(2, Qt.Orientation.Horizontal) == "Midden-Gelderland"
    )
    assert "de" not in {row.term for row in table.rows}
    (series,) = view.series()
    assert [bar_set.label() for bar_set in series.barSets()] == list(table.groups)
    assert all(bar_set.count() == 12 for bar_set in series.barSets())
    _shot(view, "frequencies", (1200, 620))
    assert view.export_csv(tmp_path / "f.csv").read_text(encoding="utf-8-sig").startswith("Lemma,Total")


def test_the_queue_shows_each_codes_measured_precision_or_that_too_little_is_coded(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace
) -> None:
    project = workspace.project
    # enough coded for 4a: five answers in several interviews; "Voldoende bereik" keeps its one passage
    answers = [
        (doc.id, turn)
        for doc in project.documents.list(with_counts=False)
        for turn in project.documents.turns(doc.id)
        if not turn.speaker.startswith("I") and turn.end - turn.body_start > 80
    ]
    chosen = [answers[n] for n in range(0, len(answers), max(1, len(answers) // 6))][:6]
    for doc_id, turn in chosen:
        project.code(doc_id, "4a", start=turn.body_start, end=turn.end)
    assert len({doc_id for doc_id, _ in chosen}) >= 2
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    assert queue.trust.text().startswith("Not measured yet")
    qtbot.mouseClick(queue.measure_button, Qt.MouseButton.LeftButton)  # measured in a worker thread
    qtbot.waitUntil(queue.measure_button.isEnabled, timeout=60_000)
    assert "Measured" in queue.status.currentMessage()
    queue.scope.set_code(project.codes.get("4a").id)
    assert queue.trust.text().startswith("Positieve verwachtingen over intenties en inzet: Measured")
    few = next(c for c in project.codes.tree() if c.name == "Voldoende bereik met de huidige partijen")
    queue.scope.set_code(few.id)
    assert queue.trust.text() == (
        "Voldoende bereik met de huidige partijen: Too little coded to tell how far to trust these: "
        "1 passage in 1 document (needs 5 in 2)."
    )
    queue.scope.set_code(None)
    assert queue.trust.text().startswith("Measured precision per code") or queue.trust.text().startswith(
        "Too little coded"
    )
    project.undo()  # the measurement is one undoable step: not measured again
    assert queue.trust.text().startswith("Not measured yet")


def test_the_queue_lists_the_stored_suggestions_in_a_worker_while_it_answers(  # type: ignore[no-untyped-def]
    qtbot, workspace: Workspace, monkeypatch
) -> None:
    """With 246,000 suggestions stored (one concept found at ten times the corpus) listing them takes
    seconds: the queue opens at once, lists them off the GUI thread with a busy bar in its status line and
    answers a key press meanwhile; a newer listing replaces the older one, the current row stays current."""
    import threading

    from coding.language.suggestions.service import SuggestionService

    service = workspace.project.assist.suggestions
    assert len(service.refresh()) > 5
    held = hold_reads(monkeypatch, SuggestionService, "list")
    release, threads = held.release, held.threads["list"]
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.waitExposed(queue)
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    busy = queue.status.findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible() and queue.model.rowCount() == 0
    queue.scope.setFocus()
    qtbot.keyClick(queue.scope, Qt.Key.Key_Down)  # the window answers meanwhile: the first code chosen
    chosen = queue.scope.code_id()
    assert chosen is not None
    qtbot.waitUntil(lambda: len(threads) == 2)  # listed again for the chosen code, the first listing dropped
    release.set()
    _listed(qtbot, queue)
    expected = sorted(service.list(chosen), key=lambda s: -s.score)
    assert len(expected) > 1 and [s.id for s in queue.model.items()] == [s.id for s in expected]
    qtbot.waitUntil(  # the busy bar goes with the listing
        lambda: (
            not [bar for bar in queue.status.findChildren(QWidget, "operationProgress") if bar.isVisible()]
        )
    )

    release.clear()
    queue.table.selectRow(1)
    current = queue.current()
    assert current is not None
    queue.reload()  # what another window's change does
    qtbot.waitUntil(lambda: len(threads) == 3)
    assert not queue.accept_button.isEnabled()  # no decisions on rows being listed again
    release.set()
    _listed(qtbot, queue)
    assert queue.current() == current and queue.table.currentIndex().row() == 1


def test_closing_the_queue_while_it_measures_stores_nothing(qtbot, workspace: Workspace) -> None:  # type: ignore[no-untyped-def]
    queue = SuggestionQueue(workspace)
    qtbot.addWidget(queue)
    queue.show()
    qtbot.mouseClick(queue.measure_button, Qt.MouseButton.LeftButton)
    queue.close()  # the worker is stopped and waited for; its result is not applied
    QApplication.processEvents()
    assert workspace.project.assist.suggestions.calibration() is None
    assert queue._operation is None


def test_frequencies_are_counted_per_a_dutch_sheets_regio_first(qtbot, bridge: ProjectBridge) -> None:  # type: ignore[no-untyped-def]
    """A project whose metadata sheet was Dutch (``regio``, ``datum`` …): the Frequencies tab offered
    "Per: Datum" (the first attribute) where the Documents panel and Compare group by Regio."""
    project = bridge.project
    with project.group("regio"):
        for document in project.documents.list():
            project.documents.set_attributes(
                document.id, {"regio": document.attributes["region"], "region": None}
            )
    view = FrequencyView(bridge)
    qtbot.addWidget(view)
    assert view.by.currentData() == "regio"


def test_the_frequencies_are_counted_in_a_worker_while_the_view_answers(  # type: ignore[no-untyped-def]
    qtbot, bridge: ProjectBridge, monkeypatch
) -> None:
    """Over a research group's 15 million words a count takes a minute: Count runs it off the GUI
    thread with a busy bar in the view's status line; the view answers meanwhile."""
    import threading

    from coding.language.assistant import LanguageAssistant

    held = hold_reads(monkeypatch, LanguageAssistant, "frequencies")
    release, threads = held.release, held.threads["frequencies"]
    view = FrequencyView(bridge)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    busy = view.status.findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible() and not view.refresh_button.isEnabled()
    view.top.setFocus()
    qtbot.keyClick(view.top, Qt.Key.Key_Up)  # the view answers meanwhile
    assert view.top.value() == 31
    release.set()
    qtbot.waitUntil(lambda: view.model.table is not None, timeout=60_000)
    assert view.refresh_button.isEnabled() and view.model.rowCount() == 30


def test_a_search_runs_in_a_worker_while_the_panel_answers(qtbot, bridge: ProjectBridge, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The first search of a session on a big project loads the language pipeline and checks the
    index (seconds): it runs off the GUI thread with a busy bar in the panel's status line; a bad
    pattern is still refused by its line, without a box."""
    import threading

    from PySide6.QtWidgets import QMessageBox

    from coding.language.assistant import LanguageAssistant

    bridge.project.assist.index()
    held = hold_reads(monkeypatch, LanguageAssistant, "search")
    release, threads = held.release, held.threads["search"]
    panel = SearchPanel(bridge)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    panel.set_mode("lemma")
    qtbot.keyClicks(panel.query, "vertrouwen")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(threads))
    assert threads[0] is not threading.main_thread()
    busy = panel.status.findChild(QWidget, "operationProgress")
    assert busy is not None and busy.isVisible()
    qtbot.keyClicks(panel.query, " x")  # the panel answers meanwhile
    assert panel.query.text() == "vertrouwen x"
    release.set()
    qtbot.waitUntil(lambda: panel.searching is None and panel.model.rowCount() > 0)

    panel.set_mode("regex")
    panel.query.setText("(unclosed")
    qtbot.keyClick(panel.query, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.searching is None)
    assert panel.status.currentMessage().startswith("⚠")
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def test_count_in_the_search_window_indexes_first_off_the_gui_thread(qtbot, window, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Search and suggestions… → Frequencies → Count on a project not indexed yet: the look for what
    needs indexing, the indexing and the count all run off the GUI thread; the table follows."""
    import threading

    from coding.language.assistant import LanguageAssistant

    threads: list[threading.Thread] = []
    original = LanguageAssistant.stale

    def spy(self):  # type: ignore[no-untyped-def]
        threads.append(threading.current_thread())
        return original(self)

    monkeypatch.setattr(LanguageAssistant, "stale", spy)
    window.window_actions.search.trigger()
    language = window.language_window
    assert language is not None
    language.tabs.setCurrentWidget(language.frequencies)
    view = language.frequencies
    qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.model.table is not None, timeout=120_000)
    assert view.model.rowCount() > 0 and view.refresh_button.isEnabled()
    assert threads and all(thread is not threading.main_thread() for thread in threads)
