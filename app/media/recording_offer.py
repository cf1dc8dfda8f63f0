"""The import summary's offer: recordings with the imported transcripts' names lie beside them.

After an import, :class:`RecordingOffer` looks in the folders the files came from for a recording
with the same stem as each new document's file (``R5.txt`` ↔ ``R5.m4a``) that has none yet; the
button *Attach 2 recordings* (its tooltip names them) attaches them all as one undoable action.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton, QWidget

from app.widgets import operations
from coding.core.ids import DocumentId

if TYPE_CHECKING:
    from coding import Project


class RecordingOffer(QPushButton):
    def __init__(self, project: Project, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recordingOffer")
        self.setAccessibleName(QCoreApplication.translate("RecordingOffer", "Attach recordings"))
        self.project = project
        self.found: list[tuple[DocumentId, Path]] = []
        self.clicked.connect(self.attach)
        self.hide()

    def offer(self, documents: Sequence[DocumentId], paths: Iterable[Path]) -> None:
        """Look beside ``paths`` (the files and folders imported) for the documents' recordings."""
        folders = sorted({path if path.is_dir() else path.parent for path in paths})
        found = operations.attempt(self, lambda: self.project.media.matching(folders, documents)) or []
        self.found = found
        self.setEnabled(True)
        self.setText(
            QCoreApplication.translate("RecordingOffer", "Attach {count} recording(s)").format(
                count=len(found)
            )
        )
        names = ", ".join(path.name for _doc, path in found)
        self.setToolTip(
            QCoreApplication.translate(
                "RecordingOffer", "Recordings with the same names lie beside the files: {names}"
            ).format(names=names)
        )
        self.setVisible(bool(found))

    def attach(self) -> None:
        found = self.found
        attached = operations.attempt(
            self,
            lambda: self.project.media.attach_found(found),
            title=QCoreApplication.translate("RecordingOffer", "Attach recordings"),
        )
        if attached is not None:
            self.setEnabled(False)
            self.setText(
                QCoreApplication.translate("RecordingOffer", "{count} recording(s) attached").format(
                    count=len(attached)
                )
            )
