"""The Excel workbook: overview of judgements, one quote sheet per group, frequencies with a chart, codebook.

Written in openpyxl's write-only mode (rows are streamed to the file), so 20,000 quotes take a few
seconds and little memory. Sheets, in order:

- ``Overview``: ``Code``, then ``<value>`` (score) and ``<value> note`` (justification) per group value;
  one row per code with a judgement, in codebook order; scores coloured red (``-/-``) to green (``+/+``).
  Below it, after an empty row, the judged concepts' scores as numbers (``-/-`` = 1 … ``+/+`` = 5), each
  group's under its score column, with a native spider (radar) chart (from three concepts) and a bar chart
  of them, each on a printed page of its own (with more than four groups, also a chart per group, two to a
  page).
- one sheet per group value (``(none)`` for quotes without the attribute): the group's judgements at
  the top (``Judgements for region Zwolle``: concept, code, score, justification, evidence) when it has
  any, then the quotes under the header ``Concept, Code, Respondent, Role, Document, Quote, Memo,
  Start, End`` (+ ``Page`` when a quote comes from a PDF) + further attributes; with
  ``without_interviewer`` the quotes hold only the respondents' words.

Every sheet prints on A4 landscape at a readable size (:func:`~coding.exporting.xlsx_cells.print_layout`:
fitted to one page wide when 11-point text stays at 70 % or more, else at 75 % across pages), with gridlines, the header row on every page and ``sheet – page X of Y`` in the footer; text
columns wrap and rows are as tall as their text, so nothing is clipped.
- ``Frequencies``: coded passages per code and group, a concept summary and a native bar chart of it.
- ``Codebook``: path, question reference, description and scale of every code.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook

from coding.core.attributes import attribute_word
from coding.core.context import CodeRef
from coding.core.i18n import text
from coding.core.records import CodeInfo, CodeTree
from coding.exporting.options import reject_unknown
from coding.exporting.quote_rows import QuoteTable, quote_table
from coding.exporting.sheet_names import unique_sheet_names
from coding.exporting.xlsx_cells import FIT_SCALE, MIN_SCALE, PAGE_WIDTH_UNITS, SheetWriter, width_for
from coding.exporting.xlsx_charts import frequency_chart, score_charts
from coding.exporting.xlsx_rows import save_workbook
from coding.judgements.comparison import (
    NO_GROUP,
    FrequencyTable,
    GridCell,
    JudgementGrid,
    score_colour,
    score_series,
)

if TYPE_CHECKING:
    from coding.project import Project

OVERVIEW = "Overview"
FREQUENCIES = "Frequencies"
CODEBOOK = "Codebook"
FIXED_SHEETS = (OVERVIEW, FREQUENCIES, CODEBOOK)

#: Column widths of a quote sheet, laid out for A4 landscape at a readable size: the quote wide and
#: wrapped, the rest narrow (wrapped too, so that nothing is clipped). Further attribute columns 12.
_QUOTE_WIDTHS = {
    "Concept": 14,
    "Code": 24,
    "Respondent": 11,
    "Role": 12,
    "Document": 16,
    "Quote": 52,
    "Memo": 22,
    "Start": 6,
    "End": 6,
    "Page": 6,
    "Review": 22,
    "Time": 9,
    "Coder": 11,
}
_NOT_WRAPPED = ("Respondent", "Start", "End", "Page")
_OTHER_WIDTH = 12
_MIN_QUOTE_WIDTH = 36
_MIN_MEMO_WIDTH = 18.0
#: The Document column widens to its longest name (on one line) up to this: a wider one wraps.
_MAX_DOCUMENT_WIDTH = 40
#: Where a document name may break across lines: after a hyphen or a space (Excel and LibreOffice).
_NAME_BREAK = re.compile(r"(?<=[- ])")
#: Columns of short values (a concept's name, a role) that widen to their longest word, up to this, so that
#: LibreOffice and Excel do not split a Dutch compound mid-word ("cultuurverschille|n").
_WHOLE_WORD_COLUMNS = ("Concept", "Role")
_MAX_WORD_WIDTH = 28.0
#: A group sheet freezes its quote header when the group's judgements above it take no more rows.
_FREEZE_UP_TO = 8


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
    key = project.documents.attribute_named(by)
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
    workbook.properties.title = text("{name} — comparison by {key}", name=project.path.stem, key=key)
    _overview(workbook, grid)
    none = text(NO_GROUP) if text(NO_GROUP) not in grid.values else NO_GROUP  # "(geen waarde)" in Dutch
    shown = {value: none if value == NO_GROUP else value for value in grid.values}
    names = unique_sheet_names(list(shown.values()), taken=tuple(text(name) for name in FIXED_SHEETS))
    for index, value in enumerate(grid.values):
        judged = [(row.code, row.cells[index]) for row in grid.rows if row.cells[index].judgement]
        _quote_sheet(
            workbook,
            names[shown[value]],
            table,
            table.groups.get(value, []),
            judged,
            f"{attribute_word(key)} {shown[value]}",
        )
    _frequencies(workbook, frequencies)
    _codebook(workbook, project.codes.tree())
    save_workbook(workbook, path)


def _overview(workbook: Workbook, grid: JudgementGrid) -> None:
    """Judged codes × groups (score and note per group); below, on the same columns, the concepts'
    scores as numbers under each group's score column, then the charts, each on a page of its own."""
    sheet = workbook.create_sheet(text(OVERVIEW))
    columns = [i for i, value in enumerate(grid.values) if value != NO_GROUP]
    # a score column as wide as the longest word of its group's name (names wrap between words)
    score_widths = [min(max(7.0, max(len(w) for w in grid.values[i].split()) + 1.5), 18.0) for i in columns]
    room = PAGE_WIDTH_UNITS * 100 / MIN_SCALE - 36 - sum(score_widths) - 1.4 * len(columns)
    note_width = max(18.0, min(40.0, room / max(len(columns), 1)))
    widths: list[float] = [36]
    for score_width in score_widths:
        widths += [score_width, note_width]
    writer = SheetWriter(
        sheet, widths, wrap=[1, *(3 + 2 * n for n in range(len(columns)))], freeze=None, boxed=True
    )
    sheet.freeze_panes = "B2"  # no header repeated in print: the pages after the table hold the charts
    header = ["Code"]
    for i in columns:
        header += [grid.values[i], text("{group} note", group=grid.values[i])]
    writer.header(header)
    judged = 0
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
        judged += 1
    writer.autofilter()
    if not judged:  # said, so that the supervisor's first page is not a bare header
        writer.title(
            text(
                "No concept is judged yet (judgements are made in Compare); the quotes follow on the next sheets."
            )
        )
    series = score_series(grid)
    if series.empty:
        return
    writer.blank()
    scale = ", ".join(f"{label} = {number}" for number, label in enumerate(series.labels, start=1))
    # each judged group's numbers right under its score column of the table above
    position = {grid.values[i]: 2 + 2 * n for n, i in enumerate(columns)}
    score_columns = [position[value] for value in series.values]
    labels: list[str | None] = [None] * (1 + 2 * len(columns))
    labels[0] = text("Scores for the charts ({scale})", scale=scale)
    for value, column in zip(series.values, score_columns, strict=True):
        labels[column - 1] = value
    writer.header(labels)
    first = writer.rows
    for index, concept in enumerate(series.concepts):
        numbers: list[Any] = [None] * (1 + 2 * len(columns))
        numbers[0] = concept.name
        for scores, column in zip(series.scores, score_columns, strict=True):
            numbers[column - 1] = _number(scores[index])
        writer.row(numbers)
    score_charts(sheet, series, header_row=first, columns=score_columns, scale=writer.scale)


