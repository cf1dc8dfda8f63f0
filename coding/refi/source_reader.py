"""Reading the sources of a ``.qdpx``: each ``TextSource`` (or a recording's transcript, a PDF's text
representation) with its text, its selections mapped onto the normalised text and their codings.

Source texts are decoded (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252),
normalised, and every selection's position is mapped onto the normalised text
(:mod:`coding.refi.positions`). The rest of ``project.qde`` is read by
:mod:`coding.refi.project_reader`, whose reader is this one's subclass.
"""

from __future__ import annotations

import codecs
from collections.abc import Sequence
from operator import methodcaller
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree.ElementTree import Element

from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.parsed import EncodedText, encoded, plain
from coding.refi.archive import QdpxArchive
from coding.refi.elements import (
    GuidRegistry,
    RCoding,
    RSelection,
    RSource,
    Skipped,
    attr,
    child,
    child_text,
    children,
    describe,
    note_refs,
)
from coding.refi.media_xml import (
    TIME_SELECTIONS,
    recording,
    sync_map,
    text_position,
    transcript_selections,
)
from coding.refi.names import guid_key, local_name, parse_datetime, stored_time
from coding.refi.positions import Counting, SourceText, choose_counting
from coding.refi.selection_columns import read_selections

if TYPE_CHECKING:
    from coding.refi.project_reader import RefiProject

_VALUE_ELEMENTS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")
_OTHER_SOURCES = {
    "PictureSource": marked("is a picture; Codewerk imports text"),
    "AudioSource": marked("is an audio file without a transcript; Codewerk imports text"),
    "VideoSource": marked("is a video without a transcript; Codewerk imports text"),
}


