"""The passages' and codings' GUIDs unique by a named index (``ix_passage_guid``, ``ix_coding_guid``) instead of
a ``UNIQUE (guid)`` table constraint (issue 19, the ``.qdpx`` import at ten times the corpus): SQLite keeps a
constraint's index for good, so every inserted row took a page anywhere in the random GUIDs' index; a named
index an import of many rows may drop and build again after its rows, inside its one transaction
(``coding.refi.guid_indexes``). The GUIDs stay exactly as unique as before.

SQLite cannot drop a table constraint: ``passage`` and ``coding`` are rebuilt with the same rows and ids
(foreign keys are off while migrations run, the AUTOINCREMENT counters are carried over), their other indexes
and the orphan-passage trigger made again. PostgreSQL drops the constraints and makes the indexes in place.
The project's backup is made before, as for every upgrade.

Revision ID: 0019
Revises: 0018
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0019"
down_revision = "0018"
branch_labels = None
depends_on = None

#: As 0006 made it (a migration never follows the code).
_SQLITE_TRIGGER = (
    "CREATE TRIGGER trg_coding_drop_orphan_passage AFTER DELETE ON coding "
    "WHEN NOT EXISTS (SELECT 1 FROM coding WHERE passage_id = OLD.passage_id) "
    "BEGIN DELETE FROM passage WHERE id = OLD.passage_id; END"
)


def _guid_constraint(table: str, constrained: bool) -> list[sa.UniqueConstraint]:
    """The table's ``UNIQUE (guid)`` constraint as it was before this revision (``constrained``: going down)."""
    return [sa.UniqueConstraint("guid", name=op.f(f"uq_{table}_guid"))] if constrained else []


def _passage_table(constrained: bool) -> None:
    op.create_table(
        "passage_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint('start >= 0 AND "end" > start', name=op.f("ck_passage_span")),
        sa.ForeignKeyConstraint(
            ["document_id"], ["document.id"], name=op.f("fk_passage_document_id_document"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passage")),
        sa.UniqueConstraint("document_id", "start", "end", name=op.f("uq_passage_document_id_start_end")),
        *_guid_constraint("passage", constrained),
        sqlite_autoincrement=True,
    )


def _coding_table(constrained: bool) -> None:
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
        *_guid_constraint("coding", constrained),
        sqlite_autoincrement=True,
    )


def _copy_into(table: str, columns: str) -> None:
    """``table``'s rows into ``<table>_new`` with their ids, its AUTOINCREMENT counter carried over, and the
    new table put in its place."""
    op.execute(f"INSERT INTO {table}_new ({columns}) SELECT {columns} FROM {table} ORDER BY id")
    op.execute(
        f"UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = '{table}') "
        f"WHERE name = '{table}_new' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{table}')"
    )
    op.drop_table(table)
    op.execute(f"DELETE FROM sqlite_sequence WHERE name = '{table}'")
    op.rename_table(f"{table}_new", table)


def _rebuild_sqlite(constrained: bool) -> None:
    """Both tables rebuilt, their GUIDs unique by a named index, or (``constrained``, going down) by the
    constraint again."""
    op.execute("DROP TRIGGER IF EXISTS trg_coding_drop_orphan_passage")
    _passage_table(constrained)
    _copy_into("passage", 'id, guid, document_id, start, "end", text, created_at')
    _coding_table(constrained)
    _copy_into("coding", "id, guid, passage_id, code_id, coder_id, memo, created_at")
    op.create_index("ix_coding_code_id", "coding", ["code_id"])
    op.create_index("ix_coding_coder_id", "coding", ["coder_id"])
    if not constrained:
        op.create_index("ix_passage_guid", "passage", ["guid"], unique=True)
        op.create_index("ix_coding_guid", "coding", ["guid"], unique=True)
    op.execute(_SQLITE_TRIGGER)


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(constrained=False)
        return
    for table in ("passage", "coding"):  # PostgreSQL changes constraints in place
        op.drop_constraint(f"uq_{table}_guid", table, type_="unique")
        op.create_index(f"ix_{table}_guid", table, ["guid"], unique=True)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _rebuild_sqlite(constrained=True)
        return
    for table in ("passage", "coding"):
        op.drop_index(f"ix_{table}_guid", table)
        op.create_unique_constraint(f"uq_{table}_guid", table, ["guid"])
