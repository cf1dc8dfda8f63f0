"""Search hits whose keyword-in-context lines are built when asked for.

A search over a large corpus finds tens of thousands of hits; building the left and right
context of each (cutting at word boundaries, folding line breaks) took most of its time, while a
window shows a screenful. :class:`KwicLines` holds the hits as plain positions and builds a
:class:`~coding.language.kwic.KwicLine` the first time it is read, keeping it. It is a sequence of
lines like the tuple it replaces: iterating, exporting or coding every hit builds them all, and
the lines equal those built at once. Sorting by document, respondent or position needs no text
(:meth:`KwicLines.order`); sorting by context builds every line first (:meth:`KwicLines.build`).

A hit may name its sentence by number instead of by span: the span is then looked up when the
line is built, for a block of hits at once (:data:`SentenceSpans`), so a search reads only its
tokens' index entries and a screenful of sentences.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from typing import Any, overload

from coding.core.ids import DocumentId
from coding.core.text import natural_key
from coding.language.corpus import CorpusDocument
from coding.language.kwic import SORT_KEYS, KwicLine, context
from coding.language.speakers import TurnMap

#: ``(document id, start, end, sentence)`` of one hit; the sentence is its span, its number in the
#: document's index (looked up when the line is built), or ``None``.
Hit = tuple[DocumentId, int, int, tuple[int, int] | int | None]

#: Looks up sentence spans: ``(document id, number)`` → ``(start, end)``.
SentenceSpans = Callable[
    [Collection[tuple[DocumentId, int]]], Mapping[tuple[DocumentId, int], tuple[int, int]]
]

#: Sorts answered from positions, names and turns alone.
CHEAP_SORTS = frozenset({"document", "respondent", "position"})


class KwicLines(Sequence[KwicLine]):
    """The lines of ``hits`` (in this order), each built from its document's text on first use."""

    #: Hits whose sentences are looked up together (one query per document among them).
    sentence_block = 256

    def __init__(
        self,
        hits: Sequence[Hit],
        documents: Mapping[DocumentId, CorpusDocument],
        texts: Mapping[DocumentId, str],
        turns: Mapping[DocumentId, TurnMap],
        width: int,
        sentences: SentenceSpans | None = None,
    ) -> None:
        self._hits = list(hits)
        self._sentences = sentences
        self._documents = documents
        self._texts = texts
        self._turns = turns
        self._width = width
        self._built: list[KwicLine | None] = [None] * len(self._hits)

    # -- Sequence ------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._hits)

    @overload
    def __getitem__(self, index: int) -> KwicLine: ...

    @overload
    def __getitem__(self, index: slice) -> KwicLines: ...

    def __getitem__(self, index: int | slice) -> KwicLine | KwicLines:
        if isinstance(index, slice):
            return self.taken(range(len(self._hits))[index])
        line = self._built[index]
        if line is None:
            line = self._built[index] = self._line(index)
        return line

    def __iter__(self) -> Iterator[KwicLine]:
        for index in range(len(self._hits)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"KwicLines({len(self)} hits, {self.built_count()} built)"

    # -- cheap facts ---------------------------------------------------------------------
    @property
    def hits(self) -> list[Hit]:
        """The hits, sentences as numbers where not looked up yet."""
        return list(self._hits)

    def document_ids(self) -> set[DocumentId]:
        return {hit[0] for hit in self._hits}

    def built_count(self) -> int:
        return sum(line is not None for line in self._built)

    def is_built(self, index: int) -> bool:
        return self._built[index] is not None

    def taken(self, indices: Sequence[int]) -> KwicLines:
        """The lines at ``indices``, in that order (the ones built so far carried over)."""
        out = KwicLines(
            [self._hits[i] for i in indices],
            self._documents,
            self._texts,
            self._turns,
            self._width,
            self._sentences,
        )
        out._built = [self._built[i] for i in indices]
        return out

    # -- building ------------------------------------------------------------------------
    def build(self, progress: Callable[[int, int], object] | None = None, *, every: int = 2000) -> None:
        """Build every line not built yet (``progress(done, total)`` now and then; it returning
        ``False`` stops, the lines built so far kept)."""
        total = len(self._hits)
        for index in range(total):
            if self._built[index] is None:
                self._built[index] = self._line(index)
            if progress is not None and index % every == 0 and progress(index, total) is False:
                return
        if progress is not None:
            progress(total, total)

    def _speaker(self, hit: Hit) -> tuple[str, str]:
        """``(respondent, speaker)`` of a hit."""
        doc_id, start = hit[0], hit[1]
        turn_map = self._turns.get(doc_id)
        turn = turn_map.at(start) if turn_map is not None else None
        speaker = turn.speaker if turn is not None else ""
        respondent = self._documents[doc_id].respondent or (
            speaker if turn is not None and not turn.interviewer else ""
        )
        return respondent, speaker

    def _resolve_sentences(self, index: int) -> None:
        """Look up the sentence spans of the block of hits around ``index`` (numbers → spans; a
        phrase's sentence reaches at least to its end)."""
        hits = self._hits
        first = index - index % self.sentence_block
        block = range(first, min(len(hits), first + self.sentence_block))
        wanted = {(hits[i][0], number) for i in block if isinstance(number := hits[i][3], int)}
        if self._sentences is None:
            raise RuntimeError("these hits name sentences by number but nothing looks them up")
        spans = self._sentences(wanted)
        for i in block:
            doc_id, start, end, number = hits[i]
            if isinstance(number, int):
                sentence_start, sentence_end = spans[(doc_id, number)]
                hits[i] = (doc_id, start, end, (sentence_start, max(sentence_end, end)))

    def _line(self, index: int) -> KwicLine:
        if isinstance(self._hits[index][3], int):
            self._resolve_sentences(index)
        doc_id, start, end, found = self._hits[index]
        sentence = None if isinstance(found, int) else found  # a number is resolved above
        doc = self._documents[doc_id]
        left, text_hit, right = context(self._texts[doc_id], start, end, self._width)
        respondent, speaker = self._speaker(self._hits[index])
        return KwicLine(
            doc_id, doc.name, start, end, left, text_hit, right, respondent, speaker, sentence, doc.attributes
        )

    # -- sorting -------------------------------------------------------------------------
    def needs_lines(self, by: str) -> bool:
        """Whether sorting ``by`` reads the lines' text (which builds every line)."""
        return by not in CHEAP_SORTS

    def order(
        self, by: str = "document", *, descending: bool = False, among: Sequence[int] | None = None
    ) -> list[int]:
        """The indices ``among`` (default: all, in this sequence's order) ordered as
        :func:`coding.language.kwic.sort_lines` orders their lines: a stable sort on the same keys,
        so ties keep the order they had in ``among``. Sorting by context builds those lines."""
        if by not in SORT_KEYS:
            raise ValueError(f"cannot sort by '{by}' (choose from {', '.join(SORT_KEYS)})")
        indices = list(range(len(self._hits))) if among is None else list(among)
        hits = self._hits
        if by not in CHEAP_SORTS:
            line_key = SORT_KEYS[by]
            return sorted(indices, key=lambda i: line_key(self[i]), reverse=descending)
        # Integer keys (no tuple per hit): each name's rank among the names sorted naturally
        # (equal keys share a rank), shifted past the largest start.
        hit_docs = {hits[i][0] for i in indices}
        doc_rank = _ranks({doc_id: natural_key(self._documents[doc_id].name) for doc_id in hit_docs})
        shift = max((hits[i][2] for i in indices), default=0).bit_length() + 1
        ranks_shift = max(len(hit_docs), 1).bit_length()
        keys: dict[int, int]
        if by == "document":
            keys = {i: (doc_rank[hits[i][0]] << shift) + hits[i][1] for i in indices}
        elif by == "position":
            keys = {i: (hits[i][1] << ranks_shift) + doc_rank[hits[i][0]] for i in indices}
        else:
            respondents = {}
            for i in indices:
                line = self._built[i]
                respondents[i] = line.respondent if line is not None else self._speaker(hits[i])[0]
            respondent_rank = _ranks({name: natural_key(name) for name in set(respondents.values())})
            keys = {
                i: (((respondent_rank[respondents[i]] << ranks_shift) + doc_rank[hits[i][0]]) << shift)
                + hits[i][1]
                for i in indices
            }
        return sorted(indices, key=keys.__getitem__, reverse=descending)

    @classmethod
    def of(cls, lines: Sequence[KwicLine]) -> KwicLines:
        """Lines already built, as a :class:`KwicLines`."""
        documents = {
            line.document_id: CorpusDocument(line.document_id, line.document, 0, line.attributes)
            for line in lines
        }
        hits = [(line.document_id, line.start, line.end, line.sentence) for line in lines]
        out = cls(hits, documents, {}, {}, 0)
        out._built = list(lines)
        return out


def _ranks(keys: Mapping[Any, Any]) -> dict[Any, int]:
    """Each item's rank in the order of its key; items with equal keys share a rank."""
    ranks: dict[Any, int] = {}
    rank = -1
    previous: Any = object()
    for item in sorted(keys, key=keys.__getitem__):
        if keys[item] != previous:
            rank += 1
            previous = keys[item]
        ranks[item] = rank
    return ranks
