"""Opening, creating, backing up and migrating project files (SQLite).

A project is one SQLite file. Every connection runs with foreign keys on, the WAL journal
synced at every commit (``synchronous=FULL``: a finished action survives a power loss) and a busy timeout, and defensively: ``trusted_schema=OFF`` (functions and virtual tables named in
the schema's triggers and views run only when harmless, so a file made elsewhere cannot make them
act) and ``cell_size_check=ON`` (a damaged page is reported instead of read). Before first use a
file is checked with ``PRAGMA quick_check``; a damaged one is refused with one message naming it.
New files are created by running the alembic migrations to head; older
files are backed up next to themselves (SQLite backup API) and upgraded when opened.

Opening a file at the head revision does not import alembic (a tenth of a second of the window's
start): the file's revision is read with sqlite3 and compared with the head found in the
migration files' own ``revision``/``down_revision`` lines (:func:`revision_graph`). Alembic is
imported only to create a file or to upgrade one.
"""

from __future__ import annotations

import ast
import functools
import os
import re
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import NullPool

from models.problems import ReasonedProblem

if TYPE_CHECKING:
    from alembic.config import Config

#: ``PRAGMA application_id`` of every Codewerk project: the bytes ``CWRK``.
APPLICATION_ID = int.from_bytes(b"CWRK", "big")
BUSY_TIMEOUT_MS = 5000
#: ``PRAGMA synchronous`` of every writable connection: ``FULL`` syncs the write-ahead log at each commit, so a
#: finished action survives a power loss too (``NORMAL`` synced it only at the next checkpoint, up to two
#: seconds later; docs/ARCHITECTURE.md, "A project file").
SYNCHRONOUS = "FULL"


class ProjectFileProblem(ReasonedProblem):
    """Raised by this module with a user-facing reason; the service layer names the file."""


def _on_connect(
    foreign_keys: bool, read_only: bool, busy_timeout_ms: int
) -> Callable[[sqlite3.Connection, Any], None]:
    def configure(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_ms}")
        cursor.execute("PRAGMA trusted_schema=OFF")
        cursor.execute("PRAGMA cell_size_check=ON")
        if not read_only:  # a read-only file keeps the journal mode it has
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cursor.close()

    return configure


#: Execution option that marks a connection's transactions as writes (``BEGIN IMMEDIATE``).
WRITES = "codewerk_writes"


def _on_begin(conn: Any) -> None:
    # A write transaction takes the file's write lock at its start: then the busy timeout
    # applies (a deferred transaction that read first and writes second fails at once with
    # "database is locked" when another program committed in between, whatever the timeout).
    conn.exec_driver_sql("BEGIN IMMEDIATE" if conn.get_execution_options().get(WRITES) else "BEGIN")


def is_writable(path: Path) -> bool:
    """Whether this process can write the project file and the journal files beside it."""
    if not os.access(path, os.W_OK):
        return False
    if os.access(path.parent, os.W_OK):
        return True
    # A folder we cannot write: only when the WAL files are already there, and writable.
    journal = [Path(f"{path}-wal"), Path(f"{path}-shm")]
    return all(p.exists() and os.access(p, os.W_OK) for p in journal)


def _url(path: Path, read_only: bool) -> str:
    if not read_only:
        return f"sqlite:///{path}"
    # Read-only media: no journal can be created beside the file. Without a WAL file nobody is
    # writing it, and SQLite may read it as immutable; with one, read it (and the WAL) as it is.
    mode = "mode=ro" if Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    return f"sqlite:///file:{quote(str(path.resolve()))}?{mode}&uri=true"


def make_engine(
    path: Path,
    *,
    foreign_keys: bool = True,
    read_only: bool = False,
    busy_timeout_ms: int = BUSY_TIMEOUT_MS,
) -> Engine:
    """An engine for one project file; every connection has the project's pragmas.

    Connections with the execution option :data:`WRITES` begin their transactions with
    ``BEGIN IMMEDIATE``.
    """
    options: dict[str, Any] = {} if foreign_keys else {"poolclass": NullPool}
    engine = create_engine(_url(path, read_only), **options)
    event.listen(engine, "connect", _on_connect(foreign_keys, read_only, busy_timeout_ms))
    event.listen(engine, "begin", _on_begin)
    return engine


