"""The workbook's rows written as XML text read back as openpyxl's own cells did: the same values,
types, styles, row heights, widths, frozen panes and filters, on the demo project and on the
comparison project with its formula-like quotes; any text comes back as it was coded."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook, load_workbook

from coding import Project
from coding.demo import build_demo_project
from coding.documents.document_commands import NewDocument
from coding.exporting import xlsx_export
from coding.exporting.calibri_widths import units
from coding.exporting.xlsx_cells import FORMULA_START, SheetWriter, cell_text, line_room, wrapped_lines
from tests.coding.exporting.cell_sheet_writer import CellSheetWriter
from tests.regions import build_regions

pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")

ODD = (
    "R11: \tbegint met een tab, eindigt met spaties   \n"
    "R11: =1+1 en -/- en @wie, <b>vet</b> & 'quote' \"dubbel\" 👍🏽 ‍ zwj\n"
    "R11: twee\nregels\n"
)


def _style(cell: Any) -> tuple[Any, ...]:
    side = cell.border
    return (
        cell.data_type if cell.value is not None else None,  # an empty cell's type is no matter
        cell.font.b,
        cell.font.name,
        cell.fill.fill_type,
        cell.fill.fgColor.rgb if cell.fill.fill_type else None,
        tuple(
            (s.style, s.color.rgb if s.color else None) if s else None
            for s in (side.left, side.right, side.top, side.bottom)
        ),
        cell.alignment.wrap_text,
        cell.alignment.vertical,
        cell.quotePrefix,
        cell.number_format,
    )


def workbook_contents(path: Path) -> dict[str, Any]:
    """Everything a reader sees of each sheet (openpyxl reading it, as Excel would)."""
    book = load_workbook(path)
    contents: dict[str, Any] = {"sheets": book.sheetnames}
    for sheet in book.worksheets:
        cells = {
            cell.coordinate: (cell.value, *(_style(cell) if cell.has_style else (cell.data_type,)))
            for row in sheet.iter_rows()
            for cell in row
            if cell.value is not None or cell.has_style
        }
        contents[sheet.title] = {
            "cells": cells,
            "heights": {n: d.height for n, d in sheet.row_dimensions.items() if d.height},
            "widths": {k: d.width for k, d in sheet.column_dimensions.items()},
            "freeze": sheet.freeze_panes,
            "filter": sheet.auto_filter.ref,
            "titles": sheet.print_title_rows,
            "scale": sheet.page_setup.scale,
            "landscape": sheet.page_setup.orientation,
            "gridlines": sheet.print_options.gridLines,
            "size": (sheet.max_row, sheet.max_column),
        }
    return contents


def export_both_ways(project: Project, folder: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    streamed = project.export(folder / "streamed.xlsx", by="region", include_reviews=True)
    with monkeypatch.context() as patch:
        patch.setattr(xlsx_export, "SheetWriter", CellSheetWriter)
        cells = project.export(folder / "cells.xlsx", by="region", include_reviews=True)
    return streamed, cells


def test_the_demo_project_reads_back_as_openpyxl_cells_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with build_demo_project(tmp_path / "demo.codewerk") as project:
        streamed, cells = export_both_ways(project, tmp_path, monkeypatch)
    new, old = workbook_contents(streamed), workbook_contents(cells)
    assert len(new["sheets"]) > 3 and sum(len(new[s]["cells"]) for s in new["sheets"]) > 500
    assert new == old


def test_formula_like_and_odd_quotes_read_back_as_openpyxl_cells_did(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Project.create(tmp_path / "p.codewerk", coder="tester") as project:
        build_regions(project)
        project.documents.add(
            NewDocument(
                name="R11_odd",
                text=ODD,
                source_format="txt",
                attributes={"respondent": "R11", "region": "Zwolle"},
            )
        )
        for passage in ("\tbegint met een tab, eindigt met spaties   ", "=1+1 en -/- en @wie", "twee"):
            project.code("R11_odd", "Vertrouwen", text=passage, memo="<memo> & \x07bel\r\nwindows\r")
        project.reviews.mark(
            project.quotes("Vertrouwen", where={"region": "Zwolle"})[0].coding_id, "agreed", "=ok"
        )
        streamed, cells = export_both_ways(project, tmp_path, monkeypatch)
    new, old = workbook_contents(streamed), workbook_contents(cells)
    assert new == old
    quotes = {value for value, *_ in new["Zwolle"]["cells"].values()}
    assert "=1+1 en -/- en @wie" in quotes and "<memo> & bel\r\nwindows\r" in quotes


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=60)
FORMULA_LIKE = st.sampled_from(["", "=", "+", "-", "@", "\t", "\r", " ", "'", "=HYPERLINK(", "\x00", "👍"])


@settings(max_examples=40, deadline=None)
@example([("\x00", "=1", None)])  # formula-like once the control character is gone
@given(st.lists(st.tuples(FORMULA_LIKE, TEXT, st.sampled_from([None, "#C0E0C0"])), min_size=1, max_size=6))
def test_any_text_in_any_column_reads_back_as_the_cell_holds_it(
    cells: list[tuple[str, str, str | None]],
) -> None:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Zwolle")
    writer = SheetWriter(sheet, [12, 40, 8, 30, 10, 10], wrap=[2, 4])
    writer.header([start + rest for start, rest, _colour in cells])
    writer.row([start + rest for start, rest, _colour in cells], [colour for *_text, colour in cells])
    writer.row([7, 2.5, True, None, "x", ""])
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    read = load_workbook(buffer)["Zwolle"]
    for column, (start, rest, colour) in enumerate(cells, start=1):
        expected = cell_text(start + rest)
        for row in (1, 2):
            cell = read.cell(row, column)
            assert cell.value == (expected or None)
            if expected:
                assert cell.data_type == "s"
                assert cell.quotePrefix == expected.startswith(FORMULA_START)
        if colour and expected:
            assert read.cell(2, column).fill.fgColor.rgb == "00C0E0C0"
    assert [c.value for c in read[3]][:5] == [7, 2.5, True, None, "x"]


WORDS = st.lists(
    st.one_of(
        st.text("abcdé👍", min_size=1, max_size=12),
        st.text("ab", min_size=30, max_size=70),
        st.sampled_from([" ", " ", " ", "  ", "\n", "\t", " \n "]),
    ),
    max_size=60,
).map("".join)


def _reference_lines(text: str, width: float) -> int:
    """Word by word as a cell lays them out: a line takes words while they and the spaces between them
    fit; a word that does not fit on a line of its own is broken where it reaches the edge."""
    room = line_room(width)
    lines = 0
    for part in text.split("\n"):
        count, line = 1, ""
        for word in part.split():
            candidate = f"{line} {word}" if line else word
            if units(candidate) <= room:
                line = candidate
                continue
            if line:  # the word begins the next line
                count, line = count + 1, ""
            while units(word) > room:
                fits = max(i for i in range(1, len(word) + 1) if units(word[:i]) <= room)
                count, word = count + 1, word[fits:]
            line = word
        lines += count
    return max(lines, 1)


@settings(max_examples=150, deadline=None)
@example("abcde fghi klmno pq", 11.5)
@given(WORDS, st.sampled_from([4, 6, 11.5, 22, 36, 52]))
def test_lines_of_wrapped_text_are_counted_word_by_word(text: str, width: float) -> None:
    assert wrapped_lines(text, width) == _reference_lines(text, width)


MEASURED = Path(__file__).with_name("libreoffice_wrapped_lines.json")


def test_lines_are_counted_as_libreoffice_wraps_them_never_short() -> None:
    """The demo workbook's 442 distinct wrapped cells (width, text) and the lines LibreOffice 7 laid
    them out in (Carlito, Calibri's metrics; counted in its PDF). A row written a line short cuts text
    off; the old count of characters was a line long in a third of the cells (1,186 lines for 1,018)."""
    cells = json.loads(MEASURED.read_text(encoding="utf-8"))
    short = [(width, text) for width, text, lines in cells if wrapped_lines(text, width) < lines]
    assert short == []
    counted = sum(wrapped_lines(text, width) for width, text, _ in cells)
    laid_out = sum(lines for _, _, lines in cells)
    assert counted <= laid_out * 1.1, (counted, laid_out)
