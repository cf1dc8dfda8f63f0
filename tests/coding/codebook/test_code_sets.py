"""Code sets: create, rename, add and remove members, delete; every change undoable."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import InvalidInputError, NotFoundError
from tests.coding.dump import dump

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends


def test_create_add_remove_and_delete_a_code_set(project: Project) -> None:
    trust = project.codes.resolve("Vertrouwen")
    urgency = project.codes.resolve("Urgentiebesef")
    created = project.code_sets.create("Relationeel", [trust], description="relationele factoren")
    assert created.members == (trust.id,) and created.description == "relationele factoren"
    grown = project.code_sets.add("relationeel", [urgency, trust])
    assert grown.members == (trust.id, urgency.id)  # codebook order, no duplicates
    shrunk = project.code_sets.remove(created.id, [trust])
    assert shrunk.members == (urgency.id,)
    renamed = project.code_sets.update(created.id, name="Relaties")
    assert renamed.name == "Relaties" and renamed.guid == created.guid
    project.code_sets.delete("Relaties")
    assert project.code_sets.list() == []
    assert project.codes.get(urgency.id).name == "Urgentiebesef"  # codes stay


def test_code_set_changes_undo_exactly(project: Project) -> None:
    before = dump(project.path)
    code_set = project.code_sets.create("Set", ["Vertrouwen"])
    project.code_sets.add(code_set.id, ["Urgentiebesef"])
    project.code_sets.delete(code_set.id)
    for _ in range(3):
        project.undo()
    assert dump(project.path) == before


def test_deleting_a_code_removes_it_from_its_sets(project: Project) -> None:
    code = project.codes.create("Eigen")
    code_set = project.code_sets.create("Set", [code, "Vertrouwen"])
    project.codes.delete(code)
    assert project.code_sets.get(code_set.id).members == (project.codes.resolve("Vertrouwen").id,)


def test_code_set_input_is_checked(project: Project) -> None:
    project.code_sets.create("Set")
    with pytest.raises(InvalidInputError, match="already a code set"):
        project.code_sets.create(" set ")
    with pytest.raises(InvalidInputError, match="needs a name"):
        project.code_sets.create("  ")
    with pytest.raises(NotFoundError, match="unknown code set"):
        project.code_sets.add("Andere", ["Vertrouwen"])
    with pytest.raises(NotFoundError):
        project.code_sets.add("Set", [99999])
