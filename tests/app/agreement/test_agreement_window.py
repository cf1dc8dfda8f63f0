"""Analysis → Intercoder agreement in the window: figures, disagreements, resolving, showing a unit,
and View → Coder layer for the transcript's stripes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from app.agreement.agreement_window import AgreementWindow
from app.shell.main_window import MainWindow
from app.widgets import file_dialogs

DOC = "R12_uwv_zwolle"


def _second_coder(window: MainWindow) -> tuple[str, list[tuple[int, int]]]:
    """Bram codes the first three of the first coder's passages of one document again, and one more."""
    assert window.workspace is not None
    project = window.workspace.project
    quotes = [q for q in project.quotes() if q.document == DOC][:3]
    first = quotes[0].coder or ""
    project.coder = first  # "mine" is the demo's coder
    for quote in quotes:
        project.codings.code(DOC, quote.code_id, quote.start, quote.end, coder="Bram")
    text = project.documents.text(DOC)
    extra = text.index("Samen kom je veel verder.")
    project.codings.code(DOC, "Stabiliteit", extra, extra + len("Samen kom je veel verder."), coder="Bram")
    return first, [(q.start, q.end) for q in quotes]


def _open_agreement(qtbot, window: MainWindow) -> AgreementWindow:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.documents_dock.tree.setFocus()
    qtbot.keyClick(
        window.documents_dock.tree,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(lambda: window.agreement_window is not None and window.agreement_window.isVisible())
    assert window.agreement_window is not None
    return window.agreement_window


def test_agreement_window_shows_figures_and_resolves_a_disagreement(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(first))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_b == "Bram")
    report = dialog.report
    assert report is not None and report.unit == "segment"
    assert dialog.figures.rowCount() == len(report.rows) and report.rows[-1].code == "*"
    assert "coded segment" in dialog.method.text()
    overall = dialog.figures.index(dialog.figures.rowCount() - 1, 1)
    assert overall.data() == f"{report.overall.units:,}"

    # The Stabiliteit passage only Bram coded is a disagreement; resolve it by keeping B.
    row = dialog.disagreements.row_where(lambda d: d.text == "Samen kom je veel verder.")
    assert row >= 0
    rect = dialog.list.visualRect(dialog.disagreements.index(row, 0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.keep_buttons["b"], Qt.MouseButton.LeftButton)
    assert window.workspace is not None
    consensus = window.workspace.project.quotes(coder="consensus")
    assert [q.text for q in consensus] == ["Samen kom je veel verder."]
    qtbot.waitUntil(lambda: dialog.disagreements.rowCount() > row)
    row = dialog.disagreements.row_where(lambda d: d.text == "Samen kom je veel verder.")
    assert dialog.disagreements.index(row, 4).data() == "Stabiliteit"

    # Double-click shows the unit in its transcript with every coder's stripes.
    window.window_actions.layers["mine"].trigger()
    rect = dialog.list.visualRect(dialog.disagreements.index(row, 5))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QApplication.processEvents()
    assert window.view.layer == "all"
    span = window.view.selection_span()
    assert span is not None and window.view.text[span[0] : span[1]] == "Samen kom je veel verder."


def test_double_clicking_a_disagreement_brings_the_main_window_forward(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The agreement window covers most of the main window: showing a unit must bring the transcript
    to the front (before, the unit was selected behind the agreement window, out of sight)."""
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(first))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_b == "Bram")
    qtbot.waitUntil(dialog.isActiveWindow)
    row = dialog.disagreements.row_where(lambda d: d.text == "Samen kom je veel verder.")
    rect = dialog.list.visualRect(dialog.disagreements.index(row, 5))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(window.isActiveWindow)
    assert window.view.hasFocus()
    span = window.view.selection_span()
    assert span is not None and window.view.text[span[0] : span[1]] == "Samen kom je veel verder."


def test_coder_layer_menu_filters_the_stripes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first, _spans = _second_coder(window)
    from tests.app.window_helpers import open_document

    open_document(window, DOC)

    def coders() -> set[str]:
        return {a.coder or "" for p in window.view.index.passages for a in p.codings}

    assert coders() == {first, "Bram"}
    window.window_actions.layers["mine"].trigger()
    assert coders() == {first}
    window.window_actions.layers["others"].trigger()
    assert coders() == {"Bram"}
    assert all(
        s.coding_id in {a.coding_id for p in window.view.index.passages for a in p.codings}
        for s in window.view.stripes.stripes
    )
    window.window_actions.layers["consensus"].trigger()
    assert coders() == set() and window.view.stripes.stripes == ()
    window.window_actions.layers["all"].trigger()
    assert coders() == {first, "Bram"}


def test_second_coder_menu_prepares_a_package_and_merges_it_back(qtbot, window: MainWindow, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QMenu, QMessageBox

    from app.agreement import second_coder
    from coding import Project

    menu = window.findChild(QMenu, "secondCoderMenu")
    assert menu is not None
    assert [a.text() for a in menu.actions()] == ["&Prepare package…", "&Merge a coder's project…"]
    assert window.workspace is not None
    project = window.workspace.project
    packing = second_coder.prepare_package(window, project, name="Bram", out=tmp_path / "bram.codewerk")
    assert packing is not None
    qtbot.waitUntil(lambda: not packing.running)  # made in a worker thread
    out = packing.value
    assert out is not None and "Packaged" in window.statusBar().currentMessage()
    with Project.open(out) as theirs:
        assert theirs.coder == "Bram" and theirs.quotes() == []
        theirs.code(DOC, "Stabiliteit", text="Samen kom je veel verder.")
    merging = second_coder.merge_coder(window, project, out)
    assert merging is not None
    qtbot.waitUntil(lambda: not merging.running)  # read in a worker thread, merged on the GUI thread
    assert merging.value is not None and merging.error is None
    assert [q.text for q in project.quotes(coder="Bram")] == ["Samen kom je veel verder."]
    boxes = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]
    assert [box.windowTitle() for box in boxes] == ["Merge"]  # its report, not one titled "Import"
    assert boxes[0].text().startswith("Merged from bram.codewerk")  # not "Imported from"
    assert window.workspace.undo_stack.undoText() == "Merge bram.codewerk"  # Edit → Undo names the merge
    boxes[0].close()
    window.workspace.undo()  # taken back in a worker thread, as it was written (issue 19)
    qtbot.waitUntil(window.workspace.undo_stack.canRedo)  # the stack follows when it was taken back
    assert project.quotes(coder="Bram") == []


def test_the_figures_and_the_resolving_step_in_dutch(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """In Dutch the κ, α, their intervals and the percentage show a decimal comma, and keeping B's codes
    is named in Dutch in Edit → Undo (the window made in Dutch)."""
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(first))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_b == "Bram")
    model = dialog.figures
    cells = [model.index(row, column).data() for row in range(model.rowCount()) for column in range(2, 8)]
    shown = [c for c in cells if isinstance(c, str) and any(ch.isdigit() for ch in c)]
    assert shown and all("." not in c for c in shown), shown
    assert any("," in c for c in shown), shown
    assert all(
        c.endswith("%") for c in (model.index(r, 2).data() for r in range(model.rowCount())) if c != "n.v.t."
    )
    row = dialog.disagreements.row_where(lambda d: d.text == "Samen kom je veel verder.")
    rect = dialog.list.visualRect(dialog.disagreements.index(row, 0))
    qtbot.mouseClick(dialog.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseClick(dialog.keep_buttons["b"], Qt.MouseButton.LeftButton)
    assert (
        window.window_actions.undo.text().replace("&", "") == "Verschil oplossen (B aanhouden) ongedaan maken"
    )


def test_packaging_and_merging_run_in_a_worker_with_progress(
    qtbot, window: MainWindow, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """A research group's project file is hundreds of megabytes: File → Second coder → Prepare
    package… copies it, and Merge a coder's project… reads the other file, off the GUI thread with a
    progress display over the window; the merge's one command too (issue 19), recorded on the undo stack
    when it committed."""
    import threading

    from PySide6.QtWidgets import QProgressDialog

    from app.agreement import second_coder
    from app.widgets.long_operation import running_operations
    from coding.refi import merge, package

    threads: dict[str, threading.Thread] = {}

    def spy(module, name):  # type: ignore[no-untyped-def]
        original = getattr(module, name)

        def wrapped(*args, **kwargs):  # type: ignore[no-untyped-def]
            threads[name] = threading.current_thread()
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, wrapped)

    spy(package, "package_for_coder")
    spy(merge, "read_merge")
    spy(merge, "apply_merge")
    out = tmp_path / "bram.codewerk"
    monkeypatch.setattr(second_coder, "ask_coder_name", lambda *_a: "Bram")
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: (str(out), ""))
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *_a, **_k: (str(out), ""))
    window.window_actions.prepare_package.trigger()  # File → Second coder → Prepare package…
    assert window.findChild(QProgressDialog, "operationProgress") is not None
    qtbot.waitUntil(lambda: "Packaged" in window.statusBar().currentMessage())
    assert out.exists() and threads["package_for_coder"] is not threading.main_thread()

    window.window_actions.merge_coder.trigger()  # File → Second coder → Merge a coder's project…
    assert window.findChild(QProgressDialog, "operationProgress") is not None
    qtbot.waitUntil(lambda: "apply_merge" in threads and not running_operations())
    assert threads["read_merge"] is not threading.main_thread()
    assert threads["apply_merge"] is not threading.main_thread()  # the one command: committed in the worker


def test_the_coders_compared_first_are_two_people_never_the_consensus_layer(
    qtbot, window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    """The supervisor (not a coder) opens the window after some disagreements were resolved: it
    compared Bram with the consensus layer (the first two names in order) instead of the two coders."""
    first, _spans = _second_coder(window)
    assert window.workspace is not None
    project = window.workspace.project
    quote = next(q for q in project.quotes() if q.document == DOC)
    project.codings.code(DOC, quote.code_id, quote.start, quote.end, coder="consensus")
    project.coder = "Marieke"
    dialog = _open_agreement(qtbot, window)
    assert {dialog.coder_a.currentData(), dialog.coder_b.currentData()} == {first, "Bram"}
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report is not None and {dialog.report.coder_a, dialog.report.coder_b} == {first, "Bram"}


def test_the_coder_name_dialog_is_wide_enough_for_its_title(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Prepare package… asks for the second coder's name in a dialog that was sized to its short field,
    so the title bar read 'Pakke… maken'. The name is typed with real keys and reaches the package step."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog

    asked: dict[str, object] = {}
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: asked.setdefault("file", ("", "")))

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QDialog):
            QTimer.singleShot(20, answer)
            return
        asked["width"] = dialog.width()
        asked["title"] = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
        qtbot.keyClicks(dialog.findChild(QLineEdit), "Bram")
        qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    window.window_actions.prepare_package.trigger()  # File → Second coder → Prepare package…
    assert asked["file"] == ("", "")  # the name was accepted: the file dialog came next
    assert int(asked["width"]) >= int(asked["title"]) + 120  # type: ignore[call-overload]


def test_the_disagreement_headers_follow_the_coders_chosen(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """With the same coder chosen twice the headers still named the coder compared before ("A: root")."""
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    header = dialog.disagreements.headerData
    dialog.coder_b.setFocus()
    while dialog.coder_b.currentData() != first:  # B: the same coder as A, by the keyboard
        qtbot.keyClick(
            dialog.coder_b,
            Qt.Key.Key_Down
            if dialog.coder_b.currentIndex() < dialog.coder_b.findData(first)
            else Qt.Key.Key_Up,
        )
    qtbot.waitUntil(lambda: dialog.report is None)
    assert dialog.coder_a.currentData() == first
    assert (header(2, Qt.Orientation.Horizontal), header(3, Qt.Orientation.Horizontal)) == (
        f"A: {first}",
        f"B: {first}",
    )


def test_the_coders_compared_first_are_those_who_coded_the_same_documents(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The user tried one coding under the login name before opening the window: it compared that name
    (one coding) with the second coder instead of the two people who coded the same transcript."""
    first, _spans = _second_coder(window)
    assert window.workspace is not None
    project = window.workspace.project
    quote = next(q for q in project.quotes() if q.document == DOC and q.coder == first)
    project.coder = "root"
    project.codings.code(DOC, "Stabiliteit", quote.start, quote.end)  # one coding, as the user "root"
    dialog = _open_agreement(qtbot, window)
    assert {dialog.coder_a.currentData(), dialog.coder_b.currentData()} == {first, "Bram"}
    qtbot.waitUntil(lambda: dialog.report is not None)
    assert dialog.report is not None and {dialog.report.coder_a, dialog.report.coder_b} == {first, "Bram"}


def test_a_second_coder_coming_in_while_the_window_is_open_is_compared(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Opened on a project of one coder the window compares that coder with itself and says two are
    needed; when a second coder's codings come in (a merge), it compares the two, as when opened then."""
    dialog = _open_agreement(qtbot, window)
    assert dialog.coder_a.currentData() == dialog.coder_b.currentData() == "demo"
    assert dialog.report is None and "two different coders" in dialog.method.text()
    _second_coder(window)  # Bram's codings come in: one change, as a merge makes
    qtbot.waitUntil(lambda: dialog.report is not None, timeout=5000)
    assert (dialog.coder_a.currentData(), dialog.coder_b.currentData()) == ("demo", "Bram")
    assert dialog.report is not None and dialog.report.coder_b == "Bram"
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("demo"))  # a pair the user chose ...
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData("Bram"))
    assert window.workspace is not None
    window.workspace.project.codings.code(DOC, "Stabiliteit", 0, 10, coder="Bram")
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_a == "Bram", timeout=5000)
    assert (dialog.coder_a.currentData(), dialog.coder_b.currentData()) == ("Bram", "demo")  # ... stays


