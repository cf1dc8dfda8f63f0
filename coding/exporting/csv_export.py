"""CSV export: the per-group quote rows in one file, UTF-8 with BOM so Excel shows accents.

The first column is the group (``Region``), then the columns of the workbook's group sheets. The group
of the documents without a value is the domain's marker ``NO_GROUP``, "(none)", in every language: a
CSV is data (scripts match the value, ``groups=["(none)"]`` takes it back), while the header row and the
files people read (Excel, Word) say "(no value)" in the user's language. A CSV
cell cannot be marked as text, so a cell a spreadsheet would read as a formula (``=…``, ``-2+3``,
``@SUM(…)``) gets a leading apostrophe (``csv_guard="apostrophe"``, the default; ``"none"`` writes
cells as they are); ``-/-`` or ``+31 6 …`` are never changed (:mod:`coding.exporting.csv_guard`).
The Excel export keeps every text exactly as coded instead.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.core.attributes import attribute_label
from coding.core.context import CodeRef
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.exporting.csv_guard import check_guard, guarded
from coding.exporting.options import reject_unknown
from coding.exporting.quote_rows import quote_table

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
    coder: str | None = None,
    csv_guard: str | None = None,
    **other: Any,
) -> None:
    """``delimiter=";"`` for Dutch Excel. ``csv_guard``: ``"apostrophe"`` (default) before cells a
    spreadsheet would evaluate, ``"none"`` to write every cell as it is.
    ``without_interviewer``: quotes hold only the respondents' words (see :func:`quote_table`)."""
    reject_unknown("CSV", other)
    delimiter = delimiter or ","
    if delimiter not in DELIMITERS:
        raise InvalidInputError(text("the CSV delimiter must be ',', ';' or a tab"))
    guard = check_guard(csv_guard)
    table = quote_table(
        project,
        by=by,
        codes=codes,
        groups=groups,
        include_reviews=include_reviews,
        without_interviewer=without_interviewer,
        coder=coder,
    )
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        header = [attribute_label(table.by), *(text(label) for label in table.header)]  # as the workbook's
        writer.writerow([guarded(v, guard) for v in header])
        for group, rows in table.groups.items():
            for row in rows:
                writer.writerow([guarded(v, guard) for v in (group, *row)])
