"""A change that names the codings whose quotes it changed (``Change.quotes_changed``) names every
one of them: a list re-reading only those stays equal to a fresh listing. Followed over a run of
actions, their undo and redo; those it cannot name exactly say so (None)."""

from __future__ import annotations

from coding import Change, Project
from coding.core.ids import CodingId
from coding.core.records import Quote


class Watcher:
    """After each change: the quotes that differ from before, and what the change named."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.before = self.snapshot()
        self.named: list[frozenset[CodingId] | None] = []
        project.subscribe(self.take)

    def snapshot(self) -> dict[CodingId, Quote]:
        return {q.coding_id: q for q in self.project.quotes()}

    def take(self, change: Change) -> None:
        now = self.snapshot()
        differ = {i for i in self.before.keys() | now.keys() if self.before.get(i) != now.get(i)}
        named = change.quotes_changed()
        if named is not None:
            assert differ <= named, f"changed but not named: {sorted(differ - named)}"
        self.named.append(named)
        self.before = now


def test_every_quote_a_change_changed_is_named(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    watcher = Watcher(project)
    first = project.codings.code(document, "Stabiliteit", 10, 60)
    second = project.codings.code(document, "Urgentiebesef", 10, 60)  # the same passage
    project.codings.code(document, "Stabiliteit", 10, 60, coder="tweede")
    project.codings.set_memo(second.id, "een memo")
    project.codings.uncode(first.id)
    with project.group("two at once"):
        project.codings.code(document, "Stabiliteit", 80, 120)
        project.codings.code(document, "4a", 130, 150)
    for _ in range(6):
        project.undo()
    for _ in range(6):
        project.redo()
    assert None not in watcher.named, "coding, memos, removing and their undo and redo name their codings"
    assert watcher.named[0] == {first.id}
    count = len(watcher.named)

    # Changes that alter quotes of codings they do not write cannot name them.
    project.codings.set_span(second.passage_id, 12, 60)  # the passage's other codings move too
    project.reviews.mark(second.id, "agreed")
    project.codes.rename("Urgentiebesef", "Urgentie")
    project.undo()
    project.undo()
    project.undo()
    assert watcher.named[count:] == [None] * 6
    with project.group("a memo and a moved passage"):
        project.codings.set_memo(second.id, "anders")
        project.codings.set_span(second.passage_id, 14, 60)
    assert watcher.named[-1] is None
    project.codings.uncode(second.id)  # the last coding of its passage: the passage goes too
    project.undo()
    project.documents.delete(document)  # every quote of it goes
    project.undo()


def test_merged_changes_name_both_or_neither(coded_project: Project) -> None:
    project = coded_project
    document = project.documents.find("R5_uwv_zwolle").id
    seen: list[Change] = []
    project.subscribe(seen.append)
    one = project.codings.code(document, "Stabiliteit", 10, 60)
    two = project.codings.code(document, "4a", 70, 90)
    project.reviews.mark(two.id, "agreed")
    assert seen[0].merge(seen[1]).quotes_changed() == {one.id, two.id}
    assert seen[1].merge(seen[2]).quotes_changed() is None
