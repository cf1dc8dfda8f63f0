"""The one command that merges a read REFI-QDA file into a project: one transaction, one undo step.

Merging is by GUID, so importing the same file twice adds nothing the second time. Things
without a GUID match are matched the way a researcher would: a coder by name, a code by its
name under the same parent, a document by name *and* identical text, a passage by its span,
a coding by passage and code. Whatever the project already has is kept as it is (the project
wins); everything new is added. What cannot be added is listed in the report with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from coding.codebook_file import DEFAULT_COLOUR
from coding.coding_commands import trim_span
from coding.commands.command import Command, Writer
from coding.importers.turns import detect_turns
from coding.refi.elements import RCode, RCoding, RSelection, RSource, Skipped
from coding.refi.extension import CodeExtras, DocumentExtras
from coding.refi.import_plan import NotePlan, document_attributes, plan_notes
from coding.refi.project_reader import RefiProject
from coding.refi.report import ExchangeReport
from coding.text import fold
from models import (
    Assessment,
    Code,
    Coder,
    CodeSet,
    CodeSetMember,
    Coding,
    Document,
    DocumentAttribute,
    Memo,
    Review,
    Segment,
    Setting,
)
from models.clock import utcnow

Span = tuple[int, int, int]  # document id, start, end


@dataclass
class _Doc:
    id: int
    text: str
    same_text: bool


def _clean_name(name: str, limit: int) -> str:
    return " ".join(name.replace("/", "∕").split())[:limit] or "(unnamed)"


def _numbered(name: str, taken: set[str], limit: int) -> str:
    candidate, number = name, 1
    while fold(candidate) in taken:
        number += 1
        candidate = f"{name[: limit - 6]} ({number})"
    return candidate


class ImportExchange(Command):
    """Merge a read ``.qdpx`` or ``.qdc`` (as :class:`RefiProject`) into the project."""

    def __init__(self, data: RefiProject, file_name: str) -> None:
        super().__init__()
        self.data = data
        self.file_name = file_name
        self.text = f"Import {file_name}"

    def plan(self, writer: Writer) -> ExchangeReport:
        report = ExchangeReport(
            self.file_name, skipped=list(self.data.skipped), adjusted=list(self.data.adjusted)
        )
        _Merge(writer, self.data, report).run()
        return report


class _Merge:
    def __init__(self, writer: Writer, data: RefiProject, report: ExchangeReport) -> None:
        self.w = writer
        self.s = writer.session
        self.data = data
        self.report = report
        self.added: Counter[str] = report.added
        self.existing: Counter[str] = report.existing
        self.users: dict[str, int] = {}
        self.codes: dict[str, int] = {}
        self.docs: dict[str, _Doc] = {}
        self.selections: dict[str, int] = {}  # selection GUID → segment id
        self.codings: dict[str, int] = {}  # coding GUID → coding id
        self.now = utcnow()

    def skip(self, element: str, reason: str) -> None:
        self.report.skipped.append(Skipped(element, reason))

    def adjust(self, element: str, reason: str) -> None:
        self.report.adjusted.append(Skipped(element, reason))

    def run(self) -> None:
        self.import_coders()
        self.import_codes()
        self.import_code_sets()
        if self.data.sources or self.data.notes or self.data.extension.assessments:
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
            coder_id = self.w.insert("coder", {"guid": guid, "name": name})
            by_guid[guid] = by_name[name] = self.users[guid] = coder_id
            self.added["coders"] += 1

    def user(self, *guids: str | None) -> int | None:
        return next((self.users[g] for g in guids if g in self.users), None)

    # -- codes -----------------------------------------------------------------------------
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
        name = _clean_name(code.name, 200)
        match = siblings.get(fold(name))
        if match is not None and match[1] is None:
            self.existing["codes"] += 1
            return match[0]
        if match is not None or name != code.name:
            name = _numbered(name, set(siblings), 200)
            self.adjust(f"Code '{code.name}'", f"imported as '{name}'")
        extras = self.data.extension.codes.get(code.guid, CodeExtras())
        question = extras.question
        if question and fold(question) in self.questions:
            self.adjust(
                f"Code '{name}'", f"question reference '{question}' is taken by another code; left out"
            )
            question = None
        if question:
            self.questions.add(fold(question))
        position = self.next_position.get(parent, 0)
        self.next_position[parent] = position + 1
        colour = code.colour or (self.colours.get(parent) if parent is not None else None) or DEFAULT_COLOUR
        code_id = self.w.insert(
            "code",
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
        members = set(self.s.execute(select(CodeSetMember.set_id, CodeSetMember.code_id)).all())
        position = max((row.position for row in rows), default=-1)
        for code_set in self.data.sets:
            if not code_set.codes:
                continue
            name = code_set.name[:200] or "(unnamed set)"
            set_id = by_guid.get(code_set.guid) or by_name.get(fold(name))
            if set_id is None:
                position += 1
                set_id = self.w.insert(
                    "code_set",
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
                    self.skip(f"MemberCode of Set '{name}'", f"refers to no code ({guid})")
                elif (set_id, code_id) not in members:
                    members.add((set_id, code_id))
                    rows_to_add.append({"set_id": set_id, "code_id": code_id})
            self.w.insert_many("code_set_member", rows_to_add)

    # -- documents -------------------------------------------------------------------------
    def import_documents(self, attributes: dict[str, dict[str, str]]) -> None:
        rows = self.s.execute(select(Document.id, Document.guid, Document.name)).all()
        by_guid = {row.guid: row.id for row in rows}
        by_name = {fold(row.name): row.id for row in rows}
        names = set(by_name)
        position = self.s.execute(select(func.coalesce(func.max(Document.position), -1))).scalar_one()
        patterns = self.s.execute(select(Setting.value).where(Setting.key == "speaker_patterns")).scalar()
        new_rows: list[dict[str, Any]] = []
        new_sources: list[RSource] = []
        for source in self.data.sources:
            match = by_guid.get(source.guid) or by_name.get(fold(source.name))
            if match is not None:
                text = self.s.execute(select(Document.text).where(Document.id == match)).scalar_one()
                if text == source.text or by_guid.get(source.guid) == match:
                    self.docs[source.guid] = _Doc(match, text, text == source.text)
                    self.existing["documents"] += 1
                    self._merge_attributes(match, source, attributes.get(source.guid, {}))
                    if text != source.text:
                        self.skip(
                            f"TextSource '{source.name}'",
                            "the project's document with this GUID has another text; its codings were not merged",
                        )
                    continue
            name = source.name
            if fold(name) in names:
                name = _numbered(name, names, 255)
                self.adjust(
                    f"TextSource '{source.name}'", f"a different document has this name; imported as '{name}'"
                )
            names.add(fold(name))
            extras = self.data.extension.documents.get(source.guid, DocumentExtras())
            position += 1
            row: dict[str, Any] = {
                "name": name,
                "text": source.text,
                "length": len(source.text),
                "source_format": (extras.source_format or "qdpx")[:16],
                "original_filename": extras.original_filename,
                "sha256": extras.sha256,
                "encoding": extras.encoding or "utf-8",
                "position": position,
            }
            if source.guid not in by_guid:
                row["guid"] = source.guid
            if source.created is not None:
                row["imported_at"] = source.created
            new_rows.append(row)
            new_sources.append(source)
        new_rows = self.w.insert_many("document", new_rows)
        attribute_rows, turn_rows, page_rows = [], [], []
        for row, source in zip(new_rows, new_sources, strict=True):
            self.docs[source.guid] = _Doc(row["id"], source.text, True)
            self.added["documents"] += 1
            for key, value in attributes.get(source.guid, {}).items():
                attribute_rows.append({"document_id": row["id"], "key": key, "value": value})
            extras = self.data.extension.documents.get(source.guid, DocumentExtras())
            turns = self._turns(source, extras, patterns)
            turn_rows.extend(
                {
                    "document_id": row["id"],
                    "speaker": t[0],
                    "start": t[1],
                    "end": t[2],
                    "body_start": t[3],
                    "timestamp": t[4],
                }
                for t in turns
            )
            pages = extras.pages if _valid_pages(extras.pages, len(source.text)) else ()
            page_rows.extend(
                {"document_id": row["id"], "number": n, "start": s, "end": e} for n, s, e in pages
            )
        self.added["attributes"] += len(attribute_rows)
        self.w.insert_many("document_attribute", attribute_rows)
        self.w.insert_many("turn", turn_rows)
        self.w.insert_many("page", page_rows)

    def _turns(
        self, source: RSource, extras: DocumentExtras, patterns: Any
    ) -> Sequence[tuple[str, int, int, int, float | None]]:
        if extras.turns is not None:
            length = len(source.text)
            if all(t[0].strip() and 0 <= t[1] <= t[3] <= t[2] <= length for t in extras.turns):
                return [(t[0][:200], *t[1:]) for t in extras.turns]  # type: ignore[misc]
            self.adjust(
                f"TextSource '{source.name}'", "its stored speaker turns do not fit the text; detected again"
            )
        try:
            detected = detect_turns(source.text, list(patterns) if patterns else None)
        except Exception:  # a broken project pattern must not stop the import
            return []
        return [(t.speaker, t.start, t.end, t.body_start, t.timestamp) for t in detected]

    def _merge_attributes(self, document_id: int, source: RSource, values: dict[str, str]) -> None:
        current = dict(
            self.s.execute(
                select(DocumentAttribute.key, DocumentAttribute.value).where(
                    DocumentAttribute.document_id == document_id
                )
            ).all()
        )
        for key, value in values.items():
            if key not in current:
                self.w.insert("document_attribute", {"document_id": document_id, "key": key, "value": value})
                self.added["attributes"] += 1
            elif current[key] != value:
                self.skip(
                    f"VariableValue '{key}' of '{source.name}'",
                    f"the project has {key} = '{current[key]}'; '{value}' was not used",
                )

    # -- passages and codings --------------------------------------------------------------
    def _selections_of(self, source: RSource, doc: _Doc) -> list[RSelection]:
        selections = list(source.selections)
        if source.whole_codings:
            start, end = trim_span(doc.text, 0, len(doc.text))
            if start < end:
                selections.append(
                    RSelection(source.guid, start, end, None, None, None, codings=source.whole_codings)
                )
                self.adjust(
                    f"TextSource '{source.name}'",
                    "codings of the whole source became codings of its whole text",
                )
        return selections

    def import_passages(self, notes: NotePlan) -> None:
        segments = self.s.execute(
            select(Segment.id, Segment.guid, Segment.document_id, Segment.start, Segment.end)
        ).all()
        by_guid: dict[str, tuple[int, Span]] = {
            row.guid: (row.id, (row.document_id, row.start, row.end)) for row in segments
        }
        by_span: dict[Span, int] = {(row.document_id, row.start, row.end): row.id for row in segments}
        span_of = {row.id: (row.document_id, row.start, row.end) for row in segments}
        coding_rows = self.s.execute(select(Coding.id, Coding.guid, Coding.segment_id, Coding.code_id)).all()
        coding_guids = {row.guid: row.id for row in coding_rows}
        pairs: dict[tuple[Span, int], int] = {
            (span_of[row.segment_id], row.code_id): row.id for row in coding_rows
        }
        new_segments: dict[Span, dict[str, Any]] = {}
        pending: list[tuple[Span, RCoding, dict[str, Any]]] = []
        selection_spans: dict[str, Span] = {}
        for source in self.data.sources:
            doc = self.docs.get(source.guid)
            if doc is None or not doc.same_text:
                continue
            for selection in self._selections_of(source, doc):
                where = f"PlainTextSelection {selection.start}–{selection.end} in '{source.name}'"
                valid = []
                for coding in selection.codings:
                    if coding.code in self.codes:
                        valid.append(coding)
                    else:
                        self.skip(f"Coding of {where}", f"refers to no code ({coding.code})")
                if not valid:
                    if selection.guid in notes.uncoded:
                        self.skip(where, "not coded; Codewerk keeps coded passages")
                    continue
                span: Span = (doc.id, selection.start, selection.end)
                known = by_guid.get(selection.guid)
                if known is not None and known[1] != span:
                    known = None
                if known is None and span not in by_span and span not in new_segments:
                    row: dict[str, Any] = {
                        "document_id": doc.id,
                        "start": selection.start,
                        "end": selection.end,
                        "text": doc.text[selection.start : selection.end],
                    }
                    if selection.guid not in by_guid:
                        row["guid"] = selection.guid
                        by_guid[selection.guid] = (0, span)
                    if selection.created is not None:
                        row["created_at"] = selection.created
                    new_segments[span] = row
                elif span in by_span:
                    self.existing["passages"] += 1
                selection_spans[selection.guid] = span
                for coding in valid:
                    self._plan_coding(coding, selection, span, notes, coding_guids, pairs, pending)
        inserted = self.w.insert_many("segment", new_segments.values())
        for span, row in zip(new_segments, inserted, strict=True):
            by_span[span] = row["id"]
        self.added["passages"] += len(new_segments)
        rows = []
        for span, _coding, row in pending:
            row["segment_id"] = by_span[span]
            rows.append(row)
        inserted = self.w.insert_many("coding", rows)
        for (_span, coding, _row), row in zip(pending, inserted, strict=True):
            self.codings[coding.guid] = row["id"]
        self.added["codings"] += len(rows)
        self.selections = {guid: by_span[span] for guid, span in selection_spans.items()}

    def _plan_coding(
        self,
        coding: RCoding,
        selection: RSelection,
        span: Span,
        notes: NotePlan,
        coding_guids: dict[str, int],
        pairs: dict[tuple[Span, int], int],
        pending: list[tuple[Span, RCoding, dict[str, Any]]],
    ) -> None:
        code_id = self.codes[coding.code]
        if coding.guid in coding_guids:
            self.codings[coding.guid] = coding_guids[coding.guid]
            self.existing["codings"] += 1
            return
        if (span, code_id) in pairs:
            self.codings[coding.guid] = pairs[(span, code_id)]
            self.existing["codings"] += 1
            return
        row: dict[str, Any] = {
            "guid": coding.guid,
            "code_id": code_id,
            "coder_id": self.user(coding.user, selection.user),
            "memo": notes.coding_memos.get(coding.guid, ""),
        }
        created = coding.created or selection.created
        if created is not None:
            row["created_at"] = created
        coding_guids[coding.guid] = 0
        pairs[(span, code_id)] = 0
        pending.append((span, coding, row))

    # -- reviews, memos, judgements --------------------------------------------------------
    def import_reviews(self, notes: NotePlan) -> None:
        rows = self.s.execute(select(Review.guid, Review.coding_id, Review.coder_id)).all()
        guids = {row.guid for row in rows}
        pairs = {(row.coding_id, row.coder_id) for row in rows}
        new = []
        for coding_guid, marks in notes.reviews.items():
            coding_id = self.codings.get(coding_guid)
            if coding_id is None:
                continue
            for mark in marks:
                coder_id = self.users[mark.note.user]  # type: ignore[index]
                if mark.note.guid in guids or (coding_id, coder_id) in pairs:
                    self.existing["reviews"] += 1
                    continue
                guids.add(mark.note.guid)
                pairs.add((coding_id, coder_id))
                new.append(
                    {
                        "guid": mark.note.guid,
                        "coding_id": coding_id,
                        "coder_id": coder_id,
                        "status": mark.status,
                        "comment": mark.note.text.strip(),
                        "updated_at": mark.note.modified or mark.note.created or self.now,
                    }
                )
        self.w.insert_many("review", new)
        self.added["reviews"] += len(new)

    def import_memos(self, notes: NotePlan) -> None:
        guids = set(self.s.execute(select(Memo.guid)).scalars())
        judgements = set(self.s.execute(select(Assessment.guid)).scalars())
        new = []
        for plan in notes.memos:
            note = plan.note
            if note.guid in judgements:
                continue
            if note.guid in guids:
                self.existing["memos"] += 1
                continue
            document_id = code_id = None
            if plan.document is not None:
                doc = self.docs.get(plan.document)
                if doc is None:
                    self.skip(f"Note '{note.name}'", "belongs to a source that was not imported")
                    continue
                document_id = doc.id
            if plan.code is not None:
                code_id = self.codes.get(plan.code)
            guids.add(note.guid)
            row: dict[str, Any] = {
                "guid": note.guid,
                "document_id": document_id,
                "code_id": code_id,
                "coder_id": self.user(note.user),
                "title": (plan.title if plan.title is not None else note.name)[:300],
                "text": plan.text if plan.text is not None else note.text,
            }
            created = note.created or note.modified
            if created is not None:
                row["created_at"] = created
                row["updated_at"] = note.modified or created
            new.append(row)
        self.w.insert_many("memo", new)
        self.added["memos"] += len(new)

    def import_judgements(self) -> None:
        rows = self.s.execute(
            select(Assessment.guid, Assessment.attribute, Assessment.value, Assessment.code_id)
        ).all()
        guids = {row.guid for row in rows}
        triples = {(row.attribute, row.value, row.code_id) for row in rows}
        scales = dict(self.s.execute(select(Code.id, Code.scale)).all())
        for judgement in self.data.extension.assessments:
            where = f"judgement {judgement.attribute} = {judgement.value}"
            code_id = self.codes.get(judgement.code)
            if code_id is None:
                self.skip(where, f"refers to no code ({judgement.code})")
                continue
            attribute = " ".join(judgement.attribute.split()).lower()[:100]
            if judgement.guid in guids or (attribute, judgement.value, code_id) in triples:
                self.existing["judgements"] += 1
                continue
            scale = scales.get(code_id)
            if scale is not None and judgement.score and judgement.score not in scale:
                self.skip(where, f"score '{judgement.score}' is not on the code's scale ({', '.join(scale)})")
                continue
            guids.add(judgement.guid)
            triples.add((attribute, judgement.value, code_id))
            assessment_id = self.w.insert(
                "assessment",
                {
                    "guid": judgement.guid,
                    "attribute": attribute,
                    "value": judgement.value,
                    "code_id": code_id,
                    "score": judgement.score,
                    "justification": judgement.justification,
                    "coder_id": self.user(judgement.coder),
                    "updated_at": judgement.updated_at or self.now,
                },
            )
            evidence = dict.fromkeys(self.selections[g] for g in judgement.evidence if g in self.selections)
            self.w.insert_many(
                "assessment_evidence", ({"assessment_id": assessment_id, "segment_id": s} for s in evidence)
            )
            self.added["judgements"] += 1


def _valid_pages(pages: Sequence[tuple[int, int, int]], length: int) -> bool:
    numbers = [n for n, _s, _e in pages]
    return len(set(numbers)) == len(numbers) and all(n > 0 and 0 <= s <= e <= length for n, s, e in pages)
