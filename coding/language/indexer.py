"""The text index: sentences and words (with lemma, stem and offsets) of every document.

Built once per document text and stored in the project, so searching never parses the corpus
again. A document is indexed again when its text changes (``text_index.text_hash``) or the
pipeline does; its index goes with it (cascade). Indexing writes derived data only: it is not an
undoable action and announces nothing.
"""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
from sqlalchemy.orm import Session

from coding.core.ids import DocumentId
from coding.core.store import Store
from coding.core.text import fold
from coding.language import content_words, word_bags
from coding.language.chunks import streamed_pieces, whole_pieces
from coding.language.content_words import CONTENT_SQL, ContentCollector
from coding.language.index_batches import IndexBatch, LexicalCache, analyse
from coding.language.sql import counted, insert_columns, raw_connection
from coding.language.stored_text import TextWindows, character_count
from coding.language.token_indexes import deferred_token_indexes, worth_deferring
from models.clock import utcnow

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

#: ``progress(characters done, characters total, document name)``; returning ``False`` cancels
#: (after the document being indexed).
IndexProgress = Callable[[int, int, str], bool | None]

_CHUNK = 900
#: ``after_document(connection, document, text, fingerprint)`` (:attr:`Indexer.after_document`).
AfterDocument = Callable[[sqlite3.Connection, DocumentId, str, str], None]
_HASH_CHUNK = 1 << 20


def text_hash(text: str | bytes, turns: Iterable[tuple[int, int, int]] = ()) -> str:
    """Fingerprint of what an index is built from: the text (or its UTF-8 bytes, the same
    fingerprint without a copy of a long text as a string) and its speaker turns."""
    # one update for all turns: the same digest as one per turn
    return _hashed(
        text, "".join([f"|{start},{body_start},{end}" for start, body_start, end in sorted(turns)])
    )


def _hashed(text: str | bytes, spans: str) -> str:
    """:func:`text_hash` of ``text`` and its turns written as ``spans`` (``|start,body_start,end`` each)."""
    digest = hashlib.sha256()
    if isinstance(text, bytes):
        digest.update(text)
    else:
        for start in range(0, len(text), _HASH_CHUNK):  # no second copy of a long text at once
            digest.update(text[start : start + _HASH_CHUNK].encode("utf-8"))
    digest.update(spans.encode("ascii"))
    return digest.hexdigest()


def _turn_spans(raw: sqlite3.Connection) -> dict[int, str]:
    """Per document with turns: its turns as :func:`text_hash` writes them, in the order the table's index by
    document and start gives them (text order: sorted as ``text_hash`` sorts them unless two turns start at the
    same place). SQLite writes the numbers (``group_concat``), Python only joins them: reading the 400,000 turns
    of ten times the corpus as tuples and writing them one by one was 0.5 s of a session's first find."""
    return {
        doc_id: "".join(
            [
                f"|{start},{body_start},{end}"
                for start, body_start, end in zip(
                    starts.split(","), body_starts.split(","), ends.split(","), strict=True
                )
            ]
        )
        for doc_id, starts, body_starts, ends in raw.execute(
            'SELECT document_id, group_concat(start), group_concat(body_start), group_concat("end") '
            "FROM turn GROUP BY document_id"
        )
    }


@dataclass(frozen=True)
class StaleDocument:
    id: DocumentId
    name: str
    length: int
    reason: str  # "not indexed", "text changed", "pipeline changed"


@dataclass(frozen=True)
class IndexReport:
    documents: int
    tokens: int
    sentences: int
    characters: int
    seconds: float
    pipeline: str
    cancelled: bool = False


@dataclass(frozen=True)
class _Term:
    form: str
    lemma: str
    alpha: bool


