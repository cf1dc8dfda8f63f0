"""Carrying spans over text edits: remap_spans (by diff) and apply_replacements (exact)."""

from __future__ import annotations

import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coding.core.text_remap import apply_replacements, remap_spans

PROPERTY = settings(max_examples=300, deadline=None, database=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow])  # fmt: skip


def _apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    return apply_replacements(text, edits)[0]


# ----------------------------------------------------------------------------- remap_spans


def test_unchanged_text_keeps_every_span() -> None:
    text = "I: Eén café 😀\nR5: ideeën"
    spans = [(0, 2), (3, 14), (14, 15), (5, 5), (0, len(text))]
    assert remap_spans(text, text, spans) == spans


def test_edit_before_a_span_shifts_it() -> None:
    old = "I: Hoe gaat het?\nR5: Eén café, veel ideeën.\n"
    new = "Interview 3\n\nI: Hoe gaat het nu?\nR5: Eén café, veel ideeën.\n"
    start = old.index("Eén café")
    (mapped,) = remap_spans(old, new, [(start, start + len("Eén café"))])
    assert mapped == (new.index("Eén café"), new.index("Eén café") + len("Eén café"))


def test_changed_or_deleted_passages_map_to_none() -> None:
    old = "R5: Jan de Vries werkt bij het café.\nI: Dank u.\nR5: Graag gedaan."
    new = "R5: [naam] werkt bij het café.\nR5: Graag gedaan."
    spans = [
        (old.index("Jan de Vries"), old.index("Jan de Vries") + 12),  # replaced
        (old.index("de Vries werkt"), old.index("de Vries werkt") + 14),  # partly replaced
        (old.index("I: Dank u."), old.index("I: Dank u.") + 10),  # deleted
        (old.index("werkt bij"), old.index("werkt bij") + 9),  # unchanged
        (old.index("Graag"), len(old)),  # unchanged, after the deletion
    ]
    assert remap_spans(old, new, spans) == [
        None,
        None,
        None,
        (new.index("werkt bij"), new.index("werkt bij") + 9),
        (new.index("Graag"), len(new)),
    ]


def test_insertion_inside_a_span_changes_it() -> None:
    old, new = "hallo wereld", "hallo mooie wereld"
    assert remap_spans(old, new, [(0, 12), (0, 5), (6, 12)]) == [None, (0, 5), (12, 18)]


def test_repeated_passages_map_by_position_not_by_first_occurrence() -> None:
    old = "R5: Ja.\nI: Echt?\nR5: Ja.\nI: Goed.\nR5: Ja.\n"
    new = "Kop\nR5: Ja.\nI: Echt waar?\nR5: Ja.\nI: Goed.\nR5: Ja.\n"
    third = old.rindex("R5: Ja.")
    second = old.index("R5: Ja.", 1)
    assert remap_spans(old, new, [(second, second + 7), (third, third + 7)]) == [
        (new.index("R5: Ja.", 6), new.index("R5: Ja.", 6) + 7),
        (new.rindex("R5: Ja."), new.rindex("R5: Ja.") + 7),
    ]


def test_non_bmp_characters_count_as_one_position() -> None:
    old = "😀😀 café 👍🏽 ideeën"
    new = "🎉" + old
    (mapped,) = remap_spans(old, new, [(old.index("👍🏽"), old.index("👍🏽") + 2)])
    assert mapped == (new.index("👍🏽"), new.index("👍🏽") + 2)


def test_empty_spans() -> None:
    old, new = "abc def", "abc XY def"
    assert remap_spans(old, new, [(0, 0), (4, 4), (7, 7)]) == [(0, 0), (7, 7), (10, 10)]


@pytest.mark.parametrize("span", [(-1, 2), (3, 2), (0, 99)])
def test_invalid_spans_are_rejected(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="is not within a text"):
        remap_spans("abc", "abd", [span])


