"""Exports: every project.qde and .qdc validates against the QDA-XML schemas; the content is as REFI says."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from coding import Project
from coding.core.errors import InvalidInputError
from coding.refi.names import EXTENSION_PART
from coding.refi.schemas import CODEBOOK_SCHEMA, PROJECT_SCHEMA, schema_errors

P = "{urn:QDA-XML:project:1.0}"
C = "{urn:QDA-XML:codebook:1.0}"


def _export(project: Project, path: Path) -> tuple[etree._Element, zipfile.ZipFile]:
    project.export(path)
    archive = zipfile.ZipFile(path)
    qde = archive.read("project.qde")
    assert schema_errors(qde, PROJECT_SCHEMA) == []
    return etree.fromstring(qde), archive


def test_project_qde_is_schema_valid_and_complete(rich_project: Project, tmp_path: Path) -> None:
    root, archive = _export(rich_project, tmp_path / "out.qdpx")
    assert [child.tag.removeprefix(P) for child in root] == [
        "Users",
        "CodeBook",
        "Variables",
        "Cases",
        "Sources",
        "Notes",
        "Sets",
        "Description",
        "NoteRef",
    ]
    assert {u.get("name") for u in root.iter(f"{P}User")} == {"student", "supervisor"}
    codes = {c.get("name"): c for c in root.iter(f"{P}Code")}
    assert codes["Vertrouwen"].get("isCodable") == "true"
    assert codes["Café & <cultuur>"].get("color") == "#aa3311"
    assert codes["Café & <cultuur>"].findtext(f"{P}Description") == "eigen code"
    assert codes["Café & <cultuur>"].getparent() is codes["Vertrouwen"]
    assert {v.get("name") for v in root.iter(f"{P}Variable")} == {"date", "region", "respondent", "role"}
    cases = {c.get("name"): c for c in root.iter(f"{P}Case")}
    assert set(cases) == {"R5", "R9"}
    assert len(cases["R9"].findall(f"{P}SourceRef")) == 2
    # R9's two interviews share region and respondent; the date belongs to one of them only.
    assert len(cases["R9"].findall(f"{P}VariableValue")) == 2
    names = [s.get("name") for s in root.iter(f"{P}TextSource")]
    assert names == ["R5_uwv_zwolle", "R9_gemeente_eindhoven", "R9_vervolg"]
    sets = list(root.iter(f"{P}Set"))
    assert sets[0].get("name") == "Relationeel" and len(sets[0].findall(f"{P}MemberCode")) == 2
    assert json.loads(archive.read(EXTENSION_PART))["format"] == "codewerk-refi/1"


def test_sources_are_utf8_files_and_positions_count_code_points(
    rich_project: Project, tmp_path: Path
) -> None:
    root, archive = _export(rich_project, tmp_path / "out.qdpx")
    for source in root.iter(f"{P}TextSource"):
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        data = archive.read(f"sources/{guid}.txt")
        assert not data.startswith(b"\xef\xbb\xbf")
        text = data.decode("utf-8")
        assert text == rich_project.documents.text(source.get("name"))
        for selection in source.iter(f"{P}PlainTextSelection"):
            start, end = int(selection.get("startPosition")), int(selection.get("endPosition"))
            assert text[start:end] == selection.get("name")
    emoji = next(s for s in root.iter(f"{P}PlainTextSelection") if "🚀" in s.get("name"))
    text = rich_project.documents.text("R9_gemeente_eindhoven")
    assert int(emoji.get("endPosition")) == text.index("🚀") + 1  # one code point, not two UTF-16 units


def test_codings_memos_reviews_and_judgements_are_notes(rich_project: Project, tmp_path: Path) -> None:
    root, _archive = _export(rich_project, tmp_path / "out.qdpx")
    notes = {n.get("guid"): n for n in root.iter(f"{P}Note")}
    by_name = {n.get("name"): n for n in notes.values()}
    # the passage's codings differ in memo: a selection each over the same span (QualCoder reads a
    # selection's Description as the memo of every coding in it)
    spans = [s for s in root.iter(f"{P}PlainTextSelection") if s.get("name").startswith("vertrouw ik")]
    assert len(spans) == 2 and len({(s.get("startPosition"), s.get("endPosition")) for s in spans}) == 1
    assert [len(s.findall(f"{P}Coding")) for s in spans] == [1, 1]
    assert [s.findtext(f"{P}Description") for s in spans] == ["kern\nregel 2", None]
    trust = spans[0]
    refs = [r.get("targetGUID") for r in trust.find(f"{P}Coding").findall(f"{P}NoteRef")]
    texts = {notes[g].findtext(f"{P}PlainTextContent") for g in refs}
    assert texts == {"kern\nregel 2", "mooi citaat"}
    assert by_name["Review: agreed"].get("creatingUser") in {u.get("guid") for u in root.iter(f"{P}User")}
    judgement = by_name["Judgement: Vertrouwen – region Zwolle"]
    assert judgement.findtext(f"{P}PlainTextContent") == "+\npartners komen afspraken na"
    assert judgement.get("guid") in [r.get("targetGUID") for r in trust.findall(f"{P}NoteRef")]
    project_memo = by_name["Projectmemo"]
    assert root.findall(f"{P}NoteRef")[0].get("targetGUID") == project_memo.get("guid")


def test_memos_are_descriptions_too_and_every_source_carries_its_attributes(
    rich_project: Project, tmp_path: Path
) -> None:
    """Issue 18 items 1 and 2: what QualCoder and MAXQDA read (they ignore Notes and Cases' values)."""
    root, _archive = _export(rich_project, tmp_path / "out.qdpx")
    trust = next(s for s in root.iter(f"{P}PlainTextSelection") if s.get("name").startswith("vertrouw ik"))
    assert trust[0].tag == f"{P}Description"  # first, as the schema orders it
    assert trust.findtext(f"{P}Description") == "kern\nregel 2"  # the memo, not the review comment
    codes = {c.get("name"): c for c in root.iter(f"{P}Code")}
    definition = rich_project.codes.get("Vertrouwen").description
    assert codes["Vertrouwen"].findtext(f"{P}Description") == (
        f"{definition}\n\nDefinitie\nLet op: <b>niet</b> verwarren."
    )
    sources = {s.get("name"): s for s in root.iter(f"{P}TextSource")}
    assert sources["R5_uwv_zwolle"].findtext(f"{P}Description") == "R5 was open & eerlijk 😊"
    assert root.findtext(f"{P}Description") == "Projectmemo\n" + next(
        n.findtext(f"{P}PlainTextContent") for n in root.iter(f"{P}Note") if n.get("name") == "Projectmemo"
    )
    variables = {v.get("guid"): v.get("name") for v in root.iter(f"{P}Variable")}
    for source in root.iter(f"{P}TextSource"):
        values = {
            variables[v.find(f"{P}VariableRef").get("targetGUID")]: v.findtext(f"{P}TextValue")
            for v in source.findall(f"{P}VariableValue")
        }
        assert values == rich_project.documents.get(source.get("name")).attributes


def test_guids_are_stable_across_exports(rich_project: Project, tmp_path: Path) -> None:
    first, _ = _export(rich_project, tmp_path / "one.qdpx")
    second, _ = _export(rich_project, tmp_path / "two.qdpx")

    def guids(root: etree._Element) -> list[tuple[str, str | None]]:
        return [(el.tag, el.get("guid")) for el in root.iter() if el.get("guid")]

    assert guids(first) == guids(second)


def test_text_that_xml_cannot_hold_is_left_out_of_names_not_of_sources(tmp_path: Path) -> None:
    source = tmp_path / "form.txt"
    source.write_text("Pagina 1\x0cPagina twee met tekst\n", encoding="utf-8")
    with Project.create(tmp_path / "p.codewerk", codebook="rwb", coder="t") as project:
        project.import_files([source])
        project.code("form", "4a", 0, 15)
        root, archive = _export(project, tmp_path / "out.qdpx")
        selection = next(root.iter(f"{P}PlainTextSelection"))
        assert selection.get("name") == "Pagina 1Pagina"
        assert "\x0c" in archive.read(f"sources/{next(root.iter(f'{P}TextSource')).get('guid')}.txt").decode()


def test_codebook_qdc_is_schema_valid_with_sets(rich_project: Project, tmp_path: Path) -> None:
    path = rich_project.export(tmp_path / "book.qdc")
    data = path.read_bytes()
    assert schema_errors(data, CODEBOOK_SCHEMA) == []
    root = etree.fromstring(data)
    assert root.tag == f"{C}CodeBook"
    assert len(list(root.iter(f"{C}Code"))) == len(rich_project.codes.tree())
    member = next(root.iter(f"{C}MemberCode"))
    assert member.get("guid") == rich_project.codes.get("Vertrouwen").guid


def test_empty_project_exports_a_valid_qdpx_but_no_codebook(tmp_path: Path) -> None:
    with Project.create(tmp_path / "leeg.codewerk", codebook=None) as project:
        _export(project, tmp_path / "leeg.qdpx")
        with pytest.raises(InvalidInputError, match="no codes"):
            project.export(tmp_path / "leeg.qdc")
    assert not (tmp_path / "leeg.qdc").exists()


def test_export_refuses_to_overwrite(rich_project: Project, tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    target.write_bytes(b"keep me")
    with pytest.raises(InvalidInputError, match="already exists"):
        rich_project.export(target)
    assert target.read_bytes() == b"keep me"


def test_the_schema_check_itself_catches_a_wrong_element_order(rich_project: Project, tmp_path: Path) -> None:
    root, _archive = _export(rich_project, tmp_path / "out.qdpx")
    root.append(root.find(f"{P}Users"))  # Users after NoteRef: not allowed by Project.xsd
    errors = schema_errors(etree.tostring(root), PROJECT_SCHEMA)
    assert errors and "Users" in errors[0]
