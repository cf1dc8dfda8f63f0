"""What a REFI-QDA file holds, read into plain data (namespace-agnostic), before it meets a project.

Readers tolerate what other tools write: any ``urn:QDA-XML`` namespace version or none,
missing names, upper-case or braced GUIDs, ``#RGB`` colours. Anything that cannot be used is
recorded as a :class:`Skipped` (element and reason) and the rest is read.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

import defusedxml.ElementTree as SafeET
from defusedxml import DefusedXmlException

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.parsed import EncodedText
from coding.refi.names import CANONICAL_GUID, derived_guid, guid_key, hex_colour, local_name, own_guid


@dataclass(frozen=True)
class Skipped:
    element: str
    reason: str


@dataclass
class RCode:
    guid: str
    name: str
    colour: str | None
    description: str
    children: list[RCode] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: ``isCodable="false"``: a category (QualCoder) or code group (ATLAS.ti) that only groups codes.
    codable: bool = True

    def walk(self) -> Iterator[RCode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass
class RSet:
    guid: str
    name: str
    description: str
    codes: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)


@dataclass
class RNote:
    guid: str
    name: str
    text: str
    user: str | None
    created: datetime | None
    modified: datetime | None
    #: ``PlainTextSelection``\ s inside the note (QualCoder's annotations): spans of the source that
    #: refers to the note.
    passages: list[tuple[int, int]] = field(default_factory=list)


@dataclass(slots=True)  # one per coding of a file: 200,000 in a research group's project
class RCoding:
    guid: str
    code: str
    user: str | None
    #: A ``str``: the time as SQLAlchemy stores it in SQLite (:func:`~coding.refi.names.stored_time`).
    created: datetime | str | None
    notes: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RSelection:
    """A passage of a source. Its ``name`` in the file only tells how positions were counted
    (:func:`coding.refi.positions.choose_counting`, while the source is read): not kept."""

    guid: str
    start: int
    end: int
    user: str | None
    #: A ``str``: the time as SQLAlchemy stores it in SQLite (:func:`~coding.refi.names.stored_time`).
    created: datetime | str | None
    codings: list[RCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    description: str = ""


@dataclass
class RRecording:
    """The recording of an ``AudioSource``/``VideoSource``: its ``path`` as written and the file it
    names here (None when it is inside the archive or not a local file)."""

    kind: str
    path: str
    location: Path | None


@dataclass
class RSource:
    """A text source; once read whole, its text is kept as UTF-8 (:class:`EncodedText`: a quarter of
    the string's size for a text with an emoji) and decoded where a merge needs it."""

    guid: str
    name: str
    text: str | EncodedText
    created: datetime | None
    selections: list[RSelection] = field(default_factory=list)
    whole_codings: list[RCoding] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)
    description: str = ""
    #: The recording the transcript belongs to, and its ``SyncPoint``\ s with a time: (position in
    #: :attr:`text`, milliseconds into the recording).
    recording: RRecording | None = None
    sync: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class RCase:
    guid: str
    name: str
    values: dict[str, str]
    sources: list[str]
    description: str = ""


# -- XML helpers ----------------------------------------------------------------------------
def parse_xml(data: bytes, path: Any, part: str) -> Element:
    """Parse with defusedxml: entity declarations and external references are refused."""
    try:
        return SafeET.fromstring(data)
    except DefusedXmlException as exc:
        raise FileImportError(
            path,
            say(
                ("{part} declares XML entities or external references, which Codewerk refuses ({exc})"),
                part=part,
                exc=exc,
            ),
        ) from None
    except SafeET.ParseError as exc:
        raise FileImportError(
            path, say("{part} is not well-formed XML ({exc})", part=part, exc=exc)
        ) from None
    except RecursionError:
        raise FileImportError(path, say("{part} is nested too deeply", part=part)) from None


#: An element with more children than this is looked at by its children's tags first: a source's
#: selections (a hundred each, looked through for its text, description, notes, values and codings).
_MANY = 16
_TAG = attrgetter("tag")


def _tags(element: Element, name: str) -> tuple[set[Any], set[Any]]:
    """The tags of ``element``'s children (gathered in C), and those whose local name is ``name``."""
    tags = set(map(_TAG, element))
    return tags, {tag for tag in tags if local_name(tag) == name}


def children(element: Element, name: str) -> list[Element]:
    if len(element) > _MANY:
        tags, wanted = _tags(element, name)
        if not wanted:
            return []
        if len(wanted) == len(tags):
            return list(element)
        return [child for child in element if child.tag in wanted]
    return [child for child in element if local_name(child.tag) == name]


