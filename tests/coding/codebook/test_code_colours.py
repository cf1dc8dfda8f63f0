"""New codes get distinct colours from a palette, not all the same grey."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from coding import Project
from coding.codebook.code_colours import PALETTE, next_colour

GREY = "#9e9e9e"


def test_new_top_level_codes_get_distinct_colours_and_subcodes_their_concepts(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.codewerk", codebook="rwb", coder="t") as project:
        before = {code.colour for code in project.codes.tree()}
        first = project.codes.create("Wantrouwen")
        second = project.codes.create("Eigenbelang")
        assert first.colour != second.colour
        assert GREY not in (first.colour, second.colour)
        assert first.colour not in before and second.colour not in before
        child = project.codes.create("Achterdocht", "Wantrouwen")
        assert child.colour == first.colour
        assert project.codes.next_colour() not in {c.colour for c in project.codes.tree()}
        chosen = project.codes.create("Eigen kleur", colour="#123456")
        assert chosen.colour == "#123456"


def test_an_empty_code_tree_starts_at_the_palettes_first_colour(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.codewerk", codebook=None, coder="t") as project:
        colours = [project.codes.create(f"Code {n}").colour for n in range(len(PALETTE) + 3)]
        assert colours[: len(PALETTE)] == list(PALETTE)  # every colour once before any repeats
        assert colours[len(PALETTE) :] == list(PALETTE[:3])


@settings(max_examples=50)
@given(st.lists(st.sampled_from([*PALETTE, GREY, "#000000"]), max_size=60))
def test_the_next_colour_is_one_of_the_least_used(used: list[str]) -> None:
    colour = next_colour(used)
    assert colour in PALETTE
    assert used.count(colour) == min(used.count(c) for c in PALETTE)
