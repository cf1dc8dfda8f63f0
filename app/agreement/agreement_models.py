"""The agreement window's tables: figures per code, and the disagreements."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt

from app.widgets.record_table_model import ALIGN_RIGHT, Column, RecordTableModel
from app.widgets.translated import QT_TRANSLATE_NOOP, number
from coding.agreement.report import AgreementRow, Disagreement
from coding.core.numbers import percent

ROW_ROLE = int(Qt.ItemDataRole.UserRole) + 1


def _percent(row: AgreementRow) -> str:
    return (
        QCoreApplication.translate("Column", "n/a")
        if row.agreement.value is None
        else percent(row.agreement.value, 1)
    )


def _why(row: AgreementRow) -> str:
    return row.why


class AgreementTableModel(RecordTableModel[AgreementRow]):
    RECORD_ROLE = ROW_ROLE
    COLUMNS = (
        Column(
            QT_TRANSLATE_NOOP("Column", "Code"),
            lambda r: QCoreApplication.translate("Column", "All codes (*)") if r.code == "*" else r.code,
            tooltip=lambda r: r.code,
        ),
        Column(QT_TRANSLATE_NOOP("Column", "Units"), lambda r: number(r.units), align=ALIGN_RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "Agreement"), _percent, align=ALIGN_RIGHT),
        Column(
            QT_TRANSLATE_NOOP("Column", "Cohen κ"), lambda r: r.kappa.text(), tooltip=_why, align=ALIGN_RIGHT
        ),
        Column(QT_TRANSLATE_NOOP("Column", "κ 95% CI"), lambda r: r.kappa_ci.text(), align=ALIGN_RIGHT),
        Column(
            QT_TRANSLATE_NOOP("Column", "B–P κ"), lambda r: r.bp_kappa.text(), tooltip=_why, align=ALIGN_RIGHT
        ),
        Column(QT_TRANSLATE_NOOP("Column", "α"), lambda r: r.alpha.text(), tooltip=_why, align=ALIGN_RIGHT),
        Column(QT_TRANSLATE_NOOP("Column", "α 95% CI"), lambda r: r.alpha_ci.text(), align=ALIGN_RIGHT),
    )


class DisagreementTableModel(RecordTableModel[Disagreement]):
    RECORD_ROLE = ROW_ROLE

    def __init__(self, consensus: Callable[[Disagreement], str]) -> None:
        super().__init__()
        self._consensus = consensus
        self._columns = self._make("A", "B")

    def set_coders(self, a: str, b: str) -> None:
        self._columns = self._make(a, b)
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 2, 3)

    def columns(self) -> tuple[Column[Disagreement], ...]:
        return self._columns

    def _make(self, a: str, b: str) -> tuple[Column[Disagreement], ...]:
        return (
            Column(QT_TRANSLATE_NOOP("Column", "Document"), lambda d: d.document),
            Column(QT_TRANSLATE_NOOP("Column", "Unit"), lambda d: f"{d.start}–{d.end}", align=ALIGN_RIGHT),
            Column(a, lambda d: "; ".join(d.codes_a) or "—", tooltip=lambda d: "\n".join(d.codes_a)),
            Column(b, lambda d: "; ".join(d.codes_b) or "—", tooltip=lambda d: "\n".join(d.codes_b)),
            Column(QT_TRANSLATE_NOOP("Column", "Consensus"), self._consensus),
            Column(
                QT_TRANSLATE_NOOP("Column", "Text"),
                lambda d: " ".join(d.text.split())[:200],
                tooltip=lambda d: d.text,
            ),
        )
