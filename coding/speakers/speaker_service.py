"""Speakers: the detected speakers per document and across the project, their names, the
interviewers, the label patterns, and coding by speaker ("all answers of R5", through the
bulk-coding command ``ApplyCodings``).

Every change here is one undoable action that also brings the stored turns in line with the
rules (see :mod:`coding.speakers.speakers`).
"""

from __future__ import annotations

import builtins
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from sqlalchemy import select

from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.parsed import ParsedTurn
from coding.core.text import fold, natural_key
from coding.core.turn_spans import respondent_spans
from coding.documents.document_service import DocumentService
from coding.passages.bulk_coding import ApplyCodings, CodingRequest
from coding.speakers.speaker_commands import ChangeSpeakers
from coding.speakers.speaker_settings import read_speaker_rules
from coding.speakers.speakers import ALL_DOCUMENTS, SpeakerRules, check_patterns, check_speaker_name
from coding.speakers.turns import DEFAULT_SPEAKER_PATTERNS, detect_turns
from models import Document, Turn

Detected = Mapping[DocumentId, tuple[str, tuple[ParsedTurn, ...]]]


@dataclass(frozen=True)
class PassageResult:
    """What coding many passages did: the new codings, and how many passages already had the code."""

    codings: tuple[CodingId, ...]
    already_coded: int


@dataclass(frozen=True)
class SpeakerInfo:
    """A speaker as detected: its turns, the words it speaks, the documents it speaks in."""

    name: str
    turns: int
    words: int
    documents: tuple[str, ...]
    interviewer: bool


