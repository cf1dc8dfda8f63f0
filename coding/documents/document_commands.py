"""Commands on documents: add (import), replace text, rename, delete, set and rename attributes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coding.core.attributes import SAME_AS, attribute_key, clean_attributes
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.parsed import EncodedText, ParsedPage, ParsedTurn, plain
from coding.core.text import fold, normalise_text
from coding.core.text_remap import Span, remap_spans
from coding.undo.command import Command, Writer
from models import Code, Coding, Document, DocumentAttribute, Page, Passage, Suggestion, Turn


def document_text(writer: Writer, document_id: DocumentId) -> str:
    text = writer.session.execute(
        select(Document.text).where(Document.id == document_id)
    ).scalar_one_or_none()
    if text is None:
        raise NotFoundError(say("document {document_id} does not exist", document_id=document_id))
    return text


@dataclass(frozen=True)
class NewDocument:
    """Everything an import knows about one document before it is stored. A long text read from a
    file comes as an :class:`EncodedText` (its UTF-8 bytes, normalised by its reader)."""

    name: str
    text: str | EncodedText
    source_format: str
    original_filename: str | None = None
    sha256: str | None = None
    encoding: str | None = None
    attributes: Mapping[str, str] | None = None
    turns: Sequence[ParsedTurn] = ()
    pages: Sequence[ParsedPage] = ()


def check_document_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInputError(say("a document needs a name"))
    if len(cleaned) > 255:
        raise InvalidInputError(say("a document name can have at most 255 characters"))
    return cleaned


def name_taken(writer: Writer, name: str, exclude: int | None = None) -> bool:
    key = fold(name)
    return any(
        fold(existing) == key
        for doc_id, existing in writer.session.execute(select(Document.id, Document.name))
        if doc_id != exclude
    )


#: A row to give a new span: its id, its span now, its new span, and other values to write with it.
SpanMove = tuple[int, Span, Span, Mapping[str, Any]]


def move_spans(writer: Writer, table: type[Passage] | type[Suggestion], moves: Sequence[SpanMove]) -> None:
    """Give rows of ``table`` new spans without two rows of a document ever sharing a span on the way
    (``UNIQUE(document_id, start, end)``): rows moving right go first, the last one first, then rows
    moving left, the first one first. The new spans must keep the order of the old ones and differ."""
    right = sorted((m for m in moves if m[2] > m[1]), key=lambda m: m[1], reverse=True)
    left = sorted((m for m in moves if m[2] <= m[1]), key=lambda m: m[1])
    for row_id, _old, (start, end), values in right + left:
        writer.update(table, row_id, {"start": start, "end": end, **values})


def insert_turns(writer: Writer, document_id: int, turns: Sequence[ParsedTurn]) -> None:
    writer.insert_many(
        Turn,
        (
            {
                "document_id": document_id,
                "speaker": t.speaker,
                "start": t.start,
                "end": t.end,
                "body_start": t.body_start,
                "timestamp": t.timestamp,
            }
            for t in turns
        ),
    )


def _insert_structure(
    writer: Writer, document_id: int, turns: Sequence[ParsedTurn], pages: Sequence[ParsedPage]
) -> None:
    insert_turns(writer, document_id, turns)
    writer.insert_many(
        Page,
        ({"document_id": document_id, "number": p.number, "start": p.start, "end": p.end} for p in pages),
    )


class AddDocument(Command):
    def __init__(self, document: NewDocument) -> None:
        super().__init__()
        self.document = document
        self.text = say("Import {file}", file=document.name)

    def plan(self, writer: Writer) -> DocumentId:
        doc = self.document
        name = check_document_name(doc.name)
        if name_taken(writer, name):
            raise InvalidInputError(say("a document named '{name}' already exists", name=name))
        if isinstance(doc.text, EncodedText):  # stored as its bytes; the undo record holds them, too
            text: str | bytes = doc.text.utf8
            length = doc.text.length
        else:
            text = normalise_text(doc.text)
            if text != doc.text:
                raise InvalidInputError(say("document text must be normalised (NFC, \\n line endings)"))
            length = len(text)
        position = writer.session.execute(select(func.coalesce(func.max(Document.position), -1))).scalar_one()
        document_id = writer.insert(
            Document,
            {
                "name": name,
                "text": text,
                "length": length,
                "source_format": doc.source_format,
                "original_filename": doc.original_filename,
                "sha256": doc.sha256,
                "encoding": doc.encoding,
                "position": int(position) + 1,
            },
        )
        writer.insert_many(
            DocumentAttribute,
            (
                {"document_id": document_id, "key": k, "value": v, "position": place}
                for place, (k, v) in enumerate(
                    project_names(writer, clean_attributes(doc.attributes)).items()
                )
            ),
        )
        _insert_structure(writer, document_id, doc.turns, doc.pages)
        writer.touch(DocumentId(document_id))
        return DocumentId(document_id)


def stored_attributes(session: Session, document_id: int) -> dict[str, str]:
    """The attributes of one document as they are stored (key → value)."""
    return {
        key: value
        for key, value in session.execute(
            select(DocumentAttribute.key, DocumentAttribute.value).where(
                DocumentAttribute.document_id == document_id
            )
        )
    }


def next_attribute_place(session: Session, document_id: int) -> int:
    """The position after a document's last attribute (a new one is listed after the others)."""
    last = session.execute(
        select(func.max(DocumentAttribute.position)).where(DocumentAttribute.document_id == document_id)
    ).scalar_one()
    return 0 if last is None else int(last) + 1


