"""The one place that says which characters XML can hold and how element text is escaped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from coding.core.xml_chars import escape_content, xml_text


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_escaped_text_reads_back_as_the_text_with_what_xml_cannot_hold_dropped(value: str) -> None:
    kept = xml_text(value)
    element = etree.fromstring(f"<t>{escape_content(kept)}</t>".encode("utf-8", "surrogatepass"))
    assert (element.text or "") == kept


def test_controls_non_characters_and_lone_surrogates_are_dropped_tab_and_line_ends_kept() -> None:
    assert xml_text("a\x00b\x0bc\ufffed\uffffe\ud800f\tg\nh\ri") == "abcdef\tg\nh\ri"


def test_lxml_refuses_what_xml_text_drops() -> None:
    element = etree.Element("t")
    for character in ("\x01", "\ufffe"):
        try:
            element.text = character
        except ValueError:
            continue
        raise AssertionError(f"lxml took {character!r}: the set in xml_chars is wider than XML's")
