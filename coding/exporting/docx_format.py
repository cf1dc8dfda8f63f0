"""Small python-docx helpers shared by the Word exports: clean text, shaded runs, grey notes, indents."""

from __future__ import annotations

import re
from datetime import date

from docx.document import Document as DocxDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

#: Characters XML 1.0 cannot hold; python-docx refuses them, so they are dropped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
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


def xml_text(text: str) -> str:
    return _NOT_XML.sub("", text)


def hex_colour(colour: str | None, default: str = "FFFF00") -> str:
    """``#77aadd`` → ``77AADD``; anything that is not a hex colour gives ``default``."""
    value = (colour or "").strip().lstrip("#")
    return value.upper() if re.fullmatch(r"[0-9a-fA-F]{6}", value) else default


def lighten(colour: str, amount: float = 0.45) -> str:
    """Mix a ``RRGGBB`` colour with white so that black text stays readable on it."""
    channels = [int(colour[i : i + 2], 16) for i in (0, 2, 4)]
    return "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


def shade_run(run: Run, fill: str) -> None:
    """A background colour of any RGB value (Word's highlight knows only 16 colours)."""
    properties = run._r.get_or_add_rPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.insert_element_before(shading, *_AFTER_SHADING)


def shade_cell(cell: _Cell, fill: str) -> None:
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    properties.append(shading)


def grey_run(paragraph: Paragraph, text: str, *, italic: bool = False, size: float | None = None) -> Run:
    run = paragraph.add_run(xml_text(text))
    run.font.color.rgb = GREY
    run.italic = italic
    if size is not None:
        run.font.size = Pt(size)
    return run


def indented(paragraph: Paragraph, left: Cm = QUOTE_INDENT, after: float = 2) -> Paragraph:
    paragraph.paragraph_format.left_indent = left
    paragraph.paragraph_format.space_after = Pt(after)
    return paragraph


def title_block(document: DocxDocument, title: str, subtitle: str) -> None:
    document.add_heading(xml_text(title), level=0)
    line = document.add_paragraph()
    grey_run(line, f"{subtitle} · {date.today().isoformat()} · Codewerk")


def margins(document: DocxDocument) -> None:
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2)
        section.top_margin = section.bottom_margin = Cm(2)
