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
from coding.language.suggestions.candidates import Candidate, describe_terms, term_score
from coding.language.suggestions.data import CorpusWords, Word
from coding.records import CodeInfo
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
        return word.norm.startswith(prefix)
    return word.lemma == lemma or word.stem == stem


class WordIndex:
    """Where each lemma, stem and form occurs: ``key → [(document, word index)]``."""

    def __init__(self, corpus_words: CorpusWords) -> None:
        self.lemmas: dict[str, list[tuple[DocumentId, int]]] = defaultdict(list)
        self.stems: dict[str, list[tuple[DocumentId, int]]] = defaultdict(list)
        self.norms: dict[str, list[tuple[DocumentId, int]]] = defaultdict(list)
        for doc_id, document in corpus_words.documents.items():
            for index, word in enumerate(document.words):
                self.lemmas[word.lemma].append((doc_id, index))
                self.stems[word.stem].append((doc_id, index))
                self.norms[word.norm].append((doc_id, index))

    def first(self, part: tuple[str, str, str | None]) -> set[tuple[DocumentId, int]]:
        lemma, stem, prefix = part
        if prefix is not None:
            return {
                place for norm, places in self.norms.items() if norm.startswith(prefix) for place in places
            }
        return set(self.lemmas.get(lemma, ())) | set(self.stems.get(stem, ()))


def _word_hits(
    pattern: TermPattern, corpus_words: CorpusWords, index: WordIndex
) -> list[tuple[DocumentId, int, int]]:
    size = len(pattern.words)
    hits = []
    for doc_id, position in sorted(index.first(pattern.words[0])):
        words = corpus_words.documents[doc_id].words
        if position + size > len(words):
            continue
        if all(_matches(pattern.words[k], words[position + k]) for k in range(1, size)):
            hits.append((doc_id, words[position].start, words[position + size - 1].end))
    return hits


def term_candidates(
    codes: Sequence[CodeInfo],
    corpus_words: CorpusWords,
    texts: dict[DocumentId, str],
    pipeline: LanguagePipeline,
) -> list[Candidate]:
    found: dict[tuple[DocumentId, CodeId, int], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    index = WordIndex(corpus_words)
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
                describe_terms(names[code_id], terms),
                tuple((label, tuple(sorted(forms))) for label, forms in sorted(terms.items())),
                names[code_id],
            )
        )
    return out
