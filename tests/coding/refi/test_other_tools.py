"""Golden files in other tools' styles (issue 18 items 1–5): every memo and attribute arrives.

``golden/<tool>/`` holds what that tool writes (the project XML and its source files); the tests
zip it into a ``.qdpx`` in a temporary folder, so nothing in the tree is ever rewritten.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from coding import Project
from coding.core.errors import FileImportError, InvalidInputError
from coding.refi.exchange import import_exchange
from coding.refi.schemas import PROJECT_SCHEMA, schema_errors
from tests.coding.refi.helpers import NS

GOLDEN = Path(__file__).parent / "golden"


def packed(tool: str, target: Path) -> Path:
    """The golden folder of ``tool`` as a .qdpx (members named as in the folder)."""
    folder = GOLDEN / tool
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder).as_posix())
    return target


@pytest.fixture
def empty(tmp_path: Path) -> Project:
    with Project.create(tmp_path / "leeg.codewerk", codebook=None, coder="tester") as project:
        yield project


def test_golden_files_are_valid_qda_xml() -> None:
    for qde in GOLDEN.glob("*/*.qde"):
        assert schema_errors(qde.read_bytes(), PROJECT_SCHEMA) == [], qde


def test_a_qualcoder_export_brings_every_memo_and_attribute(empty: Project, tmp_path: Path) -> None:
    report = import_exchange(empty, packed("qualcoder", tmp_path / "qualcoder.qdpx"))
    # Documents with their attributes: the source's own VariableValues, and the case's.
    r1 = empty.documents.get("interview_r1.txt")
    r2 = empty.documents.get("interview_r2.txt")
    assert r1.attributes == {"regio": "Zwolle", "leeftijd": "54", "rol": "Wethouder", "case": "R1"}
    assert r2.attributes == {"regio": "Arnhem", "leeftijd": "41", "case": "R2"}
    text = empty.documents.text(r1.id)
    assert text.startswith("I: Hoe verloopt")  # the BOM QualCoder writes is not text
    # Codings with their memos (a selection's Description), at the exact text.
    quotes = {(q.code_path, q.text): q.memo for q in empty.quotes()}
    assert quotes == {
        ("Relaties/Vertrouwen", "Ik vertrouw de andere partijen"): "kernuitspraak over vertrouwen",
        ("Urgentie", "de urgentie is laag"): "",
        (
            "Relaties/Cultuur",
            "Het verschil in cultuur tussen gemeente en UWV blijft groot.",
        ): "vergelijk met R2",
        ("Relaties/Vertrouwen", "Het vertrouwen groeit langzaam 👍"): "groei, niet niveau",
    }
    # Code memos are the codes' descriptions, as in QualCoder.
    assert empty.codes.get("Vertrouwen").description == "Verwachting dat partners afspraken nakomen"
    assert empty.codes.get("Relaties").description == "Categorie: relationele factoren"
    # Document memos, the project memo, the case memo, the journal and the annotation.
    memos = empty.memos.list()
    assert (r1.id, "", "Rustig gesprek op het gemeentehuis") in {
        (m.document_id, m.title, m.text) for m in memos
    }
    by_text = {m.text: m for m in empty.memos.list()}
    assert by_text["Telefonisch interview"].document_id == r2.id
    assert by_text["Onderzoek naar samenwerking in twee regio's"].document_id is None
    assert by_text["Respondent 1: wethouder, kritisch"].title == "Case R1"
    assert by_text["Dag 1: twee interviews gehouden.\nDag 2: codeboek bijgesteld."].title == "Logboek"
    annotation = next(m for m in memos if m.text.endswith("afwachtende houding, navragen"))
    assert annotation.document_id == r1.id and "«iedereen wacht af»" in annotation.text
    assert len(memos) == 6 and not any(m.code_id for m in memos)
    # Nothing is dropped silently: what Codewerk has no place for is named in the report.
    skipped = [f"{s.element}: {s.reason}" for s in report.skipped]
    assert skipped == ["Description of Variable 'leeftijd': attributes have no description in Codewerk"]
    # Importing the same file again adds nothing.
    again = import_exchange(empty, packed("qualcoder", tmp_path / "again.qdpx"))
    assert sum(again.added.values()) == 0


def test_an_atlas_archive_names_its_qde_after_the_project(empty: Project, tmp_path: Path) -> None:
    """Issue 18 item 4: any single .qde at the root is the project (``Interviewstudie.qde``)."""
    report = import_exchange(empty, packed("atlas", tmp_path / "atlas.qdpx"))
    assert report.skipped == []
    document = empty.documents.get("Wethouder")
    assert empty.documents.text(document.id).startswith("Interview met de wethouder\nHet vertrouwen")
    quotes = {q.text: (q.code_path, q.memo, q.coder) for q in empty.quotes()}
    assert quotes == {
        "Het vertrouwen tussen de partners is groot.": (
            "Relationeel/Vertrouwen",
            "Citaat voor hoofdstuk 4",
            "Anna",
        ),
        "De urgentie ontbreekt nog.": ("Urgentie", "", "Anna"),
    }
    assert [m.text for m in empty.memos.list()] == ["Eerste interview"]


def test_two_qde_files_and_no_project_qde_are_refused_by_name(empty: Project, tmp_path: Path) -> None:
    path = packed("atlas", tmp_path / "twee.qdpx")
    with zipfile.ZipFile(path, "a") as archive:
        archive.writestr("Kopie.qde", (GOLDEN / "atlas" / "Interviewstudie.qde").read_bytes())
    with pytest.raises(FileImportError, match=r"several \.qde files \(Interviewstudie\.qde, Kopie\.qde\)"):
        import_exchange(empty, path)
    assert empty.documents.list() == []


def test_categories_stay_not_codable_and_are_exported_so(empty: Project, tmp_path: Path) -> None:
    """Issue 18 item 3: ``isCodable="false"`` (QualCoder categories, ATLAS.ti groups) is a folder."""
    import_exchange(empty, packed("qualcoder", tmp_path / "qualcoder.qdpx"))
    assert {c.path_text: c.codable for c in empty.codes.tree()} == {
        "Relaties": False,
        "Relaties/Vertrouwen": True,
        "Relaties/Cultuur": True,
        "Urgentie": True,
    }
    with pytest.raises(InvalidInputError, match="'Relaties' is a category: it groups codes"):
        empty.code("interview_r2.txt", "Relaties", text="Het vertrouwen groeit")
    empty.export(tmp_path / "terug.qdpx")
    with zipfile.ZipFile(tmp_path / "terug.qdpx") as archive:
        root = etree.fromstring(archive.read("project.qde"))
    codable = {c.get("name"): c.get("isCodable") for c in root.iter(f"{{{NS}}}Code")}
    assert codable == {"Relaties": "false", "Vertrouwen": "true", "Cultuur": "true", "Urgentie": "true"}
    qdc = etree.fromstring(empty.export(tmp_path / "boek.qdc").read_bytes())
    assert [c.get("name") for c in qdc.iter() if c.get("isCodable") == "false"] == ["Relaties"]
    with Project.create(tmp_path / "uit-qdc.codewerk", codebook=str(tmp_path / "boek.qdc")) as fresh:
        assert not fresh.codes.get("Relaties").codable and fresh.codes.get("Vertrouwen").codable
    atlas = import_exchange(empty, packed("atlas", tmp_path / "atlas.qdpx"))
    assert atlas.skipped == [] and not empty.codes.get("Relationeel").codable
