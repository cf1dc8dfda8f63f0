"""CSV export: the per-group quote rows in one file, UTF-8 with BOM so Excel shows accents.

The first column is the group (``Region``), then the columns of the workbook's group sheets. A CSV
cell cannot be marked as text, so a cell Excel would evaluate (``=…``, ``+…``, ``-…``, ``@…``) gets a
leading apostrophe; the Excel export keeps such text exactly as coded instead.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.core.context import CodeRef
from coding.core.errors import InvalidInputError
from coding.exporting.options import reject_unknown
from coding.exporting.quote_rows import neutralise, quote_table

if TYPE_CHECKING:
    from coding.project import Project

DELIMITERS = (",", ";", "\t")


def write_csv(
    project: Project,
    path: Path,
    *,
    by: str = "region",
    delimiter: str | None = ",",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    include_reviews: bool | None = None,
    without_interviewer: bool | None = None,
    **other: Any,
) -> None:
    """``delimiter=";"`` for Dutch Excel. Cells Excel would evaluate are neutralised.
    ``without_interviewer``: quotes hold only the respondents' words (see :func:`quote_table`)."""
    reject_unknown("CSV", other)
    delimiter = delimiter or ","
    if delimiter not in DELIMITERS:
        raise InvalidInputError("the CSV delimiter must be ',', ';' or a tab")
    table = quote_table(
        project,
        by=by,
        codes=codes,
        groups=groups,
        include_reviews=include_reviews,
        without_interviewer=without_interviewer,
    )
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow((table.by.capitalize(), *table.header))
        for group, rows in table.groups.items():
            for row in rows:
                writer.writerow([neutralise(v) if isinstance(v, str) else v for v in (group, *row)])
