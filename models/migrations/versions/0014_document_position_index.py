"""An index on the documents' order (issue 19): the quote list orders 200,000 codings by their
document's position, and a document's row holds its whole text, so reading the position from the
row meant reading overflow pages; the index answers it (and ``documents.order()``) on its own.

Revision ID: 0014
Revises: 0013
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_document_position", "document", ["position", "id"])


def downgrade() -> None:
    op.drop_index("ix_document_position", table_name="document")
