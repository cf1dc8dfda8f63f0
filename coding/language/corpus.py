"""Read access to what the language tools need of a project: documents, texts, turns, sentences."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select

from coding.core.ids import DocumentId
from coding.core.store import Store
from coding.core.text import fold
from coding.language.speakers import TurnMap, TurnSpan
from coding.language.sql import raw_connection
from coding.speakers.speaker_settings import read_speaker_rules
from models import Document


@dataclass(frozen=True)
class CorpusDocument:
    id: DocumentId
    name: str
    position: int
    attributes: Mapping[str, str]

    @property
    def respondent(self) -> str:
        return self.attributes.get("respondent", "")


class SentenceMap:
    """Sentences of one document, for finding the sentence at a position."""

    def __init__(self, spans: Sequence[tuple[int, int]]) -> None:
        self.spans = list(spans)
        self._starts = [start for start, _ in self.spans]

    def at(self, position: int) -> tuple[int, int] | None:
        index = bisect_right(self._starts, position) - 1
        if index >= 0 and position < self.spans[index][1]:
            return self.spans[index]
        return None

    def around(self, start: int, end: int) -> tuple[int, int] | None:
        """The sentence(s) covering ``start:end``."""
        first = self.at(start)
        last = self.at(max(start, end - 1))
        if first is None or last is None:
            return first or last
        return (first[0], last[1])


@dataclass
class CorpusCache:
    """Texts and turns kept between searches; the assistant clears it when documents change."""

    texts: dict[DocumentId, str] = field(default_factory=dict)
    turns: dict[DocumentId, TurnMap] = field(default_factory=dict)
    interviewer: dict[str, bool] = field(default_factory=dict)

    def forget(self, document_ids: Iterable[DocumentId] | None = None) -> None:
        if document_ids is None:
            self.texts.clear()
            self.turns.clear()
            self.interviewer.clear()
            return
        for doc_id in document_ids:
            self.texts.pop(doc_id, None)
            self.turns.pop(doc_id, None)


class Corpus:
    """One consistent read of the documents (cheap to build; texts and turns load on demand)."""

    def __init__(self, store: Store, cache: CorpusCache | None = None) -> None:
        self.store = store
        attributes: dict[int, dict[str, str]] = defaultdict(dict)
        with store.read() as session:
            raw = raw_connection(session)
            for doc_id, key, value in raw.execute("SELECT document_id, key, value FROM document_attribute"):
                attributes[doc_id][key] = value
            rows = raw.execute("SELECT id, name, position FROM document ORDER BY position, id").fetchall()
            rules = read_speaker_rules(session)
        self.documents = [
            CorpusDocument(DocumentId(doc_id), name, position, dict(attributes.get(doc_id, {})))
            for doc_id, name, position in rows
        ]
        self.by_id = {doc.id: doc for doc in self.documents}
        self._cache = cache if cache is not None else CorpusCache()
        known = self._cache.interviewer

        def is_interviewer(speaker: str) -> bool:
            if speaker not in known:
                known[speaker] = rules.is_interviewer(speaker)
            return known[speaker]

        self.is_interviewer = is_interviewer
        self._texts: dict[DocumentId, str] = {}
        self._turns: dict[DocumentId, TurnMap] = {}
        self._sentences: dict[DocumentId, SentenceMap] = {}

    def select(
        self,
        where: Mapping[str, str | Sequence[str]] | None = None,
        documents: Iterable[DocumentId] | None = None,
    ) -> list[CorpusDocument]:
        """Documents whose attributes match ``where`` (any of the values; case/accent-insensitive). The
        value ``""`` matches the documents without a value for that attribute (none set, or an empty one:
        the group the window calls "(no value)")."""
        wanted = None if documents is None else set(documents)
        filters = {
            fold(key): {fold(v) for v in ([values] if isinstance(values, str) else values)}
            for key, values in (where or {}).items()
        }
        if not filters:  # nothing to compare: no attribute folded
            return [doc for doc in self.documents if wanted is None or doc.id in wanted]
        out = []
        for doc in self.documents:
            if wanted is not None and doc.id not in wanted:
                continue
            folded = {fold(k): fold(v) for k, v in doc.attributes.items()}
            if all(folded.get(key, "") in values for key, values in filters.items()):
                out.append(doc)
        return out

    def texts(self, document_ids: Iterable[DocumentId]) -> dict[DocumentId, str]:
        """Texts by document; a consistent view for this corpus even if the shared cache is cleared."""
        wanted = set(document_ids)
        for doc_id in wanted - self._texts.keys():
            cached = self._cache.texts.get(doc_id)
            if cached is not None:
                self._texts[doc_id] = cached
        missing = sorted(wanted - self._texts.keys())
        if missing:
            with self.store.read() as session:
                for row_id, text in session.execute(
                    select(Document.id, Document.text).where(Document.id.in_(missing))
                ):
                    self._texts[DocumentId(row_id)] = text
                    self._cache.texts[DocumentId(row_id)] = text
        return self._texts

    def text(self, document_id: DocumentId) -> str:
        return self.texts([document_id])[document_id]

    def each_text(self, document_ids: Iterable[DocumentId]) -> Iterator[tuple[DocumentId, str]]:
        """The texts one at a time, without keeping them (those held already come first): for a
        pass over a large corpus, whose texts together are tens of megabytes."""
        wanted = set(document_ids)
        held = {doc_id: self._texts.get(doc_id) or self._cache.texts.get(doc_id) for doc_id in wanted}
        for doc_id, text in held.items():
            if text is not None:
                yield doc_id, text
        missing = sorted(doc_id for doc_id, text in held.items() if text is None)
        del held
        for i in range(0, len(missing), 900):
            chunk = missing[i : i + 900]
            with self.store.read() as session:
                rows = raw_connection(session).execute(
                    f"SELECT id, text FROM document WHERE id IN ({','.join('?' * len(chunk))})", chunk
                )
                for doc_id, text in rows:
                    yield DocumentId(doc_id), text

    def slices(
        self, spans: Mapping[DocumentId, Iterable[tuple[int, int]]]
    ) -> dict[DocumentId, dict[tuple[int, int], str]]:
        """``text[start:end]`` of each span, reading one text at a time."""
        out: dict[DocumentId, dict[tuple[int, int], str]] = {}
        for doc_id, text in self.each_text(spans):
            out[doc_id] = {(start, end): text[start:end] for start, end in spans[doc_id]}
        return out

    def turns(self, document_ids: Iterable[DocumentId]) -> dict[DocumentId, TurnMap]:
        wanted = set(document_ids)
        for doc_id in wanted - self._turns.keys():
            cached = self._cache.turns.get(doc_id)
            if cached is not None:
                self._turns[doc_id] = cached
        missing = sorted(wanted - self._turns.keys())
        if missing:
            found: dict[DocumentId, list[TurnSpan]] = {doc_id: [] for doc_id in missing}
            with self.store.read() as session:
                raw = raw_connection(session)
                for i in range(0, len(missing), 900):
                    chunk = missing[i : i + 900]
                    marks = ",".join("?" * len(chunk))
                    for doc_id, start, body_start, end, speaker in raw.execute(
                        f'SELECT document_id, start, body_start, "end", speaker FROM turn '
                        f"WHERE document_id IN ({marks})",
                        chunk,
                    ):
                        found[DocumentId(doc_id)].append(
                            TurnSpan(start, body_start, end, speaker, self.is_interviewer(speaker))
                        )
            for doc_id, spans in found.items():
                self._turns[doc_id] = self._cache.turns[doc_id] = TurnMap(spans)
        return self._turns

    def turn_map(self, document_id: DocumentId) -> TurnMap:
        return self.turns([document_id])[document_id]

    def sentences(self, document_id: DocumentId) -> SentenceMap:
        if document_id not in self._sentences:
            with self.store.read() as session:
                spans = (
                    raw_connection(session)
                    .execute(
                        'SELECT start, "end" FROM sentence WHERE document_id = ? ORDER BY number',
                        (document_id,),
                    )
                    .fetchall()
                )
            self._sentences[document_id] = SentenceMap([(s, e) for s, e in spans])
        return self._sentences[document_id]
