"""The review workbook: what a supervisor sees and may change, and how their marks come back."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from coding import Project
from coding.core.errors import InvalidInputError
from coding.exporting.xlsx_cells import PAGE_WIDTH_UNITS, wrapped_lines
from coding.reviews.review_layout import (
    CHECK_COLUMN,
    COMMENT_COLUMN,
    ID_COLUMN,
    IDENTITY_SHEET,
    REVIEW_COLUMN,
)
from tests.coding.reviews.helpers import fill_in, rows
from tests.regions import FORMULA, build_regions

TRUST = "Het vertrouwen groeit, al gaat het langzaam."


@pytest.fixture
def regions(project: Project) -> Project:
    build_regions(project)
    project.history.clear()
    return project


def test_workbook_offers_the_marks_locks_the_quotes_and_hides_the_ids(
    regions: Project, tmp_path: Path
) -> None:
    path = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna", language="nl")
    workbook = load_workbook(path)
    assert workbook.sheetnames[0] == "Instructies"
    assert {"Vertrouwen", "Urgentiebesef", IDENTITY_SHEET} <= set(workbook.sheetnames)
    assert workbook[IDENTITY_SHEET].sheet_state == "hidden"
    assert workbook.security is not None and workbook.security.lockStructure
    sheet = workbook["Vertrouwen"]
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet.column_dimensions["K"].hidden and sheet.column_dimensions["L"].hidden
    found = list(rows(sheet))
    assert {kind for kind, _ in found} == {"quote", "judgement"}
    [validation] = sheet.data_validations.dataValidation
    assert validation.formula1 == '"akkoord,vraag,oneens"'
    for _kind, number in found:
        assert any(f"I{number}" in cells for cells in validation.sqref.ranges)
        assert not sheet.cell(row=number, column=REVIEW_COLUMN).protection.locked
        assert not sheet.cell(row=number, column=COMMENT_COLUMN).protection.locked
        assert sheet.cell(row=number, column=5).protection.locked
        assert len(sheet.cell(row=number, column=ID_COLUMN).value) == 36
        assert sheet.cell(row=number, column=CHECK_COLUMN).value
    quotes = [sheet.cell(row=n, column=5).value for kind, n in found if kind == "quote"]
    assert TRUST in quotes and FORMULA in quotes  # the formula-like quote is kept as text
    assert sheet.print_title_rows and int(sheet.page_setup.paperSize) == 9


def test_marks_and_comments_come_back_in_one_undoable_step(regions: Project, tmp_path: Path) -> None:
    exported = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    comment = "Mooi citaat 👍\nmaar: welke regio?"
    fill_in(
        exported,
        {
            f"Vertrouwen|{TRUST}": ("question", comment),
            f"Vertrouwen|{FORMULA}": ("Agreed", "=1+1"),  # a formula typed as a comment stays text
            "Vertrouwen|partners komen afspraken na": ("disagree", "te weinig bewijs"),
        },
        tmp_path / "back.xlsx",
    )
    report = regions.import_review(tmp_path / "back.xlsx")
    assert (report.added, report.changed, report.unchanged, report.ok) == (3, 0, 0, True)
    marks = {r.quote: (r.reviewer, r.mark, r.comment) for r in regions.reviews.list()}
    assert marks[TRUST] == ("Anna", "question", comment)
    assert marks[FORMULA] == ("Anna", "agreed", "=1+1")
    judgements = regions.reviews.judgement_discussions()
    [zwolle] = [j for j in regions.judgements.list() if j.justification == "partners komen afspraken na"]
    mark = judgements[zwolle.id].mark_by("Anna")
    assert mark is not None and (mark.status, mark.comment) == ("disagree", "te weinig bewijs")

    again = regions.import_review(tmp_path / "back.xlsx")
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)
    regions.undo()  # the first import was one step (the second changed nothing and is no step)
    assert regions.reviews.list() == []
    assert judgements[zwolle.id].guid and regions.reviews.judgement_discussions()[zwolle.id].marks == ()


def test_a_new_workbook_carries_the_marks_and_the_students_reply(regions: Project, tmp_path: Path) -> None:
    [quote] = [q for q in regions.quotes("Vertrouwen") if q.text == TRUST]
    regions.reviews.mark(quote.coding_id, "question", "bron?", reviewer="Anna")
    regions.reviews.reply("Zie interview R2, p. 3", coding_id=quote.coding_id, author="student")
    path = regions.export(tmp_path / "round2.xlsx", kind="review", reviewer="Anna")
    sheet = load_workbook(path)["Vertrouwen"]
    [number] = [n for kind, n in rows(sheet) if sheet.cell(row=n, column=5).value == TRUST]
    assert sheet.cell(row=number, column=REVIEW_COLUMN).value == "question"
    assert sheet.cell(row=number, column=COMMENT_COLUMN).value == "bron?"
    assert sheet.cell(row=number, column=7).value == "Zie interview R2, p. 3"
    # the supervisor answers with a new comment: the old one stays in the conversation
    fill_in(path, {f"Vertrouwen|{TRUST}": ("agreed", "helder")}, tmp_path / "back.xlsx")
    report = regions.import_review(tmp_path / "back.xlsx")
    assert report.changed == 1 and report.unchanged == 0
    talk = regions.reviews.discussion(coding_id=quote.coding_id)
    assert [text for _when, _who, text in talk.entries()] == [
        "bron?",
        "Zie interview R2, p. 3",
        "[agreed] helder",
    ]
    assert not talk.open_question()


def test_changed_deleted_and_tampered_rows_are_listed_not_applied(regions: Project, tmp_path: Path) -> None:
    exported = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    workbook = load_workbook(exported)
    sheet = workbook["Vertrouwen"]
    quote_rows = [n for kind, n in rows(sheet) if kind == "quote"]
    for number in quote_rows:
        sheet.cell(row=number, column=REVIEW_COLUMN).value = "agreed"
    tampered = quote_rows[0]
    sheet.cell(row=tampered, column=ID_COLUMN).value = "00000000-0000-0000-0000-000000000000"
    workbook.save(tmp_path / "back.xlsx")
    # since the export the student removed one coding and moved another passage's end
    quotes = {q.text: q for q in regions.quotes("Vertrouwen")}
    regions.codings.uncode(quotes["Vertrouwen is er zeker tussen de wethouders. 👍"].coding_id)
    moved = quotes["Informatie wordt eerlijk gedeeld in het overleg."]
    regions.codings.set_span(moved.passage_id, moved.start, moved.end - 1)
    before = regions.reviews.list()
    report = regions.import_review(tmp_path / "back.xlsx")
    assert len(report.missing) == 2  # the tampered id and the deleted coding
    assert any("00000000" in line for line in report.missing)
    assert len(report.text_changed) == 1 and "Informatie wordt" in report.text_changed[0]
    assert report.added == len(quote_rows) - 3
    assert not report.ok
    applied = {r.quote for r in regions.reviews.list()} - {r.quote for r in before}
    assert "Informatie wordt eerlijk gedeeld in het overleg" not in applied


def test_unknown_values_are_listed_with_sheet_and_cell(regions: Project, tmp_path: Path) -> None:
    exported = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    workbook = load_workbook(exported)
    sheet = workbook["Urgentiebesef"]
    first = next(n for kind, n in rows(sheet) if kind == "quote")
    sheet.cell(row=first, column=REVIEW_COLUMN).value = "misschien"
    workbook.save(tmp_path / "back.xlsx")
    report = regions.import_review(tmp_path / "back.xlsx")
    assert report.unknown == [f"Urgentiebesef!I{first}: 'misschien'"]
    assert regions.reviews.list() == []


def test_a_file_of_another_project_is_refused_naming_it(regions: Project, tmp_path: Path) -> None:
    with Project.create(tmp_path / "andere studie.codewerk", coder="x") as other:
        build_regions(other)
        path = other.export(tmp_path / "other.xlsx", kind="review", reviewer="Anna")
    with pytest.raises(InvalidInputError, match=r"other\.xlsx: .*'andere studie'"):
        regions.import_review(path)
    assert regions.reviews.list() == []


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.xlsx", b"", "not a .xlsx file"),
        ("text.docx", b"hello", "not a .docx file"),
        ("notes.txt", b"agreed", "a review file is a workbook"),
    ],
)
def test_files_that_are_not_review_files_are_refused(
    regions: Project, tmp_path: Path, name: str, content: bytes, reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InvalidInputError, match=f"{name}: {reason}"):
        regions.import_review(path)


def test_an_ordinary_export_is_not_a_review_file(regions: Project, tmp_path: Path) -> None:
    path = regions.export(tmp_path / "vergelijking.xlsx")
    with pytest.raises(InvalidInputError, match=r"vergelijking\.xlsx: not a Codewerk review workbook"):
        regions.import_review(path)


def test_review_export_needs_a_reviewer_and_filters_by_code_group_and_coder(
    regions: Project, tmp_path: Path
) -> None:
    with pytest.raises(InvalidInputError, match="--reviewer"):
        regions.export(tmp_path / "r.xlsx", kind="review")
    path = regions.export(
        tmp_path / "r.xlsx", kind="review", reviewer="Anna", codes=["Urgentiebesef"], groups=["Zwolle"]
    )
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Instructions", "Urgentiebesef", IDENTITY_SHEET]
    sheet = workbook["Urgentiebesef"]
    groups = {sheet.cell(row=n, column=3).value for _kind, n in rows(sheet)}
    assert groups == {"Zwolle"}
    nobody = regions.export(tmp_path / "none.xlsx", kind="review", reviewer="Anna", coder="nobody")
    assert [s for s in load_workbook(nobody).sheetnames if s not in ("Instructions", IDENTITY_SHEET)] == [
        "Vertrouwen",
        "Urgentiebesef",
    ]  # judgements stay; no quotes of that coder


def _inline_strings_without_validation(source: Path, target: Path) -> None:
    """Rewrite a workbook the way some programs save it: every string inline in its cell
    (``t="inlineStr"``), no shared-strings part used, the drop-down (data validation) removed."""
    import re
    import zipfile

    with zipfile.ZipFile(source) as old:
        parts = {name: old.read(name) for name in old.namelist()}
    shared = re.findall(r"<si>(.*?)</si>", parts.get("xl/sharedStrings.xml", b"").decode("utf-8"), re.S)
    texts = ["".join(re.findall(r"<t[^>]*>(.*?)</t>", item, re.S)) for item in shared]  # still escaped XML

    def inline(match: re.Match[str]) -> str:
        attributes, index = match.group(1), int(match.group(2))
        return f'<c{attributes} t="inlineStr"><is><t xml:space="preserve">{texts[index]}</t></is></c>'

    for name in [n for n in parts if n.startswith("xl/worksheets/sheet")]:
        xml = parts[name].decode("utf-8")
        xml = re.sub(r'<c([^>]*?) t="s"[^>]*><v>(\d+)</v></c>', inline, xml)
        xml = re.sub(r"<dataValidations.*?</dataValidations>", "", xml, flags=re.S)
        assert 't="s"' not in xml
        parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for name, data in parts.items():
            new.writestr(name, data)


def test_inline_strings_a_removed_drop_down_and_a_deleted_row_read(regions: Project, tmp_path: Path) -> None:
    exported = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna")
    workbook = load_workbook(exported)
    sheet = workbook["Vertrouwen"]
    quote_rows = [n for kind, n in rows(sheet) if kind == "quote"]
    sheet.cell(row=quote_rows[0], column=REVIEW_COLUMN).value = "disagree"
    sheet.cell(row=quote_rows[0], column=COMMENT_COLUMN).value = "<niet & zo>"
    sheet.delete_rows(quote_rows[-1])  # the supervisor removed a row (protection switched off)
    workbook.save(tmp_path / "edited.xlsx")
    _inline_strings_without_validation(tmp_path / "edited.xlsx", tmp_path / "inline.xlsx")
    assert load_workbook(tmp_path / "inline.xlsx")["Vertrouwen"].data_validations.dataValidation == []
    report = regions.import_review(tmp_path / "inline.xlsx")
    assert (report.added, report.ok) == (1, True)
    assert any("1 quote row(s) of the export are not in the file" in note for note in report.notes)
    [mark] = regions.reviews.list()
    assert (mark.mark, mark.comment) == ("disagree", "<niet & zo>")


def test_the_instructions_fit_a_portrait_page_with_every_line_shown(regions: Project, tmp_path: Path) -> None:
    """The instructions sheet prints portrait; its column was 110 characters wide, wider than the page,
    and LibreOffice cut every long instruction at the page's edge ("… een toelichting in de kol")."""
    path = regions.export(tmp_path / "review.xlsx", kind="review", reviewer="Anna", language="nl")
    sheet = load_workbook(path)["Instructies"]
    assert sheet.page_setup.orientation == "portrait"
    width = sheet.column_dimensions["A"].width
    assert width <= PAGE_WIDTH_UNITS * 18 / 26.7 - 2  # a portrait A4 page's printable width, in digits
    for row in range(1, sheet.max_row + 1):
        value = sheet.cell(row=row, column=1).value
        lines = wrapped_lines(value, width) if value else 1
        height = sheet.row_dimensions[row].height
        assert lines == 1 or (height is not None and height >= 15 * lines), (row, value, height)


