"""The intercoder agreement workbook as a second coder hands it on: printed on A4 landscape one page
wide with the header on every page, percentages and three-decimal figures, ``n/a`` where a figure is
undefined, and the method in words wrapped over the table in a row tall enough to read it (before: a
portrait page cut after four columns, the method one line running off the sheet)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coding import Project
from coding.core import i18n
from coding.core.errors import InvalidInputError
from coding.exporting.agreement_xlsx import FIGURE_WIDTHS, write_agreement_xlsx
from coding.exporting.xlsx_cells import FIT_SCALE, wrapped_lines
from tests.coding.agreement.test_agreement_service import two_coders  # noqa: F401  (fixture)


def test_the_figures_sheet_prints_one_page_wide_with_the_method_readable(
    two_coders: Project,  # noqa: F811
    tmp_path: Path,
) -> None:
    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    path = write_agreement_xlsx(report, tmp_path / "agreement.xlsx")
    book = load_workbook(path)
    sheet = book["Agreement"]
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.sheet_properties.pageSetUpPr.fitToPage and sheet.page_setup.fitToWidth == 1
    assert int(sheet.page_setup.scale) >= FIT_SCALE
    assert sheet.print_title_rows == "$1:$1" and sheet.freeze_panes == "B2"
    assert [sheet.column_dimensions[c].width for c in "ABC"] == list(FIGURE_WIDTHS[:3])
    first = 2
    assert sheet.cell(first, 3).number_format == "0.0%" and sheet.cell(first, 4).number_format == "0.000"
    undefined = [r for r in report.rows if r.kappa.value is None]
    for offset, row in enumerate(report.rows):
        kappa = sheet.cell(first + offset, 4).value
        assert kappa == ("n/a" if row.kappa.value is None else row.kappa.value)
    assert undefined, "the fixture has a code without variation"
    method = sheet.max_row
    assert sheet.cell(method, 1).value == "Method" and sheet.cell(method, 2).value == report.method
    assert f"B{method}:O{method}" in {str(r) for r in sheet.merged_cells.ranges}
    assert sheet.cell(method, 2).alignment.wrap_text
    characters_per_line = sum(FIGURE_WIDTHS[1:])
    assert sheet.row_dimensions[method].height >= 15 * (len(report.method) // characters_per_line)
    disagreements = book["Disagreements"]
    assert disagreements.page_setup.orientation == "landscape"
    assert disagreements.cell(2, 6).alignment.wrap_text
    with pytest.raises(InvalidInputError, match=r"agreement\.xlsx: already exists"):
        write_agreement_xlsx(report, path)


def test_in_dutch_the_reasons_are_dutch_too(two_coders: Project, tmp_path: Path) -> None:  # noqa: F811
    i18n.set_language("nl")
    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    book = load_workbook(write_agreement_xlsx(report, tmp_path / "overeenstemming.xlsx"))
    sheet = book["Overeenstemming"]
    reasons = {sheet.cell(row, 15).value for row in range(2, 2 + len(report.rows))} - {None, ""}
    assert reasons == {"geen variatie: beide codeurs plaatsten elke eenheid in dezelfde categorie"}
    assert {sheet.cell(row, 4).value for row in range(2, 2 + len(report.rows))} >= {"n.v.t."}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_every_header_word_fits_its_column(two_coders: Project, tmp_path: Path, language: str) -> None:  # noqa: F811
    """A header word wider than its column was broken inside it on paper ("Overeenstemmin|g" in Dutch):
    each word of every header (and of its dash-joined parts, where a line may break) fits on one line."""
    i18n.set_language(language)
    report = two_coders.agreement.report("tester", "Bram", unit="sentence")
    book = load_workbook(write_agreement_xlsx(report, tmp_path / "agreement.xlsx"))
    sheet = book.worksheets[0]
    for column, width in enumerate(FIGURE_WIDTHS, start=1):
        label = str(sheet.cell(1, column).value)
        for word in re.split(r"[\s–-]+", label):
            assert wrapped_lines(word, width) == 1, (language, label, word, width)
