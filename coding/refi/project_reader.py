"""Reading a ``.qdpx`` into plain data: users, codes, cases, text sources with their selections, notes, sets.

Source texts are decoded (UTF-8 with or without BOM, UTF-16 with BOM, else Windows-1252),
normalised, and every selection's position is mapped onto the normalised text
(:mod:`coding.refi.positions`). Nothing here touches a project.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from coding.core.collector import collector_paused
from coding.core.errors import FileImportError
from coding.core.i18n import marked
from coding.core.i18n import text as say
from coding.core.parsed import encoded, plain
from coding.core.text import fold
from coding.media.media_commands import NewMedia
from coding.refi.archive import QdpxArchive
from coding.refi.codebook_xml import load_qdc
from coding.refi.descriptions import memo_part, own_part
from coding.refi.elements import (
    GuidRegistry,
    RCase,
    RCode,
    RCoding,
    RNote,
    RSelection,
    RSet,
    RSource,
    Skipped,
    attr,
    child,
    child_text,
    children,
    describe,
    note_refs,
    parse_xml,
    read_codes,
    read_sets,
)
from coding.refi.extension import Extension, parse_extension
from coding.refi.media_xml import (
    TIME_SELECTIONS,
    base_folder,
    recording,
    sync_map,
    text_position,
    transcript_selections,
)
from coding.refi.names import (
    EXTENSION_PART,
    PROJECT_NS_PREFIX,
    guid_key,
    local_name,
    namespace_of,
    parse_datetime,
)
from coding.refi.positions import Counting, SourceText, choose_counting

#: The sections of ``project.qde``, in the order they are read in.
SECTIONS = ("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets", "Links", "Graphs")
_VALUE_ELEMENTS = ("TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue")
_OTHER_SOURCES = {
    "PictureSource": marked("is a picture; Codewerk imports text"),
    "AudioSource": marked("is an audio file without a transcript; Codewerk imports text"),
    "VideoSource": marked("is a video without a transcript; Codewerk imports text"),
}


@dataclass
class RefiProject:
    name: str
    users: dict[str, str] = field(default_factory=dict)
    codes: list[RCode] = field(default_factory=list)
    sets: list[RSet] = field(default_factory=list)
    cases: list[RCase] = field(default_factory=list)
    sources: list[RSource] = field(default_factory=list)
    notes: dict[str, RNote] = field(default_factory=dict)
    project_notes: list[str] = field(default_factory=list)
    description: str = ""
    extension: Extension = field(default_factory=Extension)
    skipped: list[Skipped] = field(default_factory=list)
    adjusted: list[Skipped] = field(default_factory=list)
    #: The recordings to attach, by source GUID, once checked against the files here
    #: (:func:`coding.refi.exchange.check_recordings`).
    recordings: dict[str, NewMedia] = field(default_factory=dict)


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


class _Reader:
    def __init__(self, archive: QdpxArchive | None, path: Path) -> None:
        self.archive = archive
        self.path = path
        self.skipped: list[Skipped] = []
        self.adjusted: list[Skipped] = []
        self.guids = GuidRegistry(self.adjusted)
        self.variables: dict[str, str] = {}
        self.media_folder = path.parent

    def ref(self, element: Element, attribute: str = "targetGUID") -> str | None:
        key = guid_key(element.get(attribute))
        return self.guids.resolve(key) if key else None

    def refs(self, element: Element) -> list[str]:
        return [self.guids.resolve(key) for key in note_refs(element)]

    def read(self, root: Element) -> RefiProject:
        """The project of a whole parsed ``project.qde`` (sections in schema order)."""
        project = self.begin(root)
        for name in SECTIONS:
            element = child(root, name)
            if element is not None:
                self.section(element, project)
        return self.finish(root, project)

    def begin(self, root: Element) -> RefiProject:
        """Check the root element (its tag and attributes are all this needs) and start the project."""
        namespace = namespace_of(root.tag if isinstance(root.tag, str) else "")
        if local_name(root.tag) != "Project" or (namespace and not namespace.startswith(PROJECT_NS_PREFIX)):
            raise FileImportError(
                self.path,
                say(
                    "not a REFI-QDA project (project.qde has the root element {local_name!r})",
                    local_name=local_name(root.tag),
                ),
            )
        self.media_folder = base_folder(root.get("basePath"), self.path)
        return RefiProject(
            name=(root.get("name") or "").strip() or self.path.stem,
            skipped=self.skipped,
            adjusted=self.adjusted,
        )

    def section(self, element: Element, project: RefiProject) -> None:
        """One section of the project (a child of the root), read whole; ``Sources`` source by
        source (:meth:`source`)."""
        name = local_name(element.tag)
        if name == "Users":
            for user in children(element, "User"):
                guid = self.guids.take(user)
                project.users[guid] = (
                    " ".join((user.get("name") or user.get("id") or "").split()) or f"user {guid[:8]}"
                )
        elif name == "CodeBook":
            codes_element = child(element, "Codes")
            if codes_element is not None:
                try:
                    project.codes = read_codes(codes_element, self.guids, self.adjusted)
                except RecursionError as exc:
                    raise FileImportError(self.path, say("refused: {exc}", exc=exc)) from None
        elif name == "Variables":
            for variable in children(element, "Variable"):
                self._variable(variable)
        elif name == "Cases":
            for case in children(element, "Case"):
                self._case(case, project)
        elif name == "Sources":
            for source in list(element):
                self.source(source, project)
        elif name == "Notes":
            for note in children(element, "Note"):
                self._note(note, project)
        elif name == "Sets":
            project.sets = read_sets(element, self.guids)
            for code_set in children(element, "Set"):
                members = children(code_set, "MemberNote")
                if members:
                    self.skipped.append(
                        Skipped(
                            f"MemberNote in {describe(code_set)}",
                            say("sets of notes are not imported ({count})", count=len(members)),
                        )
                    )
        elif name in ("Links", "Graphs") and len(element):
            what = say("Codewerk has no links") if name == "Links" else say("Codewerk has no graphs")
            self.skipped.append(Skipped(f"{name} ({len(element)})", what))

    def finish(self, root: Element, project: RefiProject) -> RefiProject:
        """What the root holds itself (its notes, its description), and references resolved."""
        project.project_notes = self.refs(root)
        project.description = _description(root)
        self._resolve_references(project)
        return project

    def _variable(self, variable: Element) -> None:
        name = " ".join((variable.get("name") or "").split())
        guid = self.guids.take(variable)
        if name:
            self.variables[guid] = name
            if _description(variable):
                self.skipped.append(
                    Skipped(
                        say("Description of {element}", element=describe(variable)),
                        say("attributes have no description in Codewerk"),
                    )
                )
        else:
            self.skipped.append(Skipped(describe(variable), say("a variable without a name is not imported")))

    def _resolve_references(self, project: RefiProject) -> None:
        resolve = self.guids.resolve
        for root in project.codes:
            for code in root.walk():
                code.notes = [resolve(g) for g in code.notes]
        for code_set in project.sets:
            code_set.codes = [resolve(g) for g in code_set.codes]
            code_set.sources = [resolve(g) for g in code_set.sources]

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

    def _case(self, case: Element, project: RefiProject) -> None:
        guid = self.guids.take(case)
        sources = [s for ref in children(case, "SourceRef") if (s := self.ref(ref))]
        if not sources and children(case, "SelectionRef"):
            self.skipped.append(
                Skipped(
                    describe(case),
                    say("links only selections, not whole sources; its values are not imported"),
                )
            )
            return
        name = " ".join((case.get("name") or "").split())
        codes = children(case, "CodeRef")
        if codes:
            self.skipped.append(
                Skipped(
                    f"CodeRef in {describe(case)}",
                    say("Codewerk does not code cases ({count} not imported)", count=len(codes)),
                )
            )
        project.cases.append(RCase(guid, name, self._values(case), sources, _description(case)))

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
        raw, reason = self._text(text_element, label)
        if raw is None:
            self.skipped.append(Skipped(label, reason or say("has no text")))
            return
        source_text = SourceText(raw)
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
        source.text = encoded(plain(source.text))  # read: from here on held as UTF-8
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
            created=parse_datetime(element.get("creationDateTime")),
            notes=[resolve(key) for key in notes] if notes else _NO_NOTES,
        )

    def _selection(self, selection: Element, start: int, end: int) -> RSelection:
        """A selection at ``start``–``end`` of the normalised text; its children read in one pass."""
        guid = self.guids.take(selection)
        user = self.ref(selection, "creatingUser")
        created = parse_datetime(selection.get("creationDateTime"))
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
        raw: list[tuple[Element, int, int]] = []
        for selection in children(element, "PlainTextSelection"):
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
        for selection, start, end in raw:
            span = text.span(start, end, counting)
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

    def _note(self, element: Element, project: RefiProject) -> None:
        guid = self.guids.take(element)
        text, reason = self._text(element, describe(element))
        if text is None:
            self.skipped.append(Skipped(describe(element), reason or say("has no text")))
            return
        passages = []
        for selection in children(element, "PlainTextSelection"):
            try:
                passages.append(
                    (int(selection.get("startPosition", "")), int(selection.get("endPosition", "")))
                )
            except ValueError:
                self.skipped.append(
                    Skipped(
                        say("{element} in {where}", element=describe(selection), where=describe(element)),
                        say("not a passage"),
                    )
                )
        codings = children(element, "Coding") + [
            c for s in children(element, "PlainTextSelection") for c in children(s, "Coding")
        ]
        if codings:
            self.skipped.append(
                Skipped(
                    describe(element),
                    say("codes a note ({count} coding(s)); Codewerk codes documents", count=len(codings)),
                )
            )
        project.notes[guid] = RNote(
            guid=guid,
            name=" ".join((element.get("name") or "").split()),
            text=text.replace("\r\n", "\n").replace("\r", "\n"),
            user=self.ref(element, "creatingUser"),
            created=parse_datetime(element.get("creationDateTime")),
            modified=parse_datetime(element.get("modifiedDateTime")),
            passages=passages,
        )


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


def read_qdpx(path: Path, advance: Callable[[str], None] | None = None) -> RefiProject:
    """Read and check a whole ``.qdpx``; raises :class:`FileImportError` for unsafe or unusable files.

    ``project.qde`` is parsed as a stream (:mod:`coding.refi.project_stream`); ``advance(name)``
    after each source (it may raise to stop)."""
    with collector_paused():  # millions of long-lived objects, no cycles (coding.core.collector)
        return _read_qdpx(path, advance)


def _read_qdpx(path: Path, advance: Callable[[str], None] | None) -> RefiProject:
    from coding.refi.project_stream import OutOfOrder, read_stream

    with QdpxArchive(path) as archive:
        try:
            with archive.stream(archive.qde_name) as stream:
                project = read_stream(_Reader(archive, path), stream, advance)
        except OutOfOrder:  # sections in another order than the schema's: read it whole
            root = parse_xml(archive.project_qde(), path, "project.qde")
            project = _Reader(archive, path).read(root)
        extension = archive.extension()
    if extension is not None:
        project.extension = parse_extension(extension.decode("utf-8", errors="replace"), EXTENSION_PART)
        project.skipped.extend(Skipped(EXTENSION_PART, p) for p in project.extension.problems)
    _code_definitions(project)
    _unique_source_names(project)
    return project


def _code_definitions(project: RefiProject) -> None:
    """A code's Description less the copy of its memos that Codewerk writes after its definition."""
    judgements = {a.guid for a in project.extension.judgements}
    for root in project.codes:
        for code in root.walk():
            memos = [project.notes[g] for g in code.notes if g in project.notes and g not in judgements]
            code.description = own_part(code.description, (memo_part(n.name, n.text) for n in memos))


