"""What a find of suggestions derives from the corpus and the codings, kept for the next session (issue 19,
suggestions at ten times the corpus): the first find of a session computed again what the second reuses (the
sentence and turn vectors, the codes' profiles, each sentence's and turn's closest codes, the guide's answers;
≈ 8 s of ≈ 13 s at ten times the large corpus). A find now stores each piece as a blob of arrays under a stamp of what it was computed
from (``coding.language.suggestions.stored_state``), and the next session's first find reads those whose stamp is
current.

The table starts empty: the first find after the upgrade computes the pieces and stores them. Plain columns (a
string key, a string stamp, a blob), so the same on SQLite and a team server (whose sessions compute the pieces
and store none).

Revision ID: 0021
Revises: 0020
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "kept_state",
        sa.Column("name", sa.String(length=64), nullable=False),
        sa.Column("stamp", sa.String(length=64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_kept_state")),
    )


def downgrade() -> None:
    op.drop_table("kept_state")
