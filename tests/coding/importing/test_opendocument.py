"""OpenDocument text (.odt) built by hand: paragraphs, heading, table, spaces, tracked changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding.core.errors import FileImportError
from coding.importing.parsers import parse_file
from tests.coding.importing.builders import make_odt

BODY = (
    "<text:sequence-decls/>"
    '<text:h text:outline-level="1">Interview 7 — café</text:h>'
    "<text:p>Datum: 3 maart 2018</text:p>"
    "<text:p>I: Hoe   gaat\n het met de <text:span>coördinatie</text:span>?</text:p>"
    '<text:p>R5: Eén<text:s text:c="3"/>ding:<text:tab/>ideeën<text:line-break/>nieuwe regel</text:p>'
    "<text:p/>"
    '<table:table table:name="T1"><table:table-column table:number-columns-repeated="2"/>'
    "<table:table-header-rows><table:table-row>"
    "<table:table-cell><text:p>Naam</text:p></table:table-cell>"
    "<table:table-cell><text:p>Rol</text:p></table:table-cell>"
    "</table:table-row></table:table-header-rows>"
    "<table:table-row>"
    "<table:table-cell><text:p>Jan de Vries</text:p><text:p>en Piet</text:p></table:table-cell>"
    "<table:table-cell><text:p>team <text:a>één</text:a></text:p></table:table-cell>"
    "</table:table-row></table:table>"
    '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion>'
    "<office:change-info><dc:creator>Codeur</dc:creator></office:change-info>"
    "<text:p>verwijderde zin</text:p></text:deletion></text:changed-region></text:tracked-changes>"
    "<text:list><text:list-item><text:p>Jan de Vries: punt één"
    '<text:change text:change-id="c1"/></text:p></text:list-item></text:list>'
    '<text:p>Noot<text:note text:note-class="footnote"><text:note-citation>1</text:note-citation>'
    "<text:note-body><text:p>voetnoot</text:p></text:note-body></text:note> erna "
    "<office:annotation><dc:creator>A</dc:creator><text:p>commentaar</text:p></office:annotation>einde</text:p>"
)
EXPECTED = (
    "Interview 7 — café\n"
    "Datum: 3 maart 2018\n"
    "I: Hoe gaat het met de coördinatie?\n"
    "R5: Eén   ding:\tideeën\nnieuwe regel\n"
    "\n"
    "Naam\tRol\n"
    "Jan de Vries en Piet\tteam één\n"
    "Jan de Vries: punt één\n"
    "Noot erna einde"
)


def test_odt_text_exact(tmp_path: Path) -> None:
    document = parse_file(make_odt(tmp_path / "interview.odt", BODY))
    assert document.text == EXPECTED
    assert document.source_format == "odt"
    assert document.encoding is None


def test_odt_excludes_deletions_notes_and_comments(tmp_path: Path) -> None:
    text = parse_file(make_odt(tmp_path / "interview.odt", BODY)).text
    for absent in ("verwijderde", "voetnoot", "commentaar", "Codeur"):
        assert absent not in text


def test_odt_turns(tmp_path: Path) -> None:
    document = parse_file(make_odt(tmp_path / "interview.odt", BODY))
    text = document.text
    assert [turn.speaker for turn in document.turns] == ["I", "R5", "Jan de Vries"]
    r5 = document.turns[1]
    assert (
        text[r5.start : r5.end]
        == "R5: Eén   ding:\tideeën\nnieuwe regel\n\nNaam\tRol\nJan de Vries en Piet\tteam één"
    )


def test_odt_other_opendocument_type_is_refused(tmp_path: Path) -> None:
    path = make_odt(tmp_path / "rekenblad.odt", "", mimetype="application/vnd.oasis.opendocument.spreadsheet")
    with pytest.raises(FileImportError, match=r"rekenblad\.odt: not an OpenDocument text"):
        parse_file(path)


def test_odt_entities_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.odt"
    content = (
        '<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa">]>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0">'
        "<office:body><office:text>&a;</office:text></office:body></office:document-content>"
    )
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content)
    with pytest.raises(FileImportError, match=r"bom\.odt: contains unsafe XML"):
        parse_file(path)
