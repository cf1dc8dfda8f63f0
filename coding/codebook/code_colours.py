"""Colours for new codes: distinct ones from a palette, never the grey of an uncoloured code.

The palette is Paul Tol's colour-blind-safe “bright”, “muted” and “light” schemes (their published
hex values), ordered so that neighbours differ. A new top-level code gets the first colour no code
has yet, or, when every one is taken, the one fewest codes have.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

PALETTE: tuple[str, ...] = (
    "#4477aa", "#ee6677", "#228833", "#ccbb44", "#66ccee", "#aa3377",
    "#332288", "#44aa99", "#999933", "#cc6677", "#882255", "#117733",
    "#ddcc77", "#88ccee", "#aa4499", "#77aadd", "#ee8866", "#eedd88",
    "#ffaabb", "#99ddff", "#44bb99", "#bbcc33",
)  # fmt: skip


def next_colour(used: Iterable[str]) -> str:
    """The palette colour for a new code, given the colours the codes have now."""
    counts = Counter(colour.lower() for colour in used)
    return min(PALETTE, key=lambda colour: (counts[colour], PALETTE.index(colour)))
