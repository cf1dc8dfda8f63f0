"""Small python-docx helpers shared by the Word exports: clean text, shaded runs, grey notes, indents."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from coding.core.i18n import text
from coding.core.records import ReviewInfo
from coding.core.xml_chars import xml_text

GREY = RGBColor(0x66, 0x66, 0x66)
QUOTE_INDENT = Cm(1)
#: Elements that must follow ``w:shd`` inside ``w:rPr`` (schema order).
_AFTER_SHADING = (
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
)


class BodyWriter:
    """Appends paragraphs to the end of a document in constant time.

    python-docx places every new paragraph before the section properties by searching the body for
    them, which makes a document of 20,000 quotes take minutes. The section properties are set aside
    while writing and put back by :meth:`close`.
    """

    def __init__(self, document: DocxDocument) -> None:
        self.document = document
        self._body = document.element.body
        self._section = self._body.find(qn("w:sectPr"))
        if self._section is not None:
            self._body.remove(self._section)
        self._styles: dict[str, str | None] = {}

    def paragraph(self, text: str = "", style: str | None = None) -> Paragraph:
        element = OxmlElement("w:p")
        self._body.append(element)
        paragraph = Paragraph(element, self.document._body)
        if style is not None:
            if style not in self._styles:
                self._styles[style] = self.document.part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            element.style = self._styles[style]
        if text:
            add_text(paragraph, text)
        return paragraph

    def heading(self, title: str, level: int) -> Paragraph:
        """A heading, given in English and written in the output language (coding.core.i18n)."""
        return self.paragraph(text(title), "Title" if level == 0 else f"Heading {level}")

    def table(self, rows: int, cols: int) -> Table:
        """A table at the end (python-docx needs the section for its width; few tables, so it may search)."""
        if self._section is not None:
            self._body.append(self._section)
        table = self.document.add_table(rows=rows, cols=cols)
        if self._section is not None:
            self._body.remove(self._section)
        return table

    def close(self) -> None:
        if self._section is not None:
            self._body.append(self._section)
            self._section = None


def add_text(paragraph: Paragraph, text: str) -> Run:
    """A run with ``text``; plain text is written as one ``w:t`` instead of character by character."""
    text = xml_text(text)
    if "\t" in text or "\n" in text or "\r" in text:
        return paragraph.add_run(text)
    run = paragraph.add_run()
    if text:
        run._r.add_t(text)
    return run


def hex_colour(colour: str | None, default: str = "FFFF00") -> str:
    """``#77aadd`` → ``77AADD``; anything that is not a hex colour gives ``default``."""
    value = (colour or "").strip().lstrip("#")
    return value.upper() if re.fullmatch(r"[0-9a-fA-F]{6}", value) else default


def lighten(colour: str, amount: float = 0.45) -> str:
    """Mix a ``RRGGBB`` colour with white so that black text stays readable on it."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def _shading(fill: str) -> BaseOxmlElement:
    """A ``w:shd`` element: a plain background of colour ``fill`` (``RRGGBB``)."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    return shading


def shade_run(run: Run, fill: str) -> None:
    """A background colour of any RGB value (Word's highlight knows only 16 colours)."""
    run._r.get_or_add_rPr().insert_element_before(_shading(fill), *_AFTER_SHADING)


def shade_cell(cell: _Cell, fill: str) -> None:
    cell._tc.get_or_add_tcPr().append(_shading(fill))


def review_line(review: ReviewInfo) -> str:
    """A review mark as a line of a Word export: ``Review (anna, question): bron?``."""
    return text("Review ({reviewer}, {status})", reviewer=review.reviewer, status=text(review.status)) + (
        f": {review.comment}" if review.comment else ""
    )


def grey_run(paragraph: Paragraph, text: str, *, italic: bool = False, size: float | None = None) -> Run:
    run = add_text(paragraph, text)
    run.font.color.rgb = GREY
    run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    return run


def indented(paragraph: Paragraph, left: Cm = QUOTE_INDENT, after: float = 2) -> Paragraph:
    paragraph.paragraph_format.left_indent = left
    paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def title_block(body: BodyWriter, title: str, subtitle: str) -> None:
    body.heading(title, 0)
    grey_run(body.paragraph(), f"{subtitle} · {date.today().isoformat()} · Codewerk")


