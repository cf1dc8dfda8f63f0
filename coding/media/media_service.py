"""The recordings of a project's documents: attach, look up, find again after a move, detach."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from coding.core.context import DocumentRef, ProjectContext
from coding.core.errors import FileImportError, InvalidInputError
from coding.core.i18n import text
from coding.core.ids import DocumentId
from coding.media.media_commands import AttachMedia, DetachMedia, NewMedia
from coding.media.media_files import (
    MEDIA_KINDS,
    check_recording,
    file_digest,
    media_kind,
    recordings_in,
    resolve_path,
    stored_path,
)
from models import Document, Media


@dataclass(frozen=True)
class MediaInfo:
    """A document's recording: the stored path, the file it names now, and what it held."""

    document_id: DocumentId
    document: str
    stored_path: str
    location: Path
    kind: str
    sha256: str
    size: int

    @property
    def found(self) -> bool:
        return self.location.is_file()


class MediaService:
    """Recordings beside the transcripts. ``base`` is the project's folder (None for a team
    project: paths are stored as given, absolute)."""

    def __init__(self, context: ProjectContext, base: Path | None) -> None:
        self._context = context
        self._base = base

    # -- reading -------------------------------------------------------------------------
    def list(self) -> builtins.list[MediaInfo]:
        """Every attached recording, in the documents' order."""
        with self._context.store.read() as session:
            rows = session.execute(
                select(Media, Document.name)
                .join(Document, Document.id == Media.document_id)
                .order_by(Document.position, Document.id)
            ).all()
            return [self._info(media, name) for media, name in rows]

    def get(self, ref: DocumentRef) -> MediaInfo | None:
        """The recording of one document, or None."""
        document_id = self._context.resolve.document(ref)
        with self._context.store.read() as session:
            row = session.execute(
                select(Media, Document.name)
                .join(Document, Document.id == Media.document_id)
                .where(Media.document_id == document_id)
            ).first()
            return None if row is None else self._info(row[0], row[1])

    def _info(self, media: Media, name: str) -> MediaInfo:
        return MediaInfo(
            DocumentId(media.document_id),
            name,
            media.path,
            resolve_path(media.path, self._base),
            media.kind,
            media.sha256,
            media.size,
        )

    # -- changing ------------------------------------------------------------------------
    def attach(self, ref: DocumentRef, file: Path | str) -> MediaInfo:
        """Attach the recording ``file`` to a document (replacing one it had). The file stays
        where it is; the project stores its path and content hash."""
        document_id = self._context.resolve.document(ref)
        path = Path(file)
        kind, sha256, size = check_recording(path)
        new = NewMedia(stored_path(path, self._base), kind, sha256, size)
        self._context.execute(AttachMedia(document_id, new))
        info = self.get(document_id)
        assert info is not None
        return info

    def detach(self, ref: DocumentRef) -> None:
        self._context.execute(DetachMedia(self._context.resolve.document(ref)))

    def attach_matching(
        self, folder: Path | str, documents: Sequence[DocumentRef]
    ) -> builtins.list[MediaInfo]:
        """Attach to each document the recording in ``folder`` with the same stem as the file it was
        imported from (``R1.txt`` ↔ ``R1.mp3``); one undo step. Documents without one are left alone."""
        directory = Path(folder)
        if not directory.is_dir():
            raise FileImportError(directory, text("is not a folder"))
        return self.attach_found(self.matching([directory], documents, replace=True, subfolders=True))

    def matching(
        self,
        folders: Sequence[Path],
        documents: Sequence[DocumentRef],
        *,
        replace: bool = False,
        subfolders: bool = False,
    ) -> builtins.list[tuple[DocumentId, Path]]:
        """The recording in one of ``folders`` (with ``subfolders``, in them too) with the same stem
        as the file each document was imported from (or its name): what an import offers to attach.
        Documents that have a recording already are left out unless ``replace``."""
        by_stem: dict[str, Path] = {}
        for directory in folders:
            if not directory.is_dir():
                continue
            if subfolders:
                paths = list(recordings_in(directory))
            else:
                paths = [p for p in sorted(directory.iterdir()) if p.suffix.lower() in MEDIA_KINDS]
            for path in paths:
                if path.is_file():
                    by_stem.setdefault(path.stem.casefold(), path)
        if not by_stem:
            return []
        found: builtins.list[tuple[DocumentId, Path]] = []
        for ref in documents:
            document_id = self._context.resolve.document(ref)
            if not replace and self.get(document_id) is not None:
                continue
            with self._context.store.read() as session:
                name, original = session.execute(
                    select(Document.name, Document.original_filename).where(Document.id == document_id)
                ).one()
            stem = Path(original).stem if original else name
            match = by_stem.get(stem.casefold()) or by_stem.get(name.casefold())
            if match is not None:
                found.append((document_id, match))
        return found

    def attach_found(self, found: Sequence[tuple[DocumentRef, Path]]) -> builtins.list[MediaInfo]:
        """Attach each (document, recording) pair, checked first; one undo step."""
        if not found:
            return []
        checked = [(self._context.resolve.document(doc), path, check_recording(path)) for doc, path in found]
        with self._context.group(text("Attach {count} recording(s)", count=len(checked))):
            for doc, path, (kind, sha256, size) in checked:
                self._context.execute(
                    AttachMedia(doc, NewMedia(stored_path(path, self._base), kind, sha256, size))
                )
        return [m for doc, _path, _c in checked if (m := self.get(doc)) is not None]

    def relink(self, folder: Path | str) -> builtins.list[MediaInfo]:
        """Find recordings that are no longer where the project says in ``folder`` (and its
        subfolders): a file with the same content (hash), preferring the same name. Returns the
        recordings found again (one undo step); those not found keep their old path."""
        directory = Path(folder)
        if not directory.is_dir():
            raise FileImportError(directory, text("is not a folder"))
        missing = [info for info in self.list() if not info.found]
        if not missing:
            return []
        candidates = builtins.list(recordings_in(directory))
        digests: dict[Path, tuple[str, int]] = {}

        def digest(path: Path) -> tuple[str, int] | None:
            if path not in digests:
                try:
                    digests[path] = file_digest(path)
                except FileImportError:
                    return None
            return digests[path]

        found: builtins.list[tuple[MediaInfo, Path]] = []
        for info in missing:
            same_size = [p for p in candidates if _size(p) == info.size]
            same_size.sort(key=lambda p: p.name != info.location.name)  # the same name first
            for path in same_size:
                if (got := digest(path)) is not None and got[0] == info.sha256:
                    found.append((info, path))
                    break
        if not found:
            return []
        with self._context.group(text("Relink {count} recording(s)", count=len(found))):
            for info, path in found:
                new = NewMedia(stored_path(path, self._base), media_kind(path), info.sha256, info.size)
                self._context.execute(AttachMedia(info.document_id, new, text=text("Relink recording")))
        return [m for old, _p in found if (m := self.get(old.document_id)) is not None]

    def require_found(self, ref: DocumentRef) -> MediaInfo:
        """The document's recording, which must be where the project says it is."""
        info = self.get(ref)
        if info is None:
            raise InvalidInputError(text("this document has no recording attached"))
        if not info.found:
            raise FileImportError(
                info.location, text("is missing (moved or deleted); relink it from the folder it is in now")
            )
        return info


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return -1
