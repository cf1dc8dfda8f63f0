"""Which coder's codings to show: mine, the other coders', all, or the consensus layer (Qt-free).

The transcript's highlights and stripes and the Quotes panel filter by the same rule, so that
"mine" means the same everywhere: the codings of the coder now at work.
"""

from __future__ import annotations

from dataclasses import replace

from coding.core.coder_rows import CONSENSUS
from coding.core.records import PassageInfo

#: Layer names with what the window calls them.
LAYERS = {"all": "All coders", "mine": "Mine", "others": "Other coders", "consensus": "Consensus"}


def in_layer(coder: str | None, layer: str, me: str) -> bool:
    if layer == "mine":
        return coder == me
    if layer == "others":
        return coder not in (me, CONSENSUS)
    if layer == "consensus":
        return coder == CONSENSUS
    return True


def passages_in_layer(passages: list[PassageInfo], layer: str, me: str) -> list[PassageInfo]:
    """The passages with only the codings of ``layer`` (passages left without any are dropped)."""
    if layer == "all":
        return passages
    out = []
    for passage in passages:
        codings = tuple(a for a in passage.codings if in_layer(a.coder, layer, me))
        if codings:
            out.append(passage if len(codings) == len(passage.codings) else replace(passage, codings=codings))
    return out