def margins(document: DocxDocument) -> None:
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)


# -- print layout and document properties (issue 18 item 7) -----------------------------------
A4_WIDTH, A4_HEIGHT = Mm(210), Mm(297)


def a4_pages(document: DocxDocument) -> None:
    """A4 portrait with 2 cm margins and ``page X of Y`` centred in the footer of every page."""
    for section in document.sections:
        section.page_width, section.page_height = A4_WIDTH, A4_HEIGHT
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
        footer = section.footer.paragraphs[0]
        footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
        for label, field in ((text("Page "), "PAGE"), (text(" of "), "NUMPAGES")):
            grey_run(footer, label, size=8)
            _field(footer, field, "1", size=8)


def _field(paragraph: Paragraph, instruction: str, shown: str, *, size: float | None = None) -> None:
    """A field (``PAGE``, ``NUMPAGES``, ``TOC …``) with ``shown`` as its result until it is updated."""
    for kind in ("begin", None, "separate", "result", "end"):
        run = paragraph.add_run()
        if size is not None:
            run.font.size = Pt(size)
            run.font.color.rgb = GREY
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f" {instruction} "
            run._r.append(code)
        elif kind == "result":
            run._r.add_t(shown)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                mark.set(qn("w:dirty"), "true")  # Word recalculates it on opening
            run._r.append(mark)


def table_of_contents(body: BodyWriter, entries: list[tuple[int, str]], levels: int = 1) -> None:
    """A ``Contents`` heading and a TOC field over headings 1 to ``levels``. Until Word or LibreOffice updates it
    (Word does on opening: the field is marked dirty and ``updateFields`` is set), it lists ``entries``
    (level, text) without page numbers."""
    styles = body.document.styles
    for level in (1, 2):
        if f"toc {level}" not in [style.name for style in styles]:
            style = styles.add_style(f"toc {level}", WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = styles["Normal"]
            style.paragraph_format.left_indent = Cm(0.6 * (level - 1))
            style.paragraph_format.space_after = Pt(2)
    heading = body.paragraph(text("Contents"), "TOC Heading")
    heading.paragraph_format.keep_with_next = True
    begin = body.paragraph(style="toc 1")
    for kind in ("begin", None, "separate"):
        run = begin.add_run()
        if kind is None:
            code = OxmlElement("w:instrText")
            code.set(qn("xml:space"), "preserve")
            code.text = f' TOC \\o "1-{levels}" \\h \\z \\u '
            run._r.append(code)
        else:
            mark = OxmlElement("w:fldChar")
            mark.set(qn("w:fldCharType"), kind)
            if kind == "begin":
                mark.set(qn("w:dirty"), "true")
            run._r.append(mark)
    last = begin
    for index, (level, entry) in enumerate(entries):
        paragraph = begin if index == 0 else body.paragraph(style=f"toc {min(level, 2)}")
        add_text(paragraph, text(entry))
        last = paragraph
    end = last.add_run()
    mark = OxmlElement("w:fldChar")
    mark.set(qn("w:fldCharType"), "end")
    end._r.append(mark)
    settings = body.document.settings.element
    if settings.find(qn("w:updateFields")) is None:
        update = OxmlElement("w:updateFields")
        update.set(qn("w:val"), "true")
        settings.append(update)


def repeat_header(table: Table) -> None:
    """The first row is repeated at the top of every page the table runs onto; rows never split."""
    for index, row in enumerate(table.rows):
        properties = row._tr.get_or_add_trPr()
        cant_split = OxmlElement("w:cantSplit")
        properties.append(cant_split)
        if index == 0:
            header = OxmlElement("w:tblHeader")
            properties.append(header)


def document_properties(document: DocxDocument, *, title: str, subject: str, author: str) -> None:
    """Title, subject and author of the file (python-docx's template says "python-docx", 2013)."""
    now = datetime.now(UTC).replace(microsecond=0)
    properties = document.core_properties
    properties.title = xml_text(title)[:255]
    properties.subject = xml_text(subject)[:255]
    properties.author = properties.last_modified_by = xml_text(author)[:255]
    properties.created = properties.modified = now
    properties.revision = 1
    properties.comments = text("Exported by Codewerk")
    properties.keywords = text("qualitative research; quotes")
    properties.category = text("Codewerk export")
