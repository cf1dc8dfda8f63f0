"""Issue 14 item 4: the indexer reads a long stored text as windows of its UTF-8 bytes, never as
one string; the pieces and rows are exactly those of the whole text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from coding.language import chunks
from coding.language.chunks import index_pieces, streamed_pieces, whole_pieces
from coding.language.index_batches import analyse
from coding.language.pipeline import pipeline_for
from coding.language.stored_text import TextWindows, character_count
from tests.coding.language.test_index_batches import _rows

ALPHABET = st.sampled_from(["a", "é", "😀", " ", "\n", "\t", ".", "!", "R5:", "\u00a0", "ß", "\r", "\x00"])
texts = st.lists(ALPHABET, max_size=120).map("".join)


@st.composite
def text_and_turns(draw: st.DrawFn) -> tuple[str, list[tuple[int, int, int]]]:
    text = draw(texts)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=9)))
    turns = []
    for start, body_start, end in zip(cuts[::3], cuts[1::3], cuts[2::3], strict=False):
        turns.append(
            draw(st.permutations([start, body_start, end]))
            if draw(st.booleans())
            else [start, body_start, end]
        )
    return text, [(a, b, c) for a, b, c in turns]


@settings(max_examples=60, deadline=None)
@given(case=text_and_turns())
def test_streamed_pieces_are_the_pieces_of_the_whole_text(
    case: tuple[str, list[tuple[int, int, int]]],
) -> None:
    text, turns = case
    data = text.encode("utf-8")
    assert character_count(data) == len(text)
    assert streamed_pieces(TextWindows(data), len(text), turns) == index_pieces(text, turns)
    assert streamed_pieces(TextWindows(data, whole=0), len(text), turns) == index_pieces(text, turns)


@settings(max_examples=60, deadline=None)
@given(text=texts, cuts=st.lists(st.integers(0, 130), max_size=8))
def test_windows_are_slices_of_the_text(text: str, cuts: list[int]) -> None:
    # decoded whole (a short text) and read through the decoder (a long one)
    for windows in (TextWindows(text.encode("utf-8")), TextWindows(text.encode("utf-8"), whole=0)):
        bounds = sorted(cuts)
        for start, end in zip(bounds[::2], bounds[1::2], strict=False):
            assert windows(start, end) == text[start:end]


def test_a_window_before_the_last_one_reads_from_the_start_again() -> None:
    for whole in (0, 1 << 20):
        windows = TextWindows("één twee 😀".encode(), whole=whole)
        assert windows(4, 8) == "twee"
        assert windows(0, 3) == "één"
        assert windows(9, 10) == "😀"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=text_and_turns(), limit=st.integers(min_value=1, max_value=60))
def test_rows_from_windows_are_the_rows_of_the_whole_text(
    case: tuple[str, list[tuple[int, int, int]]], limit: int
) -> None:
    text, turns = case
    pipeline = pipeline_for("nl")
    pieces = index_pieces(text, turns)
    whole = _rows(list(analyse(pipeline, text, pieces, limit=limit)))
    windowed = _rows(list(analyse(pipeline, TextWindows(text.encode("utf-8"), whole=0), pieces, limit=limit)))
    assert windowed == whole


@settings(max_examples=150, deadline=None)
@given(case=text_and_turns(), limit=st.sampled_from([2, 5, 50_000]))
@example(case=("a\n \nb R5: c\n\n\nd \u00a0", [(6, 10, 16)]), limit=50_000)  # paragraphs in and out of a turn
@example(case=("a\nb\n", []), limit=50_000)  # two line breaks, no paragraph break
def test_pieces_as_arrays_are_the_pieces_range_by_range(
    case: tuple[str, list[tuple[int, int, int]]], limit: int
) -> None:
    text, turns = case
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(chunks, "MAX_PIECE", limit)
        assert whole_pieces(text, turns) == index_pieces(text, turns)


def test_no_code_point_above_the_space_limit_is_space() -> None:
    assert [c for c in range(chunks.SPACE_LIMIT + 1, 0x110000) if chr(c).isspace()] == []
