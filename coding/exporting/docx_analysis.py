"""The analysis section of the Word export (on request): the concepts' co-occurrence per speaker
turn, the code × group matrix, and every saved query with the quotes it finds now."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.table import Table

from coding.analysis.analysis_service import NO_VALUE
from coding.core.attributes import attribute_word
from coding.core.errors import CodewerkError
from coding.core.i18n import text
from coding.core.xml_chars import xml_text
from coding.exporting.docx_format import BodyWriter, grey_run, indented, repeat_header, shade_cell
from coding.exporting.matrix_export import MEASURE_TEXT, UNIT_TEXT
from coding.judgements.comparison import heat_colour

if TYPE_CHECKING:
    from coding.project import Project

#: The unit the Word export counts co-occurrence in (interviews: the speaker turn).
UNIT = "turn"
HEADING = "Analysis"


def _grid(
    body: BodyWriter, header: list[str], rows: list[tuple[str, list[int | None]]], maximum: int
) -> Table:
    table = body.table(1, len(header))
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, header, strict=True):
        cell.text = xml_text(label)
    repeat_header(table)
    for name, values in rows:
        cells = table.add_row().cells
        cells[0].text = xml_text(name)
        for cell, value in zip(cells[1:], values, strict=True):
            cell.text = "–" if value is None else str(value)
            colour = heat_colour(value or 0, maximum)
            if colour is not None:
                shade_cell(cell, colour.lstrip("#").upper())
    return table


def write_analysis(body: BodyWriter, project: Project, by: str) -> None:
    body.heading(HEADING, 1)
    table = project.analysis.cooccurrence(unit=UNIT)
    body.heading("Co-occurrence of the concepts", 2)
    grey_run(
        body.paragraph(),
        text("Unit: {unit}. Cells: {cells}.", unit=text(UNIT_TEXT[UNIT]), cells=text(MEASURE_TEXT["count"])),
        italic=True,
        size=9,
    )
    numbered = [f"{i}" for i in range(1, len(table.codes) + 1)]
    rows: list[tuple[str, list[int | None]]] = [
        (
            f"{i}. {a.name}",
            [table.n(a.id) if a.id == b.id else table.count(a.id, b.id) for b in table.codes],
        )
        for i, a in enumerate(table.codes, start=1)
    ]
    _grid(body, [text("Concept"), *numbered], rows, int(table.maximum("count")))

    try:
        matrix = project.analysis.matrix(columns=by)
    except CodewerkError:  # no document has the attribute: the matrix by document instead
        matrix = project.analysis.matrix()
    concepts = [code for code in matrix.codes if code.parent_id is None]
    body.heading(
        text("Concepts × {by}", by=attribute_word(matrix.columns_by)), 2
    )  # said here: heading() cannot fill it in
    grey_run(
        body.paragraph(),
        text("Cells: {cells}.", cells=text(MEASURE_TEXT["matrix-count"])),
        italic=True,
        size=9,
    )
    header = [text("Concept"), *(c if c != NO_VALUE else text("(none)") for c in matrix.columns)]
    rows = [(code.name, [matrix.count(code.id, column) for column in matrix.columns]) for code in concepts]
    _grid(body, header, rows, max((v or 0 for _n, vs in rows for v in vs), default=0))

    saved = project.analysis.saved_queries()
    if not saved:
        return
    body.heading("Saved queries", 2)
    for query in saved:
        body.heading(query.name, 3)
        grey_run(body.paragraph(), query.description, italic=True, size=9)
        try:
            result = project.analysis.run_saved(query.name)
        except CodewerkError as exc:  # a code it names was renamed or deleted since
            grey_run(body.paragraph(), text("Cannot run now: {error}", error=exc), italic=True)
            continue
        if not result.quotes:
            grey_run(body.paragraph(), text("No quotes."), italic=True)
        for quote in result.quotes:
            paragraph = indented(body.paragraph())
            paragraph.add_run(xml_text(f"‘{' '.join(quote.text.split())}’ "))
            grey_run(paragraph, xml_text(f"({quote.document}; {quote.code_path})"), size=9)
