"""Judgements per group: a score from the code's scale and a justification, per region (or any attribute)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import select

from coding.core.context import CodeRef, ProjectContext
from coding.core.errors import NotFoundError
from coding.core.i18n import text
from coding.core.ids import CodeId, JudgementId, PassageId
from coding.core.records import JudgementInfo
from coding.core.text import fold
from coding.documents.document_service import DocumentService
from coding.judgements.judgement_commands import ClearJudgement, SetJudgement
from models import Coder, Judgement, JudgementEvidence


class JudgementService:
    def __init__(self, context: ProjectContext, documents: DocumentService) -> None:
        self._context = context
        self._store = context.store
        self._documents = documents

    def group_value(self, attribute: str, value: str) -> str:
        """The stored spelling of ``value`` among the documents' values of ``attribute``.

        A judgement is about a group of documents; a value no document has is refused so that
        a typo (``Zwole``) does not create a column of its own.
        """
        key = self._documents.attribute_named(attribute)
        values = self._documents.attribute_values(key)
        for known in values:
            if fold(known) == fold(value):
                return known
        listed = ", ".join(values) if values else f"no document has the attribute '{key}'"
        raise NotFoundError(
            text("no document has {key} = '{value}' (known: {listed})", key=key, value=value, listed=listed)
        )

    def assess(
        self,
        value: str,
        code: CodeRef,
        score: str,
        *,
        by: str = "region",
        note: str = "",
        evidence: Sequence[PassageId] | None = None,
        coder: str | None = None,
    ) -> JudgementInfo:
        """Judge ``code`` for the group ``by = value`` (e.g. region Zwolle): ``score`` from its scale."""
        attribute = self._documents.attribute_named(by)
        group = self.group_value(attribute, value)
        code_id = self._context.resolve.code(code)
        command = SetJudgement(
            attribute, group, code_id, score, note, coder=coder or self._context.coder(), evidence=evidence
        )
        judgement_id: JudgementId = self._context.execute(command)
        return self.get(judgement_id)

    def clear(self, judgement_id: JudgementId) -> None:
        self._context.execute(ClearJudgement(judgement_id))

    def get(self, judgement_id: JudgementId) -> JudgementInfo:
        for info in self.list():
            if info.id == judgement_id:
                return info
        raise NotFoundError(text("judgement {judgement_id} does not exist", judgement_id=judgement_id))

    def list(self, by: str | None = None) -> list[JudgementInfo]:
        """All judgements (of one grouping attribute, if given) in codebook order, then group value."""
        tree = self._context.resolve.code_tree()
        order = tree.order()
        attribute = None if by is None else self._documents.attribute_named(by)
        with self._store.read() as session:
            statement = select(Judgement, Coder.name).outerjoin(Coder, Coder.id == Judgement.coder_id)
            if by is not None:
                statement = statement.where(Judgement.attribute == attribute)
            rows = session.execute(statement).all()
            evidence: dict[int, list[PassageId]] = defaultdict(list)
            for judgement_id, passage_id in session.execute(
                select(JudgementEvidence.judgement_id, JudgementEvidence.passage_id)
            ):
                evidence[judgement_id].append(PassageId(passage_id))
        infos = [
            JudgementInfo(
                id=JudgementId(a.id),
                attribute=a.attribute,
                value=a.value,
                code_id=CodeId(a.code_id),
                code_path=tree.get(CodeId(a.code_id)).path_text,
                score=a.score,
                justification=a.justification,
                coder=coder,
                updated_at=a.updated_at,
                evidence=tuple(sorted(evidence.get(a.id, ()))),
            )
            for a, coder in rows
        ]
        infos.sort(key=lambda i: (i.attribute, order.get(i.code_id, 0), fold(i.value)))
        return infos
