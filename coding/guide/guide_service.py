"""The interview guide of a project: the guide questions on the codes, importing a guide document,
and finding the guide questions in the interviewers' turns."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coding.core.context import DocumentRef, ProjectContext
from coding.core.errors import FileImportError, NotFoundError
from coding.core.ids import DocumentId
from coding.core.text import fold, natural_key
from coding.documents.document_service import DocumentService
from coding.guide.guide_commands import AttachGuide, DecideGuideMatch, GuideText
from coding.guide.guide_file import read_guide
from coding.guide.matching import GuideMatcher, GuideQuestionText, MatchSettings, TurnMatch, TurnText
from coding.speakers.speaker_service import SpeakerService
from models import GuideMatch as GuideMatchRow


@dataclass(frozen=True)
class GuideEntry:
    """One guide question as the project holds it: on the code with that question reference."""

    ref: str
    code: str
    question: str
    prompts: tuple[str, ...]


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
        document_id = self._context.resolve.document(document)
        turn = next((t for t in self._documents.turns(document_id) if t.start == start), None)
        if turn is None or not self._speakers.rules().is_interviewer(turn.speaker):
            raise NotFoundError(
                f"no interviewer turn starts at {start} in {self._documents.get(document_id).name}"
            )
        refs = {fold(r): r for r in self.matcher().refs}
        if fold(question) not in refs:
            raise NotFoundError(f"no guide question {question}")
        self._context.execute(DecideGuideMatch(document_id, start, turn.end, refs[fold(question)], status))

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

    def _found(
        self, matcher: GuideMatcher, document_id: DocumentId, turns: Sequence[TurnText]
    ) -> list[TurnMatch]:
        """The matcher's questions per turn, with the researcher's decisions applied: a cleared question
        dropped, a confirmed one added (confidence 1) or kept."""
        decisions = self._decisions(document_id)
        out = []
        for found in matcher.match(turns):
            decided = decisions.get(found.start, {})
            refs = [(r, c) for r, c in found.refs if decided.get(r) != "cleared"]
            refs += [
                (r, 1.0) for r, status in decided.items() if status == "confirmed" and r not in dict(refs)
            ]
            out.append(TurnMatch(found.start, found.end, tuple(refs)))
        return out

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
        for document in chosen:
            decisions = self._decisions(document.id)
            text = self._documents.text(document.id)
            turns = [
                TurnText(t.start, t.end, text[t.body_start : t.end])
                for t in self._documents.turns(document.id)
                if rules.is_interviewer(t.speaker)
            ]
            for turn, found in zip(turns, self._found(matcher, document.id, turns), strict=True):
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
        ref = fold(question)
        refs = {fold(r) for r in self.matcher().refs}
        if ref not in refs:
            known = ", ".join(sorted(refs, key=natural_key)) or "none: the project has no guide"
            raise NotFoundError(f"no guide question {question} (guide questions: {known})")
        wanted = {fold(k): fold(v) for k, v in (where or {}).items()}
        matcher = self.matcher()
        rules = self._speakers.rules()
        out: list[GuideAnswer] = []
        for document in self._documents.list(with_counts=False):
            attributes = {fold(k): fold(v) for k, v in document.attributes.items()}
            if any(attributes.get(k) != v for k, v in wanted.items()):
                continue
            text = self._documents.text(document.id)
            turns = self._documents.turns(document.id)
            asking = [t for t in turns if rules.is_interviewer(t.speaker)]
            found = self._found(
                matcher, document.id, [TurnText(t.start, t.end, text[t.body_start : t.end]) for t in asking]
            )
            questions = {m.start: m.refs for m in found}
            decisions = self._decisions(document.id)
            for turn in asking:
                hit = next(((r, c) for r, c in questions[turn.start] if fold(r) == ref), None)
                if hit is None:
                    continue
                canonical, confidence = hit
                parts = []
                for later in turns:
                    if later.start <= turn.start:
                        continue
                    if rules.is_interviewer(later.speaker):
                        if questions.get(later.start):
                            break
                        continue
                    parts.append(later)
                body = "\n".join(text[p.body_start : p.end] for p in parts)
                start = parts[0].start if parts else turn.end
                end = parts[-1].end if parts else turn.end
                out.append(
                    GuideAnswer(
                        document.name,
                        dict(document.attributes),
                        question,
                        turn.start,
                        start,
                        end,
                        body,
                        confidence,
                        decisions.get(turn.start, {}).get(canonical) == "confirmed",
                    )
                )
                break
        return out

    def questions(self) -> list[GuideEntry]:
        """Every code with a question reference and a guide question, in reference order."""
        entries = [
            GuideEntry(code.question, code.path_text, code.guide_question, code.guide_prompts)
            for code in self._context.resolve.code_tree()
            if code.question and code.guide_question
        ]
        return sorted(entries, key=lambda e: natural_key(e.ref))

    def import_guide(self, path: str | Path, *, strict: bool = False) -> GuideImport:
        """Attach each numbered question of a guide document (``.txt``/``.docx``) to the code with that
        reference, in one undoable step. With ``strict`` a question no code carries is an error and
        nothing is attached."""
        document = read_guide(path)
        by_ref = {fold(code.question): code for code in self._context.resolve.code_tree() if code.question}
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
                path, "; ".join(f"question {ref}: no code has reference {ref}" for ref in unplaced)
            )
        if not texts:
            raise FileImportError(
                path,
                f"none of its questions ({', '.join(unplaced)}) is the reference of a code in this project",
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
