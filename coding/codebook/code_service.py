"""Reading and changing the code tree."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from sqlalchemy import Select, bindparam, func, select

from coding.codebook.code_colours import next_colour
from coding.codebook.code_commands import (
    CreateCode,
    DeleteCode,
    LoadCodebook,
    MergeCodes,
    MoveCode,
    UpdateCode,
)
from coding.codebook.code_resolver import resolve_code
from coding.codebook.codebook_file import CodebookSpec, read_codebook
from coding.core.changes import Coded
from coding.core.context import CodeRef, Execute
from coding.core.counting import passage_count_delta, passages_per_subtree
from coding.core.errors import NotFoundError
from coding.core.i18n import text
from coding.core.ids import CodeId
from coding.core.per_thread import PerThread
from coding.core.plain_rows import plain_rows
from coding.core.records import CodeInfo, CodeTree
from coding.core.store import Store
from models import Code, Coding


@cache
def _codings_on() -> Select[int, int]:
    """The codes on some passages (:meth:`CodeService.count_delta`), built once."""
    return select(Coding.code_id, Coding.passage_id).where(
        Coding.passage_id.in_(bindparam("passages", expanding=True))
    )


class CodeService:
    """The code tree: it also answers the project's resolver for codes (:meth:`id_of`, :meth:`tree`)."""

    def __init__(self, store: Store, execute: Execute) -> None:
        self._store = store
        self._execute = execute
        # per thread: a write in a worker reads its own codes, the window's thread the committed ones
        self._tree: PerThread[CodeTree] = PerThread()
        store.on_snapshot(self._tree.forget_here)  # a snapshot reads the tree of its own moment

    def invalidate(self) -> None:
        self._tree.forget()

    # -- reading -------------------------------------------------------------------------
    def tree(self) -> CodeTree:
        """All codes in codebook order. Cached (per thread) until the codes change."""
        return self._tree.get_or(self._read_tree)

    def _read_tree(self) -> CodeTree:
        with self._store.read() as session:
            rows = session.execute(select(Code)).scalars().all()
            by_id = {row.id: row for row in rows}

            def path(row: Code) -> tuple[str, ...]:
                names = [row.name]
                seen = {row.id}
                while row.parent_id is not None and row.parent_id not in seen:
                    row = by_id[row.parent_id]
                    seen.add(row.id)
                    names.append(row.name)
                return tuple(reversed(names))

            infos = [
                CodeInfo(
                    id=CodeId(row.id),
                    parent_id=CodeId(row.parent_id) if row.parent_id is not None else None,
                    name=row.name,
                    label=row.label,
                    path=path(row),
                    description=row.description,
                    colour=row.colour,
                    question=row.question,
                    kind=row.kind,
                    category=row.category,
                    scale=tuple(row.scale) if row.scale is not None else None,
                    search_terms=tuple(row.search_terms or ()),
                    inductive=row.inductive,
                    position=row.position,
                    guid=row.guid,
                    codable=row.codable,
                    guide_question=row.guide_question or "",
                    guide_prompts=tuple(row.guide_prompts or ()),
                )
                for row in rows
            ]
        return CodeTree.build(infos)

    def get(self, ref: CodeRef) -> CodeInfo:
        return self.tree().get(self.id_of(ref))

    def id_of(self, ref: CodeRef) -> CodeId:
        if isinstance(ref, CodeInfo):
            return ref.id
        if isinstance(ref, int):
            if ref not in self.tree():
                raise NotFoundError(text("code {ref} does not exist", ref=ref))
            return CodeId(ref)
        return resolve_code(self.tree(), ref).id

    def resolve(self, reference: str) -> CodeInfo:
        """A code by path, unique name or label, or question reference (case/accent-insensitive)."""
        return resolve_code(self.tree(), reference)

    def counts(self, *, include_subcodes: bool = False) -> dict[CodeId, int]:
        """Number of codings per code; with ``include_subcodes`` each code also counts its subtree.

        Both at once from one query: ``direct = counts()`` then ``subtree_totals(direct)``."""
        with self._store.read() as session:
            direct = {
                CodeId(code): int(count)
                for code, count in session.execute(
                    select(Coding.code_id, func.count()).group_by(Coding.code_id)
                )
            }
        return self.subtree_totals(direct) if include_subcodes else direct

    def passage_counts(self) -> dict[CodeId, int]:
        """Coded passages per code with its subcodes, each passage once however many of the
        subtree's codes (or coders) it carries (``coding.core.counting``): what the codebook shows,
        the same number Compare shows as a row's quotes."""
        with self._store.read() as session:  # the (passage, code, coder) index covers this
            pairs = plain_rows(session, select(Coding.code_id, Coding.passage_id))
        return passages_per_subtree(pairs, {code.id: code.parent_id for code in self.tree()})

    def count_delta(self, coded: Sequence[Coded]) -> tuple[dict[CodeId, int], dict[CodeId, int]]:
        """How :meth:`counts` and :meth:`passage_counts` moved by the codings a change added and
        took away (``Change.coding_delta()``): reads the codings of the touched passages only, so
        a view keeps its counts up to date without counting every coding of the project again.
        Codes whose count did not move are left out."""
        direct: Counter[CodeId] = Counter()
        for code, _passage, _document, sign in coded:
            direct[code] += sign
        passages = sorted({passage for _code, passage, _document, _sign in coded})
        with self._store.read() as session:
            now = [
                (CodeId(code), int(passage))
                for chunk in (passages[i : i + 900] for i in range(0, len(passages), 900))
                for code, passage in plain_rows(session, _codings_on(), {"passages": chunk})
            ]
        parents = {code.id: code.parent_id for code in self.tree()}
        totals = passage_count_delta(now, [(c, p, s) for c, p, _d, s in coded], parents)
        return {code: moved for code, moved in direct.items() if moved}, totals

    def subtree_totals(self, direct: Mapping[CodeId, int]) -> dict[CodeId, int]:
        """Each code's codings with those of its subtree, from the direct counts of :meth:`counts`
        (no query)."""
        tree = self.tree()
        totals: dict[CodeId, int] = {}
        for code in reversed(tree.codes):
            totals[code.id] = direct.get(code.id, 0) + sum(totals[c.id] for c in tree.children(code.id))
        return totals

    # -- changing ------------------------------------------------------------------------
    def load_codebook(self, source: str | Path | CodebookSpec) -> list[CodeId]:
        """Add a codebook (built-in name, file, or spec) to the project; all or nothing."""
        spec = source if isinstance(source, CodebookSpec) else read_codebook(source)
        ids: list[CodeId] = self._execute(LoadCodebook(spec))
        return ids

    def create(
        self, name: str, parent: CodeRef | None = None, *, inductive: bool = True, **fields: Any
    ) -> CodeInfo:
        parent_id = self.id_of(parent) if parent is not None else None
        code_id = self._execute(CreateCode(parent_id, name, inductive=inductive, **fields))
        return self.get(code_id)

    def next_colour(self) -> str:
        """The colour a new top-level code gets unless one is chosen: one no code has yet."""
        return next_colour(code.colour for code in self.tree())

    def update(self, ref: CodeRef, **fields: Any) -> CodeInfo:
        code_id = self.id_of(ref)
        self._execute(UpdateCode(code_id, **fields))
        return self.get(code_id)

    def rename(self, ref: CodeRef, name: str) -> CodeInfo:
        return self.update(ref, name=name)

    def move(self, ref: CodeRef, parent: CodeRef | None, position: int | None = None) -> None:
        parent_id = self.id_of(parent) if parent is not None else None
        self._execute(MoveCode(self.id_of(ref), parent_id, position))

    def merge(self, source: CodeRef, target: CodeRef) -> None:
        self._execute(MergeCodes(self.id_of(source), self.id_of(target)))

    def delete(self, ref: CodeRef) -> None:
        self._execute(DeleteCode(self.id_of(ref)))
