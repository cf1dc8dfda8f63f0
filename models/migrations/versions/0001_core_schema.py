"""Core schema: documents, attributes, codes, segments, codings, memos, assessments.

Revision ID: 0001
Revises: -
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("parent_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(length=7), nullable=False),
        sa.Column("question", sa.String(length=20), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("category", sa.String(length=200), nullable=False),
        sa.Column("scale", sa.JSON(), nullable=True),
        sa.Column("search_terms", sa.JSON(), nullable=False),
        sa.Column("inductive", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('concept', 'dimension', 'indicator', 'code')", name=op.f("ck_code_kind")
        ),
        sa.CheckConstraint("parent_id IS NULL OR parent_id != id", name=op.f("ck_code_not_own_parent")),
        sa.ForeignKeyConstraint(
            ["parent_id"], ["code.id"], name=op.f("fk_code_parent_id_code"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code")),
        sa.UniqueConstraint("guid", name=op.f("uq_code_guid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("code", schema=None) as batch_op:
        batch_op.create_index("ix_code_parent_position", ["parent_id", "position"], unique=False)

    op.create_table(
        "coder",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coder")),
        sa.UniqueConstraint("guid", name=op.f("uq_coder_guid")),
        sa.UniqueConstraint("name", name=op.f("uq_coder_name")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "document",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("length", sa.Integer(), nullable=False),
        sa.Column("source_format", sa.String(length=16), nullable=False),
        sa.Column("original_filename", sa.String(length=1024), nullable=True),
        sa.Column("sha256", sa.String(length=64), nullable=True),
        sa.Column("encoding", sa.String(length=32), nullable=True),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_document")),
        sa.UniqueConstraint("guid", name=op.f("uq_document_guid")),
        sa.UniqueConstraint("name", name=op.f("uq_document_name")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("document", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_document_sha256"), ["sha256"], unique=False)

    op.create_table(
        "setting",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.JSON(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )

    op.create_table(
        "assessment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("attribute", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_assessment_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_assessment_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assessment")),
        sa.UniqueConstraint(
            "attribute", "value", "code_id", name=op.f("uq_assessment_attribute_value_code_id")
        ),
        sa.UniqueConstraint("guid", name=op.f("uq_assessment_guid")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "document_attribute",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_document_attribute_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", "key", name=op.f("pk_document_attribute")),
    )
    with op.batch_alter_table("document_attribute", schema=None) as batch_op:
        batch_op.create_index("ix_document_attribute_key_value", ["key", "value"], unique=False)

    op.create_table(
        "memo",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("code_id", sa.Integer(), nullable=True),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("document_id IS NULL OR code_id IS NULL", name=op.f("ck_memo_one_target")),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_memo_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_memo_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_memo_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_memo")),
        sa.UniqueConstraint("guid", name=op.f("uq_memo_guid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("memo", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_memo_code_id"), ["code_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_memo_document_id"), ["document_id"], unique=False)

    op.create_table(
        "segment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_segment_span")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_segment_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_segment")),
        sa.UniqueConstraint("document_id", "start", "end", name=op.f("uq_segment_document_id_start_end")),
        sa.UniqueConstraint("guid", name=op.f("uq_segment_guid")),
        sqlite_autoincrement=True,
    )

    op.create_table(
        "assessment_evidence",
        sa.Column("assessment_id", sa.Integer(), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["assessment_id"],
            ["assessment.id"],
            name=op.f("fk_assessment_evidence_assessment_id_assessment"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"],
            ["segment.id"],
            name=op.f("fk_assessment_evidence_segment_id_segment"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("assessment_id", "segment_id", name=op.f("pk_assessment_evidence")),
    )
    with op.batch_alter_table("assessment_evidence", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_assessment_evidence_segment_id"), ["segment_id"], unique=False)

    op.create_table(
        "coding",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("segment_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_coding_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_coding_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["segment_id"], ["segment.id"], name=op.f("fk_coding_segment_id_segment"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding")),
        sa.UniqueConstraint("guid", name=op.f("uq_coding_guid")),
        sa.UniqueConstraint("segment_id", "code_id", name=op.f("uq_coding_segment_id_code_id")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("coding", schema=None) as batch_op:
        batch_op.create_index("ix_coding_code_id", ["code_id"], unique=False)

    # A segment exists only while a code is attached to it: the last coding's deletion
    # (by hand, or cascading from a deleted code) removes the segment in the database.
    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE TRIGGER trg_coding_drop_orphan_segment AFTER DELETE ON coding "
            "WHEN NOT EXISTS (SELECT 1 FROM coding WHERE segment_id = OLD.segment_id) "
            "BEGIN DELETE FROM segment WHERE id = OLD.segment_id; END"
        )
    else:  # PostgreSQL (team projects): the same rule as a trigger function
        op.execute(
            "CREATE FUNCTION drop_orphan_segment() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF NOT EXISTS (SELECT 1 FROM coding WHERE segment_id = OLD.segment_id) THEN "
            "DELETE FROM segment WHERE id = OLD.segment_id; END IF; RETURN NULL; END $$"
        )
        op.execute(
            "CREATE TRIGGER trg_coding_drop_orphan_segment AFTER DELETE ON coding "
            "FOR EACH ROW EXECUTE FUNCTION drop_orphan_segment()"
        )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_coding_drop_orphan_segment")
    op.drop_table("coding")
    op.drop_table("assessment_evidence")
    op.drop_table("segment")
    op.drop_table("memo")
    op.drop_table("document_attribute")
    op.drop_table("assessment")
    op.drop_table("setting")
    op.drop_table("document")
    op.drop_table("coder")
    op.drop_table("code")
