"""Co-occurrence tables and code × case matrices to Excel (heat-map fills, the unit and measure
written above the table) and CSV. Written atomically; an existing file only with ``overwrite``.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from coding.analysis.code_matrix import CodeMatrix
from coding.analysis.cooccurrence import CooccurrenceTable
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.exporting import write_atomically
from coding.exporting.csv_guard import check_guard, guarded
from coding.judgements.comparison import heat_colour, heat_is_dark

UNIT_TEXT = {
    "overlap": "overlapping passages (a run of overlapping passages of the two codes counts once)",
    "sentence": "the same indexed sentence",
    "turn": "the same speaker turn (outside turns: the same paragraph)",
    "document": "the same document",
}
MEASURE_TEXT = {
    "count": "count of units in which both codes apply (diagonal: in which the code applies)",
    "c": "c-coefficient n12 / (n1 + n2 − n12), 0 to 1",
    "presence": "presence: 1 if the code occurs in the column's documents, else 0",
    "matrix-count": "count of coded passages of the code (with its subcodes) in the column's documents",
}
SUFFIXES = (".xlsx", ".csv")


def _check(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInputError(
            text(
                "{name}: a matrix is written to .xlsx or .csv, not '{value}'",
                name=path.name,
                value=suffix or "no extension",
            )
        )
    return suffix


def cooccurrence_cells(table: CooccurrenceTable, measure: str, group: str | None) -> list[list[Any]]:
    """The table of one group: a header row of code paths, then one row per code."""
    rows: list[list[Any]] = [[text("Code"), *(code.path_text for code in table.codes)]]
    for a in table.codes:
        row: list[Any] = [a.path_text]
        for b in table.codes:
            if a.id == b.id:
                row.append(table.n(a.id, group) if measure == "count" else None)
            else:
                value = table.value(a.id, b.id, measure, group)
                row.append(round(value, 4) if measure == "c" else int(value))
        rows.append(row)
    return rows


def export_cooccurrence(
    table: CooccurrenceTable,
    path: Path,
    *,
    measure: str = "count",
    overwrite: bool = False,
    csv_guard: str | None = None,
) -> Path:
    """One sheet per group (or one overall); CSV: one row per pair of codes and group."""
    suffix = _check(path)
    if measure not in ("count", "c"):
        raise InvalidInputError(text("measure must be count or c, not '{measure}'", measure=measure))
    if suffix == ".csv":
        guard = check_guard(csv_guard)
        fields = ("code_a", "code_b", "group", "count", "c", "n_a", "n_b", "unit")

        def write_csv(target: Path) -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(fields)
                for row in table.rows():
                    values = (
                        row.code_a.path_text,
                        row.code_b.path_text,
                        row.group,
                        row.count,
                        round(row.c, 4),
                    )
                    writer.writerow([guarded(v, guard) for v in (*values, row.n_a, row.n_b, table.unit)])

        return write_atomically(path, write_csv, overwrite=overwrite)

    def write_xlsx(target: Path) -> None:
        sheets = []
        for group in table.groups:
            title = text("Co-occurrence") if group is None else f"{table.by} = {group}"
            where = (
                "" if group is None else text(" — documents with {key} = {value}", key=table.by, value=group)
            )
            above = [
                text("Co-occurrence of codes") + where,
                text(
                    "Unit: {unit} — {description}",
                    unit=text(table.unit),
                    description=text(UNIT_TEXT.get(table.unit, table.unit)),
                ),
                text(
                    "Measure: {measure} — {description}",
                    measure=text(measure),
                    description=text(MEASURE_TEXT[measure]),
                ),
            ]
            sheets.append(
                (title, above, cooccurrence_cells(table, measure, group), table.maximum(measure, group))
            )
        _write_workbook(target, sheets, scale=measure == "c")

    return write_atomically(path, write_xlsx, overwrite=overwrite)


def matrix_cells(matrix: CodeMatrix, measure: str) -> list[list[Any]]:
    rows: list[list[Any]] = [[text("Code"), *matrix.columns]]
    rows += [
        [code.path_text, *(matrix.value(code.id, c, measure) for c in matrix.columns)]
        for code in matrix.codes
    ]
    return rows


def export_matrix(
    matrix: CodeMatrix,
    path: Path,
    *,
    measure: str = "count",
    overwrite: bool = False,
    csv_guard: str | None = None,
) -> Path:
    """Codes × columns; CSV: the same table (a header row of columns, one row per code)."""
    suffix = _check(path)
    if measure not in ("count", "presence"):
        raise InvalidInputError(text("measure must be count or presence, not '{measure}'", measure=measure))
    cells = matrix_cells(matrix, measure)
    if suffix == ".csv":
        guard = check_guard(csv_guard)

        def write_csv(target: Path) -> None:
            with target.open("w", encoding="utf-8-sig", newline="") as handle:
                csv.writer(handle).writerows([[guarded(v, guard) for v in row] for row in cells])

        return write_atomically(path, write_csv, overwrite=overwrite)
    by = matrix.columns_by
    above = [
        text("Code × {by} matrix", by=by),
        text("Unit: document") if by == "document" else text("Unit: documents by {by}", by=by),
        text(
            "Measure: {measure} — {description}",
            measure=text(measure),
            description=text(MEASURE_TEXT["presence" if measure == "presence" else "matrix-count"]),
        ),
    ]
    sheet = (text("Matrix"), above, cells, float(matrix.maximum(measure)))
    return write_atomically(
        path, lambda target: _write_workbook(target, [sheet], scale=False), overwrite=overwrite
    )


def _write_workbook(
    target: Path, sheets: Sequence[tuple[str, list[str], list[list[Any]], float]], *, scale: bool
) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from coding.exporting.sheet_names import unique_sheet_names
    from coding.exporting.xlsx_cells import HEADER_FILL, HEADER_FONT, cell_text, fill

    workbook = Workbook()
    workbook.remove(workbook.active)
    names = unique_sheet_names([title for title, *_rest in sheets])
    steps = 1000 if scale else 1
    for title, above, cells, maximum in sheets:
        sheet = workbook.create_sheet(names[title])
        for line in above:
            sheet.append([cell_text(line)])
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        sheet.append([])
        first = len(above) + 2
        for row_number, row in enumerate(cells, start=first):
            sheet.append([cell_text(v) if isinstance(v, str) else v for v in row])
            for column, value in enumerate(row, start=1):
                cell = sheet.cell(row=row_number, column=column)
                if row_number == first or column == 1:
                    cell.font, cell.fill = HEADER_FONT, HEADER_FILL
                    if row_number == first and column > 1:
                        cell.alignment = Alignment(
                            text_rotation=60 if len(cells[0]) > 8 else 0, wrap_text=True
                        )
                    continue
                cell.alignment = Alignment(horizontal="center")
                if isinstance(value, int | float):
                    colour = heat_colour(round(value * steps), round(maximum * steps))
                    if colour is not None:
                        cell.fill = fill(colour)
                        if heat_is_dark(round(value * steps), round(maximum * steps)):
                            cell.font = Font(color="FFFFFF")
        sheet.column_dimensions["A"].width = 48
        sheet.freeze_panes = sheet.cell(row=first + 1, column=2)
    workbook.save(target)
