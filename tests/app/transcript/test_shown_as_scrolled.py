"""A long transcript is formatted and its stripes laid out as it is shown: scrolling to the end
with the keyboard paints the speaker labels and the stripes there, the same as a whole layout."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from app.shell.main_window import MainWindow
from coding.core.ids import PassageId
from coding.passages.stripe_layout import layout_stripes, line_starts
from tests.app.window_helpers import open_document


def _formatted(window: MainWindow, number: int) -> str:
    """The text of block ``number`` its layout formats (the speaker label, bold, with its timestamp)."""
    block = window.view.document().findBlockByNumber(number)
    ranges = block.layout().formats()
    if ranges and not any(r.format.fontWeight() == QFont.Weight.Bold for r in ranges):
        return ""  # a timestamp alone: not a label
    return "".join(block.text()[r.start : r.start + r.length] for r in ranges)


def _labelled_blocks(window: MainWindow) -> list[tuple[int, str]]:
    """(block number, label text) of every turn with a label, in the order of the text."""
    view = window.view
    out = []
    for turn in view.turns:
        if turn.body_start > turn.start:
            block = view.document().findBlock(view.to_qt(turn.start))
            out.append((block.blockNumber(), view.text[turn.start : turn.body_start]))
    return out


def test_scrolling_to_the_end_formats_labels_and_lays_out_stripes_there(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    workspace = window.workspace
    assert workspace is not None
    # the transcript tall enough (the Quotes panel at 30 % of the window) that the last lines shown
    # hold the transcript's last coded passage, whose stripe is checked below
    window.resizeDocks([window.quotes_dock], [int(window.height() * 0.3)], Qt.Orientation.Vertical)
    QApplication.processEvents()
    longest = max(workspace.project.documents.list(), key=lambda d: d.length)
    open_document(window, longest.name)
    view = window.view
    view.setFocus()
    view.repaint()
    labelled = _labelled_blocks(window)
    first_shown, last_shown = view.visible_blocks()
    assert labelled and labelled[-1][0] > last_shown  # the end is off screen: not formatted yet
    on_screen = [(n, label) for n, label in labelled if first_shown <= n <= last_shown]
    assert on_screen and all(_formatted(window, n) == label for n, label in on_screen)
    assert _formatted(window, labelled[-1][0]) == ""

    qtbot.keyClick(view, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    QApplication.processEvents()
    view.repaint()
    view.margin.repaint()
    first_shown, last_shown = view.visible_blocks()
    assert last_shown == view.document().blockCount() - 1
    number, label = labelled[-1]
    assert _formatted(window, number) == label

    whole = layout_stripes(view.index, line_starts(view.text), view.code_tree().order())
    shown = view.margin.visible_stripes()
    assert shown  # the stripes beside the end of the transcript
    expected = {s for s in whole.stripes if view.span_extent(s.start, s.end) is not None}
    assert {stripe for _top, _bottom, stripe in shown} == expected
    assert view.stripes.lanes == whole.lanes
    assert view.stripes.of(PassageId(view.index.passages[-1].id))
