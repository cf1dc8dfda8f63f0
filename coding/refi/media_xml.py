"""A document's recording in REFI-QDA: ``AudioSource``/``VideoSource`` with its ``Transcript``.

Writing. A document with a recording is written as the standard's ``AudioSource`` (a sound
recording) or ``VideoSource`` (a film) instead of a ``TextSource``; its GUID is the document's,
so cases, sets and memos refer to it as to any source. ``path`` is the recording as an absolute
``file://`` URI (the recording is linked, never copied into the ``.qdpx``). The document's text is
the source's one ``Transcript`` (``plainTextPath="internal://<guid>.txt"``, the same file a
``TextSource`` would name). Its ``SyncPoint``\\ s tie the text to the recording: one at the start of
every turn with a time (``position`` in code points of the text, ``timeStamp`` in milliseconds
into the recording, both integers as ``Project.xsd`` defines them) and one (``position`` only) at
each boundary of a coded passage; every coded passage is a ``TranscriptSelection`` from the sync
point at its start to the one at its end, with its ``Coding``\\ s as a ``PlainTextSelection``
would carry them.

Reading. An ``AudioSource``/``VideoSource`` with a ``Transcript`` becomes a document: the
transcript's text, its ``TranscriptSelection``\\ s as passages (positions from their sync points),
the sync points with a time as the start times of the turns they open, and the recording attached
when its file is found (a ``file://`` URI, an absolute path, or a path relative to the project's
``basePath`` or the ``.qdpx``'s folder). A recording inside the archive (``internal://``) is not
extracted: Codewerk links recordings. One without a transcript is listed as skipped.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname
from xml.etree.ElementTree import Element

from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.media.media_commands import NewMedia
from coding.media.media_files import check_recording, media_kind, stored_path
from coding.refi.elements import RRecording, Skipped, children, describe
from coding.refi.names import derived_guid
from coding.refi.positions import Counting, SourceText
from coding.refi.snapshot import DocumentRow, PassageRow

#: The source element for each kind of recording.
SOURCE_ELEMENTS = {"audio": "AudioSource", "video": "VideoSource"}
RECORDING_KINDS = {element: kind for kind, element in SOURCE_ELEMENTS.items()}
#: The selections of a recording itself (a stretch of time), which Codewerk does not code.
TIME_SELECTIONS = {"AudioSource": "AudioSelection", "VideoSource": "VideoSelection"}


# -- writing --------------------------------------------------------------------------------
@dataclass(frozen=True)
class SyncPoint:
    guid: str
    position: int
    milliseconds: int | None


def media_uri(location: Path) -> str:
    """The recording's ``path``: an absolute ``file://`` URI."""
    return Path(os.path.abspath(location)).as_uri()


def transcript_guid(document_guid: str) -> str:
    return derived_guid(document_guid, "transcript")


def sync_points(doc: DocumentRow, passages: Iterable[PassageRow]) -> dict[int, SyncPoint]:
    """Position → sync point, in text order: a timed one at the start of every turn with a time,
    an untimed one at every other boundary of a coded passage. GUIDs derive from the document's
    GUID and the position, so every export of the same document carries the same ones."""
    points: dict[int, SyncPoint] = {}

    def point(position: int, milliseconds: int | None) -> None:
        if position not in points:
            points[position] = SyncPoint(
                derived_guid(doc.guid, "sync", str(position)), position, milliseconds
            )

    for _speaker, start, _end, _body, stamp in doc.turns:
        if stamp is not None:
            point(start, max(0, round(stamp * 1000)))
    for passage in passages:
        point(passage.start, None)
        point(passage.end, None)
    return dict(sorted(points.items()))


# -- reading --------------------------------------------------------------------------------
def location_of(path: str, folder: Path) -> Path | None:
    """The local file a recording's ``path`` names: a ``file://`` URI, an absolute path, or a path
    relative to ``folder``; None for ``internal://`` (inside the archive) and other schemes."""
    scheme, separator, _rest = path.partition("://")
    if not separator:
        local = Path(path)
        return local if local.is_absolute() else folder / local
    if scheme.lower() != "file":
        return None
    parsed = urlparse(path)
    return Path(url2pathname(unquote(parsed.path)))


def base_folder(base_path: str | None, qdpx: Path) -> Path:
    """Where relative recording paths start: the project's ``basePath`` if it names a folder that
    exists here, else the ``.qdpx``'s folder."""
    if base_path:
        base = location_of(base_path, qdpx.parent)
        if base is not None and base.is_dir():
            return base
    return qdpx.parent


def recording(element: Element, folder: Path) -> RRecording:
    path = (element.get("path") or element.get("currentPath") or "").strip()
    kind = RECORDING_KINDS.get(element.tag.rpartition("}")[2], "audio")
    return RRecording(kind, path, location_of(path, folder) if path else None)


