"""The indexed words of the documents, as the suggestion sources read them."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final

from coding.ids import DocumentId
from coding.language.corpus import Corpus
from coding.language.speakers import TurnMap
from coding.language.sql import raw_connection

#: A word as read from the index, a plain tuple for speed (a corpus has millions):
#: ``(document, start, end, sentence, norm, lemma, stem, content)``; content means not a stop
#: word, alphabetic and longer than one letter. Use the index constants below.
Word = tuple[int, int, int, int, str, str, str, int]
START: Final = 1
END: Final = 2
SENTENCE: Final = 3
NORM: Final = 4
LEMMA: Final = 5
STEM: Final = 6
CONTENT: Final = 7


@dataclass
class DocumentWords:
    document_id: DocumentId
    words: list[Word]
    sentences: list[tuple[int, int]]
    turns: TurnMap
    _starts: list[int] = field(default_factory=list, repr=False)

    def in_span(self, start: int, end: int) -> list[Word]:
        """The words inside ``start:end`` (words are in text order)."""
        if len(self._starts) != len(self.words):
            self._starts = [w[START] for w in self.words]
        first = bisect_left(self._starts, start)
        last = bisect_left(self._starts, end, first)
        return [w for w in self.words[first:last] if w[END] <= end]

    def sentence_words(self) -> dict[int, list[Word]]:
        out: dict[int, list[Word]] = defaultdict(list)
        for word in self.words:
            out[word[SENTENCE]].append(word)
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
        for row in rows:
            doc_words = words.get(row[0])
            if doc_words is not None:
                doc_words.append(row)
                if row[CONTENT]:
                    forms[row[STEM]][row[NORM]] += 1
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
