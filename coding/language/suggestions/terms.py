"""Suggestions from a code's search terms.

A term is a word (matched by lemma or stem: ``nakomen`` finds ``nakomt``, ``nagekomen``), a
phrase (consecutive words, each matched the same way), a prefix (``vertrouw*``) or a regular
expression (``re:…`` or ``/…/``). A hit in a respondent's answer suggests its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np

from coding.core.ids import DocumentId
from coding.core.records import CodeInfo
from coding.core.store import Store
from coding.core.text import fold
from coding.language.corpus import Corpus
from coding.language.search import query_words
from coding.language.sql import raw_connection
from coding.language.suggestions.candidates import Candidate, term_score
from coding.language.suggestions.data import CorpusData
from coding.language.suggestions.vectors import IndexArray

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline


@dataclass(frozen=True)
class TermPattern:
    label: str
    #: One (lemma, stem, prefix) per word; ``prefix`` is set for ``word*`` and matches the form.
    words: tuple[tuple[str, str, str | None], ...] = ()
    regex: re.Pattern[str] | None = None


def parse_term(term: str, pipeline: LanguagePipeline) -> TermPattern | None:
    text = term.strip()
    if not text:
        return None
    pattern = None
    if text.startswith("re:"):
        pattern = text[3:]
    elif len(text) > 2 and text.startswith("/") and text.endswith("/"):
        pattern = text[1:-1]
    if pattern is not None:
        try:
            return TermPattern(text, regex=re.compile(pattern, re.IGNORECASE))
        except re.error:
            return None
    parts: list[tuple[str, str, str | None]] = []
    for word in query_words(text):
        if word.endswith("*"):
            parts.append(("", "", fold(word.rstrip("*"))))
            continue
        lemma = fold(pipeline.lemma(word))
        parts.append((lemma, pipeline.stem(word), None))
    if not parts or (len(parts) == 1 and parts[0][2] is None and pipeline.is_stop(parts[0][0])):
        return None
    return TermPattern(text, tuple(parts))


_STRIDE = 1 << 32  # (document, position) as one integer: document * stride + position


@dataclass(frozen=True)
class Occurrences:
    """Words of the index, sorted by ``key`` (document and position)."""

    key: IndexArray
    start: IndexArray
    end: IndexArray
    term: IndexArray

    @property
    def document(self) -> IndexArray:
        return self.key // _STRIDE


class WordIndex:
    """Where a term's words occur, read from the stored index (the ``term_id`` index of ``token``)."""

    def __init__(self, store: Store, language: str, documents: Iterable[DocumentId]) -> None:
        self.store = store
        self.language = language
        self.documents = np.array(sorted(documents), dtype=np.int64)
        self._found: dict[tuple[str, str, str | None], Occurrences] = {}

    def find(self, part: tuple[str, str, str | None]) -> Occurrences:
        """Words matching ``part``: by lemma or stem, or by the start of the form (a prefix)."""
        if part not in self._found:
            self._found[part] = self._read(part)
        return self._found[part]

    def _read(self, part: tuple[str, str, str | None]) -> Occurrences:
        lemma, stem, prefix = part
        if prefix is not None:
            terms = "SELECT id FROM term WHERE +language = ? AND norm >= ? AND norm < ?"
            params: tuple[str, ...] = (self.language, prefix, prefix + "\U0010ffff")
        else:
            terms = (
                "SELECT id FROM term WHERE +language = ? AND lemma_key = ? "
                "UNION SELECT id FROM term WHERE +language = ? AND stem = ?"
            )
            params = (self.language, lemma, self.language, stem)
        with self.store.read() as session:
            row = (
                raw_connection(session)
                .execute(
                    "SELECT group_concat(document_id), group_concat(position), group_concat(start), "
                    f'group_concat("end"), group_concat(term_id) FROM token WHERE term_id IN ({terms})',
                    params,
                )
                .fetchone()
            )
        if row is None or row[0] is None:
            empty = np.zeros(0, dtype=np.int64)
            return Occurrences(empty, empty, empty, empty)
        document, position, start, end, term = (
            np.fromstring(values, dtype=np.int64, sep=",") for values in row
        )
        keep = np.isin(document, self.documents)
        key = document[keep] * _STRIDE + position[keep]
        order = np.argsort(key, kind="stable")
        return Occurrences(key[order], start[keep][order], end[keep][order], term[keep][order])

    def hits(self, pattern: TermPattern) -> Occurrences:
        """Each occurrence of the pattern's words in a row: its first word's key, start and term,
        its last word's end."""
        first = self.find(pattern.words[0])
        if len(pattern.words) == 1:
            return first
        keys = first.key
        for k, part in enumerate(pattern.words[1:], start=1):
            keys = np.intersect1d(keys, self.find(part).key - k, assume_unique=True)
        last = self.find(pattern.words[-1])
        at = np.searchsorted(first.key, keys)
        return Occurrences(
            keys,
            first.start[at],
            last.end[np.searchsorted(last.key, keys + len(pattern.words) - 1)],
            first.term[at],
        )

    def forms(self, terms: IndexArray) -> list[str]:
        """The word form of each term (lower case, as the index stores it)."""
        unique = np.unique(terms).tolist()
        found: dict[int, str] = {}
        with self.store.read() as session:
            raw = raw_connection(session)
            for i in range(0, len(unique), 900):
                chunk = unique[i : i + 900]
                found.update(
                    raw.execute(
                        f"SELECT id, form FROM term WHERE id IN ({','.join('?' * len(chunk))})", chunk
                    )
                )
        return [found[term] for term in terms.tolist()]