def _number(score: float | None) -> float | int | None:
    """``4`` rather than ``4.0`` in the cell; empty where a group has no judgement (a gap in the chart)."""
    if score is None:
        return None
    return int(score) if score == int(score) else round(score, 2)


def _quote_widths(
    header: Sequence[str], names: Sequence[str] = (), words: Mapping[str, float] | None = None
) -> list[float]:
    """The quote sheets' column widths; ``names`` are the documents' names the Document column shows,
    ``words`` the widths the longest word of a concept or role column needs (:func:`_word_widths`)."""
    widths = [float(_QUOTE_WIDTHS.get(label, _OTHER_WIDTH)) for label in header]
    if "Document" in header and names:
        widths[header.index("Document")] = _document_width(header, widths, names)
    if "Quote" in header:  # more columns, a narrower quote (never under 36)
        others = sum(w + 0.7 for label, w in zip(header, widths, strict=True) if label != "Quote")
        room = PAGE_WIDTH_UNITS * 100 / MIN_SCALE - others - 1
        widths[header.index("Quote")] = max(_MIN_QUOTE_WIDTH, min(_QUOTE_WIDTHS["Quote"], room))
    over = sum(w + 0.7 for w in widths) - PAGE_WIDTH_UNITS * 100 / FIT_SCALE
    if over > 0 and "Memo" in header:  # a wider Document column: the memo gives way, down to 18
        memo = header.index("Memo")
        widths[memo] = max(_MIN_MEMO_WIDTH, widths[memo] - math.ceil(over * 2) / 2)
    for label, wanted in (words or {}).items():  # as far as the page allows, the memo giving way
        if label in header:
            _widen(header, widths, header.index(label), wanted)
    return widths


