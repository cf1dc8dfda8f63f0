"""A conversation, not a verdict: questions to answer, replies, and the thread in the exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from coding import Project
from coding.core.errors import InvalidInputError
from coding.quotes.quote_filter import FilterableQuotes, QuoteFilter
from coding.quotes.quote_service import TO_ANSWER
from tests.regions import build_regions

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends

TRUST = "Het vertrouwen groeit, al gaat het langzaam."
URGENT = "De urgentie is hoog in de regio."


@pytest.fixture
def regions(project: Project) -> Project:
    build_regions(project)
    project.history.clear()
    return project


def test_questions_to_answer_until_the_student_replies(regions: Project) -> None:
    quotes = {q.text: q for q in regions.quotes()}
    regions.reviews.mark(quotes[TRUST].coding_id, "question", "bron?", reviewer="Anna")
    regions.reviews.mark(quotes[URGENT].coding_id, "agreed", reviewer="Anna")
    assert [q.text for q in regions.quotes(review=TO_ANSWER)] == [TRUST]
    listed = FilterableQuotes(regions.quotes())
    assert [listed.quotes[i].text for i in listed.matching(QuoteFilter(review=TO_ANSWER))] == [TRUST]

    regions.reviews.reply("Interview R2, p. 3", coding_id=quotes[TRUST].coding_id, author="student")
    assert regions.quotes(review=TO_ANSWER) == []
    [answered] = [q for q in regions.quotes() if q.text == TRUST]
    assert [(m.author, m.text) for m in answered.messages] == [("student", "Interview R2, p. 3")]
    regions.undo()  # the reply is one undoable step
    assert [q.text for q in regions.quotes(review=TO_ANSWER)] == [TRUST]
    with pytest.raises(InvalidInputError):
        regions.reviews.reply("   ", coding_id=quotes[TRUST].coding_id)


def test_include_reviews_exports_the_thread(regions: Project, tmp_path: Path) -> None:
    [quote] = [q for q in regions.quotes("Vertrouwen") if q.text == TRUST]
    regions.reviews.mark(quote.coding_id, "question", "bron?", reviewer="Anna")
    regions.reviews.reply("Interview R2, p. 3", coding_id=quote.coding_id, author="student")
    regions.reviews.mark(quote.coding_id, "agreed", "dank", reviewer="Anna")  # "bron?" stays in the thread
    workbook = load_workbook(regions.export(tmp_path / "q.xlsx", include_reviews=True))
    cells = [
        str(c.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for c in row if c.value
    ]
    assert "Anna: agreed — dank; Anna: bron?; student: Interview R2, p. 3" in cells
    document = Document(str(regions.export(tmp_path / "q.docx", include_reviews=True)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "student: Interview R2, p. 3" in text and "Anna: bron?" in text
