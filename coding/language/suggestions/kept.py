"""What the similarity sources compute from the codings, kept between refreshes of the same codings.

The codes' profiles (:func:`~coding.language.suggestions.resemblance.code_profiles`) and each answer sentence's
and respondent turn's closest two codes (:func:`~coding.language.suggestions.vectors.closest_two`, the largest part
of a find that is not the corpus's words) depend on the corpus, on what is coded and on the words describing each
code, never on the code asked for nor on the suggestions accepted or rejected. They are kept with the corpus's words
(:class:`~coding.language.suggestions.data.CorpusData`, itself replaced when the index or the speaker rules
change) under a stamp of the codings and the codes' describing words: a find for another concept, or again after a
rejection, reuses them; any change of a coding (added, removed, moved, undone, in another process too) or of a
code's guide question, prompts or description gives another stamp, and they are computed again. The stamp is the
content itself, not a change notice: nothing that changes the codings can be missed.

Each of them, and the sentence and turn vectors they are computed from, is also stored in the project under the
same stamps (:mod:`.stored_state`) after a find, and read by the first find of the next session when its stamp is
current.
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions import resemblance, sentence_spans, stored_state
from coding.language.suggestions.coded import CodedSpans
from coding.language.suggestions.data import CorpusData, IntArray
from coding.language.suggestions.resemblance import Profiles, SpanVectors
from coding.language.suggestions.similar import StoredRows, sentence_vectors
from coding.language.suggestions.vectors import (
    FloatArray,
    StoredUnitWeights,
    pack_stored_weights,
    shape_of,
    unpack_stored_weights,
)


def codings_stamp(
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]], codes: Sequence[CodeInfo]
) -> bytes:
    """A digest of what the profiles are built from: the coded passages in the order given (the profiles' sums
    add in that order) and each code's describing words."""
    digest = hashlib.blake2b(digest_size=20)
    if isinstance(coded, CodedSpans):  # the same numbers, from its arrays
        keys, spans = coded.flat()
        digest.update(keys.tobytes())
        digest.update(spans.tobytes())
    else:
        chained = itertools.chain.from_iterable(
            (doc_id, code_id, len(spans)) for (doc_id, code_id), spans in coded.items()
        )
        digest.update(np.fromiter(chained, dtype=np.int64).tobytes())
        passages = itertools.chain.from_iterable(itertools.chain.from_iterable(coded.values()))
        digest.update(np.fromiter(passages, dtype=np.int64).tobytes())
    described = sorted((c.id, c.guide_question, tuple(c.guide_prompts), c.description) for c in codes)
    digest.update(repr(described).encode())
    return digest.digest()


def kept_profiles(
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    codes: Sequence[CodeInfo],
) -> Profiles:
    """The profiles of the codes with coded passages (``resemblance.code_profiles`` with ``codes``' describing
    words), kept while the codings and the codes' describing words stay the same, and stored for the next session
    under the same stamp (:mod:`.stored_state`)."""
    stamp = codings_stamp(coded, codes)
    profiles: Profiles = data.derive_for(
        "profiles",
        stamp,
        lambda: stored_state.recall(
            data,
            "profiles",
            _stamp(data, stamp),
            lambda: resemblance.code_profiles(data, sentence_vectors(data), coded, list(codes)),
            _pack_profiles,
            _unpack_profiles,
        ),
    )
    return profiles


def kept_closest_codes(data: CorpusData, profiles: Profiles) -> tuple[IntArray, FloatArray, FloatArray]:
    """Each answer sentence's closest code, its cosine and the runner-up's
    (``sentence_spans.closest_codes``), kept while the profiles are the same (and stored with them)."""
    found: tuple[IntArray, FloatArray, FloatArray] = data.derive_for(
        "closest_codes",
        profiles,
        lambda: stored_state.recall(
            data,
            "closest_codes",
            profiles_stamp(data, profiles),
            lambda: sentence_spans.closest_codes(sentence_vectors(data), profiles),
            _pack_tuple,
            _unpack_tuple,
        ),
        same=True,
    )
    return found