def _alembic_config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "models:migrations")
    return config


def _assigned(module: ast.Module, name: str) -> Any:
    for node in module.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
        if (
            isinstance(node, ast.AnnAssign)
            and isinstance(node.target, ast.Name)
            and node.target.id == name
            and node.value is not None
        ):
            return ast.literal_eval(node.value)
    raise LookupError(name)


#: ``revision = "0007"`` or ``down_revision: str | None = "0006"`` at the start of a line.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.MULTILINE)


def _revisions_of(source: str, name: str) -> tuple[Any, Any]:
    """A migration file's ``revision`` and ``down_revision``: from their own lines when each is one
    literal on one line (every migration so far; parsing 15 files whole took ≈ 10 ms of every
    start), else from the parsed file."""
    found: dict[str, Any] = {}
    for match in _REVISION_LINE.finditer(source):
        if match.group(1) in found:
            break  # assigned twice: let the parser say which one counts
        try:
            found[match.group(1)] = ast.literal_eval(match.group(2))
        except (SyntaxError, ValueError):  # a tuple over several lines, a name, a comment after it
            break
    else:
        if len(found) == 2:
            return found["revision"], found["down_revision"]
    module = ast.parse(source, name)
    return _assigned(module, "revision"), _assigned(module, "down_revision")


@functools.cache
def revision_graph() -> dict[str, tuple[str, ...]]:
    """Every migration's revision and the revisions it follows, read from the migration files.

    The files are read, not imported (nor is alembic); ``tests/models/test_migrations.py`` checks
    that this agrees with alembic's own script directory.
    """
    graph: dict[str, tuple[str, ...]] = {}
    folder = resources.files("models.migrations").joinpath("versions")
    for entry in folder.iterdir():
        if not entry.name.endswith(".py") or entry.name.startswith("_"):
            continue
        revision, down = _revisions_of(entry.read_text(encoding="utf-8"), entry.name)
        graph[str(revision)] = (
            () if down is None else (str(down),) if isinstance(down, str) else tuple(map(str, down))
        )
    return graph


def head_revision() -> str:
    graph = revision_graph()
    followed = {down for downs in graph.values() for down in downs}
    heads = [revision for revision in graph if revision not in followed]
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads ({', '.join(sorted(heads))}), not one")
    return heads[0]


def known_revisions() -> set[str]:
    return set(revision_graph())


def _sqlite_header(path: Path) -> bool:
    """Whether the file starts like an SQLite database. Read only once SQLite itself refused the
    file: then no connection of this process can be relying on its locks."""
    with path.open("rb") as handle:
        return handle.read(16) == b"SQLite format 3\x00"


#: Up to this size a project file is checked whole (``PRAGMA quick_check``, ≈ 0.15 s per 100 MB)
#: before it opens; a larger one may open first and be checked meanwhile (:func:`check_file`), when
#: the caller asks for that (the window, in a worker after its first paint).
CHECK_FIRST_BYTES = 32 * 1024 * 1024


