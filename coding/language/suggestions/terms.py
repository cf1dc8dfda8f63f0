"""Suggestions from a code's search terms.

A term is a word (matched by lemma or stem: ``nakomen`` finds ``nakomt``, ``nagekomen``), a
phrase (consecutive words, each matched the same way), a prefix (``vertrouw*``) or a regular
expression (``re:…`` or ``/…/``). A hit in a respondent's answer suggests its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, pairwise
from typing import TYPE_CHECKING, cast

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.core.in_steps import as_list, unique_inverse
from coding.core.records import CodeInfo
from coding.core.store import Store
from coding.core.text import fold
from coding.language.corpus import Corpus
from coding.language.search import query_words
from coding.language.sql import raw_connection
from coding.language.suggestions.candidates import Candidate, PassagesApart, term_score
from coding.language.suggestions.data import BoolArray, CorpusData
from coding.language.suggestions.vectors import IndexArray

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline
    from coding.language.suggestions.candidate_columns import CandidateColumns, Later


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


@dataclass(frozen=True)
class _Positions:
    """The sentences and turns of all documents at once, each keyed by ``document * stride + start`` (sorted:
    documents in id order, each one's in text order), with where each document's begin and how many it has."""

    documents: IndexArray
    sentence_key: IndexArray
    sentence_end: IndexArray
    sentence_first: IndexArray
    turn_key: IndexArray
    turn_end: IndexArray
    turn_interviewer: BoolArray
    turn_first: IndexArray
    turn_count: IndexArray


def _positions(data: CorpusData) -> _Positions:
    ids = sorted(data.documents)
    words = [data.documents[doc_id] for doc_id in ids]
    empty = np.zeros(0, dtype=np.int64)

    def joined(parts: list[IndexArray]) -> IndexArray:
        return np.concatenate(parts).astype(np.int64) if parts else empty

    sentences = np.array([len(w.sentence_start) for w in words], dtype=np.int64)
    turns = np.array([len(w.turns.start) for w in words], dtype=np.int64)
    return _Positions(
        np.array(ids, dtype=np.int64),
        joined(
            [
                doc_id * _STRIDE + w.sentence_start.astype(np.int64)
                for doc_id, w in zip(ids, words, strict=True)
            ]
        ),
        joined([w.sentence_end for w in words]),
        np.cumsum(sentences) - sentences,
        joined(
            [doc_id * _STRIDE + w.turns.start.astype(np.int64) for doc_id, w in zip(ids, words, strict=True)]
        ),
        joined([w.turns.end for w in words]),
        np.concatenate([w.turns.interviewer for w in words]).astype(bool)
        if words
        else np.zeros(0, dtype=bool),
        np.cumsum(turns) - turns,
        turns,
    )


def _in_answer_sentences(
    document: IndexArray, start: IndexArray, data: CorpusData
) -> tuple[IndexArray, IndexArray]:
    """Which hits start inside a sentence of a respondent's answer (grouped by document, each group in the order
    given), and that sentence's number. All documents' sentences and turns at once (``_Positions``), not a
    pass per document: a term has hits in most of a large corpus's documents."""
    empty = np.zeros(0, dtype=np.int64)
    if not len(document):
        return empty, empty
    at: _Positions = data.derive("term_positions", _positions)
    order = np.argsort(document, kind="stable")
    position = start[order].astype(np.int64)
    number = np.searchsorted(at.documents, document[order])
    key = document[order].astype(np.int64) * _STRIDE + position
    found = np.searchsorted(at.sentence_key, key, side="right") - 1
    sentence = found - at.sentence_first[number]  # below 0: before the document's first sentence (or none)
    inside = (sentence >= 0) & (position < at.sentence_end[np.maximum(found, 0)])
    turn = np.searchsorted(at.turn_key, key, side="right") - 1
    mine = turn >= at.turn_first[number]
    safe = np.maximum(turn, 0)
    if not len(at.turn_end):  # no document has turns: all answers (indexing an empty array would raise)
        in_answer = np.ones(len(position), dtype=bool)
    else:
        in_answer = np.where(
            at.turn_count[number] == 0,  # a document without turns is all answers (DocumentTokens.answers_at)
            True,
            mine & (position < at.turn_end[safe]) & ~at.turn_interviewer[safe],
        )
    chosen = inside & in_answer
    return order[chosen], sentence[chosen].astype(np.int64)


