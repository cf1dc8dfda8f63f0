"""The temporary file an export is written to before it is moved into place.

It lies beside the target (so the final move is one rename on the same disk) under a name that says
whose it is: ``.codewerk-partial-<token>-<target name>``. It is created the way any new file is
(mode ``0666`` less the user's umask; an overwritten file's own mode is kept), not ``0600`` as
``mkstemp`` would make it. While it is written the exporting process holds a lock on it; a
temporary nobody holds is what a killed export left behind, and the next export to that folder
removes it. Where there are no advisory locks (Windows) only day-old temporaries are removed.
"""

from __future__ import annotations

import os
import re
import secrets
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

PREFIX = ".codewerk-partial-"
#: A temporary this young may still be starting up (created, not yet locked): left alone.
GRACE_SECONDS = 10.0
#: Without advisory locks, or for temporaries of older versions (``mkstemp``, never locked).
UNLOCKED_AGE_SECONDS = 24 * 3600.0
_MAX_NAME = 240
_TOKEN = re.compile(r"^[0-9a-f]{12}-")


def temporary_name(target: Path) -> str:
    """``.codewerk-partial-<token>-<target name>``, kept short enough for every file system."""
    name = target.name
    room = _MAX_NAME - len(PREFIX) - 13
    if len(name.encode("utf-8", "surrogateescape")) > room:
        stem = target.stem.encode("utf-8", "surrogateescape")[: room - len(target.suffix.encode())]
        name = stem.decode("utf-8", "ignore") + target.suffix
    return f"{PREFIX}{secrets.token_hex(6)}-{name}"


@contextmanager
def temporary_beside(target: Path) -> Iterator[Path]:
    """A new, empty, locked file beside ``target`` for the duration of the block; removed after it
    unless it was moved away (renamed onto ``target``)."""
    remove_stale_temporaries(target)
    while True:
        path = target.with_name(temporary_name(target))
        try:
            handle = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:  # pragma: no cover - a 48-bit token collided
            continue
        break
    held: int | None = handle
    try:
        if fcntl is not None:
            fcntl.flock(handle, fcntl.LOCK_EX)
        else:  # pragma: no cover - Windows: an open file can be neither rewritten nor renamed
            os.close(handle)
            held = None
        with suppress(OSError):  # an overwritten file keeps its mode (the user may have narrowed it)
            os.chmod(path, stat.S_IMODE(target.stat().st_mode))
        yield path
    finally:
        path.unlink(missing_ok=True)
        if held is not None:
            os.close(held)


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Remove what killed exports left in ``target``'s folder; returns what was removed.

    Ours (``.codewerk-partial-…``) when no live export holds them; temporaries of older versions
    (``.<target stem>-XXXXXXXX<suffix>``, from ``mkstemp``) only for this target and when a day old.
    """
    folder = target.parent
    legacy = re.compile(rf"^\.{re.escape(target.stem)}-[a-z0-9_]{{8}}{re.escape(target.suffix)}$")
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        name = entry.name
        ours = name.startswith(PREFIX) and bool(_TOKEN.match(name[len(PREFIX) :]))
        if not (ours or legacy.match(name)):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            age = now - entry.stat(follow_symlinks=False).st_mtime
        except OSError:
            continue
        path = Path(entry.path)
        if ours and fcntl is not None:
            if age >= GRACE_SECONDS and _unlink_unless_held(path):
                removed.append(path)
        elif age >= UNLOCKED_AGE_SECONDS:
            with suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _unlink_unless_held(path: Path) -> bool:
    """Remove ``path`` when no process holds its lock (the export that wrote it has ended)."""
    assert fcntl is not None
    try:
        handle = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False  # a live export is writing it
        try:
            path.unlink()
        except OSError:
            return False
        return True
    finally:
        os.close(handle)
