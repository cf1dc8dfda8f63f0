"""Hand-written .qdpx files with the quirks of other tools' exports import correctly."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from coding import Project
from coding.refi.exchange import import_exchange
from tests.coding.refi.helpers import guid, write_qdpx


@pytest.fixture
def empty(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "leeg.codewerk", codebook=None, coder="tester") as project:
        yield project


def _reasons(report) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(f"{s.element}: {s.reason}" for s in report.skipped + report.adjusted)


# -- ATLAS.ti-like: Sources/ folder, BOM, CRLF, decomposed accents, braced upper-case GUIDs ---------
RAW = "Regel e\u0301e\u0301n\r\nHet vertrouwen is groot 👍.\r\nDe urgentie is laag.\r\n"


def _atlas_qde(start: int, end: int, start2: int, end2: int) -> str:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Atlas export" origin="ATLAS.ti Win 23">
  <Users><User guid="{{{guid(1).upper()}}}" name="Anna"/></Users>
  <CodeBook><Codes>
    <Code guid="{guid(10).upper()}" name="Vertrouwen" isCodable="true" color="#F00">
      <Description>trust</Description>
      <Code guid="{guid(11).upper()}" name="Hoog/laag" isCodable="true"/>
    </Code>
    <Code guid="{guid(12).upper()}" name="Urgentie" isCodable="true" color="#00aa00"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="{guid(20).upper()}" name="Interview 1" plainTextPath="internal://{guid(20).upper()}.txt">
      <PlainTextSelection guid="{guid(30)}" name="vertrouwen is groot 👍" startPosition="{start}" endPosition="{end}"
          creatingUser="{{{guid(1).upper()}}}">
        <Coding guid="{guid(31)}" creatingUser="{guid(1)}"><CodeRef targetGUID="{{{guid(10).upper()}}}"/></Coding>
        <Coding guid="{guid(32)}"><CodeRef targetGUID="{guid(11)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{guid(33)}" name="urgentie" startPosition="{start2}" endPosition="{end2}">
        <NoteRef targetGUID="{guid(40)}"/>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Notes>
    <Note guid="{guid(40)}" name="Comment"><PlainTextContent>free quotation comment</PlainTextContent></Note>
  </Notes>
  <Sets>
    <Set guid="{guid(50)}" name="Region::Zwolle"><MemberSource targetGUID="{guid(20)}"/></Set>
    <Set guid="{guid(51)}" name="Relationeel"><MemberCode targetGUID="{guid(10)}"/><MemberCode targetGUID="{guid(12)}"/></Set>
  </Sets>
</Project>"""


def test_atlas_like_export_with_crlf_bom_and_decomposed_text(empty: Project, tmp_path: Path) -> None:
    start = RAW.index("vertrouwen")
    end = RAW.index(".\r\nDe")
    start2 = RAW.index("urgentie")
    end2 = start2 + len("urgentie")
    qde = _atlas_qde(start, end, start2, end2)
    data = codecs.BOM_UTF8 + RAW.encode("utf-8")
    path = write_qdpx(tmp_path / "atlas.qdpx", qde, {f"Sources/{guid(20).upper()}.txt": data})
    report = import_exchange(empty, path)
    text = empty.documents.text("Interview 1")
    assert text == "Regel één\nHet vertrouwen is groot 👍.\nDe urgentie is laag.\n"
    quotes = empty.quotes()
    assert {q.text for q in quotes} == {"vertrouwen is groot 👍"}
    assert {q.code_path for q in quotes} == {"Vertrouwen", "Vertrouwen/Hoog∕laag"}
    quote = quotes[0]
    assert text[quote.start : quote.end] == quote.text and quote.coder == "Anna"
    assert empty.codes.get("Vertrouwen").colour == "#ff0000"
    assert empty.codes.get("Vertrouwen").guid == guid(10)  # braces and case do not make another code
    assert empty.documents.get("Interview 1").attributes == {"region": "Zwolle"}
    [code_set] = empty.code_sets.list()
    assert code_set.name == "Relationeel" and len(code_set.members) == 2
    # a quotation without a code is not a passage in Codewerk, but its comment is kept
    [memo] = empty.memos.list(document="Interview 1")
    assert "«urgentie»" in memo.text and "free quotation comment" in memo.text
    assert "not coded" in _reasons(report)
    assert "imported as 'Hoog∕laag'" in _reasons(report)