def _keys_used(writer: Writer, keys: set[str]) -> set[str]:
    """Which of ``keys`` some document of the project has: one indexed read (the key leads
    ``ix_document_attribute_key_value``)."""
    if not keys:
        return set()
    found = select(DocumentAttribute.key).where(DocumentAttribute.key.in_(sorted(keys))).distinct()
    return set(writer.session.execute(found).scalars())


def project_names(writer: Writer, values: Mapping[str, str]) -> dict[str, str]:
    """``values`` with each known attribute under the name the project already gives it: ``regio`` typed
    (or read from a Dutch sheet) in a project whose documents have ``region`` is stored as ``region``, and
    the other way round, so a document is not left out of the grouping by region under a second "Regio".
    The names in question are read once (it read up to three single keys per known attribute)."""
    names_of = {
        key: next((names for names in SAME_AS.values() if key in names), (key,))
        for key, value in values.items()
        if value
    }
    used = _keys_used(writer, {name for names in names_of.values() if len(names) > 1 for name in names})
    out: dict[str, str] = {}
    for key, value in values.items():
        names = names_of.get(key, (key,))
        if len(names) > 1 and key not in used:
            other = next((name for name in names if name != key and name in used), None)
            if other is not None and other not in values:
                key = other
        out[key] = value
    return out


def write_attributes(writer: Writer, document_id: int, values: Mapping[str, str]) -> None:
    """Set attributes of one document; an empty value removes the attribute. A known attribute goes
    under the name the project already uses for it (:func:`project_names`)."""
    current = stored_attributes(writer.session, document_id)
    place: int | None = None
    for key, value in project_names(writer, values).items():
        pk = {"document_id": document_id, "key": key}
        if not value:
            if key in current:
                writer.delete_row(DocumentAttribute, pk)
        elif key not in current:
            place = next_attribute_place(writer.session, document_id) if place is None else place + 1
            writer.insert(DocumentAttribute, {**pk, "value": value, "position": place})
        elif current[key] != value:
            writer.update(DocumentAttribute, pk, {"value": value})


def _require_document(writer: Writer, document_id: DocumentId) -> str:
    name = writer.session.execute(
        select(Document.name).where(Document.id == document_id)
    ).scalar_one_or_none()
    if name is None:
        raise NotFoundError(say("document {document_id} does not exist", document_id=document_id))
    return name


class RenameDocument(Command):
    text = marked("Rename document")

    def __init__(self, document_id: DocumentId, name: str) -> None:
        super().__init__()
        self.document_id = document_id
        self.name = check_document_name(name)

    def plan(self, writer: Writer) -> None:
        _require_document(writer, self.document_id)
        if name_taken(writer, self.name, exclude=self.document_id):
            raise InvalidInputError(say("a document named '{name}' already exists", name=self.name))
        writer.update(Document, self.document_id, {"name": self.name})
        writer.touch(self.document_id)


class DeleteDocument(Command):
    """Delete a document; the schema cascades to its attributes, turns, passages and codings."""

    def __init__(self, document_id: DocumentId) -> None:
        super().__init__()
        self.document_id = document_id
        self.text = marked("Delete document")

    def plan(self, writer: Writer) -> None:
        name = _require_document(writer, self.document_id)
        self.text = say("Delete document {name}", name=name)
        writer.delete(Document, "id", [self.document_id])
        writer.touch(self.document_id)


