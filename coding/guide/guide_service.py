"""The interview guide of a project: the guide questions on the codes, importing a guide document,
and finding the guide questions in the interviewers' turns."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from sqlalchemy import select

from coding.core.context import DocumentRef, ProjectContext
from coding.core.errors import FileImportError, InvalidInputError, NotFoundError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.plain_rows import plain_row_stream
from coding.core.records import DocumentInfo, TurnInfo
from coding.core.text import fold, natural_key
from coding.documents.document_service import DocumentService
from coding.guide.answer_spans import AnswerSpan, decided_refs, document_answer_spans
from coding.guide.guide_commands import AttachGuide, DecideGuideMatch, GuideText
from coding.guide.guide_file import read_guide
from coding.guide.matching import GuideMatcher, GuideQuestionText, MatchSettings, TurnMatch, TurnText
from coding.passages.bulk_coding import ApplyCodings, CodingRequest
from coding.speakers.speaker_service import PassageResult, SpeakerService
from coding.undo.command import Command
from coding.undo.group import Group
from models import Document, Turn
from models import GuideMatch as GuideMatchRow


@dataclass(frozen=True)
class GuideEntry:
    """One guide question as the project holds it: on the code with that question reference."""

    ref: str
    code: str
    question: str
    prompts: tuple[str, ...]
    #: The top code of its code's path (the concept), under which exports group the questions.
    theme: str = ""
    code_id: CodeId | None = None


@dataclass(frozen=True)
class GuideImport:
    """What importing a guide document did: the references attached (with their code's path) and
    the numbered questions it could not place (no code has that reference)."""

    source: str
    attached: tuple[tuple[str, str], ...]
    unplaced: tuple[str, ...]


@dataclass(frozen=True)
class GuideMatch:
    """An interviewer turn (``start``–``end`` in ``document``) that asks guide question ``question``."""

    document: str
    start: int
    end: int
    question: str
    confidence: float
    confirmed: bool


@dataclass(frozen=True)
class UnmatchedTurn:
    """An interviewer turn that asks no guide question the matcher could find."""

    document: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class GuideMatching:
    matches: tuple[GuideMatch, ...]
    unmatched: tuple[UnmatchedTurn, ...]


@dataclass(frozen=True)
class GuideAnswer:
    """The respondent's words after a matched question, up to the next interviewer question.

    ``start``–``end`` spans the answer's turns (their labels included; ``text`` holds only the words)."""

    document: str
    attributes: Mapping[str, str]
    question: str
    asked_at: int
    start: int
    end: int
    text: str
    confidence: float
    confirmed: bool
    #: The respondent's words: each answer turn without its label (what coding the answer codes).
    parts: tuple[tuple[int, int], ...] = ()
    #: Where the interviewer turn that asks the question ends.
    asked_end: int = 0


@dataclass(frozen=True)
class Respondent:
    document_id: DocumentId
    document: str
    attributes: Mapping[str, str]


@dataclass(frozen=True)
class GuideTable:
    """Guide questions × interviews: the answer found to each question in each interview (if any)."""

    questions: tuple[GuideEntry, ...]
    respondents: tuple[Respondent, ...]
    #: By (folded question reference, document name).
    answers: Mapping[tuple[str, str], GuideAnswer]

    def answer(self, ref: str, document: str) -> GuideAnswer | None:
        return self.answers.get((fold(ref), document))

    def themes(self) -> list[tuple[str, list[GuideEntry]]]:
        """The questions grouped by theme, in order of first appearance."""
        grouped: dict[str, list[GuideEntry]] = {}
        for entry in self.questions:
            grouped.setdefault(entry.theme, []).append(entry)
        return list(grouped.items())


class _TurnRow(NamedTuple):
    """A speaker turn as :meth:`GuideService.answer_spans` reads it (no record per turn)."""

    speaker: str
    start: int
    end: int
    body_start: int


def _answer(document: DocumentInfo, question: str, span: AnswerSpan, text: str) -> GuideAnswer:
    """The answer ``span`` of ``document`` (whose text is ``text``) to ``question``, its parts joined."""
    return GuideAnswer(
        document.name,
        dict(document.attributes),
        question,
        span.asked_start,
        span.turn_start,
        span.end,
        "\n".join(text[s:e] for s, e in span.parts),
        span.confidence,
        span.confirmed,
        span.parts,
        span.asked_end,
    )


class GuideService:
    def __init__(self, context: ProjectContext, documents: DocumentService, speakers: SpeakerService) -> None:
        self._context = context
        self._documents = documents
        self._speakers = speakers

    def matcher(self, settings: MatchSettings | None = None) -> GuideMatcher:
        """A matcher over the project's guide (every code with a reference and a guide question)."""
        texts = [
            question_text(
                code.question,
                code.name,
                code.description,
                code.search_terms,
                code.guide_question,
                code.guide_prompts,
            )
            for code in self._context.resolve.code_tree()
            if code.question and code.guide_question
        ]
        return GuideMatcher(texts, settings)

    def decide(self, document: DocumentRef, start: int, question: str, status: str | None) -> None:
        """Confirm (``"confirmed"``), clear (``"cleared"``) or reset (``None``) that the interviewer turn
        starting at ``start`` asks guide question ``question``; one undoable step."""
        document_id, end, ref = self._turn_and_question(document, start, question)
        self._context.execute(DecideGuideMatch(document_id, start, end, ref, status))

    def move(self, document: DocumentRef, start: int, old: str | None, new: str) -> None:
        """The interviewer turn starting at ``start`` asks ``new``, not ``old`` (``None``: a turn the
        matcher found no question in): ``old`` cleared and ``new`` confirmed, one undoable step."""
        document_id, end, ref = self._turn_and_question(document, start, new)
        children: list[Command] = []
        if old is not None and fold(old) != fold(new):
            _id, _end, old_ref = self._turn_and_question(document_id, start, old)
            children.append(DecideGuideMatch(document_id, start, end, old_ref, "cleared"))
        children.append(DecideGuideMatch(document_id, start, end, ref, "confirmed"))
        label = (
            say("Move guide question {old} to {ref}", old=old, ref=ref)
            if old is not None
            else say("Confirm guide question {ref}", ref=ref)
        )
        self._context.execute(Group(label, children))

    def _turn_and_question(
        self, document: DocumentRef, start: int, question: str
    ) -> tuple[DocumentId, int, str]:
        document_id = self._context.resolve.document(document)
        turn = next((t for t in self._documents.turns(document_id) if t.start == start), None)
        if turn is None or not self._speakers.rules().is_interviewer(turn.speaker):
            raise NotFoundError(
                say(
                    "no interviewer turn starts at {start} in {name}",
                    start=start,
                    name=self._documents.get(document_id).name,
                )
            )
        refs = {fold(r): r for r in self.matcher().refs}
        if fold(question) not in refs:
            raise NotFoundError(say("no guide question {question}", question=question))
        return document_id, turn.end, refs[fold(question)]

    def _decisions(self, document_id: DocumentId) -> dict[int, dict[str, str]]:
        with self._context.store.read() as session:
            rows = session.execute(
                select(GuideMatchRow.start, GuideMatchRow.question, GuideMatchRow.status).where(
                    GuideMatchRow.document_id == document_id
                )
            ).all()
        out: dict[int, dict[str, str]] = {}
        for row in rows:
            out.setdefault(row.start, {})[row.question] = row.status
        return out

    def all_decisions(self) -> dict[DocumentId, dict[int, dict[str, str]]]:
        """:meth:`_decisions` of every document, read at once."""
        with self._context.store.read() as session:
            rows = session.execute(
                select(
                    GuideMatchRow.document_id,
                    GuideMatchRow.start,
                    GuideMatchRow.question,
                    GuideMatchRow.status,
                )
            ).all()
        out: dict[DocumentId, dict[int, dict[str, str]]] = {}
        for row in rows:
            out.setdefault(DocumentId(row.document_id), {}).setdefault(row.start, {})[row.question] = (
                row.status
            )
        return out

    def _found(
        self,
        matcher: GuideMatcher,
        document_id: DocumentId,
        turns: Sequence[TurnText],
        decisions: dict[int, dict[str, str]] | None = None,
    ) -> list[TurnMatch]:
        """The matcher's questions per turn, with the researcher's decisions applied: a cleared question
        dropped, a confirmed one added (confidence 1) or kept. ``decisions``: the document's, when read."""
        if decisions is None:
            decisions = self._decisions(document_id)
        return [
            TurnMatch(found.start, found.end, decided_refs(found.refs, decisions.get(found.start)))
            for found in matcher.match(turns)
        ]

    def match(self, documents: Sequence[DocumentRef] | None = None) -> GuideMatching:
        """Every interviewer turn matched to the guide question(s) it asks, with a confidence; the turns
        that ask none are listed apart. Nothing is stored: the same project gives the same matches."""
        matcher = self.matcher()
        chosen = (
            [self._documents.get(ref) for ref in documents]
            if documents
            else self._documents.list(with_counts=False)
        )
        matches: list[GuideMatch] = []
        unmatched: list[UnmatchedTurn] = []
        if not matcher.refs:
            return GuideMatching((), ())
        rules = self._speakers.rules()
        # one document (the transcript's margin): its own decisions, not those of 2,000 interviews
        every = self.all_decisions() if len(chosen) > 8 else {d.id: self._decisions(d.id) for d in chosen}
        for document in chosen:
            decisions = every.get(document.id, {})
            text = self._documents.text(document.id)
            turns = [
                TurnText(t.start, t.end, text[t.body_start : t.end])
                for t in self._documents.turns(document.id)
                if rules.is_interviewer(t.speaker)
            ]
            for turn, found in zip(turns, self._found(matcher, document.id, turns, decisions), strict=True):
                if not found.refs:
                    unmatched.append(UnmatchedTurn(document.name, turn.start, turn.end, turn.text))
                decided = decisions.get(turn.start, {})
                for ref, confidence in found.refs:
                    confirmed = decided.get(ref) == "confirmed"
                    matches.append(
                        GuideMatch(document.name, turn.start, turn.end, ref, confidence, confirmed)
                    )
        return GuideMatching(tuple(matches), tuple(unmatched))

    def answers(self, question: str, *, where: Mapping[str, str] | None = None) -> list[GuideAnswer]:
        """Every answer to guide question ``question`` (a reference, e.g. ``4a``), one per interview that
        asks it (in document order), in the documents whose attributes match ``where`` (folded)."""
        return [answer for _id, answer in self._answers_to(question, where=where)]

    def _answers_to(
        self, question: str, *, where: Mapping[str, str] | None = None
    ) -> list[tuple[DocumentId, GuideAnswer]]:
        """:meth:`answers` with each answer's document id. The turns of all documents are read at once
        and the texts a chunk at a time (a query per document was most of the time on 2,000 documents)."""
        ref = fold(question)
        matcher = self.matcher()
        refs = {fold(r) for r in matcher.refs}
        if ref not in refs:
            known = ", ".join(sorted(refs, key=natural_key)) or "none: the project has no guide"
            raise NotFoundError(
                say("no guide question {question} (guide questions: {known})", question=question, known=known)
            )
        chosen = self._chosen(where)
        found: dict[DocumentId, GuideAnswer] = {}
        for document_id, text, spans in self._spans_of(matcher, list(chosen)):
            span = next((s for s in spans if fold(s.question) == ref), None)
            if span is None:
                continue
            found[document_id] = _answer(chosen[document_id], question, span, text)
        return [(document_id, found[document_id]) for document_id in chosen if document_id in found]

    def _chosen(self, where: Mapping[str, str] | None) -> dict[DocumentId, DocumentInfo]:
        """The documents whose attributes match ``where`` (folded), by id in document order."""
        wanted = {fold(k): fold(v) for k, v in (where or {}).items()}
        chosen: dict[DocumentId, DocumentInfo] = {}
        for document in self._documents.list(with_counts=False):
            if wanted:
                attributes = {fold(k): fold(v) for k, v in document.attributes.items()}
                if any(attributes.get(k) != v for k, v in wanted.items()):
                    continue
            chosen[document.id] = document
        return chosen

    def table(self, *, where: Mapping[str, str] | None = None) -> GuideTable:
        """Every guide question × every interview (whose attributes match ``where``): the first answer
        found to each question, for the guide view and its export. One matching pass per interview."""
        matcher = self.matcher()
        chosen = self._chosen(where)
        respondents = [Respondent(d.id, d.name, dict(d.attributes)) for d in chosen.values()]
        found: dict[DocumentId, dict[tuple[str, str], GuideAnswer]] = {}
        for document_id, text, spans in self._spans_of(matcher, list(chosen)):
            document = chosen[document_id]
            answers = found[document_id] = {}
            for span in spans:
                key = (fold(span.question), document.name)
                if key in answers:
                    continue
                answers[key] = _answer(document, span.question, span, text)
        table = {key: answer for document_id in chosen for key, answer in found.get(document_id, {}).items()}
        return GuideTable(tuple(self.questions()), tuple(respondents), table)

    def code_answers(
        self, question: str, *, confirmed_only: bool = True, coder: str | None = None
    ) -> PassageResult:
        """Code every (confirmed) answer to guide question ``question`` with the code that carries it:
        the respondent's words of each answer, one undoable step (the path of coding by speaker)."""
        entry = next((e for e in self.questions() if fold(e.ref) == fold(question)), None)
        if entry is None or entry.code_id is None:
            raise NotFoundError(say("no guide question {question}", question=question))
        answers = [(d, a) for d, a in self._answers_to(entry.ref) if a.confirmed or not confirmed_only]
        passages = list(dict.fromkeys((document_id, s, e) for document_id, a in answers for s, e in a.parts))
        if not passages:
            raise InvalidInputError(
                say("no confirmed answer to {ref} to code: confirm its matches first", ref=entry.ref)
                if confirmed_only
                else say("no answer to {ref} to code", ref=entry.ref)
            )
        command = ApplyCodings(
            [CodingRequest(document_id, entry.code_id, s, e, "") for document_id, s, e in passages],
            coder=coder or self._context.coder(),
            skip_existing=True,
        )
        command.text = say(
            "Code the answers to {ref} with {code}", ref=entry.ref, code=entry.code.rsplit("/", 1)[-1]
        )
        codings: list[CodingId] = self._context.execute(command)
        return PassageResult(tuple(codings), len(passages) - len(codings))

    def answer_spans(self, documents: Sequence[DocumentId] | None = None) -> list[AnswerSpan]:
        """The answer to every matched guide question of the documents (all when ``None``): in document
        order, per document in the order asked (a turn asking two questions gives an answer for each).
        The turns of all documents are read at once and the texts one at a time (a large corpus has
        thousands of documents: a query per document was most of the time)."""
        matcher = self.matcher()
        if not matcher.refs:
            return []
        ids = (
            list(documents)
            if documents is not None
            else [d.id for d in self._documents.list(with_counts=False)]
        )
        found = {document_id: spans for document_id, _text, spans in self._spans_of(matcher, ids)}
        missing = [document_id for document_id in ids if document_id not in found]
        if missing:
            raise NotFoundError(say("document {document_id} does not exist", document_id=missing[0]))
        return [span for document_id in ids for span in found[document_id]]

    def _spans_of(
        self, matcher: GuideMatcher, ids: Sequence[DocumentId]
    ) -> Iterator[tuple[DocumentId, str, list[AnswerSpan]]]:
        """Each document's text and answer spans (in no particular order; none without a guide): the
        decisions and turns of all documents read at once, the texts a chunk at a time."""
        if not matcher.refs or not ids:
            return
        rule = self._speakers.rules().is_interviewer
        interviewers: dict[str, bool] = {}

        def is_interviewer(speaker: str) -> bool:
            found = interviewers.get(speaker)
            if found is None:
                found = interviewers[speaker] = rule(speaker)
            return found

        decided = self.all_decisions()
        turns = self._all_turns(ids)
        for document_id, text in self._texts(ids):
            spans = self._answer_spans(
                matcher,
                document_id,
                text,
                is_interviewer,
                decided.get(document_id, {}),
                turns.get(document_id, []),
            )
            yield document_id, text, spans

    def _all_turns(self, ids: Sequence[DocumentId]) -> dict[DocumentId, list[_TurnRow]]:
        """The speaker turns of the documents in text order, read at once (the driver's rows)."""
        wanted = set(ids)
        out: dict[DocumentId, list[_TurnRow]] = {}
        with self._context.store.read() as session:
            for document_id, speaker, start, end, body_start in plain_row_stream(
                session,
                select(Turn.document_id, Turn.speaker, Turn.start, Turn.end, Turn.body_start).order_by(
                    Turn.document_id, Turn.start
                ),
            ):
                if document_id in wanted:
                    out.setdefault(DocumentId(document_id), []).append(
                        _TurnRow(speaker, start, end, body_start)
                    )
        return out

    def _texts(self, ids: Sequence[DocumentId]) -> Iterator[tuple[DocumentId, str]]:
        """The documents' texts one at a time (never all held at once)."""
        wanted = sorted(set(ids))
        for i in range(0, len(wanted), 500):
            chunk = wanted[i : i + 500]
            with self._context.store.read() as session:
                for document_id, text in plain_row_stream(
                    session, select(Document.id, Document.text).where(Document.id.in_(chunk)), at_once=16
                ):
                    yield DocumentId(document_id), text

    def _answer_spans(
        self,
        matcher: GuideMatcher,
        document_id: DocumentId,
        text: str,
        is_interviewer: Callable[[str], bool] | None = None,
        decisions: dict[int, dict[str, str]] | None = None,
        turns: Sequence[_TurnRow | TurnInfo] | None = None,
    ) -> list[AnswerSpan]:
        """The respondent's turns after each matched question, up to the next interviewer turn that asks
        a guide question (follow-ups and back-channels of the interviewer in between do not end it).
        ``turns``: the document's, when read."""
        if is_interviewer is None:
            is_interviewer = self._speakers.rules().is_interviewer
        decisions = decisions if decisions is not None else self._decisions(document_id)
        if turns is None:
            turns = self._documents.turns(document_id)
        interviewer = [is_interviewer(t.speaker) for t in turns]
        asking = [t for t, asks in zip(turns, interviewer, strict=True) if asks]
        found = self._found(
            matcher,
            document_id,
            [TurnText(t.start, t.end, text[t.body_start : t.end]) for t in asking],
            decisions,
        )
        questions = {m.start: m.refs for m in found}
        return document_answer_spans(
            document_id,
            [t.start for t in turns],
            [t.body_start for t in turns],
            [t.end for t in turns],
            interviewer,
            questions,
            decisions,
        )

    def questions(self) -> list[GuideEntry]:
        """Every code with a question reference and a guide question, in reference order."""
        entries = [
            GuideEntry(
                code.question, code.path_text, code.guide_question, code.guide_prompts, code.concept, code.id
            )
            for code in self._context.resolve.code_tree()
            if code.question and code.guide_question
        ]
        return sorted(entries, key=lambda e: natural_key(e.ref))

    def import_guide(self, path: str | Path, *, strict: bool = False) -> GuideImport:
        """Attach each numbered question of a guide document (``.txt``/``.docx``) to the code with that
        reference, in one undoable step. With ``strict`` a question no code carries is an error and
        nothing is attached."""
        by_ref = {fold(code.question): code for code in self._context.resolve.code_tree() if code.question}
        document = read_guide(
            path, [code.question for code in by_ref.values() if code.question] if strict else None
        )
        texts: list[GuideText] = []
        attached: list[tuple[str, str]] = []
        unplaced: list[str] = []
        for question in document.questions:
            code = by_ref.get(fold(question.ref))
            if code is None:
                unplaced.append(question.ref)
                continue
            texts.append(GuideText(code.id, question.question, question.prompts))
            attached.append((question.ref, code.path_text))
        if strict and unplaced:
            raise FileImportError(
                path,
                "; ".join(say("question {ref}: no code has reference {ref}", ref=ref) for ref in unplaced),
            )
        if not texts:
            raise FileImportError(
                path,
                say(
                    "none of its questions ({unplaced}) is the reference of a code in this project",
                    unplaced=", ".join(unplaced),
                ),
            )
        self._context.execute(AttachGuide(texts, document.source))
        return GuideImport(document.source, tuple(attached), tuple(unplaced))


def question_text(
    ref: str,
    name: str,
    description: str,
    terms: tuple[str, ...],
    question: str,
    prompts: tuple[str, ...],
) -> GuideQuestionText:
    """What the matcher compares turns with: the guide question, its prompts and its code's own words."""
    return GuideQuestionText(ref, question, prompts, " ".join((name, description, *terms)))
