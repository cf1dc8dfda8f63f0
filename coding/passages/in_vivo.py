"""In-vivo coding: a new inductive code named after the coded passage's own words, in one action."""

from __future__ import annotations

from coding.codebook.code_commands import CreateCode, sibling_codes
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodingId, DocumentId
from coding.core.text import fold, trim_span
from coding.documents.document_commands import document_text
from coding.passages.coding_commands import ApplyCoding, check_span
from coding.undo.command import Writer
from coding.undo.group import Group

MAX_NAME = 60
_STRIP = " \t\n\"'“”‘’„«»()[]{}.,;:!?…-–—"


def in_vivo_name(passage: str, limit: int = MAX_NAME) -> str:
    """A code name from a passage: one line, without surrounding quotes and punctuation, at most
    ``limit`` characters (cut at a word, marked with …), and without ``/`` (it separates paths)."""
    flat = " ".join(passage.split()).replace("/", "-")
    name = flat.strip(_STRIP) or flat.strip() or "in vivo"
    if len(name) > limit:
        cut = name[: limit - 1]
        if " " in cut:
            cut = cut[: cut.rfind(" ")]
        name = cut.rstrip(_STRIP) + "…"
    return name


class CodeInVivo(Group):
    """Create (or reuse) the inductive top-level code named after ``text[start:end]`` and code the
    passage with it: a group of the two commands."""

    def __init__(
        self,
        document_id: DocumentId,
        start: int,
        end: int,
        *,
        coder: str,
    ) -> None:
        super().__init__(marked("In-vivo code"))
        self.document_id = document_id
        self.span = (start, end)
        self.coder = coder

    def plan(self, writer: Writer) -> CodingId:  # type: ignore[override]
        text = document_text(writer, self.document_id)
        start, end = self.span
        check_span(text, start, end)
        start, end = trim_span(text, start, end)
        name = in_vivo_name(text[start:end])
        existing = sibling_codes(writer, None).get(fold(name))
        if existing is not None:
            code_id = existing[0]
        else:
            code_id = self.add(writer, CreateCode(None, name, inductive=True))
        self.text = say("In-vivo code {name}", name=name)
        coding_id: CodingId = self.add(
            writer, ApplyCoding(self.document_id, code_id, start, end, coder=self.coder, trim=False)
        )
        return coding_id
