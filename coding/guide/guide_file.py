"""Interview-guide documents: numbered questions under theme headings, read from ``.txt`` or ``.docx``.

A question line starts with its reference in any of the styles researchers write (``1a.``, ``Vraag 1a:``,
``1b)``, ``2.b``, ``(3d)``, ``4 a.``, ``VRAAG 6A``, ``6b -``, ``Vraag 11:``); references are read in lower case
without punctuation (``4a``, ``11``). Indented or bulleted lines after a question are its follow-up prompts
(a leading "Doorvragen:" is dropped). ``Thema 1: Samenstelling`` starts a theme. Any other line ends the
question before it. The whole file is checked before anything is returned: every problem is named.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text as say

SUFFIXES = (".txt", ".docx")

_QUESTION = re.compile(
    r"""^\(?(?P<vraag>vraag\s*)?\(?
        (?P<number>\d{1,2})(?:\s?\.?\s?(?P<letter>[a-z])(?![a-z]))?
        \)?\s*(?P<sep>[.:)\-–—])?\s+(?P<text>\S.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
_THEME = re.compile(r"^(?:thema|theme|topic)\b\s*\d*\s*[:.\-–—]?\s*(?P<name>.*)$", re.IGNORECASE)
_BULLET = re.compile(r"^[-*•·–]\s*")
_PROBE = re.compile(r"^(?:eventueel\s+)?(?:doorvragen|doorvraag|probe|follow-up)\s*:?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class GuideQuestion:
    ref: str
    question: str
    prompts: tuple[str, ...]
    theme: str
    line: int


@dataclass(frozen=True)
class GuideDocument:
    source: str
    themes: tuple[str, ...]
    questions: tuple[GuideQuestion, ...]

    def get(self, ref: str) -> GuideQuestion | None:
        return next((q for q in self.questions if q.ref == ref), None)


@dataclass(frozen=True)
class _Line:
    number: int
    text: str
    indented: bool
    heading: bool = False


def _clean(text: str) -> str:
    return " ".join(text.split())


def question_ref(line: str) -> tuple[str, str] | None:
    """``(reference, question text)`` when ``line`` starts a numbered question."""
    match = _QUESTION.match(line.strip())
    if match is None:
        return None
    letter = match["letter"]
    if not (match["vraag"] or letter or match["sep"]):
        return None  # a bare number ("10 minuten") is no question
    if match["sep"] == "." and not letter and not match["vraag"] and match["text"][:1].islower():
        return None
    ref = f"{int(match['number'])}{(letter or '').lower()}"
    return ref, _clean(match["text"])


def parse_guide(
    lines: Sequence[_Line], source: str, references: Collection[str] | None = None
) -> GuideDocument:
    """The guide in ``lines``; every problem (a number twice, a question without text, and with
    ``references`` a number no code carries) named in one :class:`FileImportError`."""
    themes: list[str] = []
    found: list[tuple[str, str, list[str], str, int]] = []
    theme = ""
    current: list[str] | None = None
    problems: list[str] = []
    first_line: dict[str, int] = {}
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        numbered = None if line.indented and current is not None else question_ref(text)
        if numbered is not None:
            ref, question = numbered
            if ref in first_line:
                problems.append(
                    say(
                        "question {ref} appears twice (lines {first_line} and {number})",
                        ref=ref,
                        first_line=first_line[ref],
                        number=line.number,
                    )
                )
            else:
                first_line[ref] = line.number
            current = []
            found.append((ref, question, current, theme, line.number))
            continue
        theme_match = _THEME.match(text) if not line.indented else None
        if theme_match is not None and theme_match["name"].strip():
            theme = _clean(theme_match["name"])
            themes.append(theme)
            current = None
            continue
        bulleted = _BULLET.match(text) is not None
        probe = _PROBE.match(text) is not None
        if current is not None and (line.indented or bulleted or probe) and not line.heading:
            prompt = _clean(_PROBE.sub("", _BULLET.sub("", text), count=1))
            if prompt:
                current.append(prompt)
            continue
        current = None
    if not found:
        problems.append(
            say("has no numbered questions (expected lines such as '1a. …', 'Vraag 3: …' or '3.c …')")
        )
    for ref, question, _prompts, _theme, number in found:
        if not question.strip():
            problems.append(say("question {ref} on line {number} has no text", ref=ref, number=number))
    if references is not None:
        known = {r.casefold() for r in references}
        for ref, _question, _prompts, _theme, number in found:
            if ref.casefold() not in known and first_line.get(ref) == number:
                problems.append(
                    say("question {ref} (line {number}): no code has reference {ref}", ref=ref, number=number)
                )
    if problems:
        raise FileImportError(source, "; ".join(problems))
    return GuideDocument(
        source=Path(source).name,
        themes=tuple(themes),
        questions=tuple(GuideQuestion(r, q, tuple(p), t, n) for r, q, p, t, n in found),
    )


def _text_lines(path: Path) -> list[_Line]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FileImportError(path, say("cannot be read ({value})", value=exc.strerror or exc)) from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FileImportError(path, say("is not UTF-8 text")) from None
    return [
        _Line(n, line, indented=line[:1] in (" ", "\t")) for n, line in enumerate(text.splitlines(), start=1)
    ]


def _docx_lines(path: Path) -> list[_Line]:
    import zipfile
    import zlib

    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except zlib.error:  # a part's compressed data is damaged
        raise FileImportError(
            path, say("not a valid Word document (the file is damaged or not really .docx)")
        ) from None
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError):
        raise FileImportError(path, say("is not a Word document (.docx)")) from None
    except OSError as exc:
        raise FileImportError(path, say("cannot be read ({value})", value=exc.strerror or exc)) from None
    lines = []
    for n, paragraph in enumerate(document.paragraphs, start=1):
        style = (paragraph.style.name if paragraph.style is not None else "") or ""
        indent = paragraph.paragraph_format.left_indent
        indented = bool(indent and indent > 0) or "list" in style.lower() or paragraph.text[:1] in (" ", "\t")
        heading = style.lower().startswith(("heading", "kop", "title"))
        lines.append(_Line(n, paragraph.text, indented=indented and not heading, heading=heading))
    return lines


def read_guide(path: str | Path, references: Collection[str] | None = None) -> GuideDocument:
    """Read and check a guide document; :class:`FileImportError` names the file and every problem.
    With ``references`` (the codes' question references) a question no code carries is a problem too."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise FileImportError(
            path, say("unsupported guide file type (supported: {SUFFIXES})", SUFFIXES=", ".join(SUFFIXES))
        )
    if not path.exists():
        raise FileImportError(path, say("no such file"))
    lines = _docx_lines(path) if suffix == ".docx" else _text_lines(path)
    if not any(line.text.strip() for line in lines):
        raise FileImportError(path, say("is empty"))
    return parse_guide(lines, str(path), references)
