"""The indexed words of the documents, as the suggestion sources read them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from coding.ids import DocumentId
from coding.language.corpus import Corpus
from coding.language.speakers import TurnMap
from coding.language.sql import raw_connection


@dataclass(frozen=True)
class Word:
    start: int
    end: int
    sentence: int
    norm: str
    lemma: str
    stem: str
    content: bool  # not a stop word, alphabetic, longer than one letter


@dataclass
class DocumentWords:
    document_id: DocumentId
    words: list[Word]
    sentences: list[tuple[int, int]]
    turns: TurnMap

    def in_span(self, start: int, end: int) -> list[Word]:
        return [w for w in self.words if w.start >= start and w.end <= end]

    def sentence_words(self) -> dict[int, list[Word]]:
        out: dict[int, list[Word]] = defaultdict(list)
        for word in self.words:
            out[word.sentence].append(word)
        return out


@dataclass
class CorpusWords:
    documents: dict[DocumentId, DocumentWords]
    #: A readable form for each stem (its most frequent word form), for reasons.
    display: dict[str, str] = field(default_factory=dict)

    def show(self, stem: str) -> str:
        return self.display.get(stem, stem)


def load_words(corpus: Corpus, document_ids: Iterable[DocumentId]) -> CorpusWords:
    wanted = set(document_ids)
    words: dict[DocumentId, list[Word]] = {doc_id: [] for doc_id in wanted}
    sentences: dict[DocumentId, list[tuple[int, int]]] = {doc_id: [] for doc_id in wanted}
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    with corpus.store.read() as session:
        raw = raw_connection(session)
        rows = raw.execute(
            'SELECT k.document_id, k.start, k."end", k.sentence, t.norm, t.lemma_key, t.stem, '
            "(NOT t.stop AND t.alpha AND length(t.form) > 1) FROM token k JOIN term t ON t.id = k.term_id "
            "ORDER BY k.document_id, k.position"
        )
        for doc_id, start, end, sentence, norm, lemma, stem, content in rows:
            if doc_id in wanted:
                words[DocumentId(doc_id)].append(Word(start, end, sentence, norm, lemma, stem, bool(content)))
                if content:
                    forms[stem][norm] += 1
        for doc_id, start, end in raw.execute(
            'SELECT document_id, start, "end" FROM sentence ORDER BY document_id, number'
        ):
            if doc_id in wanted:
                sentences[DocumentId(doc_id)].append((start, end))
    turns = corpus.turns(wanted)
    documents = {
        doc_id: DocumentWords(doc_id, words[doc_id], sentences[doc_id], turns[doc_id]) for doc_id in wanted
    }
    display = {stem: counter.most_common(1)[0][0] for stem, counter in forms.items()}
    return CorpusWords(documents, display)