def test_positions_between_cr_and_lf_and_inside_a_composed_letter_widen(
    empty: Project, tmp_path: Path
) -> None:
    # start inside "e\u0301" (on the combining accent), end between CR and LF
    start = RAW.index("\u0301")
    end = RAW.index("\n")
    qde = _atlas_qde(start, end, 0, 5)
    path = write_qdpx(tmp_path / "a.qdpx", qde, {f"sources/{guid(20).upper()}.txt": RAW})
    import_exchange(empty, path)
    texts = {q.text for q in empty.quotes()}
    assert texts == {"één\n"}


# -- MAXQDA-like: inline text, source variables, unnamed cases, duplicate names, 0:4 namespace ------
def test_inline_text_unnamed_cases_duplicate_names_and_old_namespace(empty: Project, tmp_path: Path) -> None:
    text = "Wij werken samen.\nHet gaat goed."
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:0:4" name="maxqda">
  <CodeBook><Codes><Code guid="{guid(10)}" name="Samenwerking" isCodable="true"/></Codes></CodeBook>
  <Variables>
    <Variable guid="{guid(60)}" name="Region" typeOfVariable="Text"/>
    <Variable guid="{guid(61)}" name="Leeftijd" typeOfVariable="Integer"/>
    <Variable guid="{guid(62)}" name="Datum" typeOfVariable="Date"/>
  </Variables>
  <Cases>
    <Case guid="{guid(70)}">
      <VariableValue><VariableRef targetGUID="{guid(61)}"/><IntegerValue>54</IntegerValue></VariableValue>
      <SourceRef targetGUID="{guid(20)}"/>
    </Case>
  </Cases>
  <Sources>
    <TextSource guid="{guid(20)}" name="Interview">
      <PlainTextContent>{text}</PlainTextContent>
      <PlainTextSelection guid="{guid(30)}" name="Wij werken sa…" startPosition="0" endPosition="17">
        <Coding guid="{guid(31)}"><CodeRef targetGUID="{guid(10)}"/><NoteRef targetGUID="{guid(40)}"/></Coding>
      </PlainTextSelection>
      <VariableValue><VariableRef targetGUID="{guid(60)}"/><TextValue>Zwolle</TextValue></VariableValue>
      <VariableValue><VariableRef targetGUID="{guid(62)}"/><DateValue>2017-05-12</DateValue></VariableValue>
    </TextSource>
    <TextSource guid="{guid(21)}" name="Interview"><PlainTextContent>Tweede tekst.</PlainTextContent></TextSource>
    <TextSource guid="{guid(22)}" name="interview"><PlainTextContent>Derde tekst.</PlainTextContent></TextSource>
  </Sources>
  <Notes><Note guid="{guid(40)}" name="Memo"><PlainTextContent>codeermemo</PlainTextContent></Note></Notes>
