"""The guide on the codes: shipped with rwb, imported from a guide document in one undoable step."""

from __future__ import annotations

from pathlib import Path

import pytest

from coding import Project
from coding.codebook.codebook_file import parse_codebook
from coding.core.errors import CodebookError, FileImportError

CORPUS = Path(__file__).parents[2] / "data" / "devcorpus"


def _guide(project: Project) -> dict[str, tuple[str, tuple[str, ...]]]:
    return {e.ref: (e.question, e.prompts) for e in project.guide.questions()}


def test_rwb_ships_the_guide_of_the_study(project: Project) -> None:
    guide = _guide(project)
    assert len(guide) == 27  # 11 on the concept Outcomes
    question, prompts = guide["6a"]
    assert "coördineert" in question.lower() or "coördin" in question.lower()
    assert prompts
    assert project.codes.resolve("4a").guide_question == guide["4a"][0]


def test_import_attaches_by_reference_lists_the_unplaced_and_undoes_in_one_step(project: Project) -> None:
    before = _guide(project)
    result = project.guide.import_guide(CORPUS / "guide_styles.txt")
    assert result.unplaced == ("2",)
    assert [ref for ref, _ in result.attached] == [
        "1a",
        "1b",
        "2b",
        "3a",
        "3c",
        "3d",
        "4a",
        "4b",
        "6a",
        "6b",
        "11",
    ]
    after = _guide(project)
    assert after["4b"] == ("Wordt informatie open gedeeld?", ("ook de tegenvallers?",))
    assert after["5a"] == before["5a"]  # a question the document does not have keeps its text
    project.undo()
    assert _guide(project) == before


def test_bad_guides_leave_the_project_as_it_was(project: Project, tmp_path: Path) -> None:
    before = _guide(project)
    duplicate = tmp_path / "leidraad.txt"
    duplicate.write_text("4a. Vertrouwen?\n4a. Nog eens?\n", encoding="utf-8")
    with pytest.raises(FileImportError, match=r"leidraad.txt: question 4a appears twice"):
        project.guide.import_guide(duplicate)
    unknown = tmp_path / "onbekend.txt"
    unknown.write_text("12a. Iets anders?\n", encoding="utf-8")
    with pytest.raises(FileImportError, match=r"onbekend.txt: none of its questions \(12a\)"):
        project.guide.import_guide(unknown)
    with pytest.raises(
        FileImportError, match=r"guide_styles.txt: question 2 \(line \d+\): no code has reference 2"
    ):
        project.guide.import_guide(CORPUS / "guide_styles.txt", strict=True)
    assert _guide(project) == before
    assert not project.history.can_undo


def test_codebook_guide_field_is_checked() -> None:
    base = "format: codewerk-codebook/1\ncodes:\n  - name: Vertrouwen\n    question: 4a\n"
    spec = parse_codebook(
        base + "    guide: {question: ' Vertrouwt u  hen? ', prompts: ['Waarom?']}\n", "cb.yaml"
    )
    assert (spec.codes[0].guide_question, spec.codes[0].guide_prompts) == ("Vertrouwt u hen?", ("Waarom?",))
    with pytest.raises(
        CodebookError, match=r"cb.yaml line 5: code 'Vertrouwen': guide 'prompts' must be a list"
    ):
        parse_codebook(base + "    guide: {question: 'Hoe?', prompts: 'Waarom?'}\n", "cb.yaml")
    with pytest.raises(CodebookError, match="unknown key 'vraag' in 'guide'"):
        parse_codebook(base + "    guide: {vraag: 'Hoe?'}\n", "cb.yaml")


def test_confirming_a_match_is_one_undoable_step(project: Project, tmp_path: Path) -> None:
    (tmp_path / "R8.txt").write_text(
        "I: Wie coördineert de samenwerking, bij welke organisatie?\nR8: De gemeente.\n", encoding="utf-8"
    )
    project.import_files([tmp_path / "R8.txt"])
    project.guide.decide("R8", 0, "6A", "cleared")
    assert project.guide.match().matches == ()
    project.undo()
    assert [(m.question, m.confirmed) for m in project.guide.match().matches] == [("6a", False)]
    project.redo()
    assert project.guide.match().matches == ()


def test_every_problem_of_a_guide_in_one_message_and_nothing_attached(
    project: Project, tmp_path: Path
) -> None:
    """A number twice and references no code carries: each problem named once, with its line; the
    valid questions in the same file are not attached either (strict), and nothing can be undone."""
    before = _guide(project)
    guide = tmp_path / "leidraad.txt"
    guide.write_text(
        "Thema 1: Vertrouwen\n4a. Vertrouwt u de anderen?\n4b. Wordt informatie gedeeld?\n"
        "12a. Iets anders?\n4a. Nog eens vertrouwen?\nVraag 13: En verder?\n",
        encoding="utf-8",
    )
    with pytest.raises(FileImportError) as caught:
        project.guide.import_guide(guide, strict=True)
    problems = caught.value.reason.split("; ")
    assert str(caught.value).startswith("leidraad.txt: ")
    assert problems == [
        "question 4a appears twice (lines 2 and 5)",
        "question 12a (line 4): no code has reference 12a",
        "question 13 (line 6): no code has reference 13",
    ]
    assert _guide(project) == before
    assert not project.history.can_undo


def test_empty_or_unnumbered_word_guides(project: Project, tmp_path: Path) -> None:
    import docx

    empty = tmp_path / "leeg.docx"
    docx.Document().save(str(empty))
    with pytest.raises(FileImportError, match=r"^leeg.docx: is empty$"):
        project.guide.import_guide(empty)
    prose = tmp_path / "proza.docx"
    document = docx.Document()
    document.add_heading("Leidraad", 1)
    document.add_paragraph("We beginnen met de samenstelling van het netwerk.")
    document.save(str(prose))
    with pytest.raises(FileImportError, match=r"^proza.docx: has no numbered questions"):
        project.guide.import_guide(prose)
    assert not project.history.can_undo
