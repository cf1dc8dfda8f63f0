"""How far to trust the suggestions: recall, precision and F1 against the project's own codings.

The rule, the same everywhere (``codewerk suggest --evaluate``, the README, the benchmarks):

- a **suggestion is right** when it overlaps (shares at least one character with) a passage of the same
  document coded with the same code;
- a **coded passage is found** when at least one suggestion for its code overlaps it.

Recall is found / coded passages, precision is right / suggestions, F1 their harmonic mean. Overall figures add
up the counts of all codes scored (micro-average). A ratio whose denominator is zero is ``None`` (nothing to tell).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from coding.core.i18n import marked
from coding.core.ids import CodeId, DocumentId

#: A passage or suggestion: document, start, end.
Span = tuple[DocumentId, int, int]

OVERLAP_RULE = marked(
    "a suggestion is right when it overlaps a passage of the same document coded with the same code; "
    "a coded passage is found when a suggestion for its code overlaps it"
)


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


@dataclass(frozen=True)
class Score:
    """The counts and ratios of one code (or of all codes together)."""

    coded: int  # passages coded with the code in the documents scored
    found: int  # of those, overlapped by a suggestion for the code
    suggested: int  # suggestions for the code
    right: int  # of those, overlapping a passage coded with the code

    @property
    def recall(self) -> float | None:
        return _ratio(self.found, self.coded)

    @property
    def precision(self) -> float | None:
        return _ratio(self.right, self.suggested)

    @property
    def f1(self) -> float | None:
        recall, precision = self.recall, self.precision
        if recall is None or precision is None:
            return None
        return 2 * recall * precision / (recall + precision) if recall + precision else 0.0

    def __add__(self, other: Score) -> Score:
        return Score(
            self.coded + other.coded,
            self.found + other.found,
            self.suggested + other.suggested,
            self.right + other.right,
        )


@dataclass(frozen=True)
class CodeScore:
    code_id: CodeId
    code_path: str
    score: Score


@dataclass(frozen=True)
class Evaluation:
    """Leave-one-document-out figures: per code (in codebook order) and overall."""

    codes: tuple[CodeScore, ...]
    overall: Score
    documents: int  # documents scored (those with at least one coding)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def score_spans(suggested: Iterable[Span], coded: Iterable[Span]) -> Score:
    """The score of one code's suggestions against that code's coded passages."""
    by_document: dict[DocumentId, list[Span]] = defaultdict(list)
    passages = list(coded)
    for passage in passages:
        by_document[passage[0]].append(passage)
    suggestions = list(suggested)
    right = sum(any(_overlaps(s, p) for p in by_document.get(s[0], ())) for s in suggestions)
    by_document_suggested: dict[DocumentId, list[Span]] = defaultdict(list)
    for s in suggestions:
        by_document_suggested[s[0]].append(s)
    found = sum(any(_overlaps(p, s) for s in by_document_suggested.get(p[0], ())) for p in passages)
    return Score(len(passages), found, len(suggestions), right)


def evaluate_spans(
    codes: Sequence[tuple[CodeId, str]],
    suggested: Mapping[CodeId, Iterable[Span]],
    coded: Mapping[CodeId, Iterable[Span]],
    documents: int,
) -> Evaluation:
    """Score each of ``codes`` (id, path; in the order to report) and add them up."""
    scores = tuple(
        CodeScore(code_id, path, score_spans(suggested.get(code_id, ()), coded.get(code_id, ())))
        for code_id, path in codes
    )
    overall = Score(0, 0, 0, 0)
    for item in scores:
        overall = overall + item.score
    return Evaluation(scores, overall, documents)
