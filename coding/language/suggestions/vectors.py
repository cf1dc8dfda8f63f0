"""Bags of word stems and TF-IDF cosine similarity.

Small vectors (a code's profile words) are dicts; the corpus's many bags (sentences, questions)
are sparse rows of integer stem ids with numpy weights, so that comparing one profile with all
of them is a few array operations instead of a Python loop per bag.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

Vector = dict[str, float]
FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.int64]


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


# -- many bags at once -------------------------------------------------------------------------
def bag_counts(
    rows: IndexArray, columns: IndexArray, width: int
) -> tuple[IndexArray, IndexArray, IndexArray]:
    """Each ``(row, column)`` pair once with how often it occurs, sorted by row, then column."""
    key = rows.astype(np.int64) * max(width, 1) + columns
    unique, counts = np.unique(key, return_counts=True)
    return unique // max(width, 1), unique % max(width, 1), counts


def unit_tfidf(
    rows: IndexArray, columns: IndexArray, counts: IndexArray, idf: FloatArray, n_rows: int
) -> FloatArray:
    """The weights of :func:`tfidf` for sparse bags (rows with at least one weight above zero)."""
    weights = (1.0 + np.log(counts)) * idf[columns]
    norms = np.sqrt(np.bincount(rows, weights=weights * weights, minlength=n_rows))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(norms[rows] > 0, weights / norms[rows], 0.0)


def row_dots(
    rows: IndexArray, columns: IndexArray, weights: FloatArray, dense: FloatArray, n_rows: int
) -> FloatArray:
    """Each sparse row's dot product with the dense vector ``dense``."""
    return np.bincount(rows, weights=weights * dense[columns], minlength=n_rows)


def top_contributions(
    stems: list[str], columns: IndexArray, weights: FloatArray, profile: Mapping[str, float] | FloatArray
) -> list[str]:
    """:func:`shared_words` for one sparse row against a profile (dict by stem or dense by id)."""
    vector = {stems[int(c)]: float(w) for c, w in zip(columns, weights, strict=True)}
    if isinstance(profile, Mapping):
        return shared_words(vector, profile)
    dense = {stems[int(c)]: float(profile[int(c)]) for c in columns if profile[int(c)] > 0}
    return shared_words(vector, dense)
