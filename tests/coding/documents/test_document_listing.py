"""Listing and reading documents: with or without coding counts, one document at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.core.errors import NotFoundError

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends


@pytest.fixture
def two_documents(coded_project: Project, tmp_path: Path) -> Project:
    other = tmp_path / "R7_werkgever_zwolle.txt"
    other.write_text("[00:00:03] R7: Werkgevers willen één loket.\n", encoding="utf-8")
    coded_project.import_files([other], attributes={"respondent": "R7", "region": "Zwolle"})
    return coded_project


def test_listing_without_counts_gives_the_same_documents_uncounted(two_documents: Project) -> None:
    counted = two_documents.documents.list()
    light = two_documents.documents.list(with_counts=False)
    assert [d.coding_count for d in counted] == [2, 0]
    assert [d.coding_count for d in light] == [None, None]
    assert [(d.id, d.name, d.attributes, d.sha256, d.length, d.guid) for d in light] == [
        (d.id, d.name, d.attributes, d.sha256, d.length, d.guid) for d in counted
    ]


def test_get_and_find_read_one_document_with_its_count(two_documents: Project) -> None:
    first, second = two_documents.documents.list()
    assert two_documents.documents.get(first.id) == first
    assert two_documents.documents.get(second.id) == second
    assert two_documents.documents.find("r7_werkgever_zwolle.txt") == second
    two_documents.code("R7_werkgever_zwolle", "Vertrouwen", text="één loket")
    assert two_documents.documents.get(second.id).coding_count == 1
    assert two_documents.documents.get("R5_uwv_zwolle").coding_count == 2
    with pytest.raises(NotFoundError, match="document 999 does not exist"):
        two_documents.documents.get(999)


def test_quotes_carry_the_attributes_of_their_documents(two_documents: Project) -> None:
    two_documents.code("R7_werkgever_zwolle", "Urgentiebesef", text="Werkgevers willen")
    quotes = two_documents.quotes(where={"region": "zwolle"})
    assert {q.document: q.attributes["respondent"] for q in quotes} == {
        "R5_uwv_zwolle": "R5",
        "R7_werkgever_zwolle": "R7",
    }
    assert [q.code_path for q in quotes if q.document == "R7_werkgever_zwolle"] == [
        two_documents.codes.get("Urgentiebesef").path_text
    ]


def test_the_counts_alone_are_what_the_list_counts(two_documents: Project) -> None:
    listed = two_documents.documents.list()
    assert two_documents.documents.coding_counts() == {d.id: d.coding_count for d in listed if d.coding_count}


def test_the_first_coded_document_is_found_without_counting(
    two_documents: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    from coding.documents import document_service

    documents = two_documents.documents
    first, second = (d.id for d in documents.list())
    assert documents.first_coded() == first
    assert documents.first_coded([second, first]) == first  # the second is not coded
    two_documents.code("R7_werkgever_zwolle", "Vertrouwen", text="één loket")
    assert documents.first_coded([second, first]) == second
    monkeypatch.setattr(document_service, "FIRST_CODED_BATCH", 1)  # one document per question
    assert documents.first_coded([second, first]) == second
    for coding in two_documents.quotes():
        two_documents.codings.uncode(coding.coding_id)
    assert documents.first_coded() is None
    assert documents.first_coded([]) is None


def test_the_list_reads_every_column_as_the_orm_does(two_documents: Project) -> None:
    """The list reads the driver's rows itself (no SQLAlchemy rows on a hot path): each document's
    values, the import time as a ``datetime`` included, are what the ORM reads of its row."""
    from sqlalchemy import select

    from models import Document

    listed = two_documents.documents.list(with_counts=False)
    with two_documents.store.read() as session:
        stored = {d.id: d for d in session.execute(select(Document)).scalars()}
        expected = [
            (
                d.id,
                d.name,
                d.source_format,
                d.original_filename,
                d.sha256,
                d.encoding,
                d.imported_at,
                d.length,
                d.guid,
            )
            for d in sorted(stored.values(), key=lambda d: (d.position, d.id))
        ]
    assert [
        (
            d.id,
            d.name,
            d.source_format,
            d.original_filename,
            d.sha256,
            d.encoding,
            d.imported_at,
            d.length,
            d.guid,
        )
        for d in listed
    ] == expected
    assert all(type(d.imported_at).__name__ == "datetime" for d in listed)