def sync_map(transcript: Element) -> dict[str, tuple[int, int | None]]:
    """Sync point GUID (as written) → (position, milliseconds or None); points without a usable
    position are left out (a selection naming one is then skipped)."""
    points: dict[str, tuple[int, int | None]] = {}
    for point in children(transcript, "SyncPoint"):
        guid = (point.get("guid") or "").strip().strip("{}").lower()
        try:
            position = int(point.get("position", ""))
        except ValueError:
            continue
        try:
            stamp: int | None = int(point.get("timeStamp", ""))
        except ValueError:
            stamp = None
        if guid and position >= 0:
            points[guid] = (position, stamp if stamp is None or stamp >= 0 else None)
    return points


def transcript_selections(
    transcript: Element, points: dict[str, tuple[int, int | None]], label: str, skipped: list[Skipped]
) -> list[tuple[Element, int, int]]:
    """Each ``TranscriptSelection`` with the positions of its sync points (as written)."""
    raw: list[tuple[Element, int, int]] = []
    for selection in children(transcript, "TranscriptSelection"):
        ends = [
            points.get((selection.get(a) or "").strip().strip("{}").lower())
            for a in ("fromSyncPoint", "toSyncPoint")
        ]
        start, end = ends
        if start is None or end is None:
            skipped.append(
                Skipped(
                    say("{element} in {where}", element=describe(selection), where=label),
                    say("does not name two sync points of its transcript"),
                )
            )
            continue
        raw.append((selection, start[0], end[0]))
    return raw


def text_position(text: SourceText, position: int, counting: Counting) -> int | None:
    """A sync point's position (as written) in the normalised text, counted as the selections are."""
    if counting is Counting.NORMALISED:
        return position if 0 <= position <= len(text.text) else None
    if counting is Counting.UTF16:
        if not 0 <= position <= text.utf16.utf16_length:
            return None
        position = text.utf16.from_utf16(position)
    if not 0 <= position <= len(text.raw):
        return None
    return text.to_text(position)


def turn_times(
    turns: list[tuple[str, int, int, int, float | None]], sync: list[tuple[int, int]]
) -> list[tuple[str, int, int, int, float | None]]:
    """Turns without a time take the time of a timed sync point on their label (from the turn's
    start to where its words begin): the sync points Codewerk writes, and those of tools that
    place one at each speaker's turn."""
    if not sync:
        return turns
    timed = sorted(sync)
    result = []
    for speaker, start, end, body, stamp in turns:
        if stamp is None:
            found = next((ms for position, ms in timed if start <= position <= max(start, body)), None)
            if found is not None:
                stamp = found / 1000
        result.append((speaker, start, end, body, stamp))
    return result


# -- attaching on import ---------------------------------------------------------------------
def prepare_recordings(
    recordings: dict[str, tuple[str, RRecording]],
    known: dict[str, tuple[str, str, int] | None],
    base: Path | None,
) -> tuple[dict[str, NewMedia], list[Skipped], list[Skipped]]:
    """The recordings to attach, by source GUID, checked before the project is touched; ``recordings``
    maps a source's GUID to its name and recording, ``known`` to the kind, hash and size Codewerk's
    extension kept (to attach a recording that is not here now, so it can be relinked later).
    Returns what to attach, what was skipped and what was adjusted."""
    ready: dict[str, NewMedia] = {}
    skipped: list[Skipped] = []
    adjusted: list[Skipped] = []
    for guid, (name, found) in recordings.items():
        where = say("recording of '{name}'", name=name)
        location = found.location
        if location is None:
            reason = (
                say(
                    "is inside the .qdpx; Codewerk links recordings instead of copying them "
                    "(attach it with codewerk media)"
                )
                if found.path.lower().startswith("internal://")
                else say("its path {path} is not a file on this computer", path=found.path or say("(none)"))
            )
            skipped.append(Skipped(where, reason))
            continue
        try:
            kind = media_kind(location)
            if location.is_file():
                kind, sha256, size = check_recording(location)
                ready[guid] = NewMedia(stored_path(location, base), kind, sha256, size)
                continue
        except FileImportError as exc:
            skipped.append(Skipped(where, f"{location}: {exc.reason}"))
            continue
        facts = known.get(guid)
        if facts is None:
            skipped.append(
                Skipped(
                    where, say("{location} was not found; attach it with codewerk media", location=location)
                )
            )
            continue
        ready[guid] = NewMedia(stored_path(location, base), facts[0] or kind, facts[1], facts[2])
        adjusted.append(
            Skipped(
                where,
                say(
                    "{location} was not found; attached anyway, find it with Relink (--relink DIR)",
                    location=location,
                ),
            )
        )
    return ready, skipped, adjusted
