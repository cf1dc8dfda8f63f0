"""Language assistance: the text index (sentences, tokens, terms), suggested codings and the
respondent register used for anonymisation.

The index is derived data: it is rebuilt from a document's text whenever the text changes
(``text_index.text_hash`` no longer matches) and goes with the document (cascade).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from models.base import Base
from models.clock import utcnow

SUGGESTION_STATUSES = ("open", "accepted", "rejected")


class TextIndex(Base):
    """That a document is indexed, from which text (hash) and with which pipeline."""

    __tablename__ = "text_index"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(16))
    pipeline: Mapped[str] = mapped_column(String(200))
    tokens: Mapped[int] = mapped_column(default=0)
    sentences: Mapped[int] = mapped_column(default=0)
    indexed_at: Mapped[datetime] = mapped_column(default=utcnow)


class ContentWords(Base):
    """A document's content words (not a stop word, alphabetic, longer than one letter) and its sentences as
    int32 arrays (``coding.language.content_words``), written when it is indexed: the suggestion engine reads
    these instead of every token row. Valid only while ``text_hash`` and ``indexed_at`` are its document's
    ``text_index`` row's."""

    __tablename__ = "content_words"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    indexed_at: Mapped[datetime]
    start: Mapped[bytes] = mapped_column(LargeBinary)  # per content word, in token order
    end: Mapped[bytes] = mapped_column(LargeBinary)
    sentence: Mapped[bytes] = mapped_column(LargeBinary)
    term: Mapped[bytes] = mapped_column(LargeBinary)
    sentence_start: Mapped[bytes] = mapped_column(LargeBinary)  # per sentence, by number
    sentence_end: Mapped[bytes] = mapped_column(LargeBinary)


class GuideTurnMatches(Base):
    """What the guide matcher found in a document's interviewer turns, as arrays
    (``coding.language.guide_matches``): the guide questions each turn asks (before the researcher's decisions)
    and its similarity with each question it shares a word with. Derived data, written when the document is
    indexed or first read after the guide changed; valid only while ``guide_key`` is the guide's,
    ``text_hash`` its document's ``text_index`` row's and ``interviewers`` its turns' interviewer flags."""

    __tablename__ = "guide_turn_matches"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    guide_key: Mapped[str] = mapped_column(String(64))
    text_hash: Mapped[str] = mapped_column(String(64))
    interviewers: Mapped[bytes] = mapped_column(LargeBinary)  # per turn of the document: 1 for an interviewer
    asks: Mapped[bytes] = mapped_column(LargeBinary)  # per interviewer turn: 1 when it has a question mark
    matched_start: Mapped[bytes] = mapped_column(LargeBinary)  # per question matched: its turn's start
    matched_question: Mapped[bytes] = mapped_column(LargeBinary)  # its number in the guide's order
    matched_confidence: Mapped[bytes] = mapped_column(LargeBinary)  # float64
    overlap_start: Mapped[bytes] = mapped_column(LargeBinary)  # per turn and question sharing a word
    overlap_question: Mapped[bytes] = mapped_column(LargeBinary)
    overlap_similarity: Mapped[bytes] = mapped_column(LargeBinary)  # float64


class WordBags(Base):
    """A document's sentences and turns as bags of word stems (``coding.language.word_bags``: per entry the
    sentence's or turn's number, a term of the stem and its count, as int32 arrays), written when it is indexed:
    the suggestion engine reads these instead of counting them from the content words. Valid only while
    ``text_hash`` and ``indexed_at`` are its document's ``text_index`` row's."""

    __tablename__ = "word_bags"

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    text_hash: Mapped[str] = mapped_column(String(64))
    indexed_at: Mapped[datetime]
    sentences: Mapped[bytes] = mapped_column(LargeBinary)  # 3 × entries: sentence number, term, count
    turns: Mapped[bytes] = mapped_column(LargeBinary)  # 3 × entries: turn (in text order), term, count


class KeptState(Base):
    """What a find of suggestions derives from the corpus and the codings and the next session's first find reads
    instead of computing it again (``coding.language.suggestions.stored_state``): per piece (the sentence and
    turn vectors, the codes' profiles, each sentence's and turn's closest codes, the guide's answers, the search
    terms' hits) a blob of arrays, in rows ``name#0``, ``name#1``, … named by the row ``name``. Derived data,
    written after a find; valid only while ``stamp`` is what the piece would be computed from now."""

    __tablename__ = "kept_state"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    stamp: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Sentence(Base):
    """A sentence of a document: ``document.text[start:end]``."""

    __tablename__ = "sentence"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        {"sqlite_with_rowid": False},
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    number: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]


class Term(Base):
    """A word form with its lemma: the vocabulary tokens point to.

    ``norm``, ``lemma_key`` and ``stem`` are case- and accent-folded keys for searching.
    """

    __tablename__ = "term"
    __table_args__ = (
        UniqueConstraint("language", "form", "lemma"),
        Index("ix_term_norm", "norm"),
        Index("ix_term_lemma_key", "lemma_key"),
        Index("ix_term_stem", "stem"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    language: Mapped[str] = mapped_column(String(16))
    form: Mapped[str] = mapped_column(String(200))
    lemma: Mapped[str] = mapped_column(String(200))
    norm: Mapped[str] = mapped_column(String(200))
    lemma_key: Mapped[str] = mapped_column(String(200))
    stem: Mapped[str] = mapped_column(String(200))
    stop: Mapped[bool] = mapped_column(default=False)
    alpha: Mapped[bool] = mapped_column(default=True)


class Token(Base):
    """A word of a document (punctuation and spaces are not stored), in reading order."""

    __tablename__ = "token"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        # covering, in document order: a search by term reads its hits from the index alone
        Index("ix_token_term_span", "term_id", "document_id", "start", "end", "sentence"),
        {"sqlite_with_rowid": False},
    )

    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(primary_key=True)
    start: Mapped[int]
    end: Mapped[int]
    sentence: Mapped[int]
    term_id: Mapped[int] = mapped_column(ForeignKey("term.id"))


class Suggestion(Base):
    """A candidate coding the researcher accepts or rejects; rejected ones are kept as memory."""

    __tablename__ = "suggestion"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" > start', name="span"),
        CheckConstraint("status IN ('open', 'accepted', 'rejected')", name="status"),
        Index("ix_suggestion_code_status", "code_id", "status"),
        Index("ix_suggestion_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("code.id", ondelete="CASCADE"))
    start: Mapped[int]
    end: Mapped[int]
    text: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float, default=0.0)
    sources: Mapped[str] = mapped_column(String(100), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default="open")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]


class Respondent(Base):
    """The respondent register: a real name (and its variants) behind a code such as ``R5``.

    Kept in the project for anonymisation; exported only on its own, never with quotes.
    """

    __tablename__ = "respondent"
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
