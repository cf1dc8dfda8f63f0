"""Searching the corpus by word, lemma, stem, phrase or regular expression.

Word, lemma, stem and phrase searches read the stored index only (no parsing); a regular
expression runs over the stored texts. Every search can be limited to documents whose
attributes match and to the respondents' answers (the interviewer's turns left out).

Query syntax: words separated by spaces are a phrase (consecutive words, punctuation between
them ignored); ``*`` and ``?`` are wildcards in word mode (``vertrouw*``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, cast

from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.text import fold
from coding.language.corpus import Corpus, CorpusDocument
from coding.language.kwic import DEFAULT_CONTEXT, KwicLine
from coding.language.kwic_lines import Hit, KwicLines
from coding.language.sql import raw_connection

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

_CHUNK = 900
MAX_REGEX_HITS = 100_000
_WORD_EDGE = re.compile(r"^[^\w*?]+|[^\w*?]+$")


class SearchMode(StrEnum):
    WORD = "word"
    LEMMA = "lemma"
    STEM = "stem"
    PHRASE = "phrase"
    REGEX = "regex"


@dataclass(frozen=True)
class SearchQuery:
    text: str
    mode: SearchMode = SearchMode.WORD
    where: Mapping[str, str | Sequence[str]] = field(default_factory=dict)
    answers_only: bool = False
    speakers: tuple[str, ...] = ()
    documents: tuple[DocumentId, ...] | None = None
    context: int = DEFAULT_CONTEXT
    limit: int | None = None


@dataclass(frozen=True)
class SearchResult:
    query: SearchQuery
    #: The lines in document order; built as they are read (:class:`KwicLines`), so a result with
    #: many hits is cheap until every line is asked for.
    lines: Sequence[KwicLine]
    documents_searched: int
    #: Documents that match the filters but were not searched because they are not indexed yet.
    unindexed: tuple[str, ...] = ()
    #: The word forms that matched (what a lemma or stem search found), most frequent first.
    forms: tuple[str, ...] = ()
    truncated: bool = False

    def hit_documents(self) -> set[DocumentId]:
        """The documents with a hit (without building the lines)."""
        if isinstance(self.lines, KwicLines):
            return self.lines.document_ids()
        return {line.document_id for line in self.lines}


def query_words(text: str) -> list[str]:
    words = [_WORD_EDGE.sub("", part) for part in text.split()]
    return [word for word in words if word]


class Searcher:
    def __init__(self, corpus: Corpus, pipeline: LanguagePipeline, indexed: Iterable[DocumentId]) -> None:
        self.corpus = corpus
        self.pipeline = pipeline
        self.indexed = set(indexed)

    def search(self, query: SearchQuery) -> SearchResult:
        documents = self.corpus.select(query.where, query.documents)
        if not query.text.strip():
            raise InvalidInputError(say("type something to search for"))
        forms: tuple[str, ...] = ()
        unindexed: tuple[str, ...] = ()
        if query.mode is SearchMode.REGEX:
            matches, truncated = self._regex(query.text, documents)
        else:
            searchable = [doc for doc in documents if doc.id in self.indexed]
            unindexed = tuple(doc.name for doc in documents if doc.id not in self.indexed)
            matches, forms = self._tokens(query, searchable)
            truncated = False
        lines = self._lines(matches, query)
        if query.limit is not None and len(lines) > query.limit:
            lines = lines[: query.limit]
            truncated = True
        return SearchResult(query, lines, len(documents) - len(unindexed), unindexed, forms, truncated)

    # -- index searches ------------------------------------------------------------------
    def _term_ids(self, word: str, mode: SearchMode) -> dict[int, str]:
        """Term id → form of every vocabulary entry the word matches in ``mode``."""
        language = self.pipeline.language
        if mode is SearchMode.LEMMA:
            lemma = self.pipeline.lemma(word)
            keys = sorted({fold(lemma), fold(word)})
            forms = sorted(self.pipeline.forms(lemma) | self.pipeline.forms(word))
            # Two indexed lookups: by lemma, and a regular form the lemmatizer left as its own
            # lemma (``vertrouwd``). One query with OR would scan the whole vocabulary. "+language"
            # keeps SQLite from choosing the (language, form, lemma) index, which matches every term.
            sql = (
                f"SELECT id, form FROM term WHERE +language = ? AND lemma_key IN ({_marks(keys)}) "
                f"UNION SELECT id, form FROM term WHERE +language = ? AND norm IN ({_marks(forms)}) "
                "AND lemma_key = norm AND NOT stop"
            )
            params: list[Any] = [language, *keys, language, *forms]
        elif mode is SearchMode.STEM:
            sql = "SELECT id, form FROM term WHERE +language = ? AND stem = ?"
            params = [language, self.pipeline.stem(word)]
        elif word.endswith("*") and "*" not in word[:-1] and "?" not in word and len(word) > 1:
            prefix = fold(word[:-1])  # a prefix: a range over the index
            sql = "SELECT id, form FROM term WHERE +language = ? AND norm >= ? AND norm < ?"
            params = [language, prefix, prefix + "\U0010ffff"]
        elif "*" in word or "?" in word:
            pattern = fold(word).replace("%", r"\%").replace("_", r"\_").replace("*", "%").replace("?", "_")
            sql = "SELECT id, form FROM term WHERE +language = ? AND norm LIKE ? ESCAPE '\\'"
            params = [language, pattern]
        else:
            sql = "SELECT id, form FROM term WHERE +language = ? AND norm = ?"
            params = [language, fold(word)]
        with self.corpus.store.read() as session:
            raw = raw_connection(session)
            return {term_id: form for term_id, form in raw.execute(sql, params)}

    def _positions(
        self, term_ids: Sequence[int], documents: set[DocumentId], *, sentences: bool = False
    ) -> list[tuple[int, int, int, int, int, int]]:
        """``(document, position, start, end, sentence start, sentence end)`` of every token with
        one of ``term_ids`` (sentence spans only when asked, else 0)."""
        out: list[tuple[int, int, int, int, int, int]] = []
        if sentences:
            sql = (
                'SELECT k.document_id, k.position, k.start, k."end", s.start, s."end" FROM token k '
                "JOIN sentence s ON s.document_id = k.document_id AND s.number = k.sentence "
                "WHERE k.term_id IN ({})"
            )
        else:
            sql = 'SELECT document_id, position, start, "end", 0, 0 FROM token WHERE term_id IN ({})'
        every = len(documents) == len(self.corpus.documents)  # no filter: keep every row
        with self.corpus.store.read() as session:
            raw = raw_connection(session)
            for i in range(0, len(term_ids), _CHUNK):
                chunk = term_ids[i : i + _CHUNK]
                rows = raw.execute(sql.format(_marks(chunk)), chunk)
                if every:
                    out.extend(rows)
                else:
                    out.extend(row for row in rows if row[0] in documents)
        return out

    def _tokens(
        self, query: SearchQuery, documents: list[CorpusDocument]
    ) -> tuple[list[Hit], tuple[str, ...]]:
        words = query_words(query.text)
        if not words:
            raise InvalidInputError(say("'{text}' has no words to search for", text=query.text))
        mode = SearchMode.WORD if query.mode is SearchMode.PHRASE else query.mode
        allowed = {doc.id for doc in documents}
        if not allowed:
            return [], ()
        steps: list[list[tuple[int, int, int, int, int, int]]] = []
        forms: dict[str, int] = {}
        for index, word in enumerate(words):
            terms = self._term_ids(word, mode)
            positions = self._positions(sorted(terms), allowed, sentences=index == 0) if terms else []
            if not positions:
                return [], ()
            steps.append(positions)
            if len(words) == 1:
                counts = self._form_counts(terms, positions)
                forms = dict(sorted(counts.items(), key=lambda item: -item[1]))
        first = steps[0]
        if len(steps) == 1:
            # document ids as read (DocumentId is an int at run time)
            matches = cast("list[Hit]", [(d, s, e, (ss, se)) for d, _p, s, e, ss, se in first])
        else:
            following = [{(d, p): e for d, p, _s, e, _ss, _se in step} for step in steps[1:]]
            matches = []
            for doc_id, position, start, _end, sentence_start, sentence_end in first:
                end = 0
                for offset, step in enumerate(following, start=1):
                    found = step.get((doc_id, position + offset))
                    if found is None:
                        break
                    end = found
                else:
                    matches.append((DocumentId(doc_id), start, end, (sentence_start, max(sentence_end, end))))
        return matches, tuple(forms)

    def _form_counts(
        self, terms: Mapping[int, str], positions: list[tuple[int, int, int, int, int, int]]
    ) -> dict[str, int]:
        # Forms as they occur (a term is a form-lemma pair; count by form).
        by_form: dict[str, int] = {}
        if len(terms) == 1:
            by_form[next(iter(terms.values()))] = len(positions)
            return by_form
        hit_documents = {DocumentId(d) for d in {row[0] for row in positions}}
        texts = cast("Mapping[int, str]", self.corpus.texts(hit_documents))  # keyed by the ids as read
        counts = Counter(texts[doc_id][start:end].lower() for doc_id, _p, start, end, _ss, _se in positions)
        return dict(counts)

    # -- regular expressions -------------------------------------------------------------
    def _regex(self, pattern: str, documents: list[CorpusDocument]) -> tuple[list[Hit], bool]:
        flags = re.MULTILINE | (0 if any(ch.isupper() for ch in pattern) else re.IGNORECASE)
        try:
            regex = re.compile(pattern, flags)
        except re.error as exc:
            raise InvalidInputError(
                say("'{pattern}' is not a valid regular expression: {exc}", pattern=pattern, exc=exc)
            ) from None
        texts = self.corpus.texts(doc.id for doc in documents)
        matches: list[Hit] = []
        for doc in documents:
            for found in regex.finditer(texts[doc.id]):
                if found.end() > found.start():
                    matches.append((doc.id, found.start(), found.end(), None))
                    if len(matches) >= MAX_REGEX_HITS:
                        return matches, True
        return matches, False

    # -- results -------------------------------------------------------------------------
    def _lines(self, matches: list[Hit], query: SearchQuery) -> KwicLines:
        """The hits in document order, filtered by speaker; their lines are built when read."""
        corpus = self.corpus
        doc_ids = {match[0] for match in matches}
        texts = corpus.texts(doc_ids) if doc_ids else {}
        turns = corpus.turns(doc_ids) if doc_ids else {}
        # one integer key per hit: the document's place, then the start (texts are far shorter than 2**40)
        order = {doc.id: rank << 40 for rank, doc in enumerate(corpus.documents)}
        hits = sorted(matches, key=lambda m: order.get(m[0], 0) + m[1])
        speakers = {fold(s) for s in query.speakers}
        if query.answers_only or speakers:
            kept = []
            for hit in hits:
                turn_map = turns[hit[0]]
                if query.answers_only and not turn_map.is_answer(hit[1]):
                    continue
                if speakers:
                    turn = turn_map.at(hit[1])
                    if turn is None or fold(turn.speaker) not in speakers:
                        continue
                kept.append(hit)
            hits = kept
        return KwicLines(hits, corpus.by_id, texts, turns, query.context)


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))
