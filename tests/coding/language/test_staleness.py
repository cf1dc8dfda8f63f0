"""Whether anything needs indexing is known without loading spaCy (seconds and 200 MB)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from coding import Project
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