def _long_transcript(seed: int = 7) -> str:
    rng = random.Random(seed)
    words = [
        "de",
        "het",
        "een",
        "en",
        "van",
        "ik",
        "je",
        "dat",
        "is",
        "niet",
        "op",
        "zorg",
        "wijk",
        "team",
        "één",
        "café",
        "ideeën",
        "coördinatie",
        "😀",
    ]
    lines: list[str] = []
    size = 0
    while size < 300_000:
        speaker = "I" if len(lines) % 2 else "R5"
        lines.append(f"{speaker}: " + " ".join(rng.choice(words) for _ in range(rng.randint(5, 80))))
        size += len(lines[-1]) + 1
        if rng.random() < 0.3:
            lines.append("")
            size += 1
    return "\n".join(lines)


def test_300k_characters_with_thousands_of_spans() -> None:
    rng = random.Random(3)
    old = _long_transcript()
    new = old
    for _ in range(5):
        position = rng.randrange(len(new) - 20)
        new = new[:position] + "[bewerkt]" + new[position + rng.randint(0, 10) :]
    spans = []
    for _ in range(5000):
        start = rng.randrange(len(old) - 300)
        spans.append((start, start + rng.randint(1, 300)))
    mapped = remap_spans(old, new, spans)
    assert sum(span is not None for span in mapped) > 4900
    assert all(new[m[0] : m[1]] == old[s:e] for m, (s, e) in zip(mapped, spans, strict=True) if m)


def test_a_change_on_every_line_is_still_handled() -> None:
    old = _long_transcript()[:60_000]
    new = old.replace("I: ", "Interviewer: ")
    spans = [(m, m + 10) for m in range(0, len(old) - 10, 97)]
    mapped = remap_spans(old, new, spans)
    for (start, end), span in zip(spans, mapped, strict=True):
        if "I: " not in old[max(0, start - 2) : end + 2]:
            assert span is not None and new[span[0] : span[1]] == old[start:end]


def test_white_space_added_to_every_line_keeps_the_spans_within_lines() -> None:
    old = _long_transcript()
    new = "\n".join(line + " " for line in old.split("\n"))
    rng = random.Random(11)
    spans = []
    for _ in range(2000):
        start = rng.randrange(len(old) - 100)
        spans.append((start, start + rng.randint(1, 100)))
    mapped = remap_spans(old, new, spans)
    for (start, end), span in zip(spans, mapped, strict=True):
        if "\n" not in old[start:end]:
            assert span is not None
        if span is not None:
            assert new[span[0] : span[1]] == old[start:end]


# ----------------------------------------------------------------------------- properties

_ALPHABET = st.sampled_from(["a", "b", " ", "\n", "é", "😀", "ë", "\U0001f44d"])


@st.composite
def _edited_text(draw: st.DrawFn, inserted: st.SearchStrategy[str]) -> tuple[str, list, list]:
    """(old text, non-overlapping edits, spans of old)."""
    old = draw(st.text(_ALPHABET, max_size=60))
    cuts = sorted(draw(st.lists(st.integers(0, len(old)), max_size=8)))
    edits = [(start, end, draw(inserted)) for start, end in zip(cuts[::2], cuts[1::2], strict=False)]
    position = st.integers(0, len(old))
    spans = draw(st.lists(st.tuples(position, position).map(lambda p: (min(p), max(p))), max_size=12))
    return old, edits, spans


def _outside(span: tuple[int, int], edits: list[tuple[int, int, str]]) -> bool:
    start, end = span
    return all(end <= s or start >= e for s, e, _ in edits) and not any(
        start < s < end for s, e, _ in edits if s == e
    )


@PROPERTY
@given(_edited_text(st.text(_ALPHABET, max_size=6)))
def test_property_kept_spans_keep_their_text(case: tuple[str, list, list]) -> None:
    old, edits, spans = case
    new = _apply(old, edits)
    for (start, end), mapped in zip(spans, remap_spans(old, new, spans), strict=True):
        if mapped is not None:
            assert new[mapped[0] : mapped[1]] == old[start:end]


