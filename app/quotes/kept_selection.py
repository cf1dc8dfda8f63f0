"""The selected and current rows of a table kept by what they show (coding ids) through a change
of the rows' order (a sort), for a model that keeps row numbers, not items, through it."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QItemSelectionModel
from PySide6.QtWidgets import QTableView


@dataclass(frozen=True)
class KeptSelection:
    chosen: tuple[Hashable, ...]
    current: Hashable | None
    column: int

    @classmethod
    def of(cls, table: QTableView, ids: Sequence[Hashable]) -> KeptSelection | None:
        """What ``table`` has selected and current, by the ids of its rows (``ids``, in row order);
        None when nothing is. Reads the selection's ranges, not every selected index."""
        selection = table.selectionModel()
        current = table.currentIndex()
        if selection is None or (not selection.hasSelection() and not current.isValid()):
            return None
        rows: set[int] = set()
        picked_ranges = selection.selection()
        for number in range(picked_ranges.count()):
            picked = picked_ranges.at(number)
            rows.update(range(picked.top(), min(picked.bottom() + 1, len(ids))))
        at = ids[current.row()] if current.isValid() and current.row() < len(ids) else None
        return cls(tuple(ids[row] for row in sorted(rows)), at, max(current.column(), 0))

    def restore(self, table: QTableView, ids: Sequence[Hashable]) -> None:
        """Select the same rows again where they are now (``ids``: the new row order), one range per
        run of adjacent rows, and make the current one current again, scrolled into view."""
        model, selection_model = table.model(), table.selectionModel()
        if model is None or selection_model is None:
            return
        wanted = set(self.chosen)
        if self.current is not None:
            wanted.add(self.current)
        rows = {item: row for row, item in enumerate(ids) if item in wanted}
        last = model.columnCount() - 1
        selection = QItemSelection()
        runs: list[list[int]] = []
        for row in sorted(rows[item] for item in self.chosen if item in rows):
            if runs and row == runs[-1][1] + 1:
                runs[-1][1] = row
            else:
                runs.append([row, row])
        for top, bottom in runs:
            selection.select(model.index(top, 0), model.index(bottom, last))
        flags = QItemSelectionModel.SelectionFlag
        if self.current in rows:
            index = model.index(rows[self.current], self.column)
            selection_model.setCurrentIndex(index, flags.NoUpdate)
            table.scrollTo(index)
        selection_model.select(selection, flags.ClearAndSelect | flags.Rows)
