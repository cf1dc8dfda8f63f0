"""``codewerk import-qdpx``: bring a REFI-QDA project (.qdpx) or codebook (.qdc) into a project.

Export goes through ``codewerk export PROJECT out.qdpx|out.qdc`` (the exporters are registered by
suffix in :mod:`coding.refi`).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from coding.cli.opening import opened
from coding.core.i18n import text
from coding.project_file import PROJECT_SUFFIX
from coding.refi.exchange import import_exchange, import_into_file


def cmd_import_qdpx(args: argparse.Namespace) -> int:
    path = Path(args.project)
    if not path.suffix:
        path = path.with_suffix(PROJECT_SUFFIX)
    args.project = str(path)
    if path.exists():
        with opened(args) as project:
            report = import_exchange(project, Path(args.file))
    else:
        report = import_into_file(path, Path(args.file), coder=args.coder)
        print(text("Created {path}", path=path))
    for line in report.lines():
        print(line)
    return 0


def register(command: Callable[..., argparse.ArgumentParser]) -> None:
    parser = command(
        "import-qdpx",
        cmd_import_qdpx,
        "import a REFI-QDA project (.qdpx) or codebook (.qdc); creates PROJECT if it does not exist, "
        "else merges (by GUID: importing twice adds nothing)",
    )
    parser.add_argument("file", metavar="FILE.qdpx|FILE.qdc")
    parser.add_argument(
        "--coder", metavar="NAME", help="your name as coder (default: $CODEWERK_CODER or login)"
    )