def kept_turn_vectors(data: CorpusData, build: Callable[[], SpanVectors]) -> SpanVectors:
    """The respondent turns' vectors (``build()``), stored for the next session under the corpus's stamp."""
    found: SpanVectors = stored_state.recall(
        data,
        "turn_vectors",
        None if data.stamp is None else stored_state.stamp_of(data.stamp),
        build,
        _pack_spans,
        _unpack_spans,
        by_array=True,
    )
    return found


_SPAN_FIELDS = ("document", "start", "end", "rows", "columns", "words")


def _pack_spans(vectors: SpanVectors) -> dict[str, np.ndarray]:
    return {
        **{name: getattr(vectors, name) for name in _SPAN_FIELDS},
        **pack_stored_weights(vectors.rows, vectors.weights, len(vectors)),
    }


def _unpack_spans(arrays: Mapping[str, np.ndarray]) -> SpanVectors:
    spans = shape_of(arrays, "document")
    if len(spans) != 1 or any(shape_of(arrays, name) != spans for name in ("start", "end", "words")):
        raise ValueError("span vectors of another shape")
    weights = unpack_stored_weights(arrays, spans[0])
    if isinstance(weights, StoredUnitWeights):
        return StoredSpanVectors(arrays, weights)
    document, start, end, rows, columns, words = (arrays[name] for name in _SPAN_FIELDS)
    return SpanVectors(document, start, end, rows, columns, weights, words)


class StoredSpanVectors(StoredRows, SpanVectors):
    """Span vectors as read from the project: each array read when it is first asked for (the respondent turns'
    entries only when the codings changed, or for the reasons' words not stored)."""

    @property
    def words(self) -> IntArray:
        return self._arrays["words"]


def kept_turn_closest(
    data: CorpusData,
    profiles: Profiles,
    build: Callable[[], tuple[IntArray, FloatArray, IntArray, FloatArray]],
) -> tuple[IntArray, FloatArray, IntArray, FloatArray]:
    """Each respondent turn's closest two codes and their cosines (``build()``), kept while the
    profiles are the same (and stored with them)."""
    found: tuple[IntArray, FloatArray, IntArray, FloatArray] = data.derive_for(
        "turn_closest",
        profiles,
        lambda: stored_state.recall(
            data,
            "turn_closest",
            profiles_stamp(data, profiles),
            build,
            _pack_tuple,
            _unpack_tuple,
        ),
        same=True,
    )
    return found


def _stamp(data: CorpusData, codings: bytes) -> str | None:
    return None if data.stamp is None else stored_state.stamp_of(data.stamp, codings)


def profiles_stamp(data: CorpusData, profiles: Profiles) -> str | None:
    """The stamp of what is derived from ``profiles``: theirs when they are the kept ones (:func:`kept_profiles`),
    else ``None`` (profiles of other codings, as a leave-one-out evaluation makes: nothing stored)."""
    kept = data.derived.get("profiles")
    if kept is None or kept[1] is not profiles:
        return None
    return _stamp(data, kept[0])


def _pack_profiles(profiles: Profiles) -> dict[str, np.ndarray]:
    return {
        "code_ids": np.asarray(profiles.code_ids, dtype=np.int64),
        "matrix": profiles.matrix,
        "counts": np.asarray(profiles.counts, dtype=np.int64),
    }


def _unpack_profiles(arrays: dict[str, np.ndarray]) -> Profiles:
    code_ids = [CodeId(code_id) for code_id in arrays["code_ids"].tolist()]
    counts = arrays["counts"].tolist()
    matrix = arrays["matrix"]
    if len(counts) != len(code_ids) or matrix.ndim != 2 or len(matrix) != len(code_ids):
        raise ValueError("profiles of another shape")
    return Profiles(code_ids, matrix, counts, {code_id: number for number, code_id in enumerate(code_ids)})


def _pack_tuple(found: tuple[np.ndarray, ...]) -> dict[str, np.ndarray]:
    return {str(number): array for number, array in enumerate(found)}


def _unpack_tuple(arrays: dict[str, np.ndarray]) -> Any:
    return tuple(arrays[str(number)] for number in range(len(arrays)))
