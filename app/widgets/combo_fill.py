"""Refilling a choice box (attribute keys, values, documents, coders) while keeping what was chosen.

Each widget keeps its own wording: an optional first entry that stands for "any"/"all", its labels,
and which entry to choose after the refill (the current one, a default such as ``"region"``)::

    fill_combo(self.document, [(d.name, d.id) for d in documents],
               first=("All documents", None), choose=(self.document.currentData(),))
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtWidgets import QComboBox


def fill_combo(
    combo: QComboBox,
    items: Iterable[tuple[str, object]],
    *,
    first: tuple[str, object] | None = None,
    choose: Sequence[object] = (),
    quiet: bool = True,
) -> None:
    """Replace ``combo``'s entries with ``first`` (when given) and then ``items`` (label, data).

    The entry chosen afterwards is the first of ``choose`` found by its data, else the first entry.
    ``quiet``: the combo emits no signals while it is refilled (a caller that already blocks them
    keeps them blocked); otherwise it signals each change of its current entry as it happens.
    """
    blocked = combo.blockSignals(True) if quiet else combo.signalsBlocked()
    combo.clear()
    if first is not None:
        combo.addItem(first[0], first[1])
    for label, data in items:
        combo.addItem(label, data)
    if combo.count():
        found = (combo.findData(data) for data in choose)
        combo.setCurrentIndex(next((position for position in found if position >= 0), 0))
    if quiet:
        combo.blockSignals(blocked)
