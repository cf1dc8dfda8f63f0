"""The central area: the open document's name and attributes, the transcript view, the find bar."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from app.transcript.find_bar import FindBar
from app.transcript.transcript_view import TranscriptView
from coding.core.records import DocumentInfo


class TranscriptPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptPanel")
        self.header = QLabel(self)
        self.header.setObjectName("documentHeader")
        self.header.setContentsMargins(8, 6, 8, 4)
        self.view = TranscriptView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.set_header(None)

    def set_header(self, document: DocumentInfo | None) -> None:
        if document is None:
            self.header.setText(
                "<span style='color:gray'>Choose a document in the Documents panel to read and code it.</span>"
            )
            return
        attributes = " · ".join(
            html.escape(document.attributes[key])
            for key in ("respondent", "region", "role", "date")
            if document.attributes.get(key)
        )
        self.header.setText(
            f"<b style='font-size:large'>{html.escape(document.name)}</b>"
            f"&nbsp;&nbsp;<span style='color:gray'>{attributes} · {document.coding_count} coding(s)</span>"
        )
