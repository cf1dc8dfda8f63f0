"""A combo box of all codes in codebook order; type to find a code by any part of its name."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPixmap
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from coding.core.ids import CodeId
from coding.core.records import CodeTree

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _swatch(colour: str) -> QPixmap:
    pixmap = QPixmap(10, 10)
    pixmap.fill(QColor(colour))
    return pixmap


class CodeComboBox(QComboBox):
    """Codes as "Vertrouwen › Betrouwbaarheid (4a)"; ``code_id()`` is the chosen one.

    With ``any_label`` the first entry stands for "no code chosen" (``code_id()`` is ``None``).
    """

    def __init__(self, parent: QWidget | None = None, *, any_label: str | None = None) -> None:
        super().__init__(parent)
        self._any_label = any_label
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMinimumContentsLength(28)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        completer = QCompleter(self.model(), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)

    def set_tree(self, tree: CodeTree) -> None:
        chosen = self.code_id()
        self.blockSignals(True)
        self.clear()
        if self._any_label is not None:
            self.addItem(self._any_label, None)
        names = Counter(code.name for code in tree)
        for code in tree:
            name = " › ".join(code.path[-2:]) if names[code.name] > 1 and code.depth else code.name
            if code.question:
                name += f" ({code.question})"
            self.addItem(_swatch(code.colour), name, code.id)
            self.setItemData(self.count() - 1, code.path_text, Qt.ItemDataRole.ToolTipRole)
        self.blockSignals(False)
        if chosen is not None:
            self.set_code(chosen)

    def code_id(self) -> CodeId | None:
        index = self.findText(self.currentText(), Qt.MatchFlag.MatchExactly)
        if index < 0:
            return None
        value = self.itemData(index)
        return None if value is None else CodeId(int(value))

    def set_code(self, code_id: CodeId | None) -> None:
        if code_id is None:
            if self._any_label is not None:
                self.setCurrentIndex(0)
            return
        index = self.findData(code_id)
        if index >= 0:
            self.setCurrentIndex(index)
