"""Suggestions from a code's search terms.

A term is a word (matched by lemma or stem: ``nakomen`` finds ``nakomt``, ``nagekomen``), a
phrase (consecutive words, each matched the same way), a prefix (``vertrouw*``) or a regular
expression (``re:…`` or ``/…/``). A hit in a respondent's answer suggests its sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coding.ids import CodeId, DocumentId
from coding.language.search import query_words
from coding.language.sql import raw_connection
from coding.language.suggestions.candidates import Candidate, term_score
from coding.language.suggestions.data import END, LEMMA, NORM, START, STEM, CorpusWords, Word
from coding.records import CodeInfo
from coding.store import Store
from coding.text import fold

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline


@dataclass(frozen=True)
class TermPattern:
    label: str
    #: One (lemma, stem, prefix) per word; ``prefix`` is set for ``word*`` and matches the form.
    words: tuple[tuple[str, str, str | None], ...] = ()
    regex: re.Pattern[str] | None = None


def parse_term(term: str, pipeline: LanguagePipeline) -> TermPattern | None:
    text = term.strip()
    if not text:
        return None
    pattern = None
    if text.startswith("re:"):
        pattern = text[3:]
    elif len(text) > 2 and text.startswith("/") and text.endswith("/"):
        pattern = text[1:-1]
    if pattern is not None:
        try:
            return TermPattern(text, regex=re.compile(pattern, re.IGNORECASE))
        except re.error:
            return None
    parts: list[tuple[str, str, str | None]] = []
    for word in query_words(text):
        if word.endswith("*"):
            parts.append(("", "", fold(word.rstrip("*"))))
            continue
        lemma = fold(pipeline.lemma(word))
        parts.append((lemma, pipeline.stem(word), None))
    if not parts or (len(parts) == 1 and parts[0][2] is None and pipeline.is_stop(parts[0][0])):
        return None
    return TermPattern(text, tuple(parts))


def _matches(part: tuple[str, str, str | None], word: Word) -> bool:
    lemma, stem, prefix = part
    if prefix is not None:
        return word[NORM].startswith(prefix)
    return word[LEMMA] == lemma or word[STEM] == stem


class WordIndex:
    """Where a term's first word occurs, read from the stored index: ``(document, position)``."""

    def __init__(self, store: Store, language: str) -> None:
        self.store = store
        self.language = language

    def first(self, part: tuple[str, str, str | None]) -> set[tuple[DocumentId, int]]:
        lemma, stem, prefix = part
        if prefix is not None:
            terms = "SELECT id FROM term WHERE +language = ? AND norm >= ? AND norm < ?"
            params: tuple[str, ...] = (self.language, prefix, prefix + "\U0010ffff")
        else:
            terms = (
                "SELECT id FROM term WHERE +language = ? AND lemma_key = ? "
                "UNION SELECT id FROM term WHERE +language = ? AND stem = ?"
            )
            params = (self.language, lemma, self.language, stem)
        with self.store.read() as session:
            rows = raw_connection(session).execute(
                f"SELECT document_id, position FROM token WHERE term_id IN ({terms})", params
            )
            return {(DocumentId(doc_id), position) for doc_id, position in rows}


def _word_hits(
    pattern: TermPattern, corpus_words: CorpusWords, index: WordIndex
) -> list[tuple[DocumentId, int, int]]:
    size = len(pattern.words)
    hits = []
    for doc_id, position in sorted(index.first(pattern.words[0])):
        document = corpus_words.documents.get(doc_id)
        if document is None:
            continue
        words = document.words
        if position + size > len(words):
            continue
        if all(_matches(pattern.words[k], words[position + k]) for k in range(1, size)):
            hits.append((doc_id, words[position][START], words[position + size - 1][END]))
    return hits


def term_candidates(
    codes: Sequence[CodeInfo],
    corpus_words: CorpusWords,
    texts: dict[DocumentId, str],
    pipeline: LanguagePipeline,
    store: Store,
) -> list[Candidate]:
    found: dict[tuple[DocumentId, CodeId, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    index = WordIndex(store, pipeline.language)
    starts = {doc_id: [s for s, _ in doc.sentences] for doc_id, doc in corpus_words.documents.items()}
    for code in codes:
        patterns = [p for p in (parse_term(t, pipeline) for t in code.search_terms) if p is not None]
        for pattern in patterns:
            if pattern.regex is not None:
                regex = pattern.regex
                hits = [
                    (doc_id, m.start(), m.end())
                    for doc_id in corpus_words.documents
                    for m in regex.finditer(texts[doc_id])
                    if m.end() > m.start()
                ]
            else:
                hits = _word_hits(pattern, corpus_words, index)
            for doc_id, start, end in hits:
                document = corpus_words.documents[doc_id]
                if not document.turns.is_answer(start):
                    continue
                sentence = bisect_right(starts[doc_id], start) - 1
                if sentence < 0 or start >= document.sentences[sentence][1]:
                    continue
                found[(doc_id, code.id, sentence)][pattern.label].add(
                    " ".join(texts[doc_id][start:end].split()).lower()
                )
    names = {code.id: code.name for code in codes}
    out = []
    for (doc_id, code_id, sentence), terms in found.items():
        start, end = corpus_words.documents[doc_id].sentences[sentence]
        out.append(
            Candidate(
                doc_id,
                code_id,
                start,
                end,
                term_score(len(terms)),
                ("terms",),
                "",  # the terms are described with the other reasons once candidates are merged
                tuple((label, tuple(sorted(forms))) for label, forms in sorted(terms.items())),
                names[code_id],
            )
        )
    return out
