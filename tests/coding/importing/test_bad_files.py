"""Every bad input is refused with FileImportError naming the file and the reason."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from coding.core.errors import FileImportError
from coding.importing.parsers import parse_file
from tests.coding.importing.builders import declare_sizes, make_docx, make_odt, make_pdf

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
MB = 1024 * 1024


def _refused(path: Path) -> str:
    with pytest.raises(FileImportError) as caught:
        parse_file(path)
    assert caught.value.path == path
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ")
    return message


@pytest.mark.parametrize(
    "name", ["leeg.txt", "leeg.md", "leeg.docx", "leeg.odt", "leeg.pdf", "leeg.vtt", "leeg.srt"]
)
def test_empty_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(b"")
    assert _refused(path) == f"{name}: the file is empty"


def test_file_without_text(tmp_path: Path) -> None:
    path = tmp_path / "spaties.txt"
    path.write_bytes(b"  \r\n\t\n\xef\xbb\xbf")
    assert _refused(path) == "spaties.txt: contains no text"


def test_docx_without_text(tmp_path: Path) -> None:
    from docx import Document

    path = tmp_path / "leeg_document.docx"
    Document().save(str(path))
    assert _refused(path) == "leeg_document.docx: contains no text"


def test_missing_file_and_folder(tmp_path: Path) -> None:
    assert _refused(tmp_path / "weg.txt") == "weg.txt: file not found"
    folder = tmp_path / "map.txt"
    folder.mkdir()
    assert _refused(folder) == "map.txt: is a folder, not a file"


def test_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "interview.xyz"
    path.write_text("I: hallo", "utf-8")
    assert _refused(path) == (
        "interview.xyz: unsupported file type '.xyz' (supported: .docx, .md, .odt, .pdf, .srt, .txt, .vtt)"
    )
    bare = tmp_path / "README"
    bare.write_text("tekst", "utf-8")
    assert "unsupported file type '(none)'" in _refused(bare)


def test_pdf_renamed_docx(tmp_path: Path) -> None:
    path = tmp_path / "nota.docx"
    path.write_bytes(make_pdf([["Beleid"]]))
    assert _refused(path) == "nota.docx: not a Word document (it looks like a PDF)"


def test_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "foto.txt"
    path.write_bytes(PNG)
    assert _refused(path) == "foto.txt: not a text file (it looks like a PNG image)"


def test_binary_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 4)
    assert _refused(path) == "data.txt: not a text file (it contains binary data)"


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("I: Eén café\nR1: ideeën\n".encode("utf-16-le"))
    assert "UTF-16 text without a byte-order mark" in _refused(path)


def test_docx_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "interview.txt"
    path.write_bytes(make_docx(tmp_path / "echt.docx").read_bytes())
    assert _refused(path) == "interview.txt: not a text file (it looks like a zip archive or Office document)"


def test_odt_renamed_docx(tmp_path: Path) -> None:
    path = make_odt(tmp_path / "interview.docx", "<text:p>I: één</text:p>")
    assert _refused(path) == (
        "interview.docx: not a Word document (it looks like an OpenDocument file; rename it to .odt)"
    )


def test_docx_renamed_odt(tmp_path: Path) -> None:
    path = tmp_path / "interview.odt"
    path.write_bytes(make_docx(tmp_path / "echt.docx").read_bytes())
    assert _refused(path) == (
        "interview.odt: not an OpenDocument text (it looks like a Word document; rename it to .docx)"
    )


def test_truncated_docx(tmp_path: Path) -> None:
    data = make_docx(tmp_path / "heel.docx").read_bytes()
    path = tmp_path / "afgebroken.docx"
    path.write_bytes(data[: len(data) // 2])
    assert _refused(path) == (
        "afgebroken.docx: not a valid Word document (the file is damaged or not really .docx)"
    )


def test_random_bytes_docx(tmp_path: Path) -> None:
    path = tmp_path / "rommel.docx"
    path.write_bytes(b"dit is geen Word-bestand" * 10)
    assert (
        _refused(path) == "rommel.docx: not a valid Word document (the file is damaged or not really .docx)"
    )


def test_zip_without_word_parts(tmp_path: Path) -> None:
    path = tmp_path / "archief.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("notities.txt", "één")
    assert (
        _refused(path) == "archief.docx: not a valid Word document (the file is damaged or not really .docx)"
    )


def test_password_protected_or_old_word(tmp_path: Path) -> None:
    path = tmp_path / "beveiligd.docx"
    path.write_bytes(OLE)
    assert _refused(path) == (
        "beveiligd.docx: password-protected or in the old Word 97-2003 format; "
        "save it as .docx without a password"
    )


def test_zip_bomb_with_high_compression_ratio(tmp_path: Path) -> None:
    started = time.perf_counter()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/opvulling.bin", "w") as member:
            chunk = bytes(MB)
            for _ in range(11):  # 11 MB of zeros, written from a loop
                member.write(chunk)
    path = tmp_path / "bom.docx"
    path.write_bytes(buffer.getvalue())
    assert time.perf_counter() - started < 1.0
    message = _refused(path)
    assert message.startswith(
        "bom.docx: looks like a zip bomb ('word/media/opvulling.bin' would unpack to 11 MB"
    )


def test_zip_bomb_by_total_size(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    names = [f"word/media/foto{n}.bin" for n in range(30)]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name in names:
            archive.writestr(name, b"x" * 1024)
    path = tmp_path / "groot.docx"
    path.write_bytes(declare_sizes(buffer.getvalue(), dict.fromkeys(names, 9 * MB)))
    assert (
        _refused(path) == "groot.docx: looks like a zip bomb (it would unpack to 270 MB; the limit is 200 MB)"
    )


def test_zip_bomb_odt(tmp_path: Path) -> None:
    path = make_odt(tmp_path / "bom.odt", "<text:p>één</text:p>")
    path.write_bytes(declare_sizes(path.read_bytes(), {"content.xml": 500 * MB}))
    assert "looks like a zip bomb" in _refused(path)


def test_text_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "enorm.txt"
    with open(path, "wb") as handle:
        handle.truncate(60 * MB)  # sparse: costs no disk space or time
    assert _refused(path) == "enorm.txt: file is too large (60 MB; the limit is 50 MB)"


def test_subtitle_file_over_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "enorm.vtt"
    with open(path, "wb") as handle:
        handle.truncate(51 * MB)
    assert _refused(path) == "enorm.vtt: file is too large (51 MB; the limit is 50 MB)"


def test_corrupt_pdf(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R\n" + bytes(range(256)) * 8)
    assert _refused(path) == "kapot.pdf: not a valid PDF (the file is damaged or incomplete)"


def test_truncated_pdf(tmp_path: Path) -> None:
    data = make_pdf([["Beleidsnota over één café"], ["Tweede pagina"]])
    for cut in (200, len(data) - 10):
        path = tmp_path / f"half{cut}.pdf"
        path.write_bytes(data[:cut])
        assert _refused(path) == f"half{cut}.pdf: not a valid PDF (the file is damaged or incomplete)"


def test_not_a_pdf(tmp_path: Path) -> None:
    path = tmp_path / "foto.pdf"
    path.write_bytes(PNG)
    assert _refused(path) == "foto.pdf: not a PDF (it looks like a PNG image)"
    text = tmp_path / "tekst.pdf"
    text.write_text("I: Eén café", "utf-8")
    assert _refused(text) == "tekst.pdf: not a PDF (the file is damaged or not really .pdf)"


def test_size_just_over_the_limit_is_not_rounded_down(tmp_path: Path) -> None:
    path = tmp_path / "net_te_groot.md"
    with open(path, "wb") as handle:
        handle.truncate(50 * MB + MB // 2)
    assert _refused(path) == "net_te_groot.md: file is too large (50.5 MB; the limit is 50 MB)"
