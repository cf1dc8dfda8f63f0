"""Every widget a user can reach has an accessible name, as a screen reader asks Qt for it: the main
window with its docks (hidden panels too), the Compare and Search windows and the dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)


def _part_of_a_qt_widget(widget: QWidget) -> bool:
    """Qt's own pieces, announced through the widget they belong to: a scroll area's viewport, a combo
    box's popup list and line edit, a line edit's clear button, a spin box's field, the table corner."""
    parent = widget.parentWidget()
    return (
        widget.objectName().startswith("qt_")
        or widget.window().windowType() == Qt.WindowType.Popup
        or (isinstance(parent, QAbstractScrollArea) and parent.viewport() is widget)
        or isinstance(parent, (QComboBox, QLineEdit, QAbstractSpinBox))
    )


def unnamed(root: QWidget) -> list[str]:
    """Widgets under ``root`` (itself included) that take focus or are buttons, without a name in words."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus and not isinstance(widget, QAbstractButton):
            continue
        if widget is not root and _part_of_a_qt_widget(widget):
            continue
        if not widget.isEnabled() and not widget.isVisibleTo(root):
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not any(character.isalnum() for character in name):  # "✕" or "↑" says nothing
            parent = widget.parentWidget()
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(parent).__name__ if parent else '-'}"
            )
    return found


def modal_unnamed(qtbot, trigger: Callable[[], None]) -> tuple[str, list[str]]:  # type: ignore[no-untyped-def]
    """Open a modal dialog with ``trigger``, look at it, close it."""
    seen: list[tuple[str, list[str]]] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(50, look)
            return
        seen.append((type(dialog).__name__, unnamed(dialog)))
        dialog.close()

    QTimer.singleShot(50, look)
    trigger()
    qtbot.waitUntil(lambda: bool(seen), timeout=5000)
    return seen[0]


def test_the_main_window_names_every_widget(window) -> None:  # type: ignore[no-untyped-def]
    missing = unnamed(window)
    assert not missing, "\n".join(missing)


def test_the_compare_and_search_windows_name_every_widget(window) -> None:  # type: ignore[no-untyped-def]
    window.window_actions.compare.trigger()
    window.window_actions.search.trigger()
    assert window.compare_window is not None and window.language_window is not None
    missing = unnamed(window.compare_window) + unnamed(window.language_window)
    assert not missing, "\n".join(missing)


def test_the_dialogs_name_every_widget(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    actions = window.window_actions
    problems = {}
    for action in (
        actions.export,
        actions.import_files,
        actions.speakers,
        actions.anonymise,
        actions.shortcuts,
    ):
        name, missing = modal_unnamed(qtbot, action.trigger)
        if missing:
            problems[name] = missing
    assert not problems, "\n".join(f"{name}: {item}" for name, items in problems.items() for item in items)


def test_the_code_picker_names_every_widget(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from tests.app.window_helpers import open_document, select_text

    open_document(window, "R8_wethouder_zwolle")
    select_text(window, "vertrouwen")
    name, missing = modal_unnamed(qtbot, window.window_actions.pick.trigger)
    assert name == "CodePicker" and not missing, missing