def inspect_file(path: Path, *, check: bool = True) -> str:
    """Check that ``path`` is a Codewerk project and return its schema revision.

    Raises :class:`ProjectFileProblem` with the reason when it is not. Without ``check``, the
    structure of every page is not checked (:func:`check_file` does that later).
    """
    if not path.exists():
        raise ProjectFileProblem("no such file")
    if path.is_dir():
        raise ProjectFileProblem("is a folder, not a project file")
    if path.stat().st_size == 0:
        raise ProjectFileProblem("the file is empty, not a Codewerk project")
    # Only SQLite opens the file: this process may hold connections to it (a second Project on
    # the same file), and closing any other descriptor of it would drop their POSIX locks, after
    # which another program could checkpoint and delete the WAL under them (a damaged file).
    mode = "mode=ro" if is_writable(path) or Path(f"{path}-wal").exists() else "mode=ro&immutable=1"
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path.resolve()))}?{mode}", uri=True)) as conn:
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("PRAGMA cell_size_check=ON")
            try:
                app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            except sqlite3.DatabaseError as exc:
                if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_NOTADB and not _sqlite_header(
                    path
                ):
                    raise ProjectFileProblem(
                        "not a Codewerk project (the file is not an SQLite database)"
                    ) from exc
                raise
            if app_id != APPLICATION_ID:
                raise ProjectFileProblem("not a Codewerk project (an SQLite database of another program)")
            if check:
                _quick_check(conn)
            rows = conn.execute("SELECT version_num FROM alembic_version").fetchall()
    except sqlite3.DatabaseError as exc:
        raise ProjectFileProblem("the project file is damaged ({problem})", problem=exc) from exc
    if len(rows) != 1:
        raise ProjectFileProblem("the project file has no schema version; it is damaged")
    revision = str(rows[0][0])
    if revision not in known_revisions():
        raise ProjectFileProblem(
            "was written by a newer Codewerk (schema {revision}); update Codewerk to open it",
            revision=revision,
        )
    return revision


class CheckStopped(Exception):
    """A :func:`check_file` stopped by its :class:`CheckStop` before it ended: nothing was found either way."""


