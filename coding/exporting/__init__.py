"""Exports by file type. Every export writes a temporary file and moves it into place at the end,
so a failed export never leaves half a file, and an existing file is only replaced when asked.

Writers are registered by module and name (:func:`lazy_writer`) and imported on their first use:
openpyxl (with numpy), python-docx and lxml would otherwise be loaded by every ``import coding``,
which is a third of the window's start-up.
"""

from __future__ import annotations

import errno
import importlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.exporting.temporaries import temporary_beside

if TYPE_CHECKING:
    from coding.project import Project

#: ``writer(project, target_path, by=..., **options)`` per file suffix; other modules add theirs.
Exporter = Callable[..., None]


def lazy_writer(module: str, name: str) -> Exporter:
    """The exporter ``module.name``, imported when it first writes a file."""

    def write(project: Project, path: Path, **options: Any) -> None:
        writer: Exporter = getattr(importlib.import_module(module), name)
        writer(project, path, **options)

    write.__name__ = write.__qualname__ = name
    write.__doc__ = f"``{module}.{name}``, imported on first use."
    return write


EXPORTERS: dict[str, Exporter] = {
    ".csv": lazy_writer("coding.exporting.csv_export", "write_csv"),
    ".docx": lazy_writer("coding.exporting.docx_export", "write_docx"),
    ".xlsx": lazy_writer("coding.exporting.xlsx_export", "write_xlsx"),
}

#: ``kind="review"``: the review file for a supervisor (:mod:`coding.exporting.review_workbook`).
REVIEW_EXPORTERS: dict[str, Exporter] = {
    ".docx": lazy_writer("coding.exporting.review_document", "write_review_docx"),
    ".xlsx": lazy_writer("coding.exporting.review_workbook", "write_review_xlsx"),
}
REVIEW_KIND = "review"


def export(
    project: Project, path: Path, *, by: str = "region", overwrite: bool = False, **options: Any
) -> Path:
    review = options.get("kind") == REVIEW_KIND
    if review:
        options = {key: value for key, value in options.items() if key != "kind"}
    writers = REVIEW_EXPORTERS if review else EXPORTERS
    writer = writers.get(path.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(writers))
        if review:
            raise InvalidInputError(
                text(
                    "{name}: a review file is a workbook or a Word document (supported: {known})",
                    name=path.name,
                    known=known,
                )
            )
        raise InvalidInputError(
            text(
                "{name}: cannot export to '{value}' (supported: {known})",
                name=path.name,
                value=path.suffix or "no extension",
                known=known,
            )
        )

    def write(temporary: Path) -> None:
        with project.store.snapshot():  # all the export's reads see one state (others may write meanwhile)
            writer(project, temporary, by=by, **options)

    return write_atomically(path, write, overwrite=overwrite)


def write_atomically(path: Path, write: Callable[[Path], None], *, overwrite: bool) -> Path:
    """``write(temporary)`` a file beside ``path``, then move it into place: a failed write leaves
    no half file behind, and an existing file is only replaced with ``overwrite``. The file gets the
    mode any new file gets (an overwritten one keeps its own); what killed exports left in the
    folder is removed first (:mod:`coding.exporting.temporaries`)."""
    if path.is_dir():
        raise InvalidInputError(text("{name}: is a folder; choose a file name inside it", name=path.name))
    if path.exists() and not overwrite:
        raise InvalidInputError(
            text("{name}: already exists; choose another name or allow overwriting", name=path.name)
        )
    if not path.parent.is_dir():
        raise InvalidInputError(
            text("{name}: the folder {parent} does not exist", name=path.name, parent=path.parent)
        )
    try:
        with temporary_beside(path) as temporary:
            write(temporary)
            os.replace(temporary, path)
    except OSError as exc:
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise InvalidInputError(
                text(
                    "{name}: not enough space on the disk of {parent}; nothing was written",
                    name=path.name,
                    parent=path.parent,
                )
            ) from None
        raise
    return path