@dataclass(frozen=True)
class TermHits:
    """A term's hits in answers: document, sentence number and the words as found."""

    document: IndexArray
    sentence: IndexArray
    form: list[str]  # lower case, spaces normalised


def _flat(text: str) -> str:
    return " ".join(text.split()).lower()


def _regex_hits(
    pattern: re.Pattern[str], corpus: Corpus, documents: Iterable[DocumentId]
) -> tuple[IndexArray, IndexArray, list[str]]:
    """Document and start of each non-empty match, and the text matched (one text at a time)."""
    found = [
        (doc_id, m.start(), _flat(m.group()))
        for doc_id, text in corpus.each_text(documents)
        for m in pattern.finditer(text)
        if m.end() > m.start()
    ]
    found.sort(key=lambda hit: hit[:2])
    return (
        np.array([hit[0] for hit in found], dtype=np.int64),
        np.array([hit[1] for hit in found], dtype=np.int64),
        [hit[2] for hit in found],
    )


def _in_answer_sentences(
    document: IndexArray, start: IndexArray, data: CorpusData
) -> tuple[IndexArray, IndexArray]:
    """Which hits start inside a sentence of a respondent's answer, and that sentence's number."""
    keep: list[IndexArray] = []
    sentences: list[IndexArray] = []
    # the hits grouped by document (each group in the order given), not one pass over all hits per document
    order = np.argsort(document, kind="stable")
    grouped = document[order]
    bounds = np.flatnonzero(np.diff(grouped)) + 1
    for mine in np.split(order, bounds) if len(order) else ():
        doc_id = int(document[mine[0]])
        words = data.documents[DocumentId(doc_id)]
        if not len(words.sentence_start):
            continue
        starts = start[mine]
        sentence = np.searchsorted(words.sentence_start, starts, side="right") - 1
        inside = (sentence >= 0) & (starts < words.sentence_end[np.maximum(sentence, 0)])
        chosen = np.flatnonzero(inside & words.answers_at(starts))
        keep.append(mine[chosen])
        sentences.append(sentence[chosen].astype(np.int64))
    if not keep:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    return np.concatenate(keep), np.concatenate(sentences)


