"""Dutch word forms the lookup table of ``spacy-lookups-data`` does not know.

The table misses many regular forms (``vertrouwde``, ``werkte``, ``partijen``). Two tools,
both deliberately conservative:

* :class:`DutchLemmaRules` proposes lemmas by undoing regular inflection (weak past tense
  with 't kofschip, participles, present tense, plural nouns, inflected adjectives) and
  accepts a proposal **only when it is a lemma the table knows**. It is consulted only for
  forms the table has no entry for; a form it cannot explain keeps itself as lemma.
* :func:`stem_nl` strips inflectional endings the same way from every form so that the
  paradigm of a word meets in one stem (``vertrouwen``, ``vertrouwt``, ``vertrouwde``,
  ``vertrouwden``, ``vertrouwd`` → ``vertrouw``). It over-conflates by design (``hand`` and
  ``handen`` meet, but so may unrelated short words); it backs an explicit "stem" search
  mode and the similarity measures, never the lemma shown to the user.
"""

from __future__ import annotations

from collections.abc import Container, Iterator
from functools import lru_cache

from coding.core.text import fold

VOWELS = frozenset("aeiouy")
_VOICELESS_END = ("t", "k", "f", "s", "ch", "p", "x")  # 't kofschip: these take -te/-ten
_DOUBLE_VOWELS = ("aa", "ee", "oo", "uu")
_UNSTRESSED_PREFIXES = ("be", "ge", "her", "ont", "ver", "er")
MIN_STEM = 3


def _voiceless(stem: str) -> bool:
    return stem.endswith(_VOICELESS_END)


def _is_consonant(ch: str) -> bool:
    return ch.isalpha() and ch not in VOWELS


def _undouble_vowel(stem: str) -> str:
    """``maak`` → ``mak``: a doubled vowel before the final consonant is single in an open syllable."""
    if len(stem) >= 3 and _is_consonant(stem[-1]) and stem[-3:-1] in _DOUBLE_VOWELS:
        return stem[:-2] + stem[-1]
    return stem


def _double_vowel(base: str) -> str | None:
    """``afsprak`` → ``afspraak``: restore the long vowel of a closed syllable (consonant-vowel-consonant)."""
    if (
        len(base) >= 3
        and _is_consonant(base[-1])
        and base[-2] in "aeou"
        and _is_consonant(base[-3])
        and not (len(base) >= 4 and base[-4] == base[-2])
    ):
        return base[:-1] + base[-2] + base[-1]
    return None


def _voiced(stem: str) -> str:
    """``leef`` → ``leev``, ``reis`` → ``reiz``: the stem's sound before a vowel ending."""
    if stem.endswith("f"):
        return stem[:-1] + "v"
    if stem.endswith("s") and not stem.endswith(("ss", "ts", "ps", "ks")):
        return stem[:-1] + "z"
    return stem


def verb_infinitives(stem: str) -> Iterator[str]:
    """Possible infinitives of a verb stem: ``werk`` → werken; ``maak`` → maken; ``stop`` → stoppen;
    ``gaa`` → gaan."""
    if stem[-1:] in VOWELS:
        yield stem + "n"  # gaat → gaan, doet → doen, ziet → zien
    yield stem + "en"
    open_stem = _undouble_vowel(stem)
    yield _voiced(open_stem) + "en"
    if open_stem != stem:
        yield open_stem + "en"
    if (
        len(stem) >= 2
        and _is_consonant(stem[-1])
        and stem[-1] not in "wjx"
        and stem[-2] in VOWELS
        and (len(stem) < 3 or stem[-3] not in VOWELS)
    ):
        yield stem + stem[-1] + "en"  # short vowel: stop → stoppen


def _schwa_syllable(base: str) -> bool:
    """``helder``, ``tafel``: an unstressed final syllable, whose vowel is never doubled."""
    return len(base) >= 4 and base[-2] == "e" and base[-1] in "rlmn" and _is_consonant(base[-3])


def _closed_forms(base: str) -> list[str]:
    """A base before a vowel ending (``grot`` of ``grote``, ``afsprak`` of ``afspraken``) as it is
    written at the end of a word: an open syllable has a long vowel, so ``groot`` before ``grot``."""
    closed = _double_vowel(base)
    if closed is None or _schwa_syllable(base):
        return [base]
    return [closed, base]


