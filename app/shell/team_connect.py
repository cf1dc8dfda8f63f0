"""*Connect to a team project…*: host, port, database, user; the password asked each time.

The password is kept in the system keyring only when the user ticks the box and the ``keyring``
package is installed (it is optional); Codewerk itself never writes it anywhere: the recent
projects list keeps files only, and a team project's address is shown without its password.
A host that starts with ``/`` is a folder with the server's Unix socket.
"""

from __future__ import annotations

import importlib
from typing import Any
from urllib.parse import quote

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.shell import settings

KEYRING_SERVICE = "Codewerk team projects"


def _keyring() -> Any | None:
    try:
        return importlib.import_module("keyring")
    except ImportError:
        return None


def project_url(host: str, port: int, database: str, user: str, password: str = "") -> str:
    """The address of a team project (a Unix socket folder as ``?host=``)."""
    secret = f":{quote(password, safe='')}" if password else ""
    who = f"{quote(user, safe='')}{secret}@" if user else ""
    if host.startswith("/"):
        return f"postgresql://{who}/{quote(database, safe='')}?host={quote(host, safe='/')}&port={port}"
    return f"postgresql://{who}{host}:{port}/{quote(database, safe='')}"


def keyring_account(host: str, port: int, database: str, user: str) -> str:
    return f"{user}@{host}:{port}/{database}"


class TeamConnectDialog(QDialog):
    """Asks where the team project is and who the user is; :meth:`url` is the address to open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("TeamConnectDialog", "Connect to a team project"))
        last = settings.settings()
        self.host = QLineEdit(str(last.value("team/host", "localhost")), self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(int(str(last.value("team/port", 5432))))
        self.database = QLineEdit(str(last.value("team/database", "")), self)
        self.user = QLineEdit(str(last.value("team/user", "")), self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(
            QCoreApplication.translate("TeamConnectDialog", "Keep the password in the system keyring"), self
        )
        keyring = _keyring()
        self.remember.setEnabled(keyring is not None)
        if keyring is None:
            self.remember.setToolTip(
                QCoreApplication.translate(
                    "TeamConnectDialog",
                    "Install the 'keyring' package to keep passwords in the system keyring",
                )
            )
        form = QFormLayout(self)
        form.addRow(
            QCoreApplication.translate("TeamConnectDialog", "Server (host or socket folder)"), self.host
        )
        form.addRow(QCoreApplication.translate("TeamConnectDialog", "Port"), self.port)
        form.addRow(QCoreApplication.translate("TeamConnectDialog", "Database"), self.database)
        form.addRow(QCoreApplication.translate("TeamConnectDialog", "User"), self.user)
        form.addRow(QCoreApplication.translate("TeamConnectDialog", "Password"), self.password)
        form.addRow("", self.remember)
        form.addRow(
            QLabel(
                QCoreApplication.translate(
                    "TeamConnectDialog", "The password is asked each time unless it is kept in the keyring."
                ),
                self,
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("TeamConnectDialog", "Connect")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        if keyring is not None and self.user.text():
            account = keyring_account(
                self.host.text(), self.port.value(), self.database.text(), self.user.text()
            )
            try:
                saved = keyring.get_password(KEYRING_SERVICE, account)
            except Exception:  # a keyring without a backend: ask, as without keyring
                saved = None
            if saved:
                self.password.setText(saved)
                self.remember.setChecked(True)
        (self.password if self.database.text() else self.database).setFocus()

    def url(self) -> str:
        """The address with the password (only in memory, for this connection)."""
        return project_url(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.user.text().strip(),
            self.password.text(),
        )

    def keep(self) -> None:
        """After connecting: remember where (not the password), and the password in the keyring
        only when asked to."""
        last = settings.settings()
        last.setValue("team/host", self.host.text().strip())
        last.setValue("team/port", self.port.value())
        last.setValue("team/database", self.database.text().strip())
        last.setValue("team/user", self.user.text().strip())
        keyring = _keyring()
        if keyring is None:
            return
        account = keyring_account(self.host.text(), self.port.value(), self.database.text(), self.user.text())
        try:
            if self.remember.isChecked() and self.password.text():
                keyring.set_password(KEYRING_SERVICE, account, self.password.text())
            elif not self.remember.isChecked():
                keyring.delete_password(KEYRING_SERVICE, account)
        except Exception:  # no keyring backend, or nothing to delete
            pass
