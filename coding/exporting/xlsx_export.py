"""The Excel workbook: overview of judgements, one quote sheet per group, frequencies with a chart, codebook.

Written in openpyxl's write-only mode (rows are streamed to the file), so 20,000 quotes take a few
seconds and little memory. Sheets, in order:

- ``Overview``: ``Code``, then ``<value>`` (score) and ``<value> note`` (justification) per group value;
  one row per code with a judgement, in codebook order; scores coloured red (``-/-``) to green (``+/+``).
  Below it, after an empty row, the judged concepts' scores as numbers (``-/-`` = 1 … ``+/+`` = 5, one
  column per judged group) with a native spider (radar) chart and a bar chart of them.
- one sheet per group value (``(none)`` for quotes without the attribute), header
  ``Concept, Code, Respondent, Role, Document, Quote, Memo, Start, End`` (+ ``Page`` when a quote comes
  from a PDF) + further attributes; with ``without_interviewer`` the quotes hold only the respondents'
  words.
- ``Frequencies``: coded passages per code and group, a concept summary and a native bar chart of it.
- ``Codebook``: path, question reference, description and scale of every code.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.utils import get_column_letter

from coding.core.attributes import attribute_key
from coding.core.context import CodeRef
from coding.core.records import CodeTree
from coding.exporting.options import reject_unknown
from coding.exporting.quote_rows import QuoteTable, quote_table
from coding.exporting.sheet_names import unique_sheet_names
from coding.exporting.xlsx_cells import SheetWriter
from coding.judgements.comparison import (
    NO_GROUP,
    SCORE_MAX,
    FrequencyTable,
    JudgementGrid,
    ScoreSeries,
    score_colour,
    score_series,
)

if TYPE_CHECKING:
    from coding.project import Project

OVERVIEW = "Overview"
FREQUENCIES = "Frequencies"
CODEBOOK = "Codebook"
FIXED_SHEETS = (OVERVIEW, FREQUENCIES, CODEBOOK)

_QUOTE_WIDTHS = {
    "Concept": 22,
    "Code": 42,
    "Respondent": 12,
    "Role": 18,
    "Document": 26,
    "Quote": 80,
    "Memo": 32,
    "Start": 8,
    "End": 8,
    "Page": 8,
    "Review": 40,
}
_WRAPPED = ("Quote", "Memo", "Review")


def write_xlsx(
    project: Project,
    path: Path,
    *,
    by: str = "region",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    include_reviews: bool | None = None,
    without_interviewer: bool | None = None,
    coder: str | None = None,
    **other: Any,
) -> None:
    reject_unknown("Excel", other)
    key = attribute_key(by)
    comparison = project.comparison
    grid, frequencies = comparison.grid_and_frequencies(key, codes=codes, groups=groups, coder=coder)
    table = quote_table(
        project,
        by=key,
        codes=codes,
        groups=groups,
        include_reviews=include_reviews,
        without_interviewer=without_interviewer,
        coder=coder,
    )

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Codewerk"
    workbook.properties.title = f"{project.path.stem} — comparison by {key}"
    _overview(workbook, grid)
    names = unique_sheet_names(grid.values, taken=FIXED_SHEETS)
    for value in grid.values:
        _quote_sheet(workbook, names[value], table, table.groups.get(value, []))
    _frequencies(workbook, frequencies)
    _codebook(workbook, project.codes.tree())
    workbook.save(path)


def _overview(workbook: Workbook, grid: JudgementGrid) -> None:
    sheet = workbook.create_sheet(OVERVIEW)
    columns = [i for i, value in enumerate(grid.values) if value != NO_GROUP]
    widths: list[float] = [46]
    for i in columns:
        widths += [min(max(10, len(grid.values[i]) / 2 + 2), 24), 42]
    writer = SheetWriter(sheet, widths, wrap=[3 + 2 * n for n in range(len(columns))], freeze="B2")
    header = ["Code"]
    for i in columns:
        header += [grid.values[i], f"{grid.values[i]} note"]
    writer.header(header)
    for row in grid.rows:
        cells = [row.cells[i] for i in columns]
        if not any(cell.judgement is not None for cell in cells):
            continue
        values: list[Any] = [row.code.path_text]
        colours: list[str | None] = [None]
        for cell in cells:
            values += [cell.score, cell.justification]
            colours += [score_colour(cell.score, row.code.scale), None]
        writer.row(values, colours)
    writer.autofilter()
    series = score_series(grid)
    if not series.empty:
        _score_charts(writer, series, widths)


def _score_charts(writer: SheetWriter, series: ScoreSeries, widths: Sequence[float]) -> None:
    """Below the overview: the scores as numbers, a spider (radar) chart and a bar chart of them."""
    sheet = writer.sheet
    writer.blank()
    first = writer.rows + 1  # the header row of the score table
    scale = ", ".join(f"{label} = {number}" for number, label in enumerate(series.labels, start=1))
    writer.header([f"Scores for the charts ({scale})", *series.values])
    for index, concept in enumerate(series.concepts):
        writer.row([concept.name, *(_number(scores[index]) for scores in series.scores)])
    last = writer.rows
    title = f"Judgements per concept and {series.attribute} (1 = {series.labels[0]}, {SCORE_MAX} = {series.labels[-1]})"
    data = Reference(sheet, min_col=2, max_col=1 + len(series.values), min_row=first, max_row=last)
    categories = Reference(sheet, min_col=1, min_row=first + 1, max_row=last)

    radar = RadarChart()
    radar.type = "marker"
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "clustered"
    bars.y_axis.title = "Judgement"
    for chart in (radar, bars):
        chart.title = title
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(categories)
        chart.y_axis.scaling.min = 0
        chart.y_axis.scaling.max = SCORE_MAX
        chart.y_axis.majorUnit = 1
        chart.y_axis.delete = False
        chart.x_axis.delete = False
        chart.width, chart.height = 16, 11
        if chart.legend is not None:
            chart.legend.position = "b"
    for line in radar.series:
        line.marker.symbol = "circle"
        line.marker.size = 7
    row = last + 3
    sheet.add_chart(radar, f"A{row}")
    # the bar chart beside the spider when the columns are wide enough, else below it
    width_cm = 0.0
    for column, width in enumerate(widths, start=1):
        width_cm += width * 0.19 + 0.1
        if width_cm > radar.width + 0.5 and column < len(widths):
            sheet.add_chart(bars, f"{get_column_letter(column + 1)}{row}")
            return
    sheet.add_chart(bars, f"A{row + 24}")


def _number(score: float | None) -> float | int | None:
    """``4`` rather than ``4.0`` in the cell; empty where a group has no judgement (a gap in the chart)."""
    if score is None:
        return None
    return int(score) if score == int(score) else round(score, 2)


def _quote_sheet(workbook: Workbook, name: str, table: QuoteTable, rows: Sequence[tuple[Any, ...]]) -> None:
    sheet = workbook.create_sheet(name)
    header = table.header
    writer = SheetWriter(
        sheet,
        [_QUOTE_WIDTHS.get(label, 16) for label in header],
        wrap=[i for i, label in enumerate(header, start=1) if label in _WRAPPED],
    )
    writer.header(header)
    for row in rows:
        writer.row(row)
    writer.autofilter()


def _frequencies(workbook: Workbook, table: FrequencyTable) -> None:
    """Codes × groups with totals; beside it the top-level codes only, which the bar chart shows."""
    sheet = workbook.create_sheet(FREQUENCIES)
    values = table.values
    selected = {row.code.id for row in table.rows}
    tops = [row for row in table.rows if row.code.parent_id not in selected]
    side = len(values) + 3  # one empty column between the tables
    widths = [46] + [max(10, min(len(v) + 2, 24)) for v in values] + [10, 3, 30]
    widths += [max(10, min(len(v) + 2, 24)) for v in values]
    writer = SheetWriter(sheet, widths)

    main: list[list[Any]] = [["Code", *values, "Total"]]
    main += [[row.code.path_text, *row.counts, row.total] for row in table.rows]
    summary: list[list[Any]] = [["Concept", *values]]
    summary += [[row.code.name, *row.counts] for row in tops]
    for index in range(max(len(main) + 1, len(summary))):
        left: list[Any] = main[index] if index < len(main) else [None] * (len(values) + 2)
        if index == len(main):
            left = ["All coded passages (each once)", *table.totals, table.total]
        right = summary[index] if index < len(summary) else []
        cells = [*left, None, *right] if right else left
        if index == 0:
            writer.header(cells)
        else:
            writer.row(cells, bold=index == len(main))
    writer.autofilter(len(main))

    if tops and values:
        chart = BarChart()
        chart.type = "col"
        chart.grouping = "clustered"
        chart.title = f"Coded passages per concept and {table.attribute}"
        chart.y_axis.title = "Coded passages"
        chart.x_axis.delete = False
        chart.y_axis.delete = False
        chart.width, chart.height = 26, 13
        first = side + 1
        data = Reference(
            sheet, min_col=first + 1, max_col=first + len(values), min_row=1, max_row=1 + len(tops)
        )
        chart.add_data(data, titles_from_data=True)
        chart.set_categories(Reference(sheet, min_col=first, min_row=2, max_row=1 + len(tops)))
        sheet.add_chart(chart, f"{get_column_letter(first)}{len(tops) + 4}")


def _codebook(workbook: Workbook, tree: CodeTree) -> None:
    sheet = workbook.create_sheet(CODEBOOK)
    writer = SheetWriter(sheet, [46, 10, 80, 22, 12, 40], wrap=[3])
    writer.header(["Code", "Question", "Description", "Scale", "Kind", "Label"])
    for code in tree:
        scale = "open" if code.scale is None else "  ".join(code.scale)
        writer.row([code.path_text, code.question or "", code.description, scale, code.kind, code.label])
    writer.autofilter()
