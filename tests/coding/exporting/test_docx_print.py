"""Word exports that print like a thesis appendix (issue 18 item 7): A4, page numbers, a table of
contents, the judgements' header repeated, code lines kept with their quotes, real document
properties, memos on request."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from coding import Project
from tests.regions import build_regions


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("docx-print")
    with Project.create(folder / "studie.codewerk", coder="Anna de Vries") as project:
        build_regions(project)
        project.memos.write("Vertrouwen meten we per regio.", title="Aanpak", code="Vertrouwen")
        project.memos.write("Let op de kleine regio.", code="4b")
        project.memos.write("Open gesprek, weinig tijd.", document="R2_uwv")
        project.memos.write("Projectbreed memo.")
        project.export(folder / "quotes.docx")
        project.export(folder / "memos.docx", include_memos=True)
        project.export(folder / "R2.docx", kind="transcript", document="R2_uwv", include_memos=True)
    return folder


@pytest.mark.parametrize("name", ["quotes.docx", "R2.docx"])
def test_a4_with_page_x_of_y_and_the_projects_properties(folder: Path, name: str) -> None:
    document = Document(str(folder / name))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    footer = section.footer._element.xml
    assert " PAGE " in footer and " NUMPAGES " in footer
    assert section.footer.paragraphs[0].text.startswith("Page 1 of 1")
    properties = document.core_properties
    assert properties.author == "Anna de Vries" and properties.last_modified_by == "Anna de Vries"
    assert "studie" in properties.subject and properties.title
    assert properties.created is not None and properties.created.year == datetime.now(UTC).year
    assert "python-docx" not in (properties.comments + properties.author + properties.title)


def test_a_table_of_contents_field_that_word_updates_on_opening(folder: Path) -> None:
    document = Document(str(folder / "quotes.docx"))
    body = document.element.body.xml
    assert 'TOC \\o "1-1"' in body
    assert document.settings.element.find(qn("w:updateFields")).get(qn("w:val")) == "true"
    texts = [p.text for p in document.paragraphs]
    contents = texts.index("Contents")
    assert texts[contents + 1 : contents + 3] == ["Judgements", "Vertrouwen (Trust)"]  # shown until updated


def test_the_judgements_header_repeats_and_code_lines_stay_with_their_quotes(folder: Path) -> None:
    document = Document(str(folder / "quotes.docx"))
    table = document.tables[0]
    rows = table.rows
    assert rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in rows)
    assert all(row._tr.trPr.find(qn("w:tblHeader")) is None for row in rows[1:])
    paragraphs = document.paragraphs
    code_lines = [
        i for i, p in enumerate(paragraphs) if "›" in p.text and not p.style.name.startswith("Heading")
    ]
    assert code_lines
    for i in code_lines:
        assert paragraphs[i].paragraph_format.keep_with_next
        assert paragraphs[i + 1].text.startswith("‘")  # the quote follows its code line
    judgements = [p for p in paragraphs if p.text.startswith("Judgement") and p.style.name == "Normal"]
    assert judgements and all(p.paragraph_format.keep_with_next for p in judgements)


def test_memos_only_on_request(folder: Path) -> None:
    plain = [p.text for p in Document(str(folder / "quotes.docx")).paragraphs]
    assert not any("Vertrouwen meten we per regio" in t for t in plain)
    texts = [p.text for p in Document(str(folder / "memos.docx")).paragraphs]
    trust = len(texts) - 1 - texts[::-1].index("Vertrouwen (Trust)")  # the heading, not its contents line
    assert texts[trust + 2] == "Memo – Aanpak: Vertrouwen meten we per regio."
    assert any(t.startswith("Memo on ") and t.endswith(": Let op de kleine regio.") for t in texts)
    memos = len(texts) - 1 - texts[::-1].index("Document memos")
    assert texts[memos + 1 : memos + 3] == ["R2_uwv (R2, UWV)", "Open gesprek, weinig tijd."]
    assert "Projectbreed memo." not in texts  # a project memo belongs to no concept or document
    transcript = [p.text for p in Document(str(folder / "R2.docx")).paragraphs]
    assert "Memo: Open gesprek, weinig tijd." in transcript
