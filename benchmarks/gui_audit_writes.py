"""The audit's bulk writes and their undo and redo (issue 19), run by :mod:`benchmarks.gui_audit`.

Each action is driven the way its window does it (the Speakers dialog's code turns, the guide
window's Code confirmed answers, the Codebook dock's Merge and Delete, File → Import supervisor's
review, the Suggestions window's Accept all), then Edit → Undo and Edit → Redo of it. What the
action needs is prepared by the script first and not measured: guide matches confirmed, a review
workbook of one concept with every quote marked, the suggestions of one code stored.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.shell.main_window import MainWindow

Measure = Callable[..., None]

WRITES = (
    "code turns of a speaker",
    "guide code answers",
    "merge two codes",
    "delete a code",
    "import review",
    "accept all suggestions",
)


def wanted(only: set[str], name: str) -> bool:
    return not only or any(part in name for part in only)


def run_writes(window: MainWindow, measure: Measure, only: set[str], scratch: Path) -> None:
    """Each write, then undo and redo of it (``NAME``, ``undo NAME``, ``redo NAME``)."""
    workspace = window.workspace
    assert workspace is not None
    project = workspace.project
    tree = project.codes.tree()

    def with_undo(name: str, action: Callable[[], Any], done: Callable[[], bool] | None = None) -> None:
        measure(name, action, done)
        measure(f"undo {name}", workspace.undo)
        measure(f"redo {name}", workspace.redo)

    counts = project.codes.counts(include_subcodes=True)
    biggest = sorted(tree.roots(), key=lambda c: -counts.get(c.id, 0))  # concepts, most codings first

    if wanted(only, "code turns of a speaker"):
        from app.speakers.speakers_dialog import SpeakersDialog

        dialog = SpeakersDialog(project, window, workspace=workspace)
        code = biggest[-1]
        with_undo("code turns of a speaker", lambda: dialog.code_turns(code.id, ["I"]))
        dialog.close()

    if wanted(only, "guide code answers"):
        from app.guide.guide_window import OBJECT_NAME, GuideWindow, show_guide

        questions = [q for q in project.guide.questions() if q.code_id is not None]
        ref = questions[0].ref
        matching = project.guide.match()
        with project.group("Confirm"):  # not measured: what a researcher confirmed in the Matches tab
            for match in matching.matches:
                if match.question == ref:
                    project.guide.decide(match.document, match.start, ref, "confirmed")
        show_guide(window)
        guide = window.findChild(GuideWindow, OBJECT_NAME)
        assert guide is not None
        measure("guide code answers: the window opening", lambda: None, lambda: guide.building is None)
        row = next(r for r in range(guide.model.rowCount()) if guide.model.entry(r).ref == ref)
        guide.table.setCurrentIndex(guide.model.index(row, 0))
        with_undo("guide code answers", guide.code_confirmed)

    dock = window.codebook_dock
    dock.confirm = lambda *_args: True
    if wanted(only, "merge two codes"):
        source, target = biggest[0], biggest[1]
        with_undo("merge two codes", lambda: dock._merge_into(tree.get(source.id), target.id))

    if wanted(only, "delete a code"):
        victim = biggest[2]

        def delete() -> None:
            dock.select_code(victim.id)
            dock.delete()

        with_undo("delete a code", delete)

    if wanted(only, "import review"):
        from app.reviews.review_actions import import_review_file

        concept = biggest[3]
        path = scratch / "review.xlsx"
        path.unlink(missing_ok=True)
        project.export(path, kind="review", reviewer="Supervisor", codes=[concept.id])
        _mark_every_quote(path)
        with_undo("import review", lambda: import_review_file(window, project, path))

    if wanted(only, "accept all suggestions"):
        queue_code = biggest[4]
        found = project.assist.suggestions.candidates(queue_code.id)
        project.assist.suggestions.store(queue_code.id, found)  # not measured: what Find stored
        window.search()
        language = window.language_window
        assert language is not None
        queue = language.suggestions
        language.tabs.setCurrentWidget(queue)
        queue.scope.setCurrentIndex(queue.scope.findData(queue_code.id))
        measure("accept all suggestions: listing one code's", lambda: None, lambda: queue.reading is None)
        with_undo("accept all suggestions", queue.accept_all)


def _mark_every_quote(path: Path) -> None:
    """The supervisor agrees with every quote (the review column of each quote row)."""
    from openpyxl import load_workbook

    from coding.reviews.review_layout import ID_COLUMN, QUOTE_BLOCK, REVIEW_COLUMN

    book = load_workbook(path)
    for sheet in book.worksheets:
        quotes = False
        for row in sheet.iter_rows(min_row=1):
            ident = row[ID_COLUMN - 1].value if len(row) >= ID_COLUMN else None
            if ident in (QUOTE_BLOCK,) or (isinstance(ident, str) and ident.startswith("codewerk:")):
                quotes = ident == QUOTE_BLOCK
                continue
            if quotes and ident:
                row[REVIEW_COLUMN - 1].value = "agreed"
    book.save(path)
