"""Commands on code sets: named groups of codes across the tree (REFI-QDA ``Set``)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select

from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodeSetId
from coding.core.text import fold
from coding.undo.command import Command, Writer
from models import Code, CodeSet, CodeSetMember


def check_set_name(name: str) -> str:
    cleaned = " ".join(name.split())
    if not cleaned:
        raise InvalidInputError(say("a code set needs a name"))
    if len(cleaned) > 200:
        raise InvalidInputError(say("a code set name can have at most 200 characters"))
    return cleaned


def _require_set(writer: Writer, set_id: CodeSetId) -> str:
    name = writer.session.execute(select(CodeSet.name).where(CodeSet.id == set_id)).scalar_one_or_none()
    if name is None:
        raise NotFoundError(say("code set {set_id} does not exist", set_id=set_id))
    return name


def _require_codes(writer: Writer, code_ids: Sequence[CodeId]) -> list[CodeId]:
    wanted = list(dict.fromkeys(code_ids))
    found = set(writer.session.execute(select(Code.id).where(Code.id.in_(wanted))).scalars())
    missing = [c for c in wanted if c not in found]
    if missing:
        raise NotFoundError(say("code {missing} does not exist", missing=missing[0]))
    return wanted


def _members(writer: Writer, set_id: CodeSetId) -> set[int]:
    return set(
        writer.session.execute(select(CodeSetMember.code_id).where(CodeSetMember.set_id == set_id)).scalars()
    )


def _name_taken(writer: Writer, name: str, exclude: CodeSetId | None = None) -> bool:
    return any(
        fold(existing) == fold(name)
        for set_id, existing in writer.session.execute(select(CodeSet.id, CodeSet.name))
        if set_id != exclude
    )


class CreateCodeSet(Command):
    def __init__(self, name: str, description: str = "", codes: Sequence[CodeId] = ()) -> None:
        super().__init__()
        self.name = check_set_name(name)
        self.description = description.strip()
        self.codes = list(codes)
        self.text = say("Create code set {name}", name=self.name)

    def plan(self, writer: Writer) -> CodeSetId:
        if _name_taken(writer, self.name):
            raise InvalidInputError(say("there is already a code set '{name}'", name=self.name))
        codes = _require_codes(writer, self.codes)
        position = writer.session.execute(select(func.coalesce(func.max(CodeSet.position), -1))).scalar_one()
        set_id = writer.insert(
            CodeSet, {"name": self.name, "description": self.description, "position": int(position) + 1}
        )
        writer.insert_many(CodeSetMember, ({"set_id": set_id, "code_id": c} for c in codes))
        return CodeSetId(set_id)


class UpdateCodeSet(Command):
    text = marked("Edit code set")

    def __init__(self, set_id: CodeSetId, *, name: str | None = None, description: str | None = None) -> None:
        super().__init__()
        self.set_id = set_id
        self.name = check_set_name(name) if name is not None else None
        self.description = description.strip() if description is not None else None

    def plan(self, writer: Writer) -> None:
        _require_set(writer, self.set_id)
        values: dict[str, str] = {}
        if self.name is not None:
            if _name_taken(writer, self.name, exclude=self.set_id):
                raise InvalidInputError(say("there is already a code set '{name}'", name=self.name))
            values["name"] = self.name
        if self.description is not None:
            values["description"] = self.description
        if values:
            writer.update(CodeSet, self.set_id, values)


class DeleteCodeSet(Command):
    """Delete a code set (its codes stay)."""

    def __init__(self, set_id: CodeSetId) -> None:
        super().__init__()
        self.set_id = set_id
        self.text = marked("Delete code set")

    def plan(self, writer: Writer) -> None:
        self.text = say("Delete code set {name}", name=_require_set(writer, self.set_id))
        writer.delete(CodeSet, "id", [self.set_id])


class AddToCodeSet(Command):
    def __init__(self, set_id: CodeSetId, codes: Sequence[CodeId]) -> None:
        super().__init__()
        self.set_id = set_id
        self.codes = list(codes)
        self.text = marked("Add codes to set")

    def plan(self, writer: Writer) -> None:
        self.text = say("Add codes to {name}", name=_require_set(writer, self.set_id))
        codes = _require_codes(writer, self.codes)
        present = _members(writer, self.set_id)
        writer.insert_many(
            CodeSetMember, ({"set_id": self.set_id, "code_id": c} for c in codes if c not in present)
        )


class RemoveFromCodeSet(Command):
    def __init__(self, set_id: CodeSetId, codes: Sequence[CodeId]) -> None:
        super().__init__()
        self.set_id = set_id
        self.codes = list(dict.fromkeys(codes))
        self.text = marked("Remove codes from set")

    def plan(self, writer: Writer) -> None:
        self.text = say("Remove codes from {name}", name=_require_set(writer, self.set_id))
        present = _members(writer, self.set_id)
        for code_id in self.codes:
            if code_id in present:
                writer.delete_row(CodeSetMember, {"set_id": self.set_id, "code_id": code_id})
