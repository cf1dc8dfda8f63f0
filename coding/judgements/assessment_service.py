"""Judgements per group: a score from the code's scale and a justification, per region (or any attribute)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sqlalchemy import select

from coding.codebook.code_service import CodeRef
from coding.core.errors import NotFoundError
from coding.core.ids import AssessmentId, CodeId, SegmentId
from coding.core.records import AssessmentInfo
from coding.core.text import fold
from coding.documents.document_commands import attribute_key
from coding.judgements.analysis_commands import ClearAssessment, SetAssessment
from models import Assessment, AssessmentEvidence, Coder

if TYPE_CHECKING:
    from coding.project import Project


class AssessmentService:
    def __init__(self, project: Project) -> None:
        self._project = project
        self._store = project.store

    def group_value(self, attribute: str, value: str) -> str:
        """The stored spelling of ``value`` among the documents' values of ``attribute``.

        A judgement is about a group of documents; a value no document has is refused so that
        a typo (``Zwole``) does not create a column of its own.
        """
        key = attribute_key(attribute)
        values = self._project.documents.attribute_values(key)
        for known in values:
            if fold(known) == fold(value):
                return known
        listed = ", ".join(values) if values else f"no document has the attribute '{key}'"
        raise NotFoundError(f"no document has {key} = '{value}' (known: {listed})")

    def assess(
        self,
        value: str,
        code: CodeRef,
        score: str,
        *,
        by: str = "region",
        note: str = "",
        evidence: Sequence[SegmentId] | None = None,
        coder: str | None = None,
    ) -> AssessmentInfo:
        """Judge ``code`` for the group ``by = value`` (e.g. region Zwolle): ``score`` from its scale."""
        attribute = attribute_key(by)
        group = self.group_value(attribute, value)
        code_id = self._project.codes.id_of(code)
        command = SetAssessment(
            attribute, group, code_id, score, note, coder=coder or self._project.coder, evidence=evidence
        )
        assessment_id: AssessmentId = self._project.execute(command)
        return self.get(assessment_id)

    def clear(self, assessment_id: AssessmentId) -> None:
        self._project.execute(ClearAssessment(assessment_id))

    def get(self, assessment_id: AssessmentId) -> AssessmentInfo:
        for info in self.list():
            if info.id == assessment_id:
                return info
        raise NotFoundError(f"judgement {assessment_id} does not exist")

    def list(self, by: str | None = None) -> list[AssessmentInfo]:
        """All judgements (of one grouping attribute, if given) in codebook order, then group value."""
        tree = self._project.codes.tree()
        order = tree.order()
        with self._store.read() as session:
            statement = select(Assessment, Coder.name).outerjoin(Coder, Coder.id == Assessment.coder_id)
            if by is not None:
                statement = statement.where(Assessment.attribute == attribute_key(by))
            rows = session.execute(statement).all()
            evidence: dict[int, list[SegmentId]] = defaultdict(list)
            for assessment_id, segment_id in session.execute(
                select(AssessmentEvidence.assessment_id, AssessmentEvidence.segment_id)
            ):
                evidence[assessment_id].append(SegmentId(segment_id))
        infos = [
            AssessmentInfo(
                id=AssessmentId(a.id),
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
