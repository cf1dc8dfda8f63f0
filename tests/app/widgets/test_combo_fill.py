"""fill_combo: one way to refill a choice box, keeping the choice or falling back to a default."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from app.widgets.combo_fill import fill_combo


def _entries(combo: QComboBox) -> list[tuple[str, object]]:
    return [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())]


def test_first_entry_items_and_the_choice_kept_quietly(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = QComboBox()
    qtbot.addWidget(combo)
    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    fill_combo(combo, [("R1", 1), ("R2", 2)], first=("All documents", None))
    assert _entries(combo) == [("All documents", None), ("R1", 1), ("R2", 2)]
    assert combo.currentIndex() == 0 and changes == [] and not combo.signalsBlocked()

    combo.setCurrentIndex(2)
    changes.clear()
    fill_combo(combo, [("R0", 0), ("R2", 2)], first=("All documents", None), choose=(combo.currentData(),))
    assert combo.currentData() == 2 and changes == []
    fill_combo(combo, [("R0", 0)], first=("All documents", None), choose=(combo.currentData(),))
    assert combo.currentIndex() == 0  # the choice is gone: the first entry


def test_default_when_absent_and_signals_when_not_quiet(qtbot) -> None:  # type: ignore[no-untyped-def]
    combo = QComboBox()
    qtbot.addWidget(combo)
    fill_combo(combo, [("Role", "role"), ("Region", "region")], choose=("region",))
    assert combo.currentText() == "Region"
    fill_combo(combo, [("Role", "role")], choose=("region",))
    assert combo.currentText() == "Role"
    fill_combo(combo, [], choose=("region",))
    assert combo.count() == 0 and combo.currentIndex() == -1

    changes: list[int] = []
    combo.currentIndexChanged.connect(changes.append)
    fill_combo(combo, [("a", "a"), ("b", "b")], choose=("b",), quiet=False)
    assert changes == [0, 1]

    combo.blockSignals(True)  # a caller that blocks signals around more keeps them blocked
    fill_combo(combo, [("c", "c")])
    assert combo.signalsBlocked() and changes == [0, 1]
