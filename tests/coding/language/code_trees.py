"""A small code tree for the suggestion engine's array tests (subcodes preferred, passages coded with a
code or its subcodes): one place instead of a copy per test module."""

from __future__ import annotations

from coding.core.ids import CodeId
from coding.core.records import CodeInfo, CodeTree


def code_info(code: int, parent: int | None) -> CodeInfo:
    """Code ``code`` (named ``c<code>``, ranked by its number) under ``parent``."""
    return CodeInfo(
        CodeId(code),
        None if parent is None else CodeId(parent),
        f"c{code}",
        "",
        (f"c{code}",),
        "",
        "#000000",
        None,
        "",
        "",
        None,
        (),
        False,
        code,
        f"g{code}",
    )


#: 1 ⊃ 2 ⊃ 3, 1 ⊃ 4, 5 alone; 6 is not in the tree.
TREE = CodeTree.build(
    [code_info(1, None), code_info(2, 1), code_info(3, 2), code_info(4, 1), code_info(5, None)]
)
