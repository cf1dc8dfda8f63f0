"""CSV export: the per-group quote rows in one file, UTF-8 with BOM so Excel shows accents."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.errors import InvalidInputError
from coding.exporting.quote_rows import neutralise, quote_table

if TYPE_CHECKING:
    from coding.project import Project


def write_csv(
    project: Project, path: Path, *, by: str = "region", delimiter: str = ",", **options: Any
) -> None:
    """``delimiter=";"`` for Dutch Excel. Cells Excel would evaluate are neutralised."""
    if delimiter not in (",", ";", "\t"):
        raise InvalidInputError("the CSV delimiter must be ',', ';' or a tab")
    table = quote_table(project, by=by, **options)
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow((table.by.capitalize(), *table.header))
        for group, rows in table.groups.items():
            for row in rows:
                writer.writerow([neutralise(v) if isinstance(v, str) else v for v in (group, *row)])