@PROPERTY
@given(_edited_text(st.text(st.sampled_from(["X", "[", "]", "Ø", "🎉"]), max_size=6)))
def test_property_spans_outside_edits_are_kept(case: tuple[str, list, list]) -> None:
    old, edits, spans = case
    new = _apply(old, edits)
    for span, mapped in zip(spans, remap_spans(old, new, spans), strict=True):
        if _outside(span, edits) and span[0] < span[1]:
            assert mapped is not None
            assert new[mapped[0] : mapped[1]] == old[span[0] : span[1]]


@PROPERTY
@given(st.text(_ALPHABET, max_size=60), st.data())
def test_property_unchanged_text_maps_identically(text: str, data: st.DataObject) -> None:
    position = st.integers(0, len(text))
    spans = data.draw(st.lists(st.tuples(position, position).map(lambda p: (min(p), max(p)))))
    assert remap_spans(text, text, spans) == spans


# ----------------------------------------------------------------------------- apply_replacements


def test_apply_replacements_rules() -> None:
    text = "Jan de Vries werkt in Zwolle bij het café."
    name = (0, 12)
    place = (text.index("Zwolle"), text.index("Zwolle") + 6)
    new, mapper = apply_replacements(text, [(*place, "[plaats]"), (*name, "[naam]")])
    assert new == "[naam] werkt in [plaats] bij het café."
    assert mapper(*name) == (0, 6)  # equal to a replaced region: the replacement
    assert mapper(0, len(text)) == (0, len(new))  # contains both regions: stretches
    cafe = text.index("café")
    assert mapper(cafe, cafe + 4) == (new.index("café"), new.index("café") + 4)  # outside: shifted
    assert mapper(4, 12) is None  # entirely inside "Jan de Vries"
    assert mapper(0, 3) is None  # a prefix of a replaced region is inside it too
    werkt = text.index("werkt")
    assert mapper(4, werkt + 5) == (0, new.index("werkt") + 5)  # starts inside: extended to "[naam]"
    assert mapper(werkt, place[0] + 3) == (new.index("werkt"), new.index(" bij"))  # ends inside
    assert mapper(werkt, werkt) == (new.index("werkt"),) * 2
    assert mapper(5, 5) is None


def test_apply_replacements_insertions_stay_outside_a_span_at_its_edges() -> None:
    text = "één café"
    new, mapper = apply_replacements(text, [(4, 4, "<"), (8, 8, ">"), (2, 2, "|")])
    assert new == "éé|n <café>"
    assert mapper(4, 8) == (6, 10)  # "café" without the inserted brackets
    assert new[6:10] == "café"
    assert mapper(0, 4) == (0, 5)  # "één " contains the insertion strictly inside it
    assert mapper(0, 8) == (0, 10)  # the ">" inserted at its end stays outside
    assert new[0:10] == "éé|n <café"


def test_apply_replacements_rejects_overlaps_and_bad_regions() -> None:
    with pytest.raises(ValueError, match="overlaps"):
        apply_replacements("abcdef", [(0, 3, "x"), (2, 4, "y")])
    with pytest.raises(ValueError, match="overlaps"):
        apply_replacements("abcdef", [(0, 3, "x"), (1, 1, "y")])
    with pytest.raises(ValueError, match="not within"):
        apply_replacements("abc", [(2, 9, "x")])
    _, mapper = apply_replacements("abc", [])
    with pytest.raises(ValueError, match="not within"):
        mapper(0, 4)


@PROPERTY
@given(_edited_text(st.text(_ALPHABET, max_size=6)))
def test_property_apply_replacements(case: tuple[str, list, list]) -> None:
    old, edits, spans = case
    new, mapper = apply_replacements(old, edits)
    assert new == _reference_apply(old, edits)
    for start, end in spans:
        mapped = mapper(start, end)
        if _outside((start, end), edits):
            assert mapped is not None and new[mapped[0] : mapped[1]] == old[start:end]
        inside = any(s <= start and end <= e and (s, e) != (start, end) and s < e for s, e, _ in edits)
        if inside and start < end:
            assert mapped is None
        if mapped is not None:
            assert 0 <= mapped[0] <= mapped[1] <= len(new)


def _reference_apply(text: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, replacement in sorted(edits, key=lambda edit: (edit[0], edit[1]))[::-1]:
        text = text[:start] + replacement + text[end:]
    return text
