"""The workbook's native charts, placed so that a printed page never cuts one.

Each chart starts on a new printed page (a manual row break before its first row) and is no taller
than a page of A4 landscape at the sheet's print scale, so it is printed whole. Every chart has a
title of its own (what it shows, and how the scores are numbered).
"""

from __future__ import annotations

from collections.abc import Sequence

from openpyxl.chart import BarChart, RadarChart, Reference
from openpyxl.chart._chart import ChartBase
from openpyxl.worksheet._write_only import WriteOnlyWorksheet
from openpyxl.worksheet.pagebreak import Break

from coding.core.attributes import attribute_label, attribute_word
from coding.core.i18n import text
from coding.judgements.comparison import SCORE_MAX, ScoreSeries

#: The height of a default row (15 points) in centimetres.
ROW_CM = 15 / 72 * 2.54
#: Printable height of A4 landscape with the workbook's margins, in centimetres at 100 %.
PAGE_HEIGHT_CM = 21.0 - 2 * 0.75 * 2.54 - 0.6
#: With more groups than this, each group also gets a chart of its own (a clustered chart gets crowded).
GROUP_CHARTS_FROM = 4


class ChartPages:
    """Places charts on a sheet from ``first_row`` on, each on a page of its own (or ``per_page``
    charts of equal height to a page), a manual page break before each page."""

    def __init__(self, sheet: WriteOnlyWorksheet, first_row: int, scale: int) -> None:
        self.sheet = sheet
        self.row = first_row
        self.rows_per_page = int(PAGE_HEIGHT_CM / (ROW_CM * scale / 100))

    def page(self, charts: Sequence[ChartBase], column: str = "A") -> None:
        """``charts`` on one new page, one below the other."""
        self.sheet.row_breaks.append(Break(id=self.row - 1))
        row = self.row
        room = self.rows_per_page // max(len(charts), 1)
        for chart in charts:
            chart.height = min(chart.height, (room - 1) * ROW_CM)
            self.sheet.add_chart(chart, f"{column}{row}")
            row += room
        self.row += self.rows_per_page


def _score_axes(chart: BarChart | RadarChart) -> None:
    chart.y_axis.scaling.min = 0
    chart.y_axis.scaling.max = SCORE_MAX
    chart.y_axis.majorUnit = 1
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    if chart.legend is not None:
        chart.legend.position = "b"


def score_charts(
    sheet: WriteOnlyWorksheet,
    series: ScoreSeries,
    *,
    header_row: int,
    columns: Sequence[int],
    scale: int,
) -> None:
    """A spider chart (from three concepts) and a bar chart of the score table at ``header_row`` (concepts
    in column A, group ``g``'s numbers in column ``columns[g]``), each on its own printed page; with more than
    :data:`GROUP_CHARTS_FROM` groups, a bar chart per group as well, two to a page."""
    last = header_row + len(series.concepts)
    numbering = f"1 = {series.labels[0]} … {SCORE_MAX} = {series.labels[-1]}"
    categories = Reference(sheet, min_col=1, min_row=header_row + 1, max_row=last)
    radar = RadarChart()
    radar.type = "marker"
    radar.title = text(
        "Spider chart: judgements per concept, one line per {attribute} ({numbering})",
        attribute=attribute_word(series.attribute),
        numbering=numbering,
    )
    bars = BarChart()
    bars.type = "col"
    bars.grouping = "clustered"
    bars.title = text(
        "Bar chart: judgements per concept, one bar per {attribute} ({numbering})",
        attribute=attribute_word(series.attribute),
        numbering=numbering,
    )
    bars.y_axis.title = text("Judgement")
    for chart in (radar, bars):
        for column in columns:
            chart.add_data(
                Reference(sheet, min_col=column, min_row=header_row, max_row=last), titles_from_data=True
            )
        chart.set_categories(categories)
        _score_axes(chart)
        chart.width, chart.height = 24, 14
    for line in radar.series:
        line.marker.symbol = "circle"
        line.marker.size = 7
    pages = ChartPages(sheet, last + 2, scale)
    if series.spider:  # of one or two concepts a spider is a dot or a single line: the bars say it
        pages.page([radar])
    pages.page([bars])
    if len(columns) <= GROUP_CHARTS_FROM:
        return
    singles = []
    for value, column in zip(series.values, columns, strict=True):
        chart = BarChart()
        chart.type = "bar"  # horizontal: concept names stay readable
        chart.title = text(
            "{attribute} {value}: judgement per concept ({numbering})",
            attribute=attribute_label(series.attribute),
            value=value,
            numbering=numbering,
        )
        chart.add_data(
            Reference(sheet, min_col=column, min_row=header_row, max_row=last), titles_from_data=True
        )
        chart.set_categories(categories)
        _score_axes(chart)
        chart.legend = None
        chart.width, chart.height = 24, 7
        singles.append(chart)
    for start in range(0, len(singles), 2):
        pages.page(singles[start : start + 2])


def frequency_chart(
    sheet: WriteOnlyWorksheet,
    *,
    attribute: str,
    header_row: int,
    concepts: int,
    first_column: int,
    groups: int,
    below_row: int,
    scale: int,
) -> None:
    """Coded passages per concept and group (the summary table at ``first_column``), on a page of
    its own below the tables."""
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "clustered"
    chart.title = text("Coded passages per concept and {attribute}", attribute=attribute_word(attribute))
    chart.y_axis.title = text("Coded passages")
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.width, chart.height = 24, 14
    data = Reference(
        sheet,
        min_col=first_column + 1,
        max_col=first_column + groups,
        min_row=header_row,
        max_row=header_row + concepts,
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(
        Reference(sheet, min_col=first_column, min_row=header_row + 1, max_row=header_row + concepts)
    )
    if chart.legend is not None:
        chart.legend.position = "b"
    ChartPages(sheet, below_row + 2, scale).page([chart])
