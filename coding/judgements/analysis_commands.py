"""Commands of the analysis: judgements per group, memos, and review marks on quotes."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from coding.core.coder_rows import ensure_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.ids import CodeId, CodingId, DocumentId, JudgementId, MemoId, PassageId, ReviewId
from coding.undo.command import Command, Writer
from models import REVIEW_STATUSES, Code, Coding, Judgement, JudgementEvidence, Memo, Passage, Review
from models.clock import utcnow


class SetJudgement(Command):
    """Give a code a judgement for one group (``region = Zwolle``): a score from its scale and a note."""

    def __init__(
        self,
        attribute: str,
        value: str,
        code_id: CodeId,
        score: str,
        justification: str,
        *,
        coder: str,
        evidence: Sequence[PassageId] | None = None,
    ) -> None:
        super().__init__()
        self.attribute = attribute
        self.value = value
        self.code_id = code_id
        self.score = score.strip()
        self.justification = justification.strip()
        self.coder = coder
        self.evidence = None if evidence is None else list(dict.fromkeys(evidence))
        self.text = f"Judge {value}"

    def plan(self, writer: Writer) -> JudgementId:
        session = writer.session
        code = session.execute(select(Code.name, Code.scale).where(Code.id == self.code_id)).one_or_none()
        if code is None:
            raise NotFoundError(f"code {self.code_id} does not exist")
        name, scale = code
        if scale is not None and self.score and self.score not in scale:
            raise InvalidInputError(
                f"'{self.score}' is not on the scale of '{name}' (allowed: {', '.join(scale)})"
            )
        self.text = f"Judge {name} for {self.value}"
        coder_id = ensure_coder(writer, self.coder)
        existing = session.execute(
            select(Judgement.id).where(
                Judgement.attribute == self.attribute,
                Judgement.value == self.value,
                Judgement.code_id == self.code_id,
            )
        ).scalar_one_or_none()
        values = {
            "score": self.score,
            "justification": self.justification,
            "coder_id": coder_id,
            "updated_at": utcnow(),
        }
        if existing is None:
            judgement_id = writer.insert(
                "judgement",
                {"attribute": self.attribute, "value": self.value, "code_id": self.code_id, **values},
            )
        else:
            judgement_id = existing
            writer.update("judgement", judgement_id, values)
        if self.evidence is not None:
            self._link(writer, judgement_id)
        return JudgementId(judgement_id)

    def _link(self, writer: Writer, judgement_id: int) -> None:
        assert self.evidence is not None
        found = set(writer.session.execute(select(Passage.id).where(Passage.id.in_(self.evidence))).scalars())
        missing = [s for s in self.evidence if s not in found]
        if missing:
            raise NotFoundError(f"passage {missing[0]} does not exist")
        linked = set(
            writer.session.execute(
                select(JudgementEvidence.passage_id).where(JudgementEvidence.judgement_id == judgement_id)
            ).scalars()
        )
        wanted = set(self.evidence)
        for passage_id in sorted(linked - wanted):
            writer.delete_row("judgement_evidence", {"judgement_id": judgement_id, "passage_id": passage_id})
        writer.insert_many(
            "judgement_evidence",
            ({"judgement_id": judgement_id, "passage_id": s} for s in self.evidence if s not in linked),
        )


class ClearJudgement(Command):
    text = "Clear judgement"

    def __init__(self, judgement_id: JudgementId) -> None:
        super().__init__()
        self.judgement_id = judgement_id

    def plan(self, writer: Writer) -> None:
        if writer.session.get(Judgement, self.judgement_id) is None:
            raise NotFoundError(f"judgement {self.judgement_id} does not exist")
        writer.delete("judgement", "id", [self.judgement_id])


class SaveMemo(Command):
    """Create a memo (on the project, a document or a code) or change an existing one."""

    def __init__(
        self,
        text: str,
        *,
        coder: str,
        title: str = "",
        memo_id: MemoId | None = None,
        document_id: DocumentId | None = None,
        code_id: CodeId | None = None,
    ) -> None:
        super().__init__()
        if document_id is not None and code_id is not None:
            raise InvalidInputError("a memo belongs to the project, one document or one code")
        self.body = text
        self.title = title.strip()
        self.coder = coder
        self.memo_id = memo_id
        self.document_id = document_id
        self.code_id = code_id
        self.text = "Edit memo" if memo_id is not None else "Write memo"

    def plan(self, writer: Writer) -> MemoId:
        if self.memo_id is not None:
            if writer.session.get(Memo, self.memo_id) is None:
                raise NotFoundError(f"memo {self.memo_id} does not exist")
            writer.update(
                "memo", self.memo_id, {"text": self.body, "title": self.title, "updated_at": utcnow()}
            )
            return self.memo_id
        if self.document_id is not None:
            writer.touch(self.document_id)
        coder_id = ensure_coder(writer, self.coder)
        return MemoId(
            writer.insert(
                "memo",
                {
                    "document_id": self.document_id,
                    "code_id": self.code_id,
                    "coder_id": coder_id,
                    "title": self.title,
                    "text": self.body,
                },
            )
        )


class DeleteMemo(Command):
    text = "Delete memo"

    def __init__(self, memo_id: MemoId) -> None:
        super().__init__()
        self.memo_id = memo_id

    def plan(self, writer: Writer) -> None:
        if writer.session.get(Memo, self.memo_id) is None:
            raise NotFoundError(f"memo {self.memo_id} does not exist")
        writer.delete("memo", "id", [self.memo_id])


class SetReview(Command):
    """A reviewer marks a quote agreed / question / disagree with a comment (``status=None`` clears it)."""

    def __init__(self, coding_id: CodingId, status: str | None, comment: str = "", *, reviewer: str) -> None:
        super().__init__()
        if status is not None and status not in REVIEW_STATUSES:
            raise InvalidInputError(f"review status must be one of {', '.join(REVIEW_STATUSES)}")
        self.coding_id = coding_id
        self.status = status
        self.comment = comment.strip()
        self.reviewer = reviewer
        self.text = "Review quote" if status else "Clear review"

    def plan(self, writer: Writer) -> ReviewId | None:
        session = writer.session
        document_id = session.execute(
            select(Passage.document_id)
            .join(Coding, Coding.passage_id == Passage.id)
            .where(Coding.id == self.coding_id)
        ).scalar_one_or_none()
        if document_id is None:
            raise NotFoundError(f"coding {self.coding_id} does not exist")
        coder_id = ensure_coder(writer, self.reviewer)
        existing = session.execute(
            select(Review.id).where(Review.coding_id == self.coding_id, Review.coder_id == coder_id)
        ).scalar_one_or_none()
        writer.touch(DocumentId(document_id))
        if self.status is None:
            if existing is not None:
                writer.delete("review", "id", [existing])
            return None
        values = {"status": self.status, "comment": self.comment, "updated_at": utcnow()}
        if existing is None:
            return ReviewId(
                writer.insert("review", {"coding_id": self.coding_id, "coder_id": coder_id, **values})
            )
        writer.update("review", existing, values)
        return ReviewId(existing)
