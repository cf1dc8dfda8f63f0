"""The Excel workbook, opened again with openpyxl: sheets, headers, order, colours, text that stays text."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.chart import BarChart, RadarChart

from coding import Project
from coding.core import i18n
from coding.core.errors import InvalidInputError
from coding.demo import build_demo_project
from coding.documents.document_commands import NewDocument
from coding.exporting.calibri_widths import units
from coding.exporting.quote_rows import BASE_HEADER
from coding.exporting.sheet_names import clean_sheet_name, unique_sheet_names
from coding.exporting.xlsx_cells import (
    MAX_CELL,
    MIN_SCALE,
    PAGE_WIDTH_UNITS,
    cell_text,
    line_room,
    print_layout,
)
from coding.judgements.comparison import score_colour
from tests.regions import FORMULA, HOSTILE, LONG_A, LONG_B, build_regions, quote_sheet_rows

FIVE = ("-/-", "-", "+/-", "+", "+/+")
pytestmark = pytest.mark.filterwarnings("ignore::UserWarning")


@pytest.fixture(scope="module")
def workbook_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xlsx")
    with Project.create(folder / "p.codewerk", coder="tester") as project:
        build_regions(project)
        project.reviews.mark(
            project.quotes("Urgentiebesef", where={"region": "Zwolle"})[0].coding_id, "question", "bron?"
        )
        project.export(folder / "vergelijking.xlsx", by="region")
        project.export(folder / "reviews.xlsx", include_reviews=True)
        project.export(folder / "some.xlsx", codes=["Urgentiebesef"], groups=["zwolle"])
    return folder / "vergelijking.xlsx"


@pytest.fixture(scope="module")
def book(workbook_path: Path):  # type: ignore[no-untyped-def]
    return load_workbook(workbook_path)


def values(sheet) -> list[list[object]]:  # type: ignore[no-untyped-def]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def test_sheets_in_order_with_valid_unique_names(book) -> None:  # type: ignore[no-untyped-def]
    names = book.sheetnames
    assert names[0] == "Overview" and names[-2:] == ["Frequencies", "Codebook"]
    groups = names[1:-2]
    assert groups[2:] == ["Noord-Zuid (test)", "Zwolle", "(no value)"]  # as the window says it
    long_a, long_b = groups[:2]
    assert long_a == LONG_A[:31].rstrip()
    assert long_b.endswith(" (2)") and LONG_B.startswith(long_b[:-4])
    for name in names:
        assert len(name) <= 31
        assert not re.search(r"[\[\]:*?/\\]", name)
        assert not name.startswith("'") and not name.endswith("'")
    assert len({n.casefold() for n in names}) == len(names)


def test_overview_has_score_and_note_columns_per_group_and_judged_codes_only(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Overview"]
    rows = values(sheet)
    assert rows[0] == [
        "Code",
        LONG_A,
        f"{LONG_A} note",
        LONG_B,
        f"{LONG_B} note",
        HOSTILE,
        f"{HOSTILE} note",
        "Zwolle",
        "Zwolle note",
    ]
    assert [r[0] for r in rows[1:4]] == ["Vertrouwen", "Urgentiebesef", None]  # then the scores table
    assert rows[1][1:] == [None, None, "+/-", None, "-/-", "=niet goed", "+", "partners komen afspraken na"]
    assert rows[2][7:] == ["+/+", "hoge urgentie"]
    assert sheet.auto_filter.ref == "A1:I3"  # the filter covers the judgements, not the scores below


def chart_xml(path: Path, sheet_name: str) -> list[str]:
    """The XML of the charts whose data lie on one sheet."""
    with zipfile.ZipFile(path) as archive:
        charts = [archive.read(n).decode() for n in archive.namelist() if n.startswith("xl/charts/chart")]
    return [xml for xml in charts if f"'{sheet_name}'!" in xml]


def test_overview_has_the_scores_with_a_native_bar_chart_and_no_spider_of_two_concepts(
    book, workbook_path: Path
) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Overview"]
    rows = values(sheet)
    table = rows.index(next(r for r in rows if r[0] and str(r[0]).startswith("Scores for the charts")))
    assert rows[table][0] == "Scores for the charts (-/- = 1, - = 2, +/- = 3, + = 4, +/+ = 5)"
    # each judged group's numbers under its own score column of the judgements above (B, D, F, H)
    assert rows[0][1:9:2] == [LONG_A, LONG_B, HOSTILE, "Zwolle"]
    assert rows[table][1:9] == [None, None, LONG_B, None, HOSTILE, None, "Zwolle", None]
    assert rows[table + 1][:9] == ["Vertrouwen", None, None, 3, None, 1, None, 4, None]
    assert rows[table + 2][:9] == ["Urgentiebesef", None, None, None, None, None, None, 5, None]  # a gap
    assert len(rows) == table + 3
    # a spider of two concepts is a single line: the grouped bars alone
    assert [type(chart).__name__ for chart in sheet._charts] == ["BarChart"]
    xml = chart_xml(workbook_path, "Overview")
    assert len(xml) == 1
    first, last = table + 1, table + 3  # 1-based rows of the header and the last concept
    assert f"'Overview'!$A${first + 1}:$A${last}" in xml[0]  # categories: the concepts
    assert f"'Overview'!$H${first + 1}:$H${last}" in xml[0]  # Zwolle's scores
    assert "<barChart>" in xml[0]
    assert re.findall(r"<a:t>([^<]*)</a:t>", xml[0])[0].startswith("Bar chart: judgements per concept")


def test_from_three_judged_concepts_the_overview_has_a_native_spider_too(
    project: Project, tmp_path: Path
) -> None:
    build_regions(project)
    project.code("R2_uwv", "Overwinnen van cultuurverschillen", text="Het vertrouwen groeit")
    project.judgements.assess("Zwolle", "Overwinnen van cultuurverschillen", "+/-")
    path = project.export(tmp_path / "drie.xlsx", by="region")
    charts = load_workbook(path)["Overview"]._charts
    assert sorted(type(chart).__name__ for chart in charts) == ["BarChart", "RadarChart"]
    radar = next(chart for chart in charts if isinstance(chart, RadarChart))
    assert radar.type == "marker" and len(radar.series) == 3
    assert radar.y_axis.scaling.min == 0 and radar.y_axis.scaling.max == 5
    xml = chart_xml(path, "Overview")
    assert any("<radarChart>" in chart and '<radarStyle val="marker"/>' in chart for chart in xml)
    assert any("<barChart>" in chart for chart in xml)
    titles = [re.findall(r"<a:t>([^<]*)</a:t>", chart)[0] for chart in xml]
    assert len(set(titles)) == 2 and {t.split(":")[0] for t in titles} == {"Spider chart", "Bar chart"}


def test_no_judgements_no_score_charts(project: Project, tmp_path: Path) -> None:
    project.documents.add(NewDocument(name="R1", text="R1: Goed.", source_format="txt"))
    project.code("R1", "Vertrouwen", text="Goed.")
    book = load_workbook(project.export(tmp_path / "leeg.xlsx"))
    assert values(book["Overview"]) == [
        ["Code"],
        ["No concept is judged yet (judgements are made in Compare); the quotes follow on the next sheets."],
    ]
    assert book["Overview"]._charts == []
    i18n.set_language("nl")  # as --language nl or the window in Dutch (the fixture sets English back)
    dutch = load_workbook(project.export(tmp_path / "leeg-nl.xlsx"))
    assert values(dutch["Overzicht"])[1] == [
        "Nog geen concept beoordeeld (oordelen geeft u in Vergelijken); de citaten staan op de volgende bladen."
    ]


def test_overview_scores_are_coloured_red_to_green(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Overview"]
    colour = {cell.value: cell.fill.fgColor.rgb for cell in sheet[2] if cell.value in ("-/-", "+/-", "+")}
    assert colour == {"-/-": "00F8696B", "+/-": "00FFEB84", "+": "00" + score_colour("+", FIVE)[1:]}  # type: ignore[index]
    assert sheet["H3"].value == "+/+" and sheet["H3"].fill.fgColor.rgb == "0063BE7B"
    assert sheet["G2"].fill.fill_type is None  # notes are not coloured
    assert sheet.freeze_panes == "B2"


def test_group_sheet_header_and_order_codebook_then_respondent_then_position(book) -> None:  # type: ignore[no-untyped-def]
    rows = quote_sheet_rows(book["Zwolle"])
    assert tuple(rows[0]) == (*BASE_HEADER, "Date")
    body = [(r[1], r[2]) for r in rows[1:]]
    assert body == [
        ("Vertrouwen", "R2"),
        ("Vertrouwen", "R10"),
        ("Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet", "R10"),
        ("Vertrouwen/Transparantie en open communicatie/Informatie wordt open gedeeld", "R2"),
        ("Urgentiebesef", "R10"),
    ]
    first = rows[1]
    assert first[0] == "Vertrouwen" and first[3] == "UWV" and first[4] == "R2_uwv"
    assert first[5] == "Het vertrouwen groeit, al gaat het langzaam." and first[6] == "groeiend"
    assert isinstance(first[7], int) and isinstance(first[8], int)
    assert first[9] == "2017-06-02"


def test_a_group_sheet_opens_with_the_groups_judgements(book) -> None:  # type: ignore[no-untyped-def]
    """Issue 18 item 6: the group's judgements at the top of its sheet, in the quote table's columns."""
    rows = values(book["Zwolle"])
    assert rows[0][0] == "Judgements for region Zwolle"
    assert rows[1][:3] == ["Concept", "Code", "Score"] and rows[1][5:7] == ["Justification", "Evidence"]
    assert rows[2][:3] == ["Vertrouwen", None, "+"] and rows[2][5:7] == [
        "partners komen afspraken na",
        "1 quote as evidence",
    ]
    assert rows[3][:3] == ["Urgentiebesef", None, "+/+"] and rows[3][5] == "hoge urgentie"
    assert book["Zwolle"]["C3"].fill.fgColor.rgb == "00" + score_colour("+", FIVE)[1:]  # type: ignore[index]
    assert rows[4] == [None] * len(rows[4]) and rows[5][0] == "Concept"
    assert values(book["(no value)"])[0][0] == "Concept"  # a group without judgements starts with its quotes


def test_quotes_that_look_like_formulas_stay_text_exactly_as_coded(book, workbook_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Noord-Zuid (test)"]
    cells = {cell.value: cell for row in sheet.iter_rows(min_row=1) for cell in row if cell.value}
    for text in (FORMULA, "=SUM(A1:A3)", "@iedereen moet meedoen, zegt de wethouder."):
        assert cells[text].data_type == "s"
        assert cells[text].quotePrefix
    dash = next(
        c
        for row in book["Zwolle"].iter_rows(min_row=2)
        for c in row
        if c.value and str(c.value).startswith("-/-")
    )
    assert dash.value == "-/- zou ik zeggen over de cijfers die we kregen." and dash.data_type == "s"
    plus = next(
        c for row in book[book.sheetnames[2]].iter_rows() for c in row if str(c.value).startswith("+31 6")
    )
    assert plus.column == 6 and plus.quotePrefix
    with zipfile.ZipFile(workbook_path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name), name


def test_quote_sheets_are_filterable_frozen_and_wrapped(book) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Zwolle"]
    assert sheet.freeze_panes == "A7"  # under the quote header, the judgements above it
    assert sheet.auto_filter.ref == "A6:J11"
    assert sheet.print_title_rows == "$6:$6"
    for column in "BDEFG":  # Code, Role, Document, Quote, Memo: wrapped, never clipped
        assert sheet[f"{column}7"].alignment.wrap_text
    assert 48 <= sheet.column_dimensions["F"].width <= 52  # the widest column, narrower with more columns
    assert sheet["A6"].font.bold


def fitted_to_width(sheet) -> bool:  # type: ignore[no-untyped-def]
    setup = sheet.page_setup
    return bool(sheet.sheet_properties.pageSetUpPr.fitToPage) and (setup.fitToWidth, setup.fitToHeight) == (
        1,
        0,
    )


def printed_scale(sheet) -> float:  # type: ignore[no-untyped-def]
    """The scale one page width of A4 landscape takes the sheet's columns to (width units as print_layout)."""
    widths = [d.width for d in sheet.column_dimensions.values() if d.width]
    return min(100.0, 100 * PAGE_WIDTH_UNITS / (sum(widths) + 0.7 * len(widths)))


