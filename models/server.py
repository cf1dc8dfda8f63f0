"""Team projects on a PostgreSQL server: URLs, engines, the schema check, roles and their grants.

A project is a file or a URL. ``postgresql://user@host/db``, ``postgresql+psycopg://…`` and a
Unix socket (``postgresql://user@/db?host=/run/postgresql``) all name a database on a server; the
driver is psycopg 3 whatever the URL says. The schema is the same alembic migrations as a file's;
:func:`prepare` creates or upgrades it and the three team roles with their grants, and returns the
SQL it ran (``codewerk server init`` prints it).

Roles (PostgreSQL group roles, one set per database, ``<db>_owner`` …):

* owner — everything: codebook, documents, settings, and what coders and reviewers do;
* coder — codings, memos, judgements (and their own coder row);
* reviewer — review marks and comments only.

A password is never stored by Codewerk: it comes with the URL, from the prompt, or from the system
keyring when the user asked for that (see :mod:`coding.core.server_login`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any
from urllib.parse import unquote

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from models.base import Base
from models.problems import ReasonedProblem

SCHEMES = ("postgresql:", "postgresql+", "postgres:")
ROLES = ("owner", "coder", "reviewer")

#: The tables each role may write (besides reading everything).
WRITABLE: dict[str, frozenset[str]] = {
    "coder": frozenset({"passage", "coding", "memo", "judgement", "judgement_evidence", "coder", "setting"}),
    "reviewer": frozenset({"review", "review_comment", "coder", "setting"}),
}

#: Channel of the change notifications (LISTEN/NOTIFY).
CHANNEL = "codewerk_changes"


class ServerProblem(ReasonedProblem):
    """Raised with a user-facing reason; the service layer names the project."""


def is_server_url(location: object) -> bool:
    return isinstance(location, str) and location.strip().lower().startswith(SCHEMES)


def parse(location: str) -> URL:
    """The SQLAlchemy URL of a project URL, with psycopg 3 as its driver."""
    try:
        url = make_url(location.strip())
    except ArgumentError as exc:
        raise ServerProblem("not a valid server address ({problem})", problem=exc) from exc
    if not url.database:
        raise ServerProblem("the address names no database (postgresql://user@host/DATABASE)")
    return url.set(drivername="postgresql+psycopg")


def display(url: URL) -> str:
    """The URL as messages and the window show it: never with its password."""
    shown = url.render_as_string(hide_password=True).replace("postgresql+psycopg://", "postgresql://")
    return unquote(shown)


def make_server_engine(url: URL, *, pool_size: int = 5) -> Engine:
    """An engine for one team project. ``pool_pre_ping`` replaces connections a restarted or
    unreachable server dropped, so the next action after an outage reconnects by itself."""
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=pool_size,
        connect_args={"connect_timeout": 5, "application_name": "codewerk"},
    )


def role_names(database: str) -> dict[str, str]:
    safe = "".join(ch if ch.isalnum() else "_" for ch in database.lower())
    return {role: f"{safe}_{role}" for role in ROLES}


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def grant_statements(database: str) -> list[str]:
    """The statements that create the team roles of ``database`` and grant them their tables."""
    names = role_names(database)
    tables = sorted(Base.metadata.tables)
    statements = []
    for role in ROLES:
        statements.append(
            f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{names[role]}') "
            f"THEN CREATE ROLE {_quoted(names[role])} NOLOGIN; END IF; END $$"
        )
        statements.append(f"GRANT CONNECT ON DATABASE {_quoted(database)} TO {_quoted(names[role])}")
        statements.append(f"GRANT USAGE ON SCHEMA public TO {_quoted(names[role])}")
        statements.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {_quoted(names[role])}")
        statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {_quoted(names[role])}")
    statements.append(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {_quoted(names['owner'])}"
    )
    for role in ("coder", "reviewer"):
        for table in tables:
            if table in WRITABLE[role]:
                statements.append(
                    f"GRANT INSERT, UPDATE, DELETE ON {_quoted(table)} TO {_quoted(names[role])}"
                )
    return statements


@contextmanager
def recording(engine: Engine) -> Iterator[list[str]]:
    """Every SQL statement the engine runs inside the block, in order."""
    ran: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        ran.append(statement.strip())

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield ran
    finally:
        event.remove(engine, "before_cursor_execute", record)


@contextmanager
def recording_all() -> Iterator[list[str]]:
    """Every SQL statement any engine runs inside the block (``codewerk server init`` prints them)."""
    ran: list[str] = []

    def record(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        ran.append(statement.strip())

    event.listen(Engine, "before_cursor_execute", record)
    try:
        yield ran
    finally:
        event.remove(Engine, "before_cursor_execute", record)


def current_revision(engine: Engine) -> str | None:
    """The schema revision of the server's database; ``None`` when it has no Codewerk schema.

    Raises :class:`ServerProblem` when the database is something else.
    """
    with engine.connect() as connection:
        tables = set(
            connection.execute(
                text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
            ).scalars()
        )
        if not tables:
            return None
        if "alembic_version" not in tables or "coding" not in tables:
            raise ServerProblem("the database is not a Codewerk project (it holds other tables)")
        rows = connection.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    if len(rows) != 1:
        raise ServerProblem("the database has no Codewerk schema version; it is damaged")
    return str(rows[0])


def upgrade_server(engine: Engine, *, backup_of: str | None = None) -> str | None:
    """Run the migrations on the server's database up to head (one transaction: PostgreSQL's
    DDL is transactional, so a failed upgrade leaves the schema as it was).

    With ``backup_of`` (the revision the database is at), every table is first copied into a
    schema of its own, ``codewerk_backup_<time>_<revision>``, in the same transaction — the
    server's counterpart of the backup file beside an upgraded project file — whose name is
    returned. Only the database owner can read it."""
    from alembic import command

    from models.database import _alembic_config

    config = _alembic_config()
    backup = None
    with engine.begin() as connection:
        if backup_of is not None:
            backup = backup_schema(connection, backup_of)
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
    return backup


def backup_schema(connection: Connection, revision: str) -> str:
    """Copy every table of the current schema (data only) into a new schema; return its name."""
    stamp = datetime.now(UTC).strftime("%Y%m%d%H%M%S")
    safe = "".join(c for c in revision.lower() if c.isalnum() or c == "_")[:20]
    name = f"codewerk_backup_{stamp}_{safe}"
    tables = connection.execute(
        text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename")
    ).scalars()
    source = connection.execute(text("SELECT current_schema()")).scalar_one()
    connection.execute(text(f"CREATE SCHEMA {_quoted(name)}"))
    connection.execute(text(f"REVOKE ALL ON SCHEMA {_quoted(name)} FROM PUBLIC"))
    for table in list(tables):
        connection.execute(
            text(f"CREATE TABLE {_quoted(name)}.{_quoted(table)} AS TABLE {_quoted(source)}.{_quoted(table)}")
        )
    return name


def apply_grants(engine: Engine, database: str) -> None:
    with engine.begin() as connection:
        for statement in grant_statements(database):
            connection.execute(text(statement))


def role_of(engine: Engine, database: str) -> str:
    """The signed-in user's team role in ``database``: owner, coder or reviewer.

    The database's owner and superusers are owners; a user in none of the roles reads only
    (reported as reviewer, the role with the fewest rights).
    """
    names = role_names(database)
    with engine.connect() as connection:
        owner = connection.execute(
            text(
                "SELECT pg_catalog.pg_get_userbyid(datdba) = current_user OR "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user) "
                "FROM pg_database WHERE datname = current_database()"
            )
        ).scalar_one()
        if owner:
            return "owner"
        for role in ROLES:
            member = connection.execute(
                text(
                    "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :role) "
                    "AND pg_has_role(current_user, :role, 'MEMBER')"
                ),
                {"role": names[role]},
            ).scalar_one()
            if member:
                return role
    return "reviewer"


def add_user_statements(database: str, name: str, role: str) -> list[str]:
    """Create the login role ``name`` (without its password: that is set separately, never
    printed) and make it a member of ``database``'s team role ``role``."""
    if role not in ROLES:
        raise ServerProblem("unknown role {role!r}; choose owner, coder or reviewer", role=role)
    group = role_names(database)[role]
    return [
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{name.replace(chr(39), '')}') "
        f"THEN CREATE ROLE {_quoted(name)} LOGIN; END IF; END $$",
        f"GRANT {_quoted(group)} TO {_quoted(name)}",
    ]
