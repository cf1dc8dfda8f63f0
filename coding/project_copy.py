"""``codewerk copy SOURCE DEST``: a project from a file to a team server and back, losslessly.

Every table, id and GUID is copied as it is (:mod:`models.copy`). The destination must not hold
a project yet: a new file, or an empty database on the server (its schema and team roles are
created first). The source is opened as for work (an older file is backed up and upgraded), so
both sides are at the same schema revision.
"""

from __future__ import annotations

from pathlib import Path

from coding.core.errors import ProjectFileError
from coding.core.i18n import reason_of, text
from coding.project import Project
from models.copy import copy_rows
from models.database import ProjectFileProblem, create_file, make_engine
from models.server import is_server_url


def copy_project(source: str, dest: str) -> dict[str, int]:
    """Copy the project at ``source`` into ``dest`` (a new file or an empty server database);
    returns the rows copied per table. When the copy fails, a new destination file is removed."""
    with Project.open(source) as project:
        if is_server_url(dest):
            from coding.core.server_store import ServerStore

            store = ServerStore.open(dest, create=True)
            engine = store.engine
            created: Path | None = None
        else:
            created = Path(dest)
            try:
                create_file(created)
            except ProjectFileProblem as exc:
                raise ProjectFileError(text("{name}: {exc}", name=created.name, exc=reason_of(exc))) from exc
            engine = make_engine(created)
            store = None
        try:
            with project.store.engine.connect() as reading, engine.begin() as writing:
                return copy_rows(reading, writing)
        except BaseException:
            if created is not None:
                engine.dispose()
                for leftover in (created, Path(f"{created}-wal"), Path(f"{created}-shm")):
                    leftover.unlink(missing_ok=True)
            raise
        finally:
            if store is not None:
                store.close()
            else:
                engine.dispose()
