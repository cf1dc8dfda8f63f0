"""Team projects from the command line: ``codewerk server init|add-user`` and ``codewerk copy``.

``codewerk server init URL`` prepares an empty PostgreSQL database as a Codewerk project (the
schema by the same migrations as a file's, the team roles owner/coder/reviewer with their grants,
the codebook) and prints the SQL it ran. ``codewerk server add-user URL NAME --role coder`` makes
a login for a colleague; the password is asked for (or read from stdin with --password-stdin)
and sent to the server only as a SCRAM verifier, never stored or printed.
``codewerk copy SOURCE DEST`` copies a project between a file and a server, either way.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from coding.codebook.codebook_file import read_codebook
from coding.core.errors import InvalidInputError, ProjectFileError
from coding.core.i18n import reason_of
from coding.core.i18n import text as say
from coding.project import Project

Command = Callable[..., argparse.ArgumentParser]


def _sql_lines(statements: list[str]) -> str:
    shown = [s for s in statements if not s.upper().startswith(("SELECT", "INSERT", "UPDATE", "DELETE"))]
    return "\n".join(s.rstrip(";") + ";" for s in shown)


def cmd_server_init(args: argparse.Namespace) -> int:
    from models.server import is_server_url, recording_all

    if not is_server_url(args.url):
        raise InvalidInputError(
            say("{url}: not a server address (postgresql://user@host/database)", url=args.url)
        )
    codebook = None if args.codebook == "none" else read_codebook(args.codebook)
    with recording_all() as ran:
        project = Project.create(args.url, codebook=codebook, coder=args.coder)
    project.close()
    print(_sql_lines(ran))
    print(f"Prepared {project.location} as a Codewerk team project (you are its owner)", file=sys.stderr)
    return 0


def _new_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        password = getpass.getpass(f"Password for {args.name}: ")
        if getpass.getpass("Again: ") != password:
            raise InvalidInputError(say("the two passwords differ; nothing was changed"))
    if not password:
        raise InvalidInputError(say("an empty password; nothing was changed"))
    return password


def cmd_server_add_user(args: argparse.Namespace) -> int:
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from models.server import ServerProblem, add_user_statements, is_server_url, make_server_engine, parse

    if not is_server_url(args.url):
        raise InvalidInputError(
            say("{url}: not a server address (postgresql://user@host/database)", url=args.url)
        )
    url = parse(args.url)
    try:
        statements = add_user_statements(str(url.database), args.name, args.role)
    except ServerProblem as exc:
        raise InvalidInputError(reason_of(exc)) from exc
    password = _new_password(args)
    engine = make_server_engine(url, pool_size=1)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
            from psycopg import sql

            raw: Any = connection.connection.driver_connection
            verifier = raw.pgconn.encrypt_password(password.encode(), args.name.encode(), b"scram-sha-256")
            raw.execute(
                sql.SQL("ALTER ROLE {} PASSWORD {}").format(
                    sql.Identifier(args.name), sql.Literal(verifier.decode())
                )
            )
    except DBAPIError as exc:
        message = str(exc.orig).strip().splitlines()[0]
        raise ProjectFileError(say("{url}: {message}", url=args.url, message=message)) from exc
    finally:
        engine.dispose()
    print(_sql_lines(statements))
    print(f"ALTER ROLE \"{args.name}\" PASSWORD '…';  -- a SCRAM verifier, not the password")
    print(f"Added {args.name} as {args.role}", file=sys.stderr)
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from coding.project_copy import copy_project

    counts = copy_project(args.source, args.dest)
    rows = sum(counts.values())
    print(f"Copied {rows} rows in {sum(1 for n in counts.values() if n)} tables to {args.dest}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    server = sub.add_parser(
        "server",
        help="team projects on a PostgreSQL server",
        description="team projects on a PostgreSQL server",
    )
    actions = server.add_subparsers(dest="server_command", metavar="ACTION", required=True)
    init = actions.add_parser(
        "init", help="prepare an empty database as a team project and print the SQL it ran"
    )
    init.add_argument(
        "url", metavar="URL", help="postgresql://user@host/database (?host=/socket/dir for a socket)"
    )
    init.add_argument(
        "--codebook", default="rwb", metavar="NAME|FILE", help="codebook to start with, or 'none'"
    )
    init.add_argument("--coder", help="your name as coder")
    init.set_defaults(handler=cmd_server_init)
    add = actions.add_parser("add-user", help="add a colleague as owner, coder or reviewer")
    add.add_argument("url", metavar="URL")
    add.add_argument("name", metavar="NAME", help="their login name on the server")
    add.add_argument("--role", choices=("owner", "coder", "reviewer"), default="coder")
    add.add_argument("--password-stdin", action="store_true", help="read their password from stdin")
    add.set_defaults(handler=cmd_server_add_user)

    copy = sub.add_parser(
        "copy",
        help="copy a project between a file and a server, losslessly",
        description="copy a project between a file and a server (either way): every table, id and GUID",
    )
    copy.add_argument("source", metavar="SOURCE", help="a .codewerk file or a postgresql:// URL")
    copy.add_argument("dest", metavar="DEST", help="a new .codewerk file or an empty server database")
    copy.set_defaults(handler=cmd_copy)
