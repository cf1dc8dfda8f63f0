"""Printing for the command line: tables, CSV, JSON, progress on a terminal."""

from __future__ import annotations

import argparse
import csv
import json
import sys
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any, TextIO, TypeVar

from coding.core.i18n import text
from coding.core.numbers import Figure
from coding.exporting.csv_guard import CSV_GUARDS, check_guard, guarded

R = TypeVar("R")


def width(text: str) -> int:
    """Display width: East-Asian wide characters and emoji take two columns."""
    return sum(
        2 if unicodedata.east_asian_width(ch) in "WF" else 0 if unicodedata.combining(ch) else 1
        for ch in text
    )


def clip(text: str, limit: int) -> str:
    flat = " ".join(str(text).split())
    if width(flat) <= limit:
        return flat
    out = ""
    for ch in flat:
        if width(out + ch) > limit - 1:
            break
        out += ch
    return out + "…"


def _said(value: Any) -> str:
    """A table's cell as a person reads it: a figure with the language's decimal mark."""
    return value.said() if isinstance(value, Figure) else str(value)


def print_table(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    out: TextIO | None = None,
    limits: dict[int, int] | None = None,
) -> None:
    out = out or sys.stdout
    limits = limits or {}
    header = [text(title) for title in header]  # a table is read by a person: in the user's language
    cells = [[clip(_said(v), limits.get(i, 60)) for i, v in enumerate(row)] for row in rows]
    widths = [width(h) for h in header]
    for row in cells:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], width(cell))

    def line(values: Sequence[str]) -> str:
        return "  ".join(v + " " * (widths[i] - width(v)) for i, v in enumerate(values)).rstrip()

    out.write(line(header) + "\n")
    out.write("  ".join("-" * w for w in widths) + "\n")
    for row in cells:
        out.write(line(row) + "\n")


def print_csv(
    header: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    out: TextIO | None = None,
    guard: str | None = None,
) -> None:
    """CSV on stdout, which users redirect into a file a spreadsheet opens: cells it would evaluate
    are guarded as in the CSV export (``guard`` ``"apostrophe"`` by default, or ``"none"``)."""
    guard = check_guard(guard)
    writer = csv.writer(out or sys.stdout, lineterminator="\n")
    writer.writerow([guarded(v, guard) for v in header])
    writer.writerows([guarded(v, guard) for v in row] for row in rows)


def add_csv_guard(parser: argparse.ArgumentParser) -> None:
    """``--csv-guard none|apostrophe`` for a command that writes CSV."""
    parser.add_argument(
        "--csv-guard",
        choices=CSV_GUARDS,
        help="CSV cells a spreadsheet would evaluate as a formula (=…, -2+3, @SUM(…)): 'apostrophe' "
        "(default) puts ' before them, 'none' writes them as they are; -/- or +31 are never changed",
    )


def print_json(data: Any, *, out: TextIO | None = None) -> None:
    target = out or sys.stdout
    json.dump(data, target, ensure_ascii=False, indent=2, default=str)
    target.write("\n")


def print_records(
    records: Sequence[R],
    output_format: str,
    *,
    header: Sequence[str],
    row: Callable[[R], Sequence[Any]],
    as_json: Callable[[R], Any],
    limits: dict[int, int] | None = None,
) -> None:
    """A listing: one table row per record, or (``output_format`` "json") a JSON list of objects."""
    if output_format == "json":
        print_json([as_json(record) for record in records])
    else:
        print_table(header, [row(record) for record in records], limits=limits)


#: The text of a progress line: ``line(done, total, name)`` while ``done < total``.
ProgressLine = Callable[[int, int, str], str]


def counted(label: str) -> ProgressLine:
    """``Importing [3/21] R5.docx``: the item that is being done, of how many."""

    def line(index: int, total: int, name: str) -> str:
        return f"{label} [{index + 1}/{total}] {clip(name, 50)}"

    return line


def percentage(label: str) -> ProgressLine:
    """``Indexing  42% R5_uwv_zwolle``: how much of the work is done."""

    def line(done: int, total: int, name: str) -> str:
        percent = int(100 * done / total) if total else 0
        return f"{label} {percent:3d}% {clip(name, 50)}"

    return line


class TerminalProgress:
    """Progress on one line of stderr, only when stderr is a terminal; ``line`` formats it.

    When ``done >= total`` the line is cleared; with ``clear_unshown=False`` only if a line was
    shown before.
    """

    def __init__(
        self, line: ProgressLine, stream: TextIO | None = None, *, clear_unshown: bool = True
    ) -> None:
        self.stream = stream or sys.stderr
        self.line = line
        self.clear_unshown = clear_unshown
        self.active = self.stream.isatty()
        self.shown = False

    def __call__(self, done: int, total: int, name: str) -> None:
        if not self.active:
            return
        if done >= total:
            if self.shown or self.clear_unshown:
                self.stream.write("\r\x1b[2K")
        else:
            self.stream.write(f"\r\x1b[2K{self.line(done, total, name)}")
            self.shown = True
        self.stream.flush()
