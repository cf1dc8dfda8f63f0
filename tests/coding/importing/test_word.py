"""Word (.docx) import: body text in order, tables in place, tracked changes accepted."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document

from coding.importing.parsers import ParsedTurn, parse_file
from tests.coding.importing.builders import DOCX_TEXT, make_docx


def test_fixture_really_contains_what_must_be_left_out(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "interview.docx")
    with zipfile.ZipFile(path) as archive:
        parts = {
            name: archive.read(name).decode("utf-8") for name in archive.namelist() if name.endswith(".xml")
        }
    assert any("Koptekst: vertrouwelijk" in xml for name, xml in parts.items() if "header" in name)
    assert any("Voettekst pagina 1" in xml for name, xml in parts.items() if "footer" in name)
    assert "Opmerking van de codeur" in parts["word/comments.xml"]
    body = parts["word/document.xml"]
    assert "<w:ins " in body and "<w:delText" in body and "niet " in body


def test_docx_text_exact(tmp_path: Path) -> None:
    document = parse_file(make_docx(tmp_path / "interview.docx"))
    assert document.text == DOCX_TEXT
    assert document.source_format == "docx"
    assert document.encoding is None
    assert document.pages == ()
    assert document.warnings == ()


def test_docx_excludes_header_footer_comment_and_deleted_text(tmp_path: Path) -> None:
    text = parse_file(make_docx(tmp_path / "interview.docx")).text
    for absent in ("Koptekst", "Voettekst", "Opmerking van de codeur", "niet"):
        assert absent not in text


def test_docx_table_rows_are_tab_separated_lines_in_place(tmp_path: Path) -> None:
    lines = parse_file(make_docx(tmp_path / "interview.docx")).text.split("\n")
    assert lines[3] == "I: Hoe verliep de coördinatie?"
    assert lines[4] == "Naam\tRol"
    assert lines[5] == "Marieke\twijkverpleegkundige team A team B"  # nested table flattened
    assert lines[6].startswith("R5: ")


def test_docx_turns(tmp_path: Path) -> None:
    document = parse_file(make_docx(tmp_path / "interview.docx"))
    text = document.text
    assert [turn.speaker for turn in document.turns] == ["I", "R5", "R5", "Marieke"]
    first = document.turns[0]
    # the table belongs to the interviewer's turn (lines without a label continue a turn)
    assert text[first.start : first.end] == (
        "I: Hoe verliep de coördinatie?\nNaam\tRol\nMarieke\twijkverpleegkundige team A team B"
    )
    assert text[first.body_start :].startswith("Hoe verliep")
    assert document.turns[2] == ParsedTurn(
        speaker="R5",
        start=text.index("R5: Het"),
        end=text.index("R5: Het") + len("R5: Het was echt goed."),
        body_start=text.index("Het was"),
        timestamp=None,
    )


def test_docx_deleted_paragraph_mark_joins_paragraphs(tmp_path: Path) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = Document()
    first = document.add_paragraph("R5: Het begin ")
    properties = first._p.get_or_add_pPr()
    run_properties = OxmlElement("w:rPr")
    deleted_mark = OxmlElement("w:del")
    deleted_mark.set(qn("w:id"), "9")
    deleted_mark.set(qn("w:author"), "Codeur")
    run_properties.append(deleted_mark)
    properties.append(run_properties)
    document.add_paragraph("en het einde.")
    document.add_paragraph("I: Dank u.")
    path = tmp_path / "samengevoegd.docx"
    document.save(str(path))
    assert parse_file(path).text == "R5: Het begin en het einde.\nI: Dank u."


def test_docx_empty_paragraphs_keep_their_lines(tmp_path: Path) -> None:
    document = Document()
    for text in ("I: Eén", "", "", "R1: Twee", ""):
        document.add_paragraph(text)
    path = tmp_path / "leeg.docx"
    document.save(str(path))
    assert parse_file(path).text == "I: Eén\n\n\nR1: Twee\n"


def test_docx_hyperlinks_fields_content_controls_and_text_boxes(tmp_path: Path) -> None:
    from docx.oxml import parse_xml

    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    mc = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    document = Document()
    body = document.element.body
    blocks = [
        f'<w:p {w}><w:r><w:t xml:space="preserve">I: zie </w:t></w:r>'
        '<w:hyperlink r:id="rId99" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        "<w:r><w:t>café.nl</w:t></w:r></w:hyperlink></w:p>",
        f'<w:p {w}><w:r><w:t xml:space="preserve">R1: pagina </w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>7</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> (mei)</w:t></w:r></w:fldSimple></w:p>',
        f"<w:sdt {w}><w:sdtPr><w:alias w:val='Vak'/></w:sdtPr><w:sdtContent>"
        "<w:p><w:r><w:t>I: één ideeën</w:t></w:r></w:p></w:sdtContent></w:sdt>",
        f'<w:p {w} {mc}><w:r><w:t xml:space="preserve">R1: tekst </w:t></w:r><w:r><mc:AlternateContent>'
        "<mc:Choice Requires='wps'><w:drawing><w:txbxContent><w:p><w:r><w:t>in kader</w:t></w:r></w:p>"
        "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>"
        "<w:t>in kader</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
        "<w:r><w:t>erna</w:t></w:r></w:p>",
    ]
    for xml in blocks:
        body.insert(len(body) - 1, parse_xml(xml))  # before w:sectPr
    path = tmp_path / "velden.docx"
    document.save(str(path))
    parsed = parse_file(path)
    assert parsed.text == "I: zie café.nl\nR1: pagina 7 (mei)\nI: één ideeën\nR1: tekst erna"
    assert parsed.warnings == ("text in text boxes and shapes was not imported",)
