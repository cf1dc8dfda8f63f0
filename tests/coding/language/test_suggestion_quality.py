"""The suggestions' figures on the development corpus (tests/data/devcorpus) do not slide back (issue 20).

Each split is imported with its hand codings into a project of its own and scored leave-one-document-out, as
``codewerk suggest --evaluate`` does. The floors are the figures measured and written into
``benchmarks/FINDINGS.md`` (``python -m benchmarks.suggestion_quality``) minus a small margin; raise them when the
engine improves. About 10 s of CPU for both splits.
"""

from __future__ import annotations

import pytest

from benchmarks.suggestion_quality import evaluate

#: split: (recall, precision) measured; a figure may drop by MARGIN before the test fails.
MEASURED = {"tune": (0.659, 0.611), "heldout": (0.660, 0.727)}
MARGIN = 0.02


@pytest.mark.parametrize("split", ["tune", "heldout"])
def test_recall_and_precision_stay_at_least_as_measured(split: str) -> None:
    overall = evaluate(split).overall
    recall, precision = MEASURED[split]
    assert overall.recall is not None and overall.precision is not None
    assert overall.recall >= recall - MARGIN, f"{split}: recall {overall.recall:.3f} (measured {recall})"
    assert overall.precision >= precision - MARGIN, (
        f"{split}: precision {overall.precision:.3f} (measured {precision})"
    )
