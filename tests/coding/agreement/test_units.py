"""The unit rules on plain spans: matching segments, coverage of sentences, characters, sentence splitting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.agreement.units import Span, by_character, by_segment, by_units, sentences


def test_segments_match_when_they_overlap_enough_of_the_shorter() -> None:
    a = [Span(0, 10, 1), Span(20, 30, 1)]
    b = [Span(4, 14, 1), Span(40, 50, 1)]  # 6 of 10 characters shared with A's first
    loose = by_segment(a, b, [1], 0.5, differences=True).counts[1]
    assert (loose.both, loose.only_a, loose.only_b, loose.neither) == (1, 1, 1, 0)
    strict = by_segment(a, b, [1], 0.7, differences=True)
    assert (strict.counts[1].both, strict.counts[1].only_a, strict.counts[1].only_b) == (0, 2, 2)
    assert [(d.start, d.codes_a, d.codes_b) for d in strict.differences][:2] == [
        (0, frozenset({1}), frozenset()),
        (4, frozenset(), frozenset({1})),
    ]


def test_one_to_one_matching_takes_the_largest_overlap_first() -> None:
    a = [Span(0, 10, 1)]
    b = [Span(5, 10, 1), Span(0, 10, 1)]
    counts = by_segment(a, b, [1], 0.5, differences=False).counts[1]
    assert (counts.both, counts.only_a, counts.only_b) == (1, 0, 1)


def test_units_are_coded_when_covered_enough() -> None:
    units = [(0, 10), (10, 20), (20, 30)]
    a = [Span(0, 6, 1), Span(12, 14, 1), Span(14, 16, 1)]  # 60% of the first; 4 of 10 of the second
    b = [Span(0, 30, 1)]
    counts = by_units(units, a, b, [1, 2], 0.5, differences=False).counts
    assert (counts[1].both, counts[1].only_a, counts[1].only_b, counts[1].neither) == (1, 0, 2, 0)
    assert (counts[2].both, counts[2].neither) == (0, 3)
    assert by_units(units, a, b, [1], 0.4, differences=False).counts[1].both == 2


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10), st.integers(0, 1)), max_size=6),
    st.lists(st.tuples(st.integers(0, 40), st.integers(1, 10), st.integers(0, 1)), max_size=6),
)
def test_character_counts_equal_counting_each_character(raw_a, raw_b) -> None:  # type: ignore[no-untyped-def]
    length = 60
    a = [Span(s, s + n, c) for s, n, c in raw_a]
    b = [Span(s, s + n, c) for s, n, c in raw_b]
    result = by_character(length, a, b, [0, 1], differences=True)
    units = [(i, i + 1) for i in range(length)]
    one_by_one = by_units(units, a, b, [0, 1], 1.0, differences=True)
    for code in (0, 1):
        assert vars(result.counts[code]) == vars(one_by_one.counts[code])
    # the stretches that differ cover exactly the characters that differ
    differing = {d.start for d in one_by_one.differences}
    assert differing == {i for d in result.differences for i in range(d.start, d.end)}


def test_sentences_split_at_punctuation_and_leave_speaker_labels_out() -> None:
    text = "[00:00:05] I: Hoe gaat het? Goed.\nR5: Ja… prima!\n\nEinde"
    label_end = text.index("Hoe")
    second = text.index("R5:")
    spans = sentences(text, [(0, label_end), (second, second + 4)])
    assert [text[s:e] for s, e in spans] == ["Hoe gaat het?", "Goed.", "Ja…", "prima!", "Einde"]
