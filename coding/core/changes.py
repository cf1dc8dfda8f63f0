"""Change notifications: every committed action announces once what it touched.

What a view shows is an :class:`Aspect` of the project (the codes, the codings, the documents'
attributes …); a change says which aspects it touched, which documents, and where in each
document (:meth:`Change.spans`), so a view re-reads only what it shows and only where it changed.
The tables each aspect is stored in are named in one place, :data:`ASPECT_OF_MODEL`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from enum import Enum
from functools import cached_property

from coding.core.ids import CodeId, CodingId, DocumentId
from models import (
    Base,
    Code,
    Coder,
    CodeSet,
    CodeSetMember,
    Coding,
    ContentWords,
    Document,
    DocumentAttribute,
    GuideMatch,
    GuideTurnMatches,
    Judgement,
    JudgementEvidence,
    JudgementReview,
    KeptState,
    Media,
    Memo,
    Page,
    Passage,
    Respondent,
    Review,
    ReviewMessage,
    SavedQuery,
    Sentence,
    Setting,
    Suggestion,
    Term,
    TextIndex,
    Token,
    Turn,
    WordBags,
)

log = logging.getLogger(__name__)


class Aspect(Enum):
    """What a view shows of a project; a change names the aspects it touched."""

    CODES = "codes"  #: the code tree
    CODE_SETS = "code sets"  #: named sets of codes
    CODINGS = "codings"  #: coded passages and the codes on them
    DOCUMENTS = "documents"  #: documents: name, text, pages
    ATTRIBUTES = "attributes"  #: the documents' attributes (region, role …)
    SPEAKERS = "speakers"  #: speaker turns
    JUDGEMENTS = "judgements"  #: scores per concept per region, with their evidence
    REVIEWS = "reviews"  #: review marks and conversations on quotes and judgements
    MEMOS = "memos"  #: memos on codes and documents
    SUGGESTIONS = "suggestions"  #: suggested codings waiting for a decision
    RESPONDENTS = "respondents"  #: the respondent register behind the anonymisation
    QUERIES = "queries"  #: saved code queries
    CODERS = "coders"  #: the people who code
    SETTINGS = "settings"  #: project settings (language, speaker rules, favourites …)
    GUIDE = "guide"  #: the researcher's decisions on which turns ask which interview-guide question
    INDEX = "index"  #: the search index (terms, tokens, sentences)


#: The one place that says which aspect each table stores (a test checks that every table has one).
ASPECT_OF_MODEL: Mapping[type[Base], Aspect] = {
    Code: Aspect.CODES,
    CodeSet: Aspect.CODE_SETS,
    CodeSetMember: Aspect.CODE_SETS,
    Passage: Aspect.CODINGS,
    Coding: Aspect.CODINGS,
    Document: Aspect.DOCUMENTS,
    Page: Aspect.DOCUMENTS,
    Media: Aspect.DOCUMENTS,
    DocumentAttribute: Aspect.ATTRIBUTES,
    Turn: Aspect.SPEAKERS,
    Judgement: Aspect.JUDGEMENTS,
    JudgementEvidence: Aspect.JUDGEMENTS,
    Review: Aspect.REVIEWS,
    JudgementReview: Aspect.REVIEWS,
    ReviewMessage: Aspect.REVIEWS,
    Memo: Aspect.MEMOS,
    Suggestion: Aspect.SUGGESTIONS,
    Respondent: Aspect.RESPONDENTS,
    SavedQuery: Aspect.QUERIES,
    Coder: Aspect.CODERS,
    Setting: Aspect.SETTINGS,
    GuideMatch: Aspect.GUIDE,
    Term: Aspect.INDEX,
    Token: Aspect.INDEX,
    Sentence: Aspect.INDEX,
    TextIndex: Aspect.INDEX,
    ContentWords: Aspect.INDEX,
    GuideTurnMatches: Aspect.INDEX,
    WordBags: Aspect.INDEX,
    KeptState: Aspect.INDEX,
}

#: The table of codings, whose rows a change can list (:attr:`Change.coded`).
CODING_TABLE: str = Coding.__tablename__

ASPECT_OF_TABLE: Mapping[str, Aspect] = {
    model.__table__.name: aspect  # type: ignore[attr-defined]
    for model, aspect in ASPECT_OF_MODEL.items()
}

#: A place in a document: (document, start, end), code points, end exclusive.
Located = tuple[DocumentId, int, int]

#: One coding a change added (sign +1) or took away (sign −1): (code, passage, document, sign).
Coded = tuple[CodeId, int, DocumentId, int]

#: A change that adds or takes away more codings than this (an import, deleting a code) does not
#: list them: views count afresh, which is then as quick as adding up the list.
MAX_CODED = 5000


def aspects_of(tables: Iterable[str]) -> frozenset[Aspect]:
    return frozenset(ASPECT_OF_TABLE[name] for name in tables if name in ASPECT_OF_TABLE)


@dataclass(frozen=True)
class Change:
    """What one action changed.

    ``tables`` names the tables written (its :attr:`aspects` are what views test).
    ``document_ids`` names the documents whose text, structure or codings changed; ``None`` means
    "possibly any document". ``located`` holds the spans touched in documents whose change has a
    place (a coding, a moved boundary); see :meth:`spans`. ``initiator`` is who acted, when the
    window's operation named it (the project bridge stamps it), so a view can tell its own changes
    from those made elsewhere; it takes no part in comparing changes. ``coded`` lists the codings
    added and taken away when the command knows them exactly (see :meth:`coding_delta`), so a
    view showing counts adjusts them instead of counting again; it takes no part in comparing.
    ``codings`` names every coding whose row the change added, took away or altered, when those are
    the only codings whose quotes it changed (see :meth:`quotes_changed`); it takes no part in
    comparing either.
    """

    tables: frozenset[str] = frozenset()
    document_ids: frozenset[DocumentId] | None = field(default_factory=frozenset)
    located: frozenset[Located] = frozenset()
    initiator: object | None = field(default=None, compare=False)
    coded: tuple[Coded, ...] | None = field(default=None, compare=False)
    codings: frozenset[CodingId] | None = field(default=None, compare=False)

    @property
    def aspects(self) -> frozenset[Aspect]:
        return aspects_of(self.tables)

    def touches(self, *aspects: Aspect) -> bool:
        """Whether the change touched any of these aspects."""
        return not self.aspects.isdisjoint(aspects)

    def affects_document(self, document_id: DocumentId) -> bool:
        return self.document_ids is None or document_id in self.document_ids

    def spans(self, document_id: DocumentId) -> tuple[tuple[int, int], ...] | None:
        """Where in the document the change is: ``()`` when it did not touch the document, the
        touched spans (sorted) when it knows them, ``None`` when anything in it may have changed."""
        if not self.affects_document(document_id):
            return ()
        if self.document_ids is None:
            return None
        return self._spans_by_document.get(document_id) or None

    @cached_property
    def _spans_by_document(self) -> dict[DocumentId, tuple[tuple[int, int], ...]]:
        """The located spans per document, sorted: grouped once (a bulk coding's change names
        200,000 spans in 2,000 documents; a view asks for each document's)."""
        grouped: dict[DocumentId, list[tuple[int, int]]] = {}
        for doc, start, end in self.located:
            grouped.setdefault(doc, []).append((start, end))
        return {doc: tuple(sorted(spans)) for doc, spans in grouped.items()}

    def coding_delta(self) -> tuple[Coded, ...] | None:
        """The codings added (+1) and taken away (−1), in the order it happened: ``()`` when the
        change wrote no coding, ``None`` when it may have changed codings in ways it does not list
        (another program's change, a large import, a coding moved to another code or passage)."""
        if CODING_TABLE not in self.tables:
            return ()
        return self.coded

    def quotes_changed(self) -> frozenset[CodingId] | None:
        """The codings whose quotes the change may have changed, when it can say exactly: those it
        added, took away or altered (a memo), and no other (no passage moved, no review written, no
        code renamed). ``None`` when it cannot say: a view then re-reads where the change was."""
        return self.codings

    def merge(self, other: Change) -> Change:
        initiator = self.initiator if self.initiator is other.initiator else None
        mine, theirs = self.coding_delta(), other.coding_delta()
        coded = (
            None if mine is None or theirs is None or len(mine) + len(theirs) > MAX_CODED else mine + theirs
        )
        if (
            self.codings is None
            or other.codings is None
            or len(self.codings) + len(other.codings) > MAX_CODED
        ):
            codings = None
        else:
            codings = self.codings | other.codings
        if self.document_ids is None or other.document_ids is None:
            return Change(self.tables | other.tables, None, initiator=initiator, coded=coded, codings=codings)
        whole = {d for d in self.document_ids if self.spans(d) is None} | {
            d for d in other.document_ids if other.spans(d) is None
        }
        located = frozenset(p for p in self.located | other.located if p[0] not in whole)
        documents = self.document_ids | other.document_ids
        return Change(self.tables | other.tables, documents, located, initiator, coded, codings)

    @staticmethod
    def of(tables: Iterable[str], document_ids: Iterable[DocumentId] | None = ()) -> Change:
        return Change(frozenset(tables), None if document_ids is None else frozenset(document_ids))

    @staticmethod
    def about(*aspects: Aspect, document_ids: Iterable[DocumentId] | None = ()) -> Change:
        """A change of whole aspects (what a script or a test announces by hand)."""
        tables = {table for table, aspect in ASPECT_OF_TABLE.items() if aspect in aspects}
        return Change.of(tables, document_ids)


Listener = Callable[[Change], None]


class ChangeNotifier:
    """Plain-Python publish/subscribe; the UI adapts it to a Qt signal."""

    def __init__(self) -> None:
        self._listeners: list[Listener] = []

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)

        def unsubscribe() -> None:
            if listener in self._listeners:
                self._listeners.remove(listener)

        return unsubscribe

    def emit(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)