def test_the_document_column_is_as_wide_as_the_names_up_to_a_cap(regions: Project, tmp_path: Path) -> None:
    """The Document column was 16 wide whatever the names: "R1_secretaris_midden-gelderland" was split
    mid-word, "R2_uwv" left half of it empty. It now takes the longest name on one line, capped (a longer
    name wraps); every concept sheet alike."""
    from coding.exporting.xlsx_cells import width_for

    def document_widths() -> set[float | None]:
        path = regions.export(tmp_path / "r.xlsx", kind="review", reviewer="Anna", overwrite=True)
        sheets = [load_workbook(path)[name] for name in ("Vertrouwen", "Urgentiebesef")]
        return {sheet.column_dimensions["D"].width for sheet in sheets}

    [short] = document_widths()  # the longest name: D9_beleidsnota
    assert width_for("D9_beleidsnota") <= short < 16 and short > width_for("Document")  # the bold header
    [r2] = [d for d in regions.documents.list() if d.name == "R2_uwv"]
    regions.documents.rename(r2.id, "R1_secretaris_midden-gelderland")
    [fitted] = document_widths()
    assert (
        width_for("R1_secretaris_midden-gelderland")
        <= fitted
        <= width_for("R1_secretaris_midden-gelderland") + 1
    )
    regions.documents.rename(r2.id, "R1_secretaris_midden-gelderland_" * 4)
    [capped] = document_widths()
    assert fitted < capped <= 40