def term_hits(pattern: TermPattern, data: CorpusData, index: WordIndex, corpus: Corpus) -> TermHits:
    """Where a term is found in the answers (kept with the corpus's words for the next time)."""
    cache: dict[TermPattern, TermHits] | None = data.derived.get("terms")
    if cache is None:  # those stored for the next session by the last one (:mod:`.stored_terms`)
        from coding.language.suggestions import stored_terms

        cache = data.derived["terms"] = stored_terms.read(data)
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
    from coding.language.suggestions import stored_terms

    stored_terms.remember(data, cache)
    return found


Described = tuple[tuple[str, tuple[str, ...]], ...]  # each term found, with its forms


def _describe(terms: dict[str, set[str]], shared: dict[Described, Described]) -> Described:
    described = tuple((name, tuple(sorted(terms[name]))) for name in sorted(terms))
    return shared.setdefault(described, described)  # one tuple for the many equal ones


@dataclass(frozen=True)
class TermSentences:
    """Per code with search terms, each answer sentence with a hit, as arrays (a large corpus has hundreds of
    thousands; most never become a :class:`Candidate`: see ``candidates.alone_apart``)."""

    codes: list[CodeInfo]
    code: IndexArray  # per sentence: its code's place in ``codes``
    document: IndexArray
    start: IndexArray
    end: IndexArray
    described: list[Described]  # per sentence: each term found, with its forms

    def __len__(self) -> int:
        return len(self.code)

    def candidates(self, rows: Iterable[int] | None = None) -> list[Candidate]:
        """The candidates of ``rows`` (all by default), in the order given."""
        if rows is None:
            chosen: list[int] = list(range(len(self)))
            code, document = (
                as_list(self.code),
                as_list(self.document),
            )  # a step at a time (coding.core.in_steps)
            start, end = as_list(self.start), as_list(self.end)
        else:  # only the rows' numbers as Python numbers (all of them: ≈ 70 MB at ten times the corpus)
            chosen = list(rows)
            index = np.array(chosen, dtype=np.int64)
            code, document = as_list(self.code[index]), as_list(self.document[index])
            start, end = as_list(self.start[index]), as_list(self.end[index])
        codes = [(info.id, info.name) for info in self.codes]
        out = []
        for n, i in enumerate(chosen):
            code_id, name = codes[code[n]]
            described = self.described[i]
            out.append(
                Candidate(
                    DocumentId(document[n]),
                    code_id,
                    start[n],
                    end[n],
                    term_score(len(described)),
                    ("terms",),
                    "",  # the terms are described with the other reasons once candidates are merged
                    described,
                    name,
                )
            )
        return out

    def alone_apart(
        self, others: Sequence[Candidate], codes: Container[CodeId]
    ) -> tuple[Sequence[Candidate], Sequence[tuple[int, CodeId]]]:
        """The sentences of ``codes`` that ``candidates.merge`` would fold with nothing (no other candidate of
        their document and code holds them or lies inside them, not one passage twice), set apart: their
        passages with their codes, for ``candidates.prefer_specific``; and the candidates of the other
        sentences, in order (``others``, the candidates of the other sources, are all kept). A caller whose next
        steps drop every such sentence anyway (``resemblance.corroborated``: a code with enough coded passages)
        merges the rest to the same candidates, in the same order within each document and code, without
        building the hundreds of thousands set apart. Given ``others`` as columns, the candidates kept are
        columns too."""
        from coding.language.suggestions.candidate_columns import CandidateColumns

        if isinstance(others, CandidateColumns):
            rows, apart = self._alone_apart(others, codes)
            return self._columns(rows), apart
        rows, apart = self._alone_apart(others, codes)
        return self.candidates(as_list(rows)), apart

    def _columns(self, rows: IndexArray) -> CandidateColumns:
        """The candidates of ``rows`` as columns (from the arrays: no pass over candidates), each made when first
        read (:class:`_SentenceRow`: ``candidates.merge`` reads its terms without making it; of the 28,749 kept at
        ten times the corpus nearly all fold into another candidate, and only the folds offered are made)."""
        from coding.language.suggestions.candidate_columns import TERMS, CandidateColumns

        chosen = as_list(rows)
        described = self.described
        counts = np.fromiter((len(described[i]) for i in chosen), dtype=np.int64, count=len(chosen))
        scores = np.array([term_score(n) for n in range(int(counts.max()) + 1 if len(counts) else 0)])
        ids = np.array([info.id for info in self.codes], dtype=np.int64)
        return CandidateColumns(
            cast("list[Candidate | Later]", [_SentenceRow(self, i) for i in chosen]),
            np.arange(len(chosen), dtype=np.int64),
            self.document[rows].astype(np.int64),
            ids[self.code[rows]] if len(ids) else np.zeros(0, dtype=np.int64),
            self.start[rows].astype(np.int64),
            self.end[rows].astype(np.int64),
            scores[counts] if len(counts) else np.zeros(0, dtype=np.float64),
            np.full(len(chosen), TERMS, dtype=np.int64),
            np.zeros(len(chosen), dtype=bool),
        )

    def candidate(self, row: int) -> Candidate:
        """The candidate of sentence ``row`` (as :meth:`candidates` makes it)."""
        info = self.codes[int(self.code[row])]
        described = self.described[row]
        return Candidate(
            DocumentId(int(self.document[row])),
            info.id,
            int(self.start[row]),
            int(self.end[row]),
            term_score(len(described)),
            ("terms",),
            "",  # the terms are described with the other reasons once candidates are merged
            described,
            info.name,
        )

    def _alone_apart(
        self, others: Sequence[Candidate], codes: Container[CodeId]
    ) -> tuple[IndexArray, Sequence[tuple[int, CodeId]]]:
        """The rows kept and the passages set apart (:meth:`alone_apart`)."""
        from coding.language.suggestions.candidate_columns import CandidateColumns

        wanted = np.array([n for n, info in enumerate(self.codes) if info.id in codes], dtype=np.int64)
        apart = np.isin(self.code, wanted) & (self.end > self.start)
        if not apart.any():
            return np.arange(len(self), dtype=np.int64), []
        apart &= ~self.twice  # a passage twice for a code is merged with itself: not set apart
        # nor one that another candidate of its document and code holds or lies inside
        row_of = {info.id: n for n, info in enumerate(self.codes)}
        if isinstance(others, CandidateColumns):  # the rows of their codes, from the columns
            ids = np.array(list(row_of), dtype=np.int64)
            rows_of = np.array(list(row_of.values()), dtype=np.int64)
            by_id = np.argsort(ids)
            at = np.minimum(np.searchsorted(ids[by_id], others.code), len(ids) - 1)
            mine = ids[by_id][at] == others.code
            flat = np.stack(
                [others.document[mine], rows_of[by_id][at][mine], others.start[mine], others.end[mine]],
                axis=1,
            )
            if len(flat):
                apart &= ~self._holding_or_held(flat)
        else:
            spans = [
                (c.document_id, row_of[c.code_id], c.start, c.end) for c in others if c.code_id in row_of
            ]
            if (
                spans
            ):  # numbers taken from the tuples in Python (numpy.array of the list: one call holding the GIL)
                flat = np.fromiter(chain.from_iterable(spans), dtype=np.int64, count=4 * len(spans))
                apart &= ~self._holding_or_held(flat.reshape(len(spans), 4))
        rows = np.flatnonzero(apart)
        ids = np.array([info.id for info in self.codes], dtype=np.int64)
        passages = PassagesApart(
            self.document[rows].astype(np.int64),
            self.start[rows].astype(np.int64),
            self.end[rows].astype(np.int64),
            ids[self.code[rows]],
        )
        return np.flatnonzero(~apart), passages

    @cached_property
    def twice(self) -> BoolArray:
        """Per sentence: whether its code has its passage twice (or more): found once and kept with the sentences
        (a sort of all 465,883 at ten times the corpus, ≈ 0.2 s; it depends on nothing else), and stored with
        them for the next session (:meth:`knowing_twice`), by two integer keys (the code's place and the
        document, the start and the end: places below 2**31)."""
        by_code = (self.code.astype(np.int64) << 32) | self.document.astype(np.int64)
        by_place = (self.start.astype(np.int64) << 32) | self.end.astype(np.int64)
        order = np.lexsort((by_place, by_code))
        by_code, by_place = by_code[order], by_place[order]
        same = np.zeros(len(order), dtype=bool)
        same[1:] = (by_code[1:] == by_code[:-1]) & (by_place[1:] == by_place[:-1])
        twice = same.copy()
        twice[:-1] |= same[1:]
        found = np.zeros(len(order), dtype=bool)
        found[order[twice]] = True
        return found

    def knowing_twice(self, twice: BoolArray) -> TermSentences:
        """These sentences, with :attr:`twice` as stored (``stored_fixed``: the next session's find does not sort
        them again); ``ValueError`` for another number of sentences."""
        if twice.dtype != np.bool_ or len(twice) != len(self):
            raise ValueError("sentences of another shape")
        self.__dict__["twice"] = twice  # (what the cached property keeps)
        return self

    def _holding_or_held(self, others: IndexArray) -> BoolArray:
        """Per sentence: whether one of ``others`` (document, code row, start, end) of its document and code holds
        it or lies inside it. The others sorted by document and code, then start: the furthest end of those
        starting up to a sentence's start, and the nearest end of those starting from it on, say both at once
        (each key's positions shifted above the previous key's, so a running maximum or minimum stays within it)."""
        width = len(self.codes)
        keys = np.concatenate([others[:, 0] * width + others[:, 1], self.document * width + self.code])
        rank = unique_inverse(keys)[2]
        theirs, mine = rank[: len(others)], rank[len(others) :]
        shift = np.int64(1 << 32)  # above any position in a text
        order = np.lexsort((others[:, 2], theirs))
        placed = theirs[order] * shift + others[order, 2]  # ascending: by key, then start
        ends = theirs[order] * shift + others[order, 3]
        furthest = np.maximum.accumulate(ends)
        nearest = np.minimum.accumulate(ends[::-1])[::-1]
        at = mine * shift + self.start
        up_to = mine * shift + self.end
        before = np.searchsorted(placed, at, side="right") - 1  # the last other starting up to the sentence
        holds = (before >= 0) & (furthest[np.maximum(before, 0)] >= up_to)
        after = np.searchsorted(placed, at, side="left")  # the first other starting from the sentence on
        inside = (after < len(placed)) & (nearest[np.minimum(after, len(placed) - 1)] <= up_to)
        result: BoolArray = holds | inside
        return result


