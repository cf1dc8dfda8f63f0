"""Reading ``project.qde`` as a stream (issue 19): the archive member is parsed a chunk at a time
(entity declarations and external references refused as defusedxml does) and each section, and
within ``Sources`` each source, is read as soon as it is complete and then let go. The whole
document never stands in memory as a tree, which was most of an import's memory.

Sections are read in the order they come, which is the schema's; a file whose sections come in
another order (no tool writes one, but a hand-made file may) is read whole instead, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree import ElementTree as ET
from xml.etree.ElementTree import Element
from xml.parsers import expat

from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden

from coding.core.collector import give_back_memory
from coding.core.errors import FileImportError
from coding.core.i18n import text
from coding.refi.names import local_name
from coding.refi.project_reader import SECTIONS, RefiProject, _Reader

#: ``advance(source name)`` after each source read (progress; it may raise to cancel).
Advance = Callable[[str], None]
_RANK = {name: rank for rank, name in enumerate(SECTIONS)}
#: Sources read between handing freed memory back (:func:`give_back_memory`, a few ms each).
_TRIM_EVERY = 256
#: Bytes of ``project.qde`` read and parsed at a time.
_CHUNK = 1 << 16


class OutOfOrder(Exception):
    """The sections do not come in the schema's order: the caller reads the file whole."""


def read_stream(reader: _Reader, stream: IO[bytes], advance: Advance | None = None) -> RefiProject:
    """The project in ``stream`` (``project.qde``), read section by section as it is parsed.

    The parser reports no events (2.5 million elements in a research group's file, each a tuple
    and a turn of a Python loop): its tree builder holds the document under a placeholder element,
    so the root is at hand once its start tag is parsed, and after each chunk every child of the
    root, and of ``Sources``, but the last is complete (the builder appends an element when its
    start tag is parsed, so its earlier siblings have ended): those are read and let go."""
    placeholder = _Placeholder()
    root: Element | None = None
    project: RefiProject | None = None
    last_rank = -1
    kept = 0  # the root's first children that are not sections (its Description, NoteRefs): kept
    for done in _parsed(reader, stream, placeholder.builder):
        if root is None:
            if not len(placeholder.element):
                continue
            root = placeholder.element[0]
            project = reader.begin(root)
        assert project is not None
        while len(root) > kept:
            section = root[kept]
            complete = done or len(root) > kept + 1
            name = local_name(section.tag)
            if name == "Sources" and len(section):
                ready = len(section) if complete else len(section) - 1
                _read_sources(reader, section, project, advance, ready)
            if not complete:
                break
            if name not in _RANK:
                kept += 1
                continue
            rank = _RANK[name]
            if rank < last_rank:
                raise OutOfOrder(name)
            last_rank = max(last_rank, rank)
            if name != "Sources":
                reader.section(section, project)
            del root[kept]  # read: let it go
    if root is None or project is None:
        raise FileImportError(reader.path, text("project.qde is empty"))
    project = reader.finish(root, project)
    give_back_memory()
    return project


def _read_sources(
    reader: _Reader, sources: Element, project: RefiProject, advance: Advance | None, count: int
) -> None:
    """Read the first ``count`` sources of ``sources`` (complete), then let them go."""
    for index in range(count):
        element = sources[index]
        reader.source(element, project)
        if len(project.sources) % _TRIM_EVERY == 0:
            give_back_memory()
        if advance is not None:
            advance(" ".join((element.get("name") or "").split()))
    del sources[:count]


class _Placeholder:
    """A tree builder whose first element is a placeholder the document's root goes under: the
    root can be looked at before the document ends (the builder's own root is given only then)."""

    def __init__(self) -> None:
        self.builder = ET.TreeBuilder()
        self.element: Element = self.builder.start("placeholder", {})


def _parsed(reader: _Reader, stream: IO[bytes], builder: ET.TreeBuilder) -> Iterator[bool]:
    """Feeds ``stream`` to the C parser of the standard library (defusedxml's own is pure Python,
    ≈ 1 s of a 115 MB ``project.qde``), a chunk at a time, yielding ``False`` after each chunk and
    ``True`` once the document has ended; what precedes the root element (the DTD, where entities
    are declared) is first read by :class:`_Prologue`, which refuses entities as defusedxml does."""
    part = "project.qde"
    parser: Any = ET.XMLParser(target=builder)
    prologue = _Prologue()
    try:
        while chunk := stream.read(_CHUNK):
            prologue.feed(chunk)  # before the parser sees any of it
            parser.feed(chunk)
            yield False
        parser.close()
    except DefusedXmlException as exc:
        raise FileImportError(
            reader.path,
            text(
                ("{part} declares XML entities or external references, which Codewerk refuses ({exc})"),
                part=part,
                exc=exc,
            ),
        ) from None
    except ET.ParseError as exc:
        raise FileImportError(
            reader.path, text("{part} is not well-formed XML ({exc})", part=part, exc=exc)
        ) from None
    except RecursionError:
        raise FileImportError(reader.path, text("{part} is nested too deeply", part=part)) from None
    yield True


class _RootReached(Exception):
    pass


class _Prologue:
    """Reads a document up to its root element (its XML declaration and DTD) with expat and refuses
    every entity declaration and external reference there, as defusedxml does (``forbid_dtd=False``):
    entities can only be declared before the root element, so nothing after it is looked at."""

    def __init__(self) -> None:
        parser: Any = expat.ParserCreate()
        parser.EntityDeclHandler = _entity
        parser.UnparsedEntityDeclHandler = _unparsed_entity
        parser.ExternalEntityRefHandler = _external_reference
        parser.StartElementHandler = _root
        self._parser = parser

    def feed(self, chunk: bytes) -> None:
        if self._parser is None:
            return
        try:
            self._parser.Parse(chunk, False)
        except (_RootReached, expat.ExpatError):  # not well-formed: the parser says so
            self._parser = None


def _root(_name: str, _attributes: Any) -> None:
    raise _RootReached


def _entity(
    name: str,
    _parameter: bool,
    value: str | None,
    base: str | None,
    sysid: str | None,
    pubid: str | None,
    notation: str | None,
) -> None:
    raise EntitiesForbidden(name, value, base, sysid, pubid, notation)


def _unparsed_entity(
    name: str, base: str | None, sysid: str | None, pubid: str | None, notation: str | None
) -> None:
    raise EntitiesForbidden(name, None, base, sysid, pubid, notation)


def _external_reference(context: str, base: str | None, sysid: str | None, pubid: str | None) -> int:
    raise ExternalReferenceForbidden(context, base, sysid, pubid)
