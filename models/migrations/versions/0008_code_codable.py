"""Codes that cannot be applied: categories that only group codes (REFI-QDA ``isCodable="false"``,
QualCoder's categories, ATLAS.ti's code groups). Every existing code stays codable.

Revision ID: 0008
Revises: 0007
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("code") as batch:
        batch.add_column(sa.Column("codable", sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade() -> None:
    with op.batch_alter_table("code") as batch:
        batch.drop_column("codable")