def stale_documents(
    store: Store, language: str, pipeline: str, document_ids: Iterable[DocumentId] | None = None
) -> list[StaleDocument]:
    """Documents whose index is missing, was built from another text or by another pipeline
    than ``pipeline`` (a name) for ``language``, in import order. Needs no spaCy."""
    wanted = None if document_ids is None else set(document_ids)
    out: list[StaleDocument] = []
    with store.read() as session:
        raw = raw_connection(session)
        spans = _turn_spans(raw)
        # one text at a time, as its UTF-8 bytes (what is hashed; a quarter of a long text as
        # a string): a large corpus's texts together are tens of megabytes
        for doc_id, name, length, text, stored_hash, stored_pipeline, stored_language in raw.execute(
            "SELECT d.id, d.name, d.length, CAST(d.text AS BLOB), x.text_hash, x.pipeline, x.language "
            "FROM document d LEFT JOIN text_index x ON x.document_id = d.id ORDER BY d.position, d.id"
        ):
            if wanted is not None and doc_id not in wanted:
                continue
            if stored_hash is None:
                reason = "not indexed"
            elif stored_pipeline != pipeline or stored_language != language:
                reason = "pipeline changed"
            elif stored_hash != _hashed(text, spans.get(doc_id, "")) and stored_hash != text_hash(
                text, _turns_of(raw, doc_id)
            ):  # (the turns as read may be in another order than sorted: then judged by them sorted)
                reason = "text changed"
            else:
                continue
            out.append(StaleDocument(DocumentId(doc_id), name, length, reason))
    return out


def _turns_of(raw: sqlite3.Connection, document_id: int) -> list[tuple[int, int, int]]:
    return [
        (start, body, end)
        for start, body, end in raw.execute(
            'SELECT start, body_start, "end" FROM turn WHERE document_id = ?', (document_id,)
        )
    ]


def _text_and_turns(
    session: Session, document_id: DocumentId
) -> tuple[bytes | None, list[tuple[int, int, int]]]:
    """A document's text as its UTF-8 bytes (``None``: it is gone) and its turns as
    ``(start, body_start, end)``."""
    raw = raw_connection(session)
    row = raw.execute("SELECT CAST(text AS BLOB) FROM document WHERE id = ?", (document_id,)).fetchone()
    turns = raw.execute('SELECT start, body_start, "end" FROM turn WHERE document_id = ?', (document_id,))
    return (None if row is None else bytes(row[0] or b"")), [(start, body, end) for start, body, end in turns]


@dataclass(frozen=True)
class _Source:
    """What a document's index is built from, as read: the fingerprint of its text and turns
    (:func:`text_hash`) and, while they are held, the text's stored bytes and the turns
    ``(start, body_start, end)`` sorted."""

    digest: str
    data: bytes | None = None
    spans: list[tuple[int, int, int]] | None = None
    text: str | None = None  # the text, when it was decoded whole

    def unchanged(self, raw: sqlite3.Connection, document_id: DocumentId) -> bool:
        """Whether the document's text and turns are still what was read (in the write transaction
        that stores its index): its stored bytes compared with those held, by SQLite (no second
        read and hash of the text: ≈ 0.3 s of 100 MB at ten times the large corpus), or hashed
        again when they are no longer held."""
        spans = sorted(
            raw.execute('SELECT start, body_start, "end" FROM turn WHERE document_id = ?', (document_id,))
        )
        if self.data is not None and self.spans is not None:
            row = raw.execute(
                "SELECT CAST(text AS BLOB) = ? FROM document WHERE id = ?", (self.data, document_id)
            ).fetchone()
            return row is not None and bool(row[0]) and spans == self.spans
        row = raw.execute("SELECT CAST(text AS BLOB) FROM document WHERE id = ?", (document_id,)).fetchone()
        return row is not None and text_hash(row[0], spans) == self.digest


