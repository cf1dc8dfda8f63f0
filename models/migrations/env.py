"""Alembic environment: always run on a connection handed over by models.database."""

from __future__ import annotations

from alembic import context

from models.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Codewerk migrations run through models.database.upgrade(), not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