def test_a_dutch_workbook_names_another_reviewers_mark_in_dutch(regions: Project, tmp_path: Path) -> None:
    """The Conversation column of a Dutch workbook said "[question] bron?" for Anna's earlier mark."""
    [quote] = [q for q in regions.quotes("Vertrouwen") if q.text == TRUST]
    regions.reviews.mark(quote.coding_id, "question", "bron?", reviewer="Anna")
    path = regions.export(tmp_path / "bram.xlsx", kind="review", reviewer="Bram", language="nl")
    sheet = load_workbook(path)["Vertrouwen"]
    [number] = [n for kind, n in rows(sheet) if sheet.cell(row=n, column=5).value == TRUST]
    conversation = str(sheet.cell(row=number, column=8).value)
    assert conversation.endswith("Anna: [vraag] bron?") and "question" not in conversation
    english = load_workbook(regions.export(tmp_path / "en.xlsx", kind="review", reviewer="Bram"))
    assert "[question] bron?" in str(english["Vertrouwen"].cell(row=number, column=8).value)


def test_a_dutch_workbook_says_geen_waarde_for_a_quote_without_a_region(
    regions: Project, tmp_path: Path
) -> None:
    """The Region column said "(none)" in a Dutch workbook (the window says "(geen waarde)")."""
    workbook = load_workbook(
        regions.export(tmp_path / "nl.xlsx", kind="review", reviewer="Bram", language="nl")
    )
    groups = {
        workbook[name].cell(row=n, column=3).value
        for name in workbook.sheetnames
        if name != IDENTITY_SHEET
        for kind, n in rows(workbook[name])
        if kind == "quote"
    }
    assert "(geen waarde)" in groups and "(none)" not in groups