def test_sheets_print_on_a4_landscape_one_page_wide_at_a_readable_scale(book) -> None:  # type: ignore[no-untyped-def]
    """Issue 18 item 6: never fitted to an unreadable size (11 pt at 70 % is 7.7 pt); a sheet that fits at
    that scale prints one page wide, as many tall as it takes (a column never spills onto pages of its own)."""
    for sheet in book.worksheets:
        setup = sheet.page_setup
        assert setup.orientation == "landscape" and setup.paperSize == 9, sheet.title
        assert fitted_to_width(sheet) and printed_scale(sheet) >= 70, sheet.title
        assert "&P" in sheet.oddFooter.center.text and "&N" in sheet.oddFooter.center.text
    assert book["Zwolle"].print_options.gridLines and not book["Overview"].print_options.gridLines


def test_the_demo_region_sheets_print_one_page_wide_with_the_header_on_every_page(tmp_path: Path) -> None:
    """The demo's region sheets (twelve columns: date, organisation and time too) spilled their last
    column onto pages of their own, 33 pages in all; now one page wide, the quote header row repeated
    and the quotes wrapped."""
    with build_demo_project(tmp_path / "demo.codewerk") as project:
        book = load_workbook(project.export(tmp_path / "demo.xlsx"))
    for region in ("Midden-Gelderland", "Zuidoost-Brabant", "Zwolle"):
        sheet = book[region]
        assert fitted_to_width(sheet) and printed_scale(sheet) >= 70, region
        header = next(r for r in sheet.iter_rows() if r[0].value == "Concept" and r[5].value == "Quote")
        assert sheet.print_title_rows == f"${header[0].row}:${header[0].row}"
        assert sheet.cell(header[0].row + 1, 6).alignment.wrap_text
    wide = book.create_sheet("wide")
    assert print_layout(wide, [40.0] * 6) == MIN_SCALE  # too wide to fit readably: across pages
    assert not fitted_to_width(wide) and wide.print_title_cols == "$A:$A"


