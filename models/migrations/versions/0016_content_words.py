"""Each indexed document's content words as stored arrays (issue 19, suggestions at ten times the corpus):
the suggestion engine read them from every token row on each session's first suggestions (15 million rows,
≈ 4.5 s at 2,000 documents); now indexing stores them as int32 blobs (``coding.language.content_words``),
stamped with the document's ``text_index`` row so that arrays of an older index are never read.

An indexed project gets its arrays here, from its token and sentence rows (≈ 5 s at 15 million words; on
SQLite only: the word index is SQLite's, a team server has none). A project's ``project-0015``-era backup is
made before, as for every upgrade.

Revision ID: 0016
Revises: 0015
"""

from __future__ import annotations

import numpy as np
import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

#: As ``coding.language.content_words`` when this revision was written (a migration never follows the code).
CONTENT_SQL = "NOT stop AND alpha AND length(form) > 1"
BLOBS = ("start", "end", "sentence", "term", "sentence_start", "sentence_end")


def upgrade() -> None:
    op.create_table(
        "content_words",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("indexed_at", sa.DateTime(), nullable=False),
        *(sa.Column(name, sa.LargeBinary(), nullable=False) for name in BLOBS),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_content_words_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_content_words")),
    )
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        _fill(bind)


def _ints(text: str | None) -> bytes:
    if not text:
        return b""
    return np.fromstring(text, dtype=np.int64, sep=",").astype("<i4").tobytes()


def _fill(bind: sa.Connection) -> None:
    """The arrays of every indexed document from its rows, one document at a time."""
    sentences = bind.exec_driver_sql(
        'SELECT x.document_id, group_concat(s.start), group_concat(s."end") FROM text_index x '
        "LEFT JOIN sentence s ON s.document_id = x.document_id GROUP BY x.document_id ORDER BY x.document_id"
    )
    words = bind.exec_driver_sql(
        'SELECT document_id, group_concat(start), group_concat("end"), group_concat(sentence), '
        f"group_concat(term_id) FROM token WHERE +term_id IN (SELECT id FROM term WHERE {CONTENT_SQL}) "
        "GROUP BY document_id ORDER BY document_id"
    )
    ahead = next(words, None)
    rows = []
    for doc_id, starts, ends in sentences.fetchall():
        while ahead is not None and ahead[0] < doc_id:
            ahead = next(words, None)
        lists = ahead[1:] if ahead is not None and ahead[0] == doc_id else (None,) * 4
        rows.append((doc_id, *(_ints(values) for values in (*lists, starts, ends))))
        if len(rows) >= 50:
            _insert(bind, rows)
            rows = []
    _insert(bind, rows)


def _insert(bind: sa.Connection, rows: list[tuple[object, ...]]) -> None:
    if rows:
        bind.exec_driver_sql(
            'INSERT INTO content_words (document_id, text_hash, indexed_at, start, "end", sentence, term, '
            "sentence_start, sentence_end) SELECT document_id, text_hash, indexed_at, ?, ?, ?, ?, ?, ? "
            "FROM text_index WHERE document_id = ?",
            [(*blobs, doc_id) for doc_id, *blobs in rows],
        )


def downgrade() -> None:
    op.drop_table("content_words")