def term_hits(pattern: TermPattern, data: CorpusData, index: WordIndex, corpus: Corpus) -> TermHits:
    """Where a term is found in the answers (kept with the corpus's words for the next time)."""
    cache: dict[TermPattern, TermHits] = data.derived.setdefault("terms", {})
    if pattern in cache:
        return cache[pattern]
    if pattern.regex is not None:
        document, start, matched = _regex_hits(pattern.regex, corpus, data.documents)
        keep, sentence = _in_answer_sentences(document, start, data)
        forms = [matched[i] for i in keep.tolist()]
    else:
        hits = index.hits(pattern)
        document = hits.document
        keep, sentence = _in_answer_sentences(document, hits.start, data)
        if len(pattern.words) == 1:  # the word as found is the indexed form
            forms = index.forms(hits.term[keep])
        else:  # what lies between the words (a comma, a line break) is read from the text
            spans: dict[DocumentId, list[tuple[int, int]]] = {}
            for i in keep.tolist():
                spans.setdefault(DocumentId(int(document[i])), []).append(
                    (int(hits.start[i]), int(hits.end[i]))
                )
            texts = corpus.slices(spans)
            forms = [
                _flat(texts[DocumentId(int(document[i]))][(int(hits.start[i]), int(hits.end[i]))])
                for i in keep.tolist()
            ]
    cache[pattern] = found = TermHits(document[keep], sentence, forms)
    return found


Described = tuple[tuple[str, tuple[str, ...]], ...]  # each term found, with its forms


def _describe(terms: dict[str, set[str]], shared: dict[Described, Described]) -> Described:
    described = tuple((name, tuple(sorted(terms[name]))) for name in sorted(terms))
    return shared.setdefault(described, described)  # one tuple for the many equal ones


def term_candidates(
    codes: Sequence[CodeInfo], data: CorpusData, corpus: Corpus, pipeline: LanguagePipeline
) -> list[Candidate]:
    """A candidate per sentence with a hit of a code's terms, in the respondents' answers."""
    index = WordIndex(corpus.store, pipeline.language, data.documents)
    shared: dict[Described, Described] = {}
    single: dict[tuple[str, str], Described] = {}  # a sentence with one hit (the most)
    out = []
    for code in codes:
        patterns = [p for p in (parse_term(t, pipeline) for t in code.search_terms) if p is not None]
        found = [term_hits(pattern, data, index, corpus) for pattern in patterns]
        if not any(len(hits.document) for hits in found):
            continue
        document = np.concatenate([hits.document for hits in found])
        sentence = np.concatenate([hits.sentence for hits in found])
        label = np.concatenate([np.full(len(h.document), n, dtype=np.int64) for n, h in enumerate(found)])
        forms = [form for hits in found for form in hits.form]
        order = np.lexsort((label, sentence, document))  # grouped by sentence
        document, sentence, label = document[order], sentence[order], label[order]
        new_group = np.ones(len(order), dtype=bool)
        new_group[1:] = (document[1:] != document[:-1]) | (sentence[1:] != sentence[:-1])
        bounds = np.append(np.flatnonzero(new_group), len(order)).tolist()
        order_list, label_list = order.tolist(), label.tolist()
        document_list, sentence_list = document.tolist(), sentence.tolist()
        for first, after in pairwise(bounds):
            if after - first == 1:
                key = (patterns[label_list[first]].label, forms[order_list[first]])
                described = single.get(key) or single.setdefault(key, ((key[0], (key[1],)),))
            else:
                terms: dict[str, set[str]] = {}
                for i in range(first, after):
                    terms.setdefault(patterns[label_list[i]].label, set()).add(forms[order_list[i]])
                described = _describe(terms, shared)
            words = data.documents[DocumentId(document_list[first])]
            number = sentence_list[first]
            out.append(
                Candidate(
                    words.document_id,
                    code.id,
                    int(words.sentence_start[number]),
                    int(words.sentence_end[number]),
                    term_score(len(described)),
                    ("terms",),
                    "",  # the terms are described with the other reasons once candidates are merged
                    described,
                    code.name,
                )
            )
    return out
