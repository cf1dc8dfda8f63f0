"""Commands of the judgement grid: a score and a justification per code per group value."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select

from coding.core.coder_rows import ensure_coder
from coding.core.errors import InvalidInputError, NotFoundError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.ids import CodeId, JudgementId, PassageId
from coding.undo.command import Command, Writer
from models import Code, Judgement, JudgementEvidence, Passage
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
        self.text = say("Judge {value}", value=value)

    def plan(self, writer: Writer) -> JudgementId:
        session = writer.session
        code = session.execute(select(Code.name, Code.scale).where(Code.id == self.code_id)).one_or_none()
        if code is None:
            raise NotFoundError(say("code {code_id} does not exist", code_id=self.code_id))
        name, scale = code
        if scale is not None and self.score and self.score not in scale:
            raise InvalidInputError(
                say(
                    "'{score}' is not on the scale of '{name}' (allowed: {scale})",
                    score=self.score,
                    name=name,
                    scale=", ".join(scale),
                )
            )
        self.text = say("Judge {name} for {value}", name=name, value=self.value)
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
                Judgement,
                {"attribute": self.attribute, "value": self.value, "code_id": self.code_id, **values},
            )
        else:
            judgement_id = existing
            writer.update(Judgement, judgement_id, values)
        if self.evidence is not None:
            self._link(writer, judgement_id)
        return JudgementId(judgement_id)

    def _link(self, writer: Writer, judgement_id: int) -> None:
        assert self.evidence is not None
        found = set(writer.session.execute(select(Passage.id).where(Passage.id.in_(self.evidence))).scalars())
        missing = [s for s in self.evidence if s not in found]
        if missing:
            raise NotFoundError(say("passage {missing} does not exist", missing=missing[0]))
        linked = set(
            writer.session.execute(
                select(JudgementEvidence.passage_id).where(JudgementEvidence.judgement_id == judgement_id)
            ).scalars()
        )
        wanted = set(self.evidence)
        for passage_id in sorted(linked - wanted):
            writer.delete_row(JudgementEvidence, {"judgement_id": judgement_id, "passage_id": passage_id})
        writer.insert_many(
            JudgementEvidence,
            ({"judgement_id": judgement_id, "passage_id": s} for s in self.evidence if s not in linked),
        )


class ClearJudgement(Command):
    text = marked("Clear judgement")

    def __init__(self, judgement_id: JudgementId) -> None:
        super().__init__()
        self.judgement_id = judgement_id

    def plan(self, writer: Writer) -> None:
        if writer.session.get(Judgement, self.judgement_id) is None:
            raise NotFoundError(
                say("judgement {judgement_id} does not exist", judgement_id=self.judgement_id)
            )
        writer.delete(Judgement, "id", [self.judgement_id])
