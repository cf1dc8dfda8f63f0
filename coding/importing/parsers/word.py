"""Word (.docx): the body text in document order, tables in place, tracked changes accepted.

The XML is walked directly instead of using ``Paragraph.text`` so that inserted text
(``w:ins``) is included and deleted text (``w:del``, ``w:delText``, ``w:moveFrom``) is not.
Headers, footers, comments, footnotes and endnotes live in other parts and are not read.

* one paragraph is one line; empty paragraphs keep their empty line;
* a paragraph whose paragraph mark is a tracked deletion is joined with the next one;
* a table row is one line, its cells separated by a tab; inside a cell, paragraphs, line
  breaks, tabs and the rows and cells of nested tables are separated by single spaces;
* text boxes and shapes are skipped (with a warning).
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.opc.exceptions import PackageNotFoundError
from lxml import etree

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedDocument
from coding.core.text import normalise_text
from coding.importing.parsers.safety import check_zip_document

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_P, _TBL, _TR, _TC = f"{_W}p", f"{_W}tbl", f"{_W}tr", f"{_W}tc"
_SDT, _SDT_CONTENT, _CUSTOM_XML = f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"
_T, _TAB, _PTAB, _BR, _CR = f"{_W}t", f"{_W}tab", f"{_W}ptab", f"{_W}br", f"{_W}cr"
_NO_BREAK_HYPHEN, _TYPE = f"{_W}noBreakHyphen", f"{_W}type"
_TXBX_CONTENT = f"{_W}txbxContent"
# Inline elements whose content is not part of the visible, accepted text.
_SKIPPED = frozenset(
    f"{_W}{name}"
    for name in (
        "pPr", "rPr", "del", "moveFrom", "delText", "instrText", "delInstrText", "sdtPr",
        "sdtEndPr", "footnoteReference", "endnoteReference", "commentReference", "fldData",
    )
)  # fmt: skip
_DRAWINGS = frozenset({f"{_W}drawing", f"{_W}pict", f"{_W}object", f"{_MC}AlternateContent"})
TEXT_BOX_WARNING = "text in text boxes and shapes was not imported"
_CELL_SPACE = re.compile(r"[\t\n]+")


def parse_docx(path: Path) -> ParsedDocument:
    check_zip_document(path, "docx")
    try:
        body = Document(str(path)).element.body
    except ValueError as exc:
        message = str(exc)
        if "macroEnabled" in message:
            reason = say("a macro-enabled Word document; save it as .docx")
        elif "template" in message:
            reason = say("a Word template; save it as .docx")
        else:
            reason = say("not a valid Word document (the file is damaged or not really .docx)")
        raise FileImportError(path, reason) from None
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, etree.XMLSyntaxError,
            OSError, EOFError, zlib.error):  # fmt: skip
        raise FileImportError(
            path, say("not a valid Word document (the file is damaged or not really .docx)")
        ) from None
    notes: set[str] = set()
    text = normalise_text("\n".join(_block_lines(body, notes)))
    return ParsedDocument(
        text=text, source_format="docx", encoding=None, turns=(), pages=(),
        warnings=tuple(sorted(notes)),
    )  # fmt: skip


def _block_items(container: etree._Element) -> Iterator[etree._Element]:
    """Paragraphs and tables of ``container`` in order, looking inside content controls."""
    for child in container:
        if child.tag in (_P, _TBL):
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_items(content)
        elif child.tag == _CUSTOM_XML:
            yield from _block_items(child)


def _block_lines(container: etree._Element, notes: set[str]) -> list[str]:
    lines: list[str] = []
    pending: str | None = None  # a paragraph whose (deleted) mark joins it to the next
    for item in _block_items(container):
        if item.tag == _TBL:
            if pending is not None:
                lines.append(pending)
                pending = None
            lines.extend(_table_rows(item, notes))
            continue
        parts: list[str] = []
        _inline(item, parts, notes)
        text = (pending or "") + "".join(parts)
        pending = None
        if item.find(f"{_W}pPr/{_W}rPr/{_W}del") is not None:
            pending = text
        else:
            lines.append(text)
    if pending is not None:
        lines.append(pending)
    return lines


def _inline(element: etree._Element, out: list[str], notes: set[str]) -> None:
    for child in element:
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIPPED:
            continue
        if tag == _T:
            out.append(child.text or "")
        elif tag in (_TAB, _PTAB):
            out.append("\t")
        elif tag == _BR:
            out.append("\n" if child.get(_TYPE) in (None, "textWrapping") else "")
        elif tag == _CR:
            out.append("\n")
        elif tag == _NO_BREAK_HYPHEN:
            out.append("-")
        elif tag in _DRAWINGS:
            if any(True for _ in child.iter(_TXBX_CONTENT)):
                notes.add(TEXT_BOX_WARNING)
        else:  # runs, w:ins, w:moveTo, hyperlinks, fields, smart tags, inline content controls
            _inline(child, out, notes)


def _rows(table: etree._Element, tag: str) -> Iterator[etree._Element]:
    """Direct ``tag`` children of ``table`` (rows or cells), looking inside content controls."""
    for child in table:
        if child.tag == tag:
            yield child
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _rows(content, tag)
        elif child.tag == _CUSTOM_XML:
            yield from _rows(child, tag)


def _table_rows(table: etree._Element, notes: set[str]) -> list[str]:
    lines = []
    for row in _rows(table, _TR):
        if row.find(f"{_W}trPr/{_W}del") is not None:  # a deleted row (tracked change)
            continue
        lines.append("\t".join(_cell_text(cell, notes) for cell in _rows(row, _TC)))
    return lines


def _cell_text(cell: etree._Element, notes: set[str]) -> str:
    lines = (_CELL_SPACE.sub(" ", line) for line in _block_lines(cell, notes))
    return " ".join(line for line in lines if line.strip())
