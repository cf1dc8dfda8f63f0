"""Searching the corpus by word, lemma, stem, phrase or regular expression.

Word, lemma, stem and phrase searches read the stored index only (no parsing); a regular
expression runs over the stored texts. Every search can be limited to documents whose
attributes match and to the respondents' answers (the interviewer's turns left out).

Query syntax: words separated by spaces are a phrase (consecutive words, punctuation between
them ignored); ``*`` and ``?`` are wildcards in word mode (``vertrouw*``).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from operator import itemgetter
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
        self, term_ids: Sequence[int], documents: set[DocumentId], *, phrase: bool
    ) -> tuple[list[tuple[int, ...]], dict[int, int]]:
        """The tokens with one of ``term_ids`` as ``(document, start, end, sentence number)``, with
        the token's position after them for a ``phrase``; and how many each term has.

        Read from the index by term alone, which holds all of these (no look-up in the token
        table), one term at a time so that the counts come with the rows."""
        out: list[tuple[int, ...]] = []
        counts: dict[int, int] = {}
        columns = 'document_id, start, "end", sentence' + (", position" if phrase else "")
        sql = f"SELECT {columns} FROM token WHERE term_id = ?"
        every = len(documents) == len(self.corpus.documents)  # no filter: keep every row
        with self.corpus.store.read() as session:
            raw = raw_connection(session)
            for term_id in term_ids:
                rows = raw.execute(sql, (term_id,)).fetchall()
                if not every:
                    rows = [row for row in rows if row[0] in documents]
                counts[term_id] = len(rows)
                out.extend(rows)
        return out, counts

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
        phrase = len(words) > 1
        steps: list[list[tuple[int, ...]]] = []
        forms: dict[str, int] = {}
        for word in words:
            terms = self._term_ids(word, mode)
            positions, counts = self._positions(sorted(terms), allowed, phrase=phrase) if terms else ([], {})
            if not positions:
                return [], ()
            steps.append(positions)
            if not phrase:
                # Forms as they occur: a term is a form (lower case, as the text has it) with a
                # lemma, so terms of one form are counted together.
                by_form: dict[str, int] = {}
                for term_id, count in counts.items():
                    by_form[terms[term_id]] = by_form.get(terms[term_id], 0) + count
                forms = dict(sorted(by_form.items(), key=lambda item: -item[1]))
        # Sentences go by number: their spans are looked up for the lines built (KwicLines).
        first = steps[0]
        if not phrase:
            # the rows are the hits (document ids as read: DocumentId is an int at run time)
            return cast("list[Hit]", first), tuple(forms)
        following = [{(d, p): e for d, _s, e, _n, p in step} for step in steps[1:]]
        matches: list[Hit] = []
        for doc_id, start, _end, number, position in first:
            end = 0
            for offset, step in enumerate(following, start=1):
                found = step.get((doc_id, position + offset))
                if found is None:
                    break
                end = found
            else:
                matches.append((DocumentId(doc_id), start, end, number))
        return matches, tuple(forms)

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
        doc_ids = set(map(itemgetter(0), matches))
        texts = corpus.texts(doc_ids) if doc_ids else {}
        turns = corpus.turns(doc_ids) if doc_ids else {}
        # one integer key per hit: the document's place, then the start (texts are far shorter than 2**40)
        order = {doc.id: rank << 40 for rank, doc in enumerate(corpus.documents)}.get
        keys = [order(match[0], 0) + match[1] for match in matches]
        hits = [matches[i] for i in sorted(range(len(matches)), key=keys.__getitem__)]
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
        return KwicLines(hits, corpus.by_id, texts, turns, query.context, self._sentence_spans)

    def _sentence_spans(
        self, wanted: Collection[tuple[DocumentId, int]]
    ) -> dict[tuple[DocumentId, int], tuple[int, int]]:
        """``(document, number)`` → the sentence's span, one query per document."""
        numbers: dict[DocumentId, list[int]] = {}
        for doc_id, number in wanted:
            numbers.setdefault(doc_id, []).append(number)
        spans: dict[tuple[DocumentId, int], tuple[int, int]] = {}
        with self.corpus.store.read() as session:
            raw = raw_connection(session)
            for doc_id, found in numbers.items():
                for i in range(0, len(found), _CHUNK):
                    chunk = found[i : i + _CHUNK]
                    rows = raw.execute(
                        f'SELECT number, start, "end" FROM sentence WHERE document_id = ? AND number IN ({_marks(chunk)})',
                        [doc_id, *chunk],
                    )
                    spans.update(((doc_id, number), (start, end)) for number, start, end in rows)
        return spans


def _marks(values: Sequence[Any]) -> str:
    return ",".join("?" * len(values))
