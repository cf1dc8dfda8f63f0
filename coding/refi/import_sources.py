"""Merging sources: documents (with attributes, turns and pages), passages and codings."""

from __future__ import annotations

from collections.abc import Sequence
from operator import le
from typing import Any

from sqlalchemy import func, select

from coding.core.collector import give_back_memory
from coding.core.i18n import text as say
from coding.core.parsed import EncodedText, plain
from coding.core.text import fold, trim_span
from coding.documents.document_commands import next_attribute_place, stored_attributes
from coding.refi.elements import RCoding, RSelection, RSource
from coding.refi.extension import DocumentExtras, TurnColumns
from coding.refi.guid_indexes import GuidIndexes
from coding.refi.import_plan import NotePlan
from coding.refi.import_state import BATCH, MergedDocument, MergeState, Span
from coding.refi.media_xml import turn_times
from coding.refi.names import numbered
from coding.speakers.speaker_settings import read_speaker_rules
from coding.speakers.speakers import SpeakerRules
from coding.undo.bulk_rows import as_datetime
from models import Coding, Document, DocumentAttribute, Media, Page, Passage, Turn


class SourcesMerge(MergeState):
    def import_documents(self, attributes: dict[str, dict[str, str]]) -> None:
        rows = self.s.execute(select(Document.id, Document.guid, Document.name)).all()
        by_guid = {row.guid: row.id for row in rows}
        by_name = {fold(row.name): row.id for row in rows}
        names = set(by_name)
        position = self.s.execute(select(func.coalesce(func.max(Document.position), -1))).scalar_one()
        rules = read_speaker_rules(self.s)
        new_rows: list[dict[str, Any]] = []
        new_sources: list[RSource] = []
        for source in self.data.sources:
            match = by_guid.get(source.guid) or by_name.get(fold(source.name))
            if match is not None:
                text = self.s.execute(select(Document.text).where(Document.id == match)).scalar_one()
                same = text == plain(source.text)
                if same or by_guid.get(source.guid) == match:
                    self.docs[source.guid] = MergedDocument(match, text, same)
                    self.existing["documents"] += 1
                    self._merge_attributes(match, source, attributes.get(source.guid, {}))
                    if self.s.get(Media, match) is None:  # the project's own recording wins
                        self._attach(match, source)
                    if not same:
                        self.skip(
                            f"TextSource '{source.name}'",
                            say(
                                "the project's document with this GUID has another text; its codings were not merged"
                            ),
                        )
                    continue
            name = source.name
            if fold(name) in names:
                name = numbered(name, names, 255)
                self.adjust(
                    f"TextSource '{source.name}'",
                    say("a different document has this name; imported as '{name}'", name=name),
                )
            names.add(fold(name))
            extras = self.data.extension.documents.get(source.guid, DocumentExtras())
            position += 1
            row: dict[str, Any] = {
                "name": name,
                # Stored (and kept for redo) as its UTF-8 bytes, not as a string of 4 bytes a character.
                "text": source.text.utf8 if isinstance(source.text, EncodedText) else source.text,
                "length": _length(source.text),
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
        new_rows = self.w.insert_many(Document, new_rows)
        attribute_rows: list[dict[str, Any]] = []
        turns = _turn_columns()
        page_rows: list[dict[str, Any]] = []
        for row, source in zip(new_rows, new_sources, strict=True):
            if len(turns["start"]) >= BATCH:  # inserted a batch at a time: the rows never all stand
                self.w.insert_columns(Turn, turns, once=self.once)
                turns = _turn_columns()
            self.docs[source.guid] = MergedDocument(row["id"], source.text, True, new=True)
            self.added["documents"] += 1
            for place, (key, value) in enumerate(attributes.get(source.guid, {}).items()):
                attribute_rows.append(
                    {"document_id": row["id"], "key": key, "value": value, "position": place}
                )
            extras = self.data.extension.documents.get(source.guid, DocumentExtras())
            speakers, starts, ends, bodies, stamps = self._turns(source, extras, row, rules)
            turns["document_id"].extend([row["id"]] * len(starts))
            turns["speaker"].extend(speakers)
            turns["start"].extend(starts)
            turns["end"].extend(ends)
            turns["body_start"].extend(bodies)
            turns["timestamp"].extend(stamps)
            self._attach(row["id"], source)
            pages = extras.pages if _valid_pages(extras.pages, _length(source.text)) else ()
            page_rows.extend(
                {"document_id": row["id"], "number": n, "start": s, "end": e} for n, s, e in pages
            )
        self.added["attributes"] += len(attribute_rows)
        self.w.insert_many(DocumentAttribute, attribute_rows)
        if turns["start"]:
            self.w.insert_columns(Turn, turns, once=self.once)
        self.w.insert_many(Page, page_rows)

    def _turns(
        self, source: RSource, extras: DocumentExtras, row: dict[str, Any], rules: SpeakerRules
    ) -> TurnColumnsOf:
        """The source's turns column by column: speakers, starts, ends, body starts, timestamps.
        The text is decoded only when they are detected (stored turns need only its length)."""
        if extras.turns is not None:
            stored = stored_turns(extras.turns, _length(source.text))
            if stored is not None:
                return stored
            self.adjust(
                f"TextSource '{source.name}'",
                say("its stored speaker turns do not fit the text; detected again"),
            )
        try:  # as every other import: the turns as detected, refined by the project's speaker rules
            detected = rules.refine(rules.detect(plain(source.text), row["source_format"]), row.get("guid"))
        except Exception:  # a broken project pattern must not stop the import
            return _columns_of(())
        turns = [(t.speaker, t.start, t.end, t.body_start, t.timestamp) for t in detected]
        return _columns_of(turn_times(turns, source.sync))  # a transcript's sync points time its turns

    def _attach(self, document_id: int, source: RSource) -> None:
        """Attach the source's recording (checked before the import began)."""
        media = self.data.recordings.get(source.guid)
        if media is None:
            return
        self.w.insert(
            Media,
            {
                "document_id": document_id,
                "path": media.path,
                "kind": media.kind,
                "sha256": media.sha256,
                "size": media.size,
            },
        )
        self.added["recordings"] += 1

    def _merge_attributes(self, document_id: int, source: RSource, values: dict[str, str]) -> None:
        current = stored_attributes(self.s, document_id)
        place = next_attribute_place(self.s, document_id)
        for key, value in values.items():
            if key not in current:
                self.w.insert(
                    DocumentAttribute,
                    {"document_id": document_id, "key": key, "value": value, "position": place},
                )
                place += 1
                self.added["attributes"] += 1
            elif current[key] != value:
                self.skip(
                    f"VariableValue '{key}' of '{source.name}'",
                    say(
                        "the project has {key} = '{current}'; '{value}' was not used",
                        key=key,
                        current=current[key],
                        value=value,
                    ),
                )

    # -- passages and codings --------------------------------------------------------------
    def _selections_of(self, source: RSource, text: str) -> list[RSelection]:
        selections = list(source.selections)
        if source.whole_codings:
            start, end = trim_span(text, 0, len(text))
            if start < end:
                selections.append(
                    RSelection(source.guid, start, end, None, None, codings=source.whole_codings)
                )
                self.adjust(
                    f"TextSource '{source.name}'",
                    say("codings of the whole source became codings of its whole text"),
                )
        return selections

    def import_passages(self, notes: NotePlan) -> None:
        passages = self.s.execute(
            select(Passage.id, Passage.guid, Passage.document_id, Passage.start, Passage.end)
        ).all()
        by_guid: dict[str, tuple[int, Span]] = {
            row.guid: (row.id, (row.document_id, row.start, row.end)) for row in passages
        }
        by_span: dict[Span, int] = {(row.document_id, row.start, row.end): row.id for row in passages}
        span_of = {row.id: (row.document_id, row.start, row.end) for row in passages}
        coding_rows = self.s.execute(
            select(Coding.id, Coding.guid, Coding.passage_id, Coding.code_id, Coding.coder_id)
        ).all()
        coding_guids = {row.guid: row.id for row in coding_rows}
        pairs: dict[tuple[Span, int, int], int] = {
            (span_of[row.passage_id], row.code_id, row.coder_id): row.id for row in coding_rows
        }
        indexes = self._guid_indexes(by_guid, coding_guids)
        new_passages, pending = _Passages(), _Codings()
        # A passage is the project's own when its id is at most the largest before the import.
        last_own = max(span_of, default=0)
        # Kept only for what is looked up later: the selections a judgement gives as evidence
        # (import_judgements) and the codings with review marks (import_reviews); the GUIDs of the
        # file's own selections and codings are not kept either, as its GuidRegistry made them
        # unique (at ten times the large corpus these maps of 200,000 were ≈ 130 MB of the peak).
        evidence = {guid for judgement in self.data.extension.judgements for guid in judgement.evidence}
        self.reviewed = set(notes.reviews)
        selection_spans: dict[str, Span] = {}
        # What was read is let go source by source once merged: on SQLite the write lock is held
        # from the transaction's start, so it is not tried again (a team server may: kept there).
        let_go = self.s.get_bind().dialect.name == "sqlite"
        for source in self.data.sources:
            doc = self.docs.get(source.guid)
            if doc is None or not doc.same_text:
                continue
            if len(new_passages.spans) >= BATCH or len(pending.spans) >= BATCH:
                # Inserted a batch at a time (in the order planned, so each row gets the id it got
                # when all went in at once): the rows of a large import never all stand.
                self._insert_batch(new_passages, pending, by_span, set(selection_spans.values()), indexes)
                new_passages, pending = _Passages(), _Codings()
            # A document this import added has this one source, and a source's passages go in one
            # batch: the coding pairs of its spans are looked up only while it is merged.
            doc_pairs = {} if doc.new else pairs
            text = plain(doc.text)  # decoded once per document
            codes, users, reviewed, memos = self.codes, self.users, self.reviewed, notes.coding_memos
            for selection in self._selections_of(source, text):
                valid = [coding for coding in selection.codings if coding.code in codes]
                if len(valid) < len(selection.codings) or not valid:
                    where = f"PlainTextSelection {selection.start}–{selection.end} in '{source.name}'"
                    for coding in selection.codings:
                        if coding.code not in codes:
                            self.skip(
                                say("Coding of {where}", where=where),
                                say("refers to no code ({guid})", guid=coding.code),
                            )
                    if not valid:
                        if selection.guid in notes.uncoded:
                            self.skip(where, say("not coded; Codewerk keeps coded passages"))
                        continue
                span: Span = (doc.id, selection.start, selection.end)
                known = by_guid.get(selection.guid)
                if known is not None and known[1] != span:
                    known = None
                if known is None and span not in by_span and span not in new_passages.spans:
                    new_passages.add(
                        span,
                        text[selection.start : selection.end],
                        None if selection.guid in by_guid else selection.guid,
                        selection.created,
                    )
                elif span in by_span and by_span[span] <= last_own:
                    self.existing["passages"] += 1
                if selection.guid in evidence:
                    selection_spans[selection.guid] = span
                for coding in valid:
                    if coding.guid in coding_guids:  # the project's own, by GUID
                        self._plan_coding(coding, selection, span, notes, coding_guids, doc_pairs, pending)
                        continue
                    # As _plan_coding, inline: 200,000 codings in a research group's file.
                    code_id = codes[coding.code]
                    coder_id = None if coding.user is None else users.get(coding.user)
                    if coder_id is None:
                        coder_id = self.coding_user(coding.user, selection.user)
                    pair = (span, code_id, coder_id)
                    if pair in doc_pairs or coding.guid in reviewed:
                        self._plan_coding(coding, selection, span, notes, coding_guids, doc_pairs, pending)
                        continue
                    pending.spans.append(span)
                    pending.guids.append(coding.guid)
                    pending.code_ids.append(code_id)
                    pending.coder_ids.append(coder_id)
                    pending.memos.append(memos.get(coding.guid, ""))
                    pending.created.append(
                        coding.created or selection.created or _default(Coding, "created_at")
                    )
                    doc_pairs[pair] = 0
            if let_go:
                self.data.used = True
                source.selections, source.whole_codings = [], []
        self._insert_batch(new_passages, pending, by_span, set(selection_spans.values()), indexes)
        indexes.build()
        self.selections = {guid: by_span[span] for guid, span in selection_spans.items()}

    def _guid_indexes(self, passages: dict[str, Any], codings: dict[str, int]) -> GuidIndexes:
        """The passages' and codings' GUID indexes dropped where this import adds many rows (built again
        after them, :mod:`coding.refi.guid_indexes`); ``passages`` and ``codings`` by the project's GUIDs."""
        indexes = GuidIndexes(self.s)
        sources = self.data.sources
        if not indexes.worth(sum(len(source.selections) for source in sources)):
            return indexes
        new_passages = new_codings = 0
        for source in sources:  # the file's selections and codings whose GUIDs the project lacks
            if passages:
                new_passages += sum(selection.guid not in passages for selection in source.selections)
            else:
                new_passages += len(source.selections)
            if codings:
                new_codings += sum(
                    coding.guid not in codings
                    for selection in source.selections
                    for coding in selection.codings
                )
            else:
                new_codings += sum(map(len, map(_codings_of, source.selections)))
        indexes.drop(Passage, new_passages, len(passages))
        indexes.drop(Coding, new_codings, len(codings))
        return indexes

    def _insert_batch(
        self,
        new_passages: _Passages,
        pending: _Codings,
        by_span: dict[Span, int],
        evidence: set[Span],
        indexes: GuidIndexes,
    ) -> None:
        """Insert the planned passages, then the planned codings (their passages now have ids), each
        column by column (:meth:`Writer.insert_columns`: no dict per row; many rows a statement into a
        table whose GUID index is built after them). The new passages' spans are kept in ``by_span``
        only where they may be looked up again: in documents the project had, and a judgement's
        evidence."""
        ids: dict[Span, int] = {}
        # On SQLite a time read as the text SQLAlchemy stores for it goes in as it is (stored_time).
        stored = self.s.get_bind().dialect.name == "sqlite"
        if new_passages.spans:
            inserted = self.w.insert_columns(
                Passage, new_passages.columns(stored), once=self.once, many=indexes.without(Passage)
            )
            ids = dict(zip(new_passages.spans, inserted, strict=True))
        new_documents = {doc.id for doc in self.docs.values() if doc.new}
        by_span.update(
            (span, passage_id)
            for span, passage_id in ids.items()
            if span[0] not in new_documents or span in evidence
        )
        self.added["passages"] += len(ids)
        if pending.spans:
            passage_ids = [ids[span] if span in ids else by_span[span] for span in pending.spans]
            coding_ids = self.w.insert_columns(
                Coding, pending.columns(passage_ids, stored), once=self.once, many=indexes.without(Coding)
            )
            for index, guid in pending.reviewed:
                self.codings[guid] = coding_ids[index]
        self.added["codings"] += len(pending.spans)
        give_back_memory()  # what the batch's rows and the merged sources held

    def _plan_coding(
        self,
        coding: RCoding,
        selection: RSelection,
        span: Span,
        notes: NotePlan,
        coding_guids: dict[str, int],
        pairs: dict[tuple[Span, int, int], int],
        pending: _Codings,
    ) -> None:
        code_id = self.codes[coding.code]
        if coding.guid in coding_guids:
            if coding.guid in self.reviewed:
                self.codings[coding.guid] = coding_guids[coding.guid]
            self.existing["codings"] += 1
            return
        coder_id = self.coding_user(coding.user, selection.user)
        if (span, code_id, coder_id) in pairs:
            if coding.guid in self.reviewed:
                self.codings[coding.guid] = pairs[(span, code_id, coder_id)]
            self.existing["codings"] += 1
            return
        if coding.guid in self.reviewed:
            pending.reviewed.append((len(pending.spans), coding.guid))
        pending.spans.append(span)
        pending.guids.append(coding.guid)
        pending.code_ids.append(code_id)
        pending.coder_ids.append(coder_id)
        pending.memos.append(notes.coding_memos.get(coding.guid, ""))
        pending.created.append(coding.created or selection.created or _default(Coding, "created_at"))
        pairs[(span, code_id, coder_id)] = 0


def _codings_of(selection: RSelection) -> Sequence[RCoding]:
    return selection.codings


def _default(target: type[Passage] | type[Coding], name: str) -> Any:
    """The value a row given without ``name`` gets (as :class:`InsertRows` fills it: a new GUID, now)."""
    default: Any = target.__table__.c[name].default
    return default.arg if default.is_scalar else default.arg(None)


class _Passages:
    """New passages planned for one batch, column by column, in the order planned."""

    def __init__(self) -> None:
        self.spans: dict[Span, None] = {}
        self.texts: list[str] = []
        self.guids: list[str] = []
        self.created: list[Any] = []

    def add(self, span: Span, text: str, guid: str | None, created: Any) -> None:
        self.spans[span] = None
        self.texts.append(text)
        self.guids.append(guid if guid is not None else _default(Passage, "guid"))
        self.created.append(created if created is not None else _default(Passage, "created_at"))

    def columns(self, stored: bool) -> dict[str, Sequence[Any]]:
        """The columns to insert; ``stored``: times given as their stored text are taken as such."""
        return {
            "document_id": [span[0] for span in self.spans],
            "start": [span[1] for span in self.spans],
            "end": [span[2] for span in self.spans],
            "text": self.texts,
            "guid": self.guids,
            "created_at": self.created if stored else _times(self.created),
        }


class _Codings:
    """New codings planned for one batch, column by column, in the order planned; their passages
    by span (a new passage has its id once its batch is inserted)."""

    def __init__(self) -> None:
        self.spans: list[Span] = []
        self.guids: list[str] = []
        self.code_ids: list[int] = []
        self.coder_ids: list[int] = []
        self.memos: list[str] = []
        self.created: list[Any] = []
        #: (index in the batch, GUID) of the codings with review marks (their ids are looked up).
        self.reviewed: list[tuple[int, str]] = []

    def columns(self, passage_ids: list[int], stored: bool) -> dict[str, Sequence[Any]]:
        """The columns to insert; ``stored``: times given as their stored text are taken as such."""
        return {
            "guid": self.guids,
            "passage_id": passage_ids,
            "code_id": self.code_ids,
            "coder_id": self.coder_ids,
            "memo": self.memos,
            "created_at": self.created if stored else _times(self.created),
        }


def _times(values: list[Any]) -> list[Any]:
    """``values`` with each time read as the text SQLite stores for it (a ``str``,
    :func:`~coding.refi.names.stored_time`) as its ``datetime``: for a team server."""
    return list(map(as_datetime, values))


#: Turns column by column: speakers, starts, ends, body starts, timestamps.
TurnColumnsOf = tuple[Sequence[str], Sequence[int], Sequence[int], Sequence[int], Sequence[float | None]]


def _turn_columns() -> dict[str, list[Any]]:
    """The columns of turn rows to insert (:meth:`Writer.insert_columns`), empty."""
    return {name: [] for name in ("document_id", "speaker", "start", "end", "body_start", "timestamp")}


def _columns_of(turns: Sequence[tuple[str, int, int, int, float | None]]) -> TurnColumnsOf:
    if isinstance(turns, TurnColumns):
        return turns.columns()
    if not turns:
        return [], [], [], [], []
    speakers, starts, ends, bodies, stamps = zip(*turns, strict=True)
    return speakers, starts, ends, bodies, stamps


def stored_turns(
    turns: Sequence[tuple[str, int, int, int, float | None]], length: int
) -> TurnColumnsOf | None:
    """The extension's turns column by column, speakers cut to 200 characters; ``None`` when one
    does not fit a text of ``length`` (then they are detected again)."""
    stored = _columns_of(turns)
    if not _fits(stored, length):
        return None
    speakers = stored[0]
    if any(len(speaker) > 200 for speaker in set(speakers)):
        short = {speaker: speaker[:200] for speaker in set(speakers)}
        speakers = list(map(short.__getitem__, speakers))
    return speakers, *stored[1:]


def _fits(turns: TurnColumnsOf, length: int) -> bool:
    """Whether every turn has a speaker and ``0 <= start <= body start <= end <= length``."""
    speakers, starts, ends, bodies, _stamps = turns
    if not starts:
        return True
    return (
        all(speaker.strip() for speaker in set(speakers))
        and min(starts) >= 0
        and max(ends) <= length
        and all(map(le, starts, bodies))
        and all(map(le, bodies, ends))
    )


def _valid_pages(pages: Sequence[tuple[int, int, int]], length: int) -> bool:
    numbers = [n for n, _s, _e in pages]
    return len(set(numbers)) == len(numbers) and all(n > 0 and 0 <= s <= e <= length for n, s, e in pages)


def _length(text: str | EncodedText) -> int:
    return text.length if isinstance(text, EncodedText) else len(text)
