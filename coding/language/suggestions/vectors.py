"""Bags of word stems and TF-IDF cosine similarity (small, dependency-free)."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

Vector = dict[str, float]


def idf_weights(bags: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed inverse document frequency over ``bags`` (each a collection of stems)."""
    frequency: Counter[str] = Counter()
    count = 0
    for bag in bags:
        count += 1
        frequency.update(set(bag))
    return {stem: math.log((count + 1) / (df + 1)) + 1.0 for stem, df in frequency.items()}


def tfidf(bag: Iterable[str], idf: Mapping[str, float], default_idf: float = 1.0) -> Vector:
    """Unit-length TF-IDF vector of a bag of stems (sub-linear term frequency)."""
    counts = Counter(bag)
    vector = {stem: (1.0 + math.log(n)) * idf.get(stem, default_idf) for stem, n in counts.items()}
    norm = math.sqrt(sum(w * w for w in vector.values()))
    return {stem: w / norm for stem, w in vector.items()} if norm else {}


def centroid(vectors: Iterable[Vector]) -> Vector:
    total: dict[str, float] = {}
    for vector in vectors:
        for stem, weight in vector.items():
            total[stem] = total.get(stem, 0.0) + weight
    norm = math.sqrt(sum(w * w for w in total.values()))
    return {stem: w / norm for stem, w in total.items()} if norm else {}


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Dot product of two unit vectors."""
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(stem, 0.0) for stem, weight in a.items())


def shared_words(a: Mapping[str, float], b: Mapping[str, float], limit: int = 4) -> list[str]:
    """The stems contributing most to the similarity of ``a`` and ``b``."""
    contributions = sorted(
        ((weight * b[stem], stem) for stem, weight in a.items() if stem in b), reverse=True
    )
    return [stem for _, stem in contributions[:limit]]
