"""Commands on the interview guide: attach guide questions to codes (one undoable step)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked, text
from coding.core.ids import CodeId, DocumentId
from coding.undo.command import Command, Writer
from models import GUIDE_MATCH_STATUSES, Code, GuideMatch


@dataclass(frozen=True)
class GuideText:
    code_id: CodeId
    question: str
    prompts: tuple[str, ...]


class AttachGuide(Command):
    """Set the guide question and prompts of several codes at once."""

    def __init__(self, texts: Sequence[GuideText], source: str) -> None:
        super().__init__()
        self.texts = tuple(texts)
        self.text = text("Attach interview guide {source}", source=source)

    def plan(self, writer: Writer) -> None:
        for item in self.texts:
            row = writer.session.execute(select(Code).where(Code.id == item.code_id)).scalar_one_or_none()
            if row is None:
                raise NotFoundError(text("code {code_id} does not exist", code_id=item.code_id))
            values = {"guide_question": item.question, "guide_prompts": list(item.prompts)}
            if (
                row.guide_question != values["guide_question"]
                or list(row.guide_prompts or []) != values["guide_prompts"]
            ):
                writer.update(Code, item.code_id, values)


class DecideGuideMatch(Command):
    """Confirm (``status`` "confirmed") or clear ("cleared") that a turn asks a guide question, or forget
    the decision (``None``): one undoable step."""

    def __init__(
        self, document_id: DocumentId, start: int, end: int, question: str, status: str | None
    ) -> None:
        super().__init__()
        if status not in (*GUIDE_MATCH_STATUSES, None):
            raise InvalidInputError(
                text(
                    "status must be one of {GUIDE_MATCH_STATUSES}",
                    GUIDE_MATCH_STATUSES=", ".join(GUIDE_MATCH_STATUSES),
                )
            )
        self.document_id, self.start, self.end = document_id, start, end
        self.question, self.status = question, status
        said = {
            "confirmed": marked("Confirm guide question {question}"),
            "cleared": marked("Clear guide question {question}"),
            None: marked("Reset guide question {question}"),
        }[status]
        self.text = text(said, question=question)

    def plan(self, writer: Writer) -> None:
        row = writer.session.execute(
            select(GuideMatch).where(
                GuideMatch.document_id == self.document_id,
                GuideMatch.start == self.start,
                GuideMatch.question == self.question,
            )
        ).scalar_one_or_none()
        if row is not None:
            writer.delete(GuideMatch, "id", [row.id])
        if self.status is not None:
            writer.insert(
                GuideMatch,
                {
                    "document_id": self.document_id,
                    "start": self.start,
                    "end": self.end,
                    "question": self.question,
                    "status": self.status,
                },
            )
        writer.touch_span(self.document_id, self.start, self.end)
