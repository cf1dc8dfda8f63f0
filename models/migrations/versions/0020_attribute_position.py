"""Each document attribute's place among its document's (``document_attribute.position``): a project
file listed them in the order stored (SQLite's rowid: a metadata sheet's columns' order), a team server
alphabetically (PostgreSQL has no rowid), so the same project showed its attributes in two orders.

A file keeps its order (the position is the rowid); a team server keeps the order it showed (A-Z).

Revision ID: 0020
Revises: 0019
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("document_attribute") as batch:  # SQLite adds the column in place: rowids stay
        batch.add_column(sa.Column("position", sa.Integer(), nullable=False, server_default="0"))
    if op.get_bind().dialect.name == "sqlite":
        op.execute("UPDATE document_attribute SET position = rowid")
    else:
        op.execute(
            "UPDATE document_attribute AS a SET position = ranked.n FROM ("
            "SELECT document_id, key, row_number() OVER (PARTITION BY document_id ORDER BY key) AS n "
            "FROM document_attribute) AS ranked "
            "WHERE a.document_id = ranked.document_id AND a.key = ranked.key"
        )


def downgrade() -> None:
    with op.batch_alter_table("document_attribute") as batch:
        batch.drop_column("position")
