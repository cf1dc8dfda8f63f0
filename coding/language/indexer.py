"""The text index: sentences and words (with lemma, stem and offsets) of every document.

Built once per document text and stored in the project, so searching never parses the corpus
again. A document is indexed again when its text changes (``text_index.text_hash``) or the
pipeline does; its index goes with it (cascade). Indexing writes derived data only: it is not an
undoable action and announces nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from coding.core.ids import DocumentId
from coding.core.store import Store
from coding.core.text import fold
from coding.language.chunks import index_pieces
from coding.language.sql import raw_connection
from coding.language.tokens import is_word, lemma_of
from models import Document, Turn
from models.clock import utcnow

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

#: ``progress(characters done, characters total, document name)``; returning ``False`` cancels
#: (after the document being indexed).
IndexProgress = Callable[[int, int, str], bool | None]

_BATCH = 128
_CHUNK = 900


def text_hash(text: str, turns: Iterable[tuple[int, int, int]] = ()) -> str:
    """Fingerprint of what an index is built from: the text and its speaker turns."""
    digest = hashlib.sha256(text.encode("utf-8"))
    for start, body_start, end in sorted(turns):
        digest.update(f"|{start},{body_start},{end}".encode("ascii"))
    return digest.hexdigest()


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
    turns: dict[int, list[tuple[int, int, int]]] = {}
    with store.read() as session:
        raw = raw_connection(session)
        for doc_id, start, body_start, end in raw.execute(
            'SELECT document_id, start, body_start, "end" FROM turn'
        ):
            turns.setdefault(doc_id, []).append((start, body_start, end))
        # one text at a time: a large corpus's texts together are tens of megabytes
        for doc_id, name, text, stored_hash, stored_pipeline, stored_language in raw.execute(
            "SELECT d.id, d.name, d.text, x.text_hash, x.pipeline, x.language FROM document d "
            "LEFT JOIN text_index x ON x.document_id = d.id ORDER BY d.position, d.id"
        ):
            if wanted is not None and doc_id not in wanted:
                continue
            if stored_hash is None:
                reason = "not indexed"
            elif stored_pipeline != pipeline or stored_language != language:
                reason = "pipeline changed"
            elif stored_hash != text_hash(text, turns.get(doc_id, ())):
                reason = "text changed"
            else:
                continue
            out.append(StaleDocument(DocumentId(doc_id), name, len(text), reason))
    return out


def _text_and_turns(
    session: Session, document_id: DocumentId
) -> tuple[str | None, list[tuple[int, int, int]]]:
    """A document's text (``None``: it is gone) and its turns as ``(start, body_start, end)``."""
    text = session.execute(select(Document.text).where(Document.id == document_id)).scalar_one_or_none()
    turns = session.execute(
        select(Turn.start, Turn.body_start, Turn.end).where(Turn.document_id == document_id)
    )
    return text, [(start, body_start, end) for start, body_start, end in turns]


