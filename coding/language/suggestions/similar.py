"""Suggestions by similarity to passages already coded with a code.

Each sentence of a respondent's answer is compared with the centroid of the code's coded
passages (TF-IDF over word stems, weights from all sentences of the corpus). Sentences that
are similar enough and share at least two content words are candidates, the best few per code.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from coding.ids import CodeId, DocumentId
from coding.language.suggestions.candidates import Candidate
from coding.language.suggestions.data import CONTENT, STEM, CorpusWords
from coding.language.suggestions.vectors import centroid, cosine, idf_weights, shared_words, tfidf
from coding.records import CodeInfo

MIN_SIMILARITY = 0.3
MIN_SHARED = 2
PER_CODE = 25


def similarity_candidates(
    codes: Sequence[CodeInfo],
    corpus_words: CorpusWords,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
) -> list[Candidate]:
    sentences: list[tuple[DocumentId, tuple[int, int], list[str]]] = []
    for doc_id, document in corpus_words.documents.items():
        grouped = document.sentence_words()
        for number, span in enumerate(document.sentences):
            stems = [w[STEM] for w in grouped.get(number, ()) if w[CONTENT]]
            if stems and document.turns.is_answer(span[0]):
                sentences.append((doc_id, span, stems))
    if not sentences:
        return []
    idf = idf_weights(stems for _, _, stems in sentences)
    vectors = [tfidf(stems, idf) for _, _, stems in sentences]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, vector in enumerate(vectors):
        for stem in vector:
            postings[stem].append(index)
    out = []
    for code in codes:
        passages = [
            (doc_id, span)
            for (doc_id, code_id), spans in coded.items()
            if code_id == code.id
            for span in spans
        ]
        examples = []
        for doc_id, (start, end) in passages:
            found = corpus_words.documents.get(doc_id)
            if found is None:
                continue
            document = found
            stems = [w[STEM] for w in document.in_span(start, end) if w[CONTENT]]
            if stems:
                examples.append(tfidf(stems, idf))
        profile = centroid(examples)
        if not profile:
            continue
        shared_counts: Counter[int] = Counter()
        for stem in profile:
            shared_counts.update(postings.get(stem, ()))
        reachable = [index for index, count in shared_counts.items() if count >= MIN_SHARED]
        own: dict[DocumentId, list[tuple[int, int]]] = defaultdict(list)
        for doc_id, span in passages:
            own[doc_id].append(span)
        scored = []
        for index in reachable:
            doc_id, (start, end), _stems = sentences[index]
            if any(s < end and start < e for s, e in own.get(doc_id, ())):
                continue  # already coded with this code
            vector = vectors[index]
            similarity = cosine(vector, profile)
            if similarity >= MIN_SIMILARITY:
                scored.append((similarity, index))
        scored.sort(reverse=True)
        count = len(examples)
        for similarity, index in scored[:PER_CODE]:
            doc_id, (start, end), _stems = sentences[index]
            words = ", ".join(corpus_words.show(s) for s in shared_words(vectors[index], profile))
            reason = (
                f"Resembles the {count} passage{'s' if count != 1 else ''} coded {code.name} "
                f"(shared words: {words}; similarity {similarity:.2f})."
            )
            out.append(Candidate(doc_id, code.id, start, end, round(similarity, 3), ("similar",), reason))
    return out
