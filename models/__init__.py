"""SQLAlchemy models of a Codewerk project file, and its migrations. Qt-free."""

from models.analysis import Judgement, JudgementEvidence, JudgementReview, Memo, ReviewMessage
from models.base import Base
from models.code import CODE_KINDS, Code, CodeSet, CodeSetMember
from models.document import Document, DocumentAttribute, Page, Turn
from models.guide import GUIDE_MATCH_STATUSES, GuideMatch
from models.language import (
    SUGGESTION_STATUSES,
    ContentWords,
    GuideTurnMatches,
    KeptState,
    Respondent,
    Sentence,
    Suggestion,
    Term,
    TextIndex,
    Token,
    WordBags,
)
from models.media import Media
from models.passage import REVIEW_STATUSES, Coding, Passage, Review
from models.project_meta import Coder, Setting
from models.saved_query import SavedQuery

__all__ = [
    "CODE_KINDS",
    "GUIDE_MATCH_STATUSES",
    "REVIEW_STATUSES",
    "SUGGESTION_STATUSES",
    "Base",
    "Code",
    "CodeSet",
    "CodeSetMember",
    "Coder",
    "Coding",
    "ContentWords",
    "Document",
    "DocumentAttribute",
    "GuideMatch",
    "GuideTurnMatches",
    "Judgement",
    "JudgementEvidence",
    "JudgementReview",
    "KeptState",
    "Media",
    "Memo",
    "Page",
    "Passage",
    "Respondent",
    "Review",
    "ReviewMessage",
    "SavedQuery",
    "Sentence",
    "Setting",
    "Suggestion",
    "Term",
    "TextIndex",
    "Token",
    "Turn",
    "WordBags",
]