class Indexer:
    """Indexes documents of one project with one pipeline."""

    def __init__(self, store: Store, pipeline: LanguagePipeline) -> None:
        self.store = store
        self.pipeline = pipeline
        self.language = pipeline.language
        self._terms: dict[tuple[str, str], int] | None = None

    # -- what needs doing ----------------------------------------------------------------
    def stale(self, document_ids: Iterable[DocumentId] | None = None) -> list[StaleDocument]:
        """Documents whose index is missing or out of date, in import order."""
        return stale_documents(self.store, self.language, self.pipeline.name, document_ids)

    # -- indexing ------------------------------------------------------------------------
    def run(
        self, documents: Sequence[StaleDocument] | None = None, progress: IndexProgress | None = None
    ) -> IndexReport:
        """Index ``documents`` (default: every stale one)."""
        started = time.perf_counter()
        todo = list(self.stale() if documents is None else documents)
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
        if progress is not None and not cancelled:
            progress(total, total, "")
        return IndexReport(
            count, tokens, sentences, done, time.perf_counter() - started, self.pipeline.name, cancelled
        )

    def index_document(
        self, document_id: DocumentId, step: Callable[[int], bool] | None = None
    ) -> tuple[int, int] | None:
        """Index one document; ``(tokens, sentences)``, ``None`` if it vanished or changed
        meanwhile, ``(-1, -1)`` when ``step`` asked to cancel."""
        with self.store.read() as session:
            text, spans = _text_and_turns(session, document_id)
        if text is None:
            return None
        digest = text_hash(text, spans)
        pieces = index_pieces(text, spans)
        analysed = self._analyse(text, pieces, step)
        if analysed is None:
            return (-1, -1)
        token_rows, sentence_rows, new_terms = analysed
        try:
            return self._store_index(document_id, digest, token_rows, sentence_rows, new_terms)
        except BaseException:
            self._terms = None  # the cache may hold ids of a rolled-back transaction
            raise

    def _store_index(
        self,
        document_id: DocumentId,
        digest: str,
        token_rows: list[tuple[int, int, int, int, tuple[str, str]]],
        sentence_rows: list[tuple[int, int, int]],
        new_terms: dict[tuple[str, str], _Term],
    ) -> tuple[int, int] | None:
        with self.store.write() as session:
            current, current_spans = _text_and_turns(session, document_id)
            if current is None or text_hash(current, current_spans) != digest:
                return None
            terms = self._term_ids(session, new_terms)
            raw = raw_connection(session)
            raw.execute("DELETE FROM token WHERE document_id = ?", (document_id,))
            raw.execute("DELETE FROM sentence WHERE document_id = ?", (document_id,))
            raw.execute("DELETE FROM text_index WHERE document_id = ?", (document_id,))
            raw.executemany(
                'INSERT INTO sentence (document_id, number, start, "end") VALUES (?, ?, ?, ?)',
                [(document_id, number, start, end) for number, start, end in sentence_rows],
            )
            raw.executemany(
                'INSERT INTO token (document_id, position, start, "end", sentence, term_id) '
                "VALUES (?, ?, ?, ?, ?, ?)",
                [
                    (document_id, position, start, end, sentence, terms[key])
                    for position, start, end, sentence, key in token_rows
                ],
            )
            raw.execute(
                "INSERT INTO text_index (document_id, text_hash, language, pipeline, tokens, sentences, "
                "indexed_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    digest,
                    self.language,
                    self.pipeline.name,
                    len(token_rows),
                    len(sentence_rows),
                    utcnow().isoformat(sep=" "),
                ),
            )
        return len(token_rows), len(sentence_rows)

    def _analyse(
        self, text: str, pieces: list[tuple[int, int]], step: Callable[[int], bool] | None
    ) -> (
        tuple[
            list[tuple[int, int, int, int, tuple[str, str]]],
            list[tuple[int, int, int]],
            dict[tuple[str, str], _Term],
        ]
        | None
    ):
        known = self._known_terms()
        new_terms: dict[tuple[str, str], _Term] = {}
        token_rows: list[tuple[int, int, int, int, tuple[str, str]]] = []
        sentence_rows: list[tuple[int, int, int]] = []
        texts = [text[start:end] for start, end in pieces]
        position = 0
        done = 0
        for index, doc in enumerate(self.pipeline.pipe(texts, batch_size=_BATCH)):
            offset, piece_end = pieces[index]
            for sent in doc.sents:
                words = 0
                for token in sent:
                    if not is_word(token):
                        continue
                    words += 1
                    form = token.lower_
                    key = (form, lemma_of(token))
                    if key not in known and key not in new_terms:
                        new_terms[key] = _Term(form, key[1], token.is_alpha)
                    start = offset + token.idx
                    token_rows.append((position, start, start + len(token.text), len(sentence_rows), key))
                    position += 1
                if words:
                    # the sentence with its punctuation, without surrounding space
                    text_start = offset + sent.start_char + (len(sent.text) - len(sent.text.lstrip()))
                    text_end = offset + sent.start_char + len(sent.text.rstrip())
                    sentence_rows.append((len(sentence_rows), text_start, text_end))
            if step is not None and (index + 1) % _BATCH == 0:
                done = piece_end
                if not step(done):
                    return None
        return token_rows, sentence_rows, new_terms

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
