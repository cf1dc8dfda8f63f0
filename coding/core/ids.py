"""Typed identifiers: a CodeId cannot be passed where a DocumentId is expected."""

from __future__ import annotations

from typing import NewType

DocumentId = NewType("DocumentId", int)
CodeId = NewType("CodeId", int)
PassageId = NewType("PassageId", int)
CodingId = NewType("CodingId", int)
CoderId = NewType("CoderId", int)
MemoId = NewType("MemoId", int)
JudgementId = NewType("JudgementId", int)
ReviewId = NewType("ReviewId", int)
JudgementReviewId = NewType("JudgementReviewId", int)
ReviewMessageId = NewType("ReviewMessageId", int)
TurnId = NewType("TurnId", int)
CodeSetId = NewType("CodeSetId", int)
SavedQueryId = NewType("SavedQueryId", int)
