"""The question for a file whose document is already in the project: Replace, Replace all, Skip
(the default, also on Escape) or Skip all."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from coding.importing.import_service import Duplicate


class ReplaceQuestion(QMessageBox):
    """Shown with ``exec()``; :meth:`answer` says what was chosen."""

    def __init__(self, path: Path, duplicate: Duplicate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("replaceQuestion")
        self.setIcon(QMessageBox.Icon.Question)
        self.setWindowTitle(QCoreApplication.translate("ImportDialog", "Document already in the project"))
        self.setText(f"<b>{path.name}</b>: {duplicate.reason}.")
        coded = duplicate.document.coding_count
        self.setInformativeText(
            QCoreApplication.translate(
                "ImportDialog",
                "Replace the text of '{name}'? Its {count} coding(s) are kept where their passage is unchanged; "
                "the summary lists any that cannot be kept.",
            ).format(name=duplicate.document.name, count=coded)
        )
        self.replace = self.addButton(
            QCoreApplication.translate("ImportDialog", "Replace"), QMessageBox.ButtonRole.AcceptRole
        )
        self.replace_all = self.addButton(
            QCoreApplication.translate("ImportDialog", "Replace all"), QMessageBox.ButtonRole.YesRole
        )
        self.skip = self.addButton(
            QCoreApplication.translate("ImportDialog", "Skip"), QMessageBox.ButtonRole.RejectRole
        )
        self.skip_all = self.addButton(
            QCoreApplication.translate("ImportDialog", "Skip all"), QMessageBox.ButtonRole.NoRole
        )
        self.setDefaultButton(self.skip)
        self.setEscapeButton(self.skip)

    def answer(self) -> tuple[bool, bool]:
        """(replace this file, the same for every file after it)."""
        clicked = self.clickedButton()
        return clicked in (self.replace, self.replace_all), clicked in (self.replace_all, self.skip_all)
