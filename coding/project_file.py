"""Where a project lives, before and beside the :class:`~coding.project.Project` that wraps it: creating and
opening its file (or its team server) as a :class:`~coding.core.store.Store`, the file's damage check, copying
it, and the coder's name when nobody gave one.
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Callable
from pathlib import Path

from coding.core.errors import DiskFullError, InvalidInputError, ProjectFileError
from coding.core.i18n import reason_of
from coding.core.i18n import text as say
from coding.core.store import Store, is_disk_full
from models.database import (
    CHECK_FIRST_BYTES,
    CheckStop,
    CheckStopped,
    ProjectFileProblem,
    check_file,
    copy_database,
    create_file,
    file_mark,
    open_file,
)
from models.server import is_server_url

PROJECT_SUFFIX = ".codewerk"


def default_coder() -> str:
    """The coder's name: ``$CODEWERK_CODER``, else the login name."""
    name = os.environ.get("CODEWERK_CODER", "").strip()
    if name:
        return name
    try:
        return getpass.getuser() or "coder"
    except (KeyError, OSError):
        return "coder"


def create_store(path: Path | str) -> Store:
    """A new project at ``path``: a file made with the migrations run to head, or a PostgreSQL URL (the database
    must exist and be empty). A full disk is one message saying no project was created."""
    if is_server_url(path):
        from coding.core.server_store import ServerStore

        return ServerStore.open(str(path), create=True)
    path = Path(path)
    try:
        create_file(path)
    except ProjectFileProblem as exc:
        raise ProjectFileError(say("{name}: {exc}", name=path.name, exc=reason_of(exc))) from exc
    except Exception as exc:
        if is_disk_full(exc):
            raise no_room_for(path) from None
        raise
    return Store(path)


def open_store(
    path: Path | str, *, check_later: bool = False, checked_mark: str | None = None
) -> tuple[Store, Path | None]:
    """The project at ``path`` (a file or a PostgreSQL URL) and the backup made of an older file before it was
    upgraded (``None``: none made). With ``check_later`` a file over ``CHECK_FIRST_BYTES`` opens before its
    pages are checked: its store lets no write begin until the check passed (``Store.check_before_writing``).
    ``checked_mark``, what :func:`closed_file_mark` returned when this file was last closed, spares the
    check when the file's :func:`~models.database.file_mark` is still that: its bytes were checked then
    and nothing has written to the file since (any write changes the mark)."""
    if is_server_url(path):
        from coding.core.server_store import ServerStore

        return ServerStore.open(str(path)), None
    path = Path(path)
    try:
        checked = checked_mark is not None and file_mark(path) == checked_mark
        small = not path.is_file() or path.stat().st_size <= CHECK_FIRST_BYTES
        check = not checked and (not check_later or small)
        backup = open_file(path, check=check)
    except ProjectFileProblem as exc:
        raise ProjectFileError(say("{name}: {exc}", name=path.name, exc=reason_of(exc))) from exc
    store = Store(path)
    if not check and not checked:
        store.check_before_writing(lambda: _check_pages(path))
    return store, backup


def closed_file_mark(path: Path, stop: CheckStop | None = None) -> str | None:
    """Check a project file Codewerk has just closed (``PRAGMA quick_check``, as when opening) and return
    its :func:`~models.database.file_mark`, for :func:`open_store` to spare that check next time while
    the mark is unchanged. ``None`` when the file is damaged, not closed cleanly (a write-ahead log
    with frames beside it: open elsewhere), changed while it was checked, or the check was stopped
    (``stop``: the program ends)."""
    before = file_mark(path)
    if before is None:
        return None
    try:
        check_file(path, stop)
    except (ProjectFileProblem, CheckStopped):
        return None  # the next opening checks it again and says what is wrong
    after = file_mark(path)
    return after if after == before else None


class ClosingFile:
    """A project file its :class:`~coding.project.Project` let go of (``Project.close_later``), with the two
    steps left for any thread: :meth:`close` its connections (the last one copies the write-ahead log into
    the file: 0.5 s on the huge project after Find stored its suggestions), which must run before the program
    ends or the file is opened again; then :meth:`check` it (:func:`closed_file_mark`), which :meth:`stop`
    ends at once from any thread (the program ends: a 1.2 GB file's check took 33 s at load 11)."""

    def __init__(self, path: Path, close: Callable[[], None], *, checked: bool) -> None:
        self.path = path
        self._close = close
        self._checked = checked
        self._stop = CheckStop()

    def close(self) -> None:
        self._close()

    def check(self) -> str | None:
        """The closed file's mark (``None``: not checked in this session, damaged, changed, or stopped)."""
        return closed_file_mark(self.path, self._stop) if self._checked else None

    def stop(self) -> None:
        """The check stops (or does not begin): :meth:`check` returns ``None``, and :attr:`stopped` says why."""
        self._stop.stop()

    @property
    def stopped(self) -> bool:
        return self._stop.stopped


def _check_pages(path: Path) -> None:
    """``PRAGMA quick_check`` of a file opened unchecked; a damaged one is one message naming it."""
    try:
        check_file(path)
    except ProjectFileProblem as exc:
        raise ProjectFileError(say("{name}: {exc}", name=path.name, exc=reason_of(exc))) from exc


def copy_store(store: Store, target: Path | str, *, overwrite: bool = False) -> Path:
    """Copy the project of ``store``, everything committed, to the project file ``target`` (the suffix added
    when missing). Refuses its own file, and an existing file unless ``overwrite``. A team project is copied
    from its server (as ``codewerk copy``: every id and GUID kept)."""
    path = Path(target).expanduser()
    if path.suffix != PROJECT_SUFFIX:
        path = path.with_name(path.name + PROJECT_SUFFIX)
    if path.resolve() == store.path.resolve():
        raise InvalidInputError(
            say("{name}: that is this project's own file; choose another name", name=path.name)
        )
    if path.exists() and not overwrite:
        raise InvalidInputError(
            say("{path}: the file exists; choose another name or allow replacing it", path=path)
        )
    if not path.parent.is_dir():
        raise InvalidInputError(say("{parent}: no such folder", parent=path.parent))
    from coding.core.server_store import ServerStore

    if isinstance(store, ServerStore):
        store.copy_into_file(path)
    else:
        copy_database(store.path, path)
    return path


def discard_file(path: Path) -> None:
    """Delete a project file just created whose setting up failed, with SQLite's files beside it."""
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


def no_room_for(path: Path) -> DiskFullError:
    """A full disk while a project was created at ``path``."""
    return DiskFullError(
        say(
            "{name}: not enough space on the disk of {parent}; no project was created",
            name=path.name,
            parent=path.parent,
        )
    )
