"""Snapping selections to sentences, speaker turns and words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding import Project
from coding.passages.snapping import (
    end_earlier,
    end_later,
    sentence_span,
    start_earlier,
    start_later,
    turn_span,
    whole_words,
    word_end,
    word_start,
)

TEXT = (
    "Interview R5\n"
    "[00:00:05] I: Hoe gaat het? Goed.\n"
    "[00:00:12] R5: Eerlijk gezegd vertrouw ik ze. We spreken elkaar elke week!\n"
    "Soms twijfelt één wethouder… Dan bellen we 👍 gewoon\n"
    "[00:01:40] I: En de urgentie?\n"
)


def test_sentence_snap_extends_to_whole_sentences_without_the_speaker_label(coded_project: Project) -> None:
    turns = coded_project.documents.turns("R5_uwv_zwolle")
    text = coded_project.documents.text("R5_uwv_zwolle")
    inside = text.index("vertrouw ik")
    start, end = sentence_span(text, inside, inside + 5, turns)
    assert text[start:end] == "Eerlijk gezegd vertrouw ik de andere partijen volledig."
    label = text.index("[00:00:12]")
    start, end = sentence_span(text, label + 2, inside, turns)
    assert text[start:end].startswith("Eerlijk gezegd")


def test_sentence_snap_stops_at_ellipsis_and_line_end() -> None:
    s = TEXT.index("twijfelt")
    start, end = sentence_span(TEXT, s, s + 3)
    assert TEXT[start:end] == "Soms twijfelt één wethouder…"
    s = TEXT.index("bellen")
    start, end = sentence_span(TEXT, s, s + 1)
    assert TEXT[start:end] == "Dan bellen we 👍 gewoon"
    start, end = sentence_span(TEXT, TEXT.index("twijfelt"), TEXT.index("bellen"))
    assert TEXT[start:end] == "Soms twijfelt één wethouder… Dan bellen we 👍 gewoon"


def test_turn_snap_takes_the_whole_turn_body(coded_project: Project) -> None:
    turns = coded_project.documents.turns("R5_uwv_zwolle")
    text = coded_project.documents.text("R5_uwv_zwolle")
    inside = text.index("coördinatie")
    start, end = turn_span(text, inside, inside + 3, turns)
    assert text[start:end].startswith("Eerlijk gezegd vertrouw ik")
    assert text[start:end].endswith("de coördinatie is goed. 👍")
    header = turn_span(text, 3, 5, turns)
    assert text[header[0] : header[1]] == "Interview R5 – UWV, regio Zwolle"


def test_word_nudges() -> None:
    text = "een twee  drie vier"
    assert end_later(text, 0, 3) == 8
    assert end_later(text, 0, 5) == 8  # inside a word: to its end
    assert end_earlier(text, 0, 14) == 8
    assert end_earlier(text, 4, 8) == 8  # cannot pass the start
    assert start_earlier(text, 10, 14) == 4
    assert start_later(text, 4, 14) == 10
    assert start_later(text, 10, 14) == 10


@given(st.text(alphabet="ab .!?\n👍…", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_snaps_stay_inside_the_text_and_cover_the_selection(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    s, e = sentence_span(text, start, end)
    assert 0 <= s <= e <= len(text)
    if text[start:end].strip() and (s, e) != (start, end):
        assert s <= start + (len(text[start:end]) - len(text[start:end].lstrip()))
        assert e >= end - (len(text[start:end]) - len(text[start:end].rstrip()))
    if start < end:
        assert start <= end_later(text, start, end) <= len(text)
        assert start < end_earlier(text, start, end) <= end
        assert 0 <= start_earlier(text, start, end) <= start
        assert start <= start_later(text, start, end) < end or start_later(text, start, end) == start


def test_word_edges() -> None:
    text = "een twee  drie"
    assert [word_start(text, p) for p in (0, 2, 3, 4, 6, 9, 14)] == [0, 0, 3, 4, 4, 9, 14]
    assert [word_end(text, p) for p in (0, 2, 3, 4, 6, 9, 14)] == [0, 3, 3, 4, 8, 9, 14]


def test_whole_words_widens_only_edges_inside_a_word() -> None:
    text = "R8: Ik denk: het moet, dus we doen mee."
    denk, moet = text.index("denk"), text.index("moet")
    assert whole_words(text, denk + 2, moet + 2) == (denk, moet + 4)  # "de|nk" … "mo|et"
    assert whole_words(text, denk, moet + 4) == (denk, moet + 4)  # "moet" before "," stays without it
    assert whole_words(text, denk - 1, len(text) - 1) == (denk - 1, len(text) - 1)  # "mee" before "."
    assert whole_words(text, 0, len(text)) == (0, len(text))


@given(st.text(alphabet="ab .!?\n👍…é", max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_whole_words_covers_the_selection_and_ends_between_words(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    s, e = whole_words(text, start, end)
    assert 0 <= s <= start <= end <= e <= len(text)
    for edge in (s, e):
        assert not 0 < edge < len(text) or not (text[edge - 1].isalnum() and text[edge].isalnum())
