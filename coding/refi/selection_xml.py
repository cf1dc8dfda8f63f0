"""The selections of ``project.qde`` written as text (lxml's bytes, without an element per selection).

An element per ``PlainTextSelection``/``Coding`` built with lxml was most of a large export's time
(issue 19): :class:`SelectionXml` writes each selection, its codings and their note references as
text (``tests/coding/refi/test_selection_text.py`` checks it is what lxml writes), and collects the
notes (coding memos, review marks) that ``Notes`` will hold.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import accumulate
from typing import Any

from coding.core.xml_chars import escape_content, xml_text
from coding.refi.descriptions import compose, memo_part
from coding.refi.names import derived_guid, format_datetimes
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


#: What :func:`attribute_text` changes (escapes or drops): a value without any is written as it is.
_TOUCHED = re.compile('[&<>"\x00-\x1f\ufffe\uffff\ud800-\udfff]')


def attribute_texts(values: list[str]) -> list[str]:
    """:func:`attribute_text` of each of ``values`` (a source's GUIDs or passage texts): one scan
    over them joined finds the few that need escaping; the others are written as they are."""
    hits = [match.start() for match in _TOUCHED.finditer("".join(values))]
    if not hits:
        return values
    ends = list(accumulate(map(len, values)))
    written = list(values)
    for index in {bisect_right(ends, hit) for hit in hits}:
        written[index] = attribute_text(values[index])
    return written


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


def variable_value(variable_guid: str, value: str) -> str:
    """A case's or source's ``VariableValue`` of a text variable, as lxml writes it."""
    return (
        f'<VariableValue><VariableRef targetGUID="{attribute_text(variable_guid)}"/>'
        f"<TextValue>{content_text(value)}</TextValue></VariableValue>"
    )


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
    #: Each coding's start tag with its CodeRef, of the source being written (:meth:`_selections`).
    _opened: dict[int, str]

    def user(self, coder_id: int | None) -> str | None:
        return self.users.get(coder_id) if coder_id is not None else None

    def _note(self, note: NoteOut) -> str:
        self.notes.append(note)
        return note.guid

    def _selections(self, passages: list[Any], element: str, spans: list[str] | None = None) -> None:
        """The selections of one source, one per passage (``PlainTextSelection``, or
        ``TranscriptSelection`` with ``spans``: each passage's span attributes as written; without,
        its positions). A source's GUIDs, texts and times are escaped and formatted together
        (:func:`attribute_texts`, :func:`format_datetimes`), each coding's start tag once; a passage
        whose codings carry no memo or review mark and that no judgement gives as evidence (most)
        is written by one f-string, the others by :meth:`_selection`."""
        assert self._parts is not None
        coding_of = self._parts.codings
        reviews = self._parts.reviews
        codings = [coding for members in coding_of.values() for coding in members]
        self._opened = dict(zip([coding.id for coding in codings], self._coding_tags(codings), strict=True))
        # passages written by _selection: a coding's memo or review mark, a judgement's evidence
        special = {coding.passage_id for coding in codings if coding.memo or coding.id in reviews}
        evidence = self._evidence
        users = self._user_attributes
        opened = self._opened
        write = self._written.append
        names = attribute_texts([passage.text for passage in passages])
        guids = attribute_texts([passage.guid for passage in passages])
        times = format_datetimes([passage.created_at for passage in passages])
        for number, passage in enumerate(passages):
            members: list[Any] | None = coding_of.get(passage.id)
            span = (
                f' startPosition="{passage.start}" endPosition="{passage.end}"'
                if spans is None
                else spans[number]
            )
            if not members or passage.id in special or passage.id in evidence:
                self._selection(passage, element, span, names[number], times[number])
                continue
            start = (
                f'<{element} guid="{guids[number]}" name="{names[number]}"{span}'
                f'{users.get(members[0].coder_id, "")} creationDateTime="{times[number]}">'
            )
            if len(members) == 1:
                write(f"{start}{opened[members[0].id]}</Coding></{element}>")
            else:
                write(
                    start
                    + "</Coding>".join([opened[coding.id] for coding in members])
                    + f"</Coding></{element}>"
                )

    def _coding_tags(self, codings: list[Any]) -> list[str]:
        """Each coding's start tag with its ``CodeRef``: ``<Coding …><CodeRef …/>``."""
        users = self._user_attributes
        code_refs = self._code_refs
        guids = attribute_texts([coding.guid for coding in codings])
        times = format_datetimes([coding.created_at for coding in codings])
        return [
            f'<Coding guid="{guid}"{users.get(coding.coder_id, "")} creationDateTime="{time}">'
            f"{code_refs[coding.code_id]}"
            for coding, guid, time in zip(codings, guids, times, strict=True)
        ]

    def _selection(self, passage: Any, element: str, span: str, name: str, created: str | None) -> None:
        """One selection per passage, with a ``Coding`` per code. QualCoder gives every coding of a
        selection the selection's ``Description`` as its memo, so codings whose memos differ get
        selections of their own over the same span (GUIDs derived from the passage's); Codewerk
        merges selections of one span into one passage again. ``name`` and ``created``: the
        passage's text and time as written."""
        assert self._parts is not None
        codings = self._parts.codings.get(passage.id, [])
        if passage.id in self._evidence:
            self.passage_guids[passage.id] = passage.guid
        start = f'name="{name}"{span}'
        if not any(coding.memo for coding in codings):  # one selection, no memo to split by
            self._selection_element(passage, passage.guid, codings, element, start, created, first=True)
            return
        groups: dict[str, list[Any]] = {}
        for coding in codings:
            groups.setdefault(coding.memo.strip(), []).append(coding)
        for index, (memo, members) in enumerate(groups.items()):
            guid = passage.guid if index == 0 else derived_guid(passage.guid, "selection", memo)
            self._selection_element(passage, guid, members, element, start, created, first=index == 0)

    def _selection_element(
        self,
        passage: Any,
        guid: str,
        codings: list[Any],
        element: str,
        start: str,
        created: str | None,
        *,
        first: bool,
    ) -> None:
        """The selection written as text (lxml's bytes: ``tests/coding/refi/test_selection_text.py``).
        ``start``: its name and span attributes as written; the codings' start tags are
        :attr:`_opened`."""
        write = self._written.append
        user = self._user_attributes.get(codings[0].coder_id, "") if codings else ""
        write(f'<{element} guid="{attribute_text(guid)}" {start}{user} creationDateTime="{created}"')
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
        for coding in codings:
            write(self._opened[coding.id])
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
