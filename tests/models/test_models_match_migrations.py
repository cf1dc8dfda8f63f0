"""The migrations build exactly the schema the models describe (nothing forgotten in either)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from coding import Project
from models import Base


def test_no_difference_between_models_and_migrated_database(project: Project) -> None:
    with project.store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True, "render_as_batch": True})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_orphan_passage_trigger_exists(project: Project) -> None:
    with project.store.engine.connect() as connection:
        triggers = (
            connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            .scalars()
            .all()
        )
    assert "trg_coding_drop_orphan_passage" in triggers