def decode_source(data: bytes) -> tuple[str, str | None]:
    """Text of a source file and a notice when it was not UTF-8."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "read as UTF-16"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "not valid UTF-8; read as Windows-1252"


_START = methodcaller("get", "startPosition", "")
_END = methodcaller("get", "endPosition", "")

#: How many references' texts :meth:`SourceReader.ref` remembers the key of.
_KEYS_KEPT = 1 << 16
_UNSEEN = ""  # (not a key: guid_key gives None or a non-empty text)


class SourceReader:
    """What reading a source needs: the archive, the GUIDs seen, the variables, what was skipped."""

    def __init__(self, archive: QdpxArchive | None, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.skipped: list[Skipped] = []
        self.adjusted: list[Skipped] = []
        self.guids = GuidRegistry(self.adjusted)
        self.variables: dict[str, str] = {}
        self.media_folder = path.parent
        #: :func:`guid_key` of the references' texts met so far (bounded: :data:`_KEYS_KEPT`).
        self._keys: dict[str, str | None] = {}
        #: The text :meth:`_text` last decoded as UTF-8 without a BOM, with the bytes it was.
        self._utf8: tuple[str, bytes] | None = None

    def ref(self, element: Element, attribute: str = "targetGUID") -> str | None:
        raw = element.get(attribute)
        if raw is None:
            return None
        key = self._keys.get(raw, _UNSEEN)
        if key is _UNSEEN:  # (a coding's code and user: the same few strings, 600,000 times)
            key = guid_key(raw)
            if len(self._keys) < _KEYS_KEPT:
                self._keys[raw] = key
        return self.guids.aliases.get(key, key) if key else None  # (GuidRegistry.resolve, inline)

    def ref_column(self, raws: Sequence[str | None]) -> list[str | None]:
        """What :meth:`ref` gives for each of the attribute values ``raws`` (a coding's code and
        user: the same few strings, each resolved once)."""
        keys, aliases = self._keys, self.guids.aliases
        resolved: dict[str | None, str | None] = {None: None}
        for raw in set(raws).difference(resolved):
            assert raw is not None
            key = keys.get(raw, _UNSEEN)
            if key is _UNSEEN:
                key = guid_key(raw)
                if len(keys) < _KEYS_KEPT:
                    keys[raw] = key
            resolved[raw] = aliases.get(key, key) if key else None
        return list(map(resolved.__getitem__, raws))

    def refs(self, element: Element) -> list[str]:
        return [self.guids.resolve(key) for key in note_refs(element)]

    # -- values ----------------------------------------------------------------------------
    def _values(self, element: Element) -> dict[str, str]:
        values: dict[str, str] = {}
        for item in children(element, "VariableValue"):
            ref = child(item, "VariableRef")
            variable = self.variables.get(self.ref(ref) or "") if ref is not None else None
            text = next(
                (
                    " ".join(child_text(item, n).split())
                    for n in _VALUE_ELEMENTS
                    if child(item, n) is not None
                ),
                "",
            )
            if variable is None:
                self.skipped.append(
                    Skipped(
                        say("VariableValue of {element}", element=describe(element)),
                        say("refers to no known variable"),
                    )
                )
            elif text:
                values.setdefault(variable, text)
        return values

    # -- sources ---------------------------------------------------------------------------
    def _text(self, element: Element, label: str) -> tuple[str | None, str | None]:
        """The plain text of a TextSource/Note (inline or from the archive), or a reason why not."""
        inline = child(element, "PlainTextContent")
        path = attr(element, "plainTextPath")
        if inline is not None and (not path or "".join(inline.itertext())):
            return "".join(inline.itertext()), None
        if not path:
            if attr(element, "richTextPath"):
                return None, say("has only rich text (no plain text); export it with plain text")
            return None, say("has no text (neither PlainTextContent nor plainTextPath)")
        scheme, _, rest = path.partition("://")
        if scheme.lower() != "internal" or self.archive is None:
            return (
                None,
                say(
                    "refers to a file outside the project ({path}); only internal:// sources can be imported",
                    path=path,
                ),
            )
        data = self.archive.source(rest)
        if data is None:
            return None, say("its file {path} is not in the archive", path=path)
        text, notice = decode_source(data)
        if notice:
            self.adjusted.append(Skipped(label, notice))
        elif not data.startswith(codecs.BOM_UTF8):
            self._utf8 = (text, data)
        return text, None

    def source(self, element: Element, project: RefiProject) -> None:
        kind = local_name(element.tag)
        transcripts = children(element, "Transcript") if kind in TIME_SELECTIONS else []
        if kind in _OTHER_SOURCES and not transcripts:
            self.skipped.append(Skipped(describe(element), say(_OTHER_SOURCES[kind])))
            return
        if kind not in ("TextSource", "PDFSource") and not transcripts:
            return
        guid = self.guids.take(element)
        label = describe(element)
        text_element = element
        if transcripts:  # a recording with its transcript (coding.refi.media_xml)
            text_element = transcripts[0]
            for extra in transcripts[1:]:
                self.skipped.append(
                    Skipped(
                        say("{element} in {where}", element=describe(extra), where=label),
                        say("a second transcript; Codewerk keeps the first"),
                    )
                )
            for _selection in children(element, TIME_SELECTIONS[kind]):
                self.skipped.append(
                    Skipped(
                        say("{element} in {where}", element=TIME_SELECTIONS[kind], where=label),
                        say("a stretch of the recording, not a passage of its transcript"),
                    )
                )
        if kind == "PDFSource":
            representation = child(element, "Representation")
            if representation is None:
                self.skipped.append(
                    Skipped(label, say("a PDF without a text representation; Codewerk imports text"))
                )
                return
            text_element = representation
            for _selection in children(element, "PDFSelection"):
                self.skipped.append(
                    Skipped(
                        say("{element} in {where}", element="PDFSelection", where=label),
                        say("a region of a PDF page, not a passage"),
                    )
                )
        self._utf8 = None
        raw, reason = self._text(text_element, label)
        if raw is None:
            self.skipped.append(Skipped(label, reason or say("has no text")))
            return
        utf8 = self._utf8[1] if self._utf8 is not None and self._utf8[0] is raw else None
        self._utf8 = None
        source_text = SourceText(raw, utf8)
        name = " ".join((element.get("name") or "").split()) or f"Source {guid[:8]}"
        source = RSource(
            guid=guid,
            name=name,
            text=source_text.text,
            created=parse_datetime(element.get("creationDateTime")),
            notes=self.refs(element) + (self.refs(text_element) if text_element is not element else []),
            values=self._values(element)
            if text_element is element
            else {**self._values(text_element), **self._values(element)},
            description=_description(element) or _description(text_element),
        )
        if transcripts:
            source.recording = recording(element, self.media_folder)
            points = sync_map(text_element)
            selections = transcript_selections(text_element, points, label, self.skipped)
            counting = self._selections(selections, source, source_text, label)
            for position, milliseconds in points.values():
                at = text_position(source_text, position, counting)
                if milliseconds is not None and at is not None:
                    source.sync.append((at, milliseconds))
        else:
            self._selections(self._plain_selections(text_element, label), source, source_text, label)
        for holder in {id(e): e for e in (element, text_element)}.values():
            source.whole_codings.extend(c for c in map(self._coding, children(holder, "Coding")) if c)
        # Read: from here on held as UTF-8 (the file's own bytes when they are that text already).
        if utf8 is not None and source_text.text == raw:  # (a lone CR became LF: offsets alike, not text)
            source.text = EncodedText(utf8, len(source_text.text))
        else:
            source.text = encoded(plain(source.text))
        project.sources.append(source)

    def _coding(self, element: Element) -> RCoding | None:
        guid = self.guids.take(element)
        code_ref: Element | None = None
        notes: list[str] = []
        for item in element:  # one pass over its children (200,000 codings in a large file)
            name = local_name(item.tag)
            if name == "CodeRef":
                if code_ref is None:
                    code_ref = item
            elif name == "NoteRef" and (key := guid_key(item.get("targetGUID"))):
                notes.append(key)
        code = self.ref(code_ref) if code_ref is not None else None
        if code is None:
            self.skipped.append(Skipped(f"Coding {guid}", say("has no CodeRef")))
            return None
        resolve = self.guids.resolve
        return RCoding(
            guid=guid,
            code=code,
            user=self.ref(element, "creatingUser"),
            created=stored_time(element.get("creationDateTime")),
            notes=[resolve(key) for key in notes] if notes else _NO_NOTES,
        )

    def _selection(self, selection: Element, start: int, end: int) -> RSelection:
        """A selection at ``start``–``end`` of the normalised text; its children read in one pass."""
        guid = self.guids.take(selection)
        user = self.ref(selection, "creatingUser")
        created = stored_time(selection.get("creationDateTime"))
        codings: list[Element] = []
        notes: list[str] = []
        description: Element | None = None
        for item in selection:
            name = local_name(item.tag)
            if name == "Coding":
                codings.append(item)
            elif name == "NoteRef" and (key := guid_key(item.get("targetGUID"))):
                notes.append(key)
            elif name == "Description" and description is None:
                description = item
        read = [c for c in map(self._coding, codings) if c]
        resolve = self.guids.resolve
        return RSelection(
            guid=guid,
            start=start,
            end=end,
            user=user,
            created=created,
            codings=read,
            notes=[resolve(key) for key in notes] if notes else _NO_NOTES,
            description=_text_of(description),
        )

    def _plain_selections(self, element: Element, label: str) -> list[tuple[Element, int, int]]:
        selections = children(element, "PlainTextSelection")
        try:  # every position a number (as almost always): read a column at a time
            starts = list(map(int, map(_START, selections)))
            ends = list(map(int, map(_END, selections)))
        except ValueError:
            pass
        else:
            return list(zip(selections, starts, ends, strict=True))
        raw: list[tuple[Element, int, int]] = []
        for selection in selections:
            try:
                start, end = int(selection.get("startPosition", "")), int(selection.get("endPosition", ""))
            except ValueError:
                self.skipped.append(
                    Skipped(
                        say("{element} in {where}", element=describe(selection), where=label),
                        say("start or end is not a number"),
                    )
                )
                continue
            raw.append((selection, start, end))
        return raw

    def _selections(
        self, raw: list[tuple[Element, int, int]], source: RSource, text: SourceText, label: str
    ) -> Counting:
        """The selections (with their positions as written) as passages of the normalised text;
        returns how the file counted positions."""
        if text.identity and not text.astral:  # one way to count: the names need not be compared
            counting = Counting.STORED
        else:
            counting = choose_counting(text, [(s, e, sel.get("name")) for sel, s, e in raw])
        if counting is not Counting.STORED:
            self.adjusted.append(
                Skipped(
                    label,
                    say(
                        "positions were counted in {counting} (detected from the selections' text)",
                        counting=counting.value,
                    ),
                )
            )
        normalised = text.text
        if counting is Counting.STORED and text.identity:  # a span is its positions (if in the text)
            limit = len(normalised)
            spans = [(start, end) if 0 <= start < end <= limit else None for _, start, end in raw]
        else:
            spans = [text.span(start, end, counting) for _, start, end in raw]
        kept = [
            (selection, span[0], span[1])
            for (selection, _, _), span in zip(raw, spans, strict=True)
            if span is not None and not normalised[span[0] : span[1]].isspace()
        ]
        selections = (
            read_selections(kept, self.guids.seen, self.ref_column, stored_time, _NO_NOTES)
            if len(kept) == len(raw)
            else None
        )
        if selections is not None:  # the common shape, read a column at a time
            source.selections.extend(selections)
            return counting
        for (selection, start, end), span in zip(raw, spans, strict=True):
            if span is None:
                self.skipped.append(
                    Skipped(
                        f"{describe(selection)} in {label}",
                        say(
                            "positions {start}–{end} are not a passage of the text ({length} characters)",
                            start=start,
                            end=end,
                            length=len(text.raw),
                        ),
                    )
                )
                continue
            if normalised[span[0] : span[1]].isspace():
                self.skipped.append(
                    Skipped(
                        f"{describe(selection)} in {label}", say("the selected passage is only whitespace")
                    )
                )
                continue
            source.selections.append(self._selection(selection, span[0], span[1]))
        return counting


def _description(element: Element) -> str:
    """The text of an element's ``Description`` (QualCoder and MAXQDA keep memos there)."""
    return _text_of(child(element, "Description"))


def _text_of(description: Element | None) -> str:
    """The text of a ``Description`` element, line ends as ``\n``, trimmed."""
    if description is None:
        return ""
    return "".join(description.itertext()).replace("\r\n", "\n").replace("\r", "\n").strip()


#: The notes of a selection or coding that refers to none (most): one list shared by all, never
#: changed (references are resolved into new lists).
_NO_NOTES: list[str] = []
