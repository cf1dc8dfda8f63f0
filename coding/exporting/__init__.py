"""Exports by file type. Every export writes a temporary file and moves it into place at the end,
so a failed export never leaves half a file, and an existing file is only replaced when asked."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.errors import InvalidInputError
from coding.exporting.csv_export import write_csv
from coding.exporting.docx_export import write_docx
from coding.exporting.xlsx_export import write_xlsx

if TYPE_CHECKING:
    from coding.project import Project

#: ``writer(project, target_path, by=..., **options)`` per file suffix; other modules add theirs.
Exporter = Callable[..., None]
EXPORTERS: dict[str, Exporter] = {".csv": write_csv, ".docx": write_docx, ".xlsx": write_xlsx}


def export(
    project: Project, path: Path, *, by: str = "region", overwrite: bool = False, **options: Any
) -> Path:
    writer = EXPORTERS.get(path.suffix.lower())
    if writer is None:
        known = ", ".join(sorted(EXPORTERS))
        raise InvalidInputError(
            f"{path.name}: cannot export to '{path.suffix or 'no extension'}' (supported: {known})"
        )
    if path.exists() and not overwrite:
        raise InvalidInputError(f"{path.name}: already exists; choose another name or allow overwriting")
    if not path.parent.is_dir():
        raise InvalidInputError(f"{path.name}: the folder {path.parent} does not exist")
    handle, temporary = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=path.suffix, dir=path.parent)
    os.close(handle)
    try:
        writer(project, Path(temporary), by=by, **options)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path
