"""Opening the project a subcommand names, with a note when it was upgraded."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from coding.core.errors import PasswordNeededError
from coding.core.i18n import text
from coding.project import Project


def with_password(location: str, password: str) -> str:
    """A team project's address with ``password`` for this connection only (never stored)."""
    scheme, _, rest = location.partition("://")
    user, at, place = rest.partition("@")
    if not at:
        return location
    user = user.split(":", 1)[0]
    return f"{scheme}://{user}:{quote(password, safe='')}@{place}"


def _open(location: str, coder: str | None) -> Project:
    """Open a project; a team project whose server asks for a password asks for it here, at a
    terminal, once (scripts give it in PGPASSWORD or ~/.pgpass)."""
    try:
        return Project.open(location, coder=coder)
    except PasswordNeededError:
        if not sys.stdin.isatty():
            raise
    password = getpass.getpass(f"Password for {location.split('?', maxsplit=1)[0]}: ")
    return Project.open(with_password(location, password), coder=coder)


@contextmanager
def opened(args: argparse.Namespace) -> Iterator[Project]:
    project = _open(args.project, getattr(args, "coder", None))
    if project.backup_path is not None:
        print(
            text(
                "Upgraded {name}; the previous version is kept as {name2}",
                name=Path(args.project).name,
                name2=project.backup_path.name,
            ),
            file=sys.stderr,
        )
    backup_schema = getattr(project.store, "upgrade_backup", None)
    if backup_schema is not None:
        print(
            text(
                "Upgraded {location}; the previous version is kept in the schema {backup_schema}",
                location=project.location,
                backup_schema=backup_schema,
            ),
            file=sys.stderr,
        )
    try:
        yield project
    finally:
        project.close()
