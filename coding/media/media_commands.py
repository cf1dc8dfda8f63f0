"""Commands on recordings: attach one to a document (or replace it), relink, detach. Each undoable."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from coding.core.errors import NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.undo.command import Command, Writer
from models import Document, Media


@dataclass(frozen=True)
class NewMedia:
    """A checked recording, as the project stores it."""

    path: str
    kind: str
    sha256: str
    size: int


class AttachMedia(Command):
    """Give a document its recording; a recording it had is replaced."""

    def __init__(self, document_id: DocumentId, media: NewMedia, *, text: str | None = None) -> None:
        super().__init__()
        self.document_id = document_id
        self.media = media
        self.text = text or marked("Attach recording")

    def plan(self, writer: Writer) -> None:
        exists = writer.session.execute(
            select(Document.id).where(Document.id == self.document_id)
        ).scalar_one_or_none()
        if exists is None:
            raise NotFoundError(say("document {document_id} does not exist", document_id=self.document_id))
        values = {
            "path": self.media.path,
            "kind": self.media.kind,
            "sha256": self.media.sha256,
            "size": self.media.size,
        }
        current = writer.session.get(Media, self.document_id)
        if current is None:
            writer.insert(Media, {"document_id": self.document_id, **values})
        else:
            writer.update(Media, {"document_id": self.document_id}, values)
        writer.touch(self.document_id)


class DetachMedia(Command):
    """Forget a document's recording (the file itself stays where it is)."""

    text = marked("Detach recording")

    def __init__(self, document_id: DocumentId) -> None:
        super().__init__()
        self.document_id = document_id

    def plan(self, writer: Writer) -> None:
        if writer.session.get(Media, self.document_id) is None:
            raise NotFoundError(say("document {document_id} has no recording", document_id=self.document_id))
        writer.delete(Media, "document_id", [self.document_id])
        writer.touch(self.document_id)
