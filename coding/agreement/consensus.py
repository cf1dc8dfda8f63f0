"""Resolving a disagreement into the consensus layer: keep A's codes, B's, both or neither.

The consensus layer is the codings of the coder ``consensus``. Resolving a unit replaces the
consensus codings of the disputed codes on that unit by the kept ones, as one undoable step;
the two coders' own layers are never changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select

from coding.core.coder_rows import CONSENSUS, find_coder
from coding.core.errors import InvalidInputError
from coding.core.i18n import marked, text
from coding.core.ids import CodeId, DocumentId
from coding.passages.bulk_coding import ApplyCodings, CodingRequest
from coding.undo.command import Command, Writer
from models import Coding, Passage

#: What a resolution keeps: coder A's codes, coder B's, both coders' or none.
KEEP_CHOICES = ("a", "b", "both", "neither")


def kept_codes(keep: str, codes_a: Iterable[CodeId], codes_b: Iterable[CodeId]) -> tuple[CodeId, ...]:
    a, b = tuple(codes_a), tuple(codes_b)
    if keep == "a":
        return a
    if keep == "b":
        return b
    if keep == "both":
        return tuple(dict.fromkeys(a + b))
    if keep == "neither":
        return ()
    raise InvalidInputError(
        text("'{keep}' is not one of {KEEP_CHOICES}", keep=keep, KEEP_CHOICES=", ".join(KEEP_CHOICES))
    )


class ResolveDisagreement(Command):
    """Put ``keep`` on ``document.text[start:end]`` in the consensus layer, replacing the consensus
    codings of ``disputed`` codes that overlap the unit."""

    def __init__(
        self,
        document_id: DocumentId,
        start: int,
        end: int,
        disputed: Iterable[CodeId],
        keep: Iterable[CodeId],
        choice: str,
    ) -> None:
        super().__init__()
        self.document_id = document_id
        self.span = (start, end)
        self.disputed = tuple(disputed)
        self.keep = tuple(keep)
        self.text = text(
            {
                "a": marked("Resolve disagreement (keep A)"),
                "b": marked("Resolve disagreement (keep B)"),
                "both": marked("Resolve disagreement (keep both)"),
            }.get(choice, marked("Resolve disagreement (keep neither)"))
        )

    def plan(self, writer: Writer) -> None:
        start, end = self.span
        consensus = find_coder(writer.session, CONSENSUS)
        if consensus is not None:
            earlier = writer.session.execute(
                select(Coding.id)
                .join(Passage, Passage.id == Coding.passage_id)
                .where(
                    Passage.document_id == self.document_id,
                    Passage.start < end,
                    Passage.end > start,
                    Coding.coder_id == consensus,
                    Coding.code_id.in_(self.disputed),
                )
            ).scalars()
            writer.delete(Coding, "id", list(earlier))
        requests = [CodingRequest(self.document_id, code, start, end) for code in self.keep]
        ApplyCodings(requests, coder=CONSENSUS, skip_existing=True).plan(writer)
        writer.touch(self.document_id)