def _devoiced(base: str) -> list[str]:
    if base.endswith("z"):
        return [base[:-1] + "s"]  # huizen → huis, boze → boos
    if base.endswith("v"):
        return [base[:-1] + "f"]  # brieven → brief, lieve → lief
    return []


def singular_bases(base: str) -> Iterator[str]:
    """Lemmas behind ``base``, a form without its vowel ending (``-en`` of a plural, ``-e`` of an
    inflected adjective): ``afsprak`` → afspraak; ``mann`` → man; ``huiz`` → huis; ``grot`` → groot."""
    if len(base) >= 2 and base[-1] == base[-2] and _is_consonant(base[-1]):
        yield base[:-1]  # mannen → man, dikke → dik
        return
    for closed in _closed_forms(base):
        yield closed
        yield from _devoiced(closed)


def _without_prefix(form: str) -> str | None:
    if form.startswith("ge") and len(form) - 2 > MIN_STEM:
        return form[2:]
    return None


class DutchLemmaRules:
    """Lemmas for forms missing from the lookup table, accepted only when the table knows them.

    ``known`` holds the lemmas of the lookup table (its values).
    """

    def __init__(self, known: Container[str]) -> None:
        self.known = known
        self.lemma = lru_cache(maxsize=200_000)(self._lemma)

    def _lemma(self, form: str) -> str | None:
        """The lemma of lower-case ``form``, or ``None`` when no rule gives a known lemma."""
        if len(form) <= MIN_STEM or not form.isalpha():
            return None
        if form in self.known:
            return form
        for candidate in self.candidates(form):
            if candidate != form and candidate in self.known:
                return candidate
        # Plurals in -s of nouns ending in an unstressed -er, -el, -em or a diminutive are regular
        # enough to accept without the table (wethouders → wethouder, werkgevers → werkgever).
        if form.endswith("s") and len(form) >= 6 and form[:-1].endswith(("er", "el", "em", "je")):
            return form[:-1]
        return None

    def candidates(self, form: str) -> Iterator[str]:
        """Proposals in order of preference; most are not words and are filtered by ``known``."""
        yield from self._verb_candidates(form)
        yield from self._noun_candidates(form)
        yield from self._adjective_candidates(form)

    def _verb_candidates(self, form: str) -> Iterator[str]:
        past: list[tuple[str, bool]] = [("den", False), ("ten", True), ("de", False), ("te", True)]
        for suffix, voiceless in past:
            if form.endswith(suffix):
                stem = form[: -len(suffix)]
                # leefde, reisde: a stem written with f or s may stand for v or z, which take -de
                fits = _voiceless(stem) == voiceless or (not voiceless and stem.endswith(("f", "s")))
                if len(stem) >= MIN_STEM and fits:
                    yield from verb_infinitives(stem)
                    bare = _without_prefix(stem)
                    if bare is not None:
                        yield from verb_infinitives(bare)
        for suffix in ("ende", "end"):
            if form.endswith(suffix) and len(form) - len(suffix) >= MIN_STEM:
                yield form[: -len(suffix)] + "en"
                yield from verb_infinitives(form[: -len(suffix)])
        if form.endswith(("d", "t")) and len(form) - 1 >= MIN_STEM:
            stem = form[:-1]
            if form.endswith("d") and _voiceless(stem):
                return  # 't kofschip: a voiceless stem takes -t, so -d is not an ending here
            bare = _without_prefix(stem)
            if bare is not None:
                yield from verb_infinitives(bare)  # gedeeld → delen
            yield from verb_infinitives(stem)  # vertrouwd, werkt → vertrouwen, werken

    def _noun_candidates(self, form: str) -> Iterator[str]:
        if form.endswith("eën"):
            yield form[:-3] + "ee"  # ideeën → idee
        if form.endswith("en") and len(form) - 2 >= MIN_STEM:
            yield from singular_bases(form[:-2])
        if form.endswith("n") and form[-2:-1] == "e":
            yield form[:-1]  # gemeenten → gemeente
        if form.endswith("s") and len(form) - 1 >= MIN_STEM:
            yield form[:-1]  # wethouders → wethouder
        for suffix in ("tjes", "jes", "tje", "je"):
            if form.endswith(suffix) and len(form) - len(suffix) >= MIN_STEM:
                yield form[: -len(suffix)]  # huisje → huis
                break

    def _adjective_candidates(self, form: str) -> Iterator[str]:
        if form.endswith("e") and len(form) - 1 >= MIN_STEM:
            yield from singular_bases(form[:-1])  # belangrijke → belangrijk, grote → groot


