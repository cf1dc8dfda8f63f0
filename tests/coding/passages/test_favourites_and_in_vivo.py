"""Favourite codes on the number keys, and in-vivo coding in one undoable action."""

from __future__ import annotations

import pytest

from coding import Project
from coding.core.errors import InvalidInputError
from coding.passages.in_vivo import in_vivo_name


def test_favourites_survive_rename_and_reopen(coded_project: Project) -> None:
    favourites = coded_project.favourites
    assert len(favourites.list()) == 6  # the rwb codebook's own: its six heart concepts
    trust = coded_project.codes.resolve("Vertrouwen")
    urgency = coded_project.codes.resolve("Urgentiebesef")
    favourites.set([trust, urgency, trust])
    assert favourites.list() == [trust.id, urgency.id]
    assert favourites.on_key(2) == urgency.id and favourites.on_key(3) is None
    assert favourites.key_of(trust.id) == 1
    coded_project.codes.rename(trust, "Vertrouwen tussen partners")
    assert not favourites.toggle(trust.id)
    assert favourites.list() == [urgency.id]
    assert favourites.toggle(trust.id)
    path = coded_project.path
    coded_project.close()
    with Project.open(path) as reopened:
        assert reopened.favourites.list() == [urgency.id, trust.id]


def test_a_deleted_favourite_returns_with_undo(coded_project: Project) -> None:
    favourites = coded_project.favourites
    code = coded_project.codes.create("Eigen code")
    favourites.set([code])
    coded_project.codes.delete(code)
    assert favourites.list() == []
    coded_project.undo()
    assert favourites.list() == [code.id]


def test_in_vivo_names() -> None:
    assert in_vivo_name('  "Dat vertrouwen is er gewoon."  ') == "Dat vertrouwen is er gewoon"
    assert in_vivo_name("werk/privé\nbalans") == "werk-privé balans"
    long = in_vivo_name("een " * 40)
    assert len(long) <= 60 and long.endswith("…") and "  " not in long


def test_in_vivo_coding_is_one_undoable_action(coded_project: Project) -> None:
    text = coded_project.documents.text("R5_uwv_zwolle")
    start = text.index("We spreken elkaar")
    end = start + len("We spreken elkaar elke week.")
    before = len(coded_project.codes.tree())
    coding = coded_project.codings.code_in_vivo("R5_uwv_zwolle", start - 1, end + 1)
    code = coded_project.codes.get(coding.code_id)
    assert code.name == "We spreken elkaar elke week" and code.inductive and code.parent_id is None
    assert (coding.start, coding.end) == (start, end)
    coded_project.undo()
    assert len(coded_project.codes.tree()) == before
    coded_project.redo()
    assert coded_project.codes.get(coding.code_id).name == "We spreken elkaar elke week"
    # a second in-vivo coding with the same words reuses the code; the same passage twice is refused
    other = text.index("De urgentie is hoog")
    coded_project.codings.code("R5_uwv_zwolle", "Urgentiebesef", other, other + 5)
    with pytest.raises(InvalidInputError):
        coded_project.codings.code_in_vivo("R5_uwv_zwolle", start, end)
    assert len(coded_project.codes.tree()) == before + 1
