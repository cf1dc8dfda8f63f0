"""New code: its name and its colour (a distinct palette colour chosen for you, or one you pick).

A subcode shares its concept's colour unless another is picked here.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from coding.codebook.code_colours import PALETTE

SWATCHES_PER_ROW = 11


def _swatch(colour: str, size: int = 18) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


class NewCodeDialog(QDialog):
    """Asks a name and a colour; ``name()`` and ``colour()`` after it was accepted."""

    def __init__(self, parent: QWidget | None, label: str, colour: str) -> None:
        super().__init__(parent)
        self.setObjectName("newCodeDialog")
        self.setWindowTitle(QCoreApplication.translate("NewCodeDialog", "New code"))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("newCodeName")
        self._colour = colour.lower()
        self.swatches = QButtonGroup(self)
        self.swatches.setExclusive(True)
        grid = QGridLayout()
        grid.setSpacing(3)
        choices = list(PALETTE) if self._colour in PALETTE else [self._colour, *PALETTE]
        for number, choice in enumerate(choices):
            button = QToolButton(self)
            button.setObjectName(f"swatch{choice}")
            button.setCheckable(True)
            button.setIcon(_swatch(choice))
            button.setIconSize(QSize(18, 18))
            button.setToolTip(choice)
            button.setProperty("colour", choice)
            button.setChecked(choice == self._colour)
            self.swatches.addButton(button)
            grid.addWidget(button, number // SWATCHES_PER_ROW, number % SWATCHES_PER_ROW)
        self.swatches.buttonClicked.connect(lambda button: self._set_colour(str(button.property("colour"))))
        self.other_button = QToolButton(self)
        self.other_button.setObjectName("otherColour")
        self.other_button.setText(QCoreApplication.translate("NewCodeDialog", "Other…"))
        self.other_button.clicked.connect(self._pick_other)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(label, self))
        layout.addWidget(self.name_edit)
        layout.addWidget(QLabel(QCoreApplication.translate("NewCodeDialog", "Colour:"), self))
        layout.addLayout(grid)
        layout.addWidget(self.other_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self._update()

    def name(self) -> str:
        return self.name_edit.text().strip()

    def colour(self) -> str:
        return self._colour

    def _set_colour(self, colour: str) -> None:
        self._colour = colour.lower()

    def _pick_other(self) -> None:
        chosen = QColorDialog.getColor(
            QColor(self._colour), self, QCoreApplication.translate("NewCodeDialog", "Code colour")
        )
        if chosen.isValid():
            self._set_colour(chosen.name())
            checked = self.swatches.checkedButton()
            if checked is not None:
                self.swatches.setExclusive(False)
                checked.setChecked(False)
                self.swatches.setExclusive(True)
            self.other_button.setIcon(_swatch(self._colour))

    def _update(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name()))


def ask_new_code(parent: QWidget, label: str, colour: str) -> tuple[str, str] | None:
    """The name and colour of a new code, or ``None`` when cancelled."""
    dialog = NewCodeDialog(parent, label, colour)
    try:
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.name():
            return dialog.name(), dialog.colour()
        return None
    finally:
        dialog.deleteLater()
