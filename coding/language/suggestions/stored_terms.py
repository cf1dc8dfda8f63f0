"""The search terms' hits in the answers, stored for the next session (:mod:`.stored_state`): reading each term's
hits from the word index (phrases with stop words have tens of thousands of rows each) was ≈ 1 s of the first find
at ten times the large corpus. Every term looked for in a session is stored as one piece under the corpus's stamp
(the hits depend on nothing else: a term's words, as the pipeline reads them, are its key); read back, each term
has the same hits, with the same forms, as found."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING

import numpy as np

from coding.language.suggestions import stored_state

if TYPE_CHECKING:
    from coding.language.suggestions.data import CorpusData
    from coding.language.suggestions.terms import TermHits, TermPattern

NAME = "term_hits"


def _stamp(data: CorpusData) -> str | None:
    return None if data.stamp is None else stored_state.stamp_of(data.stamp)


def read(data: CorpusData) -> dict[TermPattern, TermHits]:
    """The hits stored for this corpus (empty when none are, or they cannot be read)."""
    stamp = _stamp(data)
    if stamp is None or data.store is None:
        return {}
    arrays = stored_state.read(data.store, NAME, stamp)
    if arrays is None:
        return {}
    try:
        return unpack(arrays)
    except (ValueError, KeyError, TypeError, IndexError, re.error) as exc:
        stored_state.log_unread(NAME, exc)
        return {}


def remember(data: CorpusData, cache: dict[TermPattern, TermHits]) -> None:
    """Store ``cache`` (every term's hits found or read this session) after the find."""
    stamp = _stamp(data)
    if stamp is not None and data.store is not None:
        data.unsaved[NAME] = (stamp, lambda: pack(cache))


def pack(cache: dict[TermPattern, TermHits]) -> dict[str, np.ndarray]:
    forms = sorted({form for hits in cache.values() for form in hits.form})
    number = {form: n for n, form in enumerate(forms)}
    patterns = [
        [
            pattern.label,
            [list(word) for word in pattern.words],
            None if pattern.regex is None else [pattern.regex.pattern, pattern.regex.flags],
        ]
        for pattern in cache
    ]
    out: dict[str, np.ndarray] = {
        "patterns": np.frombuffer(json.dumps(patterns).encode(), dtype=np.uint8),
        "forms": np.frombuffer(json.dumps(forms).encode(), dtype=np.uint8),
    }
    for n, hits in enumerate(cache.values()):
        out[f"{n}.document"] = hits.document
        out[f"{n}.sentence"] = hits.sentence
        out[f"{n}.form"] = np.fromiter((number[f] for f in hits.form), dtype=np.int32, count=len(hits.form))
    return out


def unpack(arrays: dict[str, np.ndarray]) -> dict[TermPattern, TermHits]:
    from coding.language.suggestions.terms import TermHits, TermPattern

    patterns = json.loads(arrays["patterns"].tobytes())
    forms = json.loads(arrays["forms"].tobytes())
    out: dict[TermPattern, TermHits] = {}
    for n, (label, words, regex) in enumerate(patterns):
        pattern = TermPattern(
            label,
            tuple((lemma, stem, prefix) for lemma, stem, prefix in words),
            None if regex is None else re.compile(regex[0], regex[1]),
        )
        document, sentence, form = (arrays[f"{n}.{key}"] for key in ("document", "sentence", "form"))
        if not len(document) == len(sentence) == len(form):
            raise ValueError("hits of another shape")
        out[pattern] = TermHits(document, sentence, [forms[i] for i in form.tolist()])
    return out
