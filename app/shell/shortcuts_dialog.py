"""Help → Keyboard shortcuts: made from the actions themselves, so it lists every shortcut there is.

Each menu of the window is a section (its actions that have a key, in menu order), then the keys of
the panels (Codebook, Quotes) and of single fields, then what the mouse does. A key added to an
action appears here without anyone editing a help text.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMenu, QMenuBar, QTextBrowser, QVBoxLayout, QWidget

from app.widgets.translated import QT_TRANSLATE_NOOP

#: Keys that belong to a field, not to an action (typed where the field has focus).
FIELD_KEYS: tuple[tuple[str, str], ...] = (
    (
        "Esc",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "in the transcript: unselect the clicked coding; in the find bar: close it"
        ),
    ),
    ("Return / Shift+Return", QT_TRANSLATE_NOOP("ShortcutsDialog", "in the find bar: next / previous hit")),
    (
        "Ctrl+Return",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "in the memo: save it (leaving the field saves too)"),
    ),
    (
        "Return",
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "in the review comment: save it with your mark (leaving the field saves too)"
        ),
    ),
)

#: What the mouse does (no key to list, but the first thing people look for).
GESTURES: tuple[tuple[str, str], ...] = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Drag the selection onto a code"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "code it"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Click a code"),
        QT_TRANSLATE_NOOP(
            "ShortcutsDialog", "select it and list its quotes (Code → Click-to-code mode: code the selection)"
        ),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Right-click in the transcript"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "code with a searchable picker, or code all turns of a speaker"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Click a passage or its stripe"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "select its coding (details and memo in the side panel)"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Drag a stripe's end or a passage's edge"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "move that boundary"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Double-click a quote"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "show it in its transcript"),
    ),
)


def _typed(key: QKeySequence) -> bool:
    """Whether a shortcut is typed on an ordinary keyboard: not a keyboard's extra key of its own
    (Open, New, Close, Find, Help …), which the standard keys add beside Ctrl+O and which in the list
    read as "Ctrl+O or Open"."""
    if key.isEmpty():
        return False
    first = key[0]  # type: ignore[index]  # QKeySequence::operator[]: the stubs leave it out
    return bool(first.keyboardModifiers().value) or first.key().value < Qt.Key.Key_Help.value


def keys_text(action: QAction) -> str:
    """The action's shortcuts as the user types them (``Ctrl+Shift+Z or Ctrl+Y``)."""
    return QCoreApplication.translate("ShortcutsDialog", " or ").join(
        key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts() if _typed(key)
    )


def action_label(action: QAction) -> str:
    """The action's name without the mnemonic ampersand and the trailing “…”: its icon text, which for
    Undo and Redo stays "Undo" while the menu names the step ("Undo Import studie.qdpx")."""
    return action.iconText().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


def menu_rows(menu: QMenu) -> list[tuple[str, str]]:
    """(keys, label) of every action of ``menu`` and its submenus that has a shortcut, in menu order."""
    rows: list[tuple[str, str]] = []
    for action in menu.actions():
        submenu = action.menu()
        if isinstance(submenu, QMenu):
            rows.extend(menu_rows(submenu))
        elif not action.isSeparator() and keys_text(action):
            rows.append((keys_text(action), action_label(action)))
    return rows


def action_rows(actions: Iterable[QAction]) -> list[tuple[str, str]]:
    return [(keys_text(a), a.toolTip() or action_label(a)) for a in actions if keys_text(a)]


def _table(title: str, rows: Sequence[tuple[str, str]], *, bold_keys: bool = True) -> str:
    if not rows:
        return ""
    body = "".join(
        f"<tr><td style='white-space:nowrap; padding-right:14px'>"
        f"{'<b>' if bold_keys else ''}{html.escape(keys)}{'</b>' if bold_keys else ''}</td>"
        f"<td>{html.escape(label)}</td></tr>"
        for keys, label in rows
    )
    return f"<h3>{html.escape(title)}</h3><table cellpadding=2>{body}</table>"


def shortcuts_html(menu_bar: QMenuBar, panels: Sequence[tuple[str, Iterable[QAction]]] = ()) -> str:
    """Every shortcut of the menu bar's menus and of ``panels`` (title, actions), then field keys and
    mouse gestures, as one HTML text."""
    parts = []
    for top in menu_bar.actions():
        menu = top.menu()
        if isinstance(menu, QMenu):
            parts.append(_table(action_label(top), menu_rows(menu)))
    for title, actions in panels:
        parts.append(_table(title, action_rows(actions)))

    def _t(text: str) -> str:  # the texts above, marked with QT_TRANSLATE_NOOP
        return QCoreApplication.translate("ShortcutsDialog", text)

    field = QCoreApplication.translate("ShortcutsDialog", "In a field")
    parts.append(_table(field, [(keys, _t(text)) for keys, text in FIELD_KEYS]))
    mouse = QCoreApplication.translate("ShortcutsDialog", "With the mouse")
    parts.append(_table(mouse, [(_t(what), _t(text)) for what, text in GESTURES], bold_keys=False))
    return "".join(parts)


class ShortcutsDialog(QDialog):
    """The shortcuts, scrollable (it never gets taller than a laptop screen); Esc or Close closes it."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.browser = QTextBrowser(self)
        self.browser.setObjectName("shortcutsText")
        self.browser.setAccessibleName(QCoreApplication.translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.browser.setHtml(text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        screen = self.screen().availableGeometry()
        self.resize(min(640, screen.width() - 40), min(720, screen.height() - 80))