def test_quotes_without_the_attribute_go_to_none(book) -> None:  # type: ignore[no-untyped-def]
    rows = quote_sheet_rows(book["(no value)"])
    assert [r[4] for r in rows[1:]] == ["D9_beleidsnota"]


def test_frequencies_count_per_group_with_a_native_bar_chart(book, workbook_path: Path) -> None:  # type: ignore[no-untyped-def]
    sheet = book["Frequencies"]
    rows = values(sheet)
    assert rows[0][:7] == ["Code", LONG_A, LONG_B, HOSTILE, "Zwolle", "(no value)", "Total"]
    trust = next(r for r in rows if r[0] == "Vertrouwen")
    assert trust[1:7] == [1, 1, 2, 3, 0, 7]
    totals = next(r for r in rows if r[0] and str(r[0]).startswith("All coded passages"))
    assert totals[1:7] == [1, 1, 3, 4, 1, 10]
    summary = next(i for i, r in enumerate(rows) if r[0] == "Concept")
    assert rows[summary][:6] == ["Concept", LONG_A, LONG_B, HOSTILE, "Zwolle", "(no value)"]
    assert rows[summary + 1][0] == "Vertrouwen" and rows[summary - 1] == [None] * len(rows[0])
    charts = sheet._charts
    assert len(charts) == 1 and isinstance(charts[0], BarChart)
    (bars,) = chart_xml(workbook_path, "Frequencies")
    assert "<barChart>" in bars and '<barDir val="col"/>' in bars
    concepts = sum(1 for r in rows[summary + 1 :] if r[0])
    assert f"'Frequencies'!$A${summary + 2}:$A${summary + 1 + concepts}" in bars  # categories: the concepts
    assert [b.id for b in sheet.row_breaks.brk] == [summary + 1 + concepts + 1]  # the chart on its own page


