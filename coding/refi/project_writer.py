"""Writing a ``.qdpx``: ``project.qde`` (QDA-XML 1.0) plus ``sources/<guid>.txt`` and Codewerk's extension.

Element order follows ``Project.xsd`` exactly: Users, CodeBook, Variables, Cases, Sources,
Notes, Sets, then the project's own NoteRefs. Empty containers are left out (the schema
requires at least one child in each). The sections and sources are built here with lxml, the
selections inside each source as text (:mod:`coding.refi.selection_xml`), and the archive is
written as a stream (:mod:`coding.refi.zip_streams`).
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

from coding.core.collector import collector_paused
from coding.core.errors import CodewerkError, InvalidInputError
from coding.core.i18n import text as say
from coding.core.records import CodeInfo, CodeTree
from coding.core.xml_chars import xml_text
from coding.refi.descriptions import SEPARATOR, compose, memo_part
from coding.refi.extension import dumps, project_extension
from coding.refi.media_xml import SOURCE_ELEMENTS, media_uri, sync_points, transcript_guid
from coding.refi.names import EXTENSION_PART, PROJECT_NS, derived_guid, format_datetime
from coding.refi.schemas import PROJECT_SCHEMA, schema_errors
from coding.refi.selection_xml import NoteOut, SelectionXml, attribute_text, variable_value
from coding.refi.snapshot import DocumentParts, DocumentRow, Snapshot, open_snapshot
from coding.refi.zip_streams import Buffered, Deflating, Out, TextsBehind

if TYPE_CHECKING:
    from coding.project import Project

ORIGIN = "Codewerk 0.1"
JUDGEMENT_PREFIX = "Judgement: "


def _q(name: str, ns: str = PROJECT_NS) -> str:
    return f"{{{ns}}}{name}"


def _sub(
    parent: Any, name: str, attributes: dict[str, str | None] | None = None, ns: str = PROJECT_NS
) -> Any:
    element = etree.SubElement(parent, _q(name, ns))
    for key, value in (attributes or {}).items():
        if value is not None:
            element.set(key, xml_text(value))
    return element


def _element(name: str, attributes: dict[str, str | None] | None = None) -> Any:
    """A section or source of ``project.qde``, built on its own (see :meth:`_ProjectXml.write`)."""
    element = etree.Element(_q(name), nsmap={None: PROJECT_NS})
    for key, value in (attributes or {}).items():
        if value is not None:
            element.set(key, xml_text(value))
    return element


_DECLARED = f' xmlns="{PROJECT_NS}"'.encode()


def _put(out: Out, element: Any) -> None:
    """Write ``element`` as it would stand inside the project's root (its namespace declared there)."""
    out.write(etree.tostring(element, encoding="utf-8").replace(_DECLARED, b"", 1))


def _text_element(parent: Any, name: str, text: str, ns: str = PROJECT_NS) -> None:
    _sub(parent, name, ns=ns).text = xml_text(text)


#: Written in place of a source's selections and of its variable values (see :meth:`_ProjectXml._source`).
_SELECTIONS = "CodewerkSelections"
_PLACEHOLDER = f"<{_SELECTIONS}/>".encode()
_VALUES = "CodewerkValues"
_VALUES_PLACEHOLDER = f"<{_VALUES}/>".encode()


def code_elements(
    parent: Any,
    tree: CodeTree,
    codes: Iterable[CodeInfo],
    ns: str,
    note_refs: dict[int, list[str]] | None = None,
    memos: dict[int, list[str]] | None = None,
) -> None:
    """The nested ``Code`` elements (with ``NoteRef`` in a project, without in a codebook).

    A code's ``Description`` is its definition, then (after a blank line) its ``memos`` composed
    (:mod:`coding.refi.descriptions`): QualCoder shows the Description as the code's memo.
    """
    for code in codes:
        element = _sub(
            parent,
            "Code",
            {
                "guid": code.guid,
                "name": code.name,
                "isCodable": "true" if code.codable else "false",
                "color": code.colour,
            },
            ns,
        )
        composed = compose((memos or {}).get(code.id, ()))
        description = code.description + SEPARATOR + composed if composed else code.description
        if not code.description:
            description = composed
        if description:
            _text_element(element, "Description", description, ns)
        for guid in (note_refs or {}).get(code.id, ()):
            _sub(element, "NoteRef", {"targetGUID": guid}, ns)
        code_elements(element, tree, tree.children(code.id), ns, note_refs, memos)


