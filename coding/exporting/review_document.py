"""The review document for a supervisor in Word: a table per concept for its judgements and one for its
quotes, each row with a review cell (agreed / question / disagree, or akkoord / vraag / oneens) and a
comment cell. Word has no drop-down in a plain table, so the marks are typed; the import reads them
case-insensitively with their Dutch synonyms. Each row's first cell holds its stable id as hidden text,
a hidden paragraph the project's identity (see :mod:`coding.reviews.review_layout`). A4 landscape,
the header row repeated on every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell

from coding.core.attributes import attribute_label, attribute_word
from coding.core.context import CodeRef
from coding.core.xml_chars import xml_text
from coding.exporting.docx_format import add_text, grey_run, shade_cell
from coding.exporting.options import reject_unknown
from coding.exporting.review_content import ConceptReview, ReviewContent, ReviewItem, review_content
from coding.reviews.review_layout import word_marker
from coding.reviews.review_marks import MARKS, labels

if TYPE_CHECKING:
    from coding.project import Project

OPEN_FILL = "FFF4C2"
HEADER_FILL = "DDE4EE"
#: Column widths (cm) of both tables on A4 landscape with 1.5 cm margins (26.7 cm of text width). The
#: source holds a document's name (``R19_onderwijs_zuidoost-brabant``); the mark column fits "Beoordeling"
#: in bold; the conversation is empty in a first round.
WIDTHS = (4.2, 4.6, 7.7, 3.3, 3.2, 3.7)
#: The document's name in the source column is written exactly as it is (no invisible break characters,
#: so that Word's Find and copy-paste see the name), a point smaller than the rest: the demo's longest
#: names then break only after their ``-`` (``R1_secretaris_midden-`` fits); a longer name without a
#: break opportunity is wrapped by Word and LibreOffice where the fixed-width cell ends.
NAME_SIZE = Pt(9)
#: Where a line may break in a code path (a zero-width space after each ``/``: LibreOffice does not break
#: there by itself, and the words around it are long). Only code paths get it; the import removes it.
BREAK = "\u200b"


def breakable(path: str) -> str:
    """``path`` with a line break allowed after each ``/``, rather than in the middle of a word."""
    return path.replace("/", "/" + BREAK)


HEADERS = {
    "en": {
        "quote": ("Code", "Source", "Quote", "Conversation", "Review", "Comment"),
        "judgement": ("Code", "{group} · score", "Justification", "Conversation", "Review", "Comment"),
        "judgements": "Judgements per {group}",
        "quotes": "Quotes",
        "memo": "Memo",
        "question": "Student's question",
    },
    "nl": {
        "quote": ("Code", "Bron", "Citaat", "Gesprek", "Beoordeling", "Opmerking"),
        "judgement": ("Code", "{group} · oordeel", "Onderbouwing", "Gesprek", "Beoordeling", "Opmerking"),
        "judgements": "Oordelen per {group}",
        "quotes": "Citaten",
        "memo": "Memo",
        "question": "Vraag van de student",
    },
}

WORD_INSTRUCTIONS = {
    "en": (
        "Reviewing the quotes and judgements",
        "Each concept has a section: a table of its judgements per group, then a table of its quotes.",
        "Type agreed, question or disagree in the Review cell of a row, and any explanation in its Comment cell.",
        "Please do not add or delete rows or tables, and leave the other cells as they are: the student reads "
        "this file back into Codewerk.",
        "Save it as a Word document (.docx) and send it back.",
    ),
    "nl": (
        "Beoordeling van de citaten en oordelen",
        "Per concept staat een tabel met de oordelen per groep en daarna een tabel met de citaten.",
        "Typ in de cel Beoordeling van een regel akkoord, vraag of oneens, en eventueel een toelichting "
        "in de cel Opmerking.",
        "Voeg geen regels of tabellen toe, verwijder er geen en laat de overige cellen zoals ze zijn: de "
        "student leest het bestand terug in Codewerk.",
        "Sla het op als Word-document (.docx) en stuur het terug.",
    ),
}


def write_review_docx(
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
    reject_unknown("review document", other)
    content = review_content(
        project, reviewer=reviewer, by=by, codes=codes, groups=groups, coder=coder, language=language
    )
    document = Document()
    document.core_properties.author = "Codewerk"
    document.core_properties.title = content.title
    _page(document)
    normal = document.styles["Normal"]
    normal.font.size = Pt(10)
    document.add_heading(xml_text(content.heading), 0)
    grey_run(
        document.add_paragraph(), f"{content.reviewer} · {content.exported_at.date().isoformat()} · Codewerk"
    )
    _instructions(document, content)
    for concept in content.concepts:
        _concept(document, concept, content)
    document.save(str(path))


def _page(document: DocxDocument) -> None:
    for section in document.sections:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(29.7), Cm(21.0)
        section.left_margin = section.right_margin = Cm(1.5)
        section.top_margin = section.bottom_margin = Cm(1.5)


def _instructions(document: DocxDocument, content: ReviewContent) -> None:
    words = labels(content.language)
    order = ("nl", "en") if content.language == "nl" else ("en", "nl")
    for language in order:
        lines = WORD_INSTRUCTIONS[language]
        document.add_heading(lines[0], 2)
        for line in lines[1:]:
            document.add_paragraph(line)
    document.add_paragraph(f"Marks / beoordelingen: {', '.join(words[m] for m in MARKS)}")
    identity = document.add_paragraph()
    for text in (
        word_marker("project", content.project_guid),
        f"⟦cw:project={content.project_name}⟧",
        f"⟦cw:reviewer={content.reviewer}⟧",
        f"⟦cw:quotes={content.quote_count}⟧",
        f"⟦cw:judgements={content.judgement_count}⟧",
    ):
        run = add_text(identity, xml_text(text))
        run.font.hidden = True


def _repeat_header(table: Table) -> None:
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _table(document: DocxDocument, header: Sequence[str]) -> Table:
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    table.autofit = False
    for column, width in zip(table.columns, WIDTHS, strict=True):
        column.width = Cm(width)  # the grid LibreOffice reads; Word reads the cells' widths
    for cell, label, width in zip(table.rows[0].cells, header, WIDTHS, strict=True):
        cell.width = Cm(width)
        cell.text = ""
        run = cell.paragraphs[0].add_run(label)
        run.bold = True
        shade_cell(cell, HEADER_FILL)
    _repeat_header(table)
    return table


def _concept(document: DocxDocument, concept: ConceptReview, content: ReviewContent) -> None:
    headers = HEADERS[content.language]
    group = attribute_label(content.by, content.language)
    document.add_heading(xml_text(concept.concept.path_text), 1)
    if concept.judgements:
        document.add_heading(
            str(headers["judgements"]).format(group=attribute_word(content.by, content.language)), 2
        )
        table = _table(document, [h.format(group=group) for h in headers["judgement"]])
        for item in concept.judgements:
            _row(table, item, content, (f"{item.group} · {item.document}", ""))
    if concept.quotes:
        document.add_heading(str(headers["quotes"]), 2)
        table = _table(document, list(headers["quote"]))
        for item in concept.quotes:
            _row(table, item, content, _source(item, content.language))


def _source(item: ReviewItem, language: str) -> tuple[str, str]:
    """``R5, Zwolle`` and the document (with its coder), written on a line of its own."""
    who = ", ".join(part for part in (item.respondent, item.group) if part)
    return who, item.document_and_coder(language)


def _write(cell: _Cell, text: str) -> None:
    paragraph = cell.paragraphs[0]
    if text:
        add_text(paragraph, xml_text(text))


def _write_source(cell: _Cell, source: tuple[str, str]) -> None:
    who, name = source
    _write(cell, who)
    if name:
        paragraph = cell.paragraphs[0]
        if who:
            paragraph.add_run().add_break()
        add_text(paragraph, name).font.size = NAME_SIZE


def _row(table: Table, item: ReviewItem, content: ReviewContent, source: tuple[str, str]) -> None:
    headers = HEADERS[content.language]
    cells = table.add_row().cells
    for cell, width in zip(cells, WIDTHS, strict=True):
        cell.width = Cm(width)
    first = cells[0].paragraphs[0]
    add_text(first, breakable(xml_text(item.code)))
    marker = add_text(first, word_marker(item.kind, item.guid, item.check))
    marker.font.hidden = True
    _write_source(cells[1], source)
    _write(cells[2], item.text)
    if item.memo:
        grey_run(cells[2].add_paragraph(), xml_text(f"{headers['memo']}: {item.memo}"), italic=True, size=9)
    if item.question:
        run = add_text(cells[2].add_paragraph(), xml_text(f"{headers['question']}: {item.question}"))
        run.bold = True
    if item.conversation:
        grey_run(cells[3].paragraphs[0], xml_text(item.conversation), size=9)
    _write(cells[4], item.mark)
    _write(cells[5], item.comment)
    shade_cell(cells[4], OPEN_FILL)
    shade_cell(cells[5], OPEN_FILL)
