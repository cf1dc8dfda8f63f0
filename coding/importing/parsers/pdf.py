"""PDF: the text layer, page by page (pypdf).

Pages are joined with a blank line (``"\\n\\n"``); each page's span is recorded in
``ParsedDocument.pages`` (the separator belongs to no page). A page's text has its
trailing white space and leading blank lines removed. PDFs are not searched for speaker
turns (they are mostly policy documents).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from pypdf import PasswordType, PdfReader
from pypdf.errors import DependencyError, LimitReachedError

from coding.core.errors import FileImportError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.parsed import ParsedDocument, ParsedPage
from coding.core.text import normalise_text
from coding.importing.parsers.safety import MAX_BINARY_FILE_BYTES, check_file, describe_magic, read_head

PAGE_SEPARATOR = "\n\n"
NO_TEXT_LAYER = marked("no text layer (scanned PDF?); run OCR first")
_DAMAGED = marked("not a valid PDF (the file is damaged or incomplete)")


class _Collected(logging.Handler):
    """pypdf's own complaints about a file (it logs them and works around them), kept out of the terminal."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def _pypdf_quiet() -> Iterator[_Collected]:
    logger = logging.getLogger("pypdf")
    handler = _Collected()
    logger.addHandler(handler)
    propagate, logger.propagate = logger.propagate, False
    try:
        yield handler
    finally:
        logger.propagate = propagate
        logger.removeHandler(handler)


def parse_pdf(path: Path) -> ParsedDocument:
    with _pypdf_quiet() as complaints:
        parsed = _parse_pdf(path)
    if complaints.count:
        note = f"the file has {complaints.count} flaw(s) that were worked around; check the text"
        parsed = replace(parsed, warnings=(*parsed.warnings, note))
    return parsed


def _parse_pdf(path: Path) -> ParsedDocument:
    check_file(path, MAX_BINARY_FILE_BYTES)
    head = read_head(path, 1024)
    if b"%PDF-" not in head:
        described = describe_magic(head)
        if described:
            raise FileImportError(path, say("not a PDF (it looks like {described})", described=described))
        raise FileImportError(path, say("not a PDF (the file is damaged or not really .pdf)"))
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise FileImportError(
                path, say("password-protected; save a copy without a password and import that")
            )
        pages = list(reader.pages)
    except FileImportError:
        raise
    except DependencyError:
        raise FileImportError(
            path, say("encrypted in a way Codewerk cannot read; save an unprotected copy first")
        ) from None
    except LimitReachedError:
        raise FileImportError(path, say("looks like a decompression bomb; not imported")) from None
    except Exception:  # pypdf raises many kinds of errors on damaged files
        raise FileImportError(path, say(_DAMAGED)) from None
    if not pages:
        raise FileImportError(path, say("contains no pages"))

    texts: list[str] = []
    failed: list[int] = []
    for number, page in enumerate(pages, start=1):
        try:
            raw = page.extract_text() or ""
        except Exception:  # one broken page should not lose the others
            failed.append(number)
            raw = ""
        texts.append(normalise_text(raw).rstrip().lstrip("\n\ufeff"))
    if not any(text.strip() for text in texts):
        raise FileImportError(path, say(_DAMAGED if failed else NO_TEXT_LAYER))

    parsed_pages = []
    position = 0
    for number, text in enumerate(texts, start=1):
        if number > 1:
            position += len(PAGE_SEPARATOR)
        parsed_pages.append(ParsedPage(number=number, start=position, end=position + len(text)))
        position += len(text)
    warnings = []
    empty = [n for n, text in enumerate(texts, start=1) if not text.strip() and n not in failed]
    if empty:
        verb = "has" if len(empty) == 1 else "have"
        warnings.append(f"{_page_list(empty)} {verb} no text layer (scanned?); that text is missing")
    if failed:
        warnings.append(f"the text of {_page_list(failed)} could not be read")
    return ParsedDocument(
        text=normalise_text(PAGE_SEPARATOR.join(texts)),
        source_format="pdf",
        encoding=None,
        turns=(),
        pages=tuple(parsed_pages),
        warnings=tuple(warnings),
    )


def _page_list(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return "pages " + ", ".join(str(n) for n in numbers)
