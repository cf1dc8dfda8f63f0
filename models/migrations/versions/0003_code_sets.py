"""Code sets: named groups of codes across the tree (REFI-QDA Sets).

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "code_set",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_code_set")),
        sa.UniqueConstraint("guid", name=op.f("uq_code_set_guid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "code_set_member",
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_code_set_member_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["set_id"], ["code_set.id"], name=op.f("fk_code_set_member_set_id_code_set"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("set_id", "code_id", name=op.f("pk_code_set_member")),
    )
    with op.batch_alter_table("code_set_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_code_set_member_code_id"), ["code_id"], unique=False)


def downgrade() -> None:
    op.drop_table("code_set_member")
    op.drop_table("code_set")
