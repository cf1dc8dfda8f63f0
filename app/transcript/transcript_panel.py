"""The central area: the open document's name and attributes, the transcript view, the find bar."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.transcript.find_bar import FindBar
from app.transcript.transcript_view import TranscriptView
from app.widgets.elided_label import ElidedLabel
from coding.core.attributes import known_value
from coding.core.records import DocumentInfo

#: The attributes the header names after the document, in this order.
HEADER_ATTRIBUTES = ("respondent", "region", "role", "date")


class TranscriptPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcriptPanel")
        # One line, cut with “…” when narrow (full text on hover): a long name never widens the window.
        self.header = QWidget(self)
        self.header.setObjectName("documentHeader")
        self.title = ElidedLabel("", self.header)
        self.title.setObjectName("documentTitle")
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title.setFont(font)
        self.facts = ElidedLabel("", self.header)
        self.facts.setObjectName("documentFacts")
        self.facts.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # grey in light and dark themes
        row = QHBoxLayout(self.header)
        row.setContentsMargins(8, 6, 8, 4)
        row.setSpacing(12)
        row.addWidget(self.title)
        row.addWidget(self.facts)
        row.addStretch(1)
        self.view = TranscriptView(self)
        self.find_bar = FindBar(self.view, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.find_bar)
        self.set_header(None)

    def header_text(self) -> str:
        """The header's whole text (what the two labels hold, elided or not)."""
        return f"{self.title.text()}  {self.facts.text()}".strip()

    def set_header(self, document: DocumentInfo | None, *, no_documents: bool = False) -> None:
        """The document's name and facts; without one, what to do: choose a document, or (a project
        with ``no_documents``) import some."""
        if document is None:
            self.title.setText("")
            self.facts.setText(
                QCoreApplication.translate(
                    "TranscriptPanel",
                    "No documents yet: File → Import documents…, or drop transcripts on Documents.",
                )
                if no_documents
                else QCoreApplication.translate(
                    "TranscriptPanel", "Choose a document in the Documents panel to read and code it."
                )
            )
            return
        found = (known_value(document.attributes, key) for key in HEADER_ATTRIBUTES)  # "regio" too
        attributes = [value for value in found if value]
        self.title.setText(document.name)
        self.facts.setText(
            " · ".join(
                [
                    *attributes,
                    QCoreApplication.translate("TranscriptPanel", "{count} coding(s)").format(
                        count=document.coding_count
                    ),
                ]
            )
        )