def test_every_figure_header_is_readable_at_1366_by_768_in_dutch(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """The window as it opens beside a 1366×768 laptop's main window (1200 wide): 'Overeenstemming' was cut
    to 'Overeenstem…' while the code column took half the table; the figures' columns are now as wide as
    their header and figures, the code column takes what is left."""
    first, _spans = _second_coder(window)
    dialog = _open_agreement(qtbot, window)
    dialog.resize(1200, 740)
    dialog.coder_a.setCurrentIndex(dialog.coder_a.findData(first))
    dialog.coder_b.setCurrentIndex(dialog.coder_b.findData("Bram"))
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.coder_b == "Bram")
    QApplication.processEvents()
    header = dialog.table.horizontalHeader()
    model = dialog.figures
    labels = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "Overeenstemming" in labels
    narrow = [
        labels[c] for c in range(1, model.columnCount()) if header.sectionSize(c) < header.sectionSizeHint(c)
    ]
    assert narrow == []
    metrics = dialog.table.fontMetrics()
    for row in range(model.rowCount()):  # the intervals on one line: "[−0,600; 0,000]"
        for column in range(1, model.columnCount()):
            shown = str(model.index(row, column).data() or "")
            assert metrics.horizontalAdvance(shown) < header.sectionSize(column), (labels[column], shown)
    assert header.sectionSize(0) >= 200  # the code's name keeps room
    listed = dialog.list.horizontalHeader()  # the disagreements: the document's name whole ("R12_uwv_zwolle")
    assert listed.sectionSize(0) >= dialog.list.sizeHintForColumn(0)
    assert listed.sectionSize(5) >= 300  # the text keeps room


