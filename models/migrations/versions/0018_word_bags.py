"""Each indexed document's sentences and turns as bags of word stems (issue 19, suggestions at ten times the
corpus): the suggestion engine counted them from all the corpus's content words on each session's first
suggestions (a sort of 6.5 million words at 2,000 documents); now indexing stores them as int32 blobs
(``coding.language.word_bags``), stamped with the document's ``text_index`` row as ``content_words`` is.

An indexed project gets its bags here, from the stored content words whose stamp is current, its turns and its
terms' stems (on SQLite only: the word index is SQLite's, a team server has none); a document without current
content words gets none and is counted when suggestions are found, as before. The project's backup is made
before, as for every upgrade.

Revision ID: 0018
Revises: 0017
"""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None

#: As ``coding.language.content_words`` when this revision was written (a migration never follows the code).
CONTENT_SQL = "NOT stop AND alpha AND length(form) > 1"
_STORED = np.dtype("<i4")


def upgrade() -> None:
    op.create_table(
        "word_bags",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("indexed_at", sa.DateTime(), nullable=False),
        sa.Column("sentences", sa.LargeBinary(), nullable=False),
        sa.Column("turns", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_word_bags_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_word_bags")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _fill(bind)


def _array(blob: bytes | None) -> np.ndarray:
    return np.frombuffer(blob or b"", dtype=_STORED).astype(np.int64)


def _counted(rows: np.ndarray, stems: np.ndarray) -> np.ndarray:
    """Each (row, stem) once with its count, sorted by row, then stem: 3 × entries."""
    if not len(rows):
        return np.zeros((3, 0), dtype=np.int64)
    width = int(stems.max()) + 1
    unique, counts = np.unique(rows.astype(np.int64) * width + stems, return_counts=True)
    row, stem = np.divmod(unique, width)
    return np.stack([row, stem, counts])


def _bags(
    start: np.ndarray,
    end: np.ndarray,
    sentence: np.ndarray,
    term: np.ndarray,
    stem_of: dict[int, str],
    turns: list[tuple[int, int]],
) -> tuple[bytes, bytes]:
    """The document's sentence and turn bags, each stem as the smallest of its terms in the document, the
    entries of a bag in the order of their stems' text."""
    if not len(term):
        return b"", b""
    terms, inverse = np.unique(term, return_inverse=True)
    stems = [stem_of[t] for t in terms.tolist()]
    ordered = sorted(set(stems))
    rank_of = {text: number for number, text in enumerate(ordered)}
    rank = np.array([rank_of[text] for text in stems], dtype=np.int64)
    first_term = np.full(len(ordered), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first_term, rank, terms)
    word_stem = rank[inverse.reshape(-1)]
    spans = np.asarray(turns, dtype=np.int64).reshape(-1, 2)
    lo = np.searchsorted(start, spans[:, 0], side="left")
    hi = np.maximum(np.searchsorted(start, spans[:, 1], side="left"), lo)
    counts = hi - lo
    turn = np.repeat(np.arange(len(counts)), counts)
    index = (
        np.arange(int(counts.sum())) - np.repeat(np.cumsum(counts) - counts, counts) + np.repeat(lo, counts)
    )
    keep = end[index] <= spans[turn, 1]
    out = []
    for found in (_counted(sentence, word_stem), _counted(turn[keep], word_stem[index[keep]])):
        found[1] = first_term[found[1]]
        out.append(found.astype(_STORED).tobytes())
    return out[0], out[1]


def _fill(bind: sa.Connection) -> None:
    """The bags of every document with current content words, one document at a time."""
    stem_of = {
        term_id: stem
        for term_id, stem in bind.exec_driver_sql(f"SELECT id, stem FROM term WHERE {CONTENT_SQL}").fetchall()
    }
    turns: dict[int, list[tuple[int, int]]] = {}
    for doc_id, body_start, end in bind.exec_driver_sql(
        'SELECT document_id, body_start, "end" FROM turn ORDER BY document_id, start'
    ).fetchall():
        turns.setdefault(doc_id, []).append((body_start, end))
    words = bind.exec_driver_sql(
        'SELECT c.document_id, c.start, c."end", c.sentence, c.term FROM content_words c JOIN text_index x '
        "ON x.document_id = c.document_id AND x.text_hash = c.text_hash AND x.indexed_at = c.indexed_at "
        "ORDER BY c.document_id"
    )
    rows: list[tuple[bytes, bytes, int]] = []
    for doc_id, *blobs in words:
        start, end, sentence, term = (_array(blob) for blob in blobs)
        if len(start) > 1 and bool(np.any(start[1:] < start[:-1])):
            order = np.argsort(start, kind="stable")
            start, end, sentence, term = start[order], end[order], sentence[order], term[order]
        rows.append((*_bags(start, end, sentence, term, stem_of, turns.get(doc_id, [])), doc_id))
        if len(rows) >= 50:
            _insert(bind, rows)
            rows = []
    _insert(bind, rows)


def _insert(bind: sa.Connection, rows: list[tuple[bytes, bytes, int]]) -> None:
    if rows:
        bind.exec_driver_sql(
            "INSERT INTO word_bags (document_id, text_hash, indexed_at, sentences, turns) "
            "SELECT document_id, text_hash, indexed_at, ?, ? FROM text_index WHERE document_id = ?",
            rows,
        )


def downgrade() -> None:
    op.drop_table("word_bags")