class SetAttributes(Command):
    """Set (or, with an empty value, remove) attributes of one or more documents."""

    text = marked("Set attributes")

    def __init__(self, document_ids: Sequence[DocumentId], values: Mapping[str, str | None]) -> None:
        super().__init__()
        self.document_ids = list(document_ids)
        self.values = {
            attribute_key(k): (" ".join(str(v).split()) if v is not None else "") for k, v in values.items()
        }

    def plan(self, writer: Writer) -> None:
        for document_id in self.document_ids:
            _require_document(writer, document_id)
            write_attributes(writer, document_id, self.values)
            writer.touch(document_id)


class RenameAttribute(Command):
    """Rename one document's attribute in its place among the others (renaming was removing it and
    adding it again: the renamed attribute moved to the end of the list). A known attribute goes under
    the name the project already uses for it (:func:`project_names`)."""

    text = marked("Rename attribute")

    def __init__(self, document_id: DocumentId, key: str, new_key: str) -> None:
        super().__init__()
        self.document_id = document_id
        self.key = attribute_key(key)
        self.new_key = attribute_key(new_key)

    def plan(self, writer: Writer) -> None:
        _require_document(writer, self.document_id)
        old = writer.session.execute(
            select(DocumentAttribute.value, DocumentAttribute.position).where(
                DocumentAttribute.document_id == self.document_id, DocumentAttribute.key == self.key
            )
        ).one_or_none()
        if old is None:
            raise NotFoundError(say("the document has no attribute '{key}'", key=self.key))
        if self.new_key == self.key:
            return
        # as a removal of the old name and the value under the new one: region renamed regio stays regio
        new_key = list(project_names(writer, {self.key: "", self.new_key: old.value}))[-1]
        if new_key in stored_attributes(writer.session, self.document_id):
            raise InvalidInputError(say("this document already has the attribute '{key}'", key=new_key))
        writer.delete_row(DocumentAttribute, {"document_id": self.document_id, "key": self.key})
        writer.insert(
            DocumentAttribute,
            {"document_id": self.document_id, "key": new_key, "value": old.value, "position": old.position},
        )
        writer.touch(self.document_id)


@dataclass(frozen=True)
class LostPassage:
    """A coded passage that could not be kept when a document's text was replaced."""

    start: int
    end: int
    text: str
    codes: tuple[str, ...]


class ReplaceDocumentText(Command):
    """Replace a document's text (a corrected transcript), keeping every coding whose passage is unchanged.

    Passages are re-anchored through a diff of old and new text, not by searching their text;
    the ones whose text changed are removed and listed in :attr:`result`.
    """

    def __init__(self, document_id: DocumentId, document: NewDocument) -> None:
        super().__init__()
        self.document_id = document_id
        self.document = document
        self.text = say("Replace text of {name}", name=document.name)

    def plan(self, writer: Writer) -> list[LostPassage]:
        session = writer.session
        old_text = document_text(writer, self.document_id)
        new_text = plain(self.document.text)
        if normalise_text(new_text) != new_text:
            raise InvalidInputError(say("document text must be normalised (NFC, \\n line endings)"))
        passages = session.execute(
            select(Passage.id, Passage.start, Passage.end, Passage.text).where(
                Passage.document_id == self.document_id
            )
        ).all()
        mapped = remap_spans(old_text, new_text, [(s.start, s.end) for s in passages])
        lost: list[LostPassage] = []
        moves: list[SpanMove] = []
        for passage, span in zip(passages, mapped, strict=True):
            if span is None or span[0] >= span[1] or new_text[span[0] : span[1]] != passage.text:
                codes = session.execute(
                    select(Code.name)
                    .join(Coding, Coding.code_id == Code.id)
                    .where(Coding.passage_id == passage.id)
                ).scalars()
                lost.append(LostPassage(passage.start, passage.end, passage.text, tuple(codes)))
                writer.delete(Passage, "id", [passage.id])
            elif span != (passage.start, passage.end):
                moves.append((passage.id, (passage.start, passage.end), span, {}))
        move_spans(writer, Passage, moves)  # the mapping keeps the order of passages
        doc = self.document
        writer.update(
            Document,
            self.document_id,
            {
                "text": new_text,
                "length": len(new_text),
                "source_format": doc.source_format,
                "original_filename": doc.original_filename,
                "sha256": doc.sha256,
                "encoding": doc.encoding,
            },
        )
        writer.delete(Turn, "document_id", [self.document_id])
        writer.delete(Page, "document_id", [self.document_id])
        _insert_structure(writer, self.document_id, doc.turns, doc.pages)
        write_attributes(writer, self.document_id, clean_attributes(doc.attributes))
        writer.touch(self.document_id)
        return lost
