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
    """The project in ``stream`` (``project.qde``), read section by section as it is parsed."""
    root: Element | None = None
    project: RefiProject | None = None
    # The names and elements of the open elements of the first two levels (the root, a section):
    # deeper ones (2.5 million in a research group's file) are only counted.
    path: list[str] = []
    parents: list[Element] = []
    depth = 0  # how many elements are open
    last_rank = -1
    for event, element in _events(reader, stream):
        if event == "start":
            if depth < 2:
                path.append(local_name(element.tag))
                parents.append(element)
                if depth == 0:
                    root = element
                    project = reader.begin(element)
            depth += 1
            continue
        depth -= 1  # now: the depth of the element that ended, 0 for the root
        if depth > 2:
            continue
        if depth == 2:
            if project is not None and path[1] == "Sources":  # one source, complete
                reader.source(element, project)
                parents[-1].remove(element)  # read: let it go
                if len(project.sources) % _TRIM_EVERY == 0:
                    give_back_memory()
                if advance is not None:
                    advance(" ".join((element.get("name") or "").split()))
            continue
        name = path.pop()
        parents.pop()
        if root is None or project is None:
            continue
        if depth == 1 and name in _RANK:
            rank = _RANK[name]
            if rank < last_rank:
                raise OutOfOrder(name)
            last_rank = max(last_rank, rank)
            if name != "Sources":
                reader.section(element, project)
            root.remove(element)  # read: let it go
    if root is None or project is None:
        raise FileImportError(reader.path, text("project.qde is empty"))
    project = reader.finish(root, project)
    give_back_memory()
    return project


def _events(reader: _Reader, stream: IO[bytes]) -> Iterator[tuple[str, Any]]:
    """The parser's events: the C parser of the standard library (defusedxml's own is pure Python,
    ≈ 1 s of a 115 MB ``project.qde``), with what precedes the root element (the DTD, where entities
    are declared) first read by :class:`_Prologue`, which refuses entities as defusedxml does."""
    part = "project.qde"
    parser: Any = ET.XMLPullParser(events=("start", "end"))
    prologue = _Prologue()
    try:
        while chunk := stream.read(_CHUNK):
            prologue.feed(chunk)  # before the parser sees any of it
            parser.feed(chunk)
            yield from parser.read_events()
        parser.close()
        yield from parser.read_events()
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
