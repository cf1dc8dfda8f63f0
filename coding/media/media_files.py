"""Recording files on disk: which ones a project accepts, their hash, and where a stored path points.

No Qt here: whether a file actually plays is the player's business (``app/media``); the domain
only accepts the extensions QtMultimedia's FFmpeg backend plays and remembers what the file held.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from pathlib import Path

from coding.core.errors import FileImportError
from coding.core.i18n import text

#: Extensions of recordings a document can carry, and whether each is sound only or a film.
MEDIA_KINDS: dict[str, str] = {
    ".mp3": "audio",
    ".m4a": "audio",
    ".wav": "audio",
    ".ogg": "audio",
    ".mp4": "video",
    ".webm": "video",
}

_CHUNK = 1 << 20


def media_kind(path: Path) -> str:
    """``audio`` or ``video`` for a recording's extension; any other extension is refused."""
    kind = MEDIA_KINDS.get(path.suffix.lower())
    if kind is None:
        supported = ", ".join(ext.lstrip(".") for ext in MEDIA_KINDS)
        raise FileImportError(
            path, text("is not a supported recording (use {supported})", supported=supported)
        )
    return kind


def file_digest(path: Path) -> tuple[str, int]:
    """The SHA-256 (hex) and size in bytes of a file, read in chunks."""
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while chunk := handle.read(_CHUNK):
                digest.update(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise FileImportError(path, text("does not exist")) from None
    except IsADirectoryError:
        raise FileImportError(path, text("is a folder, not a recording")) from None
    except OSError as exc:
        raise FileImportError(
            path, text("cannot be read ({value})", value=exc.strerror or exc.__class__.__name__)
        ) from None
    return digest.hexdigest(), size


def check_recording(path: Path) -> tuple[str, str, int]:
    """Kind, SHA-256 and size of a recording a user names; one clear error when it cannot be one."""
    kind = media_kind(path)
    if not path.exists():
        raise FileImportError(path, text("does not exist"))
    sha256, size = file_digest(path)
    if size == 0:
        raise FileImportError(path, text("is empty"))
    return kind, sha256, size


def stored_path(path: Path, base: Path | None) -> str:
    """How a project stores a recording's path: relative (with ``/``) when it lies in or below the
    project's folder ``base``, else absolute."""
    absolute = Path(os.path.abspath(path))
    if base is not None:
        try:
            return absolute.relative_to(Path(os.path.abspath(base))).as_posix()
        except ValueError:
            pass
    return str(absolute)


def resolve_path(stored: str, base: Path | None) -> Path:
    """The file a stored path names (a relative one from the project's folder)."""
    path = Path(stored)
    if path.is_absolute() or base is None:
        return path
    return base / path


def recordings_in(folder: Path) -> Iterator[Path]:
    """Every recording in a folder and its subfolders, in a stable order."""
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            if Path(name).suffix.lower() in MEDIA_KINDS:
                yield Path(root) / name
