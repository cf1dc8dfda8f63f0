"""Code sets: named groups of codes across the tree, e.g. "factors of the network" (REFI-QDA ``Set``)."""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from coding.codebook.code_set_commands import (
    AddToCodeSet,
    CreateCodeSet,
    DeleteCodeSet,
    RemoveFromCodeSet,
    UpdateCodeSet,
)
from coding.core.context import CodeRef, ProjectContext
from coding.core.errors import AmbiguousError, NotFoundError
from coding.core.i18n import text
from coding.core.ids import CodeId, CodeSetId
from coding.core.records import CodeSetInfo
from coding.core.text import fold
from models import CodeSet, CodeSetMember

CodeSetRef = CodeSetId | int | str | CodeSetInfo


class CodeSetService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context
        self._store = context.store

    def list(self) -> list[CodeSetInfo]:
        order = self._context.resolve.code_tree().order()
        with self._store.read() as session:
            members: dict[int, list[CodeId]] = defaultdict(list)
            for set_id, code_id in session.execute(select(CodeSetMember.set_id, CodeSetMember.code_id)):
                members[set_id].append(CodeId(code_id))
            rows = session.execute(select(CodeSet).order_by(CodeSet.position, CodeSet.id)).scalars().all()
            return [
                CodeSetInfo(
                    CodeSetId(row.id),
                    row.guid,
                    row.name,
                    row.description,
                    row.position,
                    tuple(sorted(members.get(row.id, []), key=lambda c: order.get(c, 0))),
                )
                for row in rows
            ]

    def get(self, ref: CodeSetRef) -> CodeSetInfo:
        set_id = self.id_of(ref)
        for info in self.list():
            if info.id == set_id:
                return info
        raise NotFoundError(text("code set {set_id} does not exist", set_id=set_id))

    def id_of(self, ref: CodeSetRef) -> CodeSetId:
        if isinstance(ref, CodeSetInfo):
            return ref.id
        if isinstance(ref, int):
            return CodeSetId(ref)
        matches = [s for s in self.list() if fold(s.name) == fold(ref)]
        if not matches:
            raise NotFoundError(text("unknown code set '{ref}'", ref=ref))
        if len(matches) > 1:
            raise AmbiguousError(text("code set '{ref}' is ambiguous", ref=ref))
        return matches[0].id

    def _codes(self, codes: Sequence[CodeRef]) -> builtins.list[CodeId]:
        return [self._context.resolve.code(c) for c in codes]

    def create(self, name: str, codes: Sequence[CodeRef] = (), *, description: str = "") -> CodeSetInfo:
        set_id = self._context.execute(CreateCodeSet(name, description, self._codes(codes)))
        return self.get(set_id)

    def update(
        self, ref: CodeSetRef, *, name: str | None = None, description: str | None = None
    ) -> CodeSetInfo:
        set_id = self.id_of(ref)
        self._context.execute(UpdateCodeSet(set_id, name=name, description=description))
        return self.get(set_id)

    def delete(self, ref: CodeSetRef) -> None:
        self._context.execute(DeleteCodeSet(self.id_of(ref)))

    def add(self, ref: CodeSetRef, codes: Sequence[CodeRef]) -> CodeSetInfo:
        set_id = self.id_of(ref)
        self._context.execute(AddToCodeSet(set_id, self._codes(codes)))
        return self.get(set_id)

    def remove(self, ref: CodeSetRef, codes: Sequence[CodeRef]) -> CodeSetInfo:
        set_id = self.id_of(ref)
        self._context.execute(RemoveFromCodeSet(set_id, self._codes(codes)))
        return self.get(set_id)
