"""``python -m benchmarks.suggestion_quality --set MODULE.NAME=VALUE``: a setting tried for one run reaches every
engine module that reads it, including those that imported it by name."""

from __future__ import annotations

import pytest

from benchmarks.suggestion_quality import use_setting
from coding.language.suggestions import resemblance, sentence_spans, turns


@pytest.fixture
def restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """The settings the tests change, given back afterwards (monkeypatch restores what it set)."""
    for module, name in (
        (resemblance, "RUNNER_UP_RATIO"),
        (turns, "RUNNER_UP_RATIO"),
        (sentence_spans, "SPAN_MIN_MARGIN"),
    ):
        monkeypatch.setattr(module, name, vars(module)[name])


@pytest.mark.usefixtures("restored")
def test_a_setting_imported_by_name_elsewhere_changes_there_too() -> None:
    use_setting("coding.language.suggestions.resemblance.RUNNER_UP_RATIO=0.55")
    assert resemblance.RUNNER_UP_RATIO == 0.55
    assert vars(turns)["RUNNER_UP_RATIO"] == 0.55  # turns.py: from …resemblance import RUNNER_UP_RATIO


@pytest.mark.usefixtures("restored")
def test_a_setting_of_one_module_leaves_other_names_alone() -> None:
    before = vars(turns)["RUNNER_UP_RATIO"]
    use_setting("coding.language.suggestions.sentence_spans.SPAN_MIN_MARGIN = 0.15")
    assert sentence_spans.SPAN_MIN_MARGIN == 0.15
    assert before == vars(turns)["RUNNER_UP_RATIO"]


@pytest.mark.parametrize(
    "assignment",
    [
        "coding.language.suggestions.resemblance.NO_SUCH_SETTING=1",
        "coding.language.assistant.SOMETHING=1",  # not the suggestion engine
        "coding.language.suggestions.resemblance.RUNNER_UP_RATIO",  # no value
    ],
)
def test_a_setting_that_is_not_there_stops_the_run(assignment: str) -> None:
    with pytest.raises(SystemExit):
        use_setting(assignment)
