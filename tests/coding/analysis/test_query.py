"""Code queries: parsing (with errors that point at their place) and evaluation against brute force."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coding.analysis.query import (
    And,
    Code,
    Follows,
    Near,
    Node,
    Not,
    Or,
    QuerySyntaxError,
    codes_of,
    parse_query,
)
from coding.analysis.query_eval import evaluate


def _names(node: Node) -> object:
    """The tree with names only (positions left out), for comparing."""
    if isinstance(node, Code):
        return node.name
    if isinstance(node, Not):
        return ("NOT", _names(node.operand))
    if isinstance(node, Near):
        return ("NEAR", node.distance, _names(node.left), _names(node.right))
    if isinstance(node, Follows):
        return ("FOLLOWS", node.distance, _names(node.left), _names(node.right))
    return (type(node).__name__.upper(), _names(node.left), _names(node.right))


@pytest.mark.parametrize(
    ("query", "tree"),
    [
        (
            "Vertrouwen AND (Coördinatie OR Stabiliteit) NOT Urgentiebesef",
            ("AND", ("AND", "Vertrouwen", ("OR", "Coördinatie", "Stabiliteit")), ("NOT", "Urgentiebesef")),
        ),
        ("A OR B AND C", ("OR", "A", ("AND", "B", "C"))),
        ("NOT A OR B", ("OR", ("NOT", "A"), "B")),
        ("A AND NOT B", ("AND", "A", ("NOT", "B"))),
        ("Culturele  verschillen NEAR 2 4a", ("NEAR", 2, "Culturele verschillen", "4a")),
        ('"Doel AND middelen" FOLLOWS A', ("FOLLOWS", None, "Doel AND middelen", "A")),
        ("A FOLLOWS 3 (B OR C)", ("FOLLOWS", 3, "A", ("OR", "B", "C"))),
        ("and or not", "and or not"),  # operators are capitals; these are words of a name
    ],
)
def test_parse(query: str, tree: object) -> None:
    assert _names(parse_query(query)) == tree


@pytest.mark.parametrize(
    ("query", "position", "reason"),
    [
        ("Vertrouwen AND (Coördinatie OR ", 32, "a code name expected, not the end"),
        ("(A OR B", 8, "')' expected"),
        ("A OR B)", 7, "this ')' closes no '('"),
        ("A NEAR B", 8, "NEAR needs a number of units"),
        ("A AND OR B", 7, "a code name expected, not 'OR'"),
        ('A AND "B', 7, "a quoted name is not closed"),
        ("   ", 4, "the query is empty"),
        ("A (B)", 3, "an operator (AND, OR, NOT, NEAR, FOLLOWS) expected"),
    ],
)
def test_syntax_errors_point_at_their_position_in_one_line(query: str, position: int, reason: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse_query(query)
    assert caught.value.position + 1 == position and caught.value.reason.startswith(reason)
    message = str(caught.value)
    assert "\n" not in message and f"at position {position}:" in message and "‸" in message


def test_positive_codes_are_those_not_negated() -> None:
    node = parse_query("A AND NOT (B OR NOT C) NEAR 1 D")
    assert [c.name for c in codes_of(node)] == ["A", "B", "C", "D"]
    assert [c.name for c in codes_of(node, positive=True)] == ["A", "C"]
    assert [c.name for c in codes_of(node, positive=False)] == ["B", "D"]


# -- evaluation against brute force ----------------------------------------------------------
NAMES = ("A", "B", "C")
DOCS = (1, 2)
SIZE = 8  # units per document

leaves = st.sampled_from(NAMES).map(lambda name: Code(name, 0))


def _extend(children: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        children.map(Not),
        st.builds(And, children, children),
        st.builds(Or, children, children),
        st.builds(Near, children, children, st.integers(0, 3)),
        st.builds(Follows, children, children, st.none() | st.integers(1, 3)),
    )


queries = st.recursive(leaves, _extend, max_leaves=6)
unit_sets = st.fixed_dictionaries(
    {name: st.sets(st.tuples(st.sampled_from(DOCS), st.integers(0, SIZE - 1))) for name in NAMES}
)


def _holds(node: Node, unit: tuple[int, int], sets: dict[str, set[tuple[int, int]]]) -> bool:
    document, index = unit
    if isinstance(node, Code):
        return unit in sets[node.name]
    if isinstance(node, Not):
        return not _holds(node.operand, unit, sets)
    if isinstance(node, And):
        return _holds(node.left, unit, sets) and _holds(node.right, unit, sets)
    if isinstance(node, Or):
        return _holds(node.left, unit, sets) or _holds(node.right, unit, sets)
    others = [(document, i) for i in range(SIZE)]
    if isinstance(node, Near):
        for first, second in ((node.left, node.right), (node.right, node.left)):
            if _holds(first, unit, sets) and any(
                abs(i - index) <= node.distance and _holds(second, (document, i), sets) for _d, i in others
            ):
                return True
        return False
    limit = node.distance if node.distance is not None else SIZE
    later = _holds(node.left, unit, sets) and any(
        1 <= index - i <= limit and _holds(node.right, (document, i), sets) for _d, i in others
    )
    earlier = _holds(node.right, unit, sets) and any(
        1 <= i - index <= limit and _holds(node.left, (document, i), sets) for _d, i in others
    )
    return later or earlier


@settings(max_examples=200, deadline=None)
@given(queries, unit_sets)
def test_evaluation_matches_a_unit_by_unit_check(node: Node, sets: dict[str, set[tuple[int, int]]]) -> None:
    universe = {(d, i) for d in DOCS for i in range(SIZE)}
    found = evaluate(node, lambda code: sets[code.name], universe)
    assert found == {unit for unit in universe if _holds(node, unit, sets)}
