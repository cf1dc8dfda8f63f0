"""The interview guide on codes: each code can hold its guide question and follow-up prompts.
Existing codes get an empty question and no prompts.

Revision ID: 0011
Revises: 0010
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("code") as batch:
        batch.add_column(sa.Column("guide_question", sa.Text(), nullable=False, server_default=""))
        batch.add_column(sa.Column("guide_prompts", sa.JSON(), nullable=False, server_default="[]"))


def downgrade() -> None:
    with op.batch_alter_table("code") as batch:
        batch.drop_column("guide_prompts")
        batch.drop_column("guide_question")
