"""SQLAlchemy models of a Codewerk project file, and its migrations. Qt-free."""

from models.analysis import Assessment, AssessmentEvidence, Memo
from models.base import Base
from models.code import CODE_KINDS, Code, CodeSet, CodeSetMember
from models.document import Document, DocumentAttribute, Page, Turn
from models.language import SUGGESTION_STATUSES, Respondent, Sentence, Suggestion, Term, TextIndex, Token
from models.project_meta import Coder, Setting
from models.segment import REVIEW_STATUSES, Coding, Review, Segment

__all__ = [
    "CODE_KINDS",
    "REVIEW_STATUSES",
    "SUGGESTION_STATUSES",
    "Assessment",
    "AssessmentEvidence",
    "Base",
    "Code",
    "CodeSet",
    "CodeSetMember",
    "Coder",
    "Coding",
    "Document",
    "DocumentAttribute",
    "Memo",
    "Page",
    "Respondent",
    "Review",
    "Segment",
    "Sentence",
    "Setting",
    "Suggestion",
    "Term",
    "TextIndex",
    "Token",
    "Turn",
]
