"""The candidates of the sources that do not look at the codings, as arrays, to store them for the next session
(:mod:`.stored_state`): finding the search terms' sentences and the guide's, its neighbours' and follow-ups'
candidates was ≈ 2.6 s of the first find of a session at ten times the large corpus (``FixedSources.kept``).

Stored as columns: per candidate its document, code, start, end, score (the very float), where its code may rank
(−1: no rule) and whether it names its concept, and indices into small tables of what many share (its sources,
search terms, code name and reason, kept as JSON: the reasons too, each distinct one once — at ten times the large
corpus 84,348 candidates had few distinct reasons, read back as 26.6 MB of strings, one per candidate). These sources make their reasons as they
find (none is made on demand: a candidate with ``why`` is never stored). The search terms' sentences are arrays
already (:class:`~.terms.TermSentences`); each sentence's terms an index into the table of the terms found. Read
back: the same candidates, with the same fields, in the same order, and the same sentences."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, cast

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.core.in_steps import json_list
from coding.core.records import CodeInfo
from coding.language.suggestions.candidate_columns import RankedColumns
from coding.language.suggestions.candidates import Candidate

if TYPE_CHECKING:
    from coding.language.suggestions.candidate_columns import Later
    from coding.language.suggestions.fixed_sources import Fixed
    from coding.language.suggestions.terms import Described, TermSentences

NAME = "fixed_candidates"
Arrays = dict[str, np.ndarray]


def _json(value: object) -> np.ndarray:
    text = json_list(value) if isinstance(value, list) else json.dumps(value)  # a list: in steps (in_steps)
    return np.frombuffer(text.encode(), dtype=np.uint8)


def _loads(array: np.ndarray) -> Any:
    return json.loads(array.tobytes())


def _numbered(values: Sequence[Any]) -> tuple[list[Any], np.ndarray]:
    """The distinct ``values`` in the order they first come, and each value's number among them."""
    table: dict[Any, int] = {}
    numbers = np.fromiter(
        (table.setdefault(value, len(table)) for value in values), dtype=np.int32, count=len(values)
    )
    return list(table), numbers


def pack(fixed: Fixed) -> Arrays:
    """The arrays of ``fixed`` (``ValueError`` for a candidate whose reason is made on demand: not stored)."""
    sentences, found = fixed
    if any(c.why is not None for c in found):
        raise ValueError("a reason made on demand is not stored")
    count = len(found)
    columns = np.fromiter(
        (
            v
            for c in found
            for v in (c.document_id, c.code_id, c.start, c.end, -1 if c.max_rank is None else c.max_rank)
        ),
        dtype=np.int64,
        count=5 * count,
    ).reshape(count, 5)
    sources, source = _numbered([c.sources for c in found])
    terms, term = _numbered([c.terms for c in found])
    names, name = _numbered([c.code_name for c in found])
    reasons, reason = _numbered([c.reason for c in found])
    out: Arrays = {
        "columns": columns,
        "score": np.fromiter((c.score for c in found), dtype=np.float64, count=count),
        "named": np.fromiter((c.named for c in found), dtype=bool, count=count),
        "source": source,
        "term": term,
        "name": name,
        "reason": reason,
        "tables": _json([sources, terms, names]),
        "reasons": _json(reasons),
    }
    if sentences is not None:
        described, numbers = _numbered(sentences.described)
        out |= {
            "sentences.codes": np.array([info.id for info in sentences.codes], dtype=np.int64),
            "sentences.code": sentences.code,
            "sentences.document": sentences.document,
            "sentences.start": sentences.start,
            "sentences.end": sentences.end,
            "sentences.described": numbers,
            "sentences.terms": _json(described),
            # which have their passage twice for their code (a sort of all sentences): as bits
            "sentences.twice": np.packbits(sentences.twice),
        }
    return out