def _widen(header: Sequence[str], widths: list[float], column: int, wanted: float) -> None:
    need = wanted - widths[column]
    spare = PAGE_WIDTH_UNITS * 100 / FIT_SCALE - sum(w + 0.7 for w in widths)
    if need > spare and "Memo" in header:
        memo = header.index("Memo")
        give = max(0.0, min(math.ceil((need - spare) * 2) / 2, widths[memo] - _MIN_MEMO_WIDTH))
        widths[memo] -= give
        spare += give
    widths[column] += max(0.0, min(need, math.floor(spare * 2) / 2))


def _document_width(header: Sequence[str], widths: Sequence[float], names: Sequence[str]) -> float:
    """Wide enough for the longest name on one line (capped), so that LibreOffice and Excel no longer
    split a name mid-word ("R1_secretaris_mid|den-gelderland"). Where that would take the sheet past
    one printed page wide at a readable scale, as wide as the page allows but never narrower than the
    longest piece of a name between hyphens and spaces (the memo column gives way): a name then wraps
    only where it may break."""
    column = header.index("Document")
    base = widths[column]
    whole = max(width_for(name) for name in names)
    pieces = max(width_for(piece.rstrip()) for name in names for piece in _NAME_BREAK.split(name) if piece)
    others = sum(w + 0.7 for i, w in enumerate(widths) if i != column)
    if "Quote" in header:  # the quote column gives way to its minimum first
        quote = header.index("Quote")
        others -= widths[quote] - min(widths[quote], _MIN_QUOTE_WIDTH)
    page = PAGE_WIDTH_UNITS * 100 / FIT_SCALE - others - 0.7
    wanted = min(float(_MAX_DOCUMENT_WIDTH), whole)
    if wanted > page:
        wanted = max(min(page, wanted), min(float(_MAX_DOCUMENT_WIDTH), pieces))
    return float(max(base, math.ceil(wanted * 2) / 2))


