"""Memos on the project, on documents and on codes."""

from __future__ import annotations

from sqlalchemy import select

from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.ids import CodeId, DocumentId, MemoId
from coding.core.records import MemoInfo
from coding.memos.memo_commands import DeleteMemo, SaveMemo
from models import Coder, Memo


class MemoService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context
        self._store = context.store

    def list(self, *, document: DocumentRef | None = None, code: CodeRef | None = None) -> list[MemoInfo]:
        """Memos of a document, of a code, or (with neither) all memos."""
        statement = select(Memo, Coder.name).outerjoin(Coder, Coder.id == Memo.coder_id).order_by(Memo.id)
        if document is not None:
            statement = statement.where(Memo.document_id == self._context.resolve.document(document))
        if code is not None:
            statement = statement.where(Memo.code_id == self._context.resolve.code(code))
        with self._store.read() as session:
            return [
                MemoInfo(
                    MemoId(m.id),
                    DocumentId(m.document_id) if m.document_id is not None else None,
                    CodeId(m.code_id) if m.code_id is not None else None,
                    m.title,
                    m.text,
                    coder,
                    m.created_at,
                    m.updated_at,
                )
                for m, coder in session.execute(statement).all()
            ]

    def write(
        self,
        text: str,
        *,
        title: str = "",
        document: DocumentRef | None = None,
        code: CodeRef | None = None,
        memo_id: MemoId | None = None,
    ) -> MemoId:
        """Write a new memo, or change memo ``memo_id``."""
        command = SaveMemo(
            text,
            title=title,
            coder=self._context.coder(),
            memo_id=memo_id,
            document_id=self._context.resolve.document(document) if document is not None else None,
            code_id=self._context.resolve.code(code) if code is not None else None,
        )
        result: MemoId = self._context.execute(command)
        return result

    def delete(self, memo_id: MemoId) -> None:
        self._context.execute(DeleteMemo(memo_id))