def _terms(value: list[list[Any]]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    return tuple((str(label), tuple(forms)) for label, forms in value)


class _Stored:
    """The stored candidates' columns and the tables they number into; row ``number``'s candidate made when asked."""

    __slots__ = (
        "columns",
        "name",
        "named",
        "names",
        "reason",
        "reasons",
        "score",
        "source",
        "sources",
        "term",
        "terms",
    )

    def __init__(
        self,
        columns: np.ndarray,
        score: np.ndarray,
        named: np.ndarray,
        source: np.ndarray,
        term: np.ndarray,
        name: np.ndarray,
        reason: np.ndarray,
        sources: list[tuple[str, ...]],
        terms: list[tuple[tuple[str, tuple[str, ...]], ...]],
        names: list[str],
        reasons: list[str],
    ) -> None:
        self.columns, self.score, self.named = columns, score, named
        self.source, self.term, self.name, self.reason = source, term, name, reason
        self.sources, self.terms, self.names, self.reasons = sources, terms, names, reasons

    def candidate(self, number: int) -> Candidate:
        document, code, start, end, rank = self.columns[number].tolist()
        return Candidate(
            DocumentId(document),
            CodeId(code),
            start,
            end,
            float(self.score[number]),
            self.sources[int(self.source[number])],
            self.reasons[int(self.reason[number])],
            self.terms[int(self.term[number])],
            self.names[int(self.name[number])],
            None if rank < 0 else rank,
            bool(self.named[number]),
        )


class _Row:
    """A stored candidate not made yet (read as a ``candidate_columns.Later``): 48 bytes instead of a candidate's
    ≈ 600 with its numbers (84,348 of them at ten times the large corpus, most never read)."""

    __slots__ = ("_number", "_stored")

    def __init__(self, stored: _Stored, number: int) -> None:
        self._stored, self._number = stored, number

    def make(self) -> Candidate:
        return self._stored.candidate(self._number)

    @property
    def terms(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        """Its search terms found (read by ``candidates.merge`` without making it)."""
        return self._stored.terms[int(self._stored.term[self._number])]


def unpack(arrays: Arrays, tree: Sequence[CodeInfo]) -> Fixed:
    """What :func:`pack` stored, the sentences' codes as ``tree`` has them (``ValueError`` when it has not). The
    candidates as :class:`~.candidate_columns.RankedColumns` (read as the same candidates, in the same order),
    each made when first read."""
    from coding.language.suggestions.terms import TermSentences

    columns, score, named = arrays["columns"], arrays["score"], arrays["named"]
    source, term, name, reason = arrays["source"], arrays["term"], arrays["name"], arrays["reason"]
    sources, terms, names = _loads(arrays["tables"])
    reasons = _loads(arrays["reasons"])
    count = len(reason)
    if (
        columns.shape != (count, 5)
        or not len(score) == len(named) == len(source) == len(term) == len(name) == count
    ):
        raise ValueError("candidates of another shape")
    if count and int(reason.max()) >= len(reasons):
        raise ValueError("reasons of another shape")
    if count and not (
        int(source.max()) < len(sources) and int(term.max()) < len(terms) and int(name.max()) < len(names)
    ):
        raise ValueError("candidates of another shape")
    stored = _Stored(
        columns,
        score,
        named,
        source,
        term,
        name,
        reason,
        [tuple(str(s) for s in value) for value in sources],
        [_terms(value) for value in terms],
        [str(value) for value in names],
        [str(value) for value in reasons],
    )
    # as columns (no candidate made: each is made when first read, most never are), each row's sources as bits
    bits = np.array(RankedColumns.source_bits(stored.sources), dtype=np.int64)
    found = RankedColumns(
        cast("list[Candidate | Later]", [_Row(stored, number) for number in range(count)]),
        np.arange(count, dtype=np.int64),
        np.ascontiguousarray(columns[:, 0]),
        np.ascontiguousarray(columns[:, 1]),
        np.ascontiguousarray(columns[:, 2]),
        np.ascontiguousarray(columns[:, 3]),
        np.array(score, dtype=np.float64),
        bits[source] if count else np.zeros(0, dtype=np.int64),
        np.array(named, dtype=bool),
        np.ascontiguousarray(columns[:, 4]),
    )
    sentences: TermSentences | None = None
    if "sentences.codes" in arrays:
        by_id = {info.id: info for info in tree}
        codes = [by_id[CodeId(code_id)] for code_id in arrays["sentences.codes"].tolist()]
        table: list[Described] = [_terms(value) for value in _loads(arrays["sentences.terms"])]
        numbers = arrays["sentences.described"]
        rows = arrays["sentences.code"]
        if not len(rows) == len(numbers) == len(arrays["sentences.start"]) == len(arrays["sentences.end"]):
            raise ValueError("sentences of another shape")
        if len(rows) and (rows.max() >= len(codes) or numbers.max() >= len(table)):
            raise ValueError("sentences of another shape")
        sentences = TermSentences(
            codes,
            rows,
            arrays["sentences.document"],
            arrays["sentences.start"],
            arrays["sentences.end"],
            [table[n] for n in numbers.tolist()],
        )
        bits = arrays["sentences.twice"]
        if bits.dtype != np.uint8 or len(bits) != (len(rows) + 7) // 8:
            raise ValueError("sentences of another shape")
        sentences.knowing_twice(np.unpackbits(np.asarray(bits, dtype=np.uint8), count=len(rows)).astype(bool))
    return sentences, found
