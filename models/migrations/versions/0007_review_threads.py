"""Reviews of judgements and the conversation about a quote or judgement (supervisor ↔ student).

Revision ID: 0007
Revises: 0006
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "judgement_review",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("judgement_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('agreed', 'question', 'disagree')", name=op.f("ck_judgement_review_status")
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_judgement_review_coder_id_coder"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["judgement_id"],
            ["judgement.id"],
            name=op.f("fk_judgement_review_judgement_id_judgement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judgement_review")),
        sa.UniqueConstraint(
            "judgement_id", "coder_id", name=op.f("uq_judgement_review_judgement_id_coder_id")
        ),
        sa.UniqueConstraint("guid", name=op.f("uq_judgement_review_guid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "review_message",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("coding_id", sa.Integer(), nullable=True),
        sa.Column("judgement_id", sa.Integer(), nullable=True),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(coding_id IS NULL) != (judgement_id IS NULL)", name=op.f("ck_review_message_one_target")
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_review_message_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["coding_id"], ["coding.id"], name=op.f("fk_review_message_coding_id_coding"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["judgement_id"],
            ["judgement.id"],
            name=op.f("fk_review_message_judgement_id_judgement"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_message")),
        sa.UniqueConstraint("guid", name=op.f("uq_review_message_guid")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("review_message", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_review_message_coding_id"), ["coding_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_review_message_judgement_id"), ["judgement_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("review_message", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_review_message_judgement_id"))
        batch_op.drop_index(batch_op.f("ix_review_message_coding_id"))
    op.drop_table("review_message")
    op.drop_table("judgement_review")