def verb_stem(infinitive: str) -> tuple[str, bool] | None:
    """The stem of a weak verb and whether it takes ``-te`` ('t kofschip): ``maken`` → (maak, True)."""
    if not infinitive.endswith("en") or len(infinitive) - 2 < MIN_STEM - 1 or not infinitive.isalpha():
        return None
    raw = infinitive[:-2]
    voiceless = _voiceless(raw)
    if len(raw) >= 2 and raw[-1] == raw[-2] and _is_consonant(raw[-1]):
        stem = raw[:-1]  # stoppen → stop
    else:
        stem = _closed_forms(raw)[0] if not raw.endswith(("ie", "ij", "ui", "ei", "ou", "au")) else raw
        if stem.endswith("z"):
            stem = stem[:-1] + "s"  # reizen → reis (takes -de: the z is voiced)
        elif stem.endswith("v"):
            stem = stem[:-1] + "f"  # leven → leef
    return stem, voiceless


def inflected_bases(word: str) -> list[str]:
    """How ``word`` is written before a vowel ending: ``afspraak`` → afsprak, ``bom`` → bomm,
    ``huis`` → huiz, ``brief`` → briev, ``helder`` → helder."""
    base = _undouble_vowel(word)
    if base != word:
        return [_voiced(base)]
    if (
        len(word) >= 3
        and _is_consonant(word[-1])
        and word[-1] not in "wjx"
        and word[-2] in VOWELS
        and word[-3] not in VOWELS
        and not _schwa_syllable(word)
    ):
        return [word + word[-1]]  # a short vowel keeps its sound: bom → bommen
    return [_voiced(word), word] if _voiced(word) != word else [word]


def dutch_forms(lemma: str) -> set[str]:
    """Regular inflected forms of a lemma: what a lemma search also matches by form.

    For a verb in ``-en`` the weak paradigm (``vertrouw``, ``vertrouwt``, ``vertrouwde``,
    ``vertrouwden``, ``vertrouwd`` …, present participles); for other words plural and inflected
    forms (``afspraken``, ``partijen``, ``wethouders``, ``grote``). Forms that are not words
    simply never match.
    """
    word = fold(lemma)
    forms = {word}
    if not word.isalpha() or len(word) < MIN_STEM:
        return forms
    verb = verb_stem(word)
    if verb is not None:
        stem, voiceless = verb
        d = "t" if voiceless else "d"
        past = stem + d + "e"
        ending = "" if stem.endswith(("t", "d")) else d
        participle = stem + ending if stem.startswith(_UNSTRESSED_PREFIXES) else "ge" + stem + ending
        present = stem if stem.endswith("t") else stem + "t"
        forms |= {stem, present, past, past + "n", participle, word + "d", word + "de", word + "s"}
        return forms
    if word.endswith("e"):
        return forms | {word + "n", word + "s"}
    forms.add(word + "s")
    for base in inflected_bases(word):
        forms |= {base + "en", base + "e"}
    return forms


# -- stems ---------------------------------------------------------------------------------
_STEM_SUFFIXES = ("ende", "den", "ten", "de", "te", "en", "s", "e", "d", "t")
_PLURAL_S_AFTER = ("er", "el", "em", "en", "je")


@lru_cache(maxsize=200_000)
def stem_nl(word: str) -> str:
    """A light Dutch stem of ``word`` (folded: lower case, no accents); see the module docstring."""
    w = fold(word)
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if len(w) <= MIN_STEM or not w.isalpha():
        return w
    for suffix in _STEM_SUFFIXES:
        if not w.endswith(suffix):
            continue
        base = w[: -len(suffix)]
        if len(base) < MIN_STEM:
            continue
        if suffix == "s" and not base.endswith(_PLURAL_S_AFTER):
            continue
        w = base
        break
    if len(w) >= 2 and w[-1] == w[-2] and _is_consonant(w[-1]):
        w = w[:-1]  # stopp → stop
    if w.endswith("v"):
        w = w[:-1] + "f"
    elif w.endswith("z"):
        w = w[:-1] + "s"
    if len(w) >= 2 and w[-2:] in _DOUBLE_VOWELS:
        w = w[:-1]  # groo → gro
    return _undouble_vowel(w)
