"""Suggestions in a project none of whose documents has speaker turns (notes, a plain text without labels)."""

from __future__ import annotations

from pathlib import Path

from coding import Project

NOTES = (
    "Dit is een tekst zonder beurten. Het vertrouwen 🎉 tussen de partijen groeit langzaam.\n"
    "De cijfers gaan gewoon op tafel. Informatie wordt open gedeeld, zei men.\n"
    "We komen onze afspraken na. Dat is belangrijk voor de samenwerking.\n"
)


def test_a_project_without_turns_gets_the_sentences_of_its_search_terms(
    project: Project, tmp_path: Path
) -> None:
    """Every sentence of a document without turns is an answer; before, a corpus with no turns at all
    raised IndexError in the search terms' source (its turns' arrays empty)."""
    notes = tmp_path / "notes.txt"
    notes.write_text(NOTES, encoding="utf-8")
    project.import_files([notes])
    assert not project.documents.turns("notes")
    items = project.assist.suggestions.refresh()
    text = project.documents.text("notes")
    found = [s for s in items if s.text.startswith("De cijfers gaan gewoon op tafel.")]
    assert found and all(s.text == text[s.start : s.end] for s in items)
    assert all("terms" in s.sources for s in found)
