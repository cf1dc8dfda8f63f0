"""The one command that merges a read REFI-QDA file into a project: one transaction, one undo step.

Merging is by GUID, so importing the same file twice adds nothing the second time. Things
without a GUID match are matched the way a researcher would: a coder by name, a code by its
name under the same parent, a document by name *and* identical text, a passage by its span,
a coding by passage, code and coder. Whatever the project already has is kept as it is (the project
wins); everything new is added. What cannot be added is listed in the report with the reason.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.codebook.codebook_file import DEFAULT_COLOUR
from coding.core.changes import Change
from coding.core.collector import collector_paused, give_back_memory
from coding.core.i18n import text as say
from coding.core.log_copy import copy_later
from coding.core.text import fold
from coding.refi.elements import RCode
from coding.refi.extension import CodeExtras, Extension
from coding.refi.guid_indexes import around_steps
from coding.refi.import_analysis import AnalysisMerge
from coding.refi.import_plan import document_attributes, plan_notes
from coding.refi.import_sources import SourcesMerge
from coding.refi.names import clean_name, numbered, unique_question
from coding.refi.project_reader import RefiProject
from coding.refi.report import ExchangeReport
from coding.undo.command import Command, Writer
from models import Code, Coder, CodeSet, CodeSetMember


class ImportExchange(Command):
    """Merge a read ``.qdpx`` or ``.qdc`` (as :class:`RefiProject`) into the project."""

    def __init__(self, data: RefiProject, file_name: str, *, merge: bool = False) -> None:
        super().__init__()
        #: What was read; let go once the import has committed (undo and redo need only its steps).
        self.data: RefiProject | None = data
        self.file_name = file_name
        self.text = say("Import {file}", file=file_name)
        if merge:  # a coder's project merged in: Edit → Undo names what the user did
            self.text = say("Merge {file}", file=file_name)

    def plan(self, writer: Writer) -> ExchangeReport:
        if self.data is None or self.data.used:
            raise RuntimeError("an import is planned once")
        report = ExchangeReport(
            self.file_name, skipped=list(self.data.skipped), adjusted=list(self.data.adjusted)
        )
        with collector_paused(), _page_cache(writer.session):  # many long-lived rows, no cycles
            _Merge(writer, self.data, report).run()
        copy_later(writer.session)  # also as a group's child (planned, not applied): at the group's commit
        return report

    def apply(self, session: Session) -> Change:
        # Its log (209 MB at ten times the corpus) copied into the file by a thread after the commit.
        copy_later(session)
        if self._steps is None or not self._settled:
            return super().apply(session)
        with (  # redo: the same rows, the same indexes
            collector_paused(),
            _page_cache(session),
            self._refusing_conflicts(undo=False),  # a GUID index made again: as an insert would refuse
            around_steps(session, self._steps, undo=False),
        ):
            return super().apply(session)

    def revert(self, session: Session) -> Change:
        """Undo: deleting the rows takes a page anywhere in the same GUID indexes the inserts did
        (:data:`IMPORT_PAGE_CACHE_KIB`; dropped and made again after them where they are most of the
        table's rows, :func:`~coding.refi.guid_indexes.around_steps`), and the rows read back for redo
        are many, without cycles."""
        copy_later(session)  # the log copied into the file by a thread after the commit (log_copy)
        with collector_paused(), _page_cache(session), around_steps(session, self._steps, undo=True):
            return super().revert(session)

    def settle(self) -> None:
        super().settle()
        if self.data is not None:
            _let_go(self.data)
        self.data = None
        give_back_memory()  # what was read, and the documents' texts the insert let go


def _let_go(data: RefiProject) -> None:
    """What was read and is now in the project, let go even while the caller still holds ``data`` (the
    window's worker and :func:`~coding.refi.exchange.import_exchange` hold it until they return, after
    the memory was handed back): at ten times the large corpus the sources' texts and the extension's
    turns, ≈ 110 MB that stood after the import, and under its undo and redo. It cannot be merged again."""
    data.used = True
    data.sources = []
    data.notes = {}
    data.cases = []
    data.extension = Extension()
    data.recordings = {}


#: SQLite's page cache while an import inserts (KiB, as ``PRAGMA cache_size`` takes a negative
#: number): the unique indexes of the passages' and codings' random GUIDs take a page anywhere in
#: them for each row, and with SQLite's default 2 MB most such pages had been written out of the
#: cache and were read back (at ten times the large corpus ≈ 1.5 s of the inserts' 6 s CPU; the
#: cache grows only as far as the import needs it, and is given back after).
IMPORT_PAGE_CACHE_KIB = 16 * 1024


@contextmanager
def _page_cache(session: Session) -> Iterator[None]:
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = int(connection.exec_driver_sql("PRAGMA cache_size").scalar() or 0)
    connection.exec_driver_sql(f"PRAGMA cache_size={-IMPORT_PAGE_CACHE_KIB}")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={before}")


class _Merge(SourcesMerge, AnalysisMerge):
    def run(self) -> None:
        self.import_coders()
        self.import_codes()
        self.import_code_sets()
        if self.data.sources or self.data.notes or self.data.extension.judgements:
            notes = plan_notes(self.data, self.report.skipped)
            self.import_documents(document_attributes(self.data, self.report.adjusted))
            self.import_passages(notes)
            self.import_reviews(notes)
            self.import_memos(notes)
            self.import_judgements()
        self.w.touch_all()

    # -- coders ----------------------------------------------------------------------------
    def import_coders(self) -> None:
        by_guid = dict(self.s.execute(select(Coder.guid, Coder.id)).all())
        by_name = dict(self.s.execute(select(Coder.name, Coder.id)).all())
        for guid, raw_name in self.data.users.items():
            name = raw_name[:200]
            if guid in by_guid or name in by_name:
                self.users[guid] = by_guid.get(guid) or by_name[name]
                self.existing["coders"] += 1
                continue
            coder_id = self.w.insert(Coder, {"guid": guid, "name": name})
            by_guid[guid] = by_name[name] = self.users[guid] = coder_id
            self.added["coders"] += 1

    def import_codes(self) -> None:
        rows = self.s.execute(
            select(Code.id, Code.guid, Code.parent_id, Code.name, Code.question, Code.colour, Code.position)
        ).all()
        self.code_guids = {row.guid: row.id for row in rows}
        self.colours = {row.id: row.colour for row in rows}
        self.siblings: dict[int | None, dict[str, tuple[int, str | None]]] = {}
        self.next_position: dict[int | None, int] = {}
        for row in rows:
            self.siblings.setdefault(row.parent_id, {})[fold(row.name)] = (row.id, None)
            self.next_position[row.parent_id] = max(
                self.next_position.get(row.parent_id, 0), row.position + 1
            )
        self.questions = {fold(row.question) for row in rows if row.question}
        self._codes(self.data.codes, None)

    def _codes(self, codes: Sequence[RCode], parent: int | None) -> None:
        for code in codes:
            code_id = self._code(code, parent)
            self.codes[code.guid] = code_id
            self._codes(code.children, code_id)

    def _code(self, code: RCode, parent: int | None) -> int:
        if code.guid in self.code_guids:
            self.existing["codes"] += 1
            return self.code_guids[code.guid]
        siblings = self.siblings.setdefault(parent, {})
        name = clean_name(code.name, 200)
        match = siblings.get(fold(name))
        if match is not None and match[1] is None:
            self.existing["codes"] += 1
            return match[0]
        if match is not None or name != code.name:
            name = numbered(name, set(siblings), 200)
            self.adjust(say("Code '{name}'", name=code.name), say("imported as '{name}'", name=name))
        extras = self.data.extension.codes.get(code.guid, CodeExtras())
        question = unique_question(extras.question, self.questions)
        if extras.question and question is None:
            self.adjust(
                say("Code '{name}'", name=name),
                say(
                    "question reference '{question}' is taken by another code; left out",
                    question=extras.question,
                ),
            )
        position = self.next_position.get(parent, 0)
        self.next_position[parent] = position + 1
        colour = code.colour or (self.colours.get(parent) if parent is not None else None) or DEFAULT_COLOUR
        code_id = self.w.insert(
            Code,
            {
                "guid": code.guid,
                "parent_id": parent,
                "position": position,
                "name": name,
                "label": extras.label[:200],
                "description": code.description,
                "colour": colour,
                "question": question,
                "kind": extras.kind,
                "category": extras.category[:200],
                "scale": list(extras.scale) if extras.scale is not None else None,
                "search_terms": list(extras.search_terms),
                "inductive": extras.inductive,
                "codable": code.codable,
            },
        )
        siblings[fold(name)] = (code_id, code.guid)
        self.code_guids[code.guid] = code_id
        self.colours[code_id] = colour
        self.added["codes"] += 1
        return code_id

    # -- code sets -------------------------------------------------------------------------
    def import_code_sets(self) -> None:
        rows = self.s.execute(select(CodeSet.id, CodeSet.guid, CodeSet.name, CodeSet.position)).all()
        by_guid = {row.guid: row.id for row in rows}
        by_name = {fold(row.name): row.id for row in rows}
        members: set[tuple[int, int]] = {
            (set_id, code_id)
            for set_id, code_id in self.s.execute(select(CodeSetMember.set_id, CodeSetMember.code_id))
        }
        position = max((row.position for row in rows), default=-1)
        for code_set in self.data.sets:
            if not code_set.codes:
                continue
            name = code_set.name[:200] or "(unnamed set)"
            set_id = by_guid.get(code_set.guid) or by_name.get(fold(name))
            if set_id is None:
                position += 1
                set_id = self.w.insert(
                    CodeSet,
                    {
                        "guid": code_set.guid,
                        "name": name,
                        "description": code_set.description,
                        "position": position,
                    },
                )
                by_guid[code_set.guid] = by_name[fold(name)] = set_id
                self.added["code sets"] += 1
            else:
                self.existing["code sets"] += 1
            rows_to_add = []
            for guid in dict.fromkeys(code_set.codes):
                code_id = self.codes.get(guid)
                if code_id is None:
                    self.skip(
                        say("MemberCode of Set '{name}'", name=name),
                        say("refers to no code ({guid})", guid=guid),
                    )
                elif (set_id, code_id) not in members:
                    members.add((set_id, code_id))
                    rows_to_add.append({"set_id": set_id, "code_id": code_id})
            self.w.insert_many(CodeSetMember, rows_to_add)

    # -- documents -------------------------------------------------------------------------
