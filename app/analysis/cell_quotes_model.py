"""The quotes behind the heat-map cell clicked: document, code, quote."""

from __future__ import annotations

from PySide6.QtCore import Qt

from app.widgets.record_table_model import Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP
from coding.core.records import Quote

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 2


def _one_line(text: str) -> str:
    return " ".join(text.split())


class CellQuotesModel(RecordTableModel[Quote]):
    COLUMNS = (
        Column[Quote](QT_TRANSLATE_NOOP("Column", "Document"), lambda q: q.document),
        Column[Quote](
            QT_TRANSLATE_NOOP("Column", "Code"), lambda q: q.code_path, tooltip=lambda q: q.code_path
        ),
        Column[Quote](
            QT_TRANSLATE_NOOP("Column", "Quote"), lambda q: _one_line(q.text), tooltip=lambda q: q.text
        ),
    )
    RECORD_ROLE = QUOTE_ROLE