def child(element: Element, name: str) -> Element | None:
    if len(element) > _MANY:
        _, wanted = _tags(element, name)
        if not wanted:
            return None
        return next(c for c in element if c.tag in wanted)
    return next((c for c in element if local_name(c.tag) == name), None)


def child_text(element: Element, name: str) -> str:
    found = child(element, name)
    return "".join(found.itertext()) if found is not None else ""


def attr(element: Element, name: str) -> str | None:
    value = element.get(name)
    return value if value is None else value.strip() or None


def note_refs(element: Element) -> list[str]:
    return [key for ref in children(element, "NoteRef") if (key := guid_key(ref.get("targetGUID")))]


def describe(element: Element) -> str:
    """``Code 'Vertrouwen'`` / ``PlainTextSelection 1A2B…`` for reports."""
    name = element.get("name")
    label = local_name(element.tag)
    if name and name.strip():
        short = " ".join(name.split())
        return f"{label} '{short[:60]}{'…' if len(short) > 60 else ''}'"
    guid = element.get("guid")
    return f"{label} {guid}" if guid else label


class GuidRegistry:
    """GUIDs seen in one file: a missing or repeated GUID gets a fresh one (and is reported).

    References are matched through :meth:`resolve`, so a reference that spells a malformed
    GUID exactly as its element does still finds it.
    """

    def __init__(self, skipped: list[Skipped]) -> None:
        self.seen: set[str] = set()
        self.aliases: dict[str, str] = {}
        self.skipped = skipped

    def resolve(self, key: str) -> str:
        return self.aliases.get(key, key)

    def take(self, element: Element) -> str:
        raw = element.get("guid")
        if raw is not None and len(raw) == 36 and raw not in self.seen and CANONICAL_GUID.fullmatch(raw):
            self.seen.add(raw)  # as written by Codewerk and most tools (400,000 in a large file)
            return raw
        guid = own_guid(raw)
        if guid is None or guid in self.seen:
            fresh = derived_guid("fresh", raw or "", str(len(self.seen)), describe(element))
            if raw is not None and guid is None:
                self.skipped.append(
                    Skipped(
                        describe(element), say("GUID '{guid}' is malformed; a new one was given", guid=raw)
                    )
                )
            elif guid is not None:
                self.skipped.append(
                    Skipped(
                        describe(element), say("GUID {guid} is used twice; a new one was given", guid=raw)
                    )
                )
            key = guid_key(raw)
            if key is not None and key not in self.aliases and key not in self.seen:
                self.aliases[key] = fresh
            guid = fresh
        self.seen.add(guid)
        return guid


#: Deeper code trees are refused (no real codebook comes close; a hostile file could).
MAX_CODE_DEPTH = 100


def read_codes(parent: Element, guids: GuidRegistry, skipped: list[Skipped], depth: int = 0) -> list[RCode]:
    """The nested ``Code`` elements under ``parent`` (a ``Codes`` or ``Code``).

    Raises :class:`RecursionError` for codes nested deeper than :data:`MAX_CODE_DEPTH`.
    """
    if depth > MAX_CODE_DEPTH:
        raise RecursionError(f"codes are nested more than {MAX_CODE_DEPTH} levels deep")
    codes = []
    for element in children(parent, "Code"):
        name = " ".join((element.get("name") or "").split())
        raw_colour = element.get("color")
        colour = hex_colour(raw_colour)
        if raw_colour and colour is None:
            skipped.append(
                Skipped(
                    describe(element), say("colour '{colour}' is not #RRGGBB; not used", colour=raw_colour)
                )
            )
        code = RCode(
            guid=guids.take(element),
            name=name,
            colour=colour,
            description=child_text(element, "Description"),
            notes=note_refs(element),
            codable=(element.get("isCodable") or "true").strip().lower() not in ("false", "0"),
        )
        code.children = read_codes(element, guids, skipped, depth + 1)
        codes.append(code)
    return codes


def read_sets(parent: Element | None, guids: GuidRegistry) -> list[RSet]:
    sets: list[RSet] = []
    if parent is None:
        return sets
    for element in children(parent, "Set"):
        sets.append(
            RSet(
                guid=guids.take(element),
                name=" ".join((element.get("name") or "").split()),
                description=child_text(element, "Description"),
                codes=[
                    key
                    for ref in children(element, "MemberCode")
                    if (key := guid_key(ref.get("targetGUID") or ref.get("guid")))
                ],
                sources=[
                    key
                    for ref in children(element, "MemberSource")
                    if (key := guid_key(ref.get("targetGUID")))
                ],
            )
        )
    return sets
