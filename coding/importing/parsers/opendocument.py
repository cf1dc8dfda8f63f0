"""OpenDocument text (.odt): ``content.xml`` parsed with defusedxml.

* ``text:p`` / ``text:h`` (also inside lists and sections) are one line each;
* a table row is one line, its cells separated by a tab (covered cells are empty); inside
  a cell, paragraphs, tabs, line breaks and nested tables become single spaces;
* ``text:s`` → spaces (``text:c``), ``text:tab`` → tab, ``text:line-break`` → newline;
  literal white space is collapsed as the ODF specification prescribes;
* tracked deletions (kept in ``text:tracked-changes``), notes, annotations, frames are skipped.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import ParsedDocument
from coding.core.text import normalise_text
from coding.importing.parsers.safety import check_zip_document

_TEXT = "{urn:oasis:names:tc:opendocument:xmlns:text:1.0}"
_TABLE = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
_OFFICE = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
_DRAW = "{urn:oasis:names:tc:opendocument:xmlns:drawing:1.0}"
_PARAGRAPHS = frozenset({f"{_TEXT}p", f"{_TEXT}h"})
_TABLE_TAG = f"{_TABLE}table"
_ROW_CONTAINERS = frozenset({f"{_TABLE}table-header-rows", f"{_TABLE}table-rows", f"{_TABLE}table-row-group"})
_CELLS = frozenset({f"{_TABLE}table-cell", f"{_TABLE}covered-table-cell"})
# Blocks and inline elements whose content is not part of the document text.
_SKIPPED = frozenset(
    {
        f"{_TEXT}tracked-changes", f"{_TEXT}note", f"{_OFFICE}annotation",
        f"{_OFFICE}annotation-end", f"{_OFFICE}forms", f"{_TEXT}sequence-decls",
        f"{_TEXT}variable-decls", f"{_TEXT}user-field-decls", f"{_TEXT}dde-connection-decls",
        f"{_TABLE}table-columns", f"{_TABLE}table-column", f"{_TABLE}table-header-columns",
        f"{_TEXT}ruby-text",
    }
)  # fmt: skip
_WHITESPACE = re.compile(r"[ \t\r\n]+")
TEXT_BOX_WARNING = "text in text boxes and shapes was not imported"
_MIMETYPE = "application/vnd.oasis.opendocument.text"


def parse_odt(path: Path) -> ParsedDocument:
    check_zip_document(path, "odt")
    damaged = say("not a valid OpenDocument text (the file is damaged or not really .odt)")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names:
                mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                if mimetype != _MIMETYPE and not mimetype.startswith(_MIMETYPE + "-"):
                    raise FileImportError(
                        path, say("not an OpenDocument text (its type is {mimetype})", mimetype=mimetype)
                    )
            manifest = "META-INF/manifest.xml"
            if manifest in names and b"encryption-data" in archive.read(manifest):
                raise FileImportError(path, say("password-protected; save it without a password"))
            content = archive.read("content.xml")
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error):
        raise FileImportError(path, damaged) from None
    try:
        root = fromstring(content, forbid_dtd=True)
    except DefusedXmlException:
        raise FileImportError(path, say("contains unsafe XML (entities or a DTD); not imported")) from None
    except (ParseError, ValueError):
        raise FileImportError(path, damaged) from None
    office_text = root.find(f"{_OFFICE}body/{_OFFICE}text")
    if office_text is None:
        raise FileImportError(path, say("not an OpenDocument text (no text body)"))
    notes: set[str] = set()
    text = normalise_text("\n".join(_block_lines(office_text, notes)))
    return ParsedDocument(
        text=text, source_format="odt", encoding=None, turns=(), pages=(),
        warnings=tuple(sorted(notes)),
    )  # fmt: skip


def _block_lines(container: Element, notes: set[str]) -> list[str]:
    lines: list[str] = []
    for child in container:
        if child.tag in _PARAGRAPHS:
            lines.append(_paragraph_text(child, notes))
        elif child.tag == _TABLE_TAG:
            lines.extend(_table_rows(child, notes))
        elif child.tag not in _SKIPPED:  # lists, list items, sections, indexes …
            lines.extend(_block_lines(child, notes))
    return lines


def _rows(container: Element) -> Iterator[Element]:
    for child in container:
        if child.tag == f"{_TABLE}table-row":
            yield child
        elif child.tag in _ROW_CONTAINERS:
            yield from _rows(child)


def _table_rows(table: Element, notes: set[str]) -> list[str]:
    rows = []
    for row in _rows(table):
        cells = []
        for cell in row:
            if cell.tag in _CELLS:
                lines = (re.sub(r"[\t\n]+", " ", line) for line in _block_lines(cell, notes))
                cells.append(" ".join(line for line in lines if line.strip()))
        rows.append("\t".join(cells))
    return rows


def _paragraph_text(paragraph: Element, notes: set[str]) -> str:
    """The text of one paragraph, with the ODF white-space rules applied."""
    parts: list[str] = []
    state = {"space": True}  # True: the last character emitted was (collapsible) white space

    def chars(data: str | None) -> None:
        if not data:
            return
        data = _WHITESPACE.sub(" ", data)
        if state["space"] and data.startswith(" "):
            data = data[1:]
        if data:
            parts.append(data)
            state["space"] = data.endswith(" ")

    def literal(data: str) -> None:
        parts.append(data)
        state["space"] = False

    def walk(element: Element) -> None:
        chars(element.text)
        for child in element:
            tag = child.tag
            if tag == f"{_TEXT}s":
                literal(" " * _count(child.get(f"{_TEXT}c")))
            elif tag == f"{_TEXT}tab":
                literal("\t")
            elif tag == f"{_TEXT}line-break":
                literal("\n")
            elif tag.startswith(_DRAW):
                if child.find(f".//{_DRAW}text-box") is not None or tag == f"{_DRAW}text-box":
                    notes.add(TEXT_BOX_WARNING)
            elif tag not in _SKIPPED:  # spans, links, fields, bookmarks, change marks …
                walk(child)
            chars(child.tail)

    walk(paragraph)
    text = "".join(parts)
    if text.endswith(" ") and state["space"]:
        text = text[:-1]
    return text


def _count(value: str | None) -> int:
    try:
        return max(1, min(int(value or 1), 10_000))
    except ValueError:
        return 1