</Project>"""
    report = import_exchange(empty, write_qdpx(tmp_path / "maxqda.qdpx", qde))
    names = [d.name for d in empty.documents.list()]
    assert names == ["Interview", "Interview (2)", "interview (3)"]
    first = empty.documents.get("Interview")
    assert first.attributes == {"datum": "2017-05-12", "leeftijd": "54", "region": "Zwolle"}
    [quote] = empty.quotes()
    assert quote.text == "Wij werken samen." and quote.memo == "codeermemo"
    assert "another source has the same name" in _reasons(report)


# -- NVivo-like / older tools: UTF-16 positions, PDF with text, pictures, links, broken references ---
def test_utf16_counting_pdf_representation_and_unusable_parts(empty: Project, tmp_path: Path) -> None:
    text = "Emoji 🚀🚀 eerst, dan het vertrouwen."
    units = text.encode("utf-16-le")
    start16 = units.index("vertrouwen".encode("utf-16-le")) // 2
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="nvivo">
  <CodeBook><Codes><Code guid="{guid(10)}" name="Vertrouwen" isCodable="true"/></Codes></CodeBook>
  <Cases>
    <Case guid="{guid(70)}" name="Participant 1"><SourceRef targetGUID="{guid(20)}"/><SourceRef targetGUID="{guid(23)}"/></Case>
  </Cases>
  <Sources>
    <TextSource guid="{guid(20)}" name="Tekst" plainTextPath="internal://t.txt">
      <PlainTextSelection guid="{guid(30)}" name="vertrouwen" startPosition="{start16}" endPosition="{start16 + 10}">
        <Coding guid="{guid(31)}"><CodeRef targetGUID="{guid(10)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{guid(34)}" name="weg" startPosition="5" endPosition="500">
        <Coding guid="{guid(35)}"><CodeRef targetGUID="{guid(10)}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{guid(36)}" name="?" startPosition="1" endPosition="3">
        <Coding guid="{guid(37)}"><CodeRef targetGUID="{guid(99)}"/></Coding>
      </PlainTextSelection>
    </TextSource>
    <PictureSource guid="{guid(21)}" name="Foto" path="internal://foto.png"/>
    <TextSource guid="{guid(22)}" name="Extern" plainTextPath="relative://data/extern.txt"/>
    <PDFSource guid="{guid(23)}" name="Beleidsstuk" path="internal://b.pdf">
      <PDFSelection guid="{guid(38)}" page="1" firstX="0" firstY="0" secondX="9" secondY="9"/>
      <Representation guid="{guid(24)}" plainTextPath="internal://b.txt">
        <PlainTextSelection guid="{guid(39)}" name="Werkbedrijf" startPosition="4" endPosition="15">
          <Coding guid="{guid(41)}"><CodeRef targetGUID="{guid(10)}"/></Coding>
        </PlainTextSelection>
      </Representation>
    </PDFSource>
  </Sources>
  <Links><Link guid="{guid(80)}" originGUID="{guid(10)}" targetGUID="{guid(20)}"/></Links>
</Project>"""
    files = {"sources/t.txt": text, "sources/b.txt": "Het Werkbedrijf Regio Zwolle, 2017."}
    report = import_exchange(empty, write_qdpx(tmp_path / "nvivo.qdpx", qde, files))
    assert sorted(q.text for q in empty.quotes()) == ["Werkbedrijf", "vertrouwen"]
    assert empty.documents.get("Beleidsstuk").attributes == {"case": "Participant 1"}
    reasons = _reasons(report)
    for expected in (
        "UTF-16",
        "positions 5–500 are not a passage",
        "refers to no code",
        "is a picture",
        "outside the project (relative://data/extern.txt)",
        "a region of a PDF page",
        "Codewerk has no links",
    ):
        assert expected in reasons


def test_a_second_import_of_a_foreign_file_adds_nothing(empty: Project, tmp_path: Path) -> None:
    qde = _atlas_qde(RAW.index("vertrouwen"), RAW.index(".\r\nDe"), 0, 5)
    path = write_qdpx(tmp_path / "atlas.qdpx", qde, {f"Sources/{guid(20).upper()}.txt": RAW})
    import_exchange(empty, path)
    again = import_exchange(empty, path)
    assert sum(again.added.values()) == 0
    assert again.existing["codings"] == 2 and again.existing["documents"] == 1


def test_codes_match_by_name_under_the_same_parent(tmp_path: Path) -> None:
    qde = f"""<Project xmlns="urn:QDA-XML:project:1.0" name="x"><CodeBook><Codes>
      <Code guid="{guid(10)}" name="vertrouwen" isCodable="true"><Code guid="{guid(11)}" name="Nieuw" isCodable="true"/></Code>
    </Codes></CodeBook></Project>"""
    with Project.create(tmp_path / "p.codewerk", codebook="rwb") as project:
        before = len(project.codes.tree())
        report = import_exchange(project, write_qdpx(tmp_path / "x.qdpx", qde))
        assert report.existing["codes"] == 1 and report.added["codes"] == 1
        assert len(project.codes.tree()) == before + 1
        assert project.codes.resolve("Vertrouwen/Nieuw").colour == project.codes.get("Vertrouwen").colour
