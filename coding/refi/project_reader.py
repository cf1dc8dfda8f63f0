"""Reading a ``.qdpx`` into plain data: users, codes, cases, text sources with their selections, notes, sets.

The sections of ``project.qde`` are read here; the sources (texts, selections, codings) by
:mod:`coding.refi.source_reader`. Nothing here touches a project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree.ElementTree import Element

from coding.core.collector import collector_paused
from coding.core.errors import FileImportError
from coding.core.i18n import text as say
from coding.core.text import fold
from coding.media.media_commands import NewMedia
from coding.refi.archive import QdpxArchive
from coding.refi.codebook_xml import load_qdc
from coding.refi.descriptions import memo_part, own_part
from coding.refi.elements import (
    RCase,
    RCode,
    RNote,
    RSet,
    RSource,
    Skipped,
    child,
    children,
    describe,
    parse_xml,
    read_codes,
    read_sets,
)
from coding.refi.extension import Extension, parse_extension
from coding.refi.media_xml import base_folder
from coding.refi.names import EXTENSION_PART, PROJECT_NS_PREFIX, local_name, namespace_of, parse_datetime
from coding.refi.source_reader import SourceReader, _description

#: The sections of ``project.qde``, in the order they are read in.
SECTIONS = ("Users", "CodeBook", "Variables", "Cases", "Sources", "Notes", "Sets", "Links", "Graphs")


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
    #: Set once an import has let go of what it merged (its sources' selections): it cannot be
    #: merged again (:class:`coding.refi.import_command.ImportExchange`).
    used: bool = False


class _Reader(SourceReader):
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
