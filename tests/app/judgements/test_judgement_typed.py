"""A justification typed in the Compare view is never lost: moving to another cell saves it, and while a
long action writes in a worker (an import, a merge) it is kept and saved as soon as that is done."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from app.judgements.compare_view import CompareView
from app.shell.project_bridge import ProjectBridge
from app.widgets import long_operation
from app.widgets.long_operation import running_operations
from app.widgets.worker_write import write_in_worker
from coding import Project
from tests.app.judgements.test_compare_view import click_cell
from tests.regions import LONG_A, LONG_B, Regions, build_regions


@pytest.fixture
def regions(project: Project) -> Regions:
    return build_regions(project)


@pytest.fixture
def view(qtbot, regions: Regions) -> Iterator[CompareView]:  # type: ignore[no-untyped-def]
    bridge = ProjectBridge(regions.project)
    widget = CompareView(bridge)
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    bridge.detach()


def judge(qtbot, view: CompareView, score: str, note: str) -> None:  # type: ignore[no-untyped-def]
    editor = view.editor
    editor.score_box.setCurrentIndex(editor.score_box.findText(score))
    qtbot.mouseClick(editor.justification.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(editor.justification, note)


def stored(path: object, value: str) -> tuple[str, str] | None:
    with Project.open(path) as reopened:  # type: ignore[arg-type]
        found = [
            (j.score, j.justification) for j in reopened.judgements.list(by="region") if j.value == value
        ]
    return found[0] if found else None


def test_a_justification_left_for_another_cell_is_saved(qtbot, view: CompareView, regions: Regions) -> None:  # type: ignore[no-untyped-def]
    click_cell(qtbot, view, regions.trust, LONG_A)
    judge(qtbot, view, "+/+", "goede klik tussen wethouders")
    click_cell(qtbot, view, regions.trust, LONG_B)
    assert view.editor.title.text().startswith(f"Vertrouwen × {LONG_B}")
    assert stored(regions.project.path, LONG_A) == ("+/+", "goede klik tussen wethouders")


def test_a_justification_left_while_an_import_writes_is_saved_when_it_is_done(  # type: ignore[no-untyped-def]
    qtbot, view: CompareView, regions: Regions
) -> None:
    project = regions.project
    click_cell(qtbot, view, regions.trust, LONG_A)
    judge(qtbot, view, "-", "afspraken worden niet nagekomen")
    release = threading.Event()

    def work(_progress: long_operation.Progress) -> None:
        assert release.wait(30)
        project.codes.create("Tussendoor")

    assert write_in_worker(view, project, work, title="Import studie.qdpx", show="none") is not None
    click_cell(qtbot, view, regions.trust, LONG_B)  # saved on leaving the cell: refused while writing
    assert view.editor.title.text().startswith(f"Vertrouwen × {LONG_B}")
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    qtbot.waitUntil(lambda: stored(project.path, LONG_A) is not None, timeout=5_000)
    assert stored(project.path, LONG_A) == ("-", "afspraken worden niet nagekomen")


def test_back_at_a_cell_whose_save_was_kept_the_editor_shows_what_was_typed(  # type: ignore[no-untyped-def]
    qtbot, view: CompareView, regions: Regions
) -> None:
    """While an import writes, a judgement left for another cell is kept; coming back to it showed what is
    stored (nothing yet), as if the score, justification and evidence typed were gone."""
    project = regions.project
    editor = view.editor
    click_cell(qtbot, view, regions.trust, LONG_A)
    judge(qtbot, view, "-", "afspraken worden niet nagekomen")
    editor.passage_list.setCurrentIndex(editor.passages.index(0))
    editor.passage_list.setFocus()
    qtbot.keyClick(editor.passage_list, Qt.Key.Key_Space)  # checked: evidence
    evidence = editor.passages.evidence()
    assert evidence
    release = threading.Event()
    seen: list[tuple[str, str] | None] = []

    def work(_progress: long_operation.Progress) -> None:
        assert release.wait(30)

    writing = write_in_worker(
        view,
        project,
        work,
        title="Import studie.qdpx",
        show="none",
        success=lambda _value: seen.append(stored(project.path, LONG_A)),
    )
    assert writing is not None
    click_cell(qtbot, view, regions.trust, LONG_B)  # kept: refused while writing
    click_cell(qtbot, view, regions.trust, LONG_A)  # and back
    assert editor.title.text().startswith(f"Vertrouwen × {LONG_A}")
    assert editor.score() == "-"
    assert editor.justification.toPlainText() == "afspraken worden niet nagekomen"
    assert editor.passages.evidence() == evidence
    assert stored(project.path, LONG_A) is None  # still kept, not saved
    release.set()
    qtbot.waitUntil(lambda: not running_operations(), timeout=30_000)
    # saved as the write ended (before what the action does when it is done), not some time later
    assert seen == [("-", "afspraken worden niet nagekomen")]
    assert project.comparison.grid().cell(regions.trust, LONG_A).evidence == tuple(evidence)
