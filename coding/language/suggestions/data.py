"""The indexed content words of the documents, as the suggestion sources read them.

Only content words count for suggestions (not a stop word, alphabetic, longer than one letter),
so only those are read, straight from the ``token`` table into numpy arrays per document (a
large corpus has millions of words: as Python tuples they took most of a gigabyte). Word stems
become integer ids. What is derived from the whole corpus (these arrays, the sentence vectors,
the interview questions) is kept in a :class:`CorpusData` and reused until the index or the
speaker rules change (:func:`fingerprint`).
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np
import numpy.typing as npt

from coding.core.ids import DocumentId
from coding.core.project_settings import read_settings
from coding.core.store import Store
from coding.language import content_words, word_bags
from coding.language.content_words import CONTENT_SQL
from coding.language.content_words import parse_ints as _ints
from coding.language.corpus import Corpus
from coding.language.sql import raw_connection
from coding.language.suggestions.vectors import narrowed
from coding.speakers.speakers import SPEAKER_SETTINGS

IntArray = npt.NDArray[np.integer[Any]]  # int32 mostly, int64 where sums may grow
BoolArray = npt.NDArray[np.bool_]


#: A bag of stems per row: rows (sorted), stem ids (sorted within a row) and counts.
Bag = tuple[IntArray, IntArray, IntArray]


def _empty() -> IntArray:
    return np.zeros(0, dtype=np.int32)


class DocumentTokens:
    """The content words of one document in text order, and its sentences and turns. Held in as few bytes as
    give the same numbers (ten times the large corpus has 6.5 million content words): each word's length, not its
    end (one byte for words up to 255 letters), its sentence's number and its term in two bytes for up to 65,536
    sentences and terms. A document made by :meth:`later` reads its words and sentences when they are first
    asked for (the next session's first find, reading what the last one stored, looks at few or none)."""

    __slots__ = (
        "_answer",
        "_length",
        "_load",
        "_sentence",
        "_sentence_end",
        "_sentence_start",
        "_start",
        "_term",
        "_turns",
        "_words",
        "document_id",
    )

    def __init__(
        self,
        document_id: DocumentId,
        start: IntArray,
        end: IntArray,
        sentence: IntArray,  # the number of the word's sentence
        term: IntArray,  # the word's row in ``term``
        sentence_start: IntArray,  # by sentence number
        sentence_end: IntArray,
        turns: Turns,
    ) -> None:
        self.document_id = document_id
        self._turns: Turns | Callable[[DocumentId], Turns] = turns
        self._load: Callable[[], tuple[IntArray, ...]] | None = None
        self._fill(start, end, sentence, term, sentence_start, sentence_end)
        self._answer: BoolArray | None = None

    @classmethod
    def later(
        cls,
        document_id: DocumentId,
        words: int,
        turns: Turns | Callable[[DocumentId], Turns],
        load: Callable[[], tuple[IntArray, ...]],
    ) -> DocumentTokens:
        """A document of ``words`` content words whose words and sentences are read (``load()``: as
        ``content_words`` stores them) when first asked for; its turns too when ``turns`` is a function
        (``turns(document_id)``: :class:`_TurnsLater`)."""
        document = cls.__new__(cls)
        document.document_id, document._turns, document._load = document_id, turns, load
        document._words, document._answer = words, None
        return document

    @property
    def turns(self) -> Turns:
        """Its speaker turns (read when first asked for in a document made by :meth:`later`)."""
        found = self._turns
        if not isinstance(found, Turns):
            found = self._turns = found(self.document_id)
        return found

    def _fill(
        self,
        start: IntArray,
        end: IntArray,
        sentence: IntArray,
        term: IntArray,
        sentence_start: IntArray,
        sentence_end: IntArray,
    ) -> None:
        self._start = start
        self._length: IntArray = narrowed(np.subtract(end, start, dtype=np.int64))
        self._sentence: IntArray = narrowed(sentence)
        self._term: IntArray = narrowed(term)  # two bytes below 65,536 terms (an index, never added to)
        self._sentence_start, self._sentence_end = sentence_start, sentence_end
        self._words = len(term)

    def _read(self) -> None:
        load = self._load
        if load is not None:
            start, end, sentence, term, sentence_start, sentence_end = _in_text_order(*load())
            self._fill(start, end, sentence, term, sentence_start, sentence_end)
            self._load = None

    @property
    def start(self) -> IntArray:
        self._read()
        return self._start

    @property
    def length(self) -> IntArray:
        self._read()
        return self._length

    @property
    def sentence(self) -> IntArray:
        self._read()
        return self._sentence

    @property
    def term(self) -> IntArray:
        self._read()
        return self._term

    @property
    def sentence_start(self) -> IntArray:
        self._read()
        return self._sentence_start

    @property
    def sentence_end(self) -> IntArray:
        self._read()
        return self._sentence_end

    @property
    def words(self) -> int:
        """How many content words it has (known without reading them)."""
        return self._words

    @property
    def read(self) -> bool:
        """Whether its words are in memory."""
        return self._load is None

    @property
    def end(self) -> IntArray:
        """Where each word ends (made when asked for: :meth:`spans` reads only the ends of the words it looks at)."""
        return self.start + self.length

    def spans(self, starts: npt.ArrayLike, ends: npt.ArrayLike) -> tuple[IntArray, IntArray]:
        """The words inside each ``start:end``: ``(span number, word index)`` per word found,
        grouped by span in the order given, words in text order."""
        return word_bags.words_in(self.start, cast("IntArray", _Ends(self.start, self.length)), starts, ends)

    def answer_sentences(self) -> BoolArray:
        """Per sentence: whether it starts in a respondent's answer."""
        if self._answer is None:
            self._answer = self.answers_at(self.sentence_start)
        return self._answer

    def answers_at(self, positions: npt.NDArray[np.integer[Any]]) -> BoolArray:
        """Whether each position is in a respondent's turn; a document without turns has no
        interviewer and is all answers (as ``TurnMap.is_answer``)."""
        turns = self.turns
        if not len(turns.start):
            return np.ones(len(positions), dtype=bool)
        index = np.searchsorted(turns.start, positions, side="right") - 1
        safe = np.maximum(index, 0)
        return (index >= 0) & (positions < turns.end[safe]) & ~turns.interviewer[safe]


class _Ends:
    """The ends of the words asked for (``ends[index]``), from their starts and lengths: the very numbers."""

    __slots__ = ("length", "start")

    def __init__(self, start: IntArray, length: IntArray) -> None:
        self.start, self.length = start, length

    def __getitem__(self, index: IntArray) -> IntArray:
        return self.start[index] + self.length[index]


@dataclass(frozen=True)
class Turns:
    """The speaker turns of one document in text order (as :class:`TurnMap` holds them)."""

    start: IntArray
    body_start: IntArray
    end: IntArray
    interviewer: BoolArray


@dataclass
class CorpusData:
    """Content words of the indexed documents, stems as integer ids."""

    documents: dict[DocumentId, DocumentTokens]
    stems: list[str]  # by stem id
    stem_ids: dict[str, int]
    term_stem: IntArray  # stem id by term id (-1: not a content word)
    term_norm: dict[int, str]  # the folded form of each content term
    #: A readable form for each stem id (its most frequent word form), for reasons.
    display: list[str]
    #: Derived structures of the sources (sentence vectors, interview questions), built once.
    derived: dict[str, Any] = field(default_factory=dict)
    #: Where the bags of stems stored when the documents were indexed are read from (``None``: nowhere, count
    #: them from the words), and each document's index stamp when its words were read: only bags of that index
    #: are read (:meth:`bags_by_document`).
    store: Store | None = None
    stamps: dict[int, tuple[str, str]] = field(default_factory=dict)
    #: What the words were read from (``stored_state.corpus_stamp`` of :func:`fingerprint`): the stamp of the
    #: pieces derived from them that are stored for the next session (``None``: none are read or written).
    stamp: bytes | None = None
    #: The pieces computed and not stored yet, each with its stamp and how to make its arrays
    #: (:func:`~coding.language.suggestions.stored_state.write_pending`).
    unsaved: dict[str, tuple[str, Callable[[], dict[str, Any]]]] = field(default_factory=dict)

    def derive(self, key: str, build: Callable[[CorpusData], Any]) -> Any:
        """``build(self)``, computed the first time ``key`` is asked for and kept."""
        if key not in self.derived:
            self.derived[key] = build(self)
        return self.derived[key]

    def derive_for(self, key: str, stamp: object, build: Callable[[], Any], *, same: bool = False) -> Any:
        """``build()``, kept while ``key`` is asked for with the same ``stamp`` (equal; with ``same``: the very
        object): what the similarity sources compute from the codings (the codes' profiles, each sentence's and
        turn's closest codes) is computed again only when the codings change (:mod:`.kept`). The old value is let
        go before the new one is built."""
        found = self.derived.get(key)
        if found is not None and (found[0] is stamp if same else found[0] == stamp):
            return found[1]
        self.derived.pop(key, None)
        value = build()
        self.derived[key] = (stamp, value)
        return value

    def bags_by_document(self, kind: str) -> Iterator[tuple[DocumentId, DocumentTokens, Bag | None]]:
        """Each document with its bags of stems of ``kind`` (``"sentences"`` or ``"turns"``,
        :mod:`coding.language.word_bags`) as stored when it was indexed, stem ids in place of their terms;
        ``None`` for a document without (indexed before they were stored, or a bag naming a term without a
        stem): count its bags from its words. Read one document at a time, in the order of :attr:`documents`."""
        stored = self._stored_bags(kind)
        ahead = next(stored, None)
        try:
            for doc_id, document in self.documents.items():
                while ahead is not None and ahead[0] < doc_id:
                    ahead = next(stored, None)
                found = ahead[1] if ahead is not None and ahead[0] == doc_id else None
                yield doc_id, document, found
        finally:
            stored.close()

    def _stored_bags(self, kind: str) -> Generator[tuple[DocumentId, Bag | None], None, None]:
        if self.store is None or not self.stamps:
            return
        with self.store.read() as session:
            for doc_id, bag in word_bags.stored_kind(raw_connection(session), kind, self.stamps):
                yield DocumentId(doc_id), _with_stem_ids(bag, self.term_stem)

    def show(self, stem: str) -> str:
        found = self.stem_ids.get(stem)
        return stem if found is None else self.display[found]

    def stems_of(self, document: DocumentTokens, index: IntArray) -> IntArray:
        return self.term_stem[document.term[index]]


def fingerprint(store: Store, document_ids: Iterable[DocumentId]) -> tuple[Any, ...]:
    """What :class:`CorpusData` is built from: each document's index and the speaker rules."""
    with store.read() as session:
        raw = raw_connection(session)
        index = tuple(
            raw.execute(
                "SELECT document_id, text_hash, language, pipeline, indexed_at FROM text_index "
                "ORDER BY document_id"
            )
        )
        speakers = read_settings(session, SPEAKER_SETTINGS)
    return (frozenset(document_ids), index, speakers)


def load_corpus_data(
    corpus: Corpus,
    document_ids: Iterable[DocumentId],
    *,
    stored_arrays: bool = True,
    known: KnownWords | None = None,
) -> CorpusData:
    """The content words of the documents: from the arrays stored when they were indexed
    (:mod:`coding.language.content_words`), those without current ones from the token rows (all of them
    without ``stored_arrays``). ``known``: what a find of an earlier session stored of these very words (their
    counts and display forms, :func:`pack_known`): then each document's words are read when first asked for."""
    wanted = sorted(set(document_ids))
    wanted_set = set(wanted)
    later = known is not None and stored_arrays and known.documents == wanted
    read: dict[int, DocumentTokens] = {}
    with corpus.store.read() as session:
        raw = raw_connection(session)
        terms = raw.execute(f"SELECT id, norm, stem FROM term WHERE {CONTENT_SQL}").fetchall()
        if later and known is not None:
            # the turns as well when first asked for (the next session's find that reads what the last one stored
            # looks at none: reading the 400,724 turns of ten times the corpus was ≈ 0.23 s of it)
            turns_later = _TurnsLater(corpus.store, corpus.is_interviewer, wanted_set)
            for wanted_id, words in zip(wanted, known.words, strict=True):
                read[wanted_id] = DocumentTokens.later(
                    wanted_id,
                    words,
                    turns_later,
                    functools.partial(_read_document, corpus.store, wanted_id),
                )
        else:
            turns = _turns(corpus.store, corpus.is_interviewer, wanted_set)
            # each document's words made compact as they are read (the rows as read are let go one at a time)
            if stored_arrays:
                for doc_id, arrays in content_words.stored(raw, wanted_set):
                    read[doc_id] = _document(doc_id, arrays, turns)
            for doc_id, arrays in content_words.from_tokens(raw, [d for d in wanted if d not in read]):
                read[doc_id] = _document(doc_id, arrays, turns)
        # what the words were read from: bags stored with this index are what counting them would give
        stamps = {
            doc_id: (text_hash, str(indexed_at))
            for doc_id, text_hash, indexed_at in raw.execute(
                "SELECT document_id, text_hash, indexed_at FROM text_index"
            )
            if doc_id in wanted_set
        }
    documents = {DocumentId(doc_id): read.pop(doc_id) for doc_id in wanted}
    stems = sorted({stem for _, _, stem in terms})
    stem_ids = {stem: number for number, stem in enumerate(stems)}
    size = max((term_id for term_id, _, _ in terms), default=0) + 1
    term_stem = np.full(size, -1, dtype=np.int32)
    for term_id, _, stem in terms:
        term_stem[term_id] = stem_ids[stem]
    term_norm = {term_id: norm for term_id, norm, _ in terms}
    if later and known is not None and len(known.display) == len(stems):
        display = known.display
    else:
        display = _display_forms(documents.values(), term_stem, term_norm, stems)
    return CorpusData(
        documents,
        stems,
        stem_ids,
        term_stem,
        term_norm,
        display,
        store=corpus.store if stored_arrays else None,
        stamps=stamps,
    )


@dataclass(frozen=True)
class KnownWords:
    """What is known of the corpus's words without reading them: the documents, each one's count of content
    words and each stem's display form (:attr:`CorpusData.display`), stored for the next session
    (:data:`KNOWN_NAME`) under the stamp of what the words are read from."""

    documents: list[int]
    words: list[int]
    display: list[str]


#: The piece of the kept state :class:`KnownWords` is stored as.
KNOWN_NAME = "corpus_words"


def pack_known(data: CorpusData) -> dict[str, np.ndarray]:
    """:class:`KnownWords` of ``data`` as arrays."""
    return {
        "documents": np.fromiter(data.documents, dtype=np.int64, count=len(data.documents)),
        "words": np.fromiter(
            (document.words for document in data.documents.values()),
            dtype=np.int64,
            count=len(data.documents),
        ),
        "display": np.frombuffer(json.dumps(data.display).encode(), dtype=np.uint8),
    }


def unpack_known(arrays: dict[str, np.ndarray]) -> KnownWords:
    """:func:`pack_known`'s arrays back; ``ValueError`` for arrays that do not fit together."""
    documents, words = arrays["documents"].tolist(), arrays["words"].tolist()
    display = json.loads(arrays["display"].tobytes())
    if len(documents) != len(words) or not isinstance(display, list):
        raise ValueError("known words of another shape")
    if not all(isinstance(form, str) for form in display):
        raise ValueError("known words of another shape")
    return KnownWords(documents, words, display)


_NO_TURNS = Turns(_empty(), _empty(), _empty(), np.zeros(0, dtype=bool))


def _document(doc_id: int, arrays: tuple[IntArray, ...], turns: dict[int, Turns]) -> DocumentTokens:
    """A document's words as :class:`DocumentTokens` holds them (in text order) from the arrays read."""
    start, end, sentence, term, sentence_start, sentence_end = _in_text_order(*arrays)
    return DocumentTokens(
        DocumentId(doc_id),
        start,
        end,
        sentence,
        term,
        sentence_start,
        sentence_end,
        turns.get(doc_id, _NO_TURNS),
    )


def _in_text_order(*arrays: IntArray) -> tuple[IntArray, ...]:
    """A document's arrays as read (words' starts, ends, sentences, terms; sentences' starts, ends) with the
    words in text order."""
    start, end, sentence, term, sentence_start, sentence_end = arrays
    order = _text_order(start)
    if order is not None:
        start, end, sentence, term = start[order], end[order], sentence[order], term[order]
    return start, end, sentence, term, sentence_start, sentence_end


def _read_document(store: Store, doc_id: int) -> tuple[IntArray, ...]:
    """One document's arrays as :func:`load_corpus_data` reads them: stored with its index, else from its
    tokens."""
    with store.read() as session:
        raw = raw_connection(session)
        row = raw.execute(
            'SELECT c.start, c."end", c.sentence, c.term, c.sentence_start, c.sentence_end '
            "FROM content_words c JOIN text_index x ON x.document_id = c.document_id "
            "AND x.text_hash = c.text_hash AND x.indexed_at = c.indexed_at WHERE c.document_id = ?",
            (doc_id,),
        ).fetchone()
        if row is not None:
            return tuple(content_words.unpack(blob) for blob in row)
        for _, arrays in content_words.from_tokens(raw, [doc_id]):
            return arrays
    raise LookupError(f"document {doc_id} has no words")


def _with_stem_ids(bag: IntArray, term_stem: IntArray) -> Bag | None:
    """A stored bag (rows, terms, counts) with each term's stem id; ``None`` when a term has no stem (then the
    document's bags are counted from its words)."""
    rows, terms, counts = bag
    if len(terms) and (int(terms.min()) < 0 or int(terms.max()) >= len(term_stem)):
        return None
    stem = term_stem[terms]
    if len(stem) and int(stem.min()) < 0:
        return None
    return rows, stem, counts


def _turns(store: Store, is_interviewer: Callable[[str], bool], wanted: set[DocumentId]) -> dict[int, Turns]:
    """The turns of the documents, whose speaker is an interviewer by the project's rules (``is_interviewer``:
    ``Corpus.is_interviewer``)."""
    found: dict[int, Turns] = {}
    with store.read() as session:
        raw = raw_connection(session)
        speakers = [speaker for (speaker,) in raw.execute("SELECT DISTINCT speaker FROM turn")]
        interviewers = [speaker for speaker in speakers if is_interviewer(speaker)]
        marks = ",".join("?" * len(interviewers))
        for doc_id, *lists in raw.execute(
            'SELECT document_id, group_concat(start), group_concat(body_start), group_concat("end"), '
            f"group_concat(speaker IN ({marks})) FROM turn GROUP BY document_id",
            interviewers,
        ):
            if doc_id in wanted:
                start, body_start, end, interviewer = (_ints(values) for values in lists)
                order = _text_order(start)
                if order is not None:
                    start, body_start, end, interviewer = (
                        start[order],
                        body_start[order],
                        end[order],
                        interviewer[order],
                    )
                found[doc_id] = Turns(start, body_start, end, interviewer.astype(bool))
    return found


def read_turns(corpus: Corpus, wanted: set[DocumentId]) -> dict[int, Turns]:
    """The turns of the documents as :class:`CorpusData` holds them (a document without turns is left out)."""
    return _turns(corpus.store, corpus.is_interviewer, wanted)


class _TurnsLater:
    """The turns of the documents (:func:`_turns`), read all at once when the first document's are asked for
    (``turns_later(document_id)``; a document without turns has none). Holds the store and the speaker rules as the
    corpus had them when its words were read, not the corpus (nor the texts it keeps)."""

    __slots__ = ("_found", "_is_interviewer", "_lock", "_store", "_wanted")

    def __init__(self, store: Store, is_interviewer: Callable[[str], bool], wanted: set[DocumentId]) -> None:
        self._store, self._is_interviewer, self._wanted = store, is_interviewer, wanted
        self._found: dict[int, Turns] | None = None
        self._lock = threading.Lock()

    def __call__(self, document_id: DocumentId) -> Turns:
        with self._lock:  # (a find in a worker and another in the window's thread: read once)
            found = self._found
            if found is None:
                found = self._found = _turns(self._store, self._is_interviewer, self._wanted)
        return found.get(document_id, _NO_TURNS)


def _text_order(start: IntArray) -> IntArray | None:
    """``None`` when the rows came in text order (as the tables' keys give them), else the sort."""
    if len(start) < 2 or bool(np.all(start[1:] >= start[:-1])):
        return None
    return np.argsort(start, kind="stable").astype(np.int32)


def _display_forms(
    documents: Iterable[DocumentTokens], term_stem: IntArray, term_norm: dict[int, str], stems: list[str]
) -> list[str]:
    """Per stem, its most frequent form; among equally frequent ones the first in the corpus."""
    all_terms = np.concatenate([doc.term for doc in documents] or [_empty()])
    if not len(all_terms):
        return list(stems)
    counts = np.bincount(all_terms, minlength=len(term_stem))
    present = np.flatnonzero(
        counts
    )  # the terms that occur, in order (as np.unique gives them, without its sort)
    earliest = np.full(len(counts), len(all_terms), dtype=np.int64)
    np.minimum.at(earliest, all_terms, np.arange(len(all_terms), dtype=np.int64))
    first = earliest[present]
    best: dict[int, tuple[int, int, str]] = {}  # stem id → (count, -first, norm) per form
    by_form: dict[tuple[int, str], list[int]] = {}
    for term_id, position in zip(present.tolist(), first.tolist(), strict=True):
        key = (int(term_stem[term_id]), term_norm[term_id])
        found = by_form.setdefault(key, [0, position])
        found[0] += int(counts[term_id])
        found[1] = min(found[1], position)
    for (stem_id, norm), (count, position) in by_form.items():
        candidate = (count, -position, norm)
        if stem_id not in best or candidate > best[stem_id]:
            best[stem_id] = candidate
    return [best[number][2] if number in best else stem for number, stem in enumerate(stems)]
