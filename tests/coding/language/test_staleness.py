"""Whether anything needs indexing is known without loading spaCy (seconds and 200 MB)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding import Project
from coding.language import indexer as indexer_module
from coding.language.indexer import stale_documents, text_hash
from coding.language.pipeline import build_pipeline, pipeline_for
from coding.language.pipeline_names import expected_name, fallback_name

ROOT = Path(__file__).resolve().parents[3]

SCRIPT = """
import json, sys
from coding import Project
project = Project.open(sys.argv[1])
out = {
    "stale": [[d.name, d.reason] for d in project.assist.stale()],
    "indexed": len(project.assist.indexed_documents()),
    "index": project.assist.index().documents,
}
if len(sys.argv) > 2:
    project.import_files([sys.argv[2]])
    out["after_import"] = [[d.name, d.reason] for d in project.assist.stale()]
out["spacy"] = sorted(m for m in sys.modules if m == "spacy" or m.startswith("spacy."))
out["pipeline"] = "coding.language.pipeline" in sys.modules
project.close()
print(json.dumps(out))
"""


def _fresh_interpreter(*args: str) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args], capture_output=True, text=True, cwd=ROOT, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def test_nothing_to_index_is_found_out_without_spacy(indexed: Project, tmp_path: Path) -> None:
    path = indexed.path
    indexed.close()
    third = tmp_path / "R12_uwv_ede.txt"
    third.write_text("[00:00:02] I: Hoe was het begin?\n[00:00:05] R12: Stroef.\n", encoding="utf-8")
    found = _fresh_interpreter(str(path), str(third))
    assert found["stale"] == [] and found["indexed"] == 2 and found["index"] == 0
    # a new document needs indexing, and saying so still needs no spaCy
    assert found["after_import"] == [["R12_uwv_ede", "not indexed"]]
    assert found["spacy"] == [] and found["pipeline"] is False


def test_an_index_built_by_another_pipeline_is_still_found_stale(indexed: Project) -> None:
    with indexed.store.write() as session:
        session.connection().exec_driver_sql("UPDATE text_index SET pipeline = 'nl_core_news_sm 3.7.0'")
    path = indexed.path
    indexed.close()
    found = _fresh_interpreter(str(path))
    assert found["stale"] == [
        ["R5_uwv_zwolle", "pipeline changed"],
        ["R9_wethouder_arnhem", "pipeline changed"],
    ]
    assert found["spacy"] != []  # to tell which pipeline is current, it had to load


def test_a_document_deleted_and_brought_back_by_undo_is_known_indexed_again(indexed: Project) -> None:
    """Undo brings a deleted document back with its index. The assistant heard of both changes and took the
    document for not indexed from the first on: the frequencies without indexing, the anonymiser's sentences
    and a search that does not index left it out until something indexed again."""
    assist = indexed.assist
    both = {d.id for d in indexed.documents.list()}
    arnhem = indexed.documents.id_of("R9_wethouder_arnhem")
    assert assist.indexed_documents() == both
    before = assist.frequencies(by="region", index=False)
    assert "Midden-Gelderland" in before.groups
    indexed.documents.delete("R9_wethouder_arnhem")
    assert assist.indexed_documents() == both - {arnhem}
    indexed.undo()
    assert assist.stale() == []
    assert assist.indexed_documents() == both
    assert assist.frequencies(by="region", index=False) == before
    # a corrected text is not indexed until it is indexed again
    text = indexed.documents.text(arnhem)
    indexed.documents.correct_text(arnhem, text.replace("groeit langzaam", "groeit snel"))
    assert assist.indexed_documents() == both - {arnhem}
    assert [d.reason for d in assist.stale()] == ["text changed"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_the_expected_name_is_the_name_of_the_pipeline_built(language: str) -> None:
    expected = expected_name(language)
    if expected is None:  # a trained pipeline is installed: only loading it tells its name
        pytest.skip(f"a trained {language} pipeline is installed")
    assert expected == build_pipeline(language).name
    assert expected == fallback_name(language, lookups=True)


def test_a_loaded_pipeline_is_asked_its_name_and_unknown_languages_are_not_guessed() -> None:
    assert expected_name("qq") is None
    assert expected_name("nl") == pipeline_for("nl").name


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    turns=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 6), st.integers(0, 6)), max_size=10),
    stamped_with=st.sampled_from(["the same turns", "one turn fewer", "one turn moved"]),
)
def test_a_document_is_stale_exactly_when_its_text_and_sorted_turns_hash_to_another_stamp(
    indexed: Project, turns: list[tuple[int, int, int]], stamped_with: str
) -> None:
    """The turns are read per document as SQLite joins them (in the order of the index by document and start,
    not sorted as the stamp sorts them where two start at the same place): the same verdict as hashing the text
    with its turns read one by one (the stamp as indexing computes it)."""
    rows = [
        (start, start + lead, start + lead + rest) for start, lead, rest in turns
    ]  # in the order inserted
    with indexed.store.write() as session:
        connection = session.connection()
        doc_id, other = (
            row[0] for row in connection.exec_driver_sql("SELECT id FROM document ORDER BY id").fetchall()
        )
        text, language, pipeline = connection.exec_driver_sql(
            "SELECT CAST(d.text AS BLOB), x.language, x.pipeline FROM document d "
            "JOIN text_index x ON x.document_id = d.id WHERE d.id = ?",
            (doc_id,),
        ).one()
        connection.exec_driver_sql("DELETE FROM turn WHERE document_id = ?", (doc_id,))
        for start, body_start, end in rows:
            connection.exec_driver_sql(
                'INSERT INTO turn (document_id, speaker, start, body_start, "end") VALUES (?, ?, ?, ?, ?)',
                (doc_id, "R1", start, body_start, end),
            )
        stamped = {
            "the same turns": rows,
            "one turn fewer": rows[1:],
            "one turn moved": [(s + 1, b + 1, e + 1) for s, b, e in rows[:1]] + rows[1:],
        }[stamped_with]
        connection.exec_driver_sql(
            "UPDATE text_index SET text_hash = ? WHERE document_id = ?", (text_hash(text, stamped), doc_id)
        )
    read_one_by_one: list[int] = []
    real = indexer_module._turns_of

    def counted(raw: sqlite3.Connection, doc: int) -> list[tuple[int, int, int]]:
        read_one_by_one.append(doc)
        return real(raw, doc)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(indexer_module, "_turns_of", counted)
        found = stale_documents(indexed.store, language, pipeline)
    expected = [] if text_hash(text, stamped) == text_hash(text, rows) else [doc_id]
    assert [doc.id for doc in found] == expected and other not in {doc.id for doc in found}
    assert all(doc.reason == "text changed" for doc in found)
    if not expected and len({start for start, _, _ in rows}) == len(rows):
        assert read_one_by_one == []  # in text order as joined: no document's turns read again
