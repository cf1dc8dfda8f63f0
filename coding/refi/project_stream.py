"""Reading ``project.qde`` as a stream (issue 19): the archive member is parsed with ``iterparse``
(defusedxml: entity declarations and external references still refused) and each section, and
within ``Sources`` each source, is read as soon as it is complete and then let go. The whole
document never stands in memory as a tree, which was most of an import's memory.

Sections are read in the order they come, which is the schema's; a file whose sections come in
another order (no tool writes one, but a hand-made file may) is read whole instead, as before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any
from xml.etree.ElementTree import Element

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from coding.core.errors import FileImportError
from coding.core.i18n import text
from coding.refi.names import local_name
from coding.refi.project_reader import SECTIONS, RefiProject, _Reader

#: ``advance(source name)`` after each source read (progress; it may raise to cancel).
Advance = Callable[[str], None]
_RANK = {name: rank for rank, name in enumerate(SECTIONS)}


class OutOfOrder(Exception):
    """The sections do not come in the schema's order: the caller reads the file whole."""


def read_stream(reader: _Reader, stream: IO[bytes], advance: Advance | None = None) -> RefiProject:
    """The project in ``stream`` (``project.qde``), read section by section as it is parsed."""
    root: Element | None = None
    project: RefiProject | None = None
    path: list[str] = []
    parents: list[Element] = []
    last_rank = -1
    for event, element in _events(reader, stream):
        if event == "start":
            path.append(local_name(element.tag))
            parents.append(element)
            if len(path) == 1:
                root = element
                project = reader.begin(element)
            continue
        name = path.pop()
        parents.pop()
        if root is None or project is None:
            continue
        depth = len(path)
        if depth == 2 and path[1] == "Sources":  # one source, complete
            reader.source(element, project)
            parents[-1].remove(element)  # read: let it go
            if advance is not None:
                advance(" ".join((element.get("name") or "").split()))
        elif depth == 1 and name in _RANK:
            rank = _RANK[name]
            if rank < last_rank:
                raise OutOfOrder(name)
            last_rank = max(last_rank, rank)
            if name != "Sources":
                reader.section(element, project)
            root.remove(element)  # read: let it go
    if root is None or project is None:
        raise FileImportError(reader.path, text("project.qde is empty"))
    return reader.finish(root, project)


def _events(reader: _Reader, stream: IO[bytes]) -> Iterator[tuple[str, Any]]:
    part = "project.qde"
    try:
        yield from SafeET.iterparse(stream, events=("start", "end"), forbid_dtd=False)
    except DefusedXmlException as exc:
        raise FileImportError(
            reader.path,
            text(
                ("{part} declares XML entities or external references, which Codewerk refuses ({exc})"),
                part=part,
                exc=exc,
            ),
        ) from None
    except SafeET.ParseError as exc:
        raise FileImportError(
            reader.path, text("{part} is not well-formed XML ({exc})", part=part, exc=exc)
        ) from None
    except RecursionError:
        raise FileImportError(reader.path, text("{part} is nested too deeply", part=part)) from None
