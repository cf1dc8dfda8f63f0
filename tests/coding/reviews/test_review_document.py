"""The review document in Word: marks typed in table cells come back, with the Dutch synonyms."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document

from coding import Project
from coding.core.errors import InvalidInputError
from coding.reviews.review_layout import WORD_MARKER
from tests.regions import FORMULA, build_regions

TRUST = "Het vertrouwen groeit, al gaat het langzaam."


@pytest.fixture
def regions(project: Project) -> Project:
    build_regions(project)
    project.history.clear()
    return project


def fill_in_word(path: Path, marks: dict[str, tuple[str, str]], out: Path) -> int:
    """Type marks and comments into the rows whose third cell starts with a key; returns the rows."""
    document = Document(str(path))
    count = 0
    for table in document.tables:
        for row in table.rows[1:]:
            cells = row.cells
            for key, (mark, comment) in marks.items():
                if cells[2].text.startswith(key):
                    cells[-2].text = mark
                    cells[-1].text = comment
                    count += 1
    document.save(str(out))
    return count


def test_word_rows_carry_hidden_ids_and_the_marks_come_back(regions: Project, tmp_path: Path) -> None:
    path = regions.export(tmp_path / "review.docx", kind="review", reviewer="Anna", language="nl")
    document = Document(str(path))
    assert any("akkoord, vraag of oneens" in p.text for p in document.paragraphs)
    rows = [row for table in document.tables for row in table.rows[1:]]
    markers = [WORD_MARKER.search(row.cells[0].text) for row in rows]
    assert all(m is not None for m in markers) and len(rows) == 15  # 4 judgements, 11 codings
    hidden = [r for row in rows for p in row.cells[0].paragraphs for r in p.runs if "⟦cw:" in r.text]
    assert hidden and all(r.font.hidden for r in hidden)
    assert any(row.cells[2].text.startswith(FORMULA) for row in rows)
    typed = fill_in_word(
        path,
        {
            TRUST: ("Akkoord", "mooi 👍\ntweede regel"),
            FORMULA: ("VRAAG", "=1+1"),
            "partners komen": ("oneens", ""),
            "hoge urgentie": ("misschien", "?"),
        },
        tmp_path / "back.docx",
    )
    assert typed == 4
    report = regions.import_review(tmp_path / "back.docx")
    assert (report.added, report.changed, report.unchanged) == (3, 0, 0)
    assert len(report.unknown) == 1 and report.unknown[0].endswith("'misschien'")
    assert report.unknown[0].startswith("table ")
    marks = {r.quote: (r.mark, r.comment) for r in regions.reviews.list(reviewer="Anna")}
    assert marks == {TRUST: ("agreed", "mooi 👍\ntweede regel"), FORMULA: ("question", "=1+1")}
    again = regions.import_review(tmp_path / "back.docx")
    assert (again.added, again.changed, again.unchanged) == (0, 0, 3)


def test_a_word_document_without_identity_is_refused(regions: Project, tmp_path: Path) -> None:
    path = regions.export(tmp_path / "quotes.docx")  # the ordinary quote list, not a review file
    with pytest.raises(InvalidInputError, match=r"quotes\.docx: not a Codewerk review file"):
        regions.import_review(path)


def test_the_dutch_document_names_the_grouping_in_dutch_and_fits_its_mark_header(
    regions: Project, tmp_path: Path
) -> None:
    """ "Oordelen per region" in the Dutch document (now "per regio", as the workbook); the mark column was
    so narrow that LibreOffice broke its header "Beoordeling" after "Beoordelin"."""
    from docx.shared import Cm

    document = Document(
        str(regions.export(tmp_path / "r.docx", kind="review", reviewer="Anna", language="nl"))
    )
    headings = [
        p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")
    ]
    assert "Oordelen per regio" in headings and not any("region" in h for h in headings)
    table = document.tables[0]
    mark = [c.text for c in table.rows[0].cells].index("Beoordeling")
    assert table.columns[mark].width >= Cm(3.1)  # 11 characters of bold 9-point text and the cell's padding


def test_document_names_are_written_exactly_as_they_are(regions: Project, tmp_path: Path) -> None:
    """Zero-width spaces after ``_`` once let the narrow source cell break there, but Word's Find missed
    ``R2_uwv`` and a copied name carried them. The cell holds the name as it is, its line a point smaller
    so that the demo's longest names break after their ``-`` (test_review_libreoffice renders them)."""
    from docx.shared import Pt

    path = regions.export(tmp_path / "r.docx", kind="review", reviewer="Anna", language="nl")
    rows = [row for table in Document(str(path)).tables for row in table.rows[1:]]
    texts = [cell.text for row in rows for cell in row.cells[1:]]
    assert texts and not any("\u200b" in text for text in texts)
    sources = [row.cells[1] for row in rows if row.cells[2].text.startswith(TRUST)]
    assert [cell.text for cell in sources] == ["R2, Zwolle\nR2_uwv"]
    [name] = [run for run in sources[0].paragraphs[0].runs if run.text == "R2_uwv"]
    assert name.font.size == Pt(9)
