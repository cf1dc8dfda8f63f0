"""A document's attributes keep their order (a metadata sheet's columns', then new ones after them) on a
project file and on a team server alike: a server listed them A-Z (no rowid), a file in the order stored."""

from __future__ import annotations

import pytest

from coding import Project
from coding.documents.document_commands import NewDocument

#: Run against a project file and a PostgreSQL team project (issue 23).
pytestmark = pytest.mark.both_backends

SHEET = {
    "respondent": "R3",
    "regio": "Zwolle",
    "rol": "wethouder",
    "datum": "2017-06-01",
    "organisatie": "Gemeente",
}


def _keys(project: Project, name: str) -> list[str]:
    return list(project.documents.get(name).attributes)


def test_the_sheets_order_stays_and_a_new_attribute_comes_last(project: Project) -> None:
    project.documents.add(
        NewDocument(name="R3", text="R3: Goed overleg.", source_format="txt", attributes=SHEET)
    )
    assert _keys(project, "R3") == list(SHEET)  # a server said datum, organisatie, regio, respondent, rol
    project.documents.set_attributes("R3", {"aantal": "4", "rol": "voorzitter"})  # one new, one changed
    assert _keys(project, "R3") == [*SHEET, "aantal"]
    project.documents.set_attributes("R3", {"regio": ""})  # removed, then undone: back in its place
    project.undo()
    assert _keys(project, "R3") == [*SHEET, "aantal"]
    assert [list(d.attributes) for d in project.documents.list() if d.name == "R3"] == [[*SHEET, "aantal"]]


def test_a_renamed_attribute_keeps_its_place_and_undo_puts_the_old_name_back(project: Project) -> None:
    """User test: renaming an attribute (in the details) moved it to the end of the list: it was removed
    and added again under its new name."""
    project.documents.add(
        NewDocument(name="R3", text="R3: Goed overleg.", source_format="txt", attributes=SHEET)
    )
    project.documents.rename_attribute("R3", "rol", "Functie")
    renamed = ["respondent", "regio", "functie", "datum", "organisatie"]
    assert _keys(project, "R3") == renamed
    assert project.documents.get("R3").attributes["functie"] == "wethouder"
    assert project.history.undo_text == "Rename attribute"
    project.undo()
    assert project.documents.get("R3").attributes == SHEET
    assert _keys(project, "R3") == list(SHEET)
    project.redo()
    assert _keys(project, "R3") == renamed
    project.documents.set_attributes("R3", {"aantal": "4"})  # a new one still comes last
    assert _keys(project, "R3") == [*renamed, "aantal"]