def read_codebook_only(path: Path) -> RefiProject:
    """A ``.qdc`` as a project that holds only codes and sets (for merging a codebook)."""

    def refuse(problem: int | OSError) -> FileImportError:
        if isinstance(problem, FileNotFoundError):
            return FileImportError(path, say("file not found"))
        if isinstance(problem, OSError):
            return FileImportError(path, say("cannot be read ({value})", value=problem.strerror or problem))
        return FileImportError(path, say("too large for a codebook"))

    codes, sets, adjusted, extension = load_qdc(path, refuse)
    return RefiProject(name=path.stem, codes=codes, sets=sets, adjusted=adjusted, extension=extension)


def _unique_source_names(project: RefiProject) -> None:
    """Duplicate source names (allowed in REFI, not in Codewerk) get a number: ``R5 (2)``."""
    taken = {fold(source.name) for source in project.sources}
    seen: set[str] = set()
    for source in project.sources:
        original = source.name[:240]
        candidate, number = original, 1
        while fold(candidate) in seen or (number > 1 and fold(candidate) in taken):
            number += 1
            candidate = f"{original} ({number})"
        if candidate != source.name:
            project.adjusted.append(
                Skipped(
                    f"TextSource '{source.name}'",
                    say("another source has the same name; imported as '{name}'", name=candidate),
                )
            )
        source.name = candidate
        seen.add(fold(candidate))
