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
"""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Mapping, Sequence

import numpy as np

from coding.core.ids import CodeId, DocumentId
from coding.core.records import CodeInfo
from coding.language.suggestions import resemblance, sentence_spans
from coding.language.suggestions.data import CorpusData, IntArray
from coding.language.suggestions.resemblance import Profiles
from coding.language.suggestions.similar import sentence_vectors
from coding.language.suggestions.vectors import FloatArray


def codings_stamp(
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]], codes: Sequence[CodeInfo]
) -> bytes:
    """A digest of what the profiles are built from: the coded passages in the order given (the profiles' sums
    add in that order) and each code's describing words."""
    digest = hashlib.blake2b(digest_size=20)
    keys = itertools.chain.from_iterable(
        (doc_id, code_id, len(spans)) for (doc_id, code_id), spans in coded.items()
    )
    digest.update(np.fromiter(keys, dtype=np.int64).tobytes())
    spans = itertools.chain.from_iterable(itertools.chain.from_iterable(coded.values()))
    digest.update(np.fromiter(spans, dtype=np.int64).tobytes())
    described = sorted((c.id, c.guide_question, tuple(c.guide_prompts), c.description) for c in codes)
    digest.update(repr(described).encode())
    return digest.digest()


def kept_profiles(
    data: CorpusData,
    coded: Mapping[tuple[DocumentId, CodeId], list[tuple[int, int]]],
    codes: Sequence[CodeInfo],
) -> Profiles:
    """The profiles of the codes with coded passages (``resemblance.code_profiles`` with ``codes``' describing
    words), kept while the codings and the codes' describing words stay the same."""
    profiles: Profiles = data.derive_for(
        "profiles",
        codings_stamp(coded, codes),
        lambda: resemblance.code_profiles(data, sentence_vectors(data), coded, list(codes)),
    )
    return profiles


def kept_closest_codes(data: CorpusData, profiles: Profiles) -> tuple[IntArray, FloatArray, FloatArray]:
    """Each answer sentence's closest code, its cosine and the runner-up's
    (``sentence_spans.closest_codes``), kept while the profiles are the same."""
    found: tuple[IntArray, FloatArray, FloatArray] = data.derive_for(
        "closest_codes",
        profiles,
        lambda: sentence_spans.closest_codes(sentence_vectors(data), profiles),
        same=True,
    )
    return found
