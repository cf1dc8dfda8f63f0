"""What a find of suggestions keeps for the next one, stored in the project for the next session (issue 19).

The similarity sources derive from the corpus and the codings what the second find of a session reuses
(:mod:`.kept`: the sentence and turn vectors, the codes' profiles, each sentence's and turn's closest two
codes). The first find of a session computed all of it again (≈ 8 s at ten times the large corpus). Each piece
is stored in ``kept_state`` as one blob of arrays under a stamp of everything it is computed from:

- the engine itself (:func:`engine_stamp`: the source of the domain package's modules, the catalogues the reasons
  are written from included, and numpy's version), so that a new version of the program never reads what an
  older one computed;
- the corpus's words (:attr:`CorpusData.stamp`: each document's index row and the speaker rules);
- for the profiles and the closest codes, the codings and the codes' describing words (``kept.codings_stamp``).

A piece is read only when its stamp is the current one; a stale, foreign or damaged blob is ignored and the piece
computed as before. What is computed is written after the find has returned its suggestions, as a step of its own
(:func:`write_pending`, ``SuggestionService.keep_for_next_session``: the window shows the suggestions first and
writes in a worker, which stops between two parts when the project closes), and only where it can be (a project
file that can be written: not a read-only file, not a team server). Derived data, like the word index: no undo entry, no change
announced. Only a corpus large enough for it to pay stores anything (:data:`STORED_FROM_WORDS`).

A blob is a small header (``CWKS1``, the length of a JSON list of the arrays' names, dtypes, shapes and offsets)
and the arrays' bytes, stored in parts (rows ``name#0``, ``name#1``, …) and named by the row ``name`` (how many
parts, how many bytes) written last; read back, the parts are copied into one buffer and each array is a view of
it (nothing held twice).
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import logging
import struct
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import numpy as np

if TYPE_CHECKING:
    from coding.core.store import Store
    from coding.language.suggestions.data import CorpusData, KnownWords

_log = logging.getLogger(__name__)

T = TypeVar("T")
Arrays = dict[str, np.ndarray]
_MAGIC = b"CWKS1"
_HEAD = struct.Struct("<5sQ")
_ALIGN = 64
#: The most bytes of a blob written in one transaction (a part of its own row): other writers of the project wait
#: for one part at most (≈ 0.5 s at ten times the large corpus on a loaded disk), not for the whole piece.
PART = 8 << 20
_PARTS = struct.Struct("<QQ")  # the row naming a piece: its parts, its size in bytes


@functools.cache
def engine_stamp() -> bytes:
    """A digest of what computes the stored pieces: every module and data file of the domain package ``coding``
    (the suggestion engine, the word index, the guide reader, the speakers' turns and the catalogues the reasons
    are written from; their source, or their compiled files where no source is; never the interpreter's caches),
    numpy's and Codewerk's versions. A bundled program (PyInstaller) keeps its modules in an archive, not as
    files: there the program file itself (its size and time, which every new build changes) stands for them, so
    an upgraded program never reads what an older one stored."""
    digest = hashlib.blake2b(np.__version__.encode(), digest_size=20)
    digest.update(_version().encode())
    root = Path(__file__).resolve().parent.parent.parent
    found = False
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if "__pycache__" in relative.parts or not path.is_file():
            continue
        if path.suffix in (".py", ".pyc"):
            found = True
        elif path.parent.name != "data":
            continue
        digest.update(relative.as_posix().encode())
        digest.update(path.read_bytes())
    if not found:
        program = Path(sys.executable)
        facts = program.stat() if program.is_file() else None
        digest.update(repr((str(program), facts and facts.st_size, facts and facts.st_mtime_ns)).encode())
    return digest.digest()


def _version() -> str:
    try:
        return importlib.metadata.version("codewerk")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def stamp_of(*parts: object) -> str:
    """The stamp a piece is stored under: the engine's and ``parts``' (bytes, or anything with a stable repr)."""
    digest = hashlib.blake2b(engine_stamp(), digest_size=24)
    for part in parts:
        digest.update(part if isinstance(part, bytes) else repr(part).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


#: Pieces are stored for corpora of at least this many content words (ten times the large corpus has ≈ 6.5
#: million; the large one ≈ 0.65 million). Below, computing them is quick (≈ 0.45 s of the large corpus's first
#: find) and writing them would cost a third of that on every first find after a change: they are computed as
#: before, and nothing is read or written.
STORED_FROM_WORDS = 2_000_000


def worth_storing(data: CorpusData) -> bool:
    """Whether the pieces derived from ``data`` are stored for the next session (:data:`STORED_FROM_WORDS`)."""
    return sum(document.words for document in data.documents.values()) >= STORED_FROM_WORDS


def corpus_stamp(fingerprint: tuple[Any, ...]) -> bytes:
    """A digest of what the corpus's words were read from (``data.fingerprint``: the documents, their index rows,
    the speaker rules)."""
    documents, index, speakers = fingerprint
    text = json.dumps(
        [sorted(documents), [list(row) for row in index], speakers], sort_keys=True, default=str
    )
    return hashlib.blake2b(text.encode(), digest_size=20).digest()


def known_words(store: Store, stamp: bytes) -> KnownWords | None:
    """What an earlier session stored of the corpus's words read from ``stamp`` (``corpus_stamp``), else
    ``None`` (:func:`remember_words`)."""
    from coding.language.suggestions.data import KNOWN_NAME, unpack_known

    arrays = read(store, KNOWN_NAME, stamp_of(stamp))
    if arrays is None:
        return None
    try:
        return unpack_known(arrays)
    except (ValueError, KeyError, TypeError) as exc:
        log_unread(KNOWN_NAME, exc)
        return None


def remember_words(data: CorpusData) -> None:
    """Store what is known of ``data``'s words (``data.KnownWords``) for the next session, with the pieces after
    the find (:func:`write_pending`)."""
    from coding.language.suggestions.data import KNOWN_NAME, pack_known

    if data.stamp is not None and data.store is not None:
        data.unsaved[KNOWN_NAME] = (stamp_of(data.stamp), lambda: pack_known(data))


def recall(
    data: CorpusData,
    name: str,
    stamp: str | None,
    build: Callable[[], T],
    pack: Callable[[T], Arrays],
    unpack: Callable[[Arrays], T],
    *,
    by_array: bool = False,
) -> T:
    """Piece ``name`` as stored under ``stamp``, else ``build()`` (then written after the find:
    :func:`write_pending`). ``stamp`` ``None``: nothing stored, nothing to store. ``by_array``: ``unpack`` is
    given a :class:`StoredArrays`, which reads each array from the project only when it is first asked for (an
    ``unpack`` that looks only at the arrays' shapes reads nothing yet)."""
    store = data.store
    if stamp is None or store is None:
        return build()
    arrays: Arrays | None
    if by_array:  # a mapping that reads each array when asked for (unpack looks at what it needs)
        arrays = cast("Arrays | None", StoredArrays.open(store, name, stamp, lambda: pack(build())))
    else:
        arrays = read(store, name, stamp)
    if arrays is not None:
        try:
            value = unpack(arrays)
        except (ValueError, KeyError, TypeError, IndexError) as exc:  # a blob not as this version writes it
            log_unread(name, exc)
        else:
            data.unsaved.pop(name, None)
            return value
    value = build()
    data.unsaved[name] = (stamp, lambda: pack(value))
    return value


def log_unread(name: str, exc: BaseException) -> None:
    _log.info("kept state %s not read: %s", name, exc)


def _usable(store: Store) -> bool:
    """Whether pieces are stored in ``store``: a project file (a team server's are computed by each session)."""
    return bool(store.engine.dialect.name == "sqlite")


def read(store: Store, name: str, stamp: str) -> Arrays | None:
    """The arrays stored as ``name`` under ``stamp``; ``None`` when there are none current, or they cannot be read.
    The blob's parts are copied one at a time into one buffer, of which the arrays are views."""
    from coding.language.sql import raw_connection

    try:
        if not _usable(store):
            return None
        with store.read() as session:
            raw = raw_connection(session)
            named = _named(raw, name, stamp)
            if named is None:
                return None
            parts, size = named
            buffer = np.empty(size, dtype=np.uint8)
            at = 0
            for number in range(parts):
                found = raw.execute(
                    "SELECT data FROM kept_state WHERE name = ? AND stamp = ?", (_part(name, number), stamp)
                ).fetchone()
                if found is None or at + len(found[0]) > size:
                    raise ValueError(f"part {number} missing or too long")
                buffer[at : at + len(found[0])] = np.frombuffer(found[0], dtype=np.uint8)
                at += len(found[0])
                del found
            if at != size:
                raise ValueError("parts shorter than the blob")
        return unpack_blob(buffer.data)
    except Exception as exc:  # derived data never breaks a find: computed instead
        _log.info("kept state %s not read: %s", name, exc)
        return None


def _named(raw: Any, name: str, stamp: str) -> tuple[int, int] | None:
    """The parts and size in bytes of the piece ``name`` stored under ``stamp`` (its naming row), or ``None``."""
    row = raw.execute("SELECT data FROM kept_state WHERE name = ? AND stamp = ?", (name, stamp)).fetchone()
    if row is None:
        return None
    parts, size = _PARTS.unpack(row[0])
    return int(parts), int(size)


def _part(name: str, number: int) -> str:
    return f"{name}#{number}"


class StoredArrays(Mapping[str, np.ndarray]):
    """The arrays of a stored piece, each read from the project when it is first asked for (only its own bytes,
    from the parts it lies in; then kept): a find that needs a few of a piece's arrays, or none, never holds the
    rest (at ten times the large corpus, the turn vectors' entries are read only when the codings changed).
    :meth:`shape` and :meth:`dtype` read nothing. A piece removed or replaced under another stamp before an array
    of it was read (another session storing a newer one) is made again instead (``rebuild``: the arrays the
    piece is packed into, computed from what its stamp stands for; the same arrays)."""

    def __init__(
        self,
        store: Store,
        name: str,
        stamp: str,
        entries: dict[str, tuple[np.dtype[Any], tuple[int, ...], int, int]],
        sizes: list[int],
        rebuild: Callable[[], Mapping[str, np.ndarray]],
    ) -> None:
        self._store, self._name, self._stamp, self._entries = store, name, stamp, entries
        self._sizes = sizes
        self._rebuild = rebuild
        self._read: Arrays = {}
        self._rebuilt: Mapping[str, np.ndarray] | None = None

    @classmethod
    def open(
        cls, store: Store, name: str, stamp: str, rebuild: Callable[[], Mapping[str, np.ndarray]]
    ) -> StoredArrays | None:
        """The piece ``name`` stored under ``stamp`` (its header read, no array yet); ``None`` when there is none
        current, or its header cannot be read."""
        from coding.language.sql import raw_connection

        try:
            if not _usable(store):
                return None
            with store.read() as session:
                raw = raw_connection(session)
                named = _named(raw, name, stamp)
                if named is None:
                    return None
                parts, size = named
                sizes = []
                for number in range(parts):
                    found = raw.execute(
                        "SELECT length(data) FROM kept_state WHERE name = ? AND stamp = ?",
                        (_part(name, number), stamp),
                    ).fetchone()
                    if found is None:
                        raise ValueError(f"part {number} missing")
                    sizes.append(int(found[0]))
                if sum(sizes) != size:
                    raise ValueError("parts of another length than the blob")
                head = _read_range(raw, name, stamp, sizes, 0, min(size, _HEAD.size))
                magic, length = _HEAD.unpack(head.tobytes()) if len(head) == _HEAD.size else (b"", 0)
                if magic != _MAGIC or _HEAD.size + length > size:
                    raise ValueError("not a kept-state blob")
                header = _read_range(raw, name, stamp, sizes, _HEAD.size, length)
            entries = _entries(json.loads(header.tobytes()), _HEAD.size + length, size)
            return cls(store, name, stamp, entries, sizes, rebuild)
        except Exception as exc:  # derived data never breaks a find: computed instead
            _log.info("kept state %s not read: %s", name, exc)
            return None

    def shape(self, key: str) -> tuple[int, ...]:
        return self._entries[key][1]

    def dtype(self, key: str) -> np.dtype[Any]:
        return self._entries[key][0]

    def was_read(self, key: str) -> bool:
        """Whether ``self[key]`` was read already (asking for it costs nothing more)."""
        return key in self._read

    def __getitem__(self, key: str) -> np.ndarray:
        found = self._read.get(key)
        if found is not None:
            return found
        dtype, shape, at, nbytes = self._entries[key]
        array = None
        if self._rebuilt is None:
            array = self._fetch(at, nbytes)
        if array is None:
            if self._rebuilt is None:
                self._rebuilt = self._rebuild()
            made = self._rebuilt[key]
            array = np.ascontiguousarray(made)
            if array.dtype != dtype or array.shape != shape:
                raise ValueError(f"array {key} made again of another shape")
        else:
            array = array.view(dtype).reshape(shape)
            array.flags.writeable = False
        self._read[key] = array
        return array

    def _fetch(self, at: int, nbytes: int) -> np.ndarray | None:
        from coding.language.sql import raw_connection

        try:
            with self._store.read() as session:
                return _read_range(raw_connection(session), self._name, self._stamp, self._sizes, at, nbytes)
        except Exception as exc:  # removed or replaced since: made again
            _log.info("kept state %s not read, made again: %s", self._name, exc)
            return None

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)


