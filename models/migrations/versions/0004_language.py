"""Language assistance: text index (sentences, tokens, terms), suggested codings, respondent register.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "text_index",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("pipeline", sa.String(length=200), nullable=False),
        sa.Column("tokens", sa.Integer(), nullable=False),
        sa.Column("sentences", sa.Integer(), nullable=False),
        sa.Column("indexed_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_text_index_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_text_index")),
    )

    op.create_table(
        "sentence",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_sentence_span")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_sentence_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "number", name=op.f("pk_sentence")),
        sqlite_with_rowid=False,
    )

    op.create_table(
        "term",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=16), nullable=False),
        sa.Column("form", sa.String(length=200), nullable=False),
        sa.Column("lemma", sa.String(length=200), nullable=False),
        sa.Column("norm", sa.String(length=200), nullable=False),
        sa.Column("lemma_key", sa.String(length=200), nullable=False),
        sa.Column("stem", sa.String(length=200), nullable=False),
        sa.Column("stop", sa.Boolean(), nullable=False),
        sa.Column("alpha", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term")),
        sa.UniqueConstraint("language", "form", "lemma", name=op.f("uq_term_language_form_lemma")),
    )
    with op.batch_alter_table("term", schema=None) as batch_op:
        batch_op.create_index("ix_term_lemma_key", ["lemma_key"], unique=False)
        batch_op.create_index("ix_term_norm", ["norm"], unique=False)
        batch_op.create_index("ix_term_stem", ["stem"], unique=False)

    op.create_table(
        "token",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("sentence", sa.Integer(), nullable=False),
        sa.Column("term_id", sa.Integer(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_token_span")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_token_document_id_document"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["term_id"], ["term.id"], name=op.f("fk_token_term_id_term")),
        sa.PrimaryKeyConstraint("document_id", "position", name=op.f("pk_token")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("token", schema=None) as batch_op:
        batch_op.create_index("ix_token_term_id", ["term_id"], unique=False)

    op.create_table(
        "suggestion",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("sources", sa.String(length=100), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('open', 'accepted', 'rejected')", name=op.f("ck_suggestion_status")),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_suggestion_span")),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_suggestion_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_suggestion_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_suggestion")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("suggestion", schema=None) as batch_op:
        batch_op.create_index("ix_suggestion_code_status", ["code_id", "status"], unique=False)
        batch_op.create_index("ix_suggestion_document_start", ["document_id", "start"], unique=False)

    op.create_table(
        "respondent",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("aliases", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_respondent")),
        sa.UniqueConstraint("code", name=op.f("uq_respondent_code")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("respondent")
    op.drop_table("suggestion")
    op.drop_table("token")
    op.drop_table("term")
    op.drop_table("sentence")
    op.drop_table("text_index")
