"""Opening a ``.qdpx`` safely: every check runs on the zip's central directory before anything is read.

Refused, with one clear message naming the file and nothing written: a file that is not a
zip, an encrypted zip, entries with ``..`` or absolute paths (or drive letters), a zip bomb
(too many entries, a member that unpacks to more than ``MAX_COMPRESSION_RATIO`` times its
packed size, or more than ``MAX_READ_BYTES`` in what Codewerk would read), and a zip without
``project.qde``. Nothing is ever extracted to disk; members are read into memory, and
Python's :mod:`zipfile` never returns more bytes than a member declares.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePosixPath
from typing import IO

from coding.core.errors import FileImportError
from coding.core.i18n import text
from coding.importing.parsers.safety import check_file
from coding.refi.names import EXTENSION_PART

MB = 1024 * 1024
MAX_QDPX_BYTES = 4096 * MB  # the archive on disk (it may hold audio and video we skip)
MAX_ENTRIES = 100_000
MAX_READ_BYTES = 1024 * MB  # project.qde + text sources + extension, unpacked
MAX_MEMBER_BYTES = 512 * MB
MAX_COMPRESSION_RATIO = 200
RATIO_CHECK_MIN_BYTES = 4 * MB
_DRIVE = re.compile(r"^[A-Za-z]:")


def _unsafe_name(name: str) -> bool:
    normalised = name.replace("\\", "/")
    if normalised.startswith("/") or _DRIVE.match(normalised):
        return True
    return ".." in PurePosixPath(normalised).parts


class QdpxArchive:
    """The members of a checked ``.qdpx``, looked up case-insensitively (``Sources/`` = ``sources/``)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._zip: zipfile.ZipFile | None = None
        check_file(path, MAX_QDPX_BYTES)
        try:
            self._zip = zipfile.ZipFile(path)
            members = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError):
            self.close()
            raise FileImportError(
                path, text("not a REFI-QDA project (not a zip archive, which a .qdpx is)")
            ) from None
        try:
            self._check(members)
        except FileImportError:
            self.close()
            raise
        self._members = {
            info.filename.replace("\\", "/").lower(): info for info in members if not info.is_dir()
        }
        self.qde_name = self._find_qde()

    def _check(self, members: list[zipfile.ZipInfo]) -> None:
        if len(members) > MAX_ENTRIES:
            raise FileImportError(
                self.path, text("looks like a zip bomb ({count} entries)", count=len(members))
            )
        for info in members:
            if _unsafe_name(info.filename):
                raise FileImportError(
                    self.path,
                    text(
                        "refused: the entry '{filename}' points outside the archive (unsafe path)",
                        filename=info.filename,
                    ),
                )
            if info.flag_bits & 0x1:
                raise FileImportError(
                    self.path, text("the archive is encrypted; export it again without a password")
                )
            if info.file_size > MAX_MEMBER_BYTES or (
                info.file_size > RATIO_CHECK_MIN_BYTES
                and info.file_size > MAX_COMPRESSION_RATIO * max(info.compress_size, 1)
            ):
                raise FileImportError(
                    self.path,
                    text(
                        "looks like a zip bomb ('{filename}' would unpack to {value} MB from {value2} KB)",
                        filename=info.filename,
                        value=info.file_size // MB,
                        value2=max(info.compress_size, 1) // 1024 or 1,
                    ),
                )
        readable = sum(
            info.file_size
            for info in members
            if info.filename.lower().endswith((".qde", ".txt", ".json")) and not info.is_dir()
        )
        if readable > MAX_READ_BYTES:
            raise FileImportError(
                self.path,
                text("looks like a zip bomb (its text would unpack to {value} MB)", value=readable // MB),
            )

    def _find_qde(self) -> str:
        if "project.qde" in self._members:
            return "project.qde"
        candidates = [name for name in self._members if name.endswith(".qde") and "/" not in name]
        if len(candidates) == 1:  # ATLAS.ti names it after the project
            return candidates[0]
        if candidates:
            names = ", ".join(sorted(self._members[c].filename for c in candidates))
            raise FileImportError(
                self.path,
                text("not a REFI-QDA project: several .qde files ({names}) and no project.qde", names=names),
            )
        raise FileImportError(self.path, text("not a REFI-QDA project: the archive has no project.qde"))

    def read(self, name: str) -> bytes | None:
        """A member's bytes by its path inside the archive (case-insensitive), or ``None``."""
        info = self._members.get(name.replace("\\", "/").lstrip("/").lower())
        if info is None or self._zip is None:
            return None
        try:
            return self._zip.read(info)
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, RuntimeError) as exc:
            raise FileImportError(
                self.path,
                text("the archive is damaged ('{filename}': {exc})", filename=info.filename, exc=exc),
            ) from None

    @contextmanager
    def stream(self, name: str) -> Iterator[IO[bytes]]:
        """A member to read as a stream (``project.qde``, parsed as it is unpacked)."""
        info = self._members.get(name.replace("\\", "/").lstrip("/").lower())
        if info is None or self._zip is None:
            raise FileImportError(self.path, text("the archive has no {name}", name=name))
        try:
            with self._zip.open(info) as member:
                yield member
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, RuntimeError) as exc:
            raise FileImportError(
                self.path,
                text("the archive is damaged ('{filename}': {exc})", filename=info.filename, exc=exc),
            ) from None

    def project_qde(self) -> bytes:
        data = self.read(self.qde_name)
        assert data is not None
        return data

    def extension(self) -> bytes | None:
        return self.read(EXTENSION_PART)

    def source(self, internal: str) -> bytes | None:
        """The file of ``internal://<name>``: in ``sources/`` (any case), or at the top as a fallback."""
        name = internal.replace("\\", "/").lstrip("/")
        if _unsafe_name(name):
            return None
        return self.read(f"sources/{name}") or self.read(name)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> QdpxArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()