def test_codebook_sheet_lists_path_question_description_scale(book) -> None:  # type: ignore[no-untyped-def]
    rows = values(book["Codebook"])
    assert rows[0][:4] == ["Code", "Question", "Description", "Scale"]
    indicator = next(r for r in rows if r[1] == "4a")
    assert indicator[0] == "Vertrouwen/Betrouwbaarheid/Positieve verwachtingen over intenties en inzet"
    assert indicator[3] == "-/-  -  +/-  +  +/+"
    assert next(r for r in rows if r[1] == "5a")[3] == "open"
    assert len(rows[1][2]) > 40


def test_review_column_and_chosen_codes_and_groups(workbook_path: Path) -> None:
    reviews = load_workbook(workbook_path.parent / "reviews.xlsx")
    rows = quote_sheet_rows(reviews["Zwolle"])
    assert rows[0][-1] == "Review"
    assert rows[-1][-1] == "tester: question — bron?"
    some = load_workbook(workbook_path.parent / "some.xlsx")
    assert some.sheetnames == ["Overview", "Zwolle", "Frequencies", "Codebook"]
    assert [r[1] for r in quote_sheet_rows(some["Zwolle"])[1:]] == ["Urgentiebesef"]
    assert values(some["Overview"])[1] == ["Urgentiebesef", "+/+", "hoge urgentie"]


