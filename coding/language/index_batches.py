"""A document's words and sentences for the index, a bounded batch at a time.

The indexer stores what :func:`analyse` yields batch by batch, so memory stays bounded whatever
the length of a text (a 45 MB transcript is a few hundred batches, not one list of millions of
tuples). Two ways to the same rows:

* **lexical** (the fallback pipelines: a tokenizer, the sentencizer and lookup lemmas): spaCy
  only tokenizes, the pieces of about :data:`JOIN_CHARACTERS` joined into one text (spaCy's cost
  per text was most of its time with a text per turn); forms and offsets come out of
  ``Doc.to_array`` as columns and are mapped back to their pieces. What a form is (a word with its
  term, punctuation that ends a sentence, other punctuation, space) is looked up once per distinct
  form, its lemma by :meth:`LanguagePipeline.lexical_lemmas` (the same components on the form
  alone: a lookup lemma does not depend on the words around it), and the sentencizer's rule
  (a sentence starts at the first token that is not punctuation after one of its marks, and at
  every piece) is applied to the columns (:func:`_sentence_starts`).
* **per token** (trained pipelines, whose lemmas depend on the sentence): every token read from
  the ``Doc``, as spaCy gives it.

Both give the same rows for the same text (``tests/coding/language/test_index_batches.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from coding.language.tokens import is_word, lemma_of

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

#: A term as stored: (form, lemma); with whether the form is alphabetic.
TermKey = tuple[str, str]

#: Characters of text analysed and stored together: bounds the memory of one batch.
BATCH_CHARACTERS = 400_000
#: Pieces handed to spaCy at most at once (the per-token way).
_PIPE_BATCH = 128
#: Characters of pieces tokenized as one text, joined by :data:`_JOIN` (the lexical way).
JOIN_CHARACTERS = 20_000
#: Between joined pieces: a space, so no token crosses it; its tokens are dropped.
_JOIN = "\n"
#: What a form is (:class:`LexicalCache` ``kind``): to the sentencizer's rule, a mark, other
#: punctuation, or anything else (a word, or space: left out at a sentence's edges).
_MARK, _PUNCT, _OTHER, _SPACE = 0, 1, 2, 3


@dataclass
class IndexBatch:
    """Rows of one batch: ``tokens`` as columns (position, start, end, sentence numbers, and each
    token's term as an index into ``terms``), ``sentences`` as rows (number, start, end)."""

    positions: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence_numbers: np.ndarray
    term_index: np.ndarray
    terms: list[TermKey]
    alpha: list[bool]
    sentences: np.ndarray  # shape (n, 3)
    #: The end of the last piece analysed (for progress), in characters of the text.
    done: int = 0
    #: Each of ``terms``' slot in the :class:`LexicalCache` the batch was made with (the lexical way;
    #: ``None``: per token), for the indexer to keep their term ids by slot.
    slots: np.ndarray | None = None

    @property
    def token_count(self) -> int:
        return len(self.positions)


@dataclass
class _Counter:
    position: int = 0
    sentence: int = 0


@dataclass
class LexicalCache:
    """Per spaCy ``orth`` id: the index of its term in :attr:`keys`, or −1 for a non-word, and what
    what it is (``_MARK``: one of the sentencizer's marks, ``_PUNCT``: other punctuation,
    ``_SPACE``, ``_OTHER``: a word). For one pipeline. The ids seen are kept sorted in
    :attr:`orths` beside their slots and kinds, so a batch's tokens are looked up in C
    (:meth:`find`), not a Python step or a sort per token."""

    keys: list[TermKey] = field(default_factory=list)
    alpha: list[bool] = field(default_factory=list)
    orths: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.uint64))
    slots: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    kinds: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @property
    def slot(self) -> dict[int, int]:
        """Each form's slot by its ``orth`` id (a copy, for looking at)."""
        return dict(zip(self.orths.tolist(), self.slots.tolist(), strict=True))

    def find(self, orth: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Where each of ``orth`` is in :attr:`orths`, and whether it is there."""
        at = np.searchsorted(self.orths, orth)
        if not len(self.orths):
            return at, np.zeros(len(orth), dtype=bool)
        found = self.orths[np.minimum(at, len(self.orths) - 1)] == orth
        return at, found

    def add(self, orths: list[int], slots: list[int], kinds: list[int]) -> None:
        """Learn forms not seen before (``orths`` new, in any order) with their slots and kinds."""
        order = np.argsort(np.asarray(orths, dtype=np.uint64), kind="stable")
        new = np.asarray(orths, dtype=np.uint64)[order]
        at = np.searchsorted(self.orths, new)
        self.orths = np.insert(self.orths, at, new)
        self.slots = np.insert(self.slots, at, np.asarray(slots, dtype=np.int64)[order])
        self.kinds = np.insert(self.kinds, at, np.asarray(kinds, dtype=np.int64)[order])


def groups(pieces: Sequence[tuple[int, int]], limit: int) -> Iterator[list[tuple[int, int]]]:
    """Consecutive pieces of at most ``limit`` characters together (a longer piece alone)."""
    group: list[tuple[int, int]] = []
    size = 0
    for piece in pieces:
        length = piece[1] - piece[0]
        if group and size + length > limit:
            yield group
            group, size = [], 0
        group.append(piece)
        size += length
    if group:
        yield group


def analyse(
    pipeline: LanguagePipeline,
    text: str | Callable[[int, int], str],
    pieces: Sequence[tuple[int, int]],
    cache: LexicalCache | None = None,
    *,
    lexical: bool | None = None,
    limit: int | None = None,
) -> Generator[IndexBatch, None, None]:
    """The index rows of ``text`` (cut into ``pieces``), one batch per ``limit`` characters
    (:data:`BATCH_CHARACTERS`). ``text`` is the text, or ``window(start, end)`` giving
    ``text[start:end]`` for consecutive ranges in order (a long text never held whole)."""
    use_lexical = pipeline.lexical if lexical is None else lexical
    # a lexical pipeline with a sentence component of its own is read per token
    marks = pipeline.sentence_marks() if use_lexical else None
    counter = _Counter()
    lexicon = cache if cache is not None else LexicalCache()
    for group in groups(pieces, BATCH_CHARACTERS if limit is None else limit):
        base = group[0][0]
        window = text[base : group[-1][1]] if isinstance(text, str) else text(base, group[-1][1])
        if marks is not None:
            yield _lexical_batch(pipeline, (window, base), group, counter, lexicon, marks)
        else:
            texts = [window[start - base : end - base] for start, end in group]
            yield _token_batch(group, pipeline.pipe(texts, batch_size=_PIPE_BATCH), counter)


def _token_batch(group: list[tuple[int, int]], docs: Iterator[Any], counter: _Counter) -> IndexBatch:
    positions: list[int] = []
    starts: list[int] = []
    ends: list[int] = []
    numbers: list[int] = []
    term_index: list[int] = []
    slots: dict[TermKey, int] = {}
    terms: list[TermKey] = []
    alpha: list[bool] = []
    sentences: list[tuple[int, int, int]] = []
    for (offset, _end), doc in zip(group, docs, strict=True):
        for sent in doc.sents:
            words = 0
            for token in sent:
                if not is_word(token):
                    continue
                words += 1
                key = (token.lower_, lemma_of(token))
                slot = slots.get(key)
                if slot is None:
                    slot = slots[key] = len(terms)
                    terms.append(key)
                    alpha.append(bool(token.is_alpha))
                start = offset + token.idx
                positions.append(counter.position)
                starts.append(start)
                ends.append(start + len(token.text))
                numbers.append(counter.sentence)
                term_index.append(slot)
                counter.position += 1
            if words:
                # the sentence with its punctuation, without surrounding space
                sentences.append(_trimmed_sentence(counter.sentence, offset + sent.start_char, sent.text))
                counter.sentence += 1
    return IndexBatch(
        np.asarray(positions, dtype=np.int64),
        np.asarray(starts, dtype=np.int64),
        np.asarray(ends, dtype=np.int64),
        np.asarray(numbers, dtype=np.int64),
        np.asarray(term_index, dtype=np.int64),
        terms,
        alpha,
        np.asarray(sentences, dtype=np.int64).reshape(-1, 3),
        group[-1][1],
    )


def _trimmed_sentence(number: int, start: int, sentence: str) -> tuple[int, int, int]:
    return (number, start + (len(sentence) - len(sentence.lstrip())), start + len(sentence.rstrip()))


def _joins(group: list[tuple[int, int]], limit: int) -> Iterator[tuple[int, int]]:
    """``(first, last)``: ranges of the group's pieces joined into one text of about ``limit``."""
    first = size = 0
    for number, (start, end) in enumerate(group):
        if number > first and size + end - start > limit:
            yield first, number
            first, size = number, 0
        size += end - start + len(_JOIN)
    if group:
        yield first, len(group)


def _tokens(
    pipeline: LanguagePipeline, text: tuple[str, int], group: list[tuple[int, int]]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """The tokens of the group's pieces as columns: form (``orth``), start and length in the text,
    and the number of the piece in the group; the pieces are tokenized joined, and the tokens of
    what joins them are left out (a space run that begins in a piece ends with it)."""
    from spacy.attrs import IDX, LENGTH, ORTH

    window, base = text
    joins = list(_joins(group, JOIN_CHARACTERS))
    texts = [_JOIN.join(window[s - base : e - base] for s, e in group[first:last]) for first, last in joins]
    starts = np.asarray([start for start, _end in group], dtype=np.int64)
    sizes = np.asarray([end - start for start, end in group], dtype=np.int64)
    columns: list[tuple[np.ndarray, ...]] = []
    for (first, last), doc in zip(joins, pipeline.tokenized(texts), strict=True):
        if not len(doc):
            continue
        array = doc.to_array([ORTH, IDX, LENGTH])
        length = sizes[first:last]
        at = np.zeros(last - first, dtype=np.int64)  # where each piece is in the joined text
        np.cumsum(length[:-1] + len(_JOIN), out=at[1:])
        idx = array[:, 1].astype(np.int64)
        piece = np.searchsorted(at, idx, side="right") - 1
        offset = idx - at[piece]
        inside = offset < length[piece]
        piece, offset = piece[inside], offset[inside]
        room = length[piece] - offset
        columns.append(
            (
                array[inside, 0],
                starts[first:last][piece] + offset,
                np.minimum(array[inside, 2].astype(np.int64), room),
                piece + first,
            )
        )
    if not columns:
        return None
    orth, start, size, piece = (np.concatenate(parts) for parts in zip(*columns, strict=True))
    return orth, start, size, piece


def _lexical_batch(
    pipeline: LanguagePipeline,
    text: tuple[str, int],
    group: list[tuple[int, int]],
    counter: _Counter,
    lexicon: LexicalCache,
    marks: frozenset[str],
) -> IndexBatch:
    found = _tokens(pipeline, text, group)
    if found is None:
        return _empty(group)
    orth, starts, lengths, piece = found
    at, seen = lexicon.find(orth)
    if not seen.all():
        unseen = np.flatnonzero(~seen)
        forms, first = np.unique(orth[unseen], return_index=True)
        _learn(pipeline, _in_piece_order(forms.tolist(), orth, piece, unseen[first]), lexicon, marks)
        at = np.searchsorted(lexicon.orths, orth)
    slot = lexicon.slots[at]
    kind = lexicon.kinds[at]
    sentence_of = np.cumsum(_sentence_starts(kind, piece)) - 1
    word = slot >= 0
    slot_of = slot[word]
    word_sentence = sentence_of[word]
    # sentences with words, numbered on from the counter
    if len(word_sentence):
        new_sentence = np.empty(len(word_sentence), dtype=bool)
        new_sentence[0] = True
        new_sentence[1:] = word_sentence[1:] != word_sentence[:-1]
        numbers = counter.sentence + np.cumsum(new_sentence) - 1
        kept = word_sentence[new_sentence]
    else:
        numbers = np.zeros(0, dtype=np.int64)
        kept = np.zeros(0, dtype=np.int64)
    sentences = _sentence_spans(kept, sentence_of, kind != _SPACE, starts, lengths, counter.sentence)
    # the batch's own term list: the slots it uses, renumbered in their order (no sort)
    uses = np.zeros(len(lexicon.keys), dtype=bool)
    uses[slot_of] = True
    used = np.flatnonzero(uses)
    term_index = (np.cumsum(uses) - 1)[slot_of]
    keys, alphas = lexicon.keys, lexicon.alpha
    terms = [keys[s] for s in used.tolist()]
    alpha = [alphas[s] for s in used.tolist()]
    count = len(slot_of)
    positions = np.arange(counter.position, counter.position + count, dtype=np.int64)
    word_starts = starts[word]
    batch = IndexBatch(
        positions,
        word_starts,
        word_starts + lengths[word],
        numbers.astype(np.int64),
        term_index.astype(np.int64),
        terms,
        alpha,
        sentences,
        group[-1][1],
        used,
    )
    counter.position += count
    counter.sentence += len(kept)
    return batch


def _sentence_starts(kind: np.ndarray, piece: np.ndarray) -> np.ndarray:
    """Which tokens start a sentence, by spaCy's ``Sentencizer`` run on each piece alone: the first
    token of a piece, and a token that is neither punctuation nor a mark when a mark came since
    the last such token of its piece (or since the piece's start)."""
    first = np.empty(len(piece), dtype=bool)
    first[:1] = True
    first[1:] = piece[1:] != piece[:-1]
    is_mark = kind == _MARK
    seen = np.cumsum(is_mark)  # marks up to each token, itself included
    other = np.flatnonzero(kind >= _OTHER)  # words and space
    rank = np.cumsum(first) - 1  # each token's piece, counted in the batch
    since = (seen - is_mark)[np.flatnonzero(first)][rank[other]]  # marks before its piece
    previous = other[:-1]
    same = rank[previous] == rank[other[1:]]
    since[1:] = np.where(same, seen[previous], since[1:])
    starts = first.copy()
    starts[other] |= seen[other] > since
    return starts


def _sentence_spans(
    kept: np.ndarray,
    sentence_of: np.ndarray,
    solid: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    first_number: int,
) -> np.ndarray:
    """Rows (number, start, end) of the kept sentences: from the start of a sentence's first token
    that is not space to the end of its last (as ``Span.text`` stripped: no token but a space
    token holds space at its edges)."""
    if not len(kept):
        return np.zeros((0, 3), dtype=np.int64)
    tokens = np.flatnonzero(solid)
    sentence = sentence_of[tokens]
    first = tokens[np.searchsorted(sentence, kept, side="left")]
    last = tokens[np.searchsorted(sentence, kept, side="right") - 1]
    numbers = np.arange(first_number, first_number + len(kept), dtype=np.int64)
    return np.column_stack((numbers, starts[first], starts[last] + lengths[last]))


def _in_piece_order(new: list[int], orth: np.ndarray, piece: np.ndarray, first: np.ndarray) -> list[int]:
    """The ``new`` forms (first found at the token indexes ``first``) in the order they were
    learned when spaCy gave a text per piece: piece by piece, in the order of the set of each
    piece's forms. The terms are numbered in that order, so an index is stored as it was (for
    pieces without space at their edges, as :func:`~coding.language.chunks.index_pieces` cuts them)."""
    todo = set(new)
    out: list[int] = []
    for number in np.unique(piece[first]).tolist():
        start, end = np.searchsorted(piece, [number, number + 1]).tolist()
        for o in set(orth[start:end].tolist()):
            if o in todo:
                todo.discard(o)
                out.append(o)
    return out


def _learn(pipeline: LanguagePipeline, new: list[int], lexicon: LexicalCache, marks: frozenset[str]) -> None:
    """Give every form not seen before its term (or −1: not a word) and its kind."""
    if not new:
        return
    vocab = pipeline.nlp.vocab
    lexemes = [vocab[o] for o in new]
    words = [lex for lex in lexemes if not (lex.is_space or lex.is_punct)]
    lemmas = iter(pipeline.lexical_lemmas([lex.orth_ for lex in words]))
    slots: list[int] = []
    kinds: list[int] = []
    for lex in lexemes:
        if lex.orth_ in marks:
            kinds.append(_MARK)
        else:
            kinds.append(_PUNCT if lex.is_punct else _SPACE if lex.is_space else _OTHER)
        if lex.is_space or lex.is_punct:
            slots.append(-1)
            continue
        slots.append(len(lexicon.keys))
        lexicon.keys.append((lex.lower_, next(lemmas)))
        lexicon.alpha.append(bool(lex.is_alpha))
    lexicon.add(new, slots, kinds)


def _empty(group: list[tuple[int, int]]) -> IndexBatch:
    nothing = np.zeros(0, dtype=np.int64)
    spans = np.zeros((0, 3), dtype=np.int64)
    return IndexBatch(nothing, nothing, nothing, nothing, nothing, [], [], spans, group[-1][1])