class CheckStop:
    """Stops a :func:`check_file` under way in another thread at once (the program ends: a 1.2 GB file's
    check took 33 s at load 11); the check then raises :class:`CheckStopped`. A check begun after
    :meth:`stop` stops before it reads."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self.stopped = False

    def stop(self) -> None:
        with self._lock:
            self.stopped = True
            if self._connection is not None:
                self._connection.interrupt()  # SQLite's own: the check ends within milliseconds

    @contextmanager
    def watching(self, connection: sqlite3.Connection) -> Iterator[None]:
        with self._lock:
            if self.stopped:
                raise CheckStopped
            self._connection = connection
        try:
            yield
        finally:
            with self._lock:
                self._connection = None


def check_file(path: Path, stop: CheckStop | None = None) -> None:
    """``PRAGMA quick_check`` of a project file :func:`inspect_file` opened unchecked (on its own
    read-only connection: any thread); raises :class:`ProjectFileProblem` when it is damaged, and
    :class:`CheckStopped` when ``stop`` stopped it first."""
    try:
        with closing(sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)) as conn:
            conn.execute("PRAGMA trusted_schema=OFF")
            conn.execute("PRAGMA cell_size_check=ON")
            if stop is None:
                _quick_check(conn)
            else:
                with stop.watching(conn):
                    _quick_check(conn)
    except sqlite3.DatabaseError as exc:
        if stop is not None and stop.stopped:
            raise CheckStopped from exc
        raise ProjectFileProblem("the project file is damaged ({problem})", problem=exc) from exc


def file_mark(path: Path) -> str | None:
    """What identifies the bytes of a closed project file without reading them: its device, inode,
    size and the times of its last change (``st_mtime_ns``, and ``st_ctime_ns``, the time of its last
    change of metadata, which no program can set back: any write, copy, move into place or restore of a
    backup changes it). ``None`` when the file is missing or a write-ahead log with frames lies beside
    it (not closed cleanly, or open elsewhere), and on Windows, where ``os.stat`` has no such time
    (``st_ctime`` there is when the file was created, which a write leaves as it was, and the
    modification time can be set back by any program, as copying tools do): there a closed file is
    checked again at every opening. Only ``os.stat``: no descriptor of the file is opened (see
    :func:`inspect_file`)."""
    if sys.platform == "win32":
        return None
    try:
        stat = path.stat()
        wal = Path(f"{path}-wal")
        if wal.exists() and wal.stat().st_size > 0:
            return None
    except OSError:
        return None
    return f"{stat.st_dev}:{stat.st_ino}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}"


def _quick_check(conn: sqlite3.Connection) -> None:
    """``PRAGMA quick_check`` (the structure of every page and index, without comparing index
    contents with their tables: linear in the file's size); raises when the file is damaged."""
    found = [str(row[0]) for row in conn.execute("PRAGMA quick_check(3)")]
    if found == ["ok"]:
        return
    lines = [line.strip() for text in found for line in text.splitlines()]
    problems = [line for line in lines if line and not line.startswith("***")] or ["unknown problem"]
    more = " …" if len(problems) > 1 else ""
    raise ProjectFileProblem(
        "the project file is damaged ({problem}{more}); open a backup copy", problem=problems[0], more=more
    )


def sync_folder(folder: Path) -> None:
    """Make a file's new name in ``folder`` (created or moved there) survive a power loss: the folder's
    entries are synced as the file's contents were by SQLite's commit. Not on Windows, where a folder
    cannot be opened for it; a file system that cannot sync a folder is left as it is."""
    if sys.platform == "win32":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:  # e.g. EINVAL on some network file systems
        pass
    finally:
        os.close(descriptor)


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source`` (what is committed, WAL included) at ``target``:
    written beside it first, then moved into place (a failed copy leaves no half file), the move
    synced (:func:`sync_folder`)."""
    partial = target.with_name(f"{target.name}.partial")
    try:
        with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(partial)) as copy:
            origin.backup(copy)
        os.replace(partial, target)
        sync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def backup_file(path: Path, revision: str) -> Path:
    """Copy ``path`` next to itself with the SQLite backup API; return the copy's path."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.backup-{stamp}-{revision}{path.suffix}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.backup-{stamp}-{revision}-{counter}{path.suffix}")
    with closing(sqlite3.connect(path)) as source, closing(sqlite3.connect(target)) as copy:
        source.backup(copy)
    sync_folder(target.parent)  # the backup's name too survives a power loss before the migration's commit
    return target


@contextmanager
def _migration_connection(path: Path) -> Iterator[Any]:
    # Foreign keys must be off while alembic's batch mode recreates tables: with them on,
    # SQLite's implicit DELETE on DROP TABLE would cascade and delete coded data.
    engine = make_engine(path, foreign_keys=False)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def _check_foreign_keys(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn:
        problems = conn.execute("PRAGMA foreign_key_check").fetchall()
    if problems:
        raise ProjectFileProblem(
            "foreign key check failed after migration: {problems}", problems=problems[:3]
        )


def upgrade(path: Path, revision: str = "head") -> None:
    """Run the migrations on ``path`` up to ``revision`` (no backup; see :func:`open_file`)."""
    from alembic import command

    config = _alembic_config()
    with _migration_connection(path) as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
    _check_foreign_keys(path)


def create_file(path: Path, revision: str = "head") -> None:
    """Create a new, empty project file at ``revision``. The file must not exist."""
    if path.exists():
        raise ProjectFileProblem("already exists; choose another name or open it")
    if not path.parent.exists():
        raise ProjectFileProblem("the folder {folder} does not exist", folder=path.parent)
    try:
        with closing(sqlite3.connect(path)) as conn:
            conn.execute(f"PRAGMA application_id={APPLICATION_ID}")
            conn.execute("PRAGMA journal_mode=WAL")
            conn.commit()
        upgrade(path, revision)
    except BaseException:
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_file(path: Path, *, check: bool = True) -> Path | None:
    """Make sure ``path`` is a project at the head revision; back up and upgrade if older.

    Returns the backup's path when an upgrade happened, else ``None``. Without ``check`` the pages'
    structure is left to :func:`check_file` (a file to be upgraded is always checked first).
    """
    revision = inspect_file(path, check=check)
    if revision == head_revision():
        return None
    if not check:
        check_file(path)
    if not is_writable(path):
        raise ProjectFileProblem(
            "the project is read-only and was written by an older Codewerk; "
            "copy it to a folder you can write to and open the copy"
        )
    backup = backup_file(path, revision)
    upgrade(path)
    return backup
