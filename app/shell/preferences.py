"""Edit → Preferences…: the language of the window and of exports (remembered in QSettings)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from app.shell import settings, translation
from coding.core.i18n import LANGUAGE_NAMES


class PreferencesDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(self.tr("Preferences"))
        layout = QFormLayout(self)
        self.language = QComboBox(self)
        self.language.setObjectName("languageCombo")
        self.language.addItem(self.tr("System language"), None)
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        stored = settings.settings().value("language")
        self.language.setCurrentIndex(max(self.language.findData(stored), 0) if stored else 0)
        layout.addRow(self.tr("&Language:"), self.language)
        note = QLabel(
            self.tr("Exports use the new language at once; the window after Codewerk is started again."), self
        )
        note.setWordWrap(True)
        layout.addRow(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)

    def accept(self) -> None:
        chosen = self.language.currentData()
        translation.save_language(chosen if isinstance(chosen, str) else None)
        translation.install()
        super().accept()
