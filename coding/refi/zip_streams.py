"""Writing into a zip archive as a stream: blocks deflated by a thread of their own, small writes
gathered into blocks, long texts written a piece at a time (the ``.qdpx`` export, issue 19)."""

from __future__ import annotations

import queue
import threading
import zipfile
from typing import IO, Protocol


class Out(Protocol):
    def write(self, data: bytes, /) -> int: ...


class Deflating:
    """Blocks written to ``out`` (the zip's deflater) by a thread of its own, a few behind: zlib lets
    go of the GIL while it compresses, so the next sources' XML is built meanwhile (at ten times the
    large corpus the deflater is a fifth of the export). An error there is raised here, at the next
    write or at the end; leaving the block early (an error, a cancel) lets the thread finish."""

    def __init__(self, out: IO[bytes], depth: int = 8) -> None:
        self._out = out
        self._blocks: queue.Queue[bytes | None] = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, name="qdpx-deflate", daemon=True)

    def __enter__(self) -> Deflating:
        self._thread.start()
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        self._blocks.put(None)
        self._thread.join()
        if self._error is not None and error is None:
            raise self._error

    def _run(self) -> None:
        while (block := self._blocks.get()) is not None:
            if self._error is None:
                try:
                    self._out.write(block)
                except BaseException as exc:  # raised on the exporting thread
                    self._error = exc

    def write(self, data: bytes) -> int:
        if self._error is not None:
            raise self._error
        self._blocks.put(data)
        return len(data)


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
