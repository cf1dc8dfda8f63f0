"""The codebook's passage counts, made right after the tree's first paint, are announced as one
range per category (the view and its filter take in one announcement per category, not one per code:
≈ 0.1 s less at a few hundred codes with the Quotes column sized to its contents)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex

from app.codebook.code_tree_model import QUOTES
from app.shell.main_window import MainWindow
from coding.core.ids import CodeId


def test_the_first_counts_are_one_announcement_per_category_covering_every_code(
    qtbot: Any, shown: MainWindow, demo_copy: Path
) -> None:
    assert shown.open_project(demo_copy), shown.last_problem
    model = shown.codebook_dock.model
    assert model is not None and shown.workspace is not None
    announced: list[tuple[QModelIndex, QModelIndex]] = []
    model.dataChanged.connect(
        lambda top, bottom, _roles: announced.append((top, bottom)) if top.column() == QUOTES else None
    )
    concept = model.tree.roots()[0].id
    qtbot.waitUntil(lambda: model.index_of(concept, QUOTES).data() != "", timeout=5000)

    tree = model.tree
    parents = {code.parent_id for code in tree}
    assert len(announced) == len(parents) < len(tree)  # one per category, not one per code
    covered: set[CodeId] = set()
    for top, bottom in announced:
        assert top.column() == bottom.column() == QUOTES and top.parent() == bottom.parent()
        parent = model.code_at(top.parent())
        children = tree.children(parent.id if parent is not None else None)
        covered.update(code.id for code in children[top.row() : bottom.row() + 1])
    assert covered == {code.id for code in tree}
    totals = shown.workspace.project.codes.passage_counts()
    assert {c.id: model.index_of(c.id, QUOTES).data() for c in tree} == {
        c.id: str(totals.get(c.id, 0)) for c in tree
    }
