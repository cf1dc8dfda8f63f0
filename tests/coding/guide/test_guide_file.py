"""Reading guide documents: every numbering style, prompts, themes; every bad file one clear message."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from coding.core.errors import FileImportError
from coding.guide.guide_file import question_ref, read_guide

CORPUS = Path(__file__).parents[2] / "data" / "devcorpus"


def _as_dict(path: Path) -> dict[str, dict[str, object]]:
    return {q.ref: {"question": q.question, "prompts": list(q.prompts)} for q in read_guide(path).questions}


def test_mixed_numbering_styles_are_read_as_the_corpus_expects() -> None:
    expected = yaml.safe_load((CORPUS / "guide_styles.yaml").read_text(encoding="utf-8"))
    guide = read_guide(CORPUS / "guide_styles.txt")
    assert _as_dict(CORPUS / "guide_styles.txt") == {str(k): v for k, v in expected["questions"].items()}
    assert list(guide.themes) == expected["themes"]
    assert guide.get("4a") is not None and guide.get("4a").theme == "Vertrouwen"  # type: ignore[union-attr]


def test_the_study_guide_document_gives_the_structured_guide_and_question_11() -> None:
    expected = yaml.safe_load((CORPUS / "guide_rwb.yaml").read_text(encoding="utf-8"))
    found = _as_dict(CORPUS / "guide_rwb.txt")
    assert set(found) == set(expected) | {"11"}
    assert {ref: found[ref] for ref in expected} == expected


@pytest.mark.parametrize(
    ("line", "ref"),
    [
        ("1a. Zitten alle partijen aan tafel?", "1a"),
        ("Vraag 3: Wat is het doel?", "3"),
        ("3.c Is men het eens?", "3c"),
        ("(3d) Welke rol spelen belangen?", "3d"),
        ("4 a. Rekent u erop?", "4a"),
        ("VRAAG 6A Wie coördineert?", "6a"),
        ("6b - Onafhankelijk?", "6b"),
        ("10 minuten pauze", None),
        ("Thema 4 – Vertrouwen", None),
    ],
)
def test_question_references(line: str, ref: str | None) -> None:
    found = question_ref(line)
    assert (found[0] if found else None) == ref


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "guide.txt: is empty"),
        ("   \n\n", "guide.txt: is empty"),
        ("Thema 1: Samenstelling\nHoe gaat het?\n", "guide.txt: has no numbered questions"),
        ("1a. Eerste?\n2a. Tweede?\n1a. Nog eens?\n", "guide.txt: question 1a appears twice (lines 1 and 3)"),
    ],
)
def test_bad_guides_give_one_clear_message(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "guide.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(FileImportError) as caught:
        read_guide(path)
    assert str(caught.value).startswith(message)


def test_unreadable_files(tmp_path: Path) -> None:
    latin = tmp_path / "guide.txt"
    latin.write_bytes("1a. Hoe ervaart u de coördinatie?".encode("latin-1"))
    with pytest.raises(FileImportError, match=r"guide.txt: is not UTF-8 text"):
        read_guide(latin)
    fake = tmp_path / "guide.docx"
    fake.write_text("no zip", encoding="utf-8")
    with pytest.raises(FileImportError, match=r"guide.docx: is not a Word document"):
        read_guide(fake)
    with pytest.raises(FileImportError, match=r"guide.pdf: unsupported guide file type"):
        read_guide(tmp_path / "guide.pdf")


def test_word_guide_with_headings_and_indented_prompts(tmp_path: Path) -> None:
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_heading("Thema 4 – Vertrouwen", level=2)
    document.add_paragraph("4a. Vertrouwt u de andere partijen?")
    prompt = document.add_paragraph("Doorvragen: Kunt u een voorbeeld geven?")
    prompt.paragraph_format.left_indent = Cm(1)
    document.add_paragraph("Vraag 4b: Wordt informatie open gedeeld?")
    document.add_paragraph("ook de tegenvallers?", style="List Bullet")
    path = tmp_path / "leidraad.docx"
    document.save(str(path))
    guide = read_guide(path)
    assert guide.themes == ("Vertrouwen",)
    assert [(q.ref, q.question, q.prompts) for q in guide.questions] == [
        ("4a", "Vertrouwt u de andere partijen?", ("Kunt u een voorbeeld geven?",)),
        ("4b", "Wordt informatie open gedeeld?", ("ook de tegenvallers?",)),
    ]
