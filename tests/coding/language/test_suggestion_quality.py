"""The suggestions' figures on the development corpus (tests/data/devcorpus) do not slide back (issue 20).

Each split is imported with its hand codings into a project of its own and scored leave-one-document-out, as
``codewerk suggest --evaluate`` does. The floors are the figures measured and written into
``benchmarks/FINDINGS.md`` (``python -m benchmarks.suggestion_quality``) minus a small margin; raise them when the
engine improves. About 30 s of CPU: both splits, with and without the guide matches confirmed, and the tune calibration.
"""

from __future__ import annotations

import pytest

from benchmarks.suggestion_quality import evaluate

#: (split, guide matches confirmed): (recall, precision) measured with the thresholds calibrated on the tune split;
#: a figure may drop by MARGIN before the test fails. "Confirmed": the researcher has reviewed the guide matches
#: (the hand labels confirmed). A floor is never lowered: since 2026-12-07 (follow-ups and questions back) the
#: precision measured is 0.753 on tune and 0.767 held-out, the floors stay at the earlier figures' 0.756 and 0.780.
MEASURED = {
    ("tune", False): (0.821, 0.756),
    ("heldout", False): (0.782, 0.780),
    ("tune", True): (0.851, 0.778),
    ("heldout", True): (0.845, 0.808),
}
MARGIN = 0.02


@pytest.mark.parametrize(("split", "confirmed"), list(MEASURED))
def test_recall_and_precision_stay_at_least_as_measured(split: str, confirmed: bool) -> None:
    overall = evaluate(split, confirmed=confirmed).overall
    recall, precision = MEASURED[(split, confirmed)]
    assert overall.recall is not None and overall.precision is not None
    assert overall.recall >= recall - MARGIN, f"{split}: recall {overall.recall:.3f} (measured {recall})"
    assert overall.precision >= precision - MARGIN, (
        f"{split}: precision {overall.precision:.3f} (measured {precision})"
    )
