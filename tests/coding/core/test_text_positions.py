"""Code points ↔ UTF-16: the one conversion the UI uses, checked against Python's own encoding."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from coding.core.text_positions import Utf16Index

TEXTS = st.text(alphabet=st.sampled_from(["a", "é", "\n", "ë", "👍", "😀", "𝔘", "中", " "]), max_size=60)


def _utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


@given(TEXTS, st.data())
def test_to_utf16_matches_the_encoding(text: str, data: st.DataObject) -> None:
    index = Utf16Index(text)
    offset = data.draw(st.integers(0, len(text)))
    assert index.to_utf16(offset) == _utf16_len(text[:offset])
    assert index.from_utf16(index.to_utf16(offset)) == offset
    assert index.utf16_length == _utf16_len(text)


@given(TEXTS, st.data())
def test_from_utf16_snaps_inside_a_surrogate_pair_to_its_start(text: str, data: st.DataObject) -> None:
    index = Utf16Index(text)
    unit = data.draw(st.integers(0, index.utf16_length))
    offset = index.from_utf16(unit)
    assert _utf16_len(text[:offset]) <= unit < _utf16_len(text[: offset + 1]) or unit == index.utf16_length


def test_bmp_text_is_identity() -> None:
    index = Utf16Index("coördinatie")
    assert index.identity and index.to_utf16(5) == 5 and index.from_utf16(5) == 5
    emoji = Utf16Index("a👍b")
    assert not emoji.identity
    assert [emoji.to_utf16(i) for i in range(4)] == [0, 1, 3, 4]
    assert [emoji.from_utf16(u) for u in range(5)] == [0, 1, 1, 2, 3]
