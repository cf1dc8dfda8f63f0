"""Positions counted in a stored source file map onto Codewerk's normalised text."""

from __future__ import annotations

import tempfile
import unicodedata
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.core.parsed import EncodedText
from coding.core.text import normalise_text
from coding.refi.exchange import read_exchange_file
from coding.refi.positions import Counting, SourceText, choose_counting, name_matches
from coding.refi.source_reader import decode_source
from tests.coding.refi.helpers import NS, guid, write_qdpx

# Pieces a stored file is made of; selections start and end between pieces.
TOKENS = [
    "vertrouwen",
    " ",
    "\r\n",
    "\n",
    "\r",
    "e\u0301",  # decomposed é: two characters in the file, one in Codewerk
    "é",
    "\u1100\u1161\u11a8",  # Hangul jamo: three characters, one syllable after NFC
    "👍🏽",
    "🚀",
    "\x00",
    "ﬁ",  # NFC keeps compatibility ligatures
    "Å",  # U+212B ANGSTROM SIGN becomes U+00C5
    "\u0958",  # composition exclusion: stays decomposed
]


@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30), st.data())
def test_selections_on_piece_boundaries_map_to_the_same_text(pieces: list[str], data: st.DataObject) -> None:
    raw = "".join(pieces)
    source = SourceText(raw)
    assert source.text == normalise_text(raw)
    bounds = [0]
    for piece in pieces:
        bounds.append(bounds[-1] + len(piece))
    start, end = sorted(data.draw(st.lists(st.sampled_from(bounds), min_size=2, max_size=2, unique=True)))
    span = source.span(start, end)
    expected = normalise_text(raw[start:end])
    if span is None:
        assert expected == ""  # only NULs
    else:
        assert source.text[span[0] : span[1]] == expected


@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=30), st.data())
def test_any_selection_maps_inside_the_text_and_covers_what_was_selected(
    pieces: list[str], data: st.DataObject
) -> None:
    raw = "".join(pieces)
    source = SourceText(raw)
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    mapped_start, mapped_end = source.to_text(start), source.to_text(end, end=True)
    assert 0 <= mapped_start <= mapped_end <= len(source.text)
    # every letter that was selected is inside the (possibly widened) passage
    selected = unicodedata.normalize("NFD", raw[start:end])
    covered = unicodedata.normalize("NFD", source.text[mapped_start:mapped_end])
    assert all(ch in covered for ch in selected if not unicodedata.combining(ch) and ch not in "\r\n\x00")


def test_crlf_bom_and_composition_shift_positions() -> None:
    raw = "\ufeffe\u0301n\r\ntwee\r\ndrie"
    source = SourceText(raw)
    assert source.text == "én\ntwee\ndrie"
    start = raw.index("twee") - 1  # the BOM is not counted
    assert source.span(start, start + 4) == (3, 7)
    assert source.text[3:7] == "twee"


def test_an_end_between_cr_and_lf_keeps_the_line_break() -> None:
    source = SourceText("a\r\nb")
    assert source.span(0, 2) == (0, 2)  # "a\r" → "a\n"
    assert source.span(2, 4) == (1, 3)  # "\nb"


def test_selections_outside_the_text_are_refused() -> None:
    source = SourceText("kort")
    assert source.span(2, 9) is None
    assert source.span(3, 3) is None
    assert source.span(-1, 2) is None


def test_counting_is_detected_from_selection_names() -> None:
    source = SourceText("🚀🚀 x\r\nhet vertrouwen")
    stored = source.raw.index("vertrouwen")
    utf16 = len(source.raw[:stored].encode("utf-16-le")) // 2
    normalised = source.text.index("vertrouwen")
    for start, counting in (
        (stored, Counting.STORED),
        (utf16, Counting.UTF16),
        (normalised, Counting.NORMALISED),
    ):
        assert choose_counting(source, [(start, start + 10, "vertrouwen")]) is counting
    # without names the standard's counting is used
    assert choose_counting(source, [(utf16, utf16 + 10, None)]) is Counting.STORED


def test_name_matching_allows_truncated_names() -> None:
    assert name_matches("het vertrouwen…", "het vertrouwen is groot")
    assert name_matches(" het  vertrouwen ", "het\nvertrouwen")
    assert not name_matches("het", "het vertrouwen")
    assert not name_matches("", "het")


ASTRAL = ["\U0001f680", "\U00040000", "\U0010fffd", "\U000e0001"]


@given(st.lists(st.sampled_from(TOKENS + ASTRAL + ["\ufeff"]), max_size=12))
def test_characters_outside_the_bmp_are_found_in_the_utf8_bytes_as_in_the_text(pieces: list[str]) -> None:
    """Whether a text holds characters outside the BMP (then UTF-16 counting is a candidate) is told
    from the bytes it was decoded from exactly as from the text (fails with a lead byte left out)."""
    raw = "".join(pieces)
    assert SourceText(raw, raw.encode("utf-8")).astral == SourceText(raw).astral


@given(
    st.lists(st.sampled_from(TOKENS + ASTRAL), min_size=1, max_size=12),
    st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "latin-1"]),
)
@settings(max_examples=40, deadline=None)
def test_a_source_file_is_kept_as_the_utf8_of_its_normal_form(pieces: list[str], encoding: str) -> None:
    """A source read from the archive is held as the UTF-8 of its normal form — the file's own bytes
    where they are that already, else encoded again (fails when the bytes are kept for a file with
    a BOM, CRLF, a NUL or decomposed characters)."""
    raw = "".join(pieces)
    try:
        data = raw.encode(encoding)
    except UnicodeEncodeError:
        return
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="{NS}" name="p"><Sources>
<TextSource guid="{guid(20)}" name="Tekst" plainTextPath="internal://t.txt"/>
</Sources></Project>"""
    with tempfile.TemporaryDirectory() as folder:
        data_read = read_exchange_file(write_qdpx(Path(folder) / "p.qdpx", qde, {"sources/t.txt": data}))
    (source,) = data_read.sources
    expected = normalise_text(decode_source(data)[0])
    assert isinstance(source.text, EncodedText)
    assert source.text.utf8 == expected.encode("utf-8") and source.text.length == len(expected)