class SpeakerService:
    def __init__(self, context: ProjectContext, documents: DocumentService) -> None:
        self._context = context
        self._store = context.store
        self._documents = documents

    # -- reading -------------------------------------------------------------------------
    def rules(self) -> SpeakerRules:
        with self._store.read() as session:
            return read_speaker_rules(session)

    def patterns(self) -> tuple[str, ...]:
        """The label patterns in use (the project's own, or the defaults)."""
        return self.rules().patterns or DEFAULT_SPEAKER_PATTERNS

    def uses_default_patterns(self) -> bool:
        return self.rules().patterns is None

    def interviewers(self) -> tuple[str, ...]:
        return self.rules().interviewers

    def is_interviewer(self, name: str) -> bool:
        return self.rules().is_interviewer(name)

    def list(
        self, documents: DocumentRef | Sequence[DocumentRef] | None = None
    ) -> builtins.list[SpeakerInfo]:
        """The speakers of some documents (all when ``None``): the interviewers first, then in natural
        order of their names (R2 before R10). Turns without a speaker (subtitle cues without a voice) are left out."""
        ids = self._ids(documents)
        rules = self.rules()
        statement = (
            select(Document.id, Document.name, Document.text)
            .order_by(Document.position, Document.id)
            .where(Document.id.in_(select(Turn.document_id).distinct()))
        )
        turn_statement = select(Turn.document_id, Turn.speaker, Turn.body_start, Turn.end).order_by(
            Turn.document_id, Turn.start
        )
        if ids is not None:
            statement = statement.where(Document.id.in_(ids))
            turn_statement = turn_statement.where(Turn.document_id.in_(ids))
        with self._store.read() as session:
            docs = session.execute(statement).all()
            turns = defaultdict(list)
            for document_id, speaker, body_start, end in session.execute(turn_statement):
                turns[document_id].append((speaker, body_start, end))
        counts: dict[str, list[int]] = {}
        names: dict[str, str] = {}
        # the documents of a speaker, in order, without repeats (a dict: a list's "not in" scanned
        # 2,000 names for each of the interviewer's 200,000 turns at ten times the corpus)
        where: dict[str, dict[str, None]] = defaultdict(dict)
        folded: dict[str, str] = {}
        for document_id, document_name, text in docs:
            for speaker, body_start, end in turns[document_id]:
                if not speaker:
                    continue
                key = folded.get(speaker)
                if key is None:
                    key = folded[speaker] = fold(speaker)
                names.setdefault(key, speaker)
                count = counts.setdefault(key, [0, 0])
                count[0] += 1
                count[1] += len(text[body_start:end].split())
                where[key][document_name] = None
        infos = [
            SpeakerInfo(names[key], n, words, tuple(where[key]), rules.is_interviewer(names[key]))
            for key, (n, words) in counts.items()
        ]
        return sorted(infos, key=lambda s: (not s.interviewer, natural_key(s.name)))

    def preview(self, patterns: Sequence[str] | None, text: str) -> builtins.list[ParsedTurn]:
        """The turns ``patterns`` (``None``: the defaults) find in ``text``, to try patterns out."""
        checked = None if patterns is None else check_patterns(patterns)
        return builtins.list(detect_turns(text, checked))

    def respondent_spans(self, document: DocumentRef, start: int, end: int) -> builtins.list[tuple[int, int]]:
        """The parts of a selection that are not the interviewer's words, for coding respondent speech only."""
        documents = self._documents
        document_id = documents.id_of(document)
        text = documents.text(document_id)
        rules = self.rules()
        parts = respondent_spans(
            documents.turns(document_id), start, end, rules.is_interviewer, text, drop_labels=False
        )
        return [(s, e) for s, e, _omitted in parts]

    # -- changing ------------------------------------------------------------------------
    def set_patterns(self, patterns: Sequence[str] | None) -> builtins.list[DocumentId]:
        """Use these label patterns (``None``: the defaults) and detect the turns of every document
        again. A pattern that is not a valid regular expression is refused, naming it.
        Returns the documents whose turns changed."""
        checked = None if patterns is None else check_patterns(patterns)
        if checked is not None and checked == DEFAULT_SPEAKER_PATTERNS:
            checked = None
        result: list[DocumentId] = self._context.execute(
            ChangeSpeakers(say("Change speaker patterns"), lambda rules, _d: replace(rules, patterns=checked))
        )
        return result

    def redetect(
        self, documents: DocumentRef | Sequence[DocumentRef] | None = None
    ) -> builtins.list[DocumentId]:
        """Detect the turns of documents again from their text (after an import with other rules)."""
        result: list[DocumentId] = self._context.execute(
            ChangeSpeakers(
                say("Detect speakers again"), lambda rules, _d: rules, documents=self._ids(documents)
            )
        )
        return result

    def rename(self, old: str, new: str, *, document: DocumentRef | None = None) -> builtins.list[DocumentId]:
        """Show speaker ``old`` as ``new`` in every document (or in one): ``Interviewer`` → ``I``.

        Renaming to the name of another speaker merges the two. An interviewer stays one.
        The name survives detecting turns again and re-importing. Returns the changed documents.
        """
        new = check_speaker_name(new)
        guid = self._documents.get(document).guid if document is not None else None

        def edit(rules: SpeakerRules, detected: Detected) -> SpeakerRules:
            shown = sorted(
                {
                    (doc_guid, label)
                    for doc_guid, turns in detected.values()
                    if guid is None or doc_guid == guid
                    for label in {t.speaker for t in turns if t.speaker}
                    if fold(rules.name_for(label, doc_guid)) == fold(old)
                }
            )
            if not shown:
                where = "this document" if guid is not None else "the project"
                raise NotFoundError(say("there is no speaker '{old}' in {where}", old=old, where=where))
            updated = rules
            if guid is None:  # names given in one document follow a rename everywhere
                for scope, mapping in rules.names.items():
                    for label, name in mapping.items():
                        if scope != ALL_DOCUMENTS and fold(name) == fold(old):
                            updated = updated.with_name(label, new, scope)
            for doc_guid, label in shown:
                if fold(updated.name_for(label, doc_guid)) == fold(old):
                    updated = updated.with_name(label, new, guid)
            if rules.is_interviewer(old) and not updated.is_interviewer(new):
                updated = replace(updated, interviewers=(*updated.interviewers, new))
            return updated

        scope = None if document is None else [self._context.resolve.document(document)]
        result: list[DocumentId] = self._context.execute(
            ChangeSpeakers(say("Rename speaker {old} to {new}", old=old, new=new), edit, documents=scope)
        )
        return result

    def set_interviewer(self, name: str, interviewer: bool = True) -> None:
        """Mark a speaker as an interviewer, or as not one."""
        name = check_speaker_name(name)

        def edit(rules: SpeakerRules, _detected: Detected) -> SpeakerRules:
            kept = tuple(i for i in rules.interviewers if fold(i) != fold(name))
            if interviewer:
                return replace(rules, interviewers=(*kept, name))
            if rules.is_interviewer(name) and kept == rules.interviewers:
                raise InvalidInputError(
                    say(
                        (
                            "'{name}' counts as an interviewer because of its role; rename the speaker or "
                            "unmark the role"
                        ),
                        name=name,
                    )
                )
            return replace(rules, interviewers=kept)

        text = (
            say("Mark {name} as interviewer", name=name)
            if interviewer
            else say("Mark {name} as respondent", name=name)
        )
        self._context.execute(ChangeSpeakers(text, edit, rederive=False))

    def set_not_speaker(self, label: str, not_speaker: bool = True) -> builtins.list[DocumentId]:
        """A detected label that is no speaker (``Toelichting:``): its lines join the turn before.

        ``label`` is the speaker as shown now; every label shown under that name is affected.
        """
        label = check_speaker_name(label)

        def edit(rules: SpeakerRules, detected: Detected) -> SpeakerRules:
            if not not_speaker:
                return replace(
                    rules, not_speakers=tuple(s for s in rules.not_speakers if fold(s) != fold(label))
                )
            labels = {
                t.speaker
                for doc_guid, turns in detected.values()
                for t in turns
                if t.speaker and fold(rules.name_for(t.speaker, doc_guid)) == fold(label)
            } or {label}
            known = {fold(s) for s in rules.not_speakers}
            added = tuple(sorted(s for s in labels if fold(s) not in known))
            return replace(rules, not_speakers=(*rules.not_speakers, *added))

        text = (
            say("{label} is no speaker", label=label)
            if not_speaker
            else say("{label} is a speaker", label=label)
        )
        result: list[DocumentId] = self._context.execute(ChangeSpeakers(text, edit))
        return result

    def code_turns(
        self,
        code: CodeRef,
        speakers: str | Sequence[str],
        *,
        documents: DocumentRef | Sequence[DocumentRef] | None = None,
        memo: str = "",
        coder: str | None = None,
    ) -> PassageResult:
        """Code the words of every turn of some speakers (labels and timestamps left out) with a code,
        in some documents or all, as one undoable action: "code all answers of R5"."""
        wanted = {fold(s) for s in ([speakers] if isinstance(speakers, str) else speakers)}
        ids = self._ids(documents)
        statement = select(Turn.document_id, Turn.speaker, Turn.body_start, Turn.end).order_by(
            Turn.document_id, Turn.start
        )
        if ids is not None:
            statement = statement.where(Turn.document_id.in_(ids))
        with self._store.read() as session:
            rows = session.execute(statement).all()
        found = {fold(row.speaker) for row in rows}
        missing = sorted(wanted - found, key=natural_key)
        if missing:
            raise NotFoundError(say("no turns of speaker {missing} found", missing=", ".join(missing)))
        passages = [
            (DocumentId(row.document_id), row.body_start, row.end)
            for row in rows
            if fold(row.speaker) in wanted and row.end > row.body_start
        ]
        code_id = self._context.resolve.code(code)
        label = ", ".join(sorted({s for s in ([speakers] if isinstance(speakers, str) else speakers)}))
        name = self._context.resolve.code_tree().get(code_id).name
        return self._code(
            code_id,
            passages,
            memo,
            coder,
            say("Code all turns of {label} with {name}", label=label, name=name),
        )

    def code_respondent_words(
        self,
        document: DocumentRef,
        code: CodeRef,
        start: int,
        end: int,
        *,
        memo: str = "",
        coder: str | None = None,
    ) -> PassageResult:
        """Code a selection without the interviewer's turns in it: each respondent part is one passage."""
        document_id = self._context.resolve.document(document)
        parts = self.respondent_spans(document_id, start, end)
        if not parts:
            raise InvalidInputError(say("the selection holds only the interviewer's words"))
        code_id = self._context.resolve.code(code)
        text = say(
            "Code respondent's words with {name}", name=self._context.resolve.code_tree().get(code_id).name
        )
        return self._code(code_id, [(document_id, s, e) for s, e in parts], memo, coder, text)

    def _code(
        self,
        code_id: CodeId,
        passages: Sequence[tuple[DocumentId, int, int]],
        memo: str,
        coder: str | None,
        text: str,
    ) -> PassageResult:
        """One action coding passages (each trimmed); passages that already have the code stay as they are."""
        unique = builtins.list(dict.fromkeys(passages))
        command = ApplyCodings(
            [CodingRequest(document_id, code_id, start, end, memo) for document_id, start, end in unique],
            coder=coder or self._context.coder(),
            skip_existing=True,
        )
        command.text = text
        codings: list[CodingId] = self._context.execute(command) if unique else []
        return PassageResult(tuple(codings), len(unique) - len(codings))

    def _ids(self, documents: DocumentRef | Sequence[DocumentRef] | None) -> builtins.list[DocumentId] | None:
        if documents is None:
            return None
        items = (
            [documents]
            if isinstance(documents, str | int) or not isinstance(documents, Sequence)
            else documents
        )
        return [self._context.resolve.document(item) for item in items]
