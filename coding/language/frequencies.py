"""Word and lemma frequencies per group (e.g. per region), stop words and fillers left out."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from coding.core.attributes import present_key
from coding.core.ids import DocumentId
from coding.core.text import fold, natural_key
from coding.exporting import write_atomically
from coding.exporting.quote_rows import neutralise
from coding.judgements.comparison import NO_GROUP
from coding.language.corpus import Corpus
from coding.language.sql import raw_connection

if TYPE_CHECKING:
    from coding.language.pipeline import LanguagePipeline

UNITS = ("lemma", "word")


@dataclass(frozen=True)
class FrequencyRow:
    term: str
    total: int
    counts: Mapping[str, int]

    def share(self, group: str, totals: Mapping[str, int]) -> float:
        """Occurrences per 1,000 words of the group."""
        size = totals.get(group, 0)
        return 1000.0 * self.counts.get(group, 0) / size if size else 0.0


@dataclass(frozen=True)
class FrequencyTable:
    by: str
    unit: str
    groups: tuple[str, ...]
    #: Words counted per group (after leaving out stop words), for relative frequencies.
    totals: Mapping[str, int]
    rows: tuple[FrequencyRow, ...]


def _group_of(corpus: Corpus, by: str) -> dict[DocumentId, str]:
    key = fold(present_key({k for doc in corpus.documents for k in doc.attributes}, by))  # "regio" too
    out = {}
    for doc in corpus.documents:
        value = next((v for k, v in doc.attributes.items() if fold(k) == key), "")
        out[doc.id] = value or NO_GROUP
    return out


def count_terms(
    corpus: Corpus,
    pipeline: LanguagePipeline,
    documents: Iterable[DocumentId],
    *,
    unit: str = "lemma",
    answers_only: bool = False,
    min_length: int = 2,
) -> dict[DocumentId, Counter[str]]:
    """Per document: how often each lemma (or word form) occurs, without stop words and fillers."""
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {', '.join(UNITS)}")
    wanted = set(documents)
    column = "t.lemma" if unit == "lemma" else "t.form"
    fillers = pipeline.fillers
    verdicts: dict[str, bool] = {}

    def counted(term: str) -> bool:
        """Not a filler, also when written with other accents or capitals (``Hé`` as ``he``)."""
        if term not in verdicts:
            verdicts[term] = term not in fillers and fold(term) not in fillers
        return verdicts[term]

    counts: dict[DocumentId, Counter[str]] = defaultdict(Counter)
    words = (  # the words counted: not a stop word, alphabetic, at least min_length long
        "FROM token k JOIN term t ON t.id = k.term_id WHERE NOT t.stop AND t.alpha AND length(t.form) >= ?"
    )
    with corpus.store.read() as session:
        raw = raw_connection(session)
        if not answers_only:
            rows = raw.execute(
                f"SELECT k.document_id, {column}, count(*) {words} GROUP BY k.document_id, t.id",
                (min_length,),
            )
            for doc_id, term, count in rows:
                if doc_id in wanted and counted(term):
                    counts[DocumentId(doc_id)][term] += count
            return counts
        turn_maps = corpus.turns(wanted)
        for doc_id, start, term in raw.execute(
            f"SELECT k.document_id, k.start, {column} {words}", (min_length,)
        ):
            if doc_id in wanted and counted(term) and turn_maps[DocumentId(doc_id)].is_answer(start):
                counts[DocumentId(doc_id)][term] += 1
    return counts


def frequency_table(
    corpus: Corpus,
    pipeline: LanguagePipeline,
    documents: Iterable[DocumentId],
    *,
    by: str = "region",
    unit: str = "lemma",
    top: int = 30,
    answers_only: bool = False,
) -> FrequencyTable:
    """The ``top`` most frequent lemmas (or words) overall, with their counts per group value."""
    doc_ids = list(documents)
    groups_of = _group_of(corpus, by)
    per_document = count_terms(corpus, pipeline, doc_ids, unit=unit, answers_only=answers_only)
    per_group: dict[str, Counter[str]] = defaultdict(Counter)
    for doc_id in doc_ids:
        per_group[groups_of[doc_id]].update(per_document.get(doc_id, Counter()))
    overall: Counter[str] = Counter()
    for counter in per_group.values():
        overall.update(counter)
    groups = tuple(sorted(per_group, key=natural_key))
    ranked = sorted(overall.items(), key=lambda item: (-item[1], fold(item[0])))[: max(0, top)]
    rows = tuple(
        FrequencyRow(term, total, {group: per_group[group].get(term, 0) for group in groups})
        for term, total in ranked
    )
    totals = {group: sum(per_group[group].values()) for group in groups}
    return FrequencyTable(by, unit, groups, totals, rows)


def write_frequencies_csv(
    table: FrequencyTable, path: Path, *, delimiter: str = ",", overwrite: bool = False
) -> Path:
    """The table as CSV, written whole or not at all; an existing file is replaced only with ``overwrite``."""

    def write(temporary: Path) -> None:
        with temporary.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter)
            writer.writerow((table.unit.capitalize(), "Total", *table.groups))
            for row in table.rows:
                writer.writerow((neutralise(row.term), row.total, *(row.counts[g] for g in table.groups)))

    return write_atomically(path, write, overwrite=overwrite)