def _merge_dialog_folder(qtbot, window: MainWindow) -> str:  # type: ignore[no-untyped-def]
    """File → Second coder → Merge a coder's project…: the folder its file dialog opens in (then Esc)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QFileDialog

    seen: list[str] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(30, look)
            return
        seen.append(dialog.directory().absolutePath())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    QTimer.singleShot(0, look)
    window.window_actions.merge_coder.trigger()
    assert seen
    return seen[0]


def test_the_merge_dialog_opens_where_the_package_went(
    qtbot, window: MainWindow, demo_copy, tmp_path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """The coder's project comes back days later, in another session, beside the package sent: the
    merge dialog opened in the project's folder (where the last dialog of the session was)."""
    from app.agreement import second_coder

    assert _merge_dialog_folder(qtbot, window) == str(demo_copy.parent)  # nothing sent yet: the project's
    sent = tmp_path / "voor Bram"
    sent.mkdir()
    monkeypatch.setattr(second_coder, "ask_coder_name", lambda *_a: "Bram")
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *_a, **_k: (str(sent / "bram.codewerk"), ""))
    window.window_actions.prepare_package.trigger()
    qtbot.waitUntil(
        lambda: (sent / "bram.codewerk").exists() and "Packaged" in window.statusBar().currentMessage()
    )
    file_dialogs.start_in(demo_copy.parent)  # a new session: the project opened again
    assert _merge_dialog_folder(qtbot, window) == str(sent)
