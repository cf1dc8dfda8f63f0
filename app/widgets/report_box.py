"""The message box an import reports with: its first line as the text, a summary below it, and every
further line under "Show Details…" (at most :data:`MAX_LISTED`, then one line saying how many more).
Closed, it deletes itself; the caller opens it (``box.open()``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

#: Lines listed under "Show Details…" at the most (a list of thousands only slows the box down).
MAX_LISTED = 500


def report_box(
    parent: QWidget | None,
    title: str,
    lines: Sequence[str],
    *,
    complete: bool,
    summary: str = "",
    more: Callable[[int], str],
) -> QMessageBox:
    """``lines``: the report, its first line the headline. ``complete``: an information box, else a
    warning. ``more(count)``: the line that stands for the ``count`` lines not listed."""
    icon = QMessageBox.Icon.Information if complete else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, lines[0], QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if summary:
        box.setInformativeText(summary)
    details = list(lines[1:])
    if details:
        shown = details[:MAX_LISTED]
        if len(details) > MAX_LISTED:
            shown.append(more(len(details) - MAX_LISTED))
        box.setDetailedText("\n".join(shown))
    return box