class _ProjectXml(SelectionXml):
    def __init__(self, snapshot: Snapshot) -> None:
        self.s = snapshot
        self.users = {coder.id: coder.guid for coder in snapshot.coders.values()}
        self.codes = {code.id: code.guid for code in snapshot.tree}
        #: `` creatingUser="…"`` per coder, and ``<CodeRef …/>`` per code, as written.
        self._user_attributes = {
            coder_id: f' creatingUser="{attribute_text(guid)}"' for coder_id, guid in self.users.items()
        }
        self._code_refs = {
            code_id: f'<CodeRef targetGUID="{attribute_text(guid)}"/>' for code_id, guid in self.codes.items()
        }
        #: The GUIDs of the passages given as a judgement's evidence (for the extension), found
        #: while the sources are written.
        self.passage_guids: dict[int, str] = {}
        self._evidence = {
            passage_id for judgement in snapshot.judgements for passage_id in judgement.evidence
        }
        self._parts: DocumentParts | None = None
        #: Each (variable, value)'s ``VariableValue`` as written (:meth:`_variable_values`).
        self._values_written: dict[tuple[str, str], str] = {}
        self._source_values = ""
        self.notes: list[NoteOut] = []
        self.code_notes: dict[int, list[str]] = defaultdict(list)
        self.document_notes: dict[int, list[str]] = defaultdict(list)
        self.passage_notes: dict[int, list[str]] = defaultdict(list)
        self.project_notes: list[str] = []
        # What each element's Description repeats of its memos (for tools that read only that).
        self.code_memos: dict[int, list[str]] = defaultdict(list)
        self.document_memos: dict[int, list[str]] = defaultdict(list)
        self.project_memos: list[str] = []
        self._collect_notes()

    def _collect_notes(self) -> None:
        for memo in self.s.memos:
            guid = self._note(
                NoteOut(
                    memo.guid,
                    memo.title or None,
                    memo.text,
                    self.user(memo.coder_id),
                    memo.created_at,
                    memo.updated_at,
                )
            )
            part = memo_part(memo.title, memo.text)
            if memo.code_id is not None:
                self.code_notes[memo.code_id].append(guid)
                self.code_memos[memo.code_id].append(part)
            elif memo.document_id is not None:
                self.document_notes[memo.document_id].append(guid)
                self.document_memos[memo.document_id].append(part)
            else:
                self.project_notes.append(guid)
                self.project_memos.append(part)
        tree = self.s.tree
        for judgement in self.s.judgements:
            code = tree.get(judgement.code_id)
            body = judgement.score + (f"\n{judgement.justification}" if judgement.justification else "")
            guid = self._note(
                NoteOut(
                    judgement.guid,
                    f"{JUDGEMENT_PREFIX}{code.name} – {judgement.attribute} {judgement.value}",
                    body,
                    self.user(judgement.coder_id),
                    None,
                    judgement.updated_at,
                )
            )
            self.code_notes[judgement.code_id].append(guid)
            for passage_id in judgement.evidence:
                self.passage_notes[passage_id].append(guid)

    # -- sections --------------------------------------------------------------------------
    def write(self, out: Out, advance: Callable[[str], None] | None = None) -> None:
        """Write ``project.qde`` to ``out`` section by section: each section, and within
        ``Sources`` each source, is built as a small tree, written and let go (the same bytes as
        one tree serialised at once). ``advance(name)`` after each source."""
        root = _element("Project")
        root.set("name", xml_text(self.s.name) or "Codewerk project")
        root.set("origin", ORIGIN)
        root.set("modifiedDateTime", format_datetime(datetime.now().astimezone()) or "")
        out.write(b"<?xml version='1.0' encoding='utf-8'?>\n")
        empty = etree.tostring(root, encoding="utf-8")
        out.write(empty[: -len(b"/>")] + b">")
        if self.s.coders:
            users = _element("Users")
            for coder in self.s.coders.values():
                _sub(users, "User", {"guid": coder.guid, "name": coder.name})
            _put(out, users)
        if len(self.s.tree):
            codebook = _element("CodeBook")
            codes = _sub(codebook, "Codes")
            code_elements(
                codes, self.s.tree, self.s.tree.roots(), PROJECT_NS, self.code_notes, self.code_memos
            )
            _put(out, codebook)
        case_values = self._variables_and_cases(out)
        self._sources(out, case_values, advance)
        if self.notes:
            notes = _element("Notes")
            for note in self.notes:
                element = _sub(
                    notes,
                    "Note",
                    {
                        "guid": note.guid,
                        "name": note.name,
                        "creatingUser": note.user,
                        "creationDateTime": format_datetime(note.created),
                        "modifiedDateTime": format_datetime(note.modified),
                    },
                )
                _text_element(element, "PlainTextContent", note.text)
            _put(out, notes)
        if self.s.code_sets:
            sets = _element("Sets")
            for code_set in self.s.code_sets:
                element = _sub(sets, "Set", {"guid": code_set.guid, "name": code_set.name})
                if code_set.description:
                    _text_element(element, "Description", code_set.description)
                for code_id in code_set.members:
                    _sub(element, "MemberCode", {"targetGUID": self.codes[code_id]})
            _put(out, sets)
        if compose(self.project_memos):
            description = _element("Description")
            description.text = xml_text(compose(self.project_memos))
            _put(out, description)
        for guid in self.project_notes:
            _put(out, _element("NoteRef", {"targetGUID": guid}))
        out.write(b"</Project>")

    def build(self) -> bytes:
        """``project.qde`` as bytes (a codebook-sized project, tests)."""
        out = io.BytesIO()
        self.write(out)
        return out.getvalue()

    def _variables_and_cases(self, out: Out) -> dict[int, dict[str, str]]:
        """One Case per respondent (or per document without one); returns what each case carries."""
        documents = self.s.documents
        keys = sorted({key for doc in documents for key in doc.attributes})
        variable = {key: derived_guid(self.s.project_guid, "variable", key) for key in keys}
        self._variable_guids = variable
        if keys:
            variables = _element("Variables")
            for key in keys:
                _sub(variables, "Variable", {"guid": variable[key], "name": key, "typeOfVariable": "Text"})
            _put(out, variables)
        groups: dict[tuple[str, str], list[DocumentRow]] = {}
        for doc in documents:
            respondent = doc.attributes.get("respondent")
            group = ("respondent", respondent) if respondent else ("document", doc.guid)
            groups.setdefault(group, []).append(doc)
        carried: dict[int, dict[str, str]] = {}
        if not groups:
            return carried
        # as text (lxml's bytes, as the selections): 2,000 cases and their values at ten times the corpus
        written = ["<Cases>"]
        for (kind, value), members in groups.items():
            common = dict(members[0].attributes)
            for doc in members[1:]:
                common = {k: v for k, v in common.items() if doc.attributes.get(k) == v}
            name = value if kind == "respondent" else members[0].name
            guid = derived_guid(self.s.project_guid, "case", kind, value)
            written.append(f'<Case guid="{attribute_text(guid)}" name="{attribute_text(name)}">')
            written.append(self._variable_values(sorted(common.items())))
            for doc in members:
                written.append(f'<SourceRef targetGUID="{attribute_text(doc.guid)}"/>')
                carried[doc.id] = common
            written.append("</Case>")
        written.append("</Cases>")
        out.write("".join(written).encode("utf-8"))
        return carried

    def _variable_values(self, values: Iterable[tuple[str, str]]) -> str:
        """``VariableValue`` elements of (variable name, value) pairs as text (:func:`variable_value`),
        each pair formatted once."""
        cache = self._values_written
        parts: list[str] = []
        for pair in values:
            element = cache.get(pair)
            if element is None:
                element = cache[pair] = variable_value(self._variable_guids[pair[0]], pair[1])
            parts.append(element)
        return "".join(parts)

    def _sources(
        self, out: Out, case_values: dict[int, dict[str, str]], advance: Callable[[str], None] | None
    ) -> None:
        if not self.s.documents:
            return
        out.write(b"<Sources>")
        for parts in self.s.document_parts():
            self._parts = parts
            self._written: list[str] = []
            source = etree.tostring(self._source(parts), encoding="utf-8").replace(_DECLARED, b"", 1)
            if self._source_values:
                source = source.replace(_VALUES_PLACEHOLDER, self._source_values.encode("utf-8"), 1)
            if self._written:
                selections = "".join(self._written).encode("utf-8")
                source = source.replace(_PLACEHOLDER, selections, 1)
            out.write(source)
            if advance is not None:
                advance(parts.document.name)
        self._parts = None
        out.write(b"</Sources>")

    def _source(self, parts: DocumentParts) -> Any:
        doc = parts.document
        attributes = {"guid": doc.guid, "name": doc.name}
        created = format_datetime(doc.imported_at)
        text_path = f"internal://{doc.guid}.txt"
        passages = parts.passages
        if doc.media is None:
            source = _element(
                "TextSource",
                {**attributes, "plainTextPath": text_path, "creationDateTime": created},
            )
            self._description(source, doc)
            if passages:  # the selections as text, put in place when the source is written
                _sub(source, _SELECTIONS)
                self._selections(passages, "PlainTextSelection")
        else:  # the recording, its transcript the document's text (coding.refi.media_xml)
            source = _element(
                SOURCE_ELEMENTS[doc.media.kind],
                {**attributes, "path": media_uri(doc.media.location), "creationDateTime": created},
            )
            self._description(source, doc)
            transcript = _sub(
                source,
                "Transcript",
                {
                    "guid": transcript_guid(doc.guid),
                    "name": doc.name,
                    "plainTextPath": text_path,
                    "creationDateTime": created,
                },
            )
            points = sync_points(doc, passages)
            for point in points.values():
                _sub(
                    transcript,
                    "SyncPoint",
                    {
                        "guid": point.guid,
                        "timeStamp": None if point.milliseconds is None else str(point.milliseconds),
                        "position": str(point.position),
                    },
                )
            if passages:
                _sub(transcript, _SELECTIONS)
                spans = [
                    f' fromSyncPoint="{attribute_text(points[passage.start].guid)}"'
                    f' toSyncPoint="{attribute_text(points[passage.end].guid)}"'
                    for passage in passages
                ]
                self._selections(passages, "TranscriptSelection", spans)
        for guid in self.document_notes.get(doc.id, ()):
            _sub(source, "NoteRef", {"targetGUID": guid})
        # Every attribute on the source too (not only on its case): QualCoder and MAXQDA read
        # a document's attributes only there (as text, put in place when the source is written).
        self._source_values = self._variable_values(sorted(doc.attributes.items()))
        if self._source_values:
            _sub(source, _VALUES)
        return source

    def _description(self, source: Any, doc: DocumentRow) -> None:
        if compose(self.document_memos.get(doc.id, ())):
            _text_element(source, "Description", compose(self.document_memos[doc.id]))


