"""The window's shortcuts work from a text field on Linux too.

Qt's keyboard scheme on Linux (X11, GNOME, KDE) gives text fields Emacs-style editing keys besides the
usual ones: Ctrl+E (end of line), Ctrl+K (delete to the end), Ctrl+U (delete the line), Ctrl+Shift+A
(deselect). A field claims such a key before the window's shortcuts see it (it accepts the key's
``ShortcutOverride``), so File → Export (Ctrl+E) and Code with (Ctrl+K) did nothing while the cursor was
in a filter, a memo or a search field (Windows and macOS have no such keys: there they worked).

Here a text field never claims those keys ahead of a shortcut: a shortcut on the key (in its context,
enabled) takes it, as on the other systems; where none does the field still gets the key press and
edits as before. Every other key stays the field's: typing, Del and Ctrl+D, copy, paste, undo, select
all, End and Home.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

#: The editing keys a scheme may add as Emacs-style letters with Ctrl (on Linux: Ctrl+E, Ctrl+K, Ctrl+U,
#: Ctrl+Shift+A). Delete is left out on purpose: its Ctrl+D deletes in a field, and the window's
#: Delete (remove the coding) must never act from a field.
EMACS_STYLE = (
    QKeySequence.StandardKey.MoveToStartOfLine,
    QKeySequence.StandardKey.MoveToEndOfLine,
    QKeySequence.StandardKey.DeleteEndOfLine,
    QKeySequence.StandardKey.DeleteCompleteLine,
    QKeySequence.StandardKey.Deselect,
)

FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)


def emacs_style_keys() -> frozenset[int]:
    """The keys (as ``QKeyCombination.toCombined()``) this system's keyboard scheme gives text fields as
    letters with Ctrl, beside the keys of their own (End, Home …); none on Windows and macOS."""
    bound = [sequence for standard in EMACS_STYLE for sequence in QKeySequence.keyBindings(standard)]
    keys: set[int] = set()
    control, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    for modifiers in (control, control | shift):
        for code in range(Qt.Key.Key_A.value, Qt.Key.Key_Z.value + 1):
            combination = QKeyCombination(modifiers, Qt.Key(code))
            if QKeySequence(combination) in bound:
                keys.add(combination.toCombined())
    return frozenset(keys)


class FieldShortcuts(QObject):
    """Watches the text field that has the focus (installed once per application: ``install``)."""

    def __init__(self, app: QApplication, keys: frozenset[int]) -> None:
        super().__init__(app)
        self.setObjectName("fieldShortcuts")
        self.keys = keys
        app.focusChanged.connect(self._focused)

    def _focused(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and isinstance(new, FIELDS):
            new.installEventFilter(self)  # once per field: installing again only moves it first

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and event.keyCombination().toCombined() in self.keys
        ):
            event.ignore()  # not claimed: a shortcut takes the key, else the field gets it as a key press
            return True
        return False


def install() -> FieldShortcuts | None:
    """Let the window's shortcuts win over text fields' Emacs-style keys (once; nothing to do where the
    keyboard scheme has none)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    existing = app.findChild(QObject, "fieldShortcuts")
    if isinstance(existing, FieldShortcuts):
        return existing
    keys = emacs_style_keys()
    return FieldShortcuts(app, keys) if keys else None
