"""A document's words and sentences for the index, a bounded batch at a time.

The indexer stores what :func:`analyse` yields batch by batch, so memory stays bounded whatever
the length of a text (a 45 MB transcript is a few hundred batches, not one list of millions of
tuples). Two ways to the same rows:

* **lexical** (the fallback pipelines: a tokenizer, the sentencizer and lookup lemmas): spaCy
  only tokenizes and splits sentences; offsets, sentence starts and word flags come out of
  ``Doc.to_array`` as columns, and a form's lemma is looked up once per distinct form
  (:meth:`LanguagePipeline.lexical_lemmas`, the same components on the form alone: a lookup
  lemma does not depend on the words around it). About four times faster than walking tokens.
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
#: Pieces handed to spaCy at most at once.
_PIPE_BATCH = 128


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
    """Per spaCy ``orth`` id: the index of its term in :attr:`keys`, or −1 for a non-word."""

    slot: dict[int, int] = field(default_factory=dict)
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
    counter = _Counter()
    lexicon = cache if cache is not None else LexicalCache()
    for group in groups(pieces, BATCH_CHARACTERS if limit is None else limit):
        base = group[0][0]
        window = text[base : group[-1][1]] if isinstance(text, str) else text(base, group[-1][1])
        texts = [window[start - base : end - base] for start, end in group]
        docs = pipeline.pipe(texts, batch_size=_PIPE_BATCH, lexical=use_lexical)
        if use_lexical:
            yield _lexical_batch(pipeline, (window, base), group, docs, counter, lexicon)
        else:
            yield _token_batch(group, docs, counter)


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


def _lexical_batch(
    pipeline: LanguagePipeline,
    text: tuple[str, int],
    group: list[tuple[int, int]],
    docs: Iterator[Any],
    counter: _Counter,
    lexicon: LexicalCache,
) -> IndexBatch:
    from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, ORTH, SENT_START

    columns: list[np.ndarray] = []
    offsets: list[np.ndarray] = []
    for (offset, _end), doc in zip(group, docs, strict=True):
        if len(doc) == 0:
            continue
        array = doc.to_array([ORTH, IDX, LENGTH, SENT_START, IS_PUNCT, IS_SPACE])
        columns.append(array)
        offsets.append(np.full(len(doc), offset, dtype=np.int64))
        _learn(pipeline, doc, array[:, 0], lexicon)
    if not columns:
        return _empty(group)
    table = np.concatenate(columns)
    piece_offsets = np.concatenate(offsets)
    orth = table[:, 0]
    starts = table[:, 1].astype(np.int64) + piece_offsets
    lengths = table[:, 2].astype(np.int64)
    sent_start = table[:, 3].view(np.int64) == 1
    # each piece starts a sentence (spaCy's first token of a doc always does)
    first_of_doc = np.zeros(len(table), dtype=bool)
    first_of_doc[np.cumsum([0, *[len(c) for c in columns[:-1]]])] = True
    sentence_of = np.cumsum(sent_start | first_of_doc) - 1
    word = (table[:, 4] == 0) & (table[:, 5] == 0)
    slot_of = np.fromiter((lexicon.slot[int(o)] for o in orth[word]), dtype=np.int64, count=int(word.sum()))
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


def _learn(pipeline: LanguagePipeline, doc: Any, orth: np.ndarray, lexicon: LexicalCache) -> None:
    """Give every form of ``doc`` not seen before its term (or −1: not a word)."""
    new = [o for o in set(orth.tolist()) if o not in lexicon.slot]
    if not new:
        return
    vocab = doc.vocab
    lexemes = [vocab[o] for o in new]
    words = [lex for lex in lexemes if not (lex.is_space or lex.is_punct)]
    lemmas = pipeline.lexical_lemmas([lex.orth_ for lex in words])
    for lex in lexemes:
        lexicon.slot[lex.orth] = -1
    for lex, lemma in zip(words, lemmas, strict=True):
        lexicon.slot[lex.orth] = len(lexicon.keys)
        lexicon.keys.append((lex.lower_, lemma))
        lexicon.alpha.append(bool(lex.is_alpha))


def _empty(group: list[tuple[int, int]]) -> IndexBatch:
    nothing = np.zeros(0, dtype=np.int64)
    return IndexBatch(nothing, nothing, nothing, nothing, nothing, [], [], [], group[-1][1])
