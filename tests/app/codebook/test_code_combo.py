"""The code combo box names a code by its name, and by parent › name where the name is not unique."""

from __future__ import annotations

from app.codebook.code_combo import CodeComboBox
from coding.core.ids import CodeId
from coding.core.records import CodeInfo, CodeTree


def _code(code_id: int, path: tuple[str, ...], parent: int | None, question: str | None = None) -> CodeInfo:
    return CodeInfo(
        id=CodeId(code_id),
        parent_id=CodeId(parent) if parent is not None else None,
        name=path[-1],
        label="",
        path=path,
        description="",
        colour="#336699",
        question=question,
        kind="theme",
        category="",
        scale=None,
        search_terms=(),
        inductive=False,
        position=code_id,
        guid=f"g{code_id}",
    )


def test_names_repeated_in_the_tree_show_their_parent(qtbot) -> None:  # type: ignore[no-untyped-def]
    tree = CodeTree.build(
        [
            _code(1, ("Vertrouwen",), None),
            _code(2, ("Vertrouwen", "Overig"), 1, question="4c"),
            _code(3, ("Urgentie",), None),
            _code(4, ("Urgentie", "Overig"), 3),
            _code(5, ("Urgentie", "Noodzaak"), 3),
        ]
    )
    combo = CodeComboBox(any_label="(any code)")
    qtbot.addWidget(combo)
    combo.set_tree(tree)
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "(any code)",
        "Vertrouwen",
        "Vertrouwen › Overig (4c)",
        "Urgentie",
        "Urgentie › Overig",
        "Noodzaak",
    ]
    combo.set_code(CodeId(4))
    combo.set_tree(tree)
    assert combo.code_id() == CodeId(4)
