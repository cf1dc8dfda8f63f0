"""The agreement report as an Excel workbook, ready to print and to quote in a methods chapter.

Two sheets: ``Agreement`` (the figures per code and pooled, ``*``; the coders' counts; why a figure is
n/a; below them the method in words, wrapped over the table's width) and ``Disagreements`` (document,
place, each coder's codes, the text). Like the other workbooks (:mod:`coding.exporting.xlsx_cells`):
A4 landscape, fitted to the page width, the header repeated on every page, long text wrapped in rows as
tall as it is (LibreOffice does not grow rows on opening). Percent agreement is a percentage, κ and α
have three decimals; a figure that is undefined reads ``n/a`` (its reason in the last column). Written
atomically; never overwrites unless asked.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.agreement.report import AgreementReport
from coding.agreement.statistics import Figure
from coding.core.i18n import text, texts
from coding.exporting import write_atomically
from coding.exporting.xlsx_cells import (
    BOX,
    HEADER_BORDER,
    HEADER_FILL,
    HEADER_FONT,
    LINE_HEIGHT,
    MAX_ROW_HEIGHT,
    TOP,
    WRAP,
    cell_text,
    print_layout,
    wrapped_lines,
)

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

#: Column widths (digits of 11-point Calibri): code, units, agreement, κ, low, high, Brennan–Prediger κ,
#: α, low, high, both, A only, B only, neither, why n/a; wide enough for the Dutch headers' words
#: ("Overeenstemming" needs 17: at 15 it printed broken, "Overeenstemmin" / "g"). About 179 units: one
#: landscape page wide at 71 %.
FIGURE_WIDTHS = (32.0, 10.0, 17.0, 8.0, 8.0, 8.0, 11.0, 13.0, 8.0, 8.0, 8.0, 10.0, 10.0, 8.0, 20.0)
#: Document, start, end, coder A's codes, coder B's codes, text.
DISAGREEMENT_WIDTHS = (24.0, 8.0, 8.0, 30.0, 30.0, 60.0)
_WRAPPED_FIGURES = (0, 14)  # code and reason
_WRAPPED_DISAGREEMENTS = (0, 3, 4, 5)


def write_agreement_xlsx(report: AgreementReport, path: Path | str, *, overwrite: bool = False) -> Path:
    return write_atomically(Path(path), lambda target: _write(report, target), overwrite=overwrite)


def _write(report: AgreementReport, target: Path) -> None:
    from openpyxl import Workbook  # loaded when first written, not at start-up

    book = Workbook()
    figures = book.active
    assert figures is not None
    figures.title = text("Agreement")
    header = [
        *texts(["Code", "Units", "Agreement", "Cohen κ", "κ 95% low", "κ 95% high", "Brennan–Prediger κ",
                "Krippendorff α", "α 95% low", "α 95% high", "Both"]),
        text("{coder} only", coder=report.coder_a), text("{coder} only", coder=report.coder_b), text("Neither"),
        text("Why n/a"),
    ]  # fmt: skip
    _table(figures, header, FIGURE_WIDTHS)
    for row in report.rows:
        values: list[Any] = [
            row.code, row.units, _figure(row.agreement), _figure(row.kappa), row.kappa_ci.low, row.kappa_ci.high,
            _figure(row.bp_kappa), _figure(row.alpha), row.alpha_ci.low, row.alpha_ci.high, row.both, row.only_a,
            row.only_b, row.neither, row.why,
        ]  # fmt: skip
        _row(figures, values, FIGURE_WIDTHS, _WRAPPED_FIGURES, percent=(2,), decimals=(3, 4, 5, 6, 7, 8, 9))
    figures.append([])
    _method(figures, text("Method"), report.method, FIGURE_WIDTHS)

    sheet = book.create_sheet(text("Disagreements"))
    _table(
        sheet,
        [*texts(["Document", "Start", "End"]), report.coder_a, report.coder_b, text("Text")],
        DISAGREEMENT_WIDTHS,
    )
    for d in report.disagreements:
        values = [d.document, d.start, d.end, "; ".join(d.codes_a), "; ".join(d.codes_b), d.text]
        _row(sheet, values, DISAGREEMENT_WIDTHS, _WRAPPED_DISAGREEMENTS)
    book.save(target)


def _figure(figure: Figure) -> float | str:
    return text("n/a") if figure.value is None else figure.value


def _table(sheet: Worksheet, header: Sequence[str], widths: Sequence[float]) -> None:
    """The header row (bold, tinted, wrapped, repeated on every printed page), widths, print layout."""
    from openpyxl.utils import get_column_letter

    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.append([cell_text(label) for label in header])
    for cell in sheet[1]:
        cell.font, cell.fill, cell.border, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_BORDER, WRAP
    lines = max(wrapped_lines(label, width * 0.9) for label, width in zip(header, widths, strict=True))
    sheet.row_dimensions[1].height = LINE_HEIGHT * lines + 3
    sheet.freeze_panes = "B2"
    sheet.print_title_rows = "1:1"
    print_layout(sheet, widths)  # a normal sheet has the page setup of a write-only one


def _row(
    sheet: Worksheet,
    values: Sequence[Any],
    widths: Sequence[float],
    wrapped: Sequence[int],
    *,
    percent: Sequence[int] = (),
    decimals: Sequence[int] = (),
) -> None:
    sheet.append([cell_text(v) if isinstance(v, str) else v for v in values])
    number = sheet.max_row
    for index, cell in enumerate(sheet[number]):
        cell.border = BOX
        cell.alignment = WRAP if index in wrapped else TOP
        if index in percent:
            cell.number_format = "0.0%"
        elif index in decimals:
            cell.number_format = "0.000"
    lines = max(
        (wrapped_lines(values[i], widths[i]) for i in wrapped if isinstance(values[i], str)), default=1
    )
    if lines > 1:
        sheet.row_dimensions[number].height = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)


def _method(sheet: Worksheet, label: str, method: str, widths: Sequence[float]) -> None:
    """``Method`` and the method in words, wrapped over the table's width (merged cells)."""
    from openpyxl.utils import get_column_letter

    sheet.append([label, cell_text(method)])
    number = sheet.max_row
    sheet.merge_cells(f"B{number}:{get_column_letter(len(widths))}{number}")
    sheet[f"A{number}"].font = HEADER_FONT
    sheet[f"A{number}"].alignment = TOP
    sheet[f"B{number}"].alignment = WRAP
    lines = wrapped_lines(method, sum(widths[1:]))
    sheet.row_dimensions[number].height = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)
