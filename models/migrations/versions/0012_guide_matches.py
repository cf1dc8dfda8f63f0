"""Guide matches the researcher confirmed or cleared (issue 24). Existing projects have none.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "guide_match",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=20), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("status IN ('confirmed', 'cleared')", name=op.f("ck_guide_match_status")),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_guide_match_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_guide_match")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_guide_match_document_start", "guide_match", ["document_id", "start", "question"], unique=True
    )


def downgrade() -> None:
    op.drop_index("ix_guide_match_document_start", table_name="guide_match")
    op.drop_table("guide_match")
