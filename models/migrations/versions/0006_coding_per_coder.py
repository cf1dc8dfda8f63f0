"""Coder layers: a coding is keyed by passage, code *and* coder, and every coding names its coder.

Two coders may now code the same passage with the same code (their own layers, compared by the
agreement report); the same coder still cannot code one passage twice with one code. Codings
that named no coder (files from before coders were recorded, REFI files without users) are
given to the coder ``unknown coder``, so that every existing coding is kept.

SQLite cannot change a unique constraint or a column's nullability in place: ``coding`` is
rebuilt with the same rows and ids (foreign keys are off while migrations run), its
AUTOINCREMENT counter is carried over, and its index and orphan-passage trigger are recreated.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UNKNOWN_CODER = "unknown coder"

_SQLITE_TRIGGER = (
    "CREATE TRIGGER trg_coding_drop_orphan_passage AFTER DELETE ON coding "
    "WHEN NOT EXISTS (SELECT 1 FROM coding WHERE passage_id = OLD.passage_id) "
    "BEGIN DELETE FROM passage WHERE id = OLD.passage_id; END"
)


def _give_codings_a_coder() -> None:
    bind = op.get_bind()
    if bind.execute(sa.text("SELECT 1 FROM coding WHERE coder_id IS NULL LIMIT 1")).first() is None:
        return
    coder_id = bind.execute(sa.text("SELECT id FROM coder WHERE name = :n"), {"n": UNKNOWN_CODER}).scalar()
    if coder_id is None:
        bind.execute(
            sa.text("INSERT INTO coder (guid, name, created_at) VALUES (:guid, :name, CURRENT_TIMESTAMP)"),
            {"guid": "00000000-0000-4000-8000-0000000c0de5", "name": UNKNOWN_CODER},
        )
        coder_id = bind.execute(
            sa.text("SELECT id FROM coder WHERE name = :n"), {"n": UNKNOWN_CODER}
        ).scalar()
    bind.execute(sa.text("UPDATE coding SET coder_id = :c WHERE coder_id IS NULL"), {"c": coder_id})


def _upgrade_sqlite() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_coding_drop_orphan_passage")
    op.create_table(
        "coding_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=False),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_coding_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_coding_coder_id_coder"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"], ["passage.id"], name=op.f("fk_coding_passage_id_passage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding")),
        sa.UniqueConstraint(
            "passage_id", "code_id", "coder_id", name=op.f("uq_coding_passage_id_code_id_coder_id")
        ),
        sa.UniqueConstraint("guid", name=op.f("uq_coding_guid")),
        sqlite_autoincrement=True,
    )
    op.execute(
        "INSERT INTO coding_new (id, guid, passage_id, code_id, coder_id, memo, created_at) "
        "SELECT id, guid, passage_id, code_id, coder_id, memo, created_at FROM coding"
    )
    op.execute(
        "UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = 'coding') "
        "WHERE name = 'coding_new' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'coding')"
    )
    op.drop_table("coding")
    op.execute("DELETE FROM sqlite_sequence WHERE name = 'coding'")
    op.rename_table("coding_new", "coding")
    op.create_index("ix_coding_code_id", "coding", ["code_id"])
    op.create_index("ix_coding_coder_id", "coding", ["coder_id"])
    op.execute(_SQLITE_TRIGGER)


def _upgrade_in_place() -> None:
    """Databases that change constraints in place (PostgreSQL)."""
    op.drop_constraint("uq_coding_passage_id_code_id", "coding", type_="unique")
    op.drop_constraint("fk_coding_coder_id_coder", "coding", type_="foreignkey")
    op.alter_column("coding", "coder_id", existing_type=sa.Integer(), nullable=False)
    op.create_foreign_key(
        "fk_coding_coder_id_coder", "coding", "coder", ["coder_id"], ["id"], ondelete="CASCADE"
    )
    op.create_unique_constraint(
        "uq_coding_passage_id_code_id_coder_id", "coding", ["passage_id", "code_id", "coder_id"]
    )
    op.create_index("ix_coding_coder_id", "coding", ["coder_id"])


def upgrade() -> None:
    _give_codings_a_coder()
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_in_place()


def downgrade() -> None:
    raise NotImplementedError("Codewerk migrations go forward only; a backup is made before every upgrade")
