"""Anonymisation: list the names in documents, let the researcher confirm, replace them.

``mentions()`` lists candidates (nothing changes); ``replace()`` rewrites the confirmed ones
in one undoable action, keeping every coding on its passage. Exports carry the rewritten text
only; the original names live on in the respondent register (exported on its own) and, until
the project is closed, in the undo history.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from coding.core.context import DocumentRef, ProjectContext
from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import DocumentId
from coding.core.project_settings import ProjectSettings
from coding.language.anonymise_commands import AnonymisationReport, AnonymiseDocuments, Replacement
from coding.language.chunks import index_pieces
from coding.language.entities import (
    Mention,
    entity_mentions,
    pattern_mentions,
    register_mentions,
    resolve,
)

if TYPE_CHECKING:
    from coding.language.assistant import LanguageAssistant

KINDS = ("respondent", "person", "place", "organisation")


@dataclass(frozen=True)
class NameMention:
    """A candidate name in a document, with the placeholder that would replace it."""

    document_id: DocumentId
    document: str
    start: int
    end: int
    text: str
    kind: str
    replacement: str
    source: str
    reason: str
    left: str = ""
    right: str = ""


class Anonymiser:
    def __init__(
        self, context: ProjectContext, settings: ProjectSettings, assistant: LanguageAssistant
    ) -> None:
        self._context = context
        self._settings = settings
        self._assistant = assistant

    def mentions(
        self, documents: Sequence[DocumentRef] | None = None, *, kinds: Iterable[str] = KINDS
    ) -> list[NameMention]:
        """Candidate names in the documents (default: all), in reading order."""
        wanted_kinds = set(kinds)
        if wanted_kinds - set(KINDS):
            raise InvalidInputError(say("kinds are {KINDS}", KINDS=", ".join(KINDS)))
        corpus = self._assistant.corpus()
        ids = None if documents is None else [self._context.resolve.document(d) for d in documents]
        selected = corpus.select(None, ids)
        pipeline = self._assistant.pipeline
        register = self._assistant.register.list()
        indexed = self._assistant.indexed_documents()
        places = self._settings.get("place_names") or ()
        out: list[NameMention] = []
        for doc in selected:
            text = corpus.text(doc.id)
            starts = [s for s, _ in corpus.sentences(doc.id).spans] if doc.id in indexed else []
            found: list[Mention] = register_mentions(text, register)
            if pipeline.has_entities:
                turns = corpus.turn_map(doc.id).turns
                pieces = index_pieces(text, [(t.start, t.body_start, t.end) for t in turns])
                entities = pipeline.entities([text[a:b] for a, b in pieces])
                found += entity_mentions(
                    (a + s, a + e, label_text, label)
                    for (a, _b), ents in zip(pieces, entities, strict=True)
                    for s, e, label_text, label in ents
                )
            found += pattern_mentions(
                text, starts, places=places, is_stop=pipeline.is_stop, is_word=pipeline.is_word
            )
            for m in resolve(found):
                if m.kind not in wanted_kinds:
                    continue
                left = " ".join(text[max(0, m.start - 40) : m.start].split())
                right = " ".join(text[m.end : m.end + 40].split())
                out.append(
                    NameMention(
                        doc.id,
                        doc.name,
                        m.start,
                        m.end,
                        m.text,
                        m.kind,
                        m.replacement,
                        m.source,
                        m.reason,
                        left,
                        right,
                    )
                )
        return out

    def replace(self, mentions: Sequence[NameMention]) -> AnonymisationReport:
        """Replace the confirmed mentions (each by its ``replacement``): one undoable action."""
        by_document: dict[DocumentId, list[Replacement]] = defaultdict(list)
        for m in mentions:
            by_document[m.document_id].append(Replacement(m.start, m.end, m.replacement, m.text))
        if not by_document:
            return AnonymisationReport(0, 0, 0)
        report: AnonymisationReport = self._context.execute(AnonymiseDocuments(by_document))
        return report
