"""The glossary's names: segment → passage, assessment → judgement (tables, columns, keys, trigger).

Data and ids stay exactly as they were. SQLite cannot rename constraints, so there the four tables
are rebuilt under their new names (foreign keys are off while migrations run); the AUTOINCREMENT
counters are carried over so that no id is ever handed out twice. PostgreSQL renames in place.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_RENAMED = {"segment": "passage", "assessment": "judgement", "assessment_evidence": "judgement_evidence"}

_SQLITE_TRIGGER = (
    "CREATE TRIGGER trg_coding_drop_orphan_passage AFTER DELETE ON coding "
    "WHEN NOT EXISTS (SELECT 1 FROM coding WHERE passage_id = OLD.passage_id) "
    "BEGIN DELETE FROM passage WHERE id = OLD.passage_id; END"
)


def _create_new_tables() -> None:
    op.create_table(
        "passage",
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
        sa.UniqueConstraint("guid", name=op.f("uq_passage_guid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "judgement",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("attribute", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("score", sa.Text(), nullable=False),
        sa.Column("justification", sa.Text(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_judgement_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_judgement_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_judgement")),
        sa.UniqueConstraint(
            "attribute", "value", "code_id", name=op.f("uq_judgement_attribute_value_code_id")
        ),
        sa.UniqueConstraint("guid", name=op.f("uq_judgement_guid")),
        sqlite_autoincrement=True,
    )
    op.create_table(
        "judgement_evidence",
        sa.Column("judgement_id", sa.Integer(), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["judgement_id"],
            ["judgement.id"],
            name=op.f("fk_judgement_evidence_judgement_id_judgement"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"],
            ["passage.id"],
            name=op.f("fk_judgement_evidence_passage_id_passage"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("judgement_id", "passage_id", name=op.f("pk_judgement_evidence")),
    )
    op.create_index(op.f("ix_judgement_evidence_passage_id"), "judgement_evidence", ["passage_id"])
    op.create_table(
        "coding_new",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("guid", sa.String(length=36), nullable=False),
        sa.Column("passage_id", sa.Integer(), nullable=False),
        sa.Column("code_id", sa.Integer(), nullable=False),
        sa.Column("coder_id", sa.Integer(), nullable=True),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["code_id"], ["code.id"], name=op.f("fk_coding_code_id_code"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["coder_id"], ["coder.id"], name=op.f("fk_coding_coder_id_coder"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["passage_id"], ["passage.id"], name=op.f("fk_coding_passage_id_passage"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coding")),
        sa.UniqueConstraint("passage_id", "code_id", name=op.f("uq_coding_passage_id_code_id")),
        sa.UniqueConstraint("guid", name=op.f("uq_coding_guid")),
        sqlite_autoincrement=True,
    )


def _upgrade_sqlite() -> None:
    op.execute("DROP TRIGGER IF EXISTS trg_coding_drop_orphan_segment")
    _create_new_tables()
    op.execute(
        'INSERT INTO passage (id, guid, document_id, start, "end", text, created_at) '
        'SELECT id, guid, document_id, start, "end", text, created_at FROM segment'
    )
    op.execute(
        "INSERT INTO judgement (id, guid, attribute, value, code_id, score, justification, coder_id, updated_at) "
        "SELECT id, guid, attribute, value, code_id, score, justification, coder_id, updated_at FROM assessment"
    )
    op.execute(
        "INSERT INTO judgement_evidence (judgement_id, passage_id) "
        "SELECT assessment_id, segment_id FROM assessment_evidence"
    )
    op.execute(
        "INSERT INTO coding_new (id, guid, passage_id, code_id, coder_id, memo, created_at) "
        "SELECT id, guid, segment_id, code_id, coder_id, memo, created_at FROM coding"
    )
    # AUTOINCREMENT never reuses an id: the new tables continue where the old ones were.
    for old, new in [*_RENAMED.items(), ("coding", "coding_new")]:
        op.execute(
            f"UPDATE sqlite_sequence SET seq = (SELECT seq FROM sqlite_sequence WHERE name = '{old}') "
            f"WHERE name = '{new}' AND EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = '{old}')"
        )
    op.drop_table("assessment_evidence")
    op.drop_table("coding")
    op.drop_table("assessment")
    op.drop_table("segment")
    op.execute("DELETE FROM sqlite_sequence WHERE name IN ('segment', 'assessment', 'assessment_evidence')")
    op.rename_table("coding_new", "coding")
    op.create_index("ix_coding_code_id", "coding", ["code_id"])
    op.execute(_SQLITE_TRIGGER)


def _upgrade_renaming() -> None:
    """Databases that rename constraints and indexes in place (PostgreSQL)."""
    op.execute("DROP TRIGGER IF EXISTS trg_coding_drop_orphan_segment ON coding")
    op.execute("DROP FUNCTION IF EXISTS drop_orphan_segment()")
    for old, new in _RENAMED.items():
        op.rename_table(old, new)
    op.alter_column("coding", "segment_id", new_column_name="passage_id")
    op.alter_column("judgement_evidence", "assessment_id", new_column_name="judgement_id")
    op.alter_column("judgement_evidence", "segment_id", new_column_name="passage_id")
    constraints = {
        "passage": [
            ("ck_segment_span", "ck_passage_span"),
            ("fk_segment_document_id_document", "fk_passage_document_id_document"),
            ("pk_segment", "pk_passage"),
            ("uq_segment_document_id_start_end", "uq_passage_document_id_start_end"),
            ("uq_segment_guid", "uq_passage_guid"),
        ],
        "judgement": [
            ("fk_assessment_code_id_code", "fk_judgement_code_id_code"),
            ("fk_assessment_coder_id_coder", "fk_judgement_coder_id_coder"),
            ("pk_assessment", "pk_judgement"),
            ("uq_assessment_attribute_value_code_id", "uq_judgement_attribute_value_code_id"),
            ("uq_assessment_guid", "uq_judgement_guid"),
        ],
        "judgement_evidence": [
            (
                "fk_assessment_evidence_assessment_id_assessment",
                "fk_judgement_evidence_judgement_id_judgement",
            ),
            ("fk_assessment_evidence_segment_id_segment", "fk_judgement_evidence_passage_id_passage"),
            ("pk_assessment_evidence", "pk_judgement_evidence"),
        ],
        "coding": [
            ("fk_coding_segment_id_segment", "fk_coding_passage_id_passage"),
            ("uq_coding_segment_id_code_id", "uq_coding_passage_id_code_id"),
        ],
    }
    for table, pairs in constraints.items():
        for old, new in pairs:
            op.execute(f"ALTER TABLE {table} RENAME CONSTRAINT {old} TO {new}")
    op.execute("ALTER INDEX ix_assessment_evidence_segment_id RENAME TO ix_judgement_evidence_passage_id")
    for old, new in _RENAMED.items():
        op.execute(f"ALTER SEQUENCE IF EXISTS {old}_id_seq RENAME TO {new}_id_seq")
    op.execute(
        "CREATE FUNCTION drop_orphan_passage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "IF NOT EXISTS (SELECT 1 FROM coding WHERE passage_id = OLD.passage_id) THEN "
        "DELETE FROM passage WHERE id = OLD.passage_id; END IF; RETURN NULL; END $$"
    )
    op.execute(
        "CREATE TRIGGER trg_coding_drop_orphan_passage AFTER DELETE ON coding "
        "FOR EACH ROW EXECUTE FUNCTION drop_orphan_passage()"
    )


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _upgrade_sqlite()
    else:
        _upgrade_renaming()


def downgrade() -> None:
    raise NotImplementedError("Codewerk migrations go forward only; a backup is made before every upgrade")
