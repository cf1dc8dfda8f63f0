"""Finding the guide questions in the interviewers' turns: word overlap over normalised stems.

Deterministic and offline. Each guide question becomes a weighted bag of stems (its text, its follow-up
prompts and the words of its code: name, description, search terms), weighted by how rare a stem is among
the guide's questions. An interviewer turn is compared with every question (cosine similarity); the order of
the guide counts a little (the next questions after the last one asked get a bonus, a question already asked
a penalty), so that a short paraphrase that follows the guide is still found, and so does where the turn is in
the interview: a question far from its place in the guide is marked down (the introduction does not ask the
guide's seventh theme, nor the closing round its second). A turn that asks several questions at once gets every
question close enough to its best one.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from coding.core.text import fold, natural_key

_WORD = re.compile(r"[a-z]+")
#: Dutch function words and interview fillers: they say nothing about which question is asked.
_STOPWORD_TEXT = """
    aan al alle alles als altijd ander andere anders ben bent bij bijvoorbeeld daar daarbij daarin daarmee
    daarover daarvan dan dat de deze die dit doe doen doet door dus een eens eigenlijk en er ergens even
    geen graag had hebben heeft het hier hij hoe hun ik in is ja je jij kan kunnen kunt maar me meer
    meteen mij mijn misschien moet moeten mooi na naar net niet nog nou nu of oke ok om omdat ook op over
    al precies u uw van vanuit veel voor vooral waar waarom wat we weer wel welk welke wie wij wil wilt
    word wordt worden zal ze zeg zegt zich zij zijn zo zou zouden zullen eh ehm hmm mm hm zeg maar weet
    dank dus goed heel hele echt gewoon tja nee dank bedankt even stukje vraag vragen vraagje lijstje
    eerst dan daarna nogmaals toch ik jullie ons onze
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())
_SUFFIXES = (
    "heden",
    "heid",
    "ingen",
    "ing",
    "ende",
    "tjes",
    "jes",
    "en",
    "es",
    "te",
    "de",
    "e",
    "s",
    "t",
    "d",
)
STEM_LENGTH = 7
#: Turn texts whose similarities a matcher keeps (a few megabytes at most).
OVERLAPS_KEPT = 20_000


@dataclass(frozen=True)
class MatchSettings:
    """The matcher's knobs, tuned on the tune split of the development corpus."""

    #: Lowest score for a turn to ask a question at all.
    threshold: float = 0.18
    #: A second (third) question in the same turn: at least this score and this share of the best.
    merged_threshold: float = 0.3
    merged_ratio: float = 0.7
    #: Bonus for the next ``window`` questions after the last one asked, in guide order.
    order_bonus: float = 0.03
    window: int = 3
    #: Penalty for a question the interview has already asked.
    asked_penalty: float = 0.12
    #: Weights of the parts of a question's text.
    prompt_weight: float = 0.3
    code_weight: float = 0.6
    #: Penalty per unit of distance between where a turn is in its interview and where the question is in the
    #: guide (both as a share, 0 … 1), beyond ``position_slack``: an interview follows its guide roughly, so
    #: the introduction does not ask question 7a and the closing round not 2a (chosen on the tune split from
    #: weights 0.1–2 and slacks 0.15–0.4: 0.2–0.4 with 0.25–0.35 all give 177 right, 33–34 wrong, was 44).
    position_weight: float = 0.3
    position_slack: float = 0.3
    #: A turn that joins a second question to its first with ", en …?" ("Welke activiteiten vindt u het
    #: belangrijkst, en bent u tevreden?") asks the guide's next question too when that clause alone resembles it
    #: at least this much and it is not asked yet: interviewers merge neighbouring questions, and the second one,
    #: cut short, shares too few words with the guide's wording for the whole turn to reach it (cosine about 0.1).
    #: 0 turns the rule off.
    next_clause_threshold: float = 0.1


@dataclass(frozen=True)
class GuideQuestionText:
    ref: str
    question: str
    prompts: tuple[str, ...] = ()
    #: Other words of its code (name, description, search terms).
    code_words: str = ""


