"""The Word exports, opened again with python-docx: quotes per concept and a coded transcript."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from coding import Project
from coding.core.errors import InvalidInputError
from tests.regions import FORMULA, HOSTILE, LONG_A, LONG_B, build_regions


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx")
    with Project.create(folder / "studie.codewerk", coder="tester") as project:
        build_regions(project)
        urgency = project.quotes("Urgentiebesef", where={"region": "Zwolle"})[0]
        project.reviews.mark(urgency.coding_id, "question", "bron?", reviewer="supervisor")
        project.export(folder / "quotes.docx")
        project.export(
            folder / "reviews.docx", include_reviews=True, codes=["Urgentiebesef"], groups=["Zwolle"]
        )
        project.export(folder / "R5.docx", kind="transcript", document="R5_onderwijs")
        project.export(folder / "R10.docx", kind="transcript", document="R10_onderwijs", include_reviews=True)
    return folder


def outline(path: Path) -> list[tuple[str, str]]:
    return [
        (p.style.name, p.text)
        for p in Document(str(path)).paragraphs
        if p.style.name.startswith(("Heading", "Title"))
    ]


def test_a_heading_per_concept_in_codebook_order_and_per_group(folder: Path) -> None:
    headings = outline(folder / "quotes.docx")
    assert headings[0] == ("Title", "Quotes per concept")
    assert headings[1] == ("Heading 1", "Judgements")
    concepts = [text for style, text in headings[2:] if style == "Heading 1"]
    assert concepts == ["Vertrouwen (Trust)", "Urgentiebesef (Sense of urgency)"]
    trust = headings.index(("Heading 1", "Vertrouwen (Trust)"))
    groups = [text for style, text in headings[trust + 1 : trust + 6]]
    assert groups == [LONG_A, LONG_B, HOSTILE, "Zwolle", "(no value)"]  # as the window says it


def section(path: Path, concept: str, group: str) -> list:  # type: ignore[type-arg]
    """The paragraphs under one concept's group heading."""
    paragraphs = Document(str(path)).paragraphs
    start = next(
        i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text.startswith(concept)
    )
    start = next(
        i
        for i in range(start, len(paragraphs))
        if paragraphs[i].style.name == "Heading 2" and paragraphs[i].text == group
    )
    end = next(
        (i for i in range(start + 1, len(paragraphs)) if paragraphs[i].style.name.startswith("Heading")),
        len(paragraphs),
    )
    return paragraphs[start + 1 : end]


def test_quotes_are_indented_with_attribution_and_memo_after_the_judgement(folder: Path) -> None:
    body = section(folder / "quotes.docx", "Vertrouwen", "Zwolle")
    texts = [p.text for p in body]
    assert (
        texts[0].startswith("Judgement:")
        and "+" in texts[0]
        and texts[0].endswith("partners komen afspraken na")
    )
    quotes = [p for p in body if p.text.startswith("‘")]
    assert [q.text for q in quotes] == [
        "‘Het vertrouwen groeit, al gaat het langzaam.’ (R2, UWV) · evidence",
        "‘-/- zou ik zeggen over de cijfers die we kregen.’ (R2, UWV)",
        "‘Ik vertrouw de andere partijen volledig’ (R10, Onderwijs)",
    ]
    assert all(abs(q.paragraph_format.left_indent.cm - 1) < 0.01 for q in quotes)
    assert texts[texts.index(quotes[0].text) + 1] == "Memo: groeiend"
    # the passage coded with the concept and its indicator appears once, the indicator named above it
    assert texts[texts.index(quotes[2].text) - 1] == (
        "Betrouwbaarheid › Positieve verwachtingen over intenties en inzet"
    )


def test_the_judgement_score_is_shaded_in_its_scale_colour(folder: Path) -> None:
    body = section(folder / "quotes.docx", "Vertrouwen", HOSTILE)
    judgement = body[0]
    score = next(r for r in judgement.runs if r.text.strip() == "-/-")
    assert score._r.rPr.find(qn("w:shd")).get(qn("w:fill")) == "F8696B"
    assert judgement.text.endswith("=niet goed")
    quotes = [p.text for p in body if p.text.startswith("‘")]
    assert f"‘{FORMULA}’ (R5, Onderwijs)" in quotes
    assert "Memo: =SUM(A1:A3)" in [p.text for p in body]
    assert [p.text for p in section(folder / "quotes.docx", "Vertrouwen", "(no value)")] == ["No quotes."]


