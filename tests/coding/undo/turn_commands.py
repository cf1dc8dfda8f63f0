"""A test command that inserts ``count`` turns (speakers ``S0``, ``S1`` …) in one document with the Writer's
bulk insert, for the undo record's tests."""

from __future__ import annotations

from typing import Any

from coding.core.ids import DocumentId
from coding.undo.command import Command, Writer
from models import Turn


class AddTurns(Command):
    text = "Add turns"

    def __init__(self, document_id: DocumentId, count: int) -> None:
        super().__init__()
        self.document_id, self.count = document_id, count

    def plan(self, writer: Writer) -> list[dict[str, Any]]:
        rows = writer.insert_many(
            Turn,
            (
                {
                    "document_id": self.document_id,
                    "speaker": f"S{n}",
                    "start": n,
                    "end": n + 1,
                    "body_start": n,
                }
                for n in range(self.count)
            ),
        )
        writer.touch(self.document_id)
        return rows