@dataclass(frozen=True)
class TurnText:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class TurnMatch:
    """A turn and the guide questions it asks, best first, each with a confidence in [0, 1]."""

    start: int
    end: int
    refs: tuple[tuple[str, float], ...]


_SENTENCE = re.compile(r"[^.?!…]+[.?!…]*")
#: Where a question joins a second one: ", en" before the last clause of a sentence asking something.
_JOINED = ", en "


def joined_question(text: str) -> str | None:
    """The second question of a turn that joins two with ", en" in its last question sentence ("Zijn er
    cultuurverschillen tussen de partijen, en zitten die de samenwerking in de weg?" → "zitten die de
    samenwerking in de weg?"), or None."""
    if _JOINED not in text or "?" not in text:
        return None
    asking = [s for s in _SENTENCE.findall(text) if s.rstrip().endswith("?")]
    if not asking:
        return None
    last = asking[-1]
    at = last.rfind(_JOINED)
    return last[at + len(_JOINED) :].strip() if at >= 0 else None


@functools.lru_cache(maxsize=65536)
def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:STEM_LENGTH]


def stems(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(fold(text)) if w not in STOPWORDS and len(w) > 1]


class GuideMatcher:
    def __init__(self, questions: Sequence[GuideQuestionText], settings: MatchSettings | None = None) -> None:
        self.settings = settings or MatchSettings()
        # the guide's order is its numbering (1a, 1b, 2a, …, 10a, 11), whatever order the codes come in
        questions = sorted(questions, key=lambda q: natural_key(q.ref))
        #: What the matcher was made from, in guide order (its weights follow from these and the settings).
        self.questions = tuple(questions)
        self.refs = [q.ref for q in questions]
        parts: list[dict[str, float]] = []
        for q in questions:
            bag: dict[str, float] = {}
            for word in stems(q.question):
                bag[word] = bag.get(word, 0.0) + 1.0
            for prompt in q.prompts:
                for word in stems(prompt):
                    bag[word] = bag.get(word, 0.0) + self.settings.prompt_weight
            for word in set(stems(q.code_words)):
                bag[word] = bag.get(word, 0.0) + self.settings.code_weight
            parts.append(bag)
        count = len(parts)
        frequency = Counter(word for bag in parts for word in bag)
        self.idf = {word: math.log((count + 1) / (n + 1)) + 1.0 for word, n in frequency.items()}
        self.vectors = [self._weigh(bag) for bag in parts]
        #: Per stem: the questions that have it, with its weight there (a turn's few stems are looked up).
        self._postings: dict[str, list[tuple[int, float]]] = {}
        for index, vector in enumerate(self.vectors):
            for word, weight in vector.items():
                self._postings.setdefault(word, []).append((index, weight))
        #: :meth:`_overlap` by turn text: interviewers ask the same words in many interviews.
        self._overlaps: dict[str, dict[int, float]] = {}
        #: :meth:`_contenders` by turn text.
        self._contending: dict[str, list[tuple[int, float]]] = {}
        s = self.settings
        #: Whether a turn's score can only be its similarity less penalties plus at most the order bonus
        #: (the penalties are not negative): then a question whose similarity plus the bonus is below the
        #: lower threshold is never ranked (:meth:`_contenders`).
        self._bounded = s.position_weight >= 0 and s.asked_penalty >= 0 and s.order_bonus >= 0

    def _weigh(self, bag: dict[str, float]) -> dict[str, float]:
        vector = {w: float(n) * self.idf[w] for w, n in bag.items() if w in self.idf}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        return {w: v / norm for w, v in vector.items()}

    def similarity(self, text: str) -> list[float]:
        """The turn's cosine similarity with every question, in guide order."""
        scores = [0.0] * len(self.vectors)
        for index, score in self._overlap(text).items():
            scores[index] = score
        return scores

    def overlaps(self, text: str) -> Mapping[int, float]:
        """:meth:`similarity` without its zeros: per question number, the cosine of each question that shares a
        stem with ``text`` (all above zero), in no particular order."""
        return self._overlap(text)

    def _overlap(self, text: str) -> dict[int, float]:
        """The similarity with the questions that share a stem with ``text`` (the others are 0); the
        same dict for the same text (not to be changed)."""
        found = self._overlaps.get(text)
        if found is None:
            if len(self._overlaps) >= OVERLAPS_KEPT:
                self._overlaps.clear()
            found = self._overlaps[text] = self._compute_overlap(text)
        return found

    def _contenders(self, text: str) -> list[tuple[int, float]]:
        """The questions :meth:`match` can choose for a turn of ``text``, wherever it is: those whose
        similarity plus the order bonus reaches the lower threshold (the same float sums as there: a
        score less a penalty never rounds above the score), with their similarity."""
        found = self._contending.get(text)
        if found is None:
            if len(self._contending) >= OVERLAPS_KEPT:
                self._contending.clear()
            overlap = self._overlap(text)
            s = self.settings
            floor = min(s.threshold, s.merged_threshold) if self._bounded else -math.inf
            bonus = s.order_bonus
            found = [
                (index, score) for index, score in overlap.items() if score > 0.0 and score + bonus >= floor
            ]
            self._contending[text] = found
        return found

    def _compute_overlap(self, text: str) -> dict[int, float]:
        bag = Counter(w for w in stems(text) if w in self.idf)
        turn = self._weigh({w: float(n) for w, n in bag.items()})
        scores: dict[int, float] = {}
        for word, weight in turn.items():
            for index, other in self._postings.get(word, ()):
                scores[index] = scores.get(index, 0.0) + other * weight
        return scores

    def _joined_next(self, text: str, index: int, asked: set[int]) -> tuple[int, float] | None:
        """The question after ``index`` in guide order with its clause's similarity, when the turn ``text``
        joins a second question that resembles it (:attr:`MatchSettings.next_clause_threshold`) and it is not
        asked yet; else None."""
        s = self.settings
        following = index + 1
        if not s.next_clause_threshold or following >= len(self.refs) or following in asked:
            return None
        clause = joined_question(text)
        if clause is None:
            return None
        score = self._overlap(clause).get(following, 0.0)
        return (following, score) if score >= s.next_clause_threshold else None

    def match(self, turns: Sequence[TurnText]) -> list[TurnMatch]:
        """Every turn with the questions it asks (none: an empty ``refs``), in the order given."""
        s = self.settings
        floor = min(s.threshold, s.merged_threshold)
        asked: set[int] = set()
        last = -1
        out: list[TurnMatch] = []
        questions = max(1, len(self.refs) - 1)
        places = max(1, len(turns) - 1)
        for number, turn in enumerate(turns):
            contenders = self._contenders(turn.text)
            if not contenders:  # asks no question, changes nothing
                out.append(TurnMatch(turn.start, turn.end, ()))
                continue
            scores: dict[int, float] = {}
            where = number / places
            for index, score in contenders:
                if s.position_weight:
                    distance = abs(where - index / questions) - s.position_slack
                    if distance > 0:
                        score -= s.position_weight * distance
                if last < index <= last + s.window and index not in asked:
                    score += s.order_bonus
                if index in asked:
                    score -= s.asked_penalty
                scores[index] = score
            # Only a score above the lower threshold can be chosen: rank those (a turn has few).
            ranked = sorted(
                (i for i, score in scores.items() if score >= floor), key=lambda i: (-scores[i], i)
            )
            chosen: list[tuple[str, float]] = []
            if ranked and scores[ranked[0]] >= s.threshold:
                best = scores[ranked[0]]
                chosen.append((self.refs[ranked[0]], min(1.0, best)))
                for index in ranked[1:3]:
                    if scores[index] >= s.merged_threshold and scores[index] >= s.merged_ratio * best:
                        chosen.append((self.refs[index], min(1.0, scores[index])))
                picked = [self.refs.index(ref) for ref, _ in chosen]
                following = self._joined_next(turn.text, max(picked), asked)
                if following is not None:
                    chosen.append((self.refs[following[0]], min(1.0, following[1])))
                    picked.append(following[0])
                asked.update(picked)
                last = max(picked)
            out.append(TurnMatch(turn.start, turn.end, tuple((r, round(c, 3)) for r, c in chosen)))
        return out
