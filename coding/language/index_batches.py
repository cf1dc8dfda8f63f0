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
#: What a form is to the sentencizer's rule (:class:`LexicalCache` ``kind``).
_MARK, _PUNCT, _OTHER = 0, 1, 2


@dataclass
class IndexBatch:
    """Rows of one batch: ``tokens`` as columns (position, start, end, sentence numbers, and each
    token's term as an index into ``terms``), ``sentences`` as (number, start, end)."""

    positions: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    sentence_numbers: np.ndarray
    term_index: np.ndarray
    terms: list[TermKey]
    alpha: list[bool]
    sentences: list[tuple[int, int, int]]
    #: The end of the last piece analysed (for progress), in characters of the text.
    done: int = 0

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
    it is to the sentencizer (``_MARK``: one of its marks, ``_PUNCT``: other punctuation,
    ``_OTHER``: a word or space). For one pipeline."""

    slot: dict[int, int] = field(default_factory=dict)
    kind: dict[int, int] = field(default_factory=dict)
    keys: list[TermKey] = field(default_factory=list)
    alpha: list[bool] = field(default_factory=list)


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
        sentences,
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
    forms, first, inverse = np.unique(orth, return_index=True, return_inverse=True)
    known = forms.tolist()
    is_new = np.fromiter((o not in lexicon.slot for o in known), dtype=bool, count=len(known))
    if is_new.any():
        new = _in_piece_order(forms[is_new].tolist(), orth, piece, first[is_new])
        _learn(pipeline, new, lexicon, marks)
    slot = np.fromiter((lexicon.slot[o] for o in known), dtype=np.int64, count=len(known))[inverse]
    kind = np.fromiter((lexicon.kind[o] for o in known), dtype=np.int64, count=len(known))[inverse]
    sentence_of = np.cumsum(_sentence_starts(kind.reshape(-1), piece)) - 1
    word = slot.reshape(-1) >= 0
    slot_of = slot.reshape(-1)[word]
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
    sentences = _sentence_spans(text, kept, sentence_of, starts, lengths, counter.sentence)
    # the batch's own term list: the slots it uses, renumbered
    used, term_index = np.unique(slot_of, return_inverse=True)
    terms = [lexicon.keys[int(s)] for s in used]
    alpha = [lexicon.alpha[int(s)] for s in used]
    count = len(slot_of)
    positions = np.arange(counter.position, counter.position + count, dtype=np.int64)
    word_starts = starts[word]
    batch = IndexBatch(
        positions,
        word_starts,
        word_starts + lengths[word],
        numbers.astype(np.int64),
        term_index.astype(np.int64).reshape(-1),
        terms,
        alpha,
        sentences,
        group[-1][1],
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
    other = np.flatnonzero(kind == _OTHER)
    rank = np.cumsum(first) - 1  # each token's piece, counted in the batch
    since = (seen - is_mark)[np.flatnonzero(first)][rank[other]]  # marks before its piece
    previous = other[:-1]
    same = rank[previous] == rank[other[1:]]
    since[1:] = np.where(same, seen[previous], since[1:])
    starts = first.copy()
    starts[other] |= seen[other] > since
    return starts


def _sentence_spans(
    text: tuple[str, int],
    kept: np.ndarray,
    sentence_of: np.ndarray,
    starts: np.ndarray,
    lengths: np.ndarray,
    first_number: int,
) -> list[tuple[int, int, int]]:
    """(number, start, end) of each kept sentence: from its first token to the end of its last,
    without surrounding space (as ``Span.text`` stripped). ``text`` is the window of the text
    the batch's pieces are in, with the offset of its first character."""
    if not len(kept):
        return []
    first = np.searchsorted(sentence_of, kept, side="left")
    last = np.searchsorted(sentence_of, kept, side="right") - 1
    span_starts = starts[first].tolist()
    span_ends = (starts[last] + lengths[last]).tolist()
    window, base = text
    return [
        _trimmed_sentence(first_number + index, start, window[start - base : end - base])
        for index, (start, end) in enumerate(zip(span_starts, span_ends, strict=True))
    ]


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
    lemmas = pipeline.lexical_lemmas([lex.orth_ for lex in words])
    for lex in lexemes:
        lexicon.slot[lex.orth] = -1
        lexicon.kind[lex.orth] = _MARK if lex.orth_ in marks else _PUNCT if lex.is_punct else _OTHER
    for lex, lemma in zip(words, lemmas, strict=True):
        lexicon.slot[lex.orth] = len(lexicon.keys)
        lexicon.keys.append((lex.lower_, lemma))
        lexicon.alpha.append(bool(lex.is_alpha))


def _empty(group: list[tuple[int, int]]) -> IndexBatch:
    nothing = np.zeros(0, dtype=np.int64)
    return IndexBatch(nothing, nothing, nothing, nothing, nothing, [], [], [], group[-1][1])
