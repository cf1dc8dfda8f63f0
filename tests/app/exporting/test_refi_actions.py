"""File → Import/Export of REFI-QDA files from the window: dialogs, report, refusal, undo."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox

from app.exporting import refi_actions
from app.shell.undo_stack import UndoStackRecorder
from app.widgets import file_dialogs
from coding import Project
from tests.app.conftest import SCREENSHOTS
from tests.coding.refi.helpers import guid, write_qdpx


def _window(qtbot, project: Project) -> tuple[QMainWindow, list]:  # type: ignore[no-untyped-def]
    window = QMainWindow()
    qtbot.addWidget(window)
    file_menu = window.menuBar().addMenu("File")
    actions = refi_actions.install(
        file_menu.addMenu("Import"), file_menu.addMenu("Export"), window, lambda: project
    )
    return window, actions


def test_export_and_import_through_the_menu(
    qtbot, coded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    window, (import_action, export_project, export_codebook) = _window(qtbot, coded_project)
    assert [a.text() for a in (import_action, export_project, export_codebook)] == [
        "Import a REFI-QDA project or codebook (.qdpx, .qdc)…",
        "Export as a REFI-QDA project (.qdpx)…",
        "Export the codebook as REFI-QDA (.qdc)…",
    ]
    target = tmp_path / "uit"  # the suffix is added
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(target), PROJECT_FILTER))
    export_project.trigger()  # written in a worker thread
    qtbot.waitUntil((tmp_path / "uit.qdpx").exists, timeout=20_000)
    export_codebook.trigger()
    qtbot.waitUntil((tmp_path / "uit.qdc").exists, timeout=20_000)
    qtbot.waitUntil(lambda: "Exported uit.qdc" in window.statusBar().currentMessage(), timeout=20_000)

    foreign = write_qdpx(
        tmp_path / "atlas.qdpx",
        f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x">
        <CodeBook><Codes><Code guid="{guid(1)}" name="Nieuw inzicht" isCodable="true" color="#336699"/></Codes></CodeBook>
        <Sources>
          <TextSource guid="{guid(2)}" name="Veldnotitie"><PlainTextContent>Gesprek met de wethouder.</PlainTextContent>
            <PlainTextSelection guid="{guid(3)}" startPosition="12" endPosition="24">
              <Coding guid="{guid(4)}"><CodeRef targetGUID="{guid(1)}"/></Coding></PlainTextSelection>
            <PlainTextSelection guid="{guid(5)}" startPosition="0" endPosition="7"/>
          </TextSource>
          <PictureSource guid="{guid(6)}" name="Whiteboard" path="internal://wb.png"/>
        </Sources></Project>""",
    )
    stack = QUndoStack()
    UndoStackRecorder(coded_project, stack)
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(foreign), ""))
    import_action.trigger()  # read in a worker thread, merged on the GUI thread
    qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
    box = next(w for w in window.findChildren(QMessageBox))
    assert box.text().startswith("Imported from atlas.qdpx: 1 code, 1 document, 1 passage, 1 coding")
    assert "PictureSource 'Whiteboard': is a picture" in box.detailedText()
    details = next(b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole)
    details.click()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    box.grab().save(str(SCREENSHOTS / "refi_import_report.png"))
    assert [q.text for q in coded_project.quotes("Nieuw inzicht")] == ["de wethouder"]
    assert stack.count() == 1 and stack.undoText() == "Import atlas.qdpx"
    stack.undo()
    assert coded_project.documents.list()[-1].name != "Veldnotitie"


PROJECT_FILTER = refi_actions.PROJECT_FILTER


def test_a_refused_file_shows_the_reason_and_changes_nothing(
    qtbot, coded_project: Project, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    window, _actions = _window(qtbot, coded_project)
    bad = write_qdpx(tmp_path / "bad.qdpx", "<Project/>", {"../../x": "x"})
    operation = refi_actions.import_exchange_file(window, coded_project, bad)
    assert operation is not None
    with qtbot.waitSignal(operation.failed, timeout=20_000):
        pass
    box = window.findChildren(QMessageBox)[0]
    assert box.windowTitle() == "Import refused"
    assert "bad.qdpx: refused: the entry '../../x' points outside the archive" in box.text()
    assert len(coded_project.documents.list()) == 1


def test_cancelled_dialogs_do_nothing(qtbot, coded_project: Project, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window, _actions = _window(qtbot, coded_project)
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: ("", ""))
    monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: ("", ""))
    assert refi_actions.export_exchange(window, coded_project) is None
    assert refi_actions.import_exchange_file(window, coded_project) is None
    assert window.findChildren(QMessageBox) == []


