"""Commands of memos: on the project, on a document or on a code."""

from __future__ import annotations

from coding.core.coder_rows import ensure_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, DocumentId, MemoId
from coding.undo.command import Command, Writer
from models import Memo
from models.clock import utcnow


class SaveMemo(Command):
    """Create a memo (on the project, a document or a code) or change an existing one."""

    def __init__(
        self,
        text: str,
        *,
        coder: str,
        title: str = "",
        memo_id: MemoId | None = None,
        document_id: DocumentId | None = None,
        code_id: CodeId | None = None,
    ) -> None:
        super().__init__()
        if document_id is not None and code_id is not None:
            raise InvalidInputError(say("a memo belongs to the project, one document or one code"))
        self.body = text
        self.title = title.strip()
        self.coder = coder
        self.memo_id = memo_id
        self.document_id = document_id
        self.code_id = code_id
        self.text = marked("Edit memo") if memo_id is not None else marked("Write memo")

    def plan(self, writer: Writer) -> MemoId:
        if self.memo_id is not None:
            if writer.session.get(Memo, self.memo_id) is None:
                raise NotFoundError(say("memo {memo_id} does not exist", memo_id=self.memo_id))
            writer.update(
                Memo, self.memo_id, {"text": self.body, "title": self.title, "updated_at": utcnow()}
            )
            return self.memo_id
        if self.document_id is not None:
            writer.touch(self.document_id)
        coder_id = ensure_coder(writer, self.coder)
        return MemoId(
            writer.insert(
                Memo,
                {
                    "document_id": self.document_id,
                    "code_id": self.code_id,
                    "coder_id": coder_id,
                    "title": self.title,
                    "text": self.body,
                },
            )
        )


class DeleteMemo(Command):
    text = marked("Delete memo")

    def __init__(self, memo_id: MemoId) -> None:
        super().__init__()
        self.memo_id = memo_id

    def plan(self, writer: Writer) -> None:
        if writer.session.get(Memo, self.memo_id) is None:
            raise NotFoundError(say("memo {memo_id} does not exist", memo_id=self.memo_id))
        writer.delete(Memo, "id", [self.memo_id])
