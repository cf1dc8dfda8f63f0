"""Commands on speakers: change the speaker rules and re-derive the turns of documents, undoably."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from coding.core.ids import DocumentId
from coding.core.parsed import ParsedTurn
from coding.documents.document_commands import insert_turns
from coding.speakers.speaker_settings import read_speaker_rules
from coding.speakers.speakers import SpeakerRules
from coding.undo.command import Command, Writer
from models import Document, Setting, Turn


def write_setting(writer: Writer, key: str, value: Any) -> None:
    """Set (or with ``None`` remove) one project setting as an undoable step."""
    current = writer.session.execute(select(Setting.value).where(Setting.key == key)).one_or_none()
    if value is None:
        if current is not None:
            writer.delete_row(Setting, {"key": key})
    elif current is None:
        writer.insert_many(Setting, [{"key": key, "value": value}])
    elif current[0] != value:
        writer.update(Setting, {"key": key}, {"value": value})


@dataclass(frozen=True)
class StoredDocument:
    """What re-deriving turns needs to know of a document."""

    id: DocumentId
    guid: str
    text: str
    source_format: str
    turns: tuple[ParsedTurn, ...]


def stored_documents(writer: Writer, document_ids: Sequence[DocumentId] | None) -> list[StoredDocument]:
    session = writer.session
    statement = select(Document.id, Document.guid, Document.text, Document.source_format).order_by(
        Document.position, Document.id
    )
    turn_statement = select(Turn).order_by(Turn.document_id, Turn.start)
    if document_ids is not None:
        statement = statement.where(Document.id.in_(document_ids))
        turn_statement = turn_statement.where(Turn.document_id.in_(document_ids))
    turns: dict[int, list[ParsedTurn]] = defaultdict(list)
    for turn in session.execute(turn_statement).scalars():
        turns[turn.document_id].append(
            ParsedTurn(turn.speaker, turn.start, turn.end, turn.body_start, turn.timestamp)
        )
    return [
        StoredDocument(DocumentId(row.id), row.guid, row.text, row.source_format, tuple(turns[row.id]))
        for row in session.execute(statement)
    ]


def replace_turns(writer: Writer, document_id: DocumentId, turns: Sequence[ParsedTurn]) -> None:
    writer.delete(Turn, "document_id", [document_id])
    insert_turns(writer, document_id, turns)
    writer.touch(document_id)


#: Gets the current rules and every document's turns as detected (labels as written);
#: returns the new rules. Raises InvalidInputError to refuse.
RulesEdit = Callable[[SpeakerRules, Mapping[DocumentId, tuple[str, tuple[ParsedTurn, ...]]]], SpeakerRules]


class ChangeSpeakers(Command):
    """Change the speaker rules and bring the turns of documents in line with them, as one action.

    ``edit`` turns the current rules into the new ones (it sees every document's detected turns,
    labels as written, keyed by id, with the document's guid). When ``rederive`` is true the turns of
    ``documents`` (all documents when ``None``) are derived again from their text; a document's
    turns are rewritten only if they change. The result is the ids of the documents whose turns
    changed.
    """

    def __init__(
        self,
        text: str,
        edit: RulesEdit,
        *,
        rederive: bool = True,
        documents: Sequence[DocumentId] | None = None,
    ) -> None:
        super().__init__()
        self.text = text
        self.edit = edit
        self.rederive = rederive
        self.documents = None if documents is None else list(documents)

    def plan(self, writer: Writer) -> list[DocumentId]:
        current = read_speaker_rules(writer.session)
        docs = stored_documents(writer, self.documents) if self.rederive else []
        detected = {d.id: (d.guid, current.detect(d.text, d.source_format, d.turns)) for d in docs}
        rules = self.edit(current, detected)
        for key, value in rules.settings().items():
            write_setting(writer, key, value)
        changed: list[DocumentId] = []
        for doc in docs:
            raw = detected[doc.id][1]
            if rules.patterns != current.patterns:
                raw = rules.detect(doc.text, doc.source_format, doc.turns)
            turns = rules.refine(raw, doc.guid)
            if turns != doc.turns:
                replace_turns(writer, doc.id, turns)
                changed.append(doc.id)
        return changed
