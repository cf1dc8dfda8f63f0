"""The answers per guide question to Excel and Word (``codewerk guide PROJECT answers --all --output``).

Excel: one sheet per theme (the concept that holds the guide questions), one row per question (its
reference and wording), one column per respondent (the interview, with the attribute it is grouped
by), the answer's words in the cell; A4 landscape, the header row and the question column repeated on
every printed page. Word: per theme a heading, per question a heading and then each respondent's
answer as a paragraph (a table of twenty columns does not read on paper). Both are written
atomically; an existing file only with ``overwrite``.
"""

from __future__ import annotations

from pathlib import Path

from coding.core.attributes import present_key
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.core.numbers import number
from coding.exporting import write_atomically
from coding.guide.guide_service import GuideAnswer, GuideTable, Respondent

SUFFIXES = (".xlsx", ".docx")
#: Shown in a cell of a question the interview does not ask (or the matcher did not find).
NOT_ASKED = "—"
QUESTION_WIDTH = 38.0
ANSWER_WIDTH = 42.0


def check_suffix(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidInputError(
            text(
                ("{name}: the answers per guide question are written to .xlsx or .docx, not '{value}'"),
                name=path.name,
                value=suffix or "no extension",
            )
        )
    return suffix


def respondent_label(respondent: Respondent, by: str | None) -> str:
    """``R5`` or, grouped by an attribute, ``R5 (Zwolle)``."""
    if not by:
        return respondent.document
    value = _value(respondent, by)
    return f"{respondent.document} ({value})" if value else respondent.document


def _value(respondent: Respondent, by: str) -> str:
    """The respondent's value of ``by`` under any name a metadata sheet gives it (``regio`` for ``region``)."""
    attributes = {k.casefold(): v for k, v in respondent.attributes.items()}
    return attributes.get(present_key(attributes, by), "")


def ordered_respondents(table: GuideTable, by: str | None) -> list[Respondent]:
    """The interviews in document order or, grouped by an attribute, by its value (then document order;
    those without a value last)."""
    if not by:
        return list(table.respondents)

    def value(respondent: Respondent) -> str:
        return _value(respondent, by).casefold()

    # stable: document order within a value; interviews without one last, as the guide view shows them
    return sorted(table.respondents, key=lambda r: (value(r) == "", value(r)))


def answer_cell(answer: GuideAnswer | None) -> str:
    if answer is None:
        return NOT_ASKED
    return answer.text.strip() or NOT_ASKED


def export_answers(
    table: GuideTable, path: Path, *, by: str | None = None, title: str = "", overwrite: bool = False
) -> Path:
    """Write the table of answers to ``path`` (.xlsx or .docx); returns the path."""
    suffix = check_suffix(path)
    if not table.questions:
        raise InvalidInputError(text("the project has no guide: import a guide document first"))
    respondents = ordered_respondents(table, by)
    if suffix == ".xlsx":
        return write_atomically(
            path, lambda target: _write_xlsx(target, table, respondents, by, title), overwrite=overwrite
        )
    return write_atomically(
        path, lambda target: _write_docx(target, table, respondents, by, title), overwrite=overwrite
    )


def _write_xlsx(
    target: Path, table: GuideTable, respondents: list[Respondent], by: str | None, title: str
) -> None:
    from openpyxl import Workbook

    from coding.exporting.sheet_names import unique_sheet_names
    from coding.exporting.xlsx_cells import SheetWriter

    workbook = Workbook(write_only=True)
    workbook.properties.creator = "Codewerk"
    workbook.properties.title = title or text("Answers per guide question")
    themes = table.themes()
    names = unique_sheet_names([theme or text("Guide") for theme, _entries in themes])
    widths = [QUESTION_WIDTH, *([ANSWER_WIDTH] * len(respondents))]
    for theme, entries in themes:
        sheet = workbook.create_sheet(names[theme or text("Guide")])
        writer = SheetWriter(sheet, widths, wrap=range(1, len(widths) + 1), freeze="B2")
        writer.header([text("Question"), *(respondent_label(r, by) for r in respondents)])
        for entry in entries:
            writer.row(
                [
                    f"{entry.ref}. {entry.question}",
                    *(answer_cell(table.answer(entry.ref, r.document)) for r in respondents),
                ]
            )
    workbook.save(target)


def _write_docx(
    target: Path, table: GuideTable, respondents: list[Respondent], by: str | None, title: str
) -> None:
    import docx
    from docx.shared import Pt

    from coding.exporting.docx_format import (
        BodyWriter,
        a4_pages,
        add_text,
        document_properties,
        grey_run,
        indented,
        title_block,
    )

    document = docx.Document()
    a4_pages(document)
    heading = title or text("Answers per guide question")
    document_properties(
        document, title=heading, subject=text("Answers per guide question"), author="Codewerk"
    )
    body = BodyWriter(document)
    title_block(body, heading, text("{count} interview(s)", count=len(respondents)))
    for theme, entries in table.themes():
        if theme:
            body.heading(theme, 1)
        for entry in entries:
            body.heading(f"{entry.ref}. {entry.question}", 2)
            if entry.prompts:
                grey_run(body.paragraph(), " · ".join(entry.prompts), italic=True, size=9)
            for respondent in respondents:
                answer = table.answer(entry.ref, respondent.document)
                paragraph = indented(body.paragraph())
                label = add_text(paragraph, respondent_label(respondent, by) + ": ")
                label.bold = True
                if answer is None or not answer.text.strip():
                    grey_run(paragraph, text("(not asked, or not found)"), italic=True)
                    continue
                add_text(paragraph, " ".join(answer.text.split()))
                if not answer.confirmed:
                    grey_run(
                        paragraph,
                        "  "
                        + text("[not confirmed: {confidence}]", confidence=number(answer.confidence, ".2f")),
                        size=8,
                    )
                paragraph.paragraph_format.space_after = Pt(4)
    body.close()
    document.save(str(target))
