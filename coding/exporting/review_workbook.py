"""The review workbook for a supervisor: marks through a drop-down, comments, ids hidden for the import.

Sheets: instructions (Dutch and English), then one sheet per concept — its judgements per group on
top, then its quotes — and a hidden sheet with the project's identity (see
:mod:`coding.reviews.review_layout`). The quote and judgement cells are locked (sheet protection
without a password, against accidents, not against intent); the review and comment cells are not.
The review column offers exactly the three marks (data validation, a drop-down list) in the file's
language. A4 landscape, the header row repeated on every printed page, quotes wrapped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from copy import copy
from pathlib import Path
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.protection import SheetProtection
from openpyxl.worksheet.worksheet import Worksheet

from coding.core.attributes import attribute_label, attribute_word
from coding.core.context import CodeRef
from coding.exporting.options import reject_unknown
from coding.exporting.review_content import ConceptReview, ReviewContent, ReviewItem, review_content
from coding.exporting.sheet_names import unique_sheet_names
from coding.exporting.xlsx_cells import FORMULA_START, cell_text, width_for, wrapped_lines
from coding.reviews.review_layout import (
    CHECK_COLUMN,
    COLUMNS,
    COMMENT_COLUMN,
    FORMAT,
    FORMAT_VERSION,
    ID_COLUMN,
    IDENTITY_SHEET,
    JUDGEMENT_BLOCK,
    QUOTE_BLOCK,
    REVIEW_COLUMN,
)
from coding.reviews.review_marks import MARKS, labels

if TYPE_CHECKING:
    from coding.project import Project

FONT = Font(name="Calibri", size=11)
BOLD = Font(name="Calibri", size=11, bold=True)
TITLE = Font(name="Calibri", size=14, bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDE4EE")
OPEN_FILL = PatternFill("solid", fgColor="FFF4C2")  # the cells the reviewer fills in
HEADER_BORDER = Border(bottom=Side(style="thin", color="8899AA"))
WRAP = Alignment(wrap_text=True, vertical="top")
UNLOCKED = Protection(locked=False)
LINE_HEIGHT = 15
MAX_ROW_HEIGHT = 409

#: Column widths (characters) of a concept sheet; the hidden id and check columns last. Columns that
#: are empty on a sheet (no memo, no question, no conversation yet) are hidden, so the rest print larger.
WIDTHS = (24, 12, 14, 16, 55, 24, 28, 30, 12, 34, 38, 18)
#: The Document column (its width in :data:`WIDTHS` is the default) is sized to the longest name on
#: one line, in 11-point Calibri (:func:`width_for`), between these: a longer name wraps.
DOCUMENT_COLUMN = 4
DOCUMENT_WIDTHS = (10.0, 34.0)
_OPTIONAL = {6: "memo", 7: "question", 8: "conversation"}

HEADERS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "quote": ("Code", "Respondent", "{group}", "Document", "Quote", "Memo", "Student's question",
                  "Conversation", "Review", "Comment"),
        "judgement": ("Code", "", "{group}", "Score", "Justification", "", "Student's question",
                      "Conversation", "Review", "Comment"),
        "judgements": ("Judgements per {group}",),
        "quotes": ("Quotes",),
    },
    "nl": {
        "quote": ("Code", "Respondent", "{group}", "Document", "Citaat", "Memo", "Vraag van de student",
                  "Gesprek", "Beoordeling", "Opmerking"),
        "judgement": ("Code", "", "{group}", "Oordeel", "Onderbouwing", "", "Vraag van de student",
                      "Gesprek", "Beoordeling", "Opmerking"),
        "judgements": ("Oordelen per {group}",),
        "quotes": ("Citaten",),
    },
}  # fmt: skip

INSTRUCTIONS_NL = (
    "Beoordeling van de citaten en oordelen",
    "Per concept staat een tabblad met eerst de oordelen per groep en daaronder de citaten.",
    "Kies in de kolom Beoordeling per regel akkoord, vraag of oneens (keuzelijst), "
    "en schrijf eventueel een toelichting in de kolom Opmerking.",
    "De overige cellen zijn beveiligd tegen per ongeluk wijzigen (zonder wachtwoord). "
    "Voeg geen regels of tabbladen toe en verwijder er geen: de student leest het bestand terug in Codewerk.",
    "Sla het bestand op als .xlsx (Excel of LibreOffice Calc) en stuur het terug.",
)
INSTRUCTIONS_EN = (
    "Reviewing the quotes and judgements",
    "Each concept has a sheet: its judgements per group first, its quotes below them.",
    "In the Review column, choose agreed, question or disagree for each row (drop-down list), "
    "and write any explanation in the Comment column.",
    "The other cells are protected against accidental changes (no password). Please do not add or delete "
    "rows or sheets: the student reads this file back into Codewerk.",
    "Save the file as .xlsx (Excel or LibreOffice Calc) and send it back.",
)

REVIEW_LETTER = get_column_letter(REVIEW_COLUMN)

SHEET_TITLE = {"en": "Instructions", "nl": "Instructies"}


def write_review_xlsx(
    project: Project,
    path: Path,
    *,
    by: str = "region",
    reviewer: str | None = None,
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    coder: str | None = None,
    language: str | None = None,
    **other: Any,
) -> None:
    reject_unknown("review workbook", other)
    content = review_content(
        project, reviewer=reviewer, by=by, codes=codes, groups=groups, coder=coder, language=language
    )
    workbook = Workbook()
    workbook.properties.creator = "Codewerk"
    workbook.properties.title = content.title
    instructions = workbook.active
    assert instructions is not None
    instructions.title = SHEET_TITLE[content.language]
    _instructions(instructions, content)
    names = unique_sheet_names(
        [c.concept.name for c in content.concepts], taken=(IDENTITY_SHEET, instructions.title)
    )
    styles: Styles = {}
    widths = _widths(content)
    for concept in content.concepts:
        _concept_sheet(workbook.create_sheet(names[concept.concept.name]), concept, content, styles, widths)
    _identity(workbook.create_sheet(IDENTITY_SHEET), content)
    workbook.security = WorkbookProtection(lockStructure=True)
    workbook.save(path)


#: The instructions' one column: as wide as a portrait A4 page holds at 100 % (LibreOffice printed a
#: wider one cut at the page's edge, words lost, whatever the fit-to-width setting).
INSTRUCTIONS_WIDTH = 88.0


def _instructions(sheet: Worksheet, content: ReviewContent) -> None:
    sheet.column_dimensions["A"].width = INSTRUCTIONS_WIDTH
    words = labels(content.language)
    lines: list[tuple[str, Font]] = []
    for block in (
        (INSTRUCTIONS_NL, INSTRUCTIONS_EN) if content.language == "nl" else (INSTRUCTIONS_EN, INSTRUCTIONS_NL)
    ):
        lines.append((block[0], TITLE))
        lines += [(line, FONT) for line in block[1:]]
        lines.append(("", FONT))
    lines.append((f"Project: {content.project_name}", BOLD))
    lines.append((f"Reviewer / beoordelaar: {content.reviewer}", BOLD))
    lines.append((f"Marks / beoordelingen: {', '.join(words[m] for m in MARKS)}", FONT))
    for row, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=row, column=1, value=text)
        cell.font = font
        cell.alignment = WRAP
        lines_needed = wrapped_lines(text, INSTRUCTIONS_WIDTH) if text else 1
        if lines_needed > 1:
            sheet.row_dimensions[row].height = LINE_HEIGHT * lines_needed + 3
    _print_setup(sheet, landscape=False)


def _print_setup(sheet: Worksheet, *, landscape: bool = True, title_rows: str | None = None) -> None:
    sheet.page_setup.orientation = "landscape" if landscape else "portrait"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.gridLines = True
    if title_rows:
        sheet.print_title_rows = title_rows


def _widths(content: ReviewContent) -> tuple[float, ...]:
    """:data:`WIDTHS` with the Document column as wide as the longest document name (with its coder)
    of every concept sheet, so that the sheets share it; within :data:`DOCUMENT_WIDTHS`."""
    names = {item.document_and_coder(content.language) for c in content.concepts for item in c.quotes}
    header = width_for(HEADERS[content.language]["quote"][DOCUMENT_COLUMN - 1]) + 1  # in bold
    least, most = DOCUMENT_WIDTHS
    wanted = max([header, *(width_for(_text(name)) for name in names if name)])
    widths: list[float] = list(WIDTHS)
    widths[DOCUMENT_COLUMN - 1] = min(max(least, math.ceil(wanted * 2) / 2), most)
    return tuple(widths)


def _concept_sheet(
    sheet: Worksheet,
    concept: ConceptReview,
    content: ReviewContent,
    styles: Styles,
    widths: Sequence[float],
) -> None:
    words = labels(content.language)
    headers = HEADERS[content.language]
    group = attribute_label(content.by, content.language)
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    items = [*concept.judgements, *concept.quotes]
    for column in (ID_COLUMN, CHECK_COLUMN):
        sheet.column_dimensions[get_column_letter(column)].hidden = True
    for column, field in _OPTIONAL.items():
        if not any(getattr(item, field) for item in items):
            sheet.column_dimensions[get_column_letter(column)].hidden = True
    validation = DataValidation(
        type="list",
        formula1='"' + ",".join(words[m] for m in MARKS) + '"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="Codewerk",
        error=" / ".join(words[m] for m in MARKS),
        promptTitle=headers["quote"][REVIEW_COLUMN - 1],
        prompt=" / ".join(words[m] for m in MARKS),
        showInputMessage=True,
    )
    sheet.add_data_validation(validation)
    row = 1
    title = sheet.cell(row=row, column=1, value=cell_text(concept.concept.path_text))
    title.font = TITLE
    row += 1
    header_row = None
    if concept.judgements:
        sheet.cell(
            row=row,
            column=1,
            value=headers["judgements"][0].format(group=attribute_word(content.by, content.language)),
        ).font = BOLD
        row += 1
        _header(sheet, row, headers["judgement"], group, JUDGEMENT_BLOCK)
        row += 1
        validation.add(f"{REVIEW_LETTER}{row}:{REVIEW_LETTER}{row + len(concept.judgements) - 1}")
        for item in concept.judgements:
            _item(sheet, row, item, styles, content.language, widths)
            row += 1
        row += 1
    if concept.quotes:
        sheet.cell(row=row, column=1, value=headers["quotes"][0]).font = BOLD
        row += 1
        _header(sheet, row, headers["quote"], group, QUOTE_BLOCK)
        header_row = row
        row += 1
        validation.add(f"{REVIEW_LETTER}{row}:{REVIEW_LETTER}{row + len(concept.quotes) - 1}")
        for item in concept.quotes:
            _item(sheet, row, item, styles, content.language, widths)
            row += 1
    if header_row is not None:
        sheet.freeze_panes = f"A{header_row + 1}"
    _print_setup(sheet, title_rows=f"{header_row}:{header_row}" if header_row else None)
    sheet.print_area = f"A1:{get_column_letter(COMMENT_COLUMN)}{max(row - 1, 1)}"
    sheet.protection = SheetProtection(
        sheet=True,
        formatCells=True,
        formatRows=False,
        formatColumns=False,
        insertRows=True,
        deleteRows=True,
        insertColumns=True,
        deleteColumns=True,
        autoFilter=False,
        sort=True,
        selectLockedCells=False,
        selectUnlockedCells=False,
    )


def _header(sheet: Worksheet, row: int, labels_: Sequence[str], group: str, block: str) -> None:
    for column, label in enumerate((*labels_, block, "check"), start=1):
        cell = sheet.cell(row=row, column=column, value=label.format(group=group))
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = HEADER_BORDER
        cell.alignment = WRAP


def _text(value: str) -> str:
    return cell_text(value)


Styles = dict[tuple[bool, bool], Any]


def _style(cell: Any, open_cell: bool, quote_prefix: bool, styles: Styles) -> None:
    """Set a cell's style; each combination is built once per workbook and then copied, since
    setting font, fill, alignment and protection cell by cell is what costs the time."""
    key = (open_cell, quote_prefix)
    cached = styles.get(key)
    if cached is not None:
        cell._style = copy(cached)
        return
    cell.alignment = WRAP
    cell.font = FONT
    if open_cell:
        cell.protection = UNLOCKED
        cell.fill = OPEN_FILL
    if quote_prefix:
        cell.quotePrefix = True
    styles[key] = copy(cell._style)


def _item(
    sheet: Worksheet, row: int, item: ReviewItem, styles: Styles, language: str, widths: Sequence[float]
) -> None:
    values: tuple[str, ...] = (
        item.code,
        item.respondent,
        item.group,
        item.document_and_coder(language),
        item.text,
        item.memo,
        item.question,
        item.conversation,
        item.mark,
        item.comment,
        item.guid,
        item.check,
    )
    lines = 1
    for column, value in enumerate(values, start=1):
        text = _text(value)
        cell = sheet.cell(row=row, column=column)
        cell.value = text if text else None
        formula_like = bool(text) and text.startswith(FORMULA_START)
        if formula_like:
            cell.data_type = "s"  # text, never a formula
        _style(cell, column in (REVIEW_COLUMN, COMMENT_COLUMN), formula_like, styles)
        if column <= COMMENT_COLUMN and text:
            per_line = max(int(widths[column - 1] * 1.1) - 2, 1)
            lines = max(lines, sum(max(1, math.ceil(len(part) / per_line)) for part in text.split("\n")))
    if lines > 1:
        sheet.row_dimensions[row].height = min(LINE_HEIGHT * lines + 3, MAX_ROW_HEIGHT)
    assert len(values) == COLUMNS


def _identity(sheet: Worksheet, content: ReviewContent) -> None:
    rows = [
        ("format", FORMAT),
        ("version", FORMAT_VERSION),
        ("project_guid", content.project_guid),
        ("project", content.project_name),
        ("reviewer", content.reviewer),
        ("by", content.by),
        ("language", content.language),
        ("exported_at", content.exported_at.isoformat(timespec="seconds")),
        ("quotes", content.quote_count),
        ("judgements", content.judgement_count),
    ]
    for row, (key, value) in enumerate(rows, start=1):
        sheet.cell(row=row, column=1, value=key)
        sheet.cell(row=row, column=2, value=value)
    sheet.sheet_state = "hidden"
    sheet.protection = SheetProtection(sheet=True)
