"""Reading a supervisor's review file back: a workbook (``.xlsx``) or a Word document (``.docx``).

Only what the reviewer could change is read — the mark and the comment of each row — with the row's
hidden id and fingerprint and where it is (``Vertrouwen!I12``, ``table 3, row 5``) for the report.
A workbook saved by Excel or LibreOffice Calc reads the same (shared or inline strings, with or
without the drop-down). openpyxl and python-docx load on first use.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.reviews.review_layout import (
    CHECK_COLUMN,
    COMMENT_COLUMN,
    FORMAT,
    ID_COLUMN,
    IDENTITY_SHEET,
    JUDGEMENT_BLOCK,
    QUOTE_BLOCK,
    REVIEW_COLUMN,
    WORD_MARKER,
)

_BLOCKS = {QUOTE_BLOCK: "quote", JUDGEMENT_BLOCK: "judgement"}


@dataclass(frozen=True)
class ReviewLine:
    """One row of a review file: which quote or judgement, what the reviewer wrote, and where."""

    kind: str  # "quote" or "judgement"
    guid: str
    check: str
    mark: str  # the cell's text as typed (read with review_marks.read_mark)
    comment: str
    place: str
    label: str  # what the row is about, for the report ("R5_uwv 'vertrouw ik …'")


@dataclass(frozen=True)
class ReviewFile:
    path: Path
    project_guid: str
    project_name: str
    reviewer: str
    exported_quotes: int | None
    exported_judgements: int | None
    lines: tuple[ReviewLine, ...]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).replace("\r\n", "\n").replace("\r", "\n").strip()


def _short(text: str, limit: int = 50) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def read_review_file(path: Path) -> ReviewFile:
    """The review file at ``path``; one clear error naming the file when it is not one."""
    if not path.is_file():
        raise InvalidInputError(say("{name}: no such file", name=path.name))
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".docx"):
        raise InvalidInputError(
            say("{name}: a review file is a workbook (.xlsx) or a Word document (.docx)", name=path.name)
        )
    if not zipfile.is_zipfile(path):
        raise InvalidInputError(
            say(
                "{name}: not a {suffix} file (it is not a zip package); is it damaged?",
                name=path.name,
                suffix=suffix,
            )
        )
    try:
        return _read_workbook(path) if suffix == ".xlsx" else _read_document(path)
    except InvalidInputError:
        raise
    except (KeyError, ValueError, OSError, zipfile.BadZipFile, zlib.error) as exc:
        raise InvalidInputError(
            say("{name}: cannot read it as a {suffix} file ({exc})", name=path.name, suffix=suffix, exc=exc)
        ) from exc


def _read_workbook(path: Path) -> ReviewFile:
    from openpyxl import load_workbook

    workbook = load_workbook(path, read_only=True, data_only=False)  # a typed formula stays its text
    try:
        names = {name.casefold(): name for name in workbook.sheetnames}
        if IDENTITY_SHEET not in names:
            raise InvalidInputError(
                say(
                    (
                        "{name}: not a Codewerk review workbook (its hidden sheet '{IDENTITY_SHEET}' is "
                        "missing)"
                    ),
                    name=path.name,
                    IDENTITY_SHEET=IDENTITY_SHEET,
                )
            )
        identity: dict[str, str] = {}
        for row in workbook[names[IDENTITY_SHEET]].iter_rows(values_only=True):
            if row and row[0] is not None:
                identity[_text(row[0])] = _text(row[1] if len(row) > 1 else None)
        _check_format(path, identity)
        lines: list[ReviewLine] = []
        for name in workbook.sheetnames:
            if name.casefold() == IDENTITY_SHEET:
                continue
            kind: str | None = None
            for number, row in enumerate(workbook[name].iter_rows(values_only=True), start=1):
                cells = list(row) + [None] * max(0, CHECK_COLUMN - len(row))
                marker = _text(cells[ID_COLUMN - 1])
                if marker in _BLOCKS:
                    kind = _BLOCKS[marker]
                    continue
                if kind is None or not marker:
                    continue
                label = f"{_text(cells[0])} {_text(cells[2])}: '{_short(_text(cells[4]))}'"
                lines.append(
                    ReviewLine(
                        kind=kind,
                        guid=marker,
                        check=_text(cells[CHECK_COLUMN - 1]),
                        mark=_text(cells[REVIEW_COLUMN - 1]),
                        comment=_text(cells[COMMENT_COLUMN - 1]),
                        place=f"{name}!{_column(REVIEW_COLUMN)}{number}",
                        label=label,
                    )
                )
    finally:
        workbook.close()
    return _file(path, identity, lines)


def _column(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def _check_format(path: Path, identity: dict[str, str]) -> None:
    if identity.get("format") != FORMAT or not identity.get("project_guid"):
        raise InvalidInputError(
            say("{name}: not a Codewerk review file (no project identity in it)", name=path.name)
        )


def _file(path: Path, identity: dict[str, str], lines: list[ReviewLine]) -> ReviewFile:
    def count(key: str) -> int | None:
        try:
            return int(identity[key])
        except (KeyError, ValueError):
            return None

    return ReviewFile(
        path=path,
        project_guid=identity["project_guid"],
        project_name=identity.get("project", ""),
        reviewer=identity.get("reviewer", ""),
        exported_quotes=count("quotes"),
        exported_judgements=count("judgements"),
        lines=tuple(lines),
    )


def _read_document(path: Path) -> ReviewFile:
    from docx import Document

    document = Document(str(path))
    identity: dict[str, str] = {}
    for paragraph in document.paragraphs:
        for found in WORD_MARKER.finditer(paragraph.text):
            if found.group(1) == "project":
                identity["project_guid"] = found.group(2)
                identity["format"] = FORMAT
        text = paragraph.text
        for key in ("project", "reviewer", "quotes", "judgements"):
            prefix = f"⟦cw:{key}="
            if prefix in text:
                identity[key] = text.split(prefix, 1)[1].split("⟧", 1)[0]
    _check_format(path, identity)
    lines: list[ReviewLine] = []
    for number, table in enumerate(document.tables, start=1):
        for row_number, row in enumerate(table.rows, start=1):
            cells = row.cells
            if len(cells) < 3:
                continue
            match = WORD_MARKER.search(cells[0].text)
            if match is None or match.group(1) == "project":
                continue
            first = WORD_MARKER.sub("", cells[0].text).replace("\u200b", "")  # older exports' line breaks
            label = f"{_short(first)}: '{_short(cells[2].text)}'"
            lines.append(
                ReviewLine(
                    kind=match.group(1),
                    guid=match.group(2),
                    check=match.group(3) or "",
                    mark=_text(cells[-2].text),
                    comment=_text(cells[-1].text),
                    place=f"table {number}, row {row_number}",
                    label=label,
                )
            )
    return _file(path, identity, lines)
