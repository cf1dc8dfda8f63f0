"""The respondent register: who is behind R1 … R21.

Kept in the project so anonymisation can find the names, exported only on its own (as CSV,
with :meth:`RespondentRegister.export_csv`); no other export reads it.
"""

from __future__ import annotations

import builtins
import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NewType

from sqlalchemy import select

from coding.core.context import ProjectContext
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.text import fold, natural_key
from coding.exporting import write_atomically
from coding.exporting.quote_rows import neutralise
from coding.undo.command import Command, Writer
from models import Respondent

RespondentId = NewType("RespondentId", int)
REGISTER_HEADER = ("code", "name", "aliases", "note")


@dataclass(frozen=True)
class RespondentInfo:
    id: RespondentId
    code: str
    name: str
    aliases: tuple[str, ...]
    note: str

    @property
    def placeholder(self) -> str:
        return f"[{self.code}]"


def _clean(text: str) -> str:
    return " ".join(str(text).split())


def check_entry(code: str, name: str, aliases: Sequence[str]) -> tuple[str, str, list[str]]:
    code, name = _clean(code), _clean(name)
    if not code:
        raise InvalidInputError(say("a respondent needs a code such as R5"))
    if len(code) > 40 or any(ch in code for ch in "[]"):
        raise InvalidInputError(
            say("'{code}' cannot be a respondent code (at most 40 characters, no brackets)", code=code)
        )
    if not name:
        raise InvalidInputError(say("respondent {code} needs a name", code=code))
    cleaned = [a for a in dict.fromkeys(_clean(a) for a in aliases) if a and fold(a) != fold(name)]
    return code, name, cleaned


def _code_taken(writer: Writer, code: str, exclude: int | None = None) -> bool:
    return any(
        fold(existing) == fold(code) and row_id != exclude
        for row_id, existing in writer.session.execute(select(Respondent.id, Respondent.code))
    )


class AddRespondent(Command):
    text = marked("Add respondent")

    def __init__(self, code: str, name: str, aliases: Sequence[str] = (), note: str = "") -> None:
        super().__init__()
        self.values = check_entry(code, name, aliases)
        self.note = note

    def plan(self, writer: Writer) -> RespondentId:
        code, name, aliases = self.values
        if _code_taken(writer, code):
            raise InvalidInputError(say("respondent {code} is already in the register", code=code))
        return RespondentId(
            writer.insert(Respondent, {"code": code, "name": name, "aliases": aliases, "note": self.note})
        )


class UpdateRespondent(Command):
    text = marked("Edit respondent")

    def __init__(
        self, respondent_id: RespondentId, code: str, name: str, aliases: Sequence[str], note: str
    ) -> None:
        super().__init__()
        self.respondent_id = respondent_id
        self.values = check_entry(code, name, aliases)
        self.note = note

    def plan(self, writer: Writer) -> None:
        code, name, aliases = self.values
        if _code_taken(writer, code, exclude=self.respondent_id):
            raise InvalidInputError(say("respondent {code} is already in the register", code=code))
        writer.update(
            Respondent,
            self.respondent_id,
            {"code": code, "name": name, "aliases": aliases, "note": self.note},
        )


class RemoveRespondent(Command):
    text = marked("Remove respondent")

    def __init__(self, respondent_id: RespondentId) -> None:
        super().__init__()
        self.respondent_id = respondent_id

    def plan(self, writer: Writer) -> None:
        writer.delete(Respondent, "id", [self.respondent_id])


class RespondentRegister:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context

    def list(self) -> list[RespondentInfo]:
        with self._context.store.read() as session:
            rows = session.execute(select(Respondent)).scalars().all()
            out = [
                RespondentInfo(RespondentId(r.id), r.code, r.name, tuple(r.aliases or ()), r.note)
                for r in rows
            ]
        return sorted(out, key=lambda r: natural_key(r.code))

    def get(self, code: str) -> RespondentInfo:
        for entry in self.list():
            if fold(entry.code) == fold(code):
                return entry
        raise NotFoundError(say("respondent {code} is not in the register", code=code))

    def add(self, code: str, name: str, *, aliases: Sequence[str] = (), note: str = "") -> RespondentInfo:
        self._context.execute(AddRespondent(code, name, aliases, note))
        return self.get(code)

    def update(
        self,
        code: str,
        *,
        new_code: str | None = None,
        name: str | None = None,
        aliases: Sequence[str] | None = None,
        note: str | None = None,
    ) -> RespondentInfo:
        entry = self.get(code)
        self._context.execute(
            UpdateRespondent(
                entry.id,
                new_code if new_code is not None else entry.code,
                name if name is not None else entry.name,
                aliases if aliases is not None else entry.aliases,
                note if note is not None else entry.note,
            )
        )
        return self.get(new_code or code)

    def remove(self, code: str) -> None:
        self._context.execute(RemoveRespondent(self.get(code).id))

    def export_csv(self, path: Path | str, *, overwrite: bool = False, delimiter: str = ",") -> Path:
        """Write the register (code, name, aliases, note) to its own CSV file; never overwrites
        unless told to. Keep this file apart from the analysis."""

        def write(temporary: Path) -> None:
            with temporary.open("w", encoding="utf-8-sig", newline="") as out:
                writer = csv.writer(out, delimiter=delimiter)
                writer.writerow(REGISTER_HEADER)
                for entry in self.list():
                    writer.writerow(
                        [
                            neutralise(v)
                            for v in (entry.code, entry.name, "; ".join(entry.aliases), entry.note)
                        ]
                    )

        return write_atomically(Path(path), write, overwrite=overwrite)

    def import_csv(self, path: Path | str) -> builtins.list[RespondentInfo]:
        """Add (or update) entries from a CSV with ``code`` and ``name`` columns (``aliases``
        separated by ``;``, ``note`` optional): one undoable action per entry is too many, so the
        whole file is checked first and then written as one action."""
        source = Path(path)
        try:
            text = source.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InvalidInputError(
                say("{name}: cannot read the register ({exc})", name=source.name, exc=exc)
            ) from None
        header = text.splitlines()[0] if text.strip() else ""
        delimiter = ";" if header.count(";") > header.count(",") else ","  # Dutch Excel writes ';'
        rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
        if not rows or not {"code", "name"} <= {fold(k or "") for k in rows[0]}:
            raise InvalidInputError(
                say("{name}: a register needs the columns code and name", name=source.name)
            )
        entries = []
        for number, row in enumerate(rows, start=2):
            values = {fold(k or ""): (v or "") for k, v in row.items()}
            try:
                entries.append(
                    (
                        *check_entry(values["code"], values["name"], values.get("aliases", "").split(";")),
                        values.get("note", ""),
                    )
                )
            except InvalidInputError as exc:
                raise InvalidInputError(
                    say("{name}, line {number}: {exc}", name=source.name, number=number, exc=exc)
                ) from None
        self._context.execute(ImportRegister(entries))
        return self.list()


class ImportRegister(Command):
    text = marked("Import respondent register")

    def __init__(self, entries: Sequence[tuple[str, str, list[str], str]]) -> None:
        super().__init__()
        self.entries = list(entries)

    def plan(self, writer: Writer) -> None:
        existing = {
            fold(code): row_id
            for row_id, code in writer.session.execute(select(Respondent.id, Respondent.code))
        }
        for code, name, aliases, note in self.entries:
            values = {"code": code, "name": name, "aliases": aliases, "note": note}
            if fold(code) in existing:
                writer.update(Respondent, existing[fold(code)], values)
            else:
                existing[fold(code)] = writer.insert(Respondent, values)
