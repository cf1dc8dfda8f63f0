"""Issue 19: the lookups an import makes a hundred times a source go by the children's tags first when
an element has many (:func:`coding.refi.elements.children`, :func:`~coding.refi.elements.child`), and a
text with an emoji compares its selections' names by slices (:func:`coding.refi.positions.choose_counting`);
both give exactly what the plain loops give."""

from __future__ import annotations

from xml.etree import ElementTree as ET

from hypothesis import given
from hypothesis import strategies as st

from coding.refi.elements import child, children
from coding.refi.names import local_name
from coding.refi.positions import Counting, SourceText, choose_counting, name_matches

_TAGS = st.sampled_from(
    [
        "{urn:QDA-XML:project:1.0}PlainTextSelection",
        "{urn:QDA-XML:project:0:4}PlainTextSelection",
        "PlainTextSelection",
        "{urn:QDA-XML:project:1.0}Description",
        "Description",
        "{urn:QDA-XML:project:1.0}VariableValue",
        "{a}b}NoteRef",
    ]
)
_NAMES = st.sampled_from(["PlainTextSelection", "Description", "VariableValue", "NoteRef", "Coding"])


def _element(tags: list[str], comment: bool) -> ET.Element:
    element = ET.Element("TextSource")
    for index, tag in enumerate(tags):
        ET.SubElement(element, tag, {"n": str(index)})
    if comment:
        element.insert(len(tags) // 2, ET.Comment("c"))
    return element


@given(st.lists(_TAGS, max_size=16) | st.lists(_TAGS, min_size=17, max_size=60), _NAMES, st.booleans())
def test_children_and_child_are_the_plain_loops(tags: list[str], name: str, comment: bool) -> None:
    element = _element(tags, comment)
    assert children(element, name) == [c for c in element if local_name(c.tag) == name]
    assert child(element, name) is next((c for c in element if local_name(c.tag) == name), None)


def _counting_by_loops(source: SourceText, selections: list[tuple[int, int, str | None]]) -> Counting:
    """:func:`choose_counting` as it was: every name through :meth:`SourceText.span`."""
    candidates = [Counting.STORED]
    if not source.identity:
        candidates.append(Counting.NORMALISED)
    if source.astral:
        candidates.append(Counting.UTF16)
    named = [(s, e, n) for s, e, n in selections if n and n.strip()]
    if len(candidates) == 1 or not named:
        return Counting.STORED
    scores: dict[Counting, int] = {}
    for counting in candidates:
        if counting is not Counting.STORED and scores[Counting.STORED] == len(named):
            return Counting.STORED
        score = 0
        for start, end, name in named:
            span = source.span(start, end, counting)
            if span is not None and name_matches(name, source.text[span[0] : span[1]]):
                score += 1
        scores[counting] = score
    best = max(candidates, key=lambda c: scores[c])
    return best if scores[best] > scores[Counting.STORED] else Counting.STORED


_PIECES = st.sampled_from(["Vertrouwen ", "is ", "🚀", "👍🏽", "e\u0301", "é", "\r\n", "\n", "  "])
#: As Codewerk writes a text: in its normal form, often with an emoji.
_NORMAL = st.sampled_from(["Vertrouwen ", "is ", "🚀", "é", "\n"])


@given(st.lists(_PIECES, min_size=1, max_size=20) | st.lists(_NORMAL, min_size=1, max_size=20), st.data())
def test_choose_counting_is_the_plain_loop(pieces: list[str], data: st.DataObject) -> None:
    raw = "".join(pieces)
    source = SourceText(raw)
    positions = st.integers(min_value=-1, max_value=len(raw) + 2)
    selections = []
    for _ in range(data.draw(st.integers(min_value=0, max_value=6))):
        start, end = data.draw(positions), data.draw(positions)
        how = data.draw(st.sampled_from(["stored", "utf16", "other", "none", "blank", "cut"]))
        name: str | None
        if how == "stored":
            name = raw[max(start, 0) : max(end, 0)]
        elif how == "utf16":
            units = raw.encode("utf-16-le", "surrogatepass")
            name = units[2 * max(start, 0) : 2 * max(end, 0)].decode("utf-16-le", "replace")
        elif how == "cut":
            name = raw[max(start, 0) : max(end, 0)][:6] + "…"
        else:
            name = {"other": "iets anders", "none": None, "blank": " \n"}[how]
        selections.append((start, end, name))
    assert choose_counting(source, selections) == _counting_by_loops(source, selections)
