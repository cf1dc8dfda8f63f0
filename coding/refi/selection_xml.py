"""The selections of ``project.qde`` written as text (lxml's bytes, without an element per selection).

An element per ``PlainTextSelection``/``Coding`` built with lxml was most of a large export's time
(issue 19): :class:`SelectionXml` writes each selection, its codings and their note references as
text (``tests/coding/refi/test_selection_text.py`` checks it is what lxml writes), and collects the
notes (coding memos, review marks) that ``Notes`` will hold.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from coding.core.xml_chars import escape_content, xml_text
from coding.refi.descriptions import compose, memo_part
from coding.refi.names import derived_guid, format_datetime
from coding.refi.snapshot import DocumentParts

REVIEW_PREFIX = "Review: "
CODING_MEMO_NAME = "Memo"


def _plain(value: str) -> bool:
    return "&" not in value and "<" not in value and ">" not in value and '"' not in value


def attribute_text(value: str) -> str:
    """An attribute value as lxml writes it: ``& < > "`` and tab, line feed, carriage return as
    references (an XML reader normalises literal ones to spaces); what XML cannot hold dropped."""
    if value.isascii() and value.isprintable() and _plain(value):
        return value  # GUIDs, times, most names: nothing to do
    value = escape_content(xml_text(value))
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value:
        value = value.replace("\n", "&#10;")
    if "\t" in value:
        value = value.replace("\t", "&#9;")
    return value


def content_text(value: str) -> str:
    """Element text as lxml writes it: ``& < >`` and the carriage return escaped."""
    if value.isascii() and value.isprintable() and _plain(value):
        return value
    return escape_content(xml_text(value))


def start_tag(name: str, attributes: Mapping[str, str | None]) -> str:
    """``<name a="…"`` (unclosed: ``>`` or ``/>`` follows), attributes in order, ``None`` left out."""
    written = "".join(
        f' {key}="{attribute_text(value)}"' for key, value in attributes.items() if value is not None
    )
    return f"<{name}{written}"


@dataclass(frozen=True)
class NoteOut:
    guid: str
    name: str | None
    text: str
    user: str | None
    created: datetime | str | None  # str: a time as the driver gives it (see format_datetime)
    modified: datetime | str | None


class SelectionXml:
    """Writes a source's selections as text into :attr:`_written` (a part of :class:`_ProjectXml
    <coding.refi.project_writer._ProjectXml>`, which sets the state below)."""

    users: dict[int, str]
    notes: list[NoteOut]
    passage_notes: dict[int, list[str]]
    passage_guids: dict[int, str]
    _evidence: set[int]
    _user_attributes: dict[int, str]
    _code_refs: dict[int, str]
    _parts: DocumentParts | None
    _written: list[str]

    def user(self, coder_id: int | None) -> str | None:
        return self.users.get(coder_id) if coder_id is not None else None

    def _note(self, note: NoteOut) -> str:
        self.notes.append(note)
        return note.guid

    def _selection(self, passage: Any, element: str, span: str) -> None:
        """One ``PlainTextSelection`` (or ``TranscriptSelection``) per passage, with a ``Coding`` per
        code. QualCoder gives every coding of a selection the selection's ``Description`` as its
        memo, so codings whose memos differ get selections of their own over the same span (GUIDs
        derived from the passage's); Codewerk merges selections of one span into one passage again."""
        assert self._parts is not None
        codings = self._parts.codings.get(passage.id, [])
        if passage.id in self._evidence:
            self.passage_guids[passage.id] = passage.guid
        if not any(coding.memo for coding in codings):  # most: one selection, no memo to split by
            self._selection_element(passage, passage.guid, codings, element, span, first=True)
            return
        groups: dict[str, list[Any]] = {}
        for coding in codings:
            groups.setdefault(coding.memo.strip(), []).append(coding)
        if not groups:
            groups[""] = []
        for index, (memo, members) in enumerate(groups.items()):
            guid = passage.guid if index == 0 else derived_guid(passage.guid, "selection", memo)
            self._selection_element(passage, guid, members, element, span, first=index == 0)

    def _selection_element(
        self,
        passage: Any,
        guid: str,
        codings: list[Any],
        element: str,
        span: str,
        *,
        first: bool,
    ) -> None:
        """The selection written as text (lxml's bytes: ``tests/coding/refi/test_selection_text.py``):
        an element per selection and coding built with lxml was most of a large export's time.
        ``span``: the span's attributes as written. The users' and codes' GUIDs are escaped once
        (:attr:`_user_attributes`, :attr:`_code_refs`); a time needs no escaping."""
        write = self._written.append
        users = self._user_attributes
        user = users.get(codings[0].coder_id, "") if codings else ""
        write(
            f'<{element} guid="{attribute_text(guid)}" name="{attribute_text(passage.text)}"{span}{user}'
            f' creationDateTime="{format_datetime(passage.created_at)}"'
        )
        notes = self.passage_notes.get(passage.id, ()) if first else ()  # a judgement's evidence: once
        memos = (
            compose(memo_part(None, coding.memo) for coding in codings if coding.memo)
            if any(coding.memo for coding in codings)
            else ""
        )
        if not (codings or memos or notes):
            write("/>")
            return
        write(">")
        if memos:  # QualCoder reads a coding's memo here (and only here)
            write(f"<Description>{content_text(memos)}</Description>")
        reviews = self._parts.reviews if self._parts is not None else {}
        code_refs = self._code_refs
        for coding in codings:
            write(
                f'<Coding guid="{attribute_text(coding.guid)}"{users.get(coding.coder_id, "")}'
                f' creationDateTime="{format_datetime(coding.created_at)}">{code_refs[coding.code_id]}'
            )
            if coding.memo or coding.id in reviews:
                self._coding_notes(coding, reviews.get(coding.id, ()))
            write("</Coding>")
        for note in notes:
            write(f'<NoteRef targetGUID="{attribute_text(note)}"/>')
        write(f"</{element}>")

    def _coding_notes(self, coding: Any, reviews: Iterable[Any]) -> None:
        """A coding's memo and its reviews as notes, with a ``NoteRef`` to each."""
        write = self._written.append
        user = self.user(coding.coder_id)
        if coding.memo:
            guid = self._note(
                NoteOut(
                    derived_guid(coding.guid, "memo"),
                    CODING_MEMO_NAME,
                    coding.memo,
                    user,
                    coding.created_at,
                    None,
                )
            )
            write(f'<NoteRef targetGUID="{attribute_text(guid)}"/>')
        for review in reviews:
            guid = self._note(
                NoteOut(
                    review.guid,
                    f"{REVIEW_PREFIX}{review.status}",
                    review.comment,
                    self.user(review.coder_id),
                    None,
                    review.updated_at,
                )
            )
            write(f'<NoteRef targetGUID="{attribute_text(guid)}"/>')


def selection_span(passage: Any) -> str:
    return f' startPosition="{passage.start}" endPosition="{passage.end}"'
