"""The Search panel's value box shows the chosen value whole: it took its width from its first showing,
empty (no attribute chosen yet), and cut every value chosen later ("Midden-(", "(no valu") at 1366×768
and at 1920×1080 alike."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox

from app.shell.main_window import MainWindow
from tests.app.language.test_no_value_filters import _choose, _without_region


def _room_for_text(combo: QComboBox) -> int:
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def test_the_chosen_value_is_shown_whole(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _without_region(window.workspace.project)  # type: ignore[union-attr]
    window.window_actions.search.trigger()  # View → Search and suggestions…
    panel = window.language_window.search  # type: ignore[union-attr]
    qtbot.waitExposed(panel)
    _choose(qtbot, panel.attribute, "Region")
    values = [panel.value.itemText(i) for i in range(panel.value.count())]
    assert "Midden-Gelderland" in values and "(no value)" in values
    for value in values:
        _choose(qtbot, panel.value, value)
        needed = panel.value.fontMetrics().horizontalAdvance(value)
        assert _room_for_text(panel.value) >= needed, (value, _room_for_text(panel.value), needed)
