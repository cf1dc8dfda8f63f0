"""Change notifications: every committed action announces once what it touched."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from coding.core.ids import DocumentId

log = logging.getLogger(__name__)

#: Table names, grouped by what a view shows.
#: Reviews and their conversation are shown with the quotes and judgements, so they count as codings.
CODING_TABLES = frozenset(
    {"passage", "coding", "review", "judgement_evidence", "judgement_review", "review_message"}
)
CODE_TABLES = frozenset({"code"})
DOCUMENT_TABLES = frozenset({"document", "document_attribute", "turn", "page"})


@dataclass(frozen=True)
class Change:
    """What one action changed.

    ``tables`` names the tables written. ``document_ids`` names the documents whose text,
    structure or codings changed; ``None`` means "possibly any document".
    """

    tables: frozenset[str] = frozenset()
    document_ids: frozenset[DocumentId] | None = field(default_factory=frozenset)

    def touches(self, *tables: str) -> bool:
        return any(table in self.tables for table in tables)

    @property
    def codings(self) -> bool:
        return bool(self.tables & CODING_TABLES)

    @property
    def codes(self) -> bool:
        return bool(self.tables & CODE_TABLES)

    @property
    def documents(self) -> bool:
        return bool(self.tables & DOCUMENT_TABLES)

    def affects_document(self, document_id: DocumentId) -> bool:
        return self.document_ids is None or document_id in self.document_ids

    def merge(self, other: Change) -> Change:
        if self.document_ids is None or other.document_ids is None:
            documents: frozenset[DocumentId] | None = None
        else:
            documents = self.document_ids | other.document_ids
        return Change(self.tables | other.tables, documents)

    @staticmethod
    def of(tables: Iterable[str], document_ids: Iterable[DocumentId] | None = ()) -> Change:
        return Change(frozenset(tables), None if document_ids is None else frozenset(document_ids))


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
