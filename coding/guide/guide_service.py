"""The interview guide of a project: the guide questions on the codes, importing a guide document,
and finding the guide questions in the interviewers' turns."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coding.core.context import ProjectContext
from coding.core.errors import FileImportError
from coding.core.text import fold, natural_key
from coding.guide.guide_commands import AttachGuide, GuideText
from coding.guide.guide_file import read_guide


@dataclass(frozen=True)
class GuideEntry:
    """One guide question as the project holds it: on the code with that question reference."""

    ref: str
    code: str
    question: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class GuideImport:
    """What importing a guide document did: the references attached (with their code's path) and
    the numbered questions it could not place (no code has that reference)."""

    source: str
    attached: tuple[tuple[str, str], ...]
    unplaced: tuple[str, ...]


class GuideService:
    def __init__(self, context: ProjectContext) -> None:
        self._context = context

    def questions(self) -> list[GuideEntry]:
        """Every code with a question reference and a guide question, in reference order."""
        entries = [
            GuideEntry(code.question, code.path_text, code.guide_question, code.guide_prompts)
            for code in self._context.resolve.code_tree()
            if code.question and code.guide_question
        ]
        return sorted(entries, key=lambda e: natural_key(e.ref))

    def import_guide(self, path: str | Path, *, strict: bool = False) -> GuideImport:
        """Attach each numbered question of a guide document (``.txt``/``.docx``) to the code with that
        reference, in one undoable step. With ``strict`` a question no code carries is an error and
        nothing is attached."""
        document = read_guide(path)
        by_ref = {fold(code.question): code for code in self._context.resolve.code_tree() if code.question}
        texts: list[GuideText] = []
        attached: list[tuple[str, str]] = []
        unplaced: list[str] = []
        for question in document.questions:
            code = by_ref.get(fold(question.ref))
            if code is None:
                unplaced.append(question.ref)
                continue
            texts.append(GuideText(code.id, question.question, question.prompts))
            attached.append((question.ref, code.path_text))
        if strict and unplaced:
            raise FileImportError(
                path, "; ".join(f"question {ref}: no code has reference {ref}" for ref in unplaced)
            )
        if not texts:
            raise FileImportError(
                path,
                f"none of its questions ({', '.join(unplaced)}) is the reference of a code in this project",
            )
        self._context.execute(AttachGuide(texts, document.source))
        return GuideImport(document.source, tuple(attached), tuple(unplaced))