def test_summary_table_of_judgements(folder: Path) -> None:
    table = Document(str(folder / "quotes.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Code", LONG_A, LONG_B, HOSTILE, "Zwolle"]
    assert [c.text for c in table.rows[1].cells] == [
        "Vertrouwen",
        "",
        "+/-",
        "-/- =niet goed",
        "+ partners komen afspraken na",
    ]
    assert table.rows[2].cells[4].text == "+/+ hoge urgentie"


def test_only_chosen_codes_and_groups_with_review_comments(folder: Path) -> None:
    headings = outline(folder / "reviews.docx")
    assert [t for s, t in headings if s == "Heading 1"] == ["Judgements", "Urgentiebesef (Sense of urgency)"]
    assert [t for s, t in headings if s == "Heading 2"] == ["Zwolle"]
    texts = [p.text for p in section(folder / "reviews.docx", "Urgentiebesef", "Zwolle")]
    assert texts[1] == "‘De urgentie is hoog in de regio.’ (R10, Onderwijs)"
    assert texts[2] == "Review (supervisor, question): bron?"
    assert "Review (" not in " ".join(p.text for p in Document(str(folder / "quotes.docx")).paragraphs)


def test_coded_transcript_highlights_passages_in_code_colours_with_comments(folder: Path) -> None:
    document = Document(str(folder / "R5.docx"))
    assert document.paragraphs[0].text == "R5_onderwijs"
    shaded = {
        run.text: run._r.rPr.find(qn("w:shd")).get(qn("w:fill"))
        for p in document.paragraphs
        for run in p.runs
        if run._r.rPr is not None and run._r.rPr.find(qn("w:shd")) is not None
    }
    assert FORMULA in shaded and "Informatie wordt eerlijk gedeeld in het overleg." in shaded
    assert "R5: " not in shaded
    comments = {c.text for c in document.comments}
    assert "Vertrouwen" in comments
    assert any(
        c.startswith("Vertrouwen/Transparantie en open communicatie") and "Memo: =SUM(A1:A3)" in c
        for c in comments
    )
    assert len(document.comments) == 3
    body = "\n".join(p.text for p in document.paragraphs)
    assert f"R5: {FORMULA}" in body


def test_transcript_overlaps_and_reviews(folder: Path) -> None:
    document = Document(str(folder / "R10.docx"))
    comments = [c.text for c in document.comments]
    assert any("Vertrouwen; Vertrouwen/Betrouwbaarheid" in c for c in comments)
    assert any("Review (supervisor, question): bron?" in c for c in comments)
    legend = document.tables[0]
    assert legend.rows[0].cells[0].text == "Code"
    assert "Urgentiebesef" in [r.cells[0].text for r in legend.rows]


def test_word_options_are_checked(project: Project, tmp_path: Path) -> None:
    build_regions(project)
    with pytest.raises(InvalidInputError, match="needs the document"):
        project.export(tmp_path / "a.docx", kind="transcript")
    with pytest.raises(InvalidInputError, match="not 'poster'"):
        project.export(tmp_path / "a.docx", kind="poster")
    with pytest.raises(InvalidInputError, match="no option document"):
        project.export(tmp_path / "a.docx", document="R5_onderwijs")
    with pytest.raises(InvalidInputError, match="no option groups"):
        project.export(tmp_path / "a.docx", kind="transcript", document="R5_onderwijs", groups=["Zwolle"])
    assert not list(tmp_path.glob("*.docx")) and not list(tmp_path.glob(".a-*"))


def test_a_dutch_document_names_the_concepts_without_english_in_brackets(tmp_path: Path) -> None:
    """The Dutch quotes per concept headed "Vertrouwen (Trust)", "Urgentiebesef (Sense of urgency)": the
    English labels are for an English document."""
    from coding.core import i18n

    with Project.create(tmp_path / "studie.codewerk", coder="tester") as project:
        build_regions(project)
        project.export(tmp_path / "quotes.docx")
        i18n.set_language("nl")  # as --language nl or the window in Dutch (the fixture sets English back)
        project.export(tmp_path / "citaten.docx")
    dutch = [text for style, text in outline(tmp_path / "citaten.docx") if style == "Heading 1"]
    assert "Vertrouwen" in dutch and "Urgentiebesef" in dutch
    assert not any("(Trust)" in heading or "urgency" in heading for heading in dutch)
    english = [text for style, text in outline(tmp_path / "quotes.docx") if style == "Heading 1"]
    assert "Vertrouwen (Trust)" in english
