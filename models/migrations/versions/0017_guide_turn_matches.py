"""What the guide matcher finds in each document's interviewer turns, stored as arrays (issue 19, suggestions at
ten times the corpus): the suggestion engine matched every interviewer turn of the corpus against the guide on
each session's first suggestions (200,000 turns, ≈ 2.5 s with reading the turns and texts); now the matches and
each turn's similarity with the guide's questions are stored per document (``coding.language.guide_matches``),
stamped with the guide, the document's index and its interviewer turns, and computed again only when one of
those changed.

The table starts empty: a project's rows are written when it is indexed or on its first suggestions (the
matcher is code, which a migration never follows). A project's ``project-0016``-era backup is made before, as
for every upgrade.

Revision ID: 0017
Revises: 0016
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

BLOBS = (
    "interviewers",
    "asks",
    "matched_start",
    "matched_question",
    "matched_confidence",
    "overlap_start",
    "overlap_question",
    "overlap_similarity",
)


def upgrade() -> None:
    op.create_table(
        "guide_turn_matches",
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("guide_key", sa.String(length=64), nullable=False),
        sa.Column("text_hash", sa.String(length=64), nullable=False),
        *(sa.Column(name, sa.LargeBinary(), nullable=False) for name in BLOBS),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_guide_turn_matches_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_guide_turn_matches")),
    )


def downgrade() -> None:
    op.drop_table("guide_turn_matches")
