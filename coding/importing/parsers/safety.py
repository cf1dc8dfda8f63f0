"""Checks that run before a file is parsed: size, emptiness, real file type, zip bombs.

Everything here raises :class:`FileImportError` with a short reason the user can act on.
Zip-based formats (docx, odt) are checked from the zip's central directory *before* any
member is decompressed. Python's :mod:`zipfile` never returns more bytes than a member's
declared size, so checking the declared sizes bounds what a parser can unpack.
"""

from __future__ import annotations

import os
import stat
import zipfile
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import marked, text
from coding.core.numbers import number

MB = 1024 * 1024
MAX_TEXT_FILE_BYTES = 50 * MB  # txt, md, vtt, srt on disk
MAX_BINARY_FILE_BYTES = 500 * MB  # docx, odt, pdf on disk (they may embed images)
MAX_UNCOMPRESSED_BYTES = 200 * MB  # all members of a docx/odt together
MAX_COMPRESSION_RATIO = 100
RATIO_CHECK_MIN_BYTES = 10 * MB  # the ratio rule applies to members larger than this
MAX_ZIP_MEMBERS = 10_000

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", marked("a PDF")),
    (OLE_MAGIC, marked("an old-format (97-2003) or password-protected Office file")),
    (b"PK\x03\x04", marked("a zip archive or Office document")),
    (b"PK\x05\x06", marked("a zip archive")),
    (b"\x89PNG\r\n\x1a\n", marked("a PNG image")),
    (b"\xff\xd8\xff", marked("a JPEG image")),
    (b"GIF87a", marked("a GIF image")),
    (b"GIF89a", marked("a GIF image")),
    (b"{\\rtf", marked("an RTF document")),
    (b"\x1f\x8b", marked("a gzip archive")),
)
# Control bytes that do not occur in text (tab, LF, VT, FF, CR and DOS EOF 0x1A are allowed).
_CONTROL = bytes([*range(0x01, 0x09), *range(0x0E, 0x1A), *range(0x1B, 0x20), 0x7F])
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)
_SAMPLE_BYTES = 64 * 1024


def _size_text(size: int) -> str:
    """``"60 MB"``, ``"50.4 MB"`` (never rounded to look like the limit)."""
    if size >= 100 * MB:
        return f"{number(size / MB, '.0f')} MB"
    shown = number(size / MB, ".1f")
    return f"{shown[:-2] if shown.endswith(('.0', ',0')) else shown} MB"


