"""Commands on the interview guide: attach guide questions to codes (one undoable step)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from coding.core.errors import NotFoundError
from coding.core.ids import CodeId
from coding.undo.command import Command, Writer
from models import Code


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
        self.text = f"Attach interview guide {source}"

    def plan(self, writer: Writer) -> None:
        for item in self.texts:
            row = writer.session.execute(select(Code).where(Code.id == item.code_id)).scalar_one_or_none()
            if row is None:
                raise NotFoundError(f"code {item.code_id} does not exist")
            values = {"guide_question": item.question, "guide_prompts": list(item.prompts)}
            if (
                row.guide_question != values["guide_question"]
                or list(row.guide_prompts or []) != values["guide_prompts"]
            ):
                writer.update(Code, item.code_id, values)
