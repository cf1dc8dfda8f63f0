"""The code picker of Code → Code with… (Ctrl+K, the toolbar), the window's most used dialog, speaks Dutch:
its title and heading were "Code the selection with…" in the Dutch window."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from app.codebook.code_picker import CodePicker
from app.shell.main_window import MainWindow
from tests.app.window_helpers import open_document, select_text


def test_the_code_picker_of_code_with_is_dutch(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    shown: list[CodePicker] = []
    window.controller.pick_code = shown.append  # the picker as the window would show it
    open_document(window, "R12_uwv_zwolle")
    select_text(window, "Samen kom je veel verder.")
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    assert len(shown) == 1
    picker = shown[0]
    assert picker.windowTitle() == "De selectie coderen met…"
    assert "De selectie coderen met…" in [label.text() for label in picker.findChildren(QLabel)]


def test_the_export_dialog_proposes_dutch_file_names(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """File → Export proposed demo-region.xlsx, demo-region-quotes.docx and demo-review.docx in the Dutch
    window: now the names a Dutch student would give them."""
    from app.exporting.export_dialog import ExportDialog

    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)  # File → Export…
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ExportDialog)))
    dialog = next(d for d in window.findChildren(ExportDialog) if d.isVisible())
    stem = window.workspace.project.path.stem
    names = {}
    for row in range(dialog.format_box.count()):
        dialog.format_box.setFocus()
        while dialog.format_box.currentIndex() != row:
            qtbot.keyClick(dialog.format_box, Qt.Key.Key_Down)
        names[row] = dialog.path_edit.text().rsplit("/", 1)[-1]
    assert names[0] == f"{stem}-regio.xlsx"
    assert f"{stem}-regio-citaten.docx" in names.values()
    assert f"{stem}-beoordeling.docx" in names.values() and f"{stem}-beoordeling.xlsx" in names.values()
    assert any(name.endswith("-gecodeerd.docx") for name in names.values())
    dialog.reject()


def test_a_supervisors_marks_show_in_dutch_in_the_quotes_dock(dutch, qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Another reviewer's marks (a supervisor's review read back) showed as "(question)" in the Dutch window."""
    from app.quotes.quote_cells import REVIEW

    assert window.workspace is not None
    project = window.workspace.project
    quote = project.quotes("Vertrouwen")[0]
    project.reviews.mark(quote.coding_id, "question", "bron?", reviewer="Dr. Jansen")
    QApplication.processEvents()
    model = window.quotes_dock.model
    assert model is not None
    model.set_codes([project.codes.resolve("Vertrouwen").id])
    model.flush()
    qtbot.waitUntil(lambda: any(q.coding_id == quote.coding_id for q in model.quotes()))
    row = next(r for r, q in enumerate(model.quotes()) if q.coding_id == quote.coding_id)
    qtbot.waitUntil(lambda: model.index(row, REVIEW).data() == "(? vraag)")