def test_the_export_shows_progress_and_its_cancel_button_stops_it(
    qtbot, coded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: the .qdpx export runs in the worker with progress and a Cancel button."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from coding.refi import project_writer

    window, (_import, export_project, _codebook) = _window(qtbot, coded_project)
    target = tmp_path / "uit.qdpx"
    monkeypatch.setattr(file_dialogs, "save_file_name", lambda *a, **k: (str(target), PROJECT_FILTER))
    clicked = threading.Event()
    original = project_writer._ProjectXml.write

    def write_after_the_click(self, out, advance=None):  # type: ignore[no-untyped-def]
        clicked.wait(20)
        original(self, out, advance)

    monkeypatch.setattr(project_writer._ProjectXml, "write", write_after_the_click)
    export_project.trigger()
    dialog = window.findChild(QProgressDialog, "operationProgress")
    assert dialog is not None
    dialog.show()
    qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
    clicked.set()
    qtbot.waitUntil(lambda: "cancelled" in window.statusBar().currentMessage(), timeout=20_000)
    assert window.statusBar().currentMessage() == "Export to uit.qdpx cancelled; nothing was written"
    assert not target.exists() and [p for p in tmp_path.iterdir() if p.suffix == ".qdpx"] == []


def test_the_import_reads_in_the_worker_with_progress_and_cancel_leaves_the_project_as_it_was(
    qtbot, coded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """Issue 19: File → Import of a .qdpx reads it in a worker (progress per source, Cancel)."""
    import threading

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog, QPushButton

    from coding.refi import project_reader

    window, _actions = _window(qtbot, coded_project)
    exported = coded_project.export(tmp_path / "copy.qdpx")
    other = tmp_path / "other.codewerk"
    with Project.create(other, codebook=None) as target:
        clicked = threading.Event()
        original = project_reader._Reader.source

        def source_after_the_click(self, element, project):  # type: ignore[no-untyped-def]
            clicked.wait(20)
            original(self, element, project)

        monkeypatch.setattr(project_reader._Reader, "source", source_after_the_click)
        operation = refi_actions.import_exchange_file(window, target, exported)
        assert operation is not None
        dialog = window.findChild(QProgressDialog, "operationProgress")
        dialog.show()
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        clicked.set()
        with qtbot.waitSignal(operation.finished, timeout=20_000) as finished:
            pass
        assert finished.args == [None]
        assert window.statusBar().currentMessage() == "Import of copy.qdpx cancelled; nothing was changed"
        assert target.documents.list() == [] and not target.history.can_undo

        monkeypatch.setattr(project_reader._Reader, "source", original)
        steps: list[tuple[int, int]] = []
        operation = refi_actions.import_exchange_file(window, target, exported)
        assert operation is not None
        operation.progressed.connect(lambda done, total, _name: steps.append((done, total)))
        with qtbot.waitSignal(operation.finished, timeout=20_000):
            pass
        documents = len(coded_project.documents.list())
        assert steps[-1] == (documents, documents)
        assert [d.name for d in target.documents.list()] == [d.name for d in coded_project.documents.list()]
        assert target.history.can_undo


def test_the_import_report_and_its_undo_step_in_dutch(
    qtbot, coded_project: Project, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    from app.shell import translation
    from app.shell.application import application

    application()
    monkeypatch.setenv("CODEWERK_LANGUAGE", "nl")
    assert translation.install() == "nl"
    try:
        window, (import_action, _project, _codebook) = _window(qtbot, coded_project)
        foreign = write_qdpx(
            tmp_path / "atlas.qdpx",
            f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x">
            <CodeBook><Codes><Code guid="{guid(1)}" name="Nieuw inzicht" isCodable="true"/></Codes></CodeBook>
            <Sources>
              <TextSource guid="{guid(2)}" name="Veldnotitie"><PlainTextContent>Gesprek met de wethouder.</PlainTextContent>
                <PlainTextSelection guid="{guid(3)}" startPosition="12" endPosition="24">
                  <Coding guid="{guid(4)}"><CodeRef targetGUID="{guid(1)}"/></Coding></PlainTextSelection>
              </TextSource>
              <PictureSource guid="{guid(6)}" name="Whiteboard" path="internal://wb.png"/>
            </Sources></Project>""",
        )
        stack = QUndoStack()
        UndoStackRecorder(coded_project, stack)
        monkeypatch.setattr(file_dialogs, "open_file_name", lambda *a, **k: (str(foreign), ""))
        import_action.trigger()
        qtbot.waitUntil(lambda: bool(window.findChildren(QMessageBox)), timeout=20_000)
        box = next(w for w in window.findChildren(QMessageBox))
        assert box.text().startswith(
            "Geïmporteerd uit atlas.qdpx: 1 code, 1 document, 1 fragment, 1 codering"
        )
        assert (
            "PictureSource 'Whiteboard': is een afbeelding; Codewerk importeert tekst" in box.detailedText()
        )
        assert stack.undoText() == "atlas.qdpx importeren"
    finally:
        monkeypatch.setenv("CODEWERK_LANGUAGE", "en")
        translation.install("en")
