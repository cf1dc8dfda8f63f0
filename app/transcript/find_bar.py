"""Find in the transcript (Ctrl+F): every hit outlined, Enter/F3 to the next, Shift+Enter back."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.transcript.transcript_view import TranscriptView


class FindBar(QWidget):
    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.view = view
        self.matches: list[tuple[int, int]] = []
        self.position = -1
        self.origin = 0
        self.field = QLineEdit(self)
        self.field.setObjectName("findField")
        self.field.setAccessibleName(QCoreApplication.translate("FindBar", "Find in transcript"))
        self.field.setPlaceholderText(QCoreApplication.translate("FindBar", "Find in transcript"))
        self.field.setClearButtonEnabled(True)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText("↑")
        previous.setToolTip(QCoreApplication.translate("FindBar", "Previous (Shift+Enter, Shift+F3)"))
        previous.setAccessibleName(QCoreApplication.translate("FindBar", "Previous match"))
        following = QToolButton(self)
        following.setText("↓")
        following.setToolTip(QCoreApplication.translate("FindBar", "Next (Enter, F3)"))
        following.setAccessibleName(QCoreApplication.translate("FindBar", "Next match"))
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip(QCoreApplication.translate("FindBar", "Close (Esc)"))
        close.setAccessibleName(QCoreApplication.translate("FindBar", "Close the find bar"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(QLabel(QCoreApplication.translate("FindBar", "Find:"), self))
        layout.addWidget(self.field, 1)
        layout.addWidget(self.count)
        layout.addWidget(previous)
        layout.addWidget(following)
        layout.addWidget(close)
        self.field.textChanged.connect(self.search)
        self.field.returnPressed.connect(self.next)
        previous.clicked.connect(self.previous)
        following.clicked.connect(self.next)
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence("Shift+Return"), self.field, self.previous)
        QShortcut(
            QKeySequence(Qt.Key.Key_Escape),
            self,
            self.close_bar,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        self.setVisible(False)

    def open_bar(self) -> None:
        self.setVisible(True)
        span = self.view.selection_span()
        self.origin = span[0] if span else self.view.cursor_offset()
        if span is not None and span[1] - span[0] < 80 and "\n" not in self.view.text[span[0] : span[1]]:
            self.field.setText(self.view.text[span[0] : span[1]])
        self.field.setFocus()
        self.field.selectAll()
        self.search(self.field.text())

    def close_bar(self) -> None:
        self.setVisible(False)
        self.view.set_search_matches([])
        self.view.setFocus()

    def search(self, needle: str) -> None:
        """Case-insensitive search over the stored text (code points)."""
        needle = needle.strip()
        if not needle:
            self.matches = []
        else:
            self.matches = [
                (m.start(), m.end()) for m in re.finditer(re.escape(needle), self.view.text, re.IGNORECASE)
            ]
        self.view.set_search_matches(self.matches)
        self.position = -1
        if self.matches:
            self.position = next((i for i, (s, _e) in enumerate(self.matches) if s >= self.origin), 0) - 1
            self.next()
        else:
            self.count.setText(QCoreApplication.translate("FindBar", "no match") if needle else "")

    def _show(self) -> None:
        start, end = self.matches[self.position]
        self.view.select_span(start, end, centre=True)
        self.count.setText(
            QCoreApplication.translate("FindBar", "{number} of {count}").format(
                number=self.position + 1, count=len(self.matches)
            )
        )

    def next(self) -> None:
        if self.matches:
            self.position = (self.position + 1) % len(self.matches)
            self._show()

    def previous(self) -> None:
        if self.matches:
            self.position = (self.position - 1) % len(self.matches)
            self._show()