class Indexer:
    """Indexes documents of one project with one pipeline."""

    def __init__(self, store: Store, pipeline: LanguagePipeline) -> None:
        self.store = store
        self.pipeline = pipeline
        self.language = pipeline.language
        self._terms: dict[tuple[str, str], int] | None = None
        self._lexicon = LexicalCache()  # spaCy's ids of forms seen, with their terms
        self._content: dict[int, bool] = {}  # whether each term id seen is a content word's
        self._stems: dict[int, str] = {}  # the stem of each term id seen
        self._slot_ids = np.zeros(0, dtype=np.int64)  # the term id of each slot of _lexicon (-1: not yet)
        #: Called in the transaction that stores a document's index in one batch, with its text as read and
        #: the fingerprint just checked (the guide's matches: ``guide_matches.MatchedWhileIndexed``).
        self.after_document: AfterDocument | None = None

    # -- what needs doing ----------------------------------------------------------------
    def stale(self, document_ids: Iterable[DocumentId] | None = None) -> list[StaleDocument]:
        """Documents whose index is missing or out of date, in import order."""
        return stale_documents(self.store, self.language, self.pipeline.name, document_ids)

    # -- indexing ------------------------------------------------------------------------
    def run(
        self, documents: Sequence[StaleDocument] | None = None, progress: IndexProgress | None = None
    ) -> IndexReport:
        """Index ``documents`` (default: every stale one), one after the other."""
        started = time.perf_counter()
        todo = list(self.stale() if documents is None else documents)
        defer = worth_deferring(self.store, ((doc.id, doc.length) for doc in todo))
        # every parent row is made sure of in the transaction that writes (_unchanged, _still); the index is
        # derived data (a power loss that takes its last batches leaves their documents stale: indexed again)
        with deferred_token_indexes(self.store, defer), self.store.unchecked(derived=True):
            report = self._run(todo, progress)
        if progress is not None and not report[4]:
            progress(report[3], report[3], "")  # after the indexes are built again
        return IndexReport(*report[:4], time.perf_counter() - started, self.pipeline.name, report[4])

    def _run(
        self, todo: Sequence[StaleDocument], progress: IndexProgress | None
    ) -> tuple[int, int, int, int, bool]:
        """Index ``todo``: documents, tokens, sentences and characters done, and whether the
        run was cancelled."""
        total = sum(doc.length for doc in todo)
        done = tokens = sentences = count = 0
        cancelled = False
        for doc in todo:
            if progress is not None and progress(done, total, doc.name) is False:
                cancelled = True
                break

            def step(characters: int, name: str = doc.name, base: int = done) -> bool:
                return progress is None or progress(base + characters, total, name) is not False

            result = self.index_document(doc.id, step)
            done += doc.length
            if result is None:
                continue
            if result == (-1, -1):
                cancelled = True
                break
            count += 1
            tokens += result[0]
            sentences += result[1]
        return count, tokens, sentences, done, cancelled

    def read(self, document_id: DocumentId) -> tuple[TextWindows, str, list[tuple[int, int]]] | None:
        """A document's text (as windows read in order), the fingerprint of what its index is
        built from, and the pieces to index (``None``: the document is gone). The text is held
        as its UTF-8 bytes, never whole as a string (a 45 MB transcript with emoji is 180 MB as
        one)."""
        found = self._read(document_id)
        return None if found is None else (found[0], found[1].digest, found[2])

    def _read(self, document_id: DocumentId) -> tuple[TextWindows, _Source, list[tuple[int, int]]] | None:
        with self.store.read() as session:
            data, spans = _text_and_turns(session, document_id)
        if data is None:
            return None
        windows = TextWindows(data)
        text = windows.whole
        if text is not None:  # a text decoded at once: its pieces as arrays
            pieces = whole_pieces(text, spans)
        else:
            pieces = streamed_pieces(windows, character_count(data), spans)
            windows = TextWindows(data)
        return windows, _Source(text_hash(data, spans), data, sorted(spans), text), pieces

    def index_document(
        self, document_id: DocumentId, step: Callable[[int], bool] | None = None
    ) -> tuple[int, int] | None:
        """Index one document; ``(tokens, sentences)``, ``None`` if it vanished or changed
        meanwhile, ``(-1, -1)`` when ``step`` asked to cancel.

        The rows are analysed and stored a batch at a time (:mod:`coding.language.index_batches`),
        so memory stays bounded whatever the text's length. A text of one batch is stored in one
        transaction. A longer one is stored in one transaction per batch (the write lock is never
        held while spaCy works): its index row says "pending" until the last batch is in, so an
        interrupted run leaves the document stale (indexed again next time), never half-indexed
        as if complete.
        """
        found = self._read(document_id)
        if found is None:
            return None
        source = found[1]
        # only the batches and the source hold the text: it goes as soon as the last batch is made, or
        # (one batch) once it is stored
        batches = analyse(self.pipeline, found[0], found[2], self._lexicon)
        del found
        try:
            return self._stored(document_id, source, batches, step)
        finally:
            batches.close()

    def _stored(
        self,
        document_id: DocumentId,
        source: _Source,
        batches: Iterator[IndexBatch],
        step: Callable[[int], bool] | None,
    ) -> tuple[int, int] | None:
        try:
            return self._store_batches(document_id, source, batches, step)
        except BaseException:
            self._terms = None  # the caches may hold ids of a rolled-back transaction
            self._content = {}
            self._stems = {}
            self._slot_ids = np.zeros(0, dtype=np.int64)
            raise

    def _store_batches(
        self,
        document_id: DocumentId,
        source: _Source,
        batches: Iterator[IndexBatch],
        step: Callable[[int], bool] | None,
    ) -> tuple[int, int] | None:
        digest = source.digest
        first = next(batches, None)
        second = next(batches, None) if first is not None else None
        words = ContentCollector()  # the content words' arrays, stored with the index (content_words)
        if second is None:  # the whole text in one batch: one transaction, as always
            if first is not None and step is not None and not step(first.done):
                return (-1, -1)
            with self.store.write() as session:
                if not source.unchanged(raw_connection(session), document_id):
                    return None
                self._clear(session, document_id)
                tokens, sentences = self._insert(session, document_id, first, words)
                self._mark(session, document_id, digest, tokens, sentences)
                self._store_words(session, document_id, words)
                if self.after_document is not None and source.text is not None:
                    self.after_document(raw_connection(session), document_id, source.text, digest)
            return tokens, sentences
        pending = f"pending {uuid.uuid4().hex}"
        tokens = sentences = 0
        for number, batch in enumerate(itertools.chain((first, second), batches)):
            assert batch is not None
            with self.store.write() as session:
                if number == 0:
                    unchanged = source.unchanged(raw_connection(session), document_id)
                    source = _Source(digest)  # a long text: its bytes not held while the rest is stored
                    if not unchanged:
                        return None
                    self._clear(session, document_id)
                    self._mark(session, document_id, pending, 0, 0)
                elif not self._still(session, document_id, pending):
                    return None  # changed, or another indexer took the document over
                added = self._insert(session, document_id, batch, words)
            tokens, sentences = tokens + added[0], sentences + added[1]
            if step is not None and not step(batch.done):
                return (-1, -1)  # stays pending: stale, indexed again next time
        with self.store.write() as session:
            if not self._still(session, document_id, pending):
                return None
            if not source.unchanged(raw_connection(session), document_id):
                self._clear(session, document_id)
                return None
            self._mark(session, document_id, digest, tokens, sentences)
            self._store_words(session, document_id, words)
        return tokens, sentences

    def _store_words(self, session: Session, document_id: DocumentId, words: ContentCollector) -> None:
        """The document's content words (``content_words``) and its sentences' and turns' bags of stems
        (``word_bags``), stamped with its index row just written."""
        raw = raw_connection(session)
        arrays = words.arrays()
        content_words.store(raw, document_id, arrays)
        start, end, sentence, term = arrays[:4]
        bags = word_bags.indexed_bags(
            start, end, sentence, term, self._stems, *word_bags.turn_spans(raw, document_id)
        )
        word_bags.store(raw, document_id, *bags)

    @staticmethod
    def _still(session: Session, document_id: DocumentId, pending: str) -> bool:
        row = (
            raw_connection(session)
            .execute("SELECT text_hash FROM text_index WHERE document_id = ?", (document_id,))
            .fetchone()
        )
        return row is not None and row[0] == pending

    @staticmethod
    def _clear(session: Session, document_id: DocumentId) -> None:
        raw = raw_connection(session)
        raw.execute("DELETE FROM token WHERE document_id = ?", (document_id,))
        raw.execute("DELETE FROM sentence WHERE document_id = ?", (document_id,))
        raw.execute("DELETE FROM text_index WHERE document_id = ?", (document_id,))
        raw.execute("DELETE FROM content_words WHERE document_id = ?", (document_id,))
        raw.execute("DELETE FROM word_bags WHERE document_id = ?", (document_id,))

    def _mark(
        self, session: Session, document_id: DocumentId, digest: str, tokens: int, sentences: int
    ) -> None:
        raw_connection(session).execute(
            "INSERT OR REPLACE INTO text_index (document_id, text_hash, language, pipeline, tokens, sentences, "
            "indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                document_id,
                digest,
                self.language,
                self.pipeline.name,
                tokens,
                sentences,
                utcnow().isoformat(sep=" "),
            ),
        )

    def _insert(
        self, session: Session, document_id: DocumentId, batch: IndexBatch | None, words: ContentCollector
    ) -> tuple[int, int]:
        """Store one batch's sentences and tokens (bulk inserts; rows built as columns); ``words`` gets its
        content words and sentences."""
        if batch is None:
            return 0, 0
        raw = raw_connection(session)
        if len(batch.sentences):
            numbers, starts, ends = batch.sentences.T
            insert_columns(
                raw,
                'INSERT INTO sentence (document_id, number, start, "end")',
                (int(document_id), counted(numbers), starts, ends),
            )
        count = batch.token_count
        if count:
            term_ids = self._batch_term_ids(session, batch)
            token_terms = term_ids[batch.term_index]
            insert_columns(
                raw,
                'INSERT INTO token (document_id, position, start, "end", sentence, term_id)',
                (
                    int(document_id),
                    counted(batch.positions),
                    batch.starts,
                    batch.ends,
                    batch.sentence_numbers,
                    token_terms,
                ),
            )
            content = self._content_terms(session, term_ids)[batch.term_index]
            words.add_words(
                np.asarray(batch.positions)[content],
                np.asarray(batch.starts)[content],
                np.asarray(batch.ends)[content],
                np.asarray(batch.sentence_numbers)[content],
                token_terms[content],
            )
        words.add_sentences(batch.sentences)
        return count, len(batch.sentences)

    def _batch_term_ids(self, session: Session, batch: IndexBatch) -> npt.NDArray[np.int64]:
        """The term id of each of the batch's terms, those not in the table yet inserted (in the batch's
        order); by the lexicon's slots where the batch gives them (only the slots not seen before looked up)."""
        slots = batch.slots
        if slots is None:
            wanted = np.arange(len(batch.terms), dtype=np.int64)
            found = np.full(len(batch.terms), -1, dtype=np.int64)
        else:
            if len(self._slot_ids) < len(self._lexicon.keys):
                grown = np.full(len(self._lexicon.keys), -1, dtype=np.int64)
                grown[: len(self._slot_ids)] = self._slot_ids
                self._slot_ids = grown
            found = self._slot_ids[slots]
            wanted = np.flatnonzero(found < 0)
        if len(wanted):
            known = self._known_terms()
            keys = [batch.terms[i] for i in wanted.tolist()]
            new_terms = {
                key: _Term(key[0], key[1], batch.alpha[i])
                for i, key in zip(wanted.tolist(), keys, strict=True)
                if key not in known
            }
            ids = self._term_ids(session, new_terms)
            found[wanted] = np.fromiter((ids[key] for key in keys), dtype=np.int64, count=len(keys))
            if slots is not None:
                self._slot_ids[slots[wanted]] = found[wanted]
        return found

    def _content_terms(self, session: Session, term_ids: npt.NDArray[np.int64]) -> npt.NDArray[np.bool_]:
        """Whether each term is a content word's, as the term table says (:data:`CONTENT_SQL`); the stems of
        those not seen before are kept (``_stems``)."""
        known = self._content
        unknown = sorted({term_id for term_id in term_ids.tolist() if term_id not in known})
        raw = raw_connection(session)
        for i in range(0, len(unknown), _CHUNK):
            chunk = unknown[i : i + _CHUNK]
            for term_id, flag, stem in raw.execute(
                f"SELECT id, {CONTENT_SQL}, stem FROM term WHERE id IN ({','.join('?' * len(chunk))})", chunk
            ):
                known[term_id] = bool(flag)
                self._stems[term_id] = stem
        return np.fromiter((known[term_id] for term_id in term_ids.tolist()), dtype=bool, count=len(term_ids))

    # -- the vocabulary ------------------------------------------------------------------
    def _known_terms(self) -> dict[tuple[str, str], int]:
        if self._terms is None:
            with self.store.read() as session:
                rows = raw_connection(session).execute(
                    "SELECT form, lemma, id FROM term WHERE language = ?", (self.language,)
                )
                self._terms = {(form, lemma): term_id for form, lemma, term_id in rows}
        return self._terms

    def _term_ids(
        self, session: Session, new_terms: dict[tuple[str, str], _Term]
    ) -> dict[tuple[str, str], int]:
        known = self._known_terms()
        if new_terms:
            raw = raw_connection(session)
            stop_words = self.pipeline.stop_words
            raw.executemany(
                "INSERT OR IGNORE INTO term (language, form, lemma, norm, lemma_key, stem, stop, alpha) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        self.language,
                        term.form,
                        term.lemma,
                        fold(term.form),
                        fold(term.lemma),
                        self.pipeline.stem(term.form),
                        term.form in stop_words or term.lemma in stop_words,
                        term.alpha,
                    )
                    for term in new_terms.values()
                ],
            )
            forms = sorted({term.form for term in new_terms.values()})
            for i in range(0, len(forms), _CHUNK):
                chunk = forms[i : i + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for form, lemma, term_id in raw.execute(
                    f"SELECT form, lemma, id FROM term WHERE language = ? AND form IN ({marks})",
                    (self.language, *chunk),
                ):
                    known[(form, lemma)] = term_id
        return known