def _entries(
    listed: list[Any], header_end: int, size: int
) -> dict[str, tuple[np.dtype[Any], tuple[int, ...], int, int]]:
    """The arrays a blob's header lists: each one's dtype, shape, where its bytes start and how many they are;
    ``ValueError`` for one that does not fit in the blob (:func:`unpack_blob`'s checks)."""
    start = -(-header_end // _ALIGN) * _ALIGN
    out = {}
    for key, dtype_text, shape, offset, nbytes in listed:
        dtype = np.dtype(dtype_text)
        if dtype.hasobject:
            raise ValueError("object arrays are never stored")
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        at = start + int(offset)
        if count * dtype.itemsize != nbytes or at + nbytes > size or at < start:
            raise ValueError(f"array {key} outside the blob")
        out[str(key)] = (dtype, tuple(int(n) for n in shape), at, int(nbytes))
    return out


def _read_range(raw: Any, name: str, stamp: str, sizes: list[int], at: int, nbytes: int) -> np.ndarray:
    """Bytes ``at:at + nbytes`` of the blob stored as ``name`` under ``stamp`` (parts of ``sizes`` bytes), read
    from the parts they lie in only (the database's own reading of a range of a value)."""
    buffer = np.empty(nbytes, dtype=np.uint8)
    low = 0
    done = 0
    for number, length in enumerate(sizes):
        high = low + length
        begin, end = max(low, at), min(high, at + nbytes)
        if begin < end:
            row = raw.execute(
                "SELECT rowid, length(data) FROM kept_state WHERE name = ? AND stamp = ?",
                (_part(name, number), stamp),
            ).fetchone()
            if row is None or int(row[1]) != length:
                raise ValueError(f"part {number} missing or of another length")
            with raw.blobopen("kept_state", "data", int(row[0]), readonly=True) as blob:
                blob.seek(begin - low)
                chunk = blob.read(end - begin)
            if len(chunk) != end - begin:
                raise ValueError(f"part {number} cut short")
            buffer[begin - at : end - at] = np.frombuffer(chunk, dtype=np.uint8)
            done += end - begin
            del chunk
        low = high
    if done != nbytes:
        raise ValueError("range outside the blob")
    return buffer


class Stopped(Exception):
    """Writing stopped where asked (:func:`write_pending`'s ``stop``): between two parts, nothing half written."""


def write_pending(data: CorpusData, stop: Callable[[], bool] | None = None) -> bool:
    """Store the pieces computed since the last write (:func:`recall`), one at a time (each packed only while it
    is written); a project that cannot be written keeps what it had, and the pieces are computed again next
    session. ``stop``: asked between two parts (each its own transaction, ≤ :data:`PART` bytes); when it says so
    (the project closes), the piece under way and those after it are left for a later call (the piece's row is
    written last: a piece cut short is never read). Whether every piece taken was written or given up on."""
    store = data.store
    pending: list[tuple[str, tuple[str, Callable[[], dict[str, Any]]]]] = []
    while True:  # taken one at a time: a find in another thread may add pieces meanwhile
        try:
            pending.append(data.unsaved.popitem())
        except KeyError:
            break
    pending.reverse()  # in the order computed
    if store is None or store.read_only or not _usable(store):
        return True
    for number, (name, (stamp, pack)) in enumerate(pending):
        try:
            if stop is not None and stop():
                raise Stopped
            write(store, name, stamp, pack(), stop)
        except Stopped:
            for later, piece in pending[number:]:
                data.unsaved.setdefault(later, piece)  # unless a newer one was computed meanwhile
            _log.info("kept state: writing stopped at %s", name)
            return False
        except Exception as exc:
            _log.info("kept state %s not written: %s", name, exc)
    return True


def _layout(arrays: Mapping[str, np.ndarray]) -> tuple[bytes, list[tuple[int, np.ndarray]], int]:
    entries = []
    places: list[tuple[int, np.ndarray]] = []
    offset = 0
    for key, array in arrays.items():
        flat = np.ascontiguousarray(array)
        entries.append([key, flat.dtype.str, list(flat.shape), offset, flat.nbytes])
        places.append((offset, flat))
        offset += -(-flat.nbytes // _ALIGN) * _ALIGN
    header = json.dumps(entries).encode()
    head = _HEAD.pack(_MAGIC, len(header)) + header
    start = -(-len(head) // _ALIGN) * _ALIGN
    return head, [(start + at, flat) for at, flat in places], start + offset


def pack_blob(arrays: Mapping[str, np.ndarray]) -> bytes:
    """The blob of ``arrays`` (as :func:`write` stores it)."""
    head, places, size = _layout(arrays)
    out = bytearray(size)
    out[: len(head)] = head
    for at, flat in places:
        out[at : at + flat.nbytes] = flat.reshape(-1).view(np.uint8).data
    return bytes(out)


def unpack_blob(blob: bytes | memoryview) -> Arrays:
    """The arrays of a blob, each a read-only view of it; ``ValueError`` for anything that is not one."""
    if len(blob) < _HEAD.size:
        raise ValueError("too short")
    magic, length = _HEAD.unpack_from(blob)
    if magic != _MAGIC or _HEAD.size + length > len(blob):
        raise ValueError("not a kept-state blob")
    entries = json.loads(bytes(blob[_HEAD.size : _HEAD.size + length]))
    start = -(-(_HEAD.size + length) // _ALIGN) * _ALIGN
    out: Arrays = {}
    for key, dtype_text, shape, offset, nbytes in entries:
        dtype = np.dtype(dtype_text)
        if dtype.hasobject:
            raise ValueError("object arrays are never stored")
        count = int(np.prod(shape, dtype=np.int64)) if shape else 1
        at = start + int(offset)
        if count * dtype.itemsize != nbytes or at + nbytes > len(blob) or at < start:
            raise ValueError(f"array {key} outside the blob")
        out[str(key)] = np.frombuffer(blob, dtype=dtype, count=count, offset=at).reshape(shape)
    return out


def write(
    store: Store,
    name: str,
    stamp: str,
    arrays: Mapping[str, np.ndarray],
    stop: Callable[[], bool] | None = None,
) -> None:
    """Store ``arrays`` as ``name`` under ``stamp`` (replacing what was stored as ``name``): the blob in parts of
    at most :data:`PART` bytes, each written in place (no joined copy of the arrays) in a transaction of its own (no
    other writer waits for more than one part), then the row naming them (until then, nothing is read).
    ``stop``: asked before each part; :class:`Stopped` when it says so (the parts written are never read)."""
    from coding.language.sql import raw_connection

    head, places, size = _layout(arrays)
    segments: list[tuple[int, memoryview]] = [(0, memoryview(head))]
    segments += [(at, flat.reshape(-1).view(np.uint8).data) for at, flat in places if flat.nbytes]
    with store.write() as session:
        raw_connection(session).execute(
            "DELETE FROM kept_state WHERE name = ? OR substr(name, 1, ?) = ?",
            (name, len(name) + 1, name + "#"),
        )
    parts = -(-size // PART)
    for number in range(parts):
        if stop is not None and stop():
            raise Stopped
        low, high = number * PART, min(size, (number + 1) * PART)
        with store.write() as session:
            raw = raw_connection(session)
            raw.execute(
                "INSERT INTO kept_state (name, stamp, data) VALUES (?, ?, zeroblob(?))",
                (_part(name, number), stamp, high - low),
            )
            (rowid,) = raw.execute(
                "SELECT rowid FROM kept_state WHERE name = ?", (_part(name, number),)
            ).fetchone()
            with raw.blobopen("kept_state", "data", rowid) as blob:
                for at, segment in segments:
                    begin, end = max(low, at), min(high, at + len(segment))
                    if begin < end:
                        blob.seek(begin - low)
                        blob.write(segment[begin - at : end - at])
    with store.write() as session:
        raw_connection(session).execute(
            "INSERT INTO kept_state (name, stamp, data) VALUES (?, ?, ?)",
            (name, stamp, _PARTS.pack(parts, size)),
        )
