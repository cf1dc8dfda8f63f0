"""Commands on the code tree: load a codebook, create, edit, move, merge and delete codes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select

from coding.codebook.code_colours import next_colour
from coding.codebook.codebook_file import COLOUR, CodebookSpec, CodeSpec
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId
from coding.core.text import fold
from coding.undo.command import Command, Writer
from models import Code, CodeSet, CodeSetMember, Coding, Judgement, Memo

EDITABLE_FIELDS = frozenset(
    {
        "name",
        "label",
        "description",
        "colour",
        "question",
        "kind",
        "category",
        "scale",
        "search_terms",
        "codable",
        "guide_question",
        "guide_prompts",
    }
)
_KINDS = ("concept", "dimension", "indicator", "code")


def check_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInputError(say("a code needs a name"))
    if "/" in cleaned:
        raise InvalidInputError(
            say("code name '{cleaned}' cannot contain '/' (it separates code paths)", cleaned=cleaned)
        )
    if len(cleaned) > 200:
        raise InvalidInputError(say("a code name can have at most 200 characters"))
    return cleaned


def _check_fields(values: Mapping[str, Any]) -> dict[str, Any]:
    unknown = set(values) - EDITABLE_FIELDS
    if unknown:
        raise InvalidInputError(say("unknown code field(s): {unknown}", unknown=", ".join(sorted(unknown))))
    out = dict(values)
    if "name" in out:
        out["name"] = check_name(out["name"])
    if "colour" in out:
        if not isinstance(out["colour"], str) or not COLOUR.match(out["colour"]):
            raise InvalidInputError(say("colour '{colour}' is not of the form #RRGGBB", colour=out["colour"]))
        out["colour"] = out["colour"].lower()
    if "codable" in out and not isinstance(out["codable"], bool):
        raise InvalidInputError(say("codable is true or false"))
    if "kind" in out and out["kind"] not in _KINDS:
        raise InvalidInputError(say("kind must be one of {KINDS}", KINDS=", ".join(_KINDS)))
    if "scale" in out and out["scale"] is not None:
        scale = [str(v).strip() for v in out["scale"]]
        if not scale or any(not v for v in scale) or len(set(scale)) != len(scale):
            raise InvalidInputError(say("a scale is a list of distinct, non-empty values"))
        out["scale"] = scale
    if "search_terms" in out:
        out["search_terms"] = [str(t).strip() for t in out["search_terms"] if str(t).strip()]
    if "question" in out:
        out["question"] = (out["question"] or "").strip() or None
    if "guide_question" in out:
        out["guide_question"] = " ".join(str(out["guide_question"] or "").split())
    if "guide_prompts" in out:
        out["guide_prompts"] = [
            " ".join(str(p).split()) for p in out["guide_prompts"] or () if str(p).strip()
        ]
    return out


def _code_row(writer: Writer, code_id: int) -> Any:
    row = writer.session.execute(select(Code).where(Code.id == code_id)).scalar_one_or_none()
    if row is None:
        raise NotFoundError(say("code {code_id} does not exist", code_id=code_id))
    return row


def sibling_codes(
    writer: Writer, parent_id: int | None, exclude: int | None = None
) -> dict[str, tuple[CodeId, str]]:
    """The codes under ``parent_id`` (``None``: the top level) by folded name: ``(id, name)``."""
    query = select(Code.id, Code.name).where(
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    )
    return {fold(name): (CodeId(cid), name) for cid, name in writer.session.execute(query) if cid != exclude}


def _check_name_free(writer: Writer, parent_id: int | None, name: str, exclude: int | None = None) -> None:
    existing = sibling_codes(writer, parent_id, exclude).get(fold(name))
    if existing is not None:
        raise InvalidInputError(
            say("there is already a code '{existing}' at that place", existing=existing[1])
        )


def _next_position(writer: Writer, parent_id: int | None) -> int:
    query = select(func.max(Code.position)).where(
        Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    )
    current = writer.session.execute(query).scalar()
    return 0 if current is None else int(current) + 1


def _descendant_ids(writer: Writer, code_id: int) -> set[int]:
    found: set[int] = set()
    frontier = [code_id]
    while frontier:
        rows = writer.session.execute(select(Code.id).where(Code.parent_id.in_(frontier))).scalars().all()
        frontier = [r for r in rows if r not in found]
        found.update(frontier)
    return found


class LoadCodebook(Command):
    """Add every code of a codebook file to the project (as new top-level codes)."""

    def __init__(self, spec: CodebookSpec) -> None:
        super().__init__()
        self.spec = spec
        self.text = say("Load codebook {codebook}", codebook=spec.id)

    def plan(self, writer: Writer) -> list[CodeId]:
        existing = sibling_codes(writer, None)
        clashes = [c.name for c in self.spec.codes if fold(c.name) in existing]
        if clashes:
            raise InvalidInputError(
                say(
                    "{source}: the project already has a top-level code '{clashes}'",
                    source=self.spec.source,
                    clashes=clashes[0],
                )
            )
        ids: list[CodeId] = []
        self._taken_guids = set(writer.session.execute(select(Code.guid)).scalars())
        self._by_guid: dict[str, int] = {}
        start = _next_position(writer, None)
        for position, spec in enumerate(self.spec.codes, start=start):
            self._insert(writer, spec, None, position, ids)
        self._insert_sets(writer)
        return ids

    def _insert_sets(self, writer: Writer) -> None:
        if not self.spec.sets:
            return
        taken = set(writer.session.execute(select(CodeSet.guid)).scalars())
        position = writer.session.execute(select(func.coalesce(func.max(CodeSet.position), -1))).scalar_one()
        for code_set in self.spec.sets:
            position += 1
            values = {"name": code_set.name, "description": code_set.description, "position": position}
            if code_set.guid and code_set.guid not in taken:
                values["guid"] = code_set.guid
            set_id = writer.insert(CodeSet, values)
            members = dict.fromkeys(self._by_guid[g] for g in code_set.members if g in self._by_guid)
            writer.insert_many(CodeSetMember, ({"set_id": set_id, "code_id": c} for c in members))

    def _insert(
        self, writer: Writer, spec: CodeSpec, parent: int | None, position: int, ids: list[CodeId]
    ) -> None:
        guid = spec.guid if spec.guid and spec.guid not in self._taken_guids else None
        if guid:
            self._taken_guids.add(guid)
        code_id = writer.insert(
            Code,
            {
                **({"guid": guid} if guid else {}),
                "parent_id": parent,
                "position": position,
                "name": spec.name,
                "label": spec.label,
                "description": spec.description,
                "colour": spec.colour,
                "question": spec.question,
                "kind": spec.kind,
                "category": spec.category,
                "scale": list(spec.scale) if spec.scale is not None else None,
                "search_terms": list(spec.terms),
                "inductive": False,
                "codable": spec.codable,
                "guide_question": spec.guide_question,
                "guide_prompts": list(spec.guide_prompts),
            },
        )
        ids.append(CodeId(code_id))
        if spec.guid:
            self._by_guid[spec.guid] = code_id
        for child_position, child in enumerate(spec.children):
            self._insert(writer, child, code_id, child_position, ids)


class CreateCode(Command):
    def __init__(self, parent_id: CodeId | None, name: str, *, inductive: bool = True, **fields: Any) -> None:
        super().__init__()
        self.parent_id = parent_id
        self.name = check_name(name)
        self.inductive = inductive
        self.fields = _check_fields(fields)
        self.text = say("Create code {name}", name=self.name)

    def plan(self, writer: Writer) -> CodeId:
        if self.parent_id is not None:  # a subcode shares its concept's colour
            colour = _code_row(writer, self.parent_id).colour
        else:  # a new top-level code: a colour no code has yet (not the grey of an uncoloured one)
            colour = next_colour(writer.session.execute(select(Code.colour)).scalars())
        _check_name_free(writer, self.parent_id, self.name)
        values: dict[str, Any] = {
            "parent_id": self.parent_id,
            "position": _next_position(writer, self.parent_id),
            "name": self.name,
            "label": "",
            "description": "",
            "colour": colour,
            "question": None,
            "kind": "concept" if self.parent_id is None and not self.inductive else "code",
            "category": "inductief" if self.inductive else "",
            "scale": None,
            "search_terms": [],
            "inductive": self.inductive,
            "guide_question": "",
            "guide_prompts": [],
        }
        values.update(self.fields)
        return CodeId(writer.insert(Code, values))


class UpdateCode(Command):
    def __init__(self, code_id: CodeId, **fields: Any) -> None:
        super().__init__()
        self.code_id = code_id
        self.fields = _check_fields(fields)
        self.text = marked("Rename code") if set(self.fields) == {"name"} else marked("Edit code")

    def plan(self, writer: Writer) -> None:
        row = _code_row(writer, self.code_id)
        if "name" in self.fields:
            _check_name_free(writer, row.parent_id, self.fields["name"], exclude=row.id)
        changed = {k: v for k, v in self.fields.items() if getattr(row, k) != v}
        if changed:
            writer.update(Code, self.code_id, changed)
        if "colour" in changed or "name" in changed:
            writer.touch_all()


class MoveCode(Command):
    """Put a code under another parent (or at top level), at a position among its new siblings."""

    text = marked("Move code")

    def __init__(self, code_id: CodeId, parent_id: CodeId | None, position: int | None = None) -> None:
        super().__init__()
        self.code_id = code_id
        self.parent_id = parent_id
        self.position = position

    def plan(self, writer: Writer) -> None:
        row = _code_row(writer, self.code_id)
        if self.parent_id is not None:
            _code_row(writer, self.parent_id)
            if self.parent_id == self.code_id or self.parent_id in _descendant_ids(writer, self.code_id):
                raise InvalidInputError(say("a code cannot be moved under itself or one of its subcodes"))
        if row.parent_id != self.parent_id:
            _check_name_free(writer, self.parent_id, row.name)
        parent_filter = (
            Code.parent_id.is_(None) if self.parent_id is None else Code.parent_id == self.parent_id
        )
        siblings = [
            cid
            for cid in writer.session.execute(
                select(Code.id).where(parent_filter).order_by(Code.position, Code.id)
            ).scalars()
            if cid != self.code_id
        ]
        index = len(siblings) if self.position is None else max(0, min(self.position, len(siblings)))
        siblings.insert(index, self.code_id)
        positions = dict(
            writer.session.execute(select(Code.id, Code.position).where(Code.id.in_(siblings))).all()
        )
        if row.parent_id != self.parent_id:
            writer.update(Code, self.code_id, {"parent_id": self.parent_id})
        for new_position, cid in enumerate(siblings):
            if positions.get(cid) != new_position:
                writer.update(Code, cid, {"position": new_position})


class MergeCodes(Command):
    """Move all codings, subcodes, memos and judgements of ``source`` to ``target``; delete ``source``."""

    def __init__(self, source_id: CodeId, target_id: CodeId) -> None:
        super().__init__()
        self.source_id = source_id
        self.target_id = target_id
        self.text = marked("Merge codes")

    def plan(self, writer: Writer) -> None:
        if self.source_id == self.target_id:
            raise InvalidInputError(say("a code cannot be merged into itself"))
        source = _code_row(writer, self.source_id)
        _code_row(writer, self.target_id)
        if self.target_id in _descendant_ids(writer, self.source_id):
            raise InvalidInputError(
                say("cannot merge '{name}' into one of its own subcodes", name=source.name)
            )
        session = writer.session
        target_passages = {
            (passage_id, coder_id): coding_id
            for passage_id, coder_id, coding_id in session.execute(
                select(Coding.passage_id, Coding.coder_id, Coding.id).where(Coding.code_id == self.target_id)
            )
        }
        for coding in session.execute(select(Coding).where(Coding.code_id == self.source_id)).scalars().all():
            if (coding.passage_id, coding.coder_id) in target_passages:
                other = target_passages[(coding.passage_id, coding.coder_id)]
                if coding.memo:
                    memo = session.execute(select(Coding.memo).where(Coding.id == other)).scalar_one()
                    writer.update(Coding, other, {"memo": "\n".join(m for m in (memo, coding.memo) if m)})
                writer.delete(Coding, "id", [coding.id])
            else:
                writer.update(Coding, coding.id, {"code_id": self.target_id})
        target_judged = set(
            session.execute(
                select(Judgement.attribute, Judgement.value).where(Judgement.code_id == self.target_id)
            )
        )
        for judgement in session.execute(
            select(Judgement).where(Judgement.code_id == self.source_id)
        ).scalars():
            if (judgement.attribute, judgement.value) not in target_judged:
                writer.update(Judgement, judgement.id, {"code_id": self.target_id})
        for memo_id in session.execute(select(Memo.id).where(Memo.code_id == self.source_id)).scalars().all():
            writer.update(Memo, memo_id, {"code_id": self.target_id})
        children = (
            session.execute(select(Code.id).where(Code.parent_id == self.source_id).order_by(Code.position))
            .scalars()
            .all()
        )
        names = sibling_codes(writer, self.target_id)
        position = _next_position(writer, self.target_id)
        for child in children:
            child_name = session.execute(select(Code.name).where(Code.id == child)).scalar_one()
            if fold(child_name) in names:
                raise InvalidInputError(
                    say(
                        "cannot merge: both codes have a subcode '{child_name}'; merge those first",
                        child_name=child_name,
                    )
                )
            writer.update(Code, child, {"parent_id": self.target_id, "position": position})
            position += 1
        writer.delete(Code, "id", [self.source_id])
        writer.touch_all()


class DeleteCode(Command):
    """Delete a code with its subcodes; the schema cascades to codings, memos and judgements."""

    def __init__(self, code_id: CodeId) -> None:
        super().__init__()
        self.code_id = code_id
        self.text = marked("Delete code")

    def plan(self, writer: Writer) -> None:
        row = _code_row(writer, self.code_id)
        self.text = say("Delete code {name}", name=row.name)
        writer.delete(Code, "id", [self.code_id])
        writer.touch_all()
