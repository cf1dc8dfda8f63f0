"""A small generated corpus (five interviews, 25 codings), indexed, as the suggestion tests start from."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from benchmarks.make_corpus import CorpusSpec, ensure
from coding import Project


def indexed_copy(factory: pytest.TempPathFactory, name: str, seed: int) -> Path:
    """A copy of the generated corpus ``name`` (seeded with ``seed``), indexed, in a folder of its own."""
    spec = CorpusSpec(name, documents=5, characters=6_000, codings=25, seed=seed)
    corpus = ensure(spec, root=factory.mktemp("corpora"), docx=False)
    path = factory.mktemp("indexed") / f"{name}.codewerk"
    shutil.copyfile(corpus.project, path)
    with Project.open(path) as project:
        project.assist.index()
    return path


def without_kept_state(path: Path, folder: Path) -> Path:
    """A copy of the project ``path`` in ``folder`` without what is stored for the next session (``kept_state``):
    its first find computes every piece."""
    copy = folder / f"fresh{len(list(folder.glob('fresh*')))}.codewerk"
    shutil.copyfile(path, copy)
    with closing(sqlite3.connect(copy)) as conn:
        conn.execute("DELETE FROM kept_state")
        conn.commit()
    return copy
