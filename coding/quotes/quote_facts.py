"""What a lazy quote list needs of every coding it lists without building its quote: where the
coding is (document, start, end), its code and coder; and, read only when asked, the passage's
text and the memo (filtering by text, sorting by those columns)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.core.ids import CodingId
from coding.core.plain_rows import plain_rows
from coding.core.store import Store
from models import Coder, Coding, Passage

#: One coding's facts: (coding, document, code, start, end, coder id); the positions of its fields.
FactRow = tuple[int, int, int, int, int, int]
ID, DOCUMENT, CODE, START, END, CODER = range(6)


@dataclass(frozen=True)
class QuoteFacts:
    """Per coding id its :data:`FactRow`, and the coders' names by id."""

    rows: Mapping[CodingId, FactRow]
    coder_names: Mapping[int, str]

    def coder(self, coding_id: CodingId) -> str | None:
        row = self.rows.get(coding_id)
        return self.coder_names.get(row[CODER]) if row is not None else None


def read_facts(store: Store, code_ids: Sequence[int] | None) -> QuoteFacts:
    """The facts of the codings of these codes (None: of every coding): one read, no row objects."""
    statement = select(
        Coding.id, Passage.document_id, Coding.code_id, Passage.start, Passage.end, Coding.coder_id
    ).join(Passage, Passage.id == Coding.passage_id)
    if code_ids is not None:
        statement = statement.where(Coding.code_id.in_(code_ids))
    with store.read() as session:
        rows = plain_rows(session, statement)
        names = dict(plain_rows(session, select(Coder.id, Coder.name)))
    return QuoteFacts({CodingId(row[ID]): row for row in rows}, names)


def read_texts(store: Store, code_ids: Sequence[int] | None) -> dict[CodingId, tuple[str, str]]:
    """The passage text and memo of the codings of these codes (None: of every coding)."""
    statement = select(Coding.id, Passage.text, Coding.memo).join(Passage, Passage.id == Coding.passage_id)
    if code_ids is not None:
        statement = statement.where(Coding.code_id.in_(code_ids))
    with store.read() as session:
        rows = plain_rows(session, statement)
    return {CodingId(coding): (text, memo) for coding, text, memo in rows}


def read_coders(store: Store, code_ids: Sequence[int] | None) -> list[str]:
    """The names of the coders with a coding of these codes (None: with any coding)."""
    holds = select(Coding.id).where(Coding.coder_id == Coder.id)
    if code_ids is not None:
        holds = holds.where(Coding.code_id.in_(code_ids))
    with store.read() as session:
        return [row[0] for row in plain_rows(session, select(Coder.name).where(holds.exists()))]
