"""Language assistance for a project (``project.assist``): index, search, frequencies,
coding from search hits, suggestions, the respondent register and anonymisation.

spaCy loads on first use, not when a project opens.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from coding.core.changes import Aspect, Change
from coding.core.context import CodeRef, DocumentRef
from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import CodingId, DocumentId
from coding.language.anonymise import Anonymiser
from coding.language.corpus import Corpus, CorpusCache
from coding.language.frequencies import FrequencyTable, frequency_table
from coding.language.indexer import (
    AfterDocument,
    Indexer,
    IndexProgress,
    IndexReport,
    StaleDocument,
    stale_documents,
)
from coding.language.kwic import DEFAULT_CONTEXT, KwicLine
from coding.language.pipeline_names import expected_name, loaded_name, normal_language
from coding.language.register import RespondentRegister
from coding.language.search import Searcher, SearchMode, SearchQuery, SearchResult
from coding.language.sql import raw_connection
from coding.language.suggestions.service import SuggestionService
from coding.language.token_indexes import restore_token_indexes
from coding.language.units import CODING_UNITS, unit_span
from coding.passages.bulk_coding import ApplyCodings, CodingRequest

if TYPE_CHECKING:
    from coding.language.guide_matches import MatchedWhileIndexed
    from coding.language.pipeline import LanguagePipeline
    from coding.project import Project

#: What the search index is built from: the documents' texts and their speaker turns.
_INDEXED = (Aspect.DOCUMENTS, Aspect.SPEAKERS)
#: What the corpus cache also depends on: the settings (the language, the speaker rules).
_CORPUS = (*_INDEXED, Aspect.SETTINGS)


class LanguageAssistant:
    def __init__(self, project: Project) -> None:
        self._project = project
        self._fresh: set[DocumentId] | None = None
        #: Documents a change touched since they were judged (edited, deleted, or brought back by undo with
        #: their index): not known to be indexed, nor known not to be, until judged again.
        self._unsure: set[DocumentId] = set()
        #: Counts the changes that may make documents stale, so that indexing can tell whether
        #: anything changed while it ran.
        self._generation = 0
        self._lock = threading.RLock()
        self._cache = CorpusCache()
        project.subscribe(self._on_change)
        self.suggestions = SuggestionService(project.context, self, project.guide)
        self.register = RespondentRegister(project.context)
        self.anonymiser = Anonymiser(project.context, project.settings, self)

    # -- the pipeline and the index -------------------------------------------------------
    @property
    def pipeline(self) -> LanguagePipeline:
        from coding.language.pipeline import pipeline_for  # spaCy loads on first use

        return pipeline_for(self._project.language)

    def pipeline_key(self) -> tuple[str, str, bool]:
        """The pipeline's language, name and whether it is trained, as :attr:`pipeline` has them, without loading
        spaCy where the name tells (:func:`~coding.language.pipeline_names.expected_name`: the fallback's): what
        the suggestions' stored state is stamped with, so that a next session's find that reads everything it
        needs from the project does not load spaCy (≈ 140 MB, ≈ 1 s) for it."""
        language = self._project.language
        if loaded_name(language) is None:
            expected = expected_name(language)
            if expected is not None:
                return normal_language(language), expected, False
        pipeline = self.pipeline
        return pipeline.language, pipeline.name, pipeline.trained

    def _on_change(self, change: Change) -> None:
        if change.touches(*_CORPUS):
            self._cache.forget(
                None
                if change.document_ids is None or change.touches(Aspect.SETTINGS)
                else change.document_ids
            )
        if not change.touches(*_INDEXED):
            return
        with self._lock:
            self._generation += 1
            if change.document_ids is None or self._fresh is None:
                self._fresh = None
            else:
                self._fresh -= set(change.document_ids)
                self._unsure |= set(change.document_ids)

    def invalidate(self) -> None:
        """Forget which documents are known to be indexed (after indexing elsewhere)."""
        with self._lock:
            self._fresh = None
            self._unsure.clear()
            self._generation += 1
        self._cache.forget()

    def corpus(self) -> Corpus:
        """A fresh read of the documents, sharing cached texts and turns."""
        return Corpus(self._project.store, self._cache)

    def indexer(self) -> Indexer:
        return Indexer(self._project.store, self.pipeline)

    def stale(self) -> list[StaleDocument]:
        """Documents not indexed, or indexed from an older text or by another pipeline."""
        return self._judge()[0]

    def _judge(self) -> tuple[list[StaleDocument], str]:
        """One pass over the texts: the stale documents and the name of the pipeline they were
        judged by (the expected one, without loading spaCy, where that tells)."""
        judged = self._stale_by_name()
        if judged is not None:
            return judged
        indexer = self.indexer()
        return indexer.stale(), indexer.pipeline.name

    def _stale_by_name(self) -> tuple[list[StaleDocument], str] | None:
        """:meth:`stale` without loading spaCy: by the name the pipeline would have
        (:func:`~coding.language.pipeline_names.expected_name`), returned with it. ``None`` when
        only the loaded pipeline can tell (it is loaded already, a trained one is installed, or
        an index was built by another pipeline)."""
        language = self._project.language
        if loaded_name(language) is not None:
            return None
        expected = expected_name(language)
        if expected is None:
            return None
        found = stale_documents(self._project.store, normal_language(language), expected)
        return None if any(doc.reason == "pipeline changed" for doc in found) else (found, expected)

    def indexed_documents(self) -> set[DocumentId]:
        """The documents indexed from their current text: known, or judged (those a change touched since)."""
        with self._lock:
            if self._fresh is not None and not self._unsure:
                return set(self._fresh)
            generation = self._generation
        stale = {doc.id for doc in self.stale()}
        fresh = self._all_ids() - stale
        with self._lock:
            if generation == self._generation:  # nothing changed while it was judged
                self._fresh, self._unsure = fresh, set()
        return set(fresh)

    def index(self, progress: IndexProgress | None = None) -> IndexReport:
        """Index every document that needs it (new, changed, or indexed with another pipeline).
        When none does, spaCy is not loaded (see :meth:`stale`)."""
        restore_token_indexes(self._project.store)
        judged = self._stale_by_name()
        if judged is not None and not judged[0]:
            if progress is not None:
                progress(0, 0, "")
            return IndexReport(0, 0, 0, 0, 0.0, judged[1])
        from coding.language.guide_matches import MatchedWhileIndexed

        matcher = self._project.guide.matcher()
        matched = MatchedWhileIndexed(matcher, self.corpus().is_interviewer) if matcher.refs else None
        report, _ = self._run(judged, progress, matched)
        self.invalidate()
        if not report.cancelled:
            self.store_guide_matches(matched)
        return report

    def store_guide_matches(self, matched: MatchedWhileIndexed | None = None) -> None:
        """Match the interview guide's questions in the indexed documents' interviewer turns and store what
        the matcher finds where it is not stored for the current guide and text yet (the suggestions' guide
        source reads it: :mod:`coding.language.guide_matches`). Derived data: not an undoable action.
        ``matched``: what the indexing run just stored while it indexed (those documents are left out, unless
        the guide changed meanwhile)."""
        from coding.language.guide_matches import guide_key, store_for_documents

        matcher = self._project.guide.matcher()
        if not matcher.refs:
            return
        done = matched.done if matched is not None and matched.key == guide_key(matcher) else set()
        # the documents with an index (a row for a text that changed meanwhile is stamped with that text, and
        # not read for the indexed one); not indexed_documents(), which would keep what it found
        with self._project.store.read() as session:
            ids = {
                DocumentId(d)
                for (d,) in raw_connection(session).execute("SELECT document_id FROM text_index")
            }
        store_for_documents(self._project.store, self.corpus(), matcher, ids - done)

    def _run(
        self,
        judged: tuple[list[StaleDocument], str] | None,
        progress: IndexProgress | None,
        after_document: AfterDocument | None = None,
    ) -> tuple[IndexReport, list[StaleDocument]]:
        """Index the stale documents as ``judged`` (:meth:`_judge`); listed again when they were
        not judged yet (``None``) or by another name than the loaded pipeline has. Returns the
        report and the documents it set out to index. ``after_document``: see
        :attr:`Indexer.after_document`."""
        indexer = self.indexer()
        indexer.after_document = after_document
        found = judged[0] if judged is not None and judged[1] == indexer.pipeline.name else indexer.stale()
        return indexer.run(found, progress), found

    def ensure_indexed(self, progress: IndexProgress | None = None) -> set[DocumentId]:
        """Index the documents that need it (see :meth:`index`) and return the indexed ones.

        Reads and hashes the texts once at most, and not at all while every document is known
        to be indexed. ``progress`` hears of the indexing; when the documents known to be indexed
        were not all of them and none turned out stale, it is told ``(0, 0, "")`` once.
        """
        all_ids = self._all_ids()
        with self._lock:
            known = None if self._fresh is None else set(self._fresh)
            generation = self._generation
        if known is not None and known == all_ids:
            return known
        restore_token_indexes(self._project.store)  # a run that stopped before it rebuilt them
        judged = self._judge()
        complete = True
        if judged[0]:
            report, found = self._run(judged, progress)
            complete = not report.cancelled and report.documents == len(found)
        elif known is not None and progress is not None:
            progress(0, 0, "")
        with self._lock:
            if complete and generation == self._generation:
                self._fresh, self._unsure = set(all_ids), set()
                return all_ids
            # cancelled, or the documents changed meanwhile: ask the index again
            self._fresh = None
        return self.indexed_documents()

    # -- search --------------------------------------------------------------------------
    def search(
        self,
        text: str,
        mode: SearchMode | str = SearchMode.WORD,
        *,
        where: Mapping[str, str | Sequence[str]] | None = None,
        answers_only: bool = False,
        speakers: Sequence[str] = (),
        documents: Sequence[DocumentRef] | None = None,
        context: int = DEFAULT_CONTEXT,
        limit: int | None = None,
        index: bool = True,
        progress: IndexProgress | None = None,
    ) -> SearchResult:
        """Search the documents (see :mod:`coding.language.search`). With ``index`` (the default)
        documents that need it are indexed first; without, they are listed as not searched."""
        try:
            search_mode = SearchMode(mode)
        except ValueError:
            modes = ", ".join(m.value for m in SearchMode)
            raise InvalidInputError(
                say("unknown search mode '{mode}' (choose from {modes})", mode=mode, modes=modes)
            ) from None
        if index and search_mode is not SearchMode.REGEX:
            indexed = self.ensure_indexed(progress)
        else:
            indexed = self.indexed_documents()
        doc_ids = None if documents is None else tuple(self._project.documents.id_of(d) for d in documents)
        query = SearchQuery(
            text,
            search_mode,
            dict(where or {}),
            answers_only,
            tuple(speakers),
            doc_ids,
            context,
            limit,
        )
        return Searcher(self.corpus(), self.pipeline, indexed).search(query)

    def _all_ids(self) -> set[DocumentId]:
        with self._project.store.read() as session:
            return {
                DocumentId(doc_id) for (doc_id,) in raw_connection(session).execute("SELECT id FROM document")
            }

    def code_lines(
        self, lines: Sequence[KwicLine], code: CodeRef, *, unit: str = "hit", memo: str = ""
    ) -> list[CodingId]:
        """Code every line's hit, sentence or speaker turn (``unit``) with ``code``: one undoable
        action. Passages already coded with the code are skipped."""
        if unit not in CODING_UNITS:
            raise InvalidInputError(
                say("unit must be one of {CODING_UNITS}", CODING_UNITS=", ".join(CODING_UNITS))
            )
        code_id = self._project.codes.id_of(code)
        corpus = self.corpus()
        planned = []
        for line in lines:
            start, end = unit_span(corpus, line.document_id, line.start, line.end, unit)
            planned.append(CodingRequest(line.document_id, code_id, start, end, memo))
        if not planned:
            return []
        command = ApplyCodings(planned, coder=self._project.coder, skip_existing=True)
        command.text = (
            say("Code {count} search hits ({unit})", count=len(planned), unit=say(unit))
            if len(planned) != 1
            else say("Code 1 search hit ({unit})", unit=say(unit))
        )
        result: list[CodingId] = self._project.execute(command)
        return result

    # -- frequencies ---------------------------------------------------------------------
    def frequencies(
        self,
        *,
        by: str = "region",
        unit: str = "lemma",
        top: int = 30,
        where: Mapping[str, str | Sequence[str]] | None = None,
        answers_only: bool = False,
        index: bool = True,
    ) -> FrequencyTable:
        indexed = self.ensure_indexed() if index else self.indexed_documents()
        corpus = self.corpus()
        documents = [doc.id for doc in corpus.select(where) if doc.id in indexed]
        return frequency_table(
            corpus, self.pipeline, documents, by=by, unit=unit, top=top, answers_only=answers_only
        )
