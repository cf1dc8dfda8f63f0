"""PDF: text layer page by page, page spans, scanned PDFs refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.core.errors import FileImportError
from coding.importing.parsers import ParsedPage, parse_file
from tests.coding.importing.builders import make_pdf

PAGE_1 = "Beleidsnota coördinatie\nEén café (2017), ideeën € 5"
PAGE_2 = "Pagina twee\nI: geen sprekers in PDF"


def test_pdf_two_pages(tmp_path: Path) -> None:
    path = tmp_path / "nota.pdf"
    path.write_bytes(make_pdf([PAGE_1.split("\n"), PAGE_2.split("\n")]))
    document = parse_file(path)
    assert document.text == PAGE_1 + "\n\n" + PAGE_2
    assert document.source_format == "pdf"
    assert document.encoding is None
    assert document.pages == (
        ParsedPage(number=1, start=0, end=len(PAGE_1)),
        ParsedPage(number=2, start=len(PAGE_1) + 2, end=len(PAGE_1) + 2 + len(PAGE_2)),
    )
    assert [document.text[page.start : page.end] for page in document.pages] == [PAGE_1, PAGE_2]
    assert document.turns == ()
    assert document.warnings == ()


def test_pdf_page_without_text_is_kept_empty_with_warning(tmp_path: Path) -> None:
    path = tmp_path / "gemengd.pdf"
    path.write_bytes(make_pdf([PAGE_1.split("\n"), None, PAGE_2.split("\n")]))
    document = parse_file(path)
    assert document.text == PAGE_1 + "\n\n\n\n" + PAGE_2
    assert [(page.number, document.text[page.start : page.end]) for page in document.pages] == [
        (1, PAGE_1),
        (2, ""),
        (3, PAGE_2),
    ]
    assert document.warnings == ("page 2 has no text layer (scanned?); that text is missing",)


def test_pdf_without_text_layer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf([None]))
    with pytest.raises(FileImportError) as caught:
        parse_file(path)
    assert str(caught.value) == "scan.pdf: no text layer (scanned PDF?); run OCR first"


def test_password_protected_pdf_is_refused(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = tmp_path / "open.pdf"
    source.write_bytes(make_pdf([PAGE_1.split("\n")]))
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="RC4-128")
    locked = tmp_path / "beveiligd.pdf"
    with open(locked, "wb") as handle:
        writer.write(handle)
    with pytest.raises(FileImportError, match=r"^beveiligd\.pdf: password-protected"):
        parse_file(locked)


def test_pdf_with_only_an_owner_password_opens(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    source = tmp_path / "open.pdf"
    source.write_bytes(make_pdf([PAGE_1.split("\n")]))
    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password="", owner_password="eigenaar", algorithm="RC4-128")
    restricted = tmp_path / "beperkt.pdf"
    with open(restricted, "wb") as handle:
        writer.write(handle)
    assert parse_file(restricted).text == PAGE_1
