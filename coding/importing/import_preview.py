"""What an import will do, before it runs: which file gets which attributes, which files have no
row in the metadata sheet and which rows no file, which files are already in the project.

Nothing is parsed or written; the import dialog shows this while the user picks files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from coding.core.attributes import clean_attributes
from coding.core.records import DocumentInfo
from coding.core.text import fold
from coding.importing.import_service import expand_paths
from coding.importing.metadata_sheet import MetadataSheet, read_metadata
from coding.importing.parsers import SUPPORTED_EXTENSIONS


@dataclass(frozen=True)
class FilePlan:
    path: Path
    #: ``docx``, ``txt`` …; ``None`` for a file type Codewerk cannot import.
    source_format: str | None
    #: The attributes the file will get (its sheet row, then the attributes for all files).
    attributes: Mapping[str, str]
    #: The sheet row (line number) for the file; ``None`` without a row or without a sheet.
    sheet_line: int | None
    #: The name of the document of the same name already in the project.
    existing: str | None


@dataclass(frozen=True)
class ImportPreview:
    files: tuple[FilePlan, ...]
    sheet: MetadataSheet | None
    #: Sheet rows no chosen file matches.
    rows_without_file: tuple[str, ...]

    @property
    def files_without_row(self) -> tuple[str, ...]:
        if self.sheet is None:
            return ()
        return tuple(f.path.name for f in self.files if f.sheet_line is None and f.source_format)


def preview_import(
    documents: Sequence[DocumentInfo],
    paths: Sequence[Path | str],
    *,
    meta: Path | str | MetadataSheet | None = None,
    attributes: Mapping[str, str] | None = None,
) -> ImportPreview:
    """What importing ``paths`` into a project with ``documents`` would do.

    A bad metadata sheet raises FileImportError naming it (as the import would)."""
    sheet = read_metadata(meta) if isinstance(meta, Path | str) else meta
    common = clean_attributes(attributes)
    names = {fold(d.name): d.name for d in documents}
    plans = []
    matched: set[int] = set()
    for path in expand_paths(paths):
        extension = path.suffix.lower()
        row = sheet.row_for(path.name) if sheet is not None else None
        values = dict(clean_attributes(row.attributes)) if row is not None else {}
        values.update(common)
        if row is not None:
            matched.add(row.line)
        plans.append(
            FilePlan(
                path=path,
                source_format=extension[1:] if extension in SUPPORTED_EXTENSIONS else None,
                attributes=values,  # in the sheet's column order, the common ones after
                sheet_line=row.line if row is not None else None,
                existing=names.get(fold(path.stem)),
            )
        )
    rows = tuple(r.file for r in sheet.rows if r.line not in matched) if sheet is not None else ()
    return ImportPreview(tuple(plans), sheet, rows)