def test_bad_options_and_existing_files_are_refused(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    with pytest.raises(InvalidInputError, match="no option kind"):
        project.export(tmp_path / "x.xlsx", kind="transcript")
    target = tmp_path / "y.xlsx"
    target.write_text("keep me")
    with pytest.raises(InvalidInputError, match="already exists"):
        project.export(target)
    assert target.read_text() == "keep me"
    project.export(target, overwrite=True)
    assert load_workbook(target).sheetnames[0] == "Overview"


def test_sheet_names_are_cleaned_and_made_unique() -> None:
    assert clean_sheet_name(HOSTILE) == "Noord-Zuid (test)"
    assert clean_sheet_name("'quoted'") == "quoted"
    assert clean_sheet_name("???") == "Sheet"
    names = unique_sheet_names(["overview", "History", "A" * 40, "A" * 35, "a" * 31], taken=["Overview"])
    assert names["overview"] == "overview (2)"
    assert names["History"] == "History (2)"
    assert names["A" * 40] == "A" * 31
    assert names["A" * 35] == "A" * 27 + " (2)"
    assert names["a" * 31] == "a" * 27 + " (3)"


def test_cell_text_drops_control_characters_and_cuts_at_excels_limit() -> None:
    assert cell_text("a\x0bb\x01c\td") == "abc\td"
    long = cell_text("x" * 40_000)
    assert len(long) == MAX_CELL and long.endswith("32,767 characters per cell]")


def test_rows_of_long_quotes_are_tall_enough_to_read(project: Project, tmp_path: Path) -> None:
    """LibreOffice does not grow rows to fit wrapped text on opening, so the height is written."""
    long = " ".join(["Dat vertrouwen is er gewoon, dat is in de loop der jaren gegroeid."] * 6)
    project.documents.add(
        NewDocument(
            name="R1", text=f"R1: {long}\nR1: kort.\n", source_format="txt", attributes={"region": "Zwolle"}
        )
    )
    project.code("R1", "Vertrouwen", text=long)
    project.code("R1", "Urgentiebesef", text="kort.")
    project.export(tmp_path / "hoog.xlsx")
    sheet = load_workbook(tmp_path / "hoog.xlsx")["Zwolle"]
    assert sheet.row_dimensions[2].height >= 8 * 15  # ~400 characters in a 52-wide column
    assert sheet.row_dimensions[3].height == 15  # one line, said so (LibreOffice would grow it)
    assert sheet["B2"].alignment.vertical == "top"  # the other cells of a tall row read from the top
    assert sheet["F2"].alignment.wrap_text and sheet["F2"].alignment.vertical == "top"


def test_with_more_than_four_groups_each_gets_a_chart_and_every_chart_its_own_page(
    project: Project, tmp_path: Path
) -> None:
    """Issue 18 item 6: a clustered chart of many groups is crowded; charts are never cut by a page."""
    regions = ["Arnhem", "Breda", "Delft", "Ede", "Zwolle"]
    for number, region in enumerate(regions, start=1):
        name = f"R{number}"
        project.documents.add(
            NewDocument(
                name=name,
                text=f"{name}: Wij vertrouwen elkaar.",
                source_format="txt",
                attributes={"region": region},
            )
        )
        project.code(name, "Vertrouwen", text="Wij vertrouwen elkaar.")
        project.judgements.assess(region, "Vertrouwen", FIVE[number - 1])
    sheet = load_workbook(project.export(tmp_path / "vijf.xlsx"))["Overview"]
    charts = sheet._charts
    assert sorted(type(c).__name__ for c in charts).count("BarChart") == 1 + len(regions)
    titles = [c.title.tx.rich.p[0].r[0].t for c in charts]
    assert len(set(titles)) == len(titles)  # a title of its own each
    assert any(t.startswith("Region Delft: judgement per concept") for t in titles)
    anchors = sorted(c.anchor._from.row + 1 for c in charts)  # 1-based first rows
    breaks = {b.id for b in sheet.row_breaks.brk}
    pages = {anchor for anchor in anchors if anchor - 1 in breaks}
    assert len(pages) == 1 + 3  # bars (one concept: no spider), then the five group charts two to a page


def test_the_document_column_holds_the_names_without_splitting_them_mid_word(
    project: Project, tmp_path: Path
) -> None:
    """User test at 1366×768: LibreOffice split "R1_secretaris_mid|den-gelderland" in a 16-wide column.
    With room on the page the longest name fits on one line; the demo's twelve-column sheets keep
    printing one page wide, their names breaking only at a hyphen."""
    name = "R1_secretaris_midden-gelderland"
    project.documents.add(NewDocument(name=name, text="R1: Goed.", source_format="txt"))
    project.code(name, "Vertrouwen", text="Goed.")
    sheet = load_workbook(project.export(tmp_path / "namen.xlsx")).worksheets[1]
    assert sheet["E1"].value == "Document" and sheet["E2"].value == name
    assert line_room(sheet.column_dimensions["E"].width) >= units(name)
    assert sheet.column_dimensions["E"].width <= 40
    with build_demo_project(tmp_path / "demo.codewerk") as demo:
        book = load_workbook(demo.export(tmp_path / "demo.xlsx"))
    sheet = book["Midden-Gelderland"]
    header = next(r for r in sheet.iter_rows() if r[4].value == "Document" and r[5].value == "Quote")
    names = {sheet.cell(row, 5).value for row in range(header[0].row + 1, sheet.max_row + 1)}
    assert "R1_secretaris_midden-gelderland" in names
    room = line_room(sheet.column_dimensions["E"].width)
    for piece in (piece for name in names for piece in re.split(r"(?<=-)", str(name))):
        assert room >= units(piece), piece
    assert fitted_to_width(sheet) and printed_scale(sheet) >= 70


def test_concept_and_role_columns_hold_their_longest_word_on_one_line(
    project: Project, tmp_path: Path
) -> None:
    """Supervisor's check in LibreOffice: the demo's Concept column split "cultuurverschille|n" (14 wide)
    and a Role column "werkgeversvertegenwoordi|ger" (12 wide). Each widens to its longest word as far as
    the page allows (the demo's twelve columns leave the role 0.5 more); the sheets still print one page
    wide at a readable scale."""
    project.documents.add(
        NewDocument(
            name="R4",
            text="R4: Goed overleg.",
            source_format="txt",
            attributes={"region": "Arnhem", "role": "werkgeversvertegenwoordiger"},
        )
    )
    project.code("R4", "Vertrouwen", text="Goed overleg.")
    sheet = load_workbook(project.export(tmp_path / "rol.xlsx"))["Arnhem"]
    header = next(r for r in sheet.iter_rows() if r[3].value == "Role")
    assert sheet.cell(header[0].row + 1, 4).value == "werkgeversvertegenwoordiger"
    assert line_room(sheet.column_dimensions["D"].width) >= units("werkgeversvertegenwoordiger")
    assert fitted_to_width(sheet)
    with build_demo_project(tmp_path / "demo.codewerk") as demo:
        book = load_workbook(demo.export(tmp_path / "demo.xlsx"))
    for region in ("Midden-Gelderland", "Zwolle", "Zuidoost-Brabant"):
        sheet = book[region]
        header = next(r for r in sheet.iter_rows() if r[0].value == "Concept" and r[5].value == "Quote")
        room = line_room(sheet.column_dimensions["A"].width)
        values = {sheet.cell(row, 1).value for row in range(header[0].row + 1, sheet.max_row + 1)}
        for word in (w for value in values if value for w in str(value).split()):
            assert room >= units(word), (region, word)
        assert fitted_to_width(sheet) and printed_scale(sheet) >= 70
