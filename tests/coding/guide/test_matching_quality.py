"""The guide matching's precision and recall on the development corpus must not slide back (issue 24).

The figures are in ``benchmarks/FINDINGS.md`` (``python -m benchmarks.guide_matching``); the floors here are a
little under them, so that a change that makes matching worse fails, and one that makes it better can raise them.
"""

from __future__ import annotations

import pytest

from benchmarks.guide_matching import evaluate


@pytest.mark.parametrize(
    ("split", "precision", "recall"),
    [("tune", 0.84, 0.78), ("heldout", 0.85, 0.78)],
)
def test_matching_quality_holds(split: str, precision: float, recall: float) -> None:
    score = evaluate(split)
    assert score.precision >= precision, f"{split} precision {score.precision:.3f} fell below {precision}"
    assert score.recall >= recall, f"{split} recall {score.recall:.3f} fell below {recall}"


def test_matching_is_deterministic() -> None:
    assert evaluate("tune") == evaluate("tune")
