"""Memos on the project, on documents and on codes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from coding.codebook.code_service import CodeRef
from coding.core.ids import CodeId, DocumentId, MemoId
from coding.core.records import MemoInfo
from coding.documents.document_service import DocumentRef
from coding.memos.memo_commands import DeleteMemo, SaveMemo
from models import Coder, Memo

if TYPE_CHECKING:
    from coding.project import Project


class MemoService:
    def __init__(self, project: Project) -> None:
        self._project = project
        self._store = project.store

    def list(self, *, document: DocumentRef | None = None, code: CodeRef | None = None) -> list[MemoInfo]:
        """Memos of a document, of a code, or (with neither) all memos."""
        statement = select(Memo, Coder.name).outerjoin(Coder, Coder.id == Memo.coder_id).order_by(Memo.id)
        if document is not None:
            statement = statement.where(Memo.document_id == self._project.documents.id_of(document))
        if code is not None:
            statement = statement.where(Memo.code_id == self._project.codes.id_of(code))
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
            coder=self._project.coder,
            memo_id=memo_id,
            document_id=self._project.documents.id_of(document) if document is not None else None,
            code_id=self._project.codes.id_of(code) if code is not None else None,
        )
        result: MemoId = self._project.execute(command)
        return result

    def delete(self, memo_id: MemoId) -> None:
        self._project.execute(DeleteMemo(memo_id))
