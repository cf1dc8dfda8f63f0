"""The review queue of suggested codings: find, list per code or document, accept, reject, adjust.

Nothing is coded without the researcher accepting it. Every decision is an undoable action;
rejected suggestions are kept and never offered again.
"""

from __future__ import annotations

import builtins
import gc
import threading
from collections import defaultdict
from collections.abc import Callable, Container, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select

from coding.core.collector import collector_paused
from coding.core.context import CodeRef, DocumentRef, ProjectContext
from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import CodeId, CodingId, DocumentId
from coding.core.in_steps import let_go, ranks, sorted_by
from coding.core.plain_rows import plain_rows
from coding.core.project_settings import read_settings
from coding.core.records import CodeInfo
from coding.language.sql import raw_connection
from coding.language.suggestions.candidates import (
    SOURCES,
    Candidate,
    best_per_code,
    merge,
    not_already_decided,
    pending_reasons,
    prefer_specific,
    with_reason,
)
from coding.language.suggestions.commands import (
    AcceptSuggestions,
    AdjustSuggestion,
    RefreshSuggestions,
    RejectSuggestions,
    SuggestionId,
)
from coding.language.suggestions.fixed_sources import Fixed, FixedSources
from coding.language.suggestions.listing import SUGGESTION_INFO, SuggestionInfo, suggestion_records
from models import SUGGESTION_STATUSES, Suggestion

if TYPE_CHECKING:
    from coding.guide.guide_service import GuideService
    from coding.language.assistant import LanguageAssistant
    from coding.language.corpus import Corpus
    from coding.language.suggestions.calibration import Calibration
    from coding.language.suggestions.data import CorpusData
    from coding.language.suggestions.evaluation import Evaluation, Span

#: Open suggestions kept per code, in proportion to the corpus: this many per document, at least
#: :data:`MIN_PER_CODE`; accepting or rejecting makes room for the next ones.
PER_DOCUMENT = 3
MIN_PER_CODE = 10


def per_code_limit(documents: int) -> int:
    """How many open suggestions a code gets in a corpus of ``documents`` documents."""
    return max(MIN_PER_CODE, PER_DOCUMENT * documents)


