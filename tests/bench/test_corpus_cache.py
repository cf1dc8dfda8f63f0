"""The corpus cache: keyed by the generator's inputs only, a project of an older schema upgraded into a
file of its own (never built again for a migration), and a shared root never cleaned."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks import make_corpus
from benchmarks.make_corpus import SIZES, ensure
from coding import Project
from models import database
from models.database import create_file, head_revision, inspect_file, revision_graph

TINY = SIZES["tiny"]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> make_corpus.Corpus:
    return ensure("tiny", root=tmp_path_factory.mktemp("corpus"), docx=False)


def _previous(revision: str) -> str:
    return revision_graph()[revision][0]


def test_a_new_migration_does_not_change_the_key(monkeypatch: pytest.MonkeyPatch) -> None:
    key = make_corpus.content_key(TINY)
    graph = dict(revision_graph())
    graph["9999"] = (head_revision(),)  # as if a migration had landed
    monkeypatch.setattr(database, "revision_graph", lambda: graph)
    assert database.head_revision() == "9999"
    assert make_corpus.content_key(TINY) == key


def test_the_key_follows_the_generator_not_the_caching_code() -> None:
    source = make_corpus.generator_source()
    assert "def transcript(" in source and "def plan_codings(" in source
    assert "def ensure(" not in source and "def content_key(" not in source
    assert '"huge": CorpusSpec(' not in source  # a size added does not rebuild the others


def test_the_project_is_named_by_its_schema(built: make_corpus.Corpus) -> None:
    assert built.project.name == f"project-{head_revision()}.codewerk"
    assert inspect_file(built.project) == head_revision()


def _older_copy(built: make_corpus.Corpus, root: Path, name: str) -> tuple[make_corpus.Corpus, Path]:
    """The built corpus copied under ``root`` with its project replaced by an empty one of the schema
    before the head, called ``name``."""
    folder = root / built.folder.name
    shutil.copytree(built.folder, folder)
    (folder / built.project.name).unlink()
    older = folder / name
    create_file(older, _previous(head_revision()))
    return make_corpus.Corpus(built.spec, folder), older


def test_an_older_schema_is_upgraded_not_built_again(built: make_corpus.Corpus, tmp_path: Path) -> None:
    _corpus, older = _older_copy(built, tmp_path, f"project-{_previous(head_revision())}.codewerk")
    before = older.read_bytes()
    said: list[str] = []
    corpus = ensure("tiny", root=tmp_path, docx=False, log=said.append)
    assert corpus.project.name == f"project-{head_revision()}.codewerk"
    assert inspect_file(corpus.project) == head_revision()
    with Project.open(corpus.project) as project:
        assert project.documents.list() == []  # the empty file upgraded: not the corpus built again
    assert older.read_bytes() == before  # the older file stays for the sessions still using it
    assert [line for line in said if line.startswith("upgraded tiny project from")]
    assert sorted(p.name for p in corpus.folder.iterdir() if p.name.startswith(".")) == []


def test_a_folder_of_before_the_schema_names_is_upgraded(built: make_corpus.Corpus, tmp_path: Path) -> None:
    _older_copy(built, tmp_path, "project.codewerk")
    corpus = ensure("tiny", root=tmp_path, docx=False)
    assert inspect_file(corpus.project) == head_revision()
    assert (corpus.folder / "project.codewerk").exists()


def test_a_newer_schema_than_the_code_knows_is_left_and_the_project_built(
    built: make_corpus.Corpus, tmp_path: Path
) -> None:
    _corpus, newer = _older_copy(built, tmp_path, "project-9999.codewerk")
    with closing(sqlite3.connect(newer)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    corpus = ensure("tiny", root=tmp_path, docx=False)
    with Project.open(corpus.project) as project:
        assert len(project.documents.list()) == TINY.documents  # built
    assert newer.exists()


def test_a_shared_root_is_never_cleaned(built: make_corpus.Corpus, tmp_path: Path) -> None:
    other = tmp_path / "tiny-000000000000"  # another generator's, maybe in use by another checkout
    other.mkdir()
    (other / "manifest.json").write_text("{}", encoding="utf-8")
    said: list[str] = []
    ensure("tiny", root=tmp_path, docx=False, project=False, log=said.append)
    assert (other / "manifest.json").exists()
    assert any("tiny-000000000000" in line for line in said)