def _quote_sheet(
    workbook: Workbook,
    name: str,
    table: QuoteTable,
    rows: Sequence[tuple[Any, ...]],
    judged: Sequence[tuple[CodeInfo, GridCell]],
    group: str,
) -> None:
    """The group's judgements at the top (when it has any), then its quotes with their header."""
    sheet = workbook.create_sheet(name)
    header = table.header
    names = _document_names(table)
    words = _word_widths(table)
    top = len(judged) + 3 if judged else 0  # title, header, judgements, an empty row
    writer = SheetWriter(
        sheet,
        _quote_widths(header, names, words),
        wrap=[i for i, label in enumerate(header, start=1) if label not in _NOT_WRAPPED],
        freeze=None,
    )
    quote_header = top + 1
    if top <= _FREEZE_UP_TO + 3:
        sheet.freeze_panes = f"A{quote_header + 1}"
    sheet.print_title_rows = f"{quote_header}:{quote_header}"
    if judged:
        writer.title(text("Judgements for {group}", group=group))
        labels: list[str | None] = [None] * len(header)
        labels[:3] = ["Concept", "Code", "Score"]
        quote = header.index("Quote")
        labels[quote] = "Justification"
        labels[quote + 1] = "Evidence"
        writer.header(labels)
        for code, cell in judged:
            assert cell.judgement is not None
            evidence = len(cell.judgement.evidence)
            values: list[Any] = [None] * len(header)
            colours: list[str | None] = [None] * len(header)
            values[0] = code.concept
            values[1] = " › ".join(code.path[1:])
            values[2] = cell.score
            colours[2] = score_colour(cell.score, code.scale)
            values[quote] = cell.justification
            values[quote + 1] = _evidence(evidence)
            writer.row(values, colours)
        writer.blank()
    writer.header(header)
    for row in rows:
        writer.row(row)
    writer.autofilter(first=quote_header)


def _word_widths(table: QuoteTable) -> dict[str, float]:
    """For the concept and role columns, the width their longest word needs on one line (capped)."""
    out: dict[str, float] = {}
    for label in _WHOLE_WORD_COLUMNS:
        if label in table.header:
            column = table.header.index(label)
            words = {
                w for rows in table.groups.values() for row in rows for w in str(row[column] or "").split()
            }
            out[label] = min(
                _MAX_WORD_WIDTH, max((math.ceil(width_for(w) * 2) / 2 for w in words), default=0.0)
            )
    return out


def _document_names(table: QuoteTable) -> list[str]:
    """Every document name the quote sheets show, so that all sheets share the Document column's width."""
    if "Document" not in table.header:
        return []
    column = table.header.index("Document")
    return sorted({str(row[column]) for rows in table.groups.values() for row in rows if row[column]})


def _evidence(count: int) -> str:
    """How many quotes a judgement names as its evidence, in the output language."""
    if not count:
        return ""
    return text("1 quote as evidence") if count == 1 else text("{count} quotes as evidence", count=count)


def _frequencies(workbook: Workbook, table: FrequencyTable) -> None:
    """Codes × groups with totals; below it the top-level codes only, which the bar chart (on a
    page of its own after the tables) shows."""
    sheet = workbook.create_sheet(text(FREQUENCIES))
    values = table.values
    selected = {row.code.id for row in table.rows}
    tops = [row for row in table.rows if row.code.parent_id not in selected]
    group_widths = [min(max(7.0, max((len(w) for w in v.split()), default=1) + 1.5), 16.0) for v in values]
    writer = SheetWriter(sheet, [40, *group_widths, 8], wrap=[1], boxed=True)
    writer.header(["Code", *values, "Total"])
    for row in table.rows:
        writer.row([row.code.path_text, *row.counts, row.total])
    writer.row([text("All coded passages (each once)"), *table.totals, table.total], bold=True)
    writer.autofilter(writer.rows - 1)
    if not (tops and values):
        return
    writer.blank()
    writer.header(["Concept", *values])
    summary = writer.rows
    for row in tops:
        writer.row([row.code.name, *row.counts])
    frequency_chart(
        sheet,
        attribute=table.attribute,
        header_row=summary,
        concepts=len(tops),
        first_column=1,
        groups=len(values),
        below_row=writer.rows,
        scale=writer.scale,
    )


def _codebook(workbook: Workbook, tree: CodeTree) -> None:
    sheet = workbook.create_sheet(text(CODEBOOK))
    writer = SheetWriter(sheet, [34, 9, 58, 14, 10, 18], wrap=[1, 3, 4, 6])
    writer.header(["Code", "Question", "Description", "Scale", "Kind", "Label"])
    for code in tree:
        scale = "open" if code.scale is None else "  ".join(code.scale)
        writer.row(
            [code.path_text, code.question or "", code.description, scale, text(code.kind), code.label]
        )
    writer.autofilter()