class SuggestionService:
    def __init__(
        self, context: ProjectContext, assistant: LanguageAssistant, guide: GuideService | None = None
    ) -> None:
        self._context = context
        self._assistant = assistant
        self._lock = threading.Lock()
        #: The corpus's words and what the sources derive from them, with what they were read from.
        self._data: tuple[tuple[object, ...], CorpusData] | None = None
        #: The sources that do not look at the codings, and the guide's answers (kept between finds).
        self.fixed = FixedSources(
            context,
            assistant,
            guide,
            lambda: self._corpus_data(assistant.corpus(), assistant.ensure_indexed()),
            self._corpus_key,
        )

    # -- finding -------------------------------------------------------------------------
    def candidates(
        self,
        code: CodeRef | None = None,
        *,
        sources: Sequence[str] = SOURCES,
        include_subcodes: bool = True,
        limit: int | None = None,
    ) -> list[Candidate]:
        """Fresh candidates (not stored) for one code (and its subcodes) or all codes, at most
        ``limit`` per code (the best; by default in proportion to the corpus, :func:`per_code_limit`), each
        from its code's calibrated threshold up (:meth:`calibrate`)."""
        unknown = set(sources) - set(SOURCES)
        if unknown:
            raise InvalidInputError(
                say("unknown suggestion source(s) {unknown}", unknown=", ".join(sorted(unknown)))
            )
        codes = self._scope(code, include_subcodes)
        # a large corpus's hundreds of thousands of candidates, answers and turns live until the end and hold
        # no cycles: the cyclic collector walking them again and again was a fifth of the time at 10×. What is
        # garbage in cycles already (a closed project's words and vectors, the last refresh's rows) is collected
        # first, once: paused, nothing would collect it before this find's peak (+18 to +80 MB at 1×). On the main
        # thread only: in a worker (the window's Find) it would also free the window's Qt objects that are garbage
        # in cycles, deleting them from the wrong thread while the window's thread delivers their events (a crash);
        # the window collects on its own thread before it starts the worker (app/language/suggestion_queue.py)
        if threading.current_thread() is threading.main_thread():
            gc.collect()
        # ended by freezing what stays (the next find's answers and words): no later collection walks it again
        with collector_paused(settle=True):
            coded, decided = self._decisions()
            if limit is None:
                limit = per_code_limit(len(self._assistant.ensure_indexed()))
            return self._find(codes, sources, coded, decided, limit, thresholds=self._thresholds())

    def keep_for_next_session(self, stop: Callable[[], bool] | None = None) -> bool:
        """Store what the finds since the last call computed and the next session's first find can read instead
        (:mod:`~coding.language.suggestions.stored_state`; ≈ 1 s at ten times the corpus): a step of its own after
        the suggestions were found and shown (:meth:`refresh` takes it after storing them, the window in a worker).
        Reads the project and writes derived data only (no undo step, no change announced); safe on any thread,
        while another find runs too. ``stop``: asked between parts of ≤ 8 MiB; when it says so, what is left is kept
        for the next call (or computed again next session). Whether all was written (or nothing could be)."""
        from coding.language.suggestions.stored_state import write_pending

        with self._lock:
            data = self._data[1] if self._data is not None else None
        return True if data is None else write_pending(data, stop)

    def _find(
        self,
        codes: Sequence[CodeInfo],
        sources: Sequence[str],
        coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
        decided: dict[tuple[DocumentId, CodeId], list[tuple[int, int, str, str]]],
        limit: int,
        fixed: Fixed | None = None,
        thresholds: Mapping[CodeId, float] | None = None,
    ) -> list[Candidate]:
        """The candidates given what is coded and decided. ``fixed``: the candidates of the sources that
        do not depend on the codings (terms, question), when already found; ``thresholds``: the lowest score
        offered per code."""
        tree = self._context.resolve.code_tree()
        indexed = self._assistant.ensure_indexed()
        import numpy as np

        from coding.language.suggestions.candidate_columns import (
            CandidateColumns,
            RankedColumns,
            per_code,
            with_codes_of,
        )
        from coding.language.suggestions.kept import kept_closest_codes, kept_profiles  # numpy on first use
        from coding.language.suggestions.resemblance import (
            corroborated,
            learn_from_rejections,
            ranked_meeting_their_rank,
            terms_alone_dropped,
        )
        from coding.language.suggestions.turns import find_shared_words, turn_candidates

        corpus = self._assistant.corpus()
        data = self._corpus_data(corpus, indexed)
        sentences, fixed_found = fixed if fixed is not None else self.fixed.kept(codes, sources, data)
        # once for all, and kept for the next find while the codings stay the same
        profiles = kept_profiles(data, coded, list(tree))
        # a note is added to the reason of those that must meet their rank; as columns (read from the project, the
        # fixed candidates are columns already: each is made only when read)
        fixed_columns = ranked_meeting_their_rank(RankedColumns.ranked(fixed_found), data, profiles)
        found: list[Candidate] = []  # the other sources' candidates
        closest = None
        held: list[Candidate] = []  # sentence runs whose turn goes to their code (offered if the turn is not)
        turns: list[Candidate] = []
        given: dict[tuple[DocumentId, int], CodeId] = {}
        if "similar" in sources:
            from coding.language.suggestions.sentence_spans import span_candidates

            closest = kept_closest_codes(data, profiles)

            turns = turn_candidates(list(tree), {c.id for c in codes}, data, coded, profiles=profiles)
            found += turns
            given = {(c.document_id, c.start): c.code_id for c in turns}  # a turn's sentences go elsewhere
            found += span_candidates(
                list(tree), {c.id for c in codes}, data, coded, profiles, given, closest, held
            )
        if "question" in sources:
            found += self.fixed.unasked(codes, data, coded, profiles, closest)
        # the many search-term sentences that corroborated() drops anyway (their code has enough coded) and that
        # merge with nothing are set apart: only their passages count, for prefer_specific
        # carried as columns from here on (:mod:`.candidate_columns`): a Candidate is made only where candidates fold
        columns = fixed_columns.joined(CandidateColumns.of(found))
        del fixed_columns
        apart: Sequence[tuple[int, CodeId]] = []
        if sentences is not None:  # the term sentences first, as they were found first
            sentences_kept, apart = sentences.alone_apart(columns, terms_alone_dropped(profiles))
            columns = CandidateColumns.of(sentences_kept).joined(columns)
            del sentences_kept
        # (each step's result taken as columns: a step replaced in a test may give a list); each step's columns
        # let go once the next step's are made
        joined = CandidateColumns.of(merge(columns))
        del columns
        merged = CandidateColumns.of(
            corroborated(prefer_specific(joined, tree, apart), data, coded, profiles)
        )
        del apart
        if held:  # the sentence runs of a turn whose suggestion was dropped
            from coding.language.suggestions.sentence_spans import held_back

            merged = merged.joined(CandidateColumns.of(held_back(held, joined, merged)))
        del joined
        rejected: dict[CodeId, list[tuple[DocumentId, int, int]]] = defaultdict(list)
        for (doc_id, code_id), earlier in decided.items():
            rejected[code_id].extend((doc_id, s, e) for s, e, _, status in earlier if status == "rejected")
        if rejected:  # the candidates of codes with rejections may get a note added to their reason
            merged = CandidateColumns.of(
                learn_from_rejections(
                    [with_reason(c) if c.code_id in rejected else c for c in merged], data, rejected
                )
            )
        if thresholds:
            merged = merged.where(merged.score >= per_code(merged, thresholds, 0.0))
        # the texts of passages that might repeat a decision (those are compared by their words)
        spans: dict[DocumentId, list[tuple[int, int]]] = defaultdict(list)
        if decided:
            for c in merged.take(np.flatnonzero(with_codes_of(merged, decided))):
                spans[c.document_id].append((c.start, c.end))
        within = self._coded_with_subcodes(coded, set(np.unique(merged.code).tolist()))
        kept = CandidateColumns.of(
            best_per_code(not_already_decided(merged, within, decided, corpus.slices(spans)), limit)
        )
        del merged
        order = tree.order()
        # the reasons made only for the candidates offered (most of those found are dropped on the way), the
        # words the turns share with their codes found for all of them at once
        find_shared_words(pending_reasons(kept))
        reasoned = [with_reason(c) for c in kept]
        # what was built on the way (a million records at ten times the corpus) let go a step at a time: freed
        # all at once on return it held the GIL, and with it the window, 0.6 s CPU (see coding.core.in_steps)
        let_go(found, kept.items, turns, held, given)
        return sorted_by(
            reasoned,
            [order.get(c.code_id, 0) for c in reasoned],
            [-c.score for c in reasoned],
            [c.document_id for c in reasoned],
            [c.start for c in reasoned],
        )

    def evaluate(
        self,
        codes: Sequence[CodeRef] | None = None,
        *,
        sources: Sequence[str] = SOURCES,
        calibrated: bool = True,
    ) -> Evaluation:
        """Leave-one-document-out: each document with codings gets the suggestions the engine would make
        if that document's codings did not exist (earlier accepts and rejects are not looked at), scored
        against those codings (see :mod:`~coding.language.suggestions.evaluation` for the rule). Scored
        are ``codes`` (each with its subcodes), else every code with at least one coding. With
        ``calibrated`` the stored thresholds apply, as they do to the suggestions offered."""
        from coding.language.suggestions.evaluation import evaluate_spans

        with collector_paused():  # as in candidates()
            scope, suggested, passages, documents = self._leave_one_out(
                codes, sources, self._thresholds() if calibrated else None
            )
        spans = {code_id: [span for span, _ in found] for code_id, found in suggested.items()}
        return evaluate_spans([(i.id, i.path_text) for i in scope], spans, passages, documents)

    def calibrate(
        self,
        codes: Sequence[CodeRef] | None = None,
        *,
        sources: Sequence[str] = SOURCES,
        target: float | None = None,
    ) -> Calibration:
        """Choose each code's threshold from the leave-one-document-out evaluation without thresholds
        (:mod:`~coding.language.suggestions.calibration`) and store it in the project: one undoable step.
        Codes not scored keep the threshold they had."""
        found = self.measure_calibration(codes, sources=sources, target=target)
        self.store_calibration(found)
        return found

    def measure_calibration(
        self,
        codes: Sequence[CodeRef] | None = None,
        *,
        sources: Sequence[str] = SOURCES,
        target: float | None = None,
    ) -> Calibration:
        """:meth:`calibrate` without storing (reads only: may run in a worker thread)."""
        from coding.language.suggestions.calibration import TARGET_PRECISION, Calibration, calibrate

        with collector_paused():  # as in candidates()
            scope, suggested, passages, documents = self._leave_one_out(codes, sources, None)
        found = calibrate(
            [(i.id, i.path_text) for i in scope],
            suggested,
            passages,
            documents,
            TARGET_PRECISION if target is None else target,
        )
        earlier = self.calibration()
        if earlier is not None:
            chosen = {c.code_id for c in found.codes}
            kept = tuple(c for c in earlier.codes if c.code_id not in chosen)
            found = Calibration(found.target, found.documents, kept + found.codes)
        return found

    def store_calibration(self, calibration: Calibration) -> None:
        """Store a calibration (:meth:`measure_calibration`): one undoable step."""
        from coding.language.suggestions.commands import StoreCalibration

        self._context.execute(StoreCalibration(calibration.to_json()))

    def calibration(self) -> Calibration | None:
        """The stored calibration (:meth:`calibrate`), ``None`` before the first."""
        from coding.language.suggestions.calibration import CALIBRATION_SETTING, Calibration

        with self._context.store.read() as session:
            value = read_settings(session, [CALIBRATION_SETTING]).get(CALIBRATION_SETTING)
        return Calibration.from_json(value)

    def _thresholds(self) -> dict[CodeId, float]:
        found = self.calibration()
        if found is None:
            return {}
        return {c.code_id: c.threshold for c in found.codes if c.threshold is not None}

    def _leave_one_out(
        self,
        codes: Sequence[CodeRef] | None,
        sources: Sequence[str],
        thresholds: Mapping[CodeId, float] | None,
    ) -> tuple[list[CodeInfo], dict[CodeId, list[tuple[Span, float]]], dict[CodeId, list[Span]], int]:
        """The codes scored, each one's left-out suggestions (span and score), its coded passages, and the
        number of documents left out."""
        unknown = set(sources) - set(SOURCES)
        if unknown:
            raise InvalidInputError(
                say("unknown suggestion source(s) {unknown}", unknown=", ".join(sorted(unknown)))
            )
        tree = self._context.resolve.code_tree()
        read, _ = self._decisions()
        coded = dict(read.items())  # each document left out looks at all of it: the lists made once
        if codes:
            chosen: dict[CodeId, CodeInfo] = {}
            for ref in codes:
                for info in self._scope(ref, True):
                    chosen[info.id] = info
            scope = list(chosen.values())
        else:
            with_codings = {code_id for _, code_id in coded}
            scope = [info for info in tree if info.id in with_codings]
        scope.sort(key=lambda info: tree.order().get(info.id, 0))
        documents = sorted({doc_id for doc_id, _ in coded})
        from coding.language.suggestions.candidate_columns import RankedColumns

        sentences, fixed_found = self.fixed.candidates(scope, sources)
        fixed = (sentences, RankedColumns.ranked(fixed_found))  # once: each find copies what it changes
        in_scope = {info.id for info in scope}
        suggested: dict[CodeId, list[tuple[Span, float]]] = defaultdict(list)
        passages: dict[CodeId, list[Span]] = defaultdict(list)
        for (doc_id, code_id), spans in coded.items():
            if code_id in in_scope:
                passages[code_id].extend((doc_id, s, e) for s, e in spans)
        limit = per_code_limit(len(self._assistant.ensure_indexed()))
        for left_out in documents:
            others = {key: spans for key, spans in coded.items() if key[0] != left_out}
            for c in self._find(scope, sources, others, {}, limit, fixed=fixed, thresholds=thresholds):
                if c.document_id == left_out:
                    suggested[c.code_id].append(((c.document_id, c.start, c.end), c.score))
        return scope, suggested, passages, len(documents)

    def refresh(
        self, code: CodeRef | None = None, *, sources: Sequence[str] = SOURCES
    ) -> list[SuggestionInfo]:
        """Find suggestions and store them as the open ones for ``code`` (or all codes): one
        undoable action. Returns the open suggestions in scope."""
        found = self.store(code, self.candidates(code, sources=sources))
        self.keep_for_next_session()  # after the suggestions are stored
        return found

    def store(self, code: CodeRef | None, found: Sequence[Candidate]) -> list[SuggestionInfo]:
        """Store ``found`` (:meth:`candidates` for ``code``, e.g. found in a worker thread) as the open
        suggestions for ``code`` (or all codes): one undoable action. Returns the open suggestions in scope."""
        scope = None if code is None else [c.id for c in self._scope(code, True)]
        # not with the collector paused: the ORM's writing leaves cycles (+85 MB at the peak of the large project)
        self._context.execute(RefreshSuggestions(scope, found))
        return self.list(code)

    def _corpus_data(self, corpus: Corpus, indexed: set[DocumentId]) -> CorpusData:
        """The indexed words, read again only when the index or the speaker rules changed."""
        from coding.language.suggestions.data import fingerprint, load_corpus_data
        from coding.language.suggestions.stored_state import (
            corpus_stamp,
            known_words,
            remember_words,
            worth_storing,
        )

        key = fingerprint(self._context.store, indexed)
        with self._lock:
            if self._data is not None and self._data[0] == key:
                return self._data[1]
            self._data = None  # let the old one go before reading the new one
            stamp = corpus_stamp(key)
            # stored by an earlier session's find: each document's words then read when first asked for
            known = known_words(corpus.store, stamp)
            data = load_corpus_data(corpus, indexed, known=known)
            if worth_storing(data):  # else nothing is stored or read: computing is as quick
                data.stamp = stamp
                if known is None:
                    remember_words(data)
            self._data = (key, data)
            return data

    def _corpus_key(self) -> object | None:
        """What the corpus's words kept were read from (``None`` before the first read)."""
        with self._lock:
            return self._data[0] if self._data is not None else None

    def _scope(self, code: CodeRef | None, include_subcodes: bool) -> list[CodeInfo]:
        tree = self._context.resolve.code_tree()
        if code is None:
            return list(tree)
        info = tree.get(self._context.resolve.code(code))
        return [info, *tree.descendants(info.id)] if include_subcodes else [info]

    def _decisions(
        self,
    ) -> tuple[
        Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
        dict[tuple[DocumentId, CodeId], list[tuple[int, int, str, str]]],
    ]:
        """What is coded (per document and code, as arrays: :class:`~.coded.CodedSpans`) and the suggestions
        decided on (per document and code: start, end, text, status)."""
        from coding.language.suggestions.coded import CodedSpans

        decided: dict[tuple[DocumentId, CodeId], list[tuple[int, int, str, str]]] = defaultdict(list)
        with self._context.store.read() as session:
            raw = raw_connection(session)
            coded = CodedSpans.of_rows(
                raw.execute(
                    'SELECT s.document_id, c.code_id, s.start, s."end" FROM coding c '
                    "JOIN passage s ON s.id = c.passage_id"
                )
            )
            for doc_id, code_id, start, end, text, status in raw.execute(
                'SELECT document_id, code_id, start, "end", text, status FROM suggestion WHERE status != ?',
                ("open",),
            ):
                decided[(DocumentId(doc_id), CodeId(code_id))].append(
                    (start, end, " ".join(text.split()), status)
                )
        return coded, decided

    def _coded_with_subcodes(
        self,
        coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
        codes: Container[CodeId] | None = None,
    ) -> dict[tuple[DocumentId, CodeId], list[tuple[int, int]]]:
        """A passage coded with a subcode counts as coded for its ancestors too: the passages of ``codes`` (of
        all codes by default), each with those of its subcodes."""
        from coding.language.suggestions.coded import CodedSpans

        tree = self._context.resolve.code_tree()
        out: dict[tuple[DocumentId, CodeId], list[tuple[int, int]]] = defaultdict(list)
        lines: dict[CodeId, list[CodeId]] = {}  # per code: it and its ancestors among ``codes``, found once

        def line_of(code_id: CodeId) -> list[CodeId]:
            line = lines.get(code_id)
            if line is None:
                line = lines[code_id] = []
                current: CodeId | None = code_id
                while current is not None and current in tree:
                    if codes is None or current in codes:
                        line.append(current)
                    current = tree.get(current).parent_id
            return line

        if isinstance(coded, CodedSpans):  # the passages made only for the codes with a line (by arrays)
            with_line = [code_id for code_id in coded.codes() if line_of(code_id)]
            for (doc_id, code_id), spans in coded.items_of_codes(with_line):
                for ancestor in lines[code_id]:
                    out[(doc_id, ancestor)].extend(spans)
            return out
        for key in coded:
            doc_id, code_id = key
            line = line_of(code_id)
            if line:
                spans = coded[key]
                for ancestor in line:
                    out[(doc_id, ancestor)].extend(spans)
        return out

    # -- the queue -----------------------------------------------------------------------
    def list(
        self,
        code: CodeRef | None = None,
        *,
        document: DocumentRef | None = None,
        status: str | None = "open",
        include_subcodes: bool = True,
    ) -> list[SuggestionInfo]:
        """Suggestions per code (best first) or per document (in reading order)."""
        if status is not None and status not in SUGGESTION_STATUSES:
            raise InvalidInputError(
                say(
                    "status must be one of {SUGGESTION_STATUSES}",
                    SUGGESTION_STATUSES=", ".join(SUGGESTION_STATUSES),
                )
            )
        tree = self._context.resolve.code_tree()
        query = SUGGESTION_INFO
        if status is not None:
            query = query.where(Suggestion.status == status)
        if code is not None:
            query = query.where(Suggestion.code_id.in_([c.id for c in self._scope(code, include_subcodes)]))
        if document is not None:
            query = query.where(Suggestion.document_id == self._context.resolve.document(document))
        rows = self._read(query)
        # sorted by numpy (coding.core.in_steps): sorted() over 255,136 key tuples held the GIL, and the window, for
        # the whole sort
        if document is not None and code is None:
            return sorted_by(
                rows, [s.start for s in rows], [s.end for s in rows], ranks([s.code_path for s in rows])
            )
        order = tree.order()
        return sorted_by(
            rows,
            [order.get(s.code_id, 0) for s in rows],
            [-s.score for s in rows],
            ranks([s.document for s in rows]),
            [s.start for s in rows],
        )

    def get(self, suggestion_id: SuggestionId | int) -> SuggestionInfo:
        found = self._read(SUGGESTION_INFO.where(Suggestion.id == int(suggestion_id)))
        if not found:
            raise InvalidInputError(
                say("suggestion {suggestion_id} does not exist", suggestion_id=suggestion_id)
            )
        return found[0]

    def _read(self, query: Select[*tuple[Any, ...]]) -> builtins.list[SuggestionInfo]:
        with self._context.store.read() as session:
            rows = plain_rows(session, query)
        return suggestion_records(rows, self._context.resolve.code_tree())

    def accept(
        self, suggestion_ids: SuggestionId | int | Sequence[SuggestionId | int], *, memo: str = ""
    ) -> builtins.list[CodingId]:
        ids = [SuggestionId(i) for i in _as_list(suggestion_ids)]
        result: builtins.list[CodingId] = self._context.execute(
            AcceptSuggestions(ids, coder=self._context.coder(), memo=memo)
        )
        return result

    def accept_all(self, code: CodeRef, *, min_score: float = 0.0) -> builtins.list[CodingId]:
        """Accept every open suggestion for ``code`` and its subcodes (one undoable action)."""
        ids = [s.id for s in self.list(code) if s.score >= min_score]
        return self.accept(ids) if ids else []

    def reject(self, suggestion_ids: SuggestionId | int | Sequence[SuggestionId | int]) -> None:
        self._context.execute(RejectSuggestions([SuggestionId(i) for i in _as_list(suggestion_ids)]))

    def adjust(self, suggestion_id: SuggestionId | int, start: int, end: int) -> SuggestionInfo:
        self._context.execute(AdjustSuggestion(SuggestionId(suggestion_id), start, end))
        return self.get(suggestion_id)


def _as_list(value: SuggestionId | int | Sequence[SuggestionId | int]) -> list[int]:
    return [int(value)] if isinstance(value, int) else [int(v) for v in value]
