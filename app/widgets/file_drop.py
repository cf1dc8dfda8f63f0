"""Files and folders dragged from the file manager: the paths in a drag, and a drop target for any widget.

The import dialog accepts drops itself; any other widget (the document list) becomes a drop target
with one line::

    drop = FileDropTarget(self.documents_dock.tree)      # a view: its viewport takes the drop
    drop.filesDropped.connect(window.import_paths)        # list[Path] → open the import dialog

Only local files and folders Codewerk can import are taken; any other drag (a passage, codes)
goes on to the widget as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QUrl, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractScrollArea, QWidget


def dropped_paths(data: QMimeData | None) -> list[Path]:
    """The local files and folders of a drag that Codewerk can import (folders: their transcripts)."""
    if data is None or not data.hasUrls():
        return []
    return importable(Path(url.toLocalFile()) for url in data.urls() if url.isLocalFile())


def importable(paths: Iterable[Path]) -> list[Path]:
    """Folders, and files of a supported type; in the order given, without repeats."""
    from coding.importing.parsers import SUPPORTED_EXTENSIONS  # the parsers load with the first drag

    out: list[Path] = []
    for path in paths:
        if path in out:
            continue
        if path.is_dir() or (path.is_file() and path.suffix.lower() in SUPPORTED_EXTENSIONS):
            out.append(path)
    return out


def paths_mime(paths: Iterable[Path]) -> QMimeData:
    """A drag payload of local files, as a file manager makes it (for tests and internal drags)."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path)) for path in paths])
    return data


class FileDropTarget(QObject):
    """Makes ``widget`` (a view: its viewport) accept files and folders; emits ``filesDropped(list[Path])``."""

    filesDropped = Signal(list)

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        target = widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget
        target.setAcceptDrops(True)
        target.installEventFilter(self)
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Takes drags of files; every other drag goes on to the widget as before."""
        if event.type() not in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop):
            return super().eventFilter(watched, event)
        assert isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent)
        paths = dropped_paths(event.mimeData())
        if not paths:
            return super().eventFilter(watched, event)
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.filesDropped.emit(paths)
        return True