def check_file(path: Path, limit: int) -> int:
    """Raise unless ``path`` is a readable, non-empty regular file of at most ``limit`` bytes."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise FileImportError(path, text("file not found")) from None
    except OSError as exc:
        raise FileImportError(path, text("cannot be read ({value})", value=exc.strerror or exc)) from None
    if stat.S_ISDIR(info.st_mode):
        raise FileImportError(path, text("is a folder, not a file"))
    if not stat.S_ISREG(info.st_mode):
        raise FileImportError(path, text("is not a regular file"))
    if info.st_size == 0:
        raise FileImportError(path, text("the file is empty"))
    if info.st_size > limit:
        raise FileImportError(
            path,
            text(
                "file is too large ({size_text}; the limit is {value} MB)",
                size_text=_size_text(info.st_size),
                value=limit // MB,
            ),
        )
    return info.st_size


def read_bytes(path: Path, limit: int) -> bytes:
    """Check ``path`` with :func:`check_file`, then return its content."""
    check_file(path, limit)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise FileImportError(path, text("cannot be read ({value})", value=exc.strerror or exc)) from None


def read_head(path: Path, size: int = 1024) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise FileImportError(path, text("cannot be read ({value})", value=exc.strerror or exc)) from None


def describe_magic(head: bytes) -> str | None:
    """What a file starting with ``head`` looks like (``"a PDF"``), or None if unknown."""
    for magic, description in _MAGIC:
        if head.startswith(magic):
            return text(description)
    return None


def check_text_bytes(path: Path, data: bytes) -> None:
    """Raise unless ``data`` (without a UTF-16 byte-order mark) looks like text."""
    described = describe_magic(data[:16])
    if described:
        raise FileImportError(path, text("not a text file (it looks like {described})", described=described))
    sample = data[:_SAMPLE_BYTES]
    nul = sample.count(0)
    if nul:
        odd_nul = sample[1::2].count(0)
        if nul > len(sample) // 8 and (odd_nul > 0.9 * nul or odd_nul < 0.1 * nul):
            raise FileImportError(
                path,
                text(
                    "not a text file Codewerk can read (it looks like UTF-16 text without a "
                    "byte-order mark); save it as UTF-8"
                ),
            )
        raise FileImportError(path, text("not a text file (it contains binary data)"))
    control = len(sample.translate(None, _NOT_CONTROL))
    if control > max(8, len(sample) // 100):
        raise FileImportError(path, text("not a text file (it contains binary data)"))


_ZIP_KINDS = {
    "docx": (marked("Word document"), "[Content_Types].xml", ".docx"),
    "odt": (marked("OpenDocument text"), "content.xml", ".odt"),
}
# (member that identifies a format, the kind it belongs to, what to tell the user)
_ZIP_LOOKALIKES = (
    ("word/document.xml", "docx", marked("a Word document; rename it to .docx")),
    ("content.xml", "odt", marked("an OpenDocument file; rename it to .odt")),
    ("xl/workbook.xml", None, marked("an Excel workbook")),
    ("ppt/presentation.xml", None, marked("a PowerPoint presentation")),
)


def check_zip_document(path: Path, kind: str) -> None:
    """Raise unless ``path`` is an intact, plausible zip of ``kind`` ("docx" or "odt").

    Only the central directory is read: nothing is decompressed here.
    """
    label, required, ext = _ZIP_KINDS[kind]
    a_label = ("an " if label[0] in "AEIOU" else "a ") + label
    check_file(path, MAX_BINARY_FILE_BYTES)
    head = read_head(path, 16)
    damaged = text(
        "not a valid {label} (the file is damaged or not really {ext})", label=text(label), ext=ext
    )
    if head.startswith(OLE_MAGIC):
        if kind == "docx":
            raise FileImportError(
                path,
                text(
                    "password-protected or in the old Word 97-2003 format; save it as .docx without "
                    "a password"
                ),
            )
        raise FileImportError(
            path,
            text(
                "not {a_label} (it is password-protected or an old 97-2003 Office file)",
                a_label=a_label,
                label=text(label),
            ),
        )
    if not head.startswith(b"PK"):
        described = describe_magic(head)
        if described:
            raise FileImportError(
                path,
                text(
                    "not {a_label} (it looks like {described})",
                    a_label=a_label,
                    label=text(label),
                    described=described,
                ),
            )
        raise FileImportError(path, damaged)
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
        raise FileImportError(path, damaged) from None
    _check_bomb(path, members)
    names = {info.filename for info in members}
    for member, owner, looks_like in _ZIP_LOOKALIKES:
        if member in names and owner != kind:
            raise FileImportError(
                path,
                text(
                    "not {a_label} (it looks like {looks_like})",
                    a_label=a_label,
                    label=text(label),
                    looks_like=text(looks_like),
                ),
            )
    if required not in names:
        raise FileImportError(path, damaged)
    if any(info.flag_bits & 0x1 for info in members):
        raise FileImportError(path, text("password-protected; save it without a password"))


def _check_bomb(path: Path, members: list[zipfile.ZipInfo]) -> None:
    if len(members) > MAX_ZIP_MEMBERS:
        raise FileImportError(path, text("looks like a zip bomb ({count} files inside)", count=len(members)))
    total = 0
    for info in members:
        total += info.file_size
        if info.file_size > RATIO_CHECK_MIN_BYTES and (
            info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
        ):
            ratio = info.file_size // max(info.compress_size, 1)
            raise FileImportError(
                path,
                text(
                    (
                        "looks like a zip bomb ('{filename}' would unpack to {size_text}, {ratio} times "
                        "its packed size)"
                    ),
                    filename=info.filename,
                    size_text=_size_text(info.file_size),
                    ratio=ratio,
                ),
            )
    if total > MAX_UNCOMPRESSED_BYTES:
        raise FileImportError(
            path,
            text(
                "looks like a zip bomb (it would unpack to {size_text}; the limit is {value} MB)",
                size_text=_size_text(total),
                value=MAX_UNCOMPRESSED_BYTES // MB,
            ),
        )
