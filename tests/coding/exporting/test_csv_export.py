"""The CSV export: the workbook's group-sheet rows in one file, BOM, delimiter, neutralised formulas."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coding import Project
from coding.core.errors import InvalidInputError
from coding.exporting.quote_rows import BASE_HEADER
from tests.regions import FORMULA, HOSTILE, build_regions, quote_sheet_rows


@pytest.fixture
def exported(project: Project, tmp_path: Path) -> Path:
    build_regions(project)
    project.export(tmp_path / "semi.csv", delimiter=";")
    project.export(tmp_path / "book.xlsx")
    return tmp_path


def read(path: Path, delimiter: str) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))


def test_utf8_with_bom_and_semicolons(exported: Path) -> None:
    raw = (exported / "semi.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    first_line = raw[3:].split(b"\r\n")[0].decode()
    assert first_line == ";".join(("Region", *BASE_HEADER, "Date"))
    assert "👍".encode() in raw


def test_same_rows_as_the_group_sheets_in_the_same_order(exported: Path) -> None:
    rows = read(exported / "semi.csv", ";")[1:]
    book = load_workbook(exported / "book.xlsx")
    expected = []
    for name in book.sheetnames[1:-2]:
        for row in quote_sheet_rows(book[name])[1:]:
            expected.append(["" if v is None else str(v) for v in row])
    assert [[v.removeprefix("'") for v in r[1:]] for r in rows] == expected
    groups = [r[0] for r in rows]
    assert groups.index(HOSTILE) < groups.index("Zwolle") < groups.index("(none)")


def test_cells_excel_would_evaluate_get_an_apostrophe(exported: Path) -> None:
    cells = {cell for row in read(exported / "semi.csv", ";") for cell in row}
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert "'=SUM(A1:A3)" in cells
    assert "'@iedereen moet meedoen, zegt de wethouder." in cells  # @name name …: Excel gives #NAME?


def test_quotes_no_spreadsheet_evaluates_are_never_changed(exported: Path) -> None:
    """Issue 18 item 8: a judgement-like ``-/-`` or a phone number ``+31`` is not a formula."""
    cells = {cell for row in read(exported / "semi.csv", ";") for cell in row}
    assert "-/- zou ik zeggen over de cijfers die we kregen." in cells
    assert "+31 6 1234 5678 is het nummer van het loket, dat werkt prima." in cells
    assert not any(cell.startswith("'-/-") or cell.startswith("'+31") for cell in cells)


def test_csv_guard_none_writes_every_cell_as_it_is(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    project.export(tmp_path / "raw.csv", csv_guard="none")
    cells = {cell for row in read(tmp_path / "raw.csv", ",") for cell in row}
    assert FORMULA in cells and "=SUM(A1:A3)" in cells and not any(c.startswith("'") for c in cells)
    with pytest.raises(InvalidInputError, match="CSV guard must be one of apostrophe, none"):
        project.export(tmp_path / "bad.csv", csv_guard="quote")
    assert not (tmp_path / "bad.csv").exists()


def test_options_codes_groups_reviews_and_refusals(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    coding_id = project.quotes("Urgentiebesef", where={"region": "Zwolle"})[0].coding_id
    project.reviews.mark(coding_id, "agreed", reviewer="supervisor")
    project.export(tmp_path / "a.csv", codes=["Urgentiebesef"], groups=["Zwolle"], include_reviews=True)
    rows = read(tmp_path / "a.csv", ",")
    assert rows[0][-1] == "Review"
    assert rows[1:] == [[*rows[1][:-1], "supervisor: agreed"]]
    assert rows[1][0] == "Zwolle" and rows[1][2] == "Urgentiebesef"
    with pytest.raises(InvalidInputError, match="delimiter"):
        project.export(tmp_path / "b.csv", delimiter="|")
    with pytest.raises(InvalidInputError, match="no option document"):
        project.export(tmp_path / "c.csv", document="R2_uwv")
    assert not (tmp_path / "b.csv").exists() and not list(tmp_path.glob(".b-*"))


def test_the_group_without_a_value_is_the_data_marker_in_every_language(
    project: Project, tmp_path: Path
) -> None:
    """The group column writes the marker "(none)" for the documents without a value, in English and in
    Dutch alike (the header is translated, the data is not): a script reading the file matches one value,
    and that value given back as ``groups`` selects the same rows."""
    from coding.core import i18n

    build_regions(project)
    project.export(tmp_path / "en.csv")
    i18n.set_language("nl")  # as --language nl or the window in Dutch (the fixture sets English back)
    project.export(tmp_path / "nl.csv")
    english, dutch = read(tmp_path / "en.csv", ","), read(tmp_path / "nl.csv", ",")
    assert english[0][0] == "Region" and dutch[0][0] == "Regio"  # the header is in the user's language
    assert [r[0] for r in dutch[1:]] == [r[0] for r in english[1:]]
    without = [r for r in english[1:] if r[0] == "(none)"]
    assert without and not any(r[0] in ("(no value)", "(geen waarde)") for r in dutch[1:])

    i18n.set_language("en")
    project.export(tmp_path / "only.csv", groups=["(none)"])
    base = 1 + len(BASE_HEADER)  # (columns of attributes only other groups have are left out)
    assert [r[:base] for r in read(tmp_path / "only.csv", ",")[1:]] == [r[:base] for r in without]
