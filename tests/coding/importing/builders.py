"""Builders for importer test fixtures: every file is generated inside the tests."""

from __future__ import annotations

import struct
import zipfile
from collections.abc import Sequence
from pathlib import Path

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

# ----------------------------------------------------------------------------- PDF


def make_pdf(pages: Sequence[Sequence[str] | None]) -> bytes:
    """A minimal PDF: one Helvetica (WinAnsi) text line per string; None = a page with only
    a filled rectangle (no text layer). Object offsets in the xref table are exact."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    pages_number = add(b"")  # filled in below
    kids = []
    for lines in pages:
        if lines:
            operators = [b"BT", b"/F1 12 Tf", b"14 TL", b"72 720 Td"]
            for line in lines:
                escaped = line.encode("cp1252").replace(b"\\", b"\\\\")
                escaped = escaped.replace(b"(", b"\\(").replace(b")", b"\\)")
                operators.append(b"(" + escaped + b") Tj T*")
            operators.append(b"ET")
            stream = b"\n".join(operators)
        else:
            stream = b"0 0 1 rg 72 600 200 100 re f"
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(
            add(
                b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] "
                b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>" % (pages_number, font, content)
            )
        )
    kid_refs = b" ".join(b"%d 0 R" % kid for kid in kids)
    objects[pages_number - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_number)

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        catalog,
        xref,
    )
    return bytes(out)


# ----------------------------------------------------------------------------- DOCX


def _run(tag: str, text: str, text_tag: str = "w:t") -> BaseOxmlElement:
    """<w:ins>/<w:del> holding one run with ``text``."""
    change = OxmlElement(tag)
    change.set(qn("w:id"), "1" if tag == "w:ins" else "2")
    change.set(qn("w:author"), "Codeur")
    change.set(qn("w:date"), "2024-05-12T10:00:00Z")
    run = OxmlElement("w:r")
    element = OxmlElement(text_tag)
    element.set(qn("xml:space"), "preserve")
    element.text = text
    run.append(element)
    change.append(run)
    return change


#: The text the import makes of :func:`make_docx`'s transcript.
DOCX_TEXT = (
    "Interview 3 – coördinatie in de wijk\n"
    "Datum: 12 mei 2017\n"
    "\n"
    "I: Hoe verliep de coördinatie?\n"
    "Naam\tRol\n"
    "Marieke\twijkverpleegkundige team A team B\n"
    "R5: Eén café,\tveel ideeën.\n"
    "Tweede regel.\n"
    "R5: Het was echt goed.\n"
    "Marieke: Dat klopt."
)


def make_docx(path: Path) -> Path:
    """A transcript with a heading, header/footer, comment, table (with a nested table),
    tracked changes, a tab, a line break and an empty paragraph."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Koptekst: vertrouwelijk"
    section.footer.paragraphs[0].text = "Voettekst pagina 1"
    document.add_heading("Interview 3 – coördinatie in de wijk", level=1)
    document.add_paragraph("Datum: 12 mei 2017")
    document.add_paragraph("")
    question = document.add_paragraph("I: Hoe verliep de coördinatie?")
    document.add_comment(question.runs, text="Opmerking van de codeur: nakijken", author="AB")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Naam"
    table.cell(0, 1).text = "Rol"
    table.cell(1, 0).text = "Marieke"
    cell = table.cell(1, 1)
    cell.text = "wijkverpleegkundige"
    nested = cell.add_table(rows=1, cols=2)
    nested.cell(0, 0).text = "team A"
    nested.cell(0, 1).text = "team B"
    answer = document.add_paragraph("R5: Eén café,")
    answer.add_run().add_tab()
    answer.add_run("veel ideeën.")
    answer.add_run().add_break()
    answer.add_run("Tweede regel.")
    tracked = document.add_paragraph("R5: Het was ")
    tracked._p.append(_run("w:ins", "echt "))
    tracked._p.append(_run("w:del", "niet ", "w:delText"))
    tracked.add_run("goed.")
    document.add_paragraph("Marieke: Dat klopt.")
    document.save(str(path))
    return path


# ----------------------------------------------------------------------------- ODT

ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"'
)


def make_odt(path: Path, body: str, *, mimetype: str = "application/vnd.oasis.opendocument.text") -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {ODT_NAMESPACES}><office:body><office:text>"
        f"{body}</office:text></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", mimetype, compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", content.encode("utf-8"), compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
            'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"/>',
        )
    return path


# ----------------------------------------------------------------------------- zips


def declare_sizes(data: bytes, sizes: dict[str, int]) -> bytes:
    """Patch the uncompressed sizes that the central directory declares for some members
    (a cheap way to build a zip that claims to unpack to gigabytes)."""
    patched = bytearray(data)
    position = patched.find(b"PK\x01\x02")
    while position != -1:
        name_length = struct.unpack_from("<H", patched, position + 28)[0]
        name = bytes(patched[position + 46 : position + 46 + name_length]).decode("utf-8")
        if name in sizes:
            struct.pack_into("<I", patched, position + 24, sizes[name])
        position = patched.find(b"PK\x01\x02", position + 46 + name_length)
    return bytes(patched)