def term_candidates(
    codes: Sequence[CodeInfo], data: CorpusData, corpus: Corpus, pipeline: LanguagePipeline
) -> list[Candidate]:
    """A candidate per sentence with a hit of a code's terms, in the respondents' answers."""
    return term_sentences(codes, data, corpus, pipeline).candidates()


def term_sentences(
    codes: Sequence[CodeInfo], data: CorpusData, corpus: Corpus, pipeline: LanguagePipeline
) -> TermSentences:
    """:func:`term_candidates` as arrays: code by code, each sentence with a hit in text order."""
    index = WordIndex(corpus.store, pipeline.language, data.documents)
    shared: dict[Described, Described] = {}
    single: dict[tuple[str, str], Described] = {}  # a sentence with one hit (the most)
    chosen: list[CodeInfo] = []
    parts: list[tuple[IndexArray, IndexArray, IndexArray, IndexArray]] = []
    described: list[Described] = []
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
        firsts = np.flatnonzero(new_group)
        bounds = np.append(firsts, len(order)).tolist()
        order_list, label_list = order.tolist(), label.tolist()
        labels = [pattern.label for pattern in patterns]
        for first, after in pairwise(bounds):
            if after - first == 1:
                key = (labels[label_list[first]], forms[order_list[first]])
                found_once = single.get(key)
                if found_once is None:
                    found_once = single[key] = ((key[0], (key[1],)),)
                described.append(found_once)
            else:
                terms: dict[str, set[str]] = {}
                for i in range(first, after):
                    terms.setdefault(labels[label_list[i]], set()).add(forms[order_list[i]])
                described.append(_describe(terms, shared))
        starts, ends = _sentence_spans(data, document[firsts], sentence[firsts])
        parts.append((np.full(len(firsts), len(chosen), dtype=np.int64), document[firsts], starts, ends))
        chosen.append(code)
    empty = np.zeros(0, dtype=np.int64)
    code_rows, documents, starts, ends = (
        np.concatenate([part[n] for part in parts]) if parts else empty for n in range(4)
    )
    return TermSentences(chosen, code_rows, documents, starts, ends, described)


def _sentence_spans(
    data: CorpusData, document: IndexArray, sentence: IndexArray
) -> tuple[IndexArray, IndexArray]:
    """The start and end of each (document, sentence number), documents grouped (``document`` sorted)."""
    starts = np.zeros(len(document), dtype=np.int64)
    ends = np.zeros(len(document), dtype=np.int64)
    bounds = np.flatnonzero(np.diff(document)) + 1
    for low, high in pairwise([0, *bounds.tolist(), len(document)]):
        if high > low:
            words = data.documents[DocumentId(int(document[low]))]
            starts[low:high] = words.sentence_start[sentence[low:high]]
            ends[low:high] = words.sentence_end[sentence[low:high]]
    return starts, ends


class _SentenceRow:
    """A kept search-term sentence not made a candidate yet (read as a ``candidate_columns.Later``)."""

    __slots__ = ("_row", "_sentences")

    def __init__(self, sentences: TermSentences, row: int) -> None:
        self._sentences, self._row = sentences, row

    def make(self) -> Candidate:
        return self._sentences.candidate(self._row)

    @property
    def terms(self) -> Described:
        """Its search terms found (read by ``candidates.merge`` without making it)."""
        return self._sentences.described[self._row]
