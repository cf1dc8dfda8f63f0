"""The Word export: ``kind="quotes"`` (quotes per concept, the default; ``without_interviewer`` quotes
only the respondents' words) or ``kind="transcript"`` (one coded document, ``document=`` its name)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coding.core.context import CodeRef, DocumentRef
from coding.core.errors import InvalidInputError
from coding.core.i18n import text
from coding.exporting.docx_quotes import write_quotes_per_concept
from coding.exporting.docx_transcript import write_coded_transcript
from coding.exporting.options import reject_unknown

if TYPE_CHECKING:
    from coding.project import Project

WORD_KINDS = ("quotes", "transcript")


def write_docx(
    project: Project,
    path: Path,
    *,
    by: str = "region",
    kind: str | None = "quotes",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    include_reviews: bool | None = None,
    document: DocumentRef | None = None,
    without_interviewer: bool | None = None,
    include_memos: bool | None = None,
    coder: str | None = None,
    include_analysis: bool | None = None,
    **other: Any,
) -> None:
    """``include_memos``: the code memos under each concept and the document memos at the end (quotes),
    the document's memos after the legend (transcript). ``include_analysis`` (quotes): a last section
    with the concepts' co-occurrence, the concepts × groups matrix and the saved queries' quotes."""
    kind = kind or "quotes"
    if kind not in WORD_KINDS:
        raise InvalidInputError(
            text(
                "{name}: a Word export is one of {WORD_KINDS}, not '{kind}'",
                name=path.name,
                WORD_KINDS=", ".join(WORD_KINDS),
                kind=kind,
            )
        )
    if kind == "transcript":
        reject_unknown(
            "coded-transcript",
            {
                **other,
                "groups": groups,
                "without_interviewer": without_interviewer,
                "coder": coder,
                "include_analysis": include_analysis,
            },
        )
        if document is None:
            raise InvalidInputError(text("a coded transcript needs the document to export (document=NAME)"))
        write_coded_transcript(
            project,
            path,
            document=document,
            codes=codes,
            include_reviews=bool(include_reviews),
            include_memos=bool(include_memos),
        )
        return
    reject_unknown("quotes-per-concept", {**other, "document": document})
    write_quotes_per_concept(
        project,
        path,
        by=by,
        codes=codes,
        groups=groups,
        include_reviews=bool(include_reviews),
        without_interviewer=bool(without_interviewer),
        include_memos=bool(include_memos),
        coder=coder,
        include_analysis=bool(include_analysis),
    )
