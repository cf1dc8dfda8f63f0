"""What a review file shows, for the workbook and the Word document alike: per concept its judgements
per group, then its quotes, each with the reviewer's current mark and comment, the conversation so far,
the student's open question, a stable id and a fingerprint of its text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from coding.core import i18n
from coding.core.context import CodeRef
from coding.core.errors import InvalidInputError
from coding.core.i18n import text as say
from coding.core.ids import CodeId
from coding.core.records import CodeInfo, Discussion
from coding.core.text import fold, natural_key
from coding.judgements.comparison import NO_GROUP
from coding.reviews.review_layout import fingerprint
from coding.reviews.review_marks import LANGUAGES, labels
from models.clock import utcnow

if TYPE_CHECKING:
    from coding.project import Project


@dataclass(frozen=True)
class ReviewItem:
    """One row a reviewer marks: a quote or a judgement."""

    kind: str  # "quote" or "judgement"
    guid: str
    check: str
    code: str
    respondent: str  # quotes; empty for judgements
    group: str
    document: str  # quotes; the score for judgements
    text: str  # the quote, or the judgement's justification
    memo: str
    question: str  # the student's open question (their replies since the reviewer's mark)
    conversation: str  # earlier messages, one per line
    mark: str  # the reviewer's current mark, as a label of the file's language
    comment: str
    coder: str = ""  # who coded the quote, when the file holds more than one coder's quotes

    def document_and_coder(self, language: str) -> str:
        """The document, and ``coder Bram`` after it when the item names its coder."""
        if not self.coder:
            return self.document
        return f"{self.document}, {CODER_WORD.get(language, CODER_WORD['en']).format(name=self.coder)}"

    def place(self, language: str) -> str:
        """Where the quote is from: ``R5, Zwolle, R5_uwv`` (and ``coder Bram`` when it says)."""
        parts = [self.respondent, self.group, self.document_and_coder(language)]
        return ", ".join(part for part in parts if part)


#: How a quote's coder is named in a review file of more than one coder (the file's language).
CODER_WORD = {"en": "coder {name}", "nl": "codeur {name}"}


@dataclass(frozen=True)
class ConceptReview:
    concept: CodeInfo
    judgements: tuple[ReviewItem, ...]
    quotes: tuple[ReviewItem, ...]


#: A review file speaks its own language (``language``, for the reviewer), not necessarily the student's.
REVIEW_TITLE = {"en": "{project} — review by {reviewer}", "nl": "{project} — beoordeling door {reviewer}"}
REVIEW_HEADING = {"en": "Review: {project}", "nl": "Beoordeling: {project}"}


@dataclass(frozen=True)
class ReviewContent:
    project_guid: str
    project_name: str
    reviewer: str
    by: str
    language: str
    concepts: tuple[ConceptReview, ...]
    exported_at: datetime

    @property
    def title(self) -> str:
        """The file's title (its properties), in the review's language."""
        return REVIEW_TITLE.get(self.language, REVIEW_TITLE["en"]).format(
            project=self.project_name, reviewer=self.reviewer
        )

    @property
    def heading(self) -> str:
        """The Word document's first heading, in the review's language."""
        return REVIEW_HEADING.get(self.language, REVIEW_HEADING["en"]).format(project=self.project_name)

    @property
    def quote_count(self) -> int:
        return sum(len(c.quotes) for c in self.concepts)

    @property
    def judgement_count(self) -> int:
        return sum(len(c.judgements) for c in self.concepts)


def _below(path: str, concept: str) -> str:
    """A code's path under its concept (the sheet or section names the concept): ``Betrouwbaarheid/…``;
    the concept itself by its name."""
    prefix = f"{concept}/"
    return path[len(prefix) :] if path.startswith(prefix) else path


def _when(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%d")


def _talk(discussion: Discussion, reviewer: str, words: Mapping[str, str]) -> tuple[str, str]:
    """(the student's open question, the conversation before it) for ``reviewer``; another reviewer's
    mark is named in the file's language (``words``): "[vraag] bron?", not "[question] bron?"."""
    mine = discussion.mark_by(reviewer)
    since = mine.updated_at if mine is not None else None
    question: list[str] = []
    earlier: list[str] = []
    marks = {(m.updated_at, m.reviewer): m for m in discussion.marks}
    for when, who, text in discussion.entries():
        if mine is not None and who == reviewer and when == mine.updated_at:
            continue  # the reviewer's current comment is in the comment column
        mark = marks.get((when, who))
        if mark is not None:
            text = f"[{words.get(mark.status, mark.status)}] {mark.comment}".strip()
        reply = who != reviewer and not any(m.reviewer == who for m in discussion.marks)
        if reply and (since is None or when > since):
            question.append(text)
        else:
            earlier.append(f"{_when(when)} {who}: {text}")
    return "\n".join(question), "\n".join(earlier)


def review_content(
    project: Project,
    *,
    reviewer: str | None,
    by: str = "region",
    codes: Sequence[CodeRef] | None = None,
    groups: Sequence[str] | None = None,
    coder: str | None = None,
    language: str | None = None,
) -> ReviewContent:
    if not reviewer or not reviewer.strip():
        raise InvalidInputError(
            say("a review file is for one reviewer: give the reviewer's name (--reviewer NAME)")
        )
    reviewer = " ".join(reviewer.split())
    language = language or i18n.language()  # --language, the preferences, else the system's
    if language not in LANGUAGES:
        raise InvalidInputError(
            say(
                "review files are in {LANGUAGES}, not '{language}'",
                LANGUAGES=" or ".join(LANGUAGES),
                language=language,
            )
        )
    words = labels(language)
    no_group = i18n.text_in(language, NO_GROUP)  # "(geen waarde)", as the window says it
    key = project.documents.attribute_named(by)
    tree = project.codes.tree()
    selected = [c.id for c in project.comparison.row_codes(codes)] if codes else None
    chosen = set(project.comparison.group_values(key, groups)) if groups else None
    wanted_groups = {fold(g) for g in chosen} if chosen is not None else None

    documents = None
    if wanted_groups is not None:
        documents = [
            d.id
            for d in project.documents.list(with_counts=False)
            if fold(d.attributes.get(key) or NO_GROUP) in wanted_groups
        ]
    quotes = project.quote_service.query(
        selected, documents=documents, coder=coder, include_subcodes=selected is None
    )
    quote_talk = project.reviews.quote_discussions()
    judgement_talk = project.reviews.judgement_discussions()
    order = tree.order()
    quotes.sort(
        key=lambda q: (
            order.get(q.code_id, 0),
            natural_key(q.attributes.get("respondent", "")),
            natural_key(q.document),
            q.start,
            q.end,
        )
    )
    by_concept: dict[CodeId, list[ReviewItem]] = {}
    several = len({q.coder for q in quotes}) > 1  # a second coder's work merged in: the same text twice
    for quote in quotes:
        talk = quote_talk.get(quote.coding_id, Discussion(""))
        mark = talk.mark_by(reviewer)
        question, conversation = _talk(talk, reviewer, words)
        root = tree.get(quote.code_id)
        while root.parent_id is not None:
            root = tree.get(root.parent_id)
        by_concept.setdefault(root.id, []).append(
            ReviewItem(
                kind="quote",
                guid=talk.guid,
                check=fingerprint(quote.text),
                code=_below(quote.code_path, root.name),
                respondent=quote.attributes.get("respondent", ""),
                group=quote.attributes.get(key) or no_group,
                document=quote.document,
                text=quote.text,
                memo=quote.memo,
                question=question,
                conversation=conversation,
                mark=words[mark.status] if mark else "",
                comment=mark.comment if mark else "",
                coder=(quote.coder or "") if several else "",
            )
        )
    judged: dict[CodeId, list[ReviewItem]] = {}
    wanted_codes = set(selected) if selected is not None else None
    for judgement in project.judgements.list(by=key):
        if wanted_codes is not None and judgement.code_id not in wanted_codes:
            continue
        if chosen is not None and judgement.value not in chosen:
            continue
        talk = judgement_talk.get(judgement.id, Discussion(""))
        mark = talk.mark_by(reviewer)
        question, conversation = _talk(talk, reviewer, words)
        root = tree.get(judgement.code_id)
        while root.parent_id is not None:
            root = tree.get(root.parent_id)
        judged.setdefault(root.id, []).append(
            ReviewItem(
                kind="judgement",
                guid=talk.guid,
                check=fingerprint(judgement.score, judgement.justification),
                code=_below(judgement.code_path, root.name),
                respondent="",
                group=judgement.value if judgement.value not in ("", NO_GROUP) else no_group,
                document=judgement.score,
                text=judgement.justification,
                memo="",
                question=question,
                conversation=conversation,
                mark=words[mark.status] if mark else "",
                comment=mark.comment if mark else "",
            )
        )
    for items in judged.values():
        items.sort(key=lambda i: (natural_key(i.group), i.code))
    concepts = tuple(
        ConceptReview(root, tuple(judged.get(root.id, ())), tuple(by_concept.get(root.id, ())))
        for root in tree.roots()
        if root.id in by_concept or root.id in judged
    )
    return ReviewContent(
        project_guid=project.identity(),
        project_name=project.path.stem,
        reviewer=reviewer,
        by=key,
        language=language,
        concepts=concepts,
        exported_at=utcnow(),
    )
