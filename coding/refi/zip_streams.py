"""Writing into a zip archive as a stream: blocks and texts deflated by a thread of their own, small
writes gathered into blocks, long texts written a piece at a time (the ``.qdpx`` export, issue 19)."""

from __future__ import annotations

import queue
import threading
import zipfile
from typing import IO, Generic, Protocol, Self, TypeVar

_Item = TypeVar("_Item")


class Out(Protocol):
    def write(self, data: bytes, /) -> int: ...


class _Behind(Generic[_Item]):
    """Items handled by a thread of its own, in order, a few behind the thread that gives them: zlib
    lets go of the GIL while it compresses and CRCs, so the exporting thread goes on meanwhile. An
    error there is raised here, at the next item or at the end; leaving the block early (an error,
    a cancel) lets the thread finish without handling what is still queued."""

    def __init__(self, depth: int, name: str) -> None:
        self._items: queue.Queue[_Item | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._left = False
        self._thread = threading.Thread(target=self._run, name=name, daemon=True)

    def __enter__(self) -> Self:
        self._thread.start()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._left = error is not None
        self._items.put(None)
        self._thread.join()
        if self._error is not None and error is None:
            raise self._error

    def _run(self) -> None:
        while (item := self._items.get()) is not None:
            if self._error is None and not self._left:
                try:
                    self._handle(item)
                except BaseException as exc:  # raised on the exporting thread
                    self._error = exc

    def _handle(self, item: _Item) -> None:
        raise NotImplementedError

    def _give(self, item: _Item) -> None:
        if self._error is not None:
            raise self._error
        self._items.put(item)


class Deflating(_Behind[bytes]):
    """Blocks written to ``out`` (the zip's deflater) by a thread of their own, a few behind: the
    next sources' XML is built meanwhile (at ten times the large corpus the deflater is a fifth of
    the export)."""

    def __init__(self, out: IO[bytes], depth: int = 8) -> None:
        super().__init__(depth, "qdpx-deflate")
        self._out = out

    def _handle(self, item: bytes) -> None:
        self._out.write(item)

    def write(self, data: bytes) -> int:
        self._give(data)
        return len(data)


class TextsBehind(_Behind[tuple[str, str | bytes]]):
    """Texts written into ``archive`` as members (:func:`write_text`) by a thread of their own, a
    few behind: the exporting thread reads the next texts and builds the rest meanwhile. Nothing
    else may write into ``archive`` until the block is left."""

    def __init__(self, archive: zipfile.ZipFile, depth: int = 4) -> None:
        super().__init__(depth, "qdpx-texts")
        self._archive = archive

    def _handle(self, item: tuple[str, str | bytes]) -> None:
        write_text(self._archive, *item)

    def write(self, name: str, text: str | bytes) -> None:
        self._give((name, text))


class Buffered:
    """Small writes gathered into blocks before they reach the zip's deflater."""

    def __init__(self, out: Out, size: int = 1 << 16) -> None:
        self._out = out
        self._size = size
        self._parts: list[bytes] = []
        self._length = 0

    def write(self, data: bytes) -> int:
        self._parts.append(data)
        self._length += len(data)
        if self._length >= self._size:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self._parts:
            self._out.write(b"".join(self._parts))
            self._parts, self._length = [], 0


#: Characters of a text encoded and written at a time.
TEXT_CHUNK = 1 << 20


def write_text(archive: zipfile.ZipFile, name: str, text: str | bytes) -> None:
    """``text`` as the UTF-8 member ``name`` (``bytes``: already UTF-8), a piece at a time (a text
    may be long)."""
    with archive.open(name, "w", force_zip64=len(text) > 1 << 29) as out:
        for start in range(0, len(text), TEXT_CHUNK):
            piece = text[start : start + TEXT_CHUNK]
            out.write(piece if isinstance(piece, bytes) else piece.encode("utf-8"))
