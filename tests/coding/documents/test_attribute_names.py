"""A known attribute typed under another name (``regio``, ``rol``, ``datum``) is stored under the name the
project already uses, and finding that name costs one read per command, not one per name."""

from __future__ import annotations

from sqlalchemy import event

from coding import Project


def _attribute_reads(project: Project, action: object) -> list[str]:
    seen: list[str] = []

    def note(*args: object) -> None:
        statement = str(args[2])
        where = statement.partition("WHERE")[2]
        if "FROM document_attribute" in statement and "document_id" not in where:  # across documents
            seen.append(statement)

    event.listen(project.store.engine, "before_cursor_execute", note)
    try:
        action()  # type: ignore[operator]
    finally:
        event.remove(project.store.engine, "before_cursor_execute", note)
    return seen


def test_dutch_names_join_the_projects_attributes_in_one_read(coded_project: Project) -> None:
    """The project has region and role; the student types Regio, Rol, Datum and Organisatie."""
    values = {"regio": "Twente", "rol": "gemeente", "datum": "2024-03-01", "organisatie": "Hengelo"}
    document = coded_project.documents.id_of("R5_uwv_zwolle")
    reads = _attribute_reads(coded_project, lambda: coded_project.documents.set_attributes(document, values))
    attributes = coded_project.documents.get("R5_uwv_zwolle").attributes
    assert attributes == {
        "respondent": "R5",
        "region": "Twente",
        "role": "gemeente",
        "datum": "2024-03-01",  # no document has a date yet: the name typed stays
        "organisatie": "Hengelo",
    }
    # which known names the project uses, read once (it read up to nine single keys)
    assert len(reads) == 1, reads


def test_a_name_the_project_already_uses_stays(coded_project: Project) -> None:
    coded_project.documents.set_attributes("R5_uwv_zwolle", {"datum": "2024-03-01"})
    coded_project.documents.set_attributes("R5_uwv_zwolle", {"date": "2024-04-01"})  # "datum" is in use
    attributes = coded_project.documents.get("R5_uwv_zwolle").attributes
    assert attributes.get("datum") == "2024-04-01" and "date" not in attributes