def project_parts(snapshot: Snapshot) -> tuple[bytes, str]:
    """``project.qde`` and the extension JSON of a snapshot (read whole: small projects, tests)."""
    builder = _ProjectXml(snapshot)
    qde = builder.build()
    return qde, dumps(project_extension(snapshot, builder.passage_guids))


class ExportCancelled(CodewerkError):
    """The user cancelled an export; nothing was written."""


CANCELLED = "the export was cancelled; nothing was written"


#: Bytes of ``project.qde`` handed to the deflating thread at a time. Each hand-over costs that thread
#: a wait for the GIL (up to the 5 ms switch interval while this thread runs Python) after each of its
#: calls into zlib and the file, and this thread a wait when the queue is full meanwhile: at ten times
#: the large corpus 402 blocks of 256 KiB kept this thread waiting 0.57–1.22 s (load 5–6), 54 blocks of
#: 2 MiB 0.11–0.14 s. At most ``Deflating``'s depth (8) of them wait in its queue (16 MiB).
QDE_BLOCK = 1 << 21

#: ``progress(done, total, what)``; returning ``False`` cancels (nothing is written).
ExportProgress = Callable[[int, int, str], bool | None]


def write_qdpx(
    project: Project,
    path: Path,
    *,
    validate: bool = False,
    media_base: Path | None = None,
    progress: ExportProgress | None = None,
    **_options: Any,
) -> None:
    """Export the whole project as a REFI-QDA project exchange file (``.qdpx``). ``media_base``:
    the folder the project's relative recording paths start from, if not the project's own.

    Streamed: ``project.qde`` is written into the archive source by source, then each document's
    text, one at a time, all read in one read transaction (:func:`open_snapshot`); memory does
    not grow with the project. ``progress`` hears of each document twice (its XML, its text).
    """
    # The snapshot's documents and turns live through the export, and each source's rows are built
    # and let go: no cycles, and the cyclic collector would walk the snapshot again and again.
    with collector_paused(), open_snapshot(project, media_base=media_base) as snapshot:
        total = 2 * len(snapshot.documents)
        done = 0

        def advance(name: str) -> None:
            nonlocal done
            done += 1
            if progress is not None and progress(done, total, name) is False:
                raise ExportCancelled(CANCELLED)

        if progress is not None and progress(0, total, "") is False:
            raise ExportCancelled(CANCELLED)
        builder = _ProjectXml(snapshot)
        # the fastest deflate: at ten times the large corpus level 6 took 2.5 s more CPU (a third of
        # the export) for an archive a fifth smaller (39 MB instead of 49 MB)
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            with archive.open("project.qde", "w", force_zip64=True) as qde, Deflating(qde) as deflating:
                buffered = Buffered(deflating, QDE_BLOCK)
                builder.write(buffered, advance)
                buffered.flush()
            # the texts deflated by a thread of their own while the next are read and, after the
            # last, the extension is built (≈ 0.3 s of the ≈ 0.55 s of deflating at ten times the corpus)
            with TextsBehind(archive) as texts:
                for doc, text in snapshot.texts():
                    texts.write(f"sources/{doc.guid}.txt", text)
                    del text
                    advance(doc.name)
                extension = dumps(project_extension(snapshot, builder.passage_guids)).encode("utf-8")
            archive.writestr(EXTENSION_PART, extension)
    if validate:
        with zipfile.ZipFile(path) as archive:
            errors = schema_errors(archive.read("project.qde"), PROJECT_SCHEMA)
        if errors:
            raise InvalidInputError(
                say(
                    "{name}: the exported project.qde is not valid: {errors}",
                    name=path.name,
                    errors=errors[0],
                )
            )
