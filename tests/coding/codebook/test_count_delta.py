"""Counts kept up to date from what a change lists (``Change.coding_delta``) equal a fresh count.

The codebook and the Documents dock adjust their counts by the codings a change added and took
away instead of counting the whole project again; these tests follow a run of actions (coding,
a second code of the same subtree on the same passage, another coder, removing, a group, undo,
redo, deleting a code) and compare the adjusted counts with a fresh count after every step.
"""

from __future__ import annotations

from collections import Counter

import pytest

from coding import Aspect, Change, Project
from coding.core.ids import CodeId, DocumentId
from coding.undo import delta


class Tally:
    """What a view keeps: counts per code (direct and per subtree) and per document."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.recount()
        self.unknown = 0
        project.subscribe(self.take)

    def recount(self) -> None:
        codes = self.project.codes
        self.direct = Counter(codes.counts())
        self.totals = Counter(codes.passage_counts())
        self.documents = Counter({d.id: d.coding_count or 0 for d in self.project.documents.list()})

    def take(self, change: Change) -> None:
        coded = change.coding_delta()
        if change.touches(Aspect.CODES):  # the tree itself changed: the codebook reads it again
            self.recount()
            return
        if coded is None:
            self.unknown += 1
            self.recount()
            return
        if not coded:
            return
        direct, totals = self.project.codes.count_delta(coded)
        self.direct.update(direct)
        self.totals.update(totals)
        for _code, _passage, document, sign in coded:
            self.documents[document] += sign

    def check(self) -> None:
        codes = self.project.codes
        fresh = Tally.__new__(Tally)
        fresh.project = self.project
        fresh.recount()
        assert +self.direct == +Counter(codes.counts())
        assert {c: n for c, n in self.totals.items() if n} == {c: n for c, n in fresh.totals.items() if n}
        assert +self.documents == +fresh.documents


def _subtree(project: Project) -> tuple[CodeId, CodeId, CodeId]:
    """A code with two codable children: (parent, child, other child)."""
    tree = project.codes.tree()
    for code in tree:
        children = [c for c in tree.children(code.id) if c.codable]
        if len(children) >= 2:
            return code.id, children[0].id, children[1].id
    raise AssertionError("the rwb codebook has a code with two subcodes")


def test_counts_adjusted_by_each_change_equal_a_fresh_count(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    parent, child, sibling = _subtree(project)
    tally = Tally(project)

    first = project.codings.code(document, child, 10, 60)
    tally.check()
    assert tally.totals[parent] == project.codes.passage_counts()[parent]
    project.codings.code(document, sibling, 10, 60)  # the same passage, same subtree: counted once
    tally.check()
    project.codings.code(document, child, 10, 60, coder="tweede")  # another coder, same passage
    tally.check()
    project.codings.uncode(first.id)
    tally.check()
    with project.group("two at once"):
        project.codings.code(document, child, 80, 120)
        project.codings.code(document, parent, 130, 150)
    tally.check()
    for _ in range(4):
        project.undo()
        tally.check()
    for _ in range(4):
        project.redo()
        tally.check()
    assert tally.unknown == 0, "every step above lists its codings"
    project.codes.delete(sibling)
    tally.check()
    project.undo()
    tally.check()
    project.documents.delete(document)  # its codings go with it, listed
    assert tally.documents[document] == 0
    tally.check()
    project.undo()
    tally.check()
    assert tally.unknown == 0


def test_a_change_of_more_codings_than_listed_is_counted_afresh(
    coded_project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    monkeypatch.setattr(delta, "MAX_CODED", 2)
    tally = Tally(project)
    project.codings.code_many([(document, "Stabiliteit", s, s + 20) for s in (10, 40, 70)])
    assert tally.unknown == 1  # too many to list: counted afresh
    tally.check()
    project.undo()
    assert tally.unknown == 2
    tally.check()


def test_merged_changes_list_both(coded_project: Project) -> None:
    project = coded_project
    document: DocumentId = project.documents.find("R5_uwv_zwolle").id
    seen: list[Change] = []
    project.subscribe(seen.append)
    coding = project.codings.code(document, "Stabiliteit", 40, 60)
    project.undo()
    merged = seen[0].merge(seen[1])
    delta = merged.coding_delta()
    assert delta is not None and [sign for *_rest, sign in delta] == [1, -1]
    assert {(code, document) for code, _p, document, _s in delta} == {(coding.code_id, document)}
