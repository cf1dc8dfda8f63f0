"""Co-occurrence counts against a brute-force count over random codings and units."""

from __future__ import annotations

from itertools import combinations, pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from coding.analysis.counting import c_coefficient, merged, mixed_runs, tally_overlap, tally_units
from coding.analysis.units import UnitSpans, paragraphs, turn_units

CODES = ("A", "B", "C", "D")
DOCUMENTS = (1, 2, 3)
LENGTH = 60


def _span(draw: st.DrawFn) -> tuple[int, int]:
    start = draw(st.integers(0, LENGTH - 1))
    return start, draw(st.integers(start + 1, LENGTH))


@st.composite
def codings(draw: st.DrawFn) -> list[tuple[str, int, int, int]]:
    out = []
    for _ in range(draw(st.integers(0, 18))):
        start, end = _span(draw)
        out.append((draw(st.sampled_from(CODES)), draw(st.sampled_from(DOCUMENTS)), start, end))
    return out


@st.composite
def units(draw: st.DrawFn) -> dict[int, UnitSpans]:
    """Non-overlapping units with gaps between them (text no unit covers)."""
    out = {}
    for document in DOCUMENTS:
        cuts = sorted(draw(st.sets(st.integers(0, LENGTH), max_size=12)))
        spans = [(a, b) for a, b in pairwise(cuts) if draw(st.booleans())]
        out[document] = UnitSpans.of(spans)
    return out


groups = st.fixed_dictionaries({d: st.sampled_from(("x", "y")) for d in DOCUMENTS})


def _touches(span: tuple[int, int], start: int, end: int) -> bool:
    return max(span[0], start) < min(span[1], end)


@settings(max_examples=150, deadline=None)
@given(codings(), units(), groups)
def test_unit_counts_match_brute_force(applied, spans, group_of) -> None:  # type: ignore[no-untyped-def]
    tally = tally_units(applied, spans, group_of, CODES)
    for group in ("x", "y"):
        applies: dict[str, set[tuple[int, int]]] = {code: set() for code in CODES}
        for document, doc_units in spans.items():
            if group_of[document] != group:
                continue
            for index in range(len(doc_units)):
                span = doc_units.span(index)
                for code, doc, start, end in applied:
                    if doc == document and _touches(span, start, end):
                        applies[code].add((document, index))
        for a in CODES:
            assert tally.count(group, a, a) == len(applies[a])
        for a, b in combinations(CODES, 2):
            both = len(applies[a] & applies[b])
            assert tally.count(group, a, b) == tally.count(group, b, a) == both
            n1, n2 = len(applies[a]), len(applies[b])
            expected = both / len(applies[a] | applies[b]) if applies[a] | applies[b] else 0.0
            assert abs(c_coefficient(both, n1, n2) - expected) < 1e-12


def _components(spans: list[tuple[int, int, str]]) -> list[set[str]]:
    """Connected components of the overlap graph, by brute force (union–find)."""
    parent = list(range(len(spans)))

    def find(i: int) -> int:
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in combinations(range(len(spans)), 2):
        if _touches(spans[i][:2], spans[j][0], spans[j][1]):
            parent[find(i)] = find(j)
    out: dict[int, set[str]] = {}
    for i, span in enumerate(spans):
        out.setdefault(find(i), set()).add(span[2])
    return list(out.values())


@settings(max_examples=150, deadline=None)
@given(codings(), groups)
def test_overlap_counts_match_brute_force(applied, group_of) -> None:  # type: ignore[no-untyped-def]
    tally = tally_overlap(applied, group_of, CODES)
    for group in ("x", "y"):
        in_group = [(c, d, s, e) for c, d, s, e in applied if group_of[d] == group]
        for a in CODES:
            own = sum(
                len(_components([(s, e, c) for c, d, s, e in in_group if c == a and d == document]))
                for document in DOCUMENTS
            )
            assert tally.count(group, a, a) == own
        for a, b in combinations(CODES, 2):
            both = 0
            for document in DOCUMENTS:
                spans = [(s, e, c) for c, d, s, e in in_group if d == document and c in (a, b)]
                both += sum(1 for kinds in _components(spans) if kinds == {a, b})
            assert tally.count(group, a, b) == both
            assert both <= min(tally.count(group, a, a), tally.count(group, b, b))


def test_a_pair_counts_once_per_unit_and_touching_is_not_overlapping() -> None:
    spans = {1: UnitSpans.of([(0, 10), (10, 20)])}
    applied = [("A", 1, 0, 5), ("A", 1, 6, 9), ("B", 1, 2, 12)]
    tally = tally_units(applied, spans, {1: None}, CODES)
    assert tally.count(None, "A", "B") == 1 and tally.count(None, "B", "B") == 2
    assert merged([(0, 5), (5, 8), (7, 9)]) == [(0, 5), (5, 9)]
    assert mixed_runs([(0, 5)], [(5, 8)]) == []
    assert mixed_runs([(0, 5), (10, 12)], [(4, 11)]) == [(0, 12)]


def test_turn_units_cover_turns_and_the_paragraphs_outside_them() -> None:
    text = "Kop\n\nInleiding\nloopt door\n\nI: vraag\nR: antwoord\n"
    first = text.index("I:")
    second = text.index("R:")
    units = turn_units([(first, second - 1), (second, len(text) - 1)], text)
    assert [text[s:e] for s, e in zip(units.starts, units.ends, strict=True)] == [
        "Kop",
        "Inleiding\nloopt door",
        "I: vraag",
        "R: antwoord",
    ]
    assert paragraphs("  \n\n  ", 0, 6) == []
    assert list(units.touched(0, 1)) == [0] and list(units.touched(3, 5)) == []
